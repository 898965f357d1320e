"""Optional abstractive key points with a transformers sequence-to-sequence model.

The model (a BART/PEGASUS/T5 kind for English, KoBART or mT5 for Korean; see [abstractive] in
configs/default.toml) loads on first use, from local files only. Articles longer than the
model's input are summarized in chunks of whole sentences; the output is split into sentences,
each a key point, linked to the source sentence it is closest to.

A generated point that contains quotation marks is kept only if it repeats a quote of the
article and names that quote's speaker: a model can invent a quote or move it to another
mouth, and an editor must never see that.
"""

from __future__ import annotations

import re
from collections import Counter

from ..config import Settings
from ..document import Article, KeyPoint, Quote
from ..models import load_seq2seq
from ..segment import splitter_for
from .speakers import names_speaker
from .terms import cosine, terms, vector

_QUOTE_MARKS = re.compile(r"[\"“”「」『』]|''")


class AbstractiveSummarizer:
    """Key points written by a seq2seq model; raises ModelNotFoundError when it is not installed."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._loaded: dict[str, tuple] = {}

    def model_name(self, lang: str) -> str:
        return self.settings.abstractive.model_ko if lang == "ko" else self.settings.abstractive.model_en

    def _model(self, lang: str) -> tuple:
        name = self.model_name(lang)
        if name not in self._loaded:
            self._loaded[name] = load_seq2seq(name, self.settings)
        return self._loaded[name]

    def _chunks(self, article: Article, tokenizer) -> list[str]:  # noqa: ANN001
        """Whole sentences grouped so that each group fits the model's input."""
        limit = min(self.settings.abstractive.max_input_tokens, getattr(tokenizer, "model_max_length", 10**6)) - 2
        texts = [s.text for s in article.sentences]
        sizes = [len(ids) for ids in tokenizer(texts, add_special_tokens=False)["input_ids"]]
        chunks: list[list[str]] = [[]]
        used = 0
        for text, size in zip(texts, sizes):
            if chunks[-1] and used + size > limit:
                chunks.append([])
                used = 0
            chunks[-1].append(text)
            used += size
        return [" ".join(c) for c in chunks if c]

    def generate(self, article: Article, lang: str) -> list[str]:
        """The model's summary of the article, one string per chunk."""
        import torch

        tokenizer, model = self._model(lang)
        cfg = self.settings.abstractive
        chunks = self._chunks(article, tokenizer)
        limit = min(cfg.max_input_tokens, getattr(tokenizer, "model_max_length", 10**6))
        batch = tokenizer(chunks, return_tensors="pt", padding=True, truncation=True, max_length=limit).to(model.device)
        with torch.inference_mode():
            output = model.generate(**batch, num_beams=cfg.num_beams, max_new_tokens=cfg.max_new_tokens,
                                    no_repeat_ngram_size=3, early_stopping=cfg.num_beams > 1)
        return tokenizer.batch_decode(output, skip_special_tokens=True)

    def summarize(self, article: Article, quotes: list[Quote], lang: str, points: int) -> list[KeyPoint]:
        """Up to `points` generated key points; [] when the model produced nothing usable."""
        if not article.sentences:
            return []
        splitter = splitter_for(lang)
        candidates: list[str] = []
        for summary in self.generate(article, lang):
            for start, end in splitter.split(summary):
                text = summary[start:end].strip()
                if len(text) >= 8 and text not in candidates:
                    candidates.append(text)
        # Which source sentence each point comes from: term overlap (plain counts, no idf).
        bags = [vector(Counter(terms(s, lang)), {}) for s in article.sentences]
        out: list[KeyPoint] = []
        for text in candidates:
            quote_ids = self._quotes_of(text, quotes)
            if quote_ids is None:
                continue
            bag = vector(Counter(terms(text, lang)), {})
            best = max(range(len(bags)), key=lambda i: cosine(bag, bags[i]))
            s = article.sentences[best]
            out.append(KeyPoint(text=text, sentence_ids=[s.id], start=s.start, end=s.end, quote_ids=quote_ids))
            if len(out) == points:
                break
        return out

    @staticmethod
    def _quotes_of(text: str, quotes: list[Quote]) -> list[str] | None:
        """Ids of the article's quotes a generated point repeats, or None when the point
        carries quotation marks it cannot account for with a quote and its speaker."""
        if not _QUOTE_MARKS.search(text):
            return []
        found = []
        for q in quotes:
            probe = q.text.strip(" ,.")[:40]
            if q.kind == "speech" and len(probe) >= 8 and probe in text:
                if not q.speaker or not names_speaker(text, q.speaker):
                    return None
                found.append(q.id)
        return found or None
