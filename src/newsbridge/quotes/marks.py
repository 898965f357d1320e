"""Finding quoted passages: pairs of quotation marks in each paragraph, and news-style
multi-paragraph quotes (an opening mark on every paragraph, a closing mark only at the end).

The marks are the same in English and Korean: curly “…”, straight "…", two apostrophes
''…'' (New York Times style) and ``…''; Korean also quotes with 「…」, 『…』 and, at the top
level, ‘…’. A mark that finds no partner is dropped and the rest of the paragraph goes on
(an odd number of marks never aborts an article).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import Article

# Marks, longest first so that '' is not read as two apostrophes.
_DOUBLE = re.compile(r"''|``|[“”\"„]")
_KOREAN_EXTRA = re.compile(r"''|``|[“”\"„「」『』‘’]")
_OPENERS = {"“", "``", "„", "「", "『", "‘"}
_CLOSERS = {"”", "」", "』", "’"}
_PARTNER = {"「": "」", "『": "』", "‘": "’"}
# Characters that may stand before an opening straight quote, and after a closing one.
_BEFORE_OPEN = set(" \t\n([{—–-/:;,") | {""}
_AFTER_CLOSE_PUNCT = set(" \t\n.,;:!?)]}—–-…'’")


@dataclass(frozen=True)
class Span:
    """One quoted passage: `start`/`end` index the text between the marks (body offsets).

    `open_at` and `close_end` are the offsets of the opening mark and just past the closing
    mark (close_end == end when the passage runs on into the next paragraph unclosed).
    `continued` is true for the later parts of a multi-paragraph quote.
    """

    start: int
    end: int
    open_at: int
    close_end: int
    paragraph: int
    mark: str
    runs_on: bool = False
    continued: bool = False


def _direction(text: str, i: int, mark: str) -> str:
    """'open', 'close', 'either' or 'stray' (spaces on both sides) for a mark at text[i]."""
    if mark in _OPENERS:
        return "open"
    if mark in _CLOSERS:
        return "close"
    before = text[i - 1] if i > 0 else ""
    j = i + len(mark)
    after = text[j] if j < len(text) else ""
    can_open = (before in _BEFORE_OPEN or before in _OPENERS) and after not in ("", " ", "\t", "\n")
    can_close = before not in ("", " ", "\t", "\n") and (
        after in _AFTER_CLOSE_PUNCT or after == "" or "\uac00" <= after <= "\ud7a3" or after in "”\"")
    if can_open and not can_close:
        return "open"
    if can_close and not can_open:
        return "close"
    return "either" if can_open else "stray"


def _pairs(text: str, pattern: re.Pattern[str]) -> tuple[list[tuple[int, int, str]], int | None, str]:
    """Pair the marks of one paragraph: (open_at, close_end, mark) and any mark left open."""
    pairs = []
    open_at: int | None = None
    open_mark = ""
    for m in pattern.finditer(text):
        mark, i = m.group(0), m.start()
        if _direction(text, i, mark) == "stray":
            continue
        if open_at is None:
            if _direction(text, i, mark) != "close":
                open_at, open_mark = i, mark
            continue
        expected = _PARTNER.get(open_mark)
        if expected:
            if mark != expected:
                continue  # inside 「…」 or ‘…’, only the partner closes
        elif mark in ("‘", "’"):
            continue  # single quotes inside a double-quoted passage are part of it
        elif mark in _OPENERS:
            open_at, open_mark = i, mark  # “ … “: the first one was never closed
            continue
        pairs.append((open_at, i + len(mark), open_mark))
        open_at = None
    return pairs, open_at, open_mark


def find_spans(article: Article, lang: str) -> list[Span]:
    """Every quoted passage of the article, in order."""
    pattern = _KOREAN_EXTRA if lang == "ko" else _DOUBLE
    spans: list[Span] = []
    running = False  # the previous paragraph ended inside an open quote
    for par in article.paragraphs:
        text = par.text
        pairs, left_open, left_mark = _pairs(text, pattern)
        starts_with_mark = bool(pattern.match(text)) and _direction(text, 0, pattern.match(text).group(0)) != "close"
        continued_here = running and starts_with_mark
        for k, (o, c, mark) in enumerate(pairs):
            inner_start, inner_end = o + len(mark), c - _closing_len(text, c)
            if text[inner_start:inner_end].strip():
                spans.append(Span(par.start + inner_start, par.start + inner_end, par.start + o,
                                  par.start + c, par.index, mark,
                                  continued=continued_here and k == 0 and o == 0))
        running = False
        if left_open is not None:
            # News style: a quote running on into the next paragraph, which opens it again.
            nxt = article.paragraphs[par.index + 1].text if par.index + 1 < len(article.paragraphs) else ""
            m = pattern.match(nxt)
            if m and _direction(nxt, 0, m.group(0)) != "close":
                inner_start = left_open + len(left_mark)
                if text[inner_start:].strip():
                    spans.append(Span(par.start + inner_start, par.end, par.start + left_open, par.end,
                                      par.index, left_mark, runs_on=True,
                                      continued=continued_here and left_open == 0))
                running = True
    return spans


def _closing_len(text: str, close_end: int) -> int:
    return 2 if text[close_end - 2:close_end] in ("''",) else 1
