"""Translating an article: paragraphs kept, quotes intact and with their speakers, QA flags.

Every sentence is translated with its quotes replaced by placeholders; every quote is
translated as a unit of its own and put back between the target language's quote marks, so
each source quote appears exactly once in the translation, linked by id to the same speaker.
Glossary terms and numbers, dates, URLs, e-mails and @handles are protected the same way
(protect.py). A sentence longer than the model should take is split at clause boundaries.
All units of the article go to the translator in one call, which batches them by length.
"""

from __future__ import annotations

import re

from ..document import Article, Check, KeyPoint, Quote, Translation
from .base import Translator
from .checks import check_item
from .protect import Masked, mask, unmask

_CLAUSE = re.compile(r"(?<=[,;:])\s+|\s+(?=—|–)")
_CLOSERS = "”\"'’」』"


def split_clauses(text: str, limit: int) -> list[str]:
    """`text` cut at clause boundaries into pieces of at most `limit` characters where possible."""
    if len(text) <= limit:
        return [text]
    pieces: list[str] = []
    for part in _CLAUSE.split(text):
        if pieces and len(pieces[-1]) + 1 + len(part) <= limit:
            pieces[-1] += " " + part
        else:
            pieces.append(part)
    return pieces


def _quote_span(body: str, q: Quote) -> tuple[int, int]:
    """The quote with its marks, as (start, end) in the body."""
    open_len = 2 if body[max(0, q.start - 2):q.start] in ("''", "``") else 1
    if body[q.end:q.end + 2] == "''":
        close_len = 2
    else:
        close_len = 1 if body[q.end:q.end + 1] and body[q.end] in _CLOSERS else 0
    return q.start - open_len, q.end + close_len


class _Units:
    """Collects the texts to translate, each once, and hands back their translations."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.texts: dict[str, str] = {}

    def add(self, masked: Masked) -> Masked:
        for piece in split_clauses(masked.text, self.limit):
            self.texts.setdefault(piece, "")
        return masked

    def run(self, translator: Translator, source: str, target: str) -> None:
        keys = [t for t in self.texts if t.strip()]
        for key, out in zip(keys, translator.translate(keys, source, target)):
            self.texts[key] = out

    def get(self, masked: Masked) -> str:
        return " ".join(self.texts.get(p, "") for p in split_clauses(masked.text, self.limit)).strip()


def translate_article(article: Article, quotes: list[Quote], key_points: list[KeyPoint], source: str,
                      target: str, translator: Translator, terms: dict[str, str],
                      max_segment_chars: int = 400) -> Translation:
    """Translate title, body, key points and quotes of a processed article."""
    body = article.body
    units = _Units(max_segment_chars)
    quote_units = {q.id: units.add(mask(q.text, terms)) for q in quotes}
    sentence_units = []
    for s in article.sentences:
        spans = [(a - s.start, b - s.start, q.id) for q in quotes
                 if s.start <= q.start < s.end for a, b in [_quote_span(body, q)]]
        sentence_units.append((s, units.add(mask(s.text, terms, spans))))
    title_unit = units.add(mask(article.title, terms)) if article.title else None
    by_id = {q.id: q for q in quotes}
    point_units = []
    for point in key_points:
        spans = []
        for qid in point.quote_ids:
            q = by_id.get(qid)
            at = point.text.find(q.text) if q else -1
            if at > 0:
                spans.append((at - 1, min(len(point.text), at + len(q.text) + 1), qid))
        point_units.append(units.add(mask(point.text, terms, spans)))

    units.run(translator, source, target)

    checks: list[Check] = []
    translated_quotes = {}
    for qid, unit in quote_units.items():
        text, lost = unmask(units.get(unit), unit, {})
        translated_quotes[qid] = text
        checks += check_item(f"quote {qid}", by_id[qid].text, text, source, target, terms=terms)
        checks += _lost(f"quote {qid}", lost)

    paragraphs: list[list[str]] = [[] for _ in article.paragraphs]
    for s, unit in sentence_units:
        text, lost = unmask(units.get(unit), unit, translated_quotes)
        paragraphs[s.paragraph].append(text)
        checks += _lost(f"sentence {s.id}", lost)
    paragraph_texts = [" ".join(p) for p in paragraphs]
    for par, text in zip(article.paragraphs, paragraph_texts):
        in_par = [(q.text, translated_quotes[q.id]) for q in quotes if q.paragraph == par.index]
        checks += check_item(f"paragraph {par.index}", par.text, text, source, target, in_par, terms)

    title = None
    if title_unit is not None:
        title, lost = unmask(units.get(title_unit), title_unit, {})
        checks += check_item("title", article.title or "", title, source, target, terms=terms)
        checks += _lost("title", lost)
    points = []
    for n, (point, unit) in enumerate(zip(key_points, point_units), start=1):
        text, lost = unmask(units.get(unit), unit, translated_quotes)
        points.append(text)
        point_quotes = [(by_id[q].text, translated_quotes[q]) for q in point.quote_ids if q in by_id]
        checks += check_item(f"key point {n}", point.text, text, source, target, point_quotes, terms)
        checks += _lost(f"key point {n}", lost)
    return Translation(source=source, target=target, model=translator.model_id(source, target),
                       title=title, paragraphs=paragraph_texts, key_points=points,
                       quotes=translated_quotes, checks=checks)


def _lost(item: str, lost: list[int]) -> list[Check]:
    if not lost:
        return []
    return [Check("placeholders", False, item,
                  f"the model dropped {len(lost)} protected part(s); they were appended at the end")]
