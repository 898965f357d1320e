"""Texts to a translation model's tokens and back: what both backends do around the model.

`Codec` goes through the model's transformers tokenizer, whatever it is. `MarianCodec` gives
the same tokens for MarianMT (the opus-mt models: SentencePiece plus one vocabulary file)
straight from the tokenizer's own SentencePiece model and vocabulary, without transformers'
per-text bookkeeping (splitting on added tokens, pieces to ids to tokens one Python call at
a time, special tokens recomputed per call). That bookkeeping costs little next to a CPU
engine but about as much as the engine itself on a GPU. A text the shortcut cannot vouch
for (one holding a special token's text, or a '>>lang<<' prefix) and an output holding an
id outside the vocabulary take the tokenizer's way; tests compare the two on real text.
"""

from __future__ import annotations

from typing import Any

SPIECE_UNDERLINE = "▁"


class Codec:
    """A transformers tokenizer's encoding and decoding, as the translation backends use them."""

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer

    def ids(self, texts: list[str], max_length: int) -> list[list[int]]:
        """Each text's input ids, special tokens included, cut to `max_length`."""
        return self.tokenizer(texts, truncation=True, max_length=max_length)["input_ids"]

    def tokens(self, texts: list[str], max_length: int) -> list[list[str]]:
        """Each text's input tokens (CTranslate2 takes tokens), special tokens included."""
        return [self.tokenizer.convert_ids_to_tokens(ids) for ids in self.ids(texts, max_length)]

    def text(self, ids: list[int]) -> str:
        """The text of output ids, special tokens left out."""
        return self.tokenizer.decode(ids, skip_special_tokens=True)

    def text_of_tokens(self, tokens: list[str]) -> str:
        """The text of output tokens, special tokens left out."""
        return self.text(self.tokenizer.convert_tokens_to_ids(tokens))


class MarianCodec(Codec):
    """MarianTokenizer's own tokens and text, from its SentencePiece models and vocabulary.

    Used where it is exact: a shared vocabulary (vocab.json, as opus-mt ships), truncation
    on the right and special tokens not split (the defaults). It mirrors transformers' rules,
    which the tests check against the tokenizer: pieces to ids through the vocabulary with
    the added tokens first; decoding with the source SentencePiece model (what transformers
    5 does for a shared vocabulary), '▁' made a space and the ends stripped.
    """

    def __init__(self, tokenizer: Any) -> None:
        super().__init__(tokenizer)
        self._encode = tokenizer.spm_source.encode
        # transformers (5.x) decodes with the source model unless the vocabularies are separate.
        self._decode_pieces = tokenizer.spm_source.decode_pieces
        added = {t.content: i for i, t in tokenizer.added_tokens_decoder.items()}
        self._token_ids = {**tokenizer.encoder, **added}
        self._id_tokens = {**tokenizer.decoder, **{i: t for t, i in added.items()}}
        self._added = tuple(added)
        self._unk = tokenizer.unk_token_id
        self._eos = tokenizer.eos_token_id
        self._special = set(tokenizer.all_special_ids)
        # The text of output ids: every id that is not special, if each has its piece (a
        # piece spelt like a special token would be treated as one: leave those to the tokenizer).
        specials = set(tokenizer.all_special_tokens)
        self._pieces = {i: t for i, t in self._id_tokens.items() if i not in self._special and t not in specials}
        self._cleanup = tokenizer.clean_up_tokenization if tokenizer.clean_up_tokenization_spaces else None

    @staticmethod
    def fits(tokenizer: Any) -> bool:
        """Whether `tokenizer` is one this codec reproduces."""
        return (type(tokenizer).__name__ == "MarianTokenizer" and not tokenizer.separate_vocabs
                and tokenizer.truncation_side == "right" and not getattr(tokenizer, "split_special_tokens", False))

    def _plain(self, text: str) -> bool:
        return not text.startswith(">>") and not any(t in text for t in self._added)

    def ids(self, texts: list[str], max_length: int) -> list[list[int]]:
        out = []
        for text in texts:
            if not self._plain(text):
                out.append(super().ids([text], max_length)[0])
                continue
            get, unk = self._token_ids.get, self._unk
            ids = [get(piece, unk) for piece in self._encode(text, out_type=str)]
            out.append(ids[:max_length - 1] + [self._eos])
        return out

    def tokens(self, texts: list[str], max_length: int) -> list[list[str]]:
        id_tokens = self._id_tokens
        return [[id_tokens[i] for i in ids] for ids in self.ids(texts, max_length)]

    def text(self, ids: list[int]) -> str:
        pieces = []
        for i in ids:
            if i in self._special:
                continue
            piece = self._pieces.get(i)
            if piece is None:
                return super().text(ids)
            pieces.append(piece)
        text = self._decode_pieces(pieces).replace(SPIECE_UNDERLINE, " ").strip()
        return self._cleanup(text) if self._cleanup else text

    def text_of_tokens(self, tokens: list[str]) -> str:
        get, unk = self._token_ids.get, self._unk
        return self.text([get(t, unk) for t in tokens])


def codec_for(tokenizer: Any) -> Codec:
    """The fastest codec that gives exactly `tokenizer`'s tokens and text."""
    return MarianCodec(tokenizer) if MarianCodec.fits(tokenizer) else Codec(tokenizer)
