"""Article translation: structure, quotes kept once with their speakers, cache, backends.

Tiny random models translate nonsense; these tests assert structure, never quality.
"""

from __future__ import annotations

import dataclasses

import pytest

from newsbridge import Pipeline, load_settings
from newsbridge.translate import CachedTranslator, IdentityTranslator


def settings_for(backend, tiny_models=None, tmp_path=None, **translate):
    base = load_settings()
    values = dict(translate)
    if tiny_models is not None:
        values.update(model_en_ko=str(tiny_models["tiny-marian-en-ko"]),
                      model_ko_en=str(tiny_models["tiny-marian-ko-en"]), beam_size=1)
    values.setdefault("cache", str(tmp_path / "cache.sqlite") if tmp_path else "")
    return dataclasses.replace(base, pipeline=dataclasses.replace(base.pipeline, translate=backend),
                               translate=dataclasses.replace(base.translate, **values))


def assert_structure(result):
    tr = result.translation
    assert tr is not None
    assert len(tr.paragraphs) == len(result.article.paragraphs)
    assert len(tr.key_points) == len(result.key_points)
    assert set(tr.quotes) == {q.id for q in result.quotes}
    body = "\n\n".join(tr.paragraphs)
    for qid, text in tr.quotes.items():
        assert body.count(f"“{text}”") >= 1, qid
    assert not any("[1]" in p for p in tr.paragraphs)  # placeholders restored
    names = {c.name for c in tr.checks}
    assert {"numbers", "script", "length", "repetition"} <= names
    return tr


def test_identity_translation_keeps_structure_quotes_and_numbers(en_page, tmp_path):
    result = Pipeline(settings_for("identity")).process(en_page, target="ko")
    tr = assert_structure(result)
    assert tr.model == "identity"
    # identity output equals the source, quotes now in curly marks, numbers intact
    assert tr.paragraphs[1] == result.article.paragraphs[1].text
    assert tr.quotes["q1"] == result.quotes[0].text
    assert all(c.ok for c in tr.checks if c.name in ("numbers", "quotes"))
    assert any(not c.ok for c in tr.checks if c.name == "script")  # English left in "Korean"


def test_each_quote_appears_exactly_once_in_quote_marks(ko_page):
    result = Pipeline(settings_for("identity")).process(ko_page, target="en")
    tr = assert_structure(result)
    body = "\n\n".join(tr.paragraphs)
    for quote in result.quotes:
        assert body.count(f"“{tr.quotes[quote.id]}”") == 1


def test_glossary_terms_are_rendered_with_their_translation():
    text = ("The National Assembly passed the budget on Friday after a long debate.\n\n"
            '"The National Assembly did its job," said Speaker Ana Lim.')
    result = Pipeline(settings_for("identity")).process(text, target="ko")
    assert result.translation.paragraphs[0].startswith("The 국회 passed the budget")
    assert result.translation.quotes["q1"].startswith("The 국회 did its job")
    assert all(c.ok for c in result.translation.checks if c.name == "glossary")


@pytest.mark.parametrize("backend", ["transformers", "ctranslate2"])
def test_tiny_model_backends_translate_both_directions(backend, tiny_models, en_page, ko_page, tmp_path):
    if backend == "ctranslate2" and "tiny-marian-en-ko-ct2" not in tiny_models:
        pytest.skip("ctranslate2 is not installed")
    pipe = Pipeline(settings_for(backend, tiny_models, tmp_path))
    for page, target in ((en_page, "ko"), (ko_page, "en")):
        result = pipe.process(page, target=target)
        tr = assert_structure(result)
        assert tr.model.startswith(backend)
        assert all(isinstance(p, str) for p in tr.paragraphs)


def test_sentence_cache_spares_the_model_on_a_rerun(tmp_path):
    class Counting(IdentityTranslator):
        calls = 0

        def translate(self, texts, source, target):
            Counting.calls += len(texts)
            return super().translate(texts, source, target)

    cached = CachedTranslator(Counting(), tmp_path / "c.sqlite")
    assert cached.translate(["one", "two", "one"], "en", "ko") == ["one", "two", "one"]
    assert Counting.calls == 2
    again = CachedTranslator(Counting(), tmp_path / "c.sqlite")  # a new process, same file
    assert again.translate(["two", "one", "three"], "en", "ko") == ["two", "one", "three"]
    assert Counting.calls == 3


def test_missing_model_gives_null_translation_and_a_clear_warning(en_page, tmp_path, monkeypatch):
    from huggingface_hub import constants

    monkeypatch.setattr(constants, "HF_HUB_CACHE", str(tmp_path / "empty"))
    monkeypatch.delenv("NEWSBRIDGE_MODEL_DIR", raising=False)
    result = Pipeline(settings_for("transformers")).process(en_page, target="ko")
    assert result.translation is None
    assert result.quotes and result.key_points  # everything else is still there
    [warning] = [w for w in result.warnings if w.stage == "translate"]
    assert warning.code == "model_missing"
    assert "opus-mt-tc-big-en-ko" in warning.message
    assert "newsbridge models download opus-mt-tc-big-en-ko" in warning.message


def test_ctranslate2_backend_without_conversion_says_how_to_convert(en_page, tmp_path, tiny_models, monkeypatch):
    pytest.importorskip("ctranslate2")
    import shutil

    model = tmp_path / "m-en-ko"
    shutil.copytree(tiny_models["tiny-marian-en-ko"], model)
    settings = settings_for("ctranslate2", model_en_ko=str(model))
    result = Pipeline(settings).process(en_page, target="ko")
    [warning] = [w for w in result.warnings if w.stage == "translate"]
    assert f"newsbridge models convert {model}" in warning.message
