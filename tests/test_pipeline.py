"""process(): the full Result shape, stage selection from config, warnings for what is missing."""

from __future__ import annotations

import dataclasses

import pytest

import newsbridge
from newsbridge import Pipeline, load_settings
from newsbridge.errors import ConfigError, InputError


def test_process_english_page(en_page):
    result = newsbridge.process(en_page)
    assert result.language.code == "en"
    assert result.article.title.startswith("Riverton opens")
    assert len(result.article.paragraphs) == 6
    for s in result.article.sentences:
        assert result.article.body[s.start:s.end] == s.text
    assert [q.speaker for q in result.quotes] == [
        "Ana Whitcombe", "Ana Whitcombe", "Grant Ibsen", "Grant Ibsen", "Grant Ibsen"]
    assert 3 <= len(result.key_points) <= 5 and result.translation is None


def test_a_stage_whose_backend_is_not_available_is_named_in_a_warning(en_page):
    settings = load_settings()
    settings = dataclasses.replace(settings, pipeline=dataclasses.replace(settings.pipeline, key_points="neural"))
    result = Pipeline(settings).process(en_page)
    [warning] = result.warnings
    assert (warning.code, warning.stage) == ("stage_unavailable", "key_points")
    assert "'neural'" in warning.message and "not available" in warning.message
    assert result.key_points == [] and result.quotes


def test_process_korean_page(ko_page):
    result = newsbridge.process(ko_page)
    assert result.language.code == "ko"
    assert result.article.byline == "하윤서"
    assert len(result.article.sentences) == 7


def test_third_language_is_a_warning_not_a_crash():
    text = ("El ayuntamiento aprobó ayer un nuevo plan de transporte para la ciudad.\n\n"
            "Según el alcalde, las obras empezarán en primavera y durarán dos años.")
    result = newsbridge.process(text, target="ko")
    assert result.language.code == "other"
    assert [w.code for w in result.warnings] == ["unsupported_language"]
    assert len(result.article.paragraphs) == 2


def test_same_language_target_is_a_warning(ko_page):
    result = newsbridge.process(ko_page, target="ko")
    assert "same_language" in [w.code for w in result.warnings]


@pytest.mark.parametrize("kwargs, message", [
    ({"target": "fr"}, "unknown target language"),
    ({"points": 0}, "points must be between"),
    ({"points": 99}, "points must be between"),
])
def test_bad_arguments(en_page, kwargs, message):
    with pytest.raises(InputError, match=message):
        newsbridge.process(en_page, **kwargs)


def test_backend_chosen_by_name_from_config(tmp_path, en_page):
    user = tmp_path / "c.toml"
    user.write_text('[pipeline]\ndetect = "langdetect"\n', encoding="utf-8")
    pipe = Pipeline(load_settings(user))
    assert pipe._stages["detect"].backend == "langdetect"
    assert pipe.process(en_page).language.code == "en"


def test_unknown_required_backend_is_a_config_error():
    settings = load_settings()
    bad = dataclasses.replace(settings, pipeline=dataclasses.replace(settings.pipeline, segment="nltk"))
    with pytest.raises(ConfigError, match="unknown segment backend 'nltk'"):
        Pipeline(bad)


def test_clean_api(ko_page):
    art = newsbridge.clean(ko_page)
    assert art.title.startswith("청솔군")
    assert art.sentences == ()  # cleaning alone does not segment
