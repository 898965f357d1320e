"""Settings: packaged defaults, a user file over them, clear errors for mistakes."""

from __future__ import annotations

import pytest

from newsbridge.config import config_dir, load_settings
from newsbridge.errors import ConfigError


def test_defaults_come_from_the_packaged_file():
    settings = load_settings()
    assert (config_dir() / "default.toml").is_file()
    assert settings.pipeline.detect == "lingua"
    assert settings.limits.max_chars == 1_000_000


def test_user_file_overrides_key_by_key(tmp_path):
    user = tmp_path / "mine.toml"
    user.write_text('[pipeline]\ndetect = "langdetect"\n', encoding="utf-8")
    settings = load_settings(user)
    assert settings.pipeline.detect == "langdetect"
    assert settings.pipeline.segment == "rules"  # untouched keys keep their default


def test_env_variable_names_the_user_file(tmp_path, monkeypatch):
    user = tmp_path / "env.toml"
    user.write_text("[limits]\nmax_chars = 500\n", encoding="utf-8")
    monkeypatch.setenv("NEWSBRIDGE_CONFIG", str(user))
    assert load_settings().limits.max_chars == 500


@pytest.mark.parametrize("content, message", [
    ("[pipeline]\ndetekt = 'lingua'\n", "unknown setting \\[pipeline\\] 'detekt'"),
    ("[limits]\nmax_chars = 'lots'\n", "must be int"),
    ("[limits]\nmax_chars = 0\n", "at least 1"),
    ("[nope]\nx = 1\n", "unknown setting 'nope'"),
    ("pipeline = 3\n", "must be a table"),
    ("[pipeline\n", "not valid TOML"),
    ("[models]\ndevice = 'gpu'\n", "auto, cpu, cuda or cuda:N"),
    ("[models]\ncompute_type = 'fp8'\n", "compute_type' must be one of"),
])
def test_mistakes_are_config_errors(tmp_path, content, message):
    user = tmp_path / "bad.toml"
    user.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_settings(user)


def test_missing_file(tmp_path):
    with pytest.raises(ConfigError, match="does not exist"):
        load_settings(tmp_path / "absent.toml")
