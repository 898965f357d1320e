"""Finding quoted passages: pairs of quotation marks in each paragraph, and news-style
multi-paragraph quotes (an opening mark on every paragraph, a closing mark only at the end).

Marks: curly “…”, straight "…", two apostrophes ''…'' (New York Times style) and ``…'';
single quotes ‘…’ and '…' (British and Commonwealth style, and headlines) in both
languages; Korean also quotes with 「…」 and 『…』. Quotes nest: the outer passage is the
quote, the inner marks stay inside its text ('"He said 'no'"', "'… "…" …'").

A single mark is often an apostrophe, never a quote: inside a word (don't, O'Neill), an
elision (’90s, rock ’n’ roll, ’em), or a plural possessive (Jones' car). A mark that finds no
partner is dropped and the rest of the paragraph goes on (an odd number of marks never aborts
an article).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..document import Article

# Marks, longest first so that '' is not read as two apostrophes.
_MARKS = re.compile(r"''|``|[“”\"„‘’']")
_KOREAN_MARKS = re.compile(r"''|``|[“”\"„「」『』‘’']")
_OPENERS = {"“", "``", "„", "「", "『", "‘"}
_CLOSERS = {"”", "」", "』", "’"}
_SINGLE = {"‘", "’", "'"}
# Which marks close which: a family per kind of quote.
_FAMILY = {"“": "d", "”": "d", '"': "d", "„": "d", "''": "d", "``": "d",
           "‘": "s", "’": "s", "'": "s", "「": "c", "」": "c", "『": "w", "』": "w"}
# Characters that may stand before an opening straight quote, and after a closing one.
_BEFORE_OPEN = set(" \t\n([{—–-/:;,") | {""}
_AFTER_CLOSE_PUNCT = set(" \t\n.,;:!?)]}—–-…'’")
# An apostrophe at the start of a word: '90s, ’em, rock 'n' roll, 'tis, 'cause.
_ELISION = re.compile(r"(?:\d0s|\d\d\b|em\b|n['’](?:\s|$)|tis\b|twas\b|cause\b|til\b|bout\b)", re.I)
# After a closing single quote and a space, what an attribution starts with; anything else
# after "s' " is a plural possessive ('the players' union').
_AFTER_SINGLE_CLOSE = re.compile(r"\s+(?:[A-Z\-—–]|(?:he|she|they|it|we|i|said|says|added|told|asked|wrote|according)\b)")


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


def _latin(ch: str) -> bool:
    return ch.isalnum() and ch < "\u0250"


def _direction(text: str, i: int, mark: str) -> str:
    """'open', 'close', 'either' or 'stray' (an apostrophe, or spaces on both sides)."""
    before = text[i - 1] if i > 0 else ""
    j = i + len(mark)
    after = text[j] if j < len(text) else ""
    if mark in _SINGLE:
        if _latin(before) and _latin(after):
            return "stray"  # don't, O'Neill
        if before in ("", " ", "\t", "\n", "(", "[", "—", "–") and _ELISION.match(text, j):
            return "stray"  # '90s, rock 'n' roll
    if mark in _OPENERS:
        return "open"
    if mark in _CLOSERS and mark != "’":
        return "close"
    can_open = mark != "’" and (before in _BEFORE_OPEN or before in _OPENERS or before in "\"'") \
        and after not in ("", " ", "\t", "\n")
    can_close = before not in ("", " ", "\t", "\n") and (
        after in _AFTER_CLOSE_PUNCT or after == "" or "\uac00" <= after <= "\ud7a3" or after in "”\"")
    if can_close and mark in ("'", "’") and before in "sS" and after == " " \
            and not _AFTER_SINGLE_CLOSE.match(text, j):
        can_close = False  # the players' union
    if can_open and not can_close:
        return "open"
    if can_close and not can_open:
        return "close"
    return "either" if can_open else "stray"


def _pairs(text: str, pattern: re.Pattern[str]) -> tuple[list[tuple[int, int, str]], int | None, str]:
    """Pair the marks of one paragraph: the outermost (open_at, close_end, mark) passages, and
    the outermost mark left open at the end, if any."""
    pairs: list[tuple[int, int, str]] = []
    stack: list[tuple[int, str]] = []  # open marks, innermost last
    for m in pattern.finditer(text):
        mark, i = m.group(0), m.start()
        direction = _direction(text, i, mark)
        if direction == "stray":
            continue
        family = _FAMILY[mark]
        at = next((k for k in range(len(stack) - 1, -1, -1) if _FAMILY[stack[k][1]] == family), None)
        if direction in ("close", "either") and at is not None:
            open_at, open_mark = stack[at]
            del stack[at:]  # marks opened inside and never closed were not quotes
            pairs.append((open_at, i + len(mark), open_mark))
        elif direction in ("open", "either"):
            if at is not None and at == len(stack) - 1 and family == "d":
                stack.pop()  # “ … “: the first one was never closed
            stack.append((i, mark))
    # The outermost pairs, and the first mark left open outside them: by position, in one pass
    # each (a paragraph of many quotes and apostrophes would make a pairwise test quadratic).
    outer: list[tuple[int, int, str]] = []
    reach = -1  # the furthest end of a pair opened before this one
    for p in sorted(pairs):
        if p[1] > reach:
            outer.append(p)
        reach = max(reach, p[1])
    starts = [p[0] for p in outer]

    def inside(o: int) -> bool:
        k = bisect.bisect_left(starts, o) - 1
        return k >= 0 and o < outer[k][1]

    left = next(((o, mk) for o, mk in stack if not inside(o)), None)
    return outer, (left[0] if left else None), (left[1] if left else "")


def find_spans(article: Article, lang: str) -> list[Span]:
    """Every quoted passage of the article, in order."""
    pattern = _KOREAN_MARKS if lang == "ko" else _MARKS
    spans: list[Span] = []
    running = ""  # the family of a quote the previous paragraph left open
    for par in article.paragraphs:
        text = par.text
        pairs, left_open, left_mark = _pairs(text, pattern)
        first = pattern.match(text)
        starts_with = _FAMILY[first.group(0)] if first and _direction(text, 0, first.group(0)) != "close" else ""
        continued_here = bool(running) and starts_with == running
        for k, (o, c, mark) in enumerate(pairs):
            inner_start, inner_end = o + len(mark), c - _closing_len(text, c)
            if text[inner_start:inner_end].strip():
                spans.append(Span(par.start + inner_start, par.start + inner_end, par.start + o,
                                  par.start + c, par.index, mark,
                                  continued=continued_here and k == 0 and o == 0))
        running = ""
        if left_open is not None:
            # News style: a quote running on into the next paragraph, which opens it again.
            nxt = article.paragraphs[par.index + 1].text if par.index + 1 < len(article.paragraphs) else ""
            m = pattern.match(nxt)
            if m and _FAMILY[m.group(0)] == _FAMILY[left_mark] and _direction(nxt, 0, m.group(0)) != "close":
                inner_start = left_open + len(left_mark)
                if text[inner_start:].strip():
                    spans.append(Span(par.start + inner_start, par.end, par.start + left_open, par.end,
                                      par.index, left_mark, runs_on=True,
                                      continued=continued_here and left_open == 0))
                running = _FAMILY[left_mark]
    return spans


def _closing_len(text: str, close_end: int) -> int:
    return 2 if text[close_end - 2:close_end] in ("''",) else 1
