"""Finding model files: local folders, the model dir, the Hugging Face cache; clear errors."""

from __future__ import annotations

import dataclasses

import pytest
from huggingface_hub import constants

from newsbridge import load_settings
from newsbridge.errors import ModelNotFoundError
from newsbridge.models import catalog, hub_id_of, load_seq2seq, locate


@pytest.fixture
def empty_hf_cache(tmp_path, monkeypatch):
    cache = tmp_path / "hf-cache"
    cache.mkdir()
    monkeypatch.setattr(constants, "HF_HUB_CACHE", str(cache))
    monkeypatch.delenv("NEWSBRIDGE_MODEL_DIR", raising=False)
    return cache


def fake_model(folder):
    folder.mkdir(parents=True)
    (folder / "config.json").write_text("{}", encoding="utf-8")
    return folder


def test_catalog_names_hub_ids_and_licences():
    specs = catalog()
    assert specs["bart-large-cnn"].hub_id == "facebook/bart-large-cnn"
    assert all(spec.license for spec in specs.values())
    assert hub_id_of("bart-large-cnn") == "facebook/bart-large-cnn"
    assert hub_id_of("someone/other-model") == "someone/other-model"


def test_a_local_folder(tmp_path, empty_hf_cache):
    folder = fake_model(tmp_path / "my-model")
    assert locate(str(folder), load_settings()) == folder


def test_the_model_dir_from_env_and_from_config(tmp_path, empty_hf_cache, monkeypatch):
    by_env = fake_model(tmp_path / "env" / "bart-large-cnn")
    monkeypatch.setenv("NEWSBRIDGE_MODEL_DIR", str(tmp_path / "env"))
    assert locate("bart-large-cnn", load_settings()) == by_env
    by_config = fake_model(tmp_path / "cfg" / "facebook--bart-large-cnn")
    settings = load_settings()
    settings = dataclasses.replace(settings, models=dataclasses.replace(settings.models, dir=str(tmp_path / "cfg")))
    assert locate("bart-large-cnn", settings) == by_config  # [models] dir is searched first


def test_the_hugging_face_cache_offline(empty_hf_cache):
    repo = empty_hf_cache / "models--facebook--bart-large-cnn"
    (repo / "refs").mkdir(parents=True)
    (repo / "refs" / "main").write_text("abc123", encoding="utf-8")
    snapshot = fake_model(repo / "snapshots" / "abc123")
    assert locate("bart-large-cnn", load_settings()) == snapshot


def test_missing_model_says_where_it_looked_and_how_to_fetch_it(tmp_path, empty_hf_cache, monkeypatch):
    monkeypatch.setenv("NEWSBRIDGE_MODEL_DIR", str(tmp_path / "models"))
    with pytest.raises(ModelNotFoundError) as info:
        locate("bart-large-cnn", load_settings())
    message = str(info.value)
    assert "facebook/bart-large-cnn" in message
    assert str(tmp_path / "models" / "bart-large-cnn") in message
    assert "Hugging Face cache" in message
    assert message.endswith("fetch it with: newsbridge models download bart-large-cnn")
    assert "\n" not in message


def test_load_seq2seq_loads_a_local_model(tiny_models):
    tokenizer, model = load_seq2seq(str(tiny_models["tiny-summarizer"]), load_settings())
    assert not model.training
    assert tokenizer("hello")["input_ids"]
