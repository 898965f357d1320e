"""The shortcut around the tokenizer gives exactly the tokenizer's tokens, text and translations.

Before the shortcut, both backends encoded and decoded through the transformers tokenizer;
these tests keep that path as the reference and compare on the tiny models: the same input
tokens and ids, the same text of any output, the same translations from both engines.
"""

from __future__ import annotations

import dataclasses
import random
import re

import pytest

from newsbridge import load_settings
from newsbridge.translate.ct2 import CTranslate2Translator
from newsbridge.translate.hf import TransformersTranslator, length_batches
from newsbridge.translate.protect import mask
from newsbridge.translate.tokens import Codec, MarianCodec, codec_for

EDGE_CASES = [
    "", "   ", "\n", "a", "[1]", "[1] [2] [13]", "The vote was 181-93 on 2026-03-02 at 9:30 a.m.",
    "Emoji 😀 and NBSP\u00a0here\u200b, tabs\tand\nnewlines.", "Ünïcödé façade — “quoted” ‘text’ …",
    "시장은 \"폐교는 마을의 기억\"이라고 말했다.", "Mixed 한국어 and English 文字 テキスト.",
    "A </s> in the text", "<unk> and <pad> spelt out", ">>kor<< a language code in front",
    "  leading and trailing spaces  ",
]


def sample_texts(en_page: str, ko_page: str) -> list[str]:
    lines = [ln.strip() for page in (en_page, ko_page) for ln in page.splitlines() if ln.strip()]
    sentences = [s for ln in lines for s in re.split(r"(?<=[.!?다])\s+", ln)]
    masked = [mask(s, {"Riverton": "리버턴"}).text for s in sentences]  # what the backends are given
    longest = " ".join(lines) * 3  # past the 512-token limit
    return [*sentences, *masked, *EDGE_CASES, longest]


@pytest.fixture(scope="module")
def tokenizers(tiny_models):
    from transformers import AutoTokenizer

    return {d: AutoTokenizer.from_pretrained(tiny_models[f"tiny-marian-{d}"]) for d in ("en-ko", "ko-en")}


@pytest.mark.parametrize("direction", ["en-ko", "ko-en"])
def test_same_input_ids_and_tokens_as_the_tokenizer(direction, tokenizers, en_page, ko_page):
    tokenizer = tokenizers[direction]
    codec = codec_for(tokenizer)
    assert isinstance(codec, MarianCodec)
    texts = sample_texts(en_page, ko_page)
    for limit in (512, 16):
        expected = tokenizer(texts, truncation=True, max_length=limit)["input_ids"]
        assert codec.ids(texts, limit) == expected
        assert codec.tokens(texts, limit) == [tokenizer.convert_ids_to_tokens(ids) for ids in expected]


@pytest.mark.parametrize("direction", ["en-ko", "ko-en"])
def test_same_text_as_the_tokenizer_for_any_output(direction, tokenizers, en_page, ko_page):
    tokenizer = tokenizers[direction]
    codec = codec_for(tokenizer)
    rng = random.Random(0)
    size = len(tokenizer.encoder)
    outputs = [tokenizer(t)["input_ids"] for t in sample_texts(en_page, ko_page)]
    # Random outputs, special ids and the pad row (past vocab.json, as in opus-mt) among them.
    outputs += [[rng.randrange(size + 1) for _ in range(rng.randrange(1, 40))] for _ in range(300)]
    for ids in outputs:
        assert codec.text(ids) == tokenizer.decode(ids, skip_special_tokens=True), ids
        tokens = tokenizer.convert_ids_to_tokens(ids)
        assert codec.text_of_tokens(tokens) == Codec(tokenizer).text_of_tokens(tokens), tokens


def test_decodes_with_the_sentencepiece_model_transformers_uses(tiny_models, monkeypatch):
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(tiny_models["tiny-marian-en-ko"])
    for name in ("spm_source", "spm_target"):  # two files, two models: tell their output apart
        model = getattr(tokenizer, name)
        monkeypatch.setattr(model, "decode_pieces", lambda pieces, f=model.decode_pieces, n=name: n + f(pieces))
    ids = tokenizer("The council met on Tuesday.")["input_ids"]
    assert codec_for(tokenizer).text(ids) == tokenizer.decode(ids, skip_special_tokens=True)


def test_other_tokenizers_keep_their_own_way(tiny_models):
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(tiny_models["tiny-summarizer"])  # T5, not Marian
    codec = codec_for(tokenizer)
    assert type(codec) is Codec
    assert codec.ids(["Hello there."], 512) == tokenizer(["Hello there."], truncation=True)["input_ids"]


def settings_for(tiny_models):
    base = load_settings()
    return dataclasses.replace(base, translate=dataclasses.replace(
        base.translate, model_en_ko=str(tiny_models["tiny-marian-en-ko"]),
        model_ko_en=str(tiny_models["tiny-marian-ko-en"]), beam_size=1, max_batch_tokens=512, cache=""))


@pytest.mark.parametrize("backend", [TransformersTranslator, CTranslate2Translator])
def test_translations_are_the_same_through_the_tokenizer(backend, tiny_models, en_page, ko_page):
    """The backend with the shortcut against the same backend going through the tokenizer."""
    if backend is CTranslate2Translator:
        pytest.importorskip("ctranslate2")
    texts = sample_texts(en_page, ko_page)
    # Outputs cut at 24 tokens (tiny models never stop by themselves): quick, and long enough.
    short = {"max_new_tokens": 24} if backend is TransformersTranslator else {"max_decoding_length": 24}
    fast, reference = backend(settings_for(tiny_models), short), backend(settings_for(tiny_models), short)
    for source, target in (("en", "ko"), ("ko", "en")):
        name = str(tiny_models[f"tiny-marian-{source}-{target}"])
        codec, model = reference._model(name)
        reference._models[name] = (Codec(codec.tokenizer), model)
        assert isinstance(fast._model(name)[0], MarianCodec)
        assert fast.translate(texts, source, target) == reference.translate(texts, source, target)


def test_transformers_backend_gives_generate_the_same_tensors_as_before(tiny_models, en_page, ko_page):
    """Tokenized once and padded per batch: the tensors the tokenizer made per batch before."""
    import torch

    backend = TransformersTranslator(settings_for(tiny_models), {"max_new_tokens": 2})
    name = str(tiny_models["tiny-marian-en-ko"])
    codec, model = backend._model(name)
    tokenizer = codec.tokenizer
    texts = sample_texts(en_page, ko_page)
    seen = []
    original = model.generate

    def recording(**kwargs):
        seen.append({k: kwargs[k] for k in ("input_ids", "attention_mask")})
        return original(**kwargs)

    model.generate = recording
    try:
        backend.translate(texts, "en", "ko")
    finally:
        del model.generate
    lengths = [len(ids) for ids in tokenizer(texts, truncation=True, max_length=512)["input_ids"]]
    batches = length_batches(lengths, 512)
    assert len(seen) == len(batches)
    for batch, enc in zip(batches, seen):
        before = tokenizer([texts[i] for i in batch], return_tensors="pt", padding=True, truncation=True,
                           max_length=512)
        assert torch.equal(enc["input_ids"], before["input_ids"])
        assert torch.equal(enc["attention_mask"], before["attention_mask"])
