"""Placeholders: what a translation model must not touch, set aside and put back.

Quotes (translated on their own and put back between the target language's marks), glossary
terms (put back as their agreed translation), numbers, dates, URLs, e-mail addresses and
@handles (put back unchanged) are replaced by '[1]', '[2]'… before translation: bracketed
numbers are common in training text, so models copy them through. After translation every
placeholder is put back; a placeholder the model lost is reported, never silently dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Longest first: a URL before the number inside it.
_KEEP = re.compile(
    r"https?://\S+[\w/]|www\.\S+[\w/]"                      # URLs
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"                         # e-mail addresses
    r"|(?<![\w@])@\w{2,}"                                    # @handles
    r"|\d{4}[-./]\d{1,2}[-./]\d{1,2}"                        # dates 2026-11-27
    r"|\d+(?:[.,:]\d+)*(?:\s?%|%p)?"                         # numbers, times, percentages
)
_SLOT = re.compile(r"\[\s*(\d{1,3})\s*\]")


@dataclass
class Masked:
    """A text with placeholders, and what each one stands for."""

    text: str
    slots: dict[int, tuple[str, str]] = field(default_factory=dict)  # n -> (kind, value)


def mask(text: str, terms: dict[str, str], quotes: list[tuple[int, int, str]] | None = None) -> Masked:
    """Replace quotes, glossary terms and protected tokens of `text` by placeholders.

    `terms` maps source terms to their target translation; `quotes` lists (start, end,
    quote id) spans of `text` to replace (marks included).
    """
    out = Masked(text="")
    pieces: list[tuple[int, int, str, str]] = []  # start, end, kind, value
    for start, end, qid in quotes or []:
        pieces.append((start, end, "quote", qid))
    taken = [(s, e) for s, e, _, _ in pieces]

    def free(s: int, e: int) -> bool:
        return all(e <= ts or s >= te for ts, te in taken)

    for term in sorted(terms, key=len, reverse=True):
        if term not in text:  # most terms are not in most sentences: skip the regex
            continue
        for m in re.finditer(rf"(?<!\w){re.escape(term)}", text):
            if free(m.start(), m.end()):
                pieces.append((m.start(), m.end(), "term", terms[term]))
                taken.append((m.start(), m.end()))
    for m in _KEEP.finditer(text):
        if free(m.start(), m.end()):
            pieces.append((m.start(), m.end(), "keep", m.group(0)))
            taken.append((m.start(), m.end()))
    pos = 0
    parts = []
    for n, (start, end, kind, value) in enumerate(sorted(pieces), start=1):
        parts.append(text[pos:start])
        parts.append(f"[{n}]")
        out.slots[n] = (kind, value)
        pos = end
    parts.append(text[pos:])
    out.text = "".join(parts)
    return out


def unmask(translated: str, masked: Masked, quotes: dict[str, str]) -> tuple[str, list[int]]:
    """Put every placeholder back; returns the text and the slots the model lost.

    A lost slot is appended at the end of the text, so that nothing (least of all a quote)
    disappears from the translation: the placement may be off, and the caller flags it.
    """
    found: set[int] = set()

    def value(n: int) -> str:
        kind, val = masked.slots[n]
        if kind == "quote":
            return f"“{quotes.get(val, '')}”"
        return val

    def put_back(m: re.Match[str]) -> str:
        n = int(m.group(1))
        if n not in masked.slots or n in found:
            return m.group(0) if n not in masked.slots else ""
        found.add(n)
        return value(n)

    text = _SLOT.sub(put_back, translated)
    lost = [n for n in masked.slots if n not in found]
    if lost:
        text = (text.rstrip() + " " + " ".join(value(n) for n in lost)).strip()
    return text, lost
