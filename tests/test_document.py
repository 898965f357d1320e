"""The document model and its JSON shape: offsets, to_dict, and the published JSON Schema."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest

import newsbridge
from newsbridge.document import SCHEMA_VERSION, Article, KeyPoint, Quote, Result, Translation


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(resources.files("newsbridge").joinpath("schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_paragraph_offsets_index_the_body():
    art = Article.from_paragraphs(["One.", "Two two.", "Three."])
    assert art.body == "One.\n\nTwo two.\n\nThree."
    assert [(p.start, p.end) for p in art.paragraphs] == [(0, 4), (6, 14), (16, 22)]


@pytest.mark.parametrize("page", ["en_page", "ko_page"])
def test_real_output_validates_against_the_schema(validator, page, request):
    data = newsbridge.process(request.getfixturevalue(page)).to_dict()
    validator.validate(data)
    assert data["schema_version"] == SCHEMA_VERSION
    # plain JSON: survives a round trip unchanged
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data


def test_every_result_part_validates_when_filled(validator, en_page):
    result = newsbridge.process(en_page)
    s = result.article.sentences[2]
    filled = Result(
        language=result.language,
        article=result.article,
        quotes=[Quote(id="q1", text="We built this", start=s.start + 1, end=s.start + 14, paragraph=2,
                      speaker="Ana Whitcombe", speaker_title="Mayor", cue="told")],
        key_points=[KeyPoint(text=s.text, sentence_ids=[s.id], start=s.start, end=s.end, quote_ids=["q1"])],
        translation=Translation(source="en", target="ko", model="tiny", title="제목", paragraphs=["문단"],
                                quotes={"q1": "우리가 지었다"}),
    )
    validator.validate(filled.to_dict())


def test_schema_rejects_a_drifted_shape(validator, en_page):
    data = newsbridge.process(en_page).to_dict()
    data["article"]["paragraphs"][0]["txt"] = data["article"]["paragraphs"][0].pop("text")
    assert not validator.is_valid(data)
