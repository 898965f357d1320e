"""The model catalog, and finding a model's files on this machine.

A model is named by a catalog name ('bart-large-cnn'), a hub id ('facebook/bart-large-cnn')
or a local folder. Its files are looked for, in order: the folder itself; [models] dir and
$NEWSBRIDGE_MODEL_DIR (as <dir>/<catalog name> or <dir>/<hub id>); the Hugging Face cache.
Nothing is downloaded at run time: a newsroom server may have no internet, and a surprise
multi-GB download is not what anyone wants. `newsbridge models download NAME` fetches one
explicitly; a missing model is a ModelNotFoundError that says where we looked and that
command.
"""

from __future__ import annotations

import functools
import logging
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .config import Settings, config_dir
from .errors import ConfigError, ModelNotFoundError

log = logging.getLogger(__name__)
ENV_MODEL_DIR = "NEWSBRIDGE_MODEL_DIR"


@dataclass(frozen=True)
class ModelSpec:
    """One entry of configs/models.toml."""

    name: str
    hub_id: str
    task: str
    languages: tuple[str, ...]
    license: str
    note: str = ""
    # Multilingual models: the source-language code for the tokenizer, and the token that
    # starts the target language's output.
    lang_codes: tuple[tuple[str, str], ...] = ()
    lang_tokens: tuple[tuple[str, str], ...] = ()


@functools.lru_cache(maxsize=1)
def catalog() -> dict[str, ModelSpec]:
    """The packaged model catalog, by name."""
    with (config_dir() / "models.toml").open("rb") as fh:
        data = tomllib.load(fh)
    specs = {}
    for name, entry in data.get("models", {}).items():
        try:
            specs[name] = ModelSpec(name=name, hub_id=entry["hub_id"], task=entry["task"],
                                    languages=tuple(entry["languages"]), license=entry["license"],
                                    note=entry.get("note", ""),
                                    lang_codes=tuple(entry.get("lang_codes", {}).items()),
                                    lang_tokens=tuple(entry.get("lang_tokens", {}).items()))
        except KeyError as exc:
            raise ConfigError(f"models.toml: model {name!r} lacks {exc.args[0]!r}") from None
    return specs


def hub_id_of(name: str) -> str:
    """The hub id for a catalog name, or the name itself (already a hub id or a path)."""
    spec = catalog().get(name)
    return spec.hub_id if spec else name


def search_dirs(settings: Settings) -> list[Path]:
    """The folders searched for model files, in order."""
    dirs = [settings.models.dir, os.environ.get(ENV_MODEL_DIR, "")]
    return [Path(d).expanduser() for d in dirs if d]


def _has_model(path: Path) -> bool:
    return (path / "config.json").is_file() or (path / "model.bin").is_file()


def locate(name: str, settings: Settings) -> Path:
    """The folder holding model `name`'s files on this machine, or ModelNotFoundError."""
    looked: list[str] = []
    direct = Path(name).expanduser()
    if direct.is_dir():
        if _has_model(direct):
            return direct
        looked.append(str(direct))
    hub_id = hub_id_of(name)
    for base in search_dirs(settings):
        for candidate in (base / name, base / hub_id, base / hub_id.replace("/", "--")):
            if _has_model(candidate):
                return candidate
            looked.append(str(candidate))
    if "/" in hub_id and not direct.is_absolute():
        cached = _from_hf_cache(hub_id)
        if cached is not None:
            return cached
        looked.append(f"the Hugging Face cache ({_hf_cache_dir()})")
    raise ModelNotFoundError(
        f"model {name!r} ({hub_id}) is not installed: looked in {'; '.join(looked) or 'nowhere'}; "
        f"fetch it with: newsbridge models download {name}"
    )


def _hf_cache_dir() -> str:
    from huggingface_hub import constants

    return str(constants.HF_HUB_CACHE)


def _from_hf_cache(hub_id: str) -> Path | None:
    """The snapshot folder of `hub_id` in the Hugging Face cache, without any network call."""
    from huggingface_hub import snapshot_download
    from huggingface_hub.errors import LocalEntryNotFoundError

    try:
        return Path(snapshot_download(hub_id, local_files_only=True))
    except (LocalEntryNotFoundError, OSError, ValueError):
        return None


def set_threads(settings: Settings) -> None:
    """Apply [models] threads to torch (0 keeps torch's default)."""
    if settings.models.threads > 0:
        import torch

        torch.set_num_threads(settings.models.threads)


def load_seq2seq(name: str, settings: Settings):  # noqa: ANN201 - transformers types
    """(tokenizer, model) of a sequence-to-sequence model, from local files only, ready for
    inference on the device and in the precision of [models] device and compute_type
    (`model.device`, `model.dtype`)."""
    path = locate(name, settings)
    import torch
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    from .devices import torch_placement

    placement = torch_placement(settings)
    set_threads(settings)
    log.info("loading %s from %s on %s (%s)", name, path, placement.device, placement.compute_type)
    tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
    model = AutoModelForSeq2SeqLM.from_pretrained(path, local_files_only=True,
                                                  dtype=getattr(torch, placement.compute_type))
    model.to(placement.device).eval()
    return tokenizer, model


def ct2_name(name: str) -> str:
    """Where the CTranslate2 conversion of `name` lives: '<name>-ct2' (a folder beside a local
    model, or a name in the model folders)."""
    return f"{name.rstrip('/')}-ct2"


def default_model_dir(settings: Settings) -> Path:
    """Where downloads and conversions go: the first search folder, else ~/.cache/newsbridge/models."""
    dirs = search_dirs(settings)
    return dirs[0] if dirs else Path.home() / ".cache" / "newsbridge" / "models"


def convert_to_ct2(name: str, settings: Settings, quantization: str = "int8") -> Path:
    """Convert a transformers model to CTranslate2 (int8 by default), tokenizer included."""
    try:
        from ctranslate2.converters import TransformersConverter
    except ImportError:
        raise ModelNotFoundError(
            "CTranslate2 is not installed: pip install 'newsbridge[fast]'") from None
    source = locate(name, settings)
    direct = Path(name).expanduser()
    out = Path(ct2_name(str(direct))) if direct.is_dir() else default_model_dir(settings) / ct2_name(name)
    TransformersConverter(str(source)).convert(str(out), quantization=quantization, force=True)
    from transformers import AutoTokenizer

    AutoTokenizer.from_pretrained(source, local_files_only=True).save_pretrained(out)
    return out
