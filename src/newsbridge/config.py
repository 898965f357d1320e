"""Settings: the packaged defaults (configs/default.toml) with a user file laid over them.

The result is one frozen, validated Settings object: an unknown key or a value of the wrong
type is a ConfigError naming the file and the key, not a surprise three stages later.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError

ENV_CONFIG = "NEWSBRIDGE_CONFIG"


@dataclass(frozen=True)
class PipelineSettings:
    """Which backend runs each stage, by name."""

    clean: str = "rules"
    detect: str = "lingua"
    segment: str = "rules"
    quotes: str = "rules"
    key_points: str = "extractive"
    translate: str = "transformers"


@dataclass(frozen=True)
class LimitSettings:
    """Bounds on what one request may ask for."""

    max_chars: int = 1_000_000  # article text: pasted text, or what is extracted from HTML
    max_html_chars: int = 10_000_000  # the markup of an HTML page (as the feed fetcher's cap)

    @property
    def max_input_chars(self) -> int:
        """The most characters any input may have before it is known to be HTML or text."""
        return max(self.max_chars, self.max_html_chars)


@dataclass(frozen=True)
class ModelSettings:
    """Where models are looked for, where they run (devices.py), and how many CPU threads they may use."""

    dir: str = ""
    threads: int = 0
    device: str = "auto"        # auto | cpu | cuda | cuda:N
    compute_type: str = "auto"  # auto | float32 | float16 | bfloat16 | int8 | int8_float16 | ...


@dataclass(frozen=True)
class AbstractiveSettings:
    """The optional transformers summarizer."""

    model_en: str = "bart-large-cnn"
    model_ko: str = "kobart-summarization"
    max_input_tokens: int = 1024
    max_new_tokens: int = 160
    num_beams: int = 4


@dataclass(frozen=True)
class TranslateSettings:
    """Translation models and decoding."""

    model_en_ko: str = "opus-mt-tc-big-en-ko"
    model_ko_en: str = "opus-mt-tc-big-ko-en"
    beam_size: int = 4
    max_batch_tokens: int = 4096
    max_batch_tokens_gpu: int = 16384
    max_segment_chars: int = 400
    cache: str = "~/.cache/newsbridge/translations.sqlite"
    glossary: str = ""


@dataclass(frozen=True)
class ServerSettings:
    """The local HTTP service (`newsbridge serve`)."""

    host: str = "127.0.0.1"
    port: int = 8765
    load_models: str = "startup"      # startup | lazy
    max_body_bytes: int = 16_000_000
    max_item_chars: int = 200_000
    max_items: int = 64
    timeout_seconds: float = 120.0
    workers: int = 2
    batch_window_ms: int = 10
    api_keys: list = field(default_factory=list)
    cors_origins: list = field(default_factory=list)


@dataclass(frozen=True)
class Settings:
    """All of newsbridge's settings."""

    pipeline: PipelineSettings = field(default_factory=PipelineSettings)
    limits: LimitSettings = field(default_factory=LimitSettings)
    models: ModelSettings = field(default_factory=ModelSettings)
    abstractive: AbstractiveSettings = field(default_factory=AbstractiveSettings)
    translate: TranslateSettings = field(default_factory=TranslateSettings)
    server: ServerSettings = field(default_factory=ServerSettings)


def config_dir() -> Path:
    """The folder of packaged config files (default.toml, glossaries...)."""
    packaged = Path(__file__).parent / "configs"  # inside an installed wheel
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "configs"  # a source checkout


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(f"config file {path} does not exist") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {path} is not valid TOML: {exc}") from None


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _build(cls: type, data: dict[str, Any], where: str) -> Any:
    fields = {f.name: f for f in dataclasses.fields(cls)}
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in fields:
            known = ", ".join(sorted(fields))
            raise ConfigError(f"unknown setting {where}{key!r}; known here: {known}")
        default = getattr(cls(), key)
        if dataclasses.is_dataclass(default):
            if not isinstance(value, dict):
                raise ConfigError(f"setting {where}{key!r} must be a table [{key}]")
            values[key] = _build(type(default), value, f"[{key}] ")
        elif type(value) is not type(default) and not (type(default) is float and type(value) is int):
            raise ConfigError(
                f"setting {where}{key!r} must be {type(default).__name__}, got {value!r}"
            )
        else:
            values[key] = value
    return cls(**values)


def load_settings(path: str | os.PathLike[str] | None = None) -> Settings:
    """Load the packaged defaults, then `path` (or $NEWSBRIDGE_CONFIG) over them."""
    data = _read_toml(config_dir() / "default.toml")
    user = path or os.environ.get(ENV_CONFIG)
    if user:
        data = _merge(data, _read_toml(Path(user)))
    settings = _build(Settings, data, "")
    for key in ("max_chars", "max_html_chars"):
        if getattr(settings.limits, key) < 1:
            raise ConfigError(f"setting [limits] {key!r} must be at least 1")
    if settings.server.load_models not in ("startup", "lazy"):
        raise ConfigError("setting [server] 'load_models' must be 'startup' or 'lazy'")
    from .devices import check_settings

    check_settings(settings.models)
    return settings
