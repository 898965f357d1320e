"""The transformers translation backend (generate, batched), and what backends share.

Backends sort their inputs by length and translate them in batches bounded by a token budget
(so padding is small and memory stays flat), and cut decoding loops. Models load on first use,
from local files only (models.py).
"""

from __future__ import annotations

import threading

from ..config import Settings
from ..devices import batch_tokens
from ..errors import ConfigError
from ..models import catalog, load_seq2seq
from .checks import cut_repetition
from .tokens import codec_for


# Decoding loops are first prevented (no 4-gram twice in one output: a sentence almost never
# repeats four tokens in a row on purpose), then cut if they happen anyway (checks.py).
NO_REPEAT_NGRAM = 4


def model_for(settings: Settings, source: str, target: str) -> str:
    """The configured model name for one direction."""
    if (source, target) == ("en", "ko"):
        return settings.translate.model_en_ko
    if (source, target) == ("ko", "en"):
        return settings.translate.model_ko_en
    raise ConfigError(f"no translation model for {source!r} -> {target!r}; newsbridge translates en <-> ko")


def _lang_settings(name: str, source: str, target: str) -> tuple[str | None, str | None]:
    """For a multilingual model: the tokenizer's source code and the target's first token."""
    spec = catalog().get(name)
    if not spec or not spec.lang_codes:
        return None, None
    return dict(spec.lang_codes).get(source), dict(spec.lang_tokens).get(target)


def length_batches(lengths: list[int], budget: int) -> list[list[int]]:
    """Indices grouped into batches, shortest first, each within `budget` padded tokens."""
    order = sorted(range(len(lengths)), key=lengths.__getitem__)
    batches: list[list[int]] = []
    for i in order:
        if batches and (len(batches[-1]) + 1) * max(lengths[i], 1) <= budget:
            batches[-1].append(i)
        else:
            batches.append([i])
    return batches


class ModelBackend:
    """What both backends share: settings, extra decoding options, models loaded once."""

    kind = ""

    def __init__(self, settings: Settings, options: dict | None = None) -> None:
        self.settings = settings
        # Extra decoding arguments over ours (the benchmark forces output lengths with them).
        self.options = options or {}
        self._models: dict[str, tuple] = {}
        self._lock = threading.Lock()

    def model_id(self, source: str, target: str) -> str:
        return f"{self.kind}:{model_for(self.settings, source, target)}"

    def _model(self, name: str) -> tuple:
        """(codec, model) of model `name`, loaded on first use (tokens.py: the codec)."""
        with self._lock:  # two requests must not load the same model twice
            if name not in self._models:
                tokenizer, model = self._load(name)
                self._models[name] = (codec_for(tokenizer), model)
            return self._models[name]

    def _load(self, name: str) -> tuple:
        """(tokenizer, model) of model `name`."""
        raise NotImplementedError


class TransformersTranslator(ModelBackend):
    """transformers' generate(), batched, under torch.inference_mode."""

    kind = "transformers"

    def _load(self, name: str) -> tuple:
        return load_seq2seq(name, self.settings)

    def translate(self, texts: list[str], source: str, target: str) -> list[str]:
        if not texts:
            return []
        import torch

        name = model_for(self.settings, source, target)
        codec, model = self._model(name)
        tokenizer = codec.tokenizer
        src_code, tgt_token = _lang_settings(name, source, target)
        if src_code:
            tokenizer.src_lang = src_code
        extra = {"forced_bos_token_id": tokenizer.convert_tokens_to_ids(tgt_token)} if tgt_token else {}
        limit = min(getattr(tokenizer, "model_max_length", 512) or 512, 512)
        # Tokenized once: the lengths make the batches, and the same ids are padded into them.
        ids = codec.ids(texts, limit)
        out = [""] * len(texts)
        budget = batch_tokens(self.settings, model.device.type == "cuda")
        for batch in length_batches([len(i) for i in ids], budget):
            enc = tokenizer.pad({"input_ids": [ids[i] for i in batch]}, return_tensors="pt").to(model.device)
            longest = max(len(ids[i]) for i in batch)
            with torch.inference_mode():
                options = {"num_beams": self.settings.translate.beam_size,
                           "max_new_tokens": min(limit, 2 * longest + 10),
                           "no_repeat_ngram_size": NO_REPEAT_NGRAM, **extra, **self.options}
                generated = model.generate(**enc, **options)
            for i, row in zip(batch, generated.tolist()):
                out[i] = cut_repetition(codec.text(row).strip())
        return out
