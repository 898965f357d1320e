"""The optional abstractive backend, on a tiny random model: plumbing, chunking, fallbacks.

The tiny model writes nonsense; these tests check structure, never quality.
"""

from __future__ import annotations

import dataclasses

import pytest

import newsbridge
from newsbridge import Pipeline, load_settings
from newsbridge.document import Article, Quote
from newsbridge.segment import segment
from newsbridge.summarize.abstractive import AbstractiveSummarizer

ARTICLE = [
    "The city of Amberly approved a new tram line on Tuesday after a decade of debate.",
    "The line will cost 610 million euros and is due to open in 2031, officials said.",
    '"This is the most important transport decision of a generation," said Mayor Ines Kovac.',
    "Opponents said a bus lane would carry as many passengers at a quarter of the cost.",
] * 6


def settings_with(tiny_models, **abstractive):
    base = load_settings()
    model = str(tiny_models["tiny-summarizer"])
    values = {"model_en": model, "model_ko": model, "num_beams": 1, "max_new_tokens": 24, **abstractive}
    return dataclasses.replace(base, pipeline=dataclasses.replace(base.pipeline, key_points="abstractive"),
                               abstractive=dataclasses.replace(base.abstractive, **values))


def test_long_article_is_summarized_in_chunks_of_whole_sentences(tiny_models):
    summarizer = AbstractiveSummarizer(settings_with(tiny_models, max_input_tokens=64))
    article = segment(Article.from_paragraphs(ARTICLE), "en")
    tokenizer, _ = summarizer._model("en")
    chunks = summarizer._chunks(article, tokenizer)
    assert len(chunks) > 1
    assert " ".join(chunks) == " ".join(s.text for s in article.sentences)
    outputs = summarizer.generate(article, "en")
    assert len(outputs) == len(chunks) and all(isinstance(o, str) for o in outputs)


def test_points_are_linked_to_source_sentences(tiny_models):
    summarizer = AbstractiveSummarizer(settings_with(tiny_models))
    article = segment(Article.from_paragraphs(ARTICLE), "en")
    found = summarizer.summarize(article, [], "en", 3)
    assert len(found) <= 3
    for point in found:
        [sid] = point.sentence_ids
        sentence = article.sentences[sid]
        assert (point.start, point.end) == (sentence.start, sentence.end)


def test_process_with_the_abstractive_backend_returns_key_points(tiny_models, en_page):
    result = Pipeline(settings_with(tiny_models)).process(en_page, points=3)
    assert 1 <= len(result.key_points) <= 3
    # either the model's points, or (nonsense with nothing usable) the extractive ones, said so
    codes = [w.code for w in result.warnings]
    assert codes in ([], ["model_fallback"])


def test_missing_model_falls_back_to_extractive_with_a_clear_warning(tmp_path, en_page, monkeypatch):
    from huggingface_hub import constants

    monkeypatch.setattr(constants, "HF_HUB_CACHE", str(tmp_path / "empty-cache"))
    monkeypatch.delenv("NEWSBRIDGE_MODEL_DIR", raising=False)
    base = load_settings()
    settings = dataclasses.replace(base, pipeline=dataclasses.replace(base.pipeline, key_points="abstractive"))
    result = Pipeline(settings).process(en_page, points=3)
    assert len(result.key_points) == 3
    [warning] = result.warnings
    assert warning.code == "model_fallback" and warning.stage == "key_points"
    assert "bart-large-cnn" in warning.message
    assert "newsbridge models download bart-large-cnn" in warning.message
    assert "extractive" in warning.message


def quote(text, speaker):
    return Quote(id="q1", text=text, start=0, end=len(text), paragraph=0, speaker=speaker)


@pytest.mark.parametrize("point, speaker, expected", [
    ("The council approved the plan on Tuesday.", "Ines Kovac", []),
    ('"The decision of a generation," said Ines Kovac.', "Ines Kovac", ["q1"]),
    ('"The decision of a generation," said the council.', "Ines Kovac", None),  # wrong mouth
    ('"We never said this," said Ines Kovac.', "Ines Kovac", None),  # an invented quote
    ('"The decision of a generation," she said.', None, None),  # no known speaker
])
def test_generated_quotes_must_repeat_a_quote_with_its_speaker(point, speaker, expected):
    q = quote("The decision of a generation,", speaker)
    assert AbstractiveSummarizer._quotes_of(point, [q]) == expected


def test_summarize_api_with_config_default_is_extractive(en_page):
    assert len(newsbridge.summarize(en_page, points=2)) == 2
