"""Clean text pasted from a news web page into an Article.

A pasted page is the article wrapped in page furniture: menus and account links above, share
buttons and photo captions around the headline, a byline, and related stories, rankings and
a copyright notice below. The cleaner classifies every line, then keeps the run of article
paragraphs between the header and the footer, unchanged and in order. The vocabulary of
furniture lives in chrome.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..document import Article, Caption
from . import chrome

# A sentence ends with terminal punctuation, maybe inside closing quotes or brackets.
_TERMINAL = re.compile(r"[.!?…。][\"'”’)\]」』]*$")
# Korean text scraped without full stops still ends its sentences with the verb ending '다';
# used only when no line of a text ends with a full stop, since Korean headlines end in '다'
# too ('인력 두 배로 늘린다').
_TERMINAL_LENIENT = re.compile(r"(?:[.!?…。][\"'”’)\]」』]*|다)$")
_HANGUL = re.compile(r"[가-힣]")


@dataclass
class _Line:
    text: str
    block: int  # lines of one block are separated by single newlines, blocks by blank lines
    kind: str = ""  # chrome, caption, byline, date, body, bullet, head


def _is_sentence(text: str, lenient: bool = False) -> bool:
    if not (_TERMINAL_LENIENT if lenient else _TERMINAL).search(text):
        return False
    hangul = len(_HANGUL.findall(text))
    return hangul >= 6 or len(text.split()) >= 2


def _strip_bullet(text: str) -> str:
    return chrome.BULLET.sub("", text).strip()


def is_chrome(text: str) -> bool:
    """True if a line is page furniture (navigation, sharing, widgets, copyright...)."""
    base = _strip_bullet(text)
    low = base.lower().strip(" :>»›")
    if not low or low in chrome.CHROME_PHRASES or chrome.COPYRIGHT.search(low):
        return True
    if any(p.search(low) for p in chrome.CHROME_PATTERNS):
        return True
    for parts in (chrome.SEPARATORS.split(low), low.split()):
        parts = [p.strip(" :") for p in parts if p.strip(" :")]
        if len(parts) >= 2 and all(p in chrome.CHROME_PHRASES for p in parts):
            return True
    # A breadcrumb or section menu: 'World | Politics | Economy'.
    parts = [p for p in re.split(r"\s*[|·>»›]\s*", base) if p]
    return len(parts) >= 3 and all(len(p.split()) <= 2 for p in parts) and not _TERMINAL.search(base)


def parse_caption(text: str) -> Caption | None:
    match = chrome.CAPTION_CREDIT.search(text)
    if not match:
        return None
    credit = next(g for g in match.groups() if g)
    body = text[: match.start()].strip().rstrip("/").strip()
    return Caption(text=body or text, credit=credit.strip())


def _byline(text: str) -> dict[str, str] | None:
    base = _strip_bullet(text)
    for pattern in (chrome.BYLINE_EN, chrome.SIGNOFF_EN, chrome.BYLINE_KO):
        match = pattern.match(base)
        if match:
            # 'affiliation' ('Staff Writer', 'Reuters') is read only to keep it out of the name.
            found = {k: v.strip(" ,") for k, v in match.groupdict().items()
                     if v and k != "affiliation"}
            return {"byline" if k == "name" else k: v for k, v in found.items()}
    if chrome.EMAIL.fullmatch(base):
        return {"email": base}
    return None


def _date(text: str) -> str | None:
    """The date of a dateline-only line ('Updated: Aug. 14, 2026 6:05 p.m.', '입력 2026.08.14')."""
    if len(text) > 80:
        return None
    match = chrome.DATE_VALUE.search(text)
    if not match:
        return None
    # Nothing but the date, a label, a time, a weekday or a time zone may stand on the line.
    rest = chrome.DATE_LINE_WORDS.sub("", text.replace(match.group(0), " ").strip(), count=1)
    rest = chrome.DATE_EXTRAS.sub(" ", rest)
    return match.group(0).strip() if not rest.strip(" |,·-") else None


def _split_lines(text: str) -> list[_Line]:
    """Non-blank lines with their block number; hard-wrapped lines are joined back."""
    lines: list[_Line] = []
    block = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if not stripped:
            block += 1
        elif lines and lines[-1].block == block and _continues(lines[-1].text, stripped):
            lines[-1].text += " " + stripped
        else:
            lines.append(_Line(stripped, block))
    return lines


def _continues(prev: str, line: str) -> bool:
    """True if `line` is the hard-wrapped rest of the sentence that `prev` leaves open."""
    if _TERMINAL_LENIENT.search(prev) or line == prev or chrome.BULLET.match(line):
        return False  # ('…다': a Korean sentence ends there even without a full stop)
    if line[0].islower() or line[0].isdigit() or line[0] in "$(%":
        return True
    # A long line ending mid-phrase ('... said head librarian' / 'Rosa Imbert.'), unless
    # what follows is furniture of its own: a byline, a date, a widget.
    mid_phrase = prev[-1].isalpha() or prev[-1] in ",;-–"
    return (mid_phrase and len(prev) >= 60 and not _byline(line) and not _date(line)
            and not is_chrome(line))


def _classify(lines: list[_Line], lenient: bool = False) -> None:
    for i, line in enumerate(lines):
        text = line.text
        neighbours = {lines[j].text for j in (i - 1, i + 1)
                      if 0 <= j < len(lines) and lines[j].block == line.block}
        if is_chrome(text):
            line.kind = "chrome"
        elif parse_caption(text) or (text in neighbours and _is_sentence(text)):
            # Captions are printed twice on many pages (image alt text, then the caption),
            # on consecutive lines.
            line.kind = "caption"
        elif _byline(text):
            line.kind = "byline"
        elif _date(text):
            line.kind = "date"
        elif chrome.BULLET.match(text):
            line.kind = "bullet"
        elif _is_sentence(text, lenient):
            line.kind = "body"
        else:
            line.kind = "head"


def clean_text(text: str, **metadata: Any) -> Article:
    """Clean pasted page text into an Article (title, byline, captions, body paragraphs).

    `metadata` (title, byline, published, publisher...) found elsewhere, e.g. in HTML meta
    tags, takes precedence over what the text itself suggests.
    """
    lines = _split_lines(text.replace("\r\n", "\n").replace("\r", "\n"))
    _classify(lines)
    if not any(ln.kind == "body" for ln in lines):
        _classify(lines, lenient=True)
    meta: dict[str, Any] = {}
    captions: list[Caption] = []
    body_at = next((i for i, ln in enumerate(lines) if ln.kind == "body"), None)

    def note(line: _Line) -> None:
        if line.kind == "caption":
            cap = parse_caption(line.text) or Caption(text=line.text)
            if cap not in captions:
                captions.append(cap)
        elif line.kind == "byline":
            for key, value in (_byline(line.text) or {}).items():
                meta.setdefault(key, value)
        elif line.kind == "date":
            meta.setdefault("published", _date(line.text))
        elif line.kind == "chrome":
            owner = chrome.COPYRIGHT_OWNER.search(line.text)
            if owner:
                meta.setdefault("publisher", owner.group("owner").strip())

    if body_at is None:
        # No sentence-like line: a short fragment or a list. Keep what is not furniture.
        for line in lines:
            note(line)
        kept = [ln for ln in lines if ln.kind in ("head", "bullet", "body")]
    else:
        header = lines[:body_at]
        for line in header:
            note(line)
        heads = [ln.text for ln in header if ln.kind == "head"]
        if heads:
            meta["title"] = max(heads, key=len)
        kept = _body_lines(lines[body_at:], note)

    paragraphs = [_strip_bullet(ln.text) if ln.kind == "bullet" else ln.text for ln in kept]

    if paragraphs:
        paragraphs[0] = _take_lede_credit(paragraphs[0], meta)
    for key, value in metadata.items():
        if value:
            meta[key] = value
    if meta.get("title") and paragraphs and paragraphs[0] == meta["title"]:
        paragraphs.pop(0)  # the headline repeated as the first line of the text
    return Article.from_paragraphs(paragraphs, captions=tuple(captions), **meta)


def _body_lines(lines: list[_Line], note: Any) -> list[_Line]:
    """Keep the article's paragraphs from the first one on, stopping at the footer."""
    kept: list[_Line] = []
    skipping = False  # inside a 'Related stories' list or after a sign-off
    for line in lines:
        if line.kind == "chrome":
            if chrome.COPYRIGHT.search(line.text):
                note(line)
                break
            if chrome.SECTION_END.match(_strip_bullet(line.text)):
                skipping = True
            continue
        if line.kind in ("caption", "byline", "date"):
            note(line)
            if line.kind == "byline" and chrome.EMAIL.search(line.text):
                skipping = True  # a reporter's sign-off closes the article
            continue
        if skipping:
            if line.kind != "body":
                continue
            skipping = False
        if line.kind == "bullet" and not _is_sentence(_strip_bullet(line.text)):
            continue
        kept.append(line)
    # Trailing lines that are not sentences (tags, 'Related' headlines) are not article text.
    while kept and kept[-1].kind == "head":
        kept.pop()
    return kept


def _take_lede_credit(first: str, meta: dict[str, Any]) -> str:
    """Record the dateline/credit at the start of the lede; drop a Korean credit bracket.

    An English dateline ('PORT HALDEN —') is part of the lede sentence and stays; a Korean
    credit ('[한빛일보=서지원 기자]', '(서울=연합뉴스) 홍길동 기자 =') is a byline, not text.
    """
    match = chrome.BYLINE_KO_PREFIX.match(first)
    if match:
        groups = {k: v for k, v in match.groupdict().items() if v}
        meta.setdefault("byline", groups.get("name") or groups.get("name2") or groups.get("name3"))
        org = groups.get("org") or groups.get("org2")
        if org:
            meta.setdefault("publisher", org.strip())
        if groups.get("place"):
            meta.setdefault("dateline", groups["place"].strip())
        rest = first[match.end():].strip()
        return rest or first
    match = chrome.DATELINE_EN.match(first)
    if match:
        meta.setdefault("dateline", match.group("place").strip(" ,"))
    return first
