"""Clean text pasted from a news web page into an Article.

A pasted page is the article wrapped in page furniture: menus and account links above, share
buttons and photo captions around the headline, a byline, and related stories, rankings and
a copyright notice below. The cleaner finds the parts by general signals, in this order:

1. Every line gets a kind from its own shape: a sentence, a headline-like line, a byline, a
   date line, a photo caption (a credit such as 'AP Photo/…' or '/…DB', an 'Image caption,'
   marker, a credit line just after it, or printed twice), or furniture (chrome.py).
2. The body is the longest run of article sentences: bylines, date lines and copyright
   notices separate the runs, and inside a run every sentence counts for its words while
   every link-like line (short, no sentence end: menus, related headlines) counts against.
   Captions and widgets inside the body count for nothing, and are taken out.
3. The title is the headline-like line before the body that shares its words with the lede
   (the first such line: a standfirst below the headline shares words too); a reporter's
   name standing alone between the title and the body is the byline.

Body paragraphs are kept unchanged and in order. The vocabulary of furniture lives in
chrome.py.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from ..document import Article, Caption
from ..quotes.names import HANGUL_SURNAMES, gender_of_first_name
from . import chrome

# A sentence ends with terminal punctuation, maybe inside closing quotes or brackets, maybe
# followed by a wire service's end marker ('… gains made. (END)').
# A Korean regional paper glues the reporter's sign-off to the last sentence: '… 말했다./김도윤기자
# dykim@hannae.example'.
_GLUED_SIGNOFF = r"\s*/\s?[가-힣]{2,4}\s?기자(?:\s+[\w.+-]+@[\w-]+(?:\.[\w-]+)+)?$"
_TERMINAL = re.compile(r"[.!?…。][\"'”’)\]」』]*(?:\s*\([A-Z]{2,5}\))?(?:" + _GLUED_SIGNOFF[:-1] + r")?"
                       r"(?:\s+[–—-]\s+[A-Z][\w-]*\.(?:com|net|org|co|ph|in)\b[\w.]*)?$")  # '… the MMDA said. – Sulyap.com'
# Korean text scraped without full stops still ends its sentences with the verb ending '다';
# used only when no line of a text ends with a full stop, since Korean headlines end in '다'
# too ('인력 두 배로 늘린다').
_TERMINAL_LENIENT = re.compile(r"(?:[.!?…。][\"'”’)\]」』]*|다)$")
_HANGUL = re.compile(r"[가-힣]")
_WORD = re.compile(r"[가-힣]+|[A-Za-z]+|\d+")
_NO_CREDIT = (".", "!", "?", "…", '"', "'", "”", "’", "다")
_SIGNED_DATE = re.compile(r"^(.*\d.*),\s*(?:[A-Z][\w&'’.-]*\s*){1,5}$")
# '·', '|', and the '|' some pages copy as an 'l' after a time: '26.11.04 20:55l최종 업데이트 …'.
_META_SEPARATOR = re.compile(r"\s+[·•/]\s+|\s+[-–—]\s+|\s*\|\s*|(?<=\d)l(?=[가-힣\s]|$)")
_CRUMBS = re.compile(r"\s*[|·>»›]\s*")
# (Each item starts with a non-space, so the items of a long line split one way only.)
_LIST_LINE = re.compile(r"^[A-Z][\w'’-]*(?:\s[\w'’-]+)?:(?:\s*[^,;:\s][^,;:]{0,29}[,;]){3,}\s*[^,;:\s][^,;:]{0,39}$")
# A score line: 'Wales 27 - 24 Fiji'.
_SCORE = re.compile(r"^[^\d]{2,40}\s\d{1,3}\s*[-–]\s*\d{1,3}\s[^\d]{2,40}$")
_SPEAKER_TURN = re.compile(r"^[가-힣A-Za-z]{2,10}\s?>\s")
# A broadcast script's speaker label: '[이수진/서울 은평구 주민]', '◀ INT ▶ 김순자/청과물 상인'.
_SPEAKER_TAG = re.compile(r"^(?:\[[^\[\]]{2,40}/[^\[\]]{2,40}\]|◀\s*(?:INT|SYNC|인터뷰)\s*▶\s*[가-힣][^\n]{1,40})$")
_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
# Function words that say nothing about a headline's topic.
_STOPWORDS = frozenset(
    "the and for with from that this into over after about are was were has have had will "
    "its his her their not but say says said new than more who what when how why".split()
)

# What a line weighs in the search for the body (in words): a link-like line costs this much.
_LINK_COST = 4
# Kinds that separate one run of sentences from the next.
_BREAKS = ("byline", "date", "copyright", "end")


@dataclass
class _Line:
    text: str
    block: int  # lines of one block are separated by single newlines, blocks by blank lines
    kind: str = ""  # chrome, section, copyright, caption, credit, byline, date, body, bullet, head
    caption: Caption | None = None
    parts: list[str] | None = None  # the physical lines, when hard-wrapped lines were joined
    guessed: bool = False  # a join made on a capital letter, to be confirmed


def _is_sentence(text: str, lenient: bool = False) -> bool:
    if not (_TERMINAL_LENIENT if lenient else _TERMINAL).search(text):
        return False
    if text.endswith(("...", "…")) and len(text.split()) <= 4:
        return False  # a teaser: 'Don't miss...', 'Read on…'
    words = text.split()
    if len(words) <= 3 and all(w[:1].isupper() for w in words) and not _HANGUL.search(text):
        return False  # a widget's label: 'Link Copied!', 'Sign Up Now.'
    hangul = len(_HANGUL.findall(text))
    return hangul >= 6 or len(text.split()) >= 2


def _strip_bullet(text: str, numbers: bool = True) -> str:
    """The text of a list item without its bullet (and its number, unless `numbers` is
    False: in extracted HTML text, '1. The river market' is a numbered heading)."""
    bullet = chrome.BULLET.match(text)
    if bullet and not numbers and bullet.group(0).strip()[:1].isdigit():
        return text.strip()
    return chrome.BULLET.sub("", text).strip()


def is_chrome(text: str) -> bool:
    """True if a line is page furniture (navigation, sharing, widgets, copyright...)."""
    base = _strip_bullet(text)
    low = base.lower().strip(" :>»›")
    if not low or low in chrome.CHROME_PHRASES or chrome.COPYRIGHT.search(low):
        return True
    if len(low) < 120 and not any(ch.isalnum() for ch in low):
        return True  # a rule or an ornament: '___', '* * *', '★★★★☆'
    if chrome.CHROME_START.match(low) or chrome.CHROME_ANYWHERE.search(low):
        return True
    if len(low) <= chrome.CALL_REACH and any(h in low for h in chrome.CALL_HINTS) and not _QUOTED.search(low) \
            and not _HANGUL.search(low) and (chrome.CALL_START.match(low) or chrome.CALL_ANYWHERE.search(low)):
        return True  # (a quote is somebody speaking; the calls are English: a Korean line is spared the search)
    if len(low) <= 200 and ("주세요" in low or "주십시오" in low or "드립니다" in low or "여러분의" in low) \
            and chrome.CALL_KO.search(low) and not _QUOTED.search(low):
        return True
    if len(low) > 200:
        return False  # widget labels and menus are short; a long line is text
    if _URL.match(low) or chrome.SCRIPT_MARKER.match(base):
        return True
    for parts in (chrome.SEPARATORS.split(low), low.split()) if len(low) <= 100 else ():
        parts = [p.strip(" :") for p in parts if p.strip(" :")]
        if len(parts) >= 2 and all(p in chrome.CHROME_PHRASES for p in parts):
            return True
    # A breadcrumb or section menu: 'World | Politics | Economy'.
    parts = [p for p in _CRUMBS.split(base) if p] if len(low) <= 100 else []
    return len(parts) >= 3 and all(len(p.split()) <= 2 for p in parts) and not _TERMINAL.search(base)


def parse_caption(text: str) -> Caption | None:
    """The caption and its credit if `text` ends with a photo credit, else None."""
    # A credit is short and ends the line, never with a full stop or a closing quote: only the
    # end of a line is searched, and a sentence not at all.
    if text.endswith(_NO_CREDIT):
        return None
    skip = max(0, len(text) - 160)
    for pattern in chrome.CAPTION_CREDITS:
        match = pattern.search(text, skip)
        if match:
            body = text[: match.start()].strip().rstrip("/").strip()
            if body and ((len(body.split()) < 3 and len(_HANGUL.findall(body)) < 3)
                         or (_LABELLED.match(body) and len(body.split()) <= 4)):
                return None  # 'X (Twitter)', 'PHOTO GALLERY (CLICK TO ENLARGE)', 'Referee: Luc Marchand
            return Caption(text=body or text, credit=match.group("c").strip())
    return None


def _byline(text: str) -> dict[str, str] | None:
    base = _strip_bullet(text)
    for pattern in (chrome.BYLINE_EN, chrome.SIGNOFF, chrome.BYLINE_KO, chrome.SIGNOFF_KO):
        match = pattern.match(base)
        if match:
            # 'affiliation' ('Staff Writer', 'Reuters') and 'widget' ('구독') are read only to
            # keep them out of the name; 'place' is the dateline of a Korean byline.
            found = {k: v.strip(" ,") for k, v in match.groupdict().items()
                     if v and k not in ("affiliation", "widget", "middle")}
            middle = (match.groupdict().get("middle") or "").strip()
            if middle and _KOREAN_NAME.fullmatch(middle) and middle[0] in HANGUL_SURNAMES and len(middle) == 3:
                found["name"] = middle  # '데일리온 박서준 기자': the outlet, then the reporter
            if "place" in found:
                found["dateline"] = found.pop("place")
            if "name" in found:  # 'Keisha Monroe Globe Staff', 'Priya Nandakumar Staff Reporter'
                found["name"] = _without_role(found["name"])
            affiliation = (match.groupdict().get("affiliation") or "").strip()
            if affiliation and (_MORE_NAMES.fullmatch(affiliation) or (
                    _ONE_NAME.fullmatch(affiliation) and gender_of_first_name(affiliation))):
                # 'By Ana Ruiz, Tom Becker and Priya Nand', 'By Ava Lindqvist, Marcus Bell': more
                # reporters, not an affiliation (one more is a person by a first name).
                found["name"] = f"{found['name']}, {match.group('affiliation').strip()}"
            return {"byline" if k == "name" else k: v for k, v in found.items()}
    parts = _parts(base) if len(base) <= 80 and ("|" in base or "·" in base or "•" in base) else []
    if 1 < len(parts) and all(len(p.split()) <= 4 for p in parts):  # 'KRVR | By Marisol Ortega'
        return next((b for b in map(_byline, parts) if b and "byline" in b), None)
    # An address alone, or in a short sign-off that is no sentence: '◎공감언론 뉴시스 kim@newsis.com'.
    email = chrome.EMAIL.search(base) if "@" in base else None
    if email and (email.group(0) == base or (len(base.split()) <= 6 and not _is_sentence(base))):
        return {"email": email.group(0)}
    return None


_ONE_NAME = re.compile(r"[A-Z][a-z'’-]+ [A-Z][a-z'’-]+")
_MORE_NAMES = re.compile(r"[A-Z][a-z'’-]+ [A-Z][a-z'’-]+(?:(?:,| and|, and) [A-Z][a-z'’-]+ [A-Z][a-z'’-]+)+")
# A role, or an outlet ('By Megan Ortiz Frontier News'): no name ends with these words.
_ROLE_AFTER_NAME = re.compile(r"(?:\s+[A-Z][\w&-]*)*?\s+(?i:" + chrome.ROLE_WORDS + "|" + chrome.OUTLET_WORDS + r")$")


def _without_role(name: str) -> str:
    """A byline's name without the newsroom role run into it, keeping two words at least."""
    words = name.split()
    for cut in range(2, len(words)):
        if _ROLE_AFTER_NAME.fullmatch(" " + " ".join(words[cut:])):
            return " ".join(words[:cut])
    return name


_LABELLED = re.compile(r"^[A-Z][a-z]+:\s")
_QUOTED = re.compile("[\"“”]")
_YEAR = re.compile(r"\d{4}|\d\d\.\d\d\.\d\d")  # every date shape has one
_NAME_BEFORE_LABEL = re.compile(r"^[A-Z][a-z'’]+(?:\s+[A-Z][a-z'’-]+){1,2}\s+(?=(?i:published|posted|updated)\b)")
_BEFORE_LABEL = re.compile(r"^[^\d\s]{1,12}?(?=(?:입력|기사입력|등록|송고)\s*:)")


def _date(text: str) -> tuple[str, int] | None:
    """The date of a date-only line and how it is labelled: 0 published, 1 none, 2 updated.

    'Updated: Aug. 14, 2026 6:05 p.m.', '입력 2026.11.27 (21:14) 수정 2026.11.27 (22:05)',
    'Published 6:02 a.m. ET March 14, 2016 | Updated 9:15 a.m. ET March 14, 2016'.
    """
    if len(text) > 120 or not _YEAR.search(text):
        return None
    # A section's name run into the label: '방송/통신입력 :2026/11/05 10:32', or the reporter's:
    # 'Asif Chaudhry Published December 8, 2026'.
    text = _BEFORE_LABEL.sub("", text, count=1)
    text = _NAME_BEFORE_LABEL.sub("", text, count=1)
    matches = list(chrome.DATE_VALUE.finditer(text))
    if not matches:
        return None
    # Nothing but dates, labels, times, weekdays or time zones may stand on the line...
    rest = chrome.DATE_VALUE.sub(" ", text)
    rest = chrome.DATE_LINE_WORDS.sub("", rest.strip(), count=1)
    if chrome.DATE_EXTRAS.sub(" ", rest).strip(" |,·•:./-–—()[]"):
        # ...or before the paper's name: 'Tuesday March 15 2016, 12.01am, The Thames Times'...
        signed = _SIGNED_DATE.match(text)
        if signed:
            return _date(signed.group(1))
        # ...or on parts of a line of short parts: '부산일보 | 입력 : 2026-11-27 18:20 | 본지 8면',
        # 'Leah Tremblay · CBS News · Posted: Mar 14, 2016 6:02 PM ET | Last Updated: …'.
        parts = _parts(text)
        if len(parts) < 2 or any(len(p.split()) > 8 for p in parts):
            return None
        found = [d for d in map(_date, parts) if d]
        return min(found, key=lambda d: d[1]) if found else None
    labelled = []
    for match in matches:
        before = text[: match.start()]
        rank = 0 if chrome.PUBLISHED_LABEL.search(before) else 2 if chrome.UPDATED_LABEL.search(before) else 1
        labelled.append((rank, match.group(0).strip()))
    rank, value = min(labelled, key=lambda r: r[0])
    return value, rank


def _parts(text: str) -> list[str]:
    """The parts of a line of metadata set apart by '|' or '·'."""
    return [p.strip() for p in _META_SEPARATOR.split(text) if p.strip()]


def _name(text: str) -> str | None:
    """The reporter's name if `text` is a name standing alone ('Min-ji Park', 'Gwen Adeyemi
    Transport correspondent', '박지수(jisoo0412)' with a user id), not a widget's label
    ('Social Sharing')."""
    korean = _NAME_WITH_ID.match(text)
    if korean:
        return korean.group(1)
    paper = _NAME_AND_PAPER.match(text)
    if paper:  # 'Dana Kowalczyk, The Ashford Courier-Journal': the reporter, then the paper
        text = paper.group("name")
    match = chrome.BARE_NAME_EN.match(text)
    if not match or any(w.lower() in chrome.WIDGET_WORDS or _ROLE_WORD.fullmatch(w) for w in match.group("name").split()):
        return None  # (a role on a line of its own, 'Health Correspondent', is no name)
    return match.group("name")


_ROLE_WORD = re.compile(chrome.ROLE_WORDS, re.IGNORECASE)
_NAME_AND_PAPER = re.compile(r"^(?P<name>[^,]{4,40}),\s+(?:The\s+[A-Z][\w&.'’-]*(?:\s+[A-Z&][\w&.'’-]*){0,4}|"
                             r"(?:[A-Z][\w&.'’-]*\s+){0,3}(?i:" + chrome.OUTLET_WORDS + r"))$")
_OUTLET_PART = re.compile(r"^(?:The\s+)?[A-Z][\w&.'’-]*(?:\s+[A-Z&][\w&.'’-]*){1,4}$")
_KOREAN_NAME = re.compile(r"[가-힣]{2,4}")
_NAME_WITH_ID = re.compile(r"^([가-힣]{2,4})\s?\([A-Za-z][A-Za-z0-9_.]{2,20}\)$")


def _split_lines(text: str) -> list[_Line]:
    """Non-blank lines with their block number; hard-wrapped lines are joined back."""
    lines: list[_Line] = []
    block = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if not stripped:
            block += 1
            continue
        join = _continues(lines[-1], stripped) if lines and lines[-1].block == block else None
        if join == "guess" and chrome.SECTION_END.match(_block_head(lines, block)):
            join = None  # the headlines listed under 'Read more' are not one wrapped sentence
        if join:
            prev = lines[-1]
            prev.text += " " + stripped
            prev.parts = (prev.parts or [prev.text[: -len(stripped) - 1]]) + [stripped]
            prev.guessed = prev.guessed or join == "guess"
        else:
            lines.append(_Line(stripped, block))
    # A join made on a capital letter stands only if the joined text ends a sentence: a
    # headline and the standfirst below it are two lines, not one wrapped sentence.
    return [piece for line in lines for piece in (
        [_Line(part, line.block) for part in line.parts]
        if line.guessed and not _TERMINAL_LENIENT.search(line.text) else [line])]


def _block_head(lines: list[_Line], block: int) -> str:
    """The first line of `block` among the lines split so far."""
    head = ""
    for line in reversed(lines):
        if line.block != block:
            break
        head = line.text
    return head


def _continues(prev: _Line, line: str) -> str | None:
    """'sure' or 'guess' if `line` is the hard-wrapped rest of the sentence that `prev`
    leaves open, else None."""
    if _TERMINAL_LENIENT.search(prev.text) or line == prev.text or chrome.BULLET.match(line) or chrome.DURATION.match(line):
        return None  # ('…다': a Korean sentence ends there even without a full stop)
    if _URL.match(line) or parse_caption(prev.text) or is_chrome(prev.text):
        return None
    last = prev.parts[-1] if prev.parts else prev.text
    if line[0].isalpha() and line[0].islower() and len(last) >= 25:
        return "sure"  # ('ⓒ' is lower case too, but no letter; a short line is a menu's item)
    # A long line ending mid-phrase ('... said head librarian' / 'Rosa Imbert.', '… rose by' /
    # '5 percent'), unless what follows is furniture of its own: a byline, a date, a widget.
    # Wrapped text has long lines up to the last: a short line is a menu item or a counter.
    mid_phrase = prev.text[-1].isalpha() or prev.text[-1] in ",;-–"
    if not mid_phrase or len(last) < 60 or _date(line):
        return None
    if line[0].isdigit() or line[0] in "$(%":
        return "sure"
    if not _byline(line) and not is_chrome(line):
        return "guess"
    return None


def _classify(lines: list[_Line], lenient: bool = False) -> None:
    """Give every line its kind from its own shape and its neighbours'."""
    caption_next = False  # after 'Image caption,': the next line is the caption
    credit_before: str | None = None  # 'Image source, X' before its caption
    for i, line in enumerate(lines):
        text = line.text
        line.kind, line.caption = "", None
        if caption_next and not is_chrome(text):
            line.kind, line.caption = "caption", (parse_caption(text) if not credit_before else None) or Caption(
                text=text, credit=credit_before)
            caption_next, credit_before = False, None
            continue
        marker = chrome.CAPTION_MARKER.match(text)
        if marker:
            said = marker.group("text") or marker.group("long")
            if said:  # 'Image caption, …' or 'Photo: …' with its own credit maybe
                line.kind, line.caption = "caption", parse_caption(said) or Caption(text=said, credit=credit_before)
                credit_before = None
            else:
                line.kind, caption_next = "chrome", True
            continue
        noticed = chrome.CAPTION_WITH_NOTICE.match(text) if "/" in text else None
        if noticed:
            line.kind, line.caption = "caption", Caption(text=noticed.group("text"), credit=noticed.group("c"))
            continue
        credit = chrome.CREDIT_LINE.match(text)
        if credit and chrome.CREDIT_BEFORE.match(text):
            credit_before, line.kind = credit.group("c1").strip(), "credit"
            continue
        if credit:
            _credit_line(lines, i, credit)
            continue
        neighbours = {_bare(lines[j].text) for j in (i - 1, i + 1)
                      if 0 <= j < len(lines) and lines[j].block == line.block}
        caption = parse_caption(text)
        notice = chrome.COPYRIGHT.search(caption.text) if caption else None
        if (notice and len(caption.text[: notice.start()].split()) < 3) or (
                caption and chrome.COPYRIGHT.search(caption.credit or "")):
            # '© 2026 Herald / AP', 'Copyright © X', 'GoodNews paper ⓒ 국민신보, 무단전재 …': a
            # notice, not a photo
            caption = None
        if _byline(text) and not (caption and _TERMINAL.search(caption.text)):
            line.kind = "byline"  # (a caption ending in its photographer's address is a caption)
        elif _date(text):
            line.kind = "date"
        elif caption:
            line.kind, line.caption = "caption", caption
        elif is_chrome(text):
            base = _strip_bullet(text)
            line.kind = ("copyright" if chrome.COPYRIGHT.search(base) else "end" if chrome.ARTICLE_END.match(base)
                         else "section" if chrome.SECTION_END.match(base) else "chrome")
        elif _bare(text) in neighbours and (_is_sentence(text) or len(text.split()) >= 3
                                     or len(_HANGUL.findall(text)) >= 8):
            # Captions are printed twice on many pages (image alt text, then the caption),
            # on consecutive lines.
            line.kind, line.caption = "caption", Caption(text=_bare(text))
        elif text.count("\t") >= 1 and len([c for c in text.split("\t") if c.strip()]) >= 2:
            line.kind = "table"  # a table's row, its cells set apart by tabs: neither text nor links
        elif chrome.BULLET.match(text):
            line.kind = "bullet"
        elif _LIST_LINE.match(text):
            line.kind = "head"  # 'Replacements: O Morgan, Griffiths, Jenkins, Powell.': a list, no sentence
        elif (_is_sentence(text, lenient) and not _QUESTION_HEAD.match(text)) or _LEAD_IN.match(text):
            line.kind = "body"
        else:
            line.kind = "head"
    _mark_repeats(lines)
    _mark_summary_boxes(lines)
    _mark_credited_photos(lines)
    for i, (prev, line, nxt) in enumerate(zip(lines, lines[1:], lines[2:]), start=1):
        # A reporter's name between a script's paragraphs labels the stand-up that follows
        # ('… 녹여야 합니다.' / '안수진 기자' / '기상청은 …' / 'TV다올 안수진입니다.'): it is no
        # byline ending the story when the reporter signs off again just after.
        name = (_byline(line.text) or {}).get("byline") if line.kind == "byline" and "@" not in line.text else None
        if name and prev.kind == "body" and nxt.kind == "body" \
                and any(ln.kind == "byline" and name in ln.text for ln in lines[i + 2:i + 6]):
            line.kind = "label"
    for line, nxt in zip(lines, lines[1:]):
        # An author's card: 'Ophelia Tang' / 'Ophelia joined the Post in 2021 and covers …'.
        name = _name(line.text) if line.kind == "head" else None
        if name and nxt.kind == "body" and nxt.text.split()[0] in (name.split()[0], name.split()[-1]):
            nxt.kind = "chrome"
    for i, line in enumerate(lines):
        # A video's title next to its duration ('0:58' / 'How much do rail fares really cost?').
        if chrome.DURATION.match(line.text):
            for j in (i - 1, i + 1):
                if 0 <= j < len(lines) and lines[j].kind in ("body", "head") and len(lines[j].text.split()) <= 12:
                    lines[j].kind = "chrome"


def _mark_credited_photos(lines: list[_Line]) -> None:
    """A block of two lines, a sentence that describes and a short line of capitalised words
    ('MIKAELA LINDGREN / KEEWATIN FREE PRESS' over it, 'Compass News' or 'Image Credit: X'
    under it): a photo's caption and its credit, whatever words the credit uses. A paragraph
    of text never shares its block with a bare name line."""
    size = Counter(ln.block for ln in lines)
    for a, b in zip(lines, lines[1:]):
        if a.block != b.block or size[a.block] != 2:
            continue
        for caption, credit in ((a, b), (b, a)):
            words = _CREDIT_WORDS.match(credit.text)
            if caption.kind in ("body", "head") and credit.kind in ("head", "credit") and words \
                    and ("/" in words.group("c") or (len(words.group("c").split()) >= 2 and not words.group("c").isupper())) \
                    and _described(caption.text) \
                    and not set(words.group("c").lower().split()) & set(_WORD.findall(caption.text.lower())):
                # (a label in capitals, 'ABOUT THE AUTHOR', is no credit; an author's card,
                # 'Ophelia joined the Post …' / 'Ophelia Tang', names its person in its sentence,
                # and a photographer is not in the picture's caption)
                caption.kind = "caption"
                caption.caption = Caption(text=caption.text, credit=words.group("c"))
                credit.kind = "credit"
                break


# Words of a credit: capitalised words, a slash, 'via'; maybe under a label ('Image Credit:').
_CREDIT_WORDS = re.compile(r"^(?:(?i:image credit|photo credit|credit|photo|image|picture)\s*:\s*)?"
                           r"(?P<c>[A-Z][\w.'’&-]*(?:\s+(?:[A-Z][\w.'’&-]*|/|via|of|the|and|&)){0,6})$")


def _described(text: str) -> bool:
    """A caption's sentence: some words, a full stop, nobody's quote."""
    return _is_sentence(text) and 5 <= len(text.split()) <= 45 and not _QUOTED.search(text) \
        and text.rstrip()[-1] == "."


# A sentence that introduces what follows: 'In Minneapolis, the rules run over three days:'
# (a clause of some words with a comma or a verb's ending, not a label of a few).
_LEAD_IN = re.compile(r"^[A-Z][^:\"“”]{25,200}(?:,|\b(?:are|is|was|were|run|runs|include|includes|follow|follows|said|says))[^:\"“”]*:$")


# A subheading asked as a question: 'What can households do?' (a few words, nobody's quote).
_QUESTION_HEAD = re.compile(r"^[A-Z][^\"“”.!?]{0,40}\?$")
# A box's label: 'In short:', 'Key points:', 'What's next?' (a few words, then ':' or '?').
_BOX_LABEL = re.compile(r"^[A-Z][\w'’]*(?:\s[\w'’]+){0,3}\s?[:?]$")


def _mark_summary_boxes(lines: list[_Line]) -> None:
    """A small block of lines under a label ('In short:' / two sentences) is a summary box, not
    the article: in a page whose paragraphs stand apart, the article's own lines never share
    a block with a label; nor with a table's rows. (A page pasted without blank lines is one
    block, and spared.)"""
    blocks: dict[int, list[_Line]] = {}
    for line in lines:
        blocks.setdefault(line.block, []).append(line)
    if len(blocks) < 8:
        return
    for block in blocks.values():
        if 2 <= len(block) <= 6 and _BOX_LABEL.match(block[0].text) and any(ln.kind == "body" for ln in block[1:]):
            for line in block:
                line.kind, line.caption = "widget", None
        elif 3 <= len(block) <= 8 and block[0].kind in ("chrome", "head") and all(ln.kind == "bullet" for ln in block[1:]):
            for line in block:  # a box of points under its label: 'Key points' / '• …' / '• …'
                line.kind, line.caption = "widget", None
        elif len(block) <= 15 and sum(ln.kind == "table" for ln in block) >= 2:
            for line in block:  # a table's title, notes and source go with its rows
                line.kind, line.caption = "table", None


def _mark_repeats(lines: list[_Line]) -> None:
    """Text printed again is furniture: a sentence printed twice far apart is a widget's label
    ('Log in, register or subscribe to save articles for later.' under both share bars), and a
    quote set apart that repeats a body sentence is a pull quote."""
    at: dict[str, list[int]] = {}
    for i, ln in enumerate(lines):
        if ln.kind == "body":
            at.setdefault(_bare(ln.text), []).append(i)
    bodies = "\n".join(_unquoted(ln.text) for ln in lines if ln.kind == "body")
    for i, line in enumerate(lines):
        seen = at.get(_bare(line.text), []) if line.kind == "body" else []
        if len(seen) > 1:
            # Printed again a few widget lines away, it is a photo's caption (alt text, then
            # the caption); far away, a widget's label.
            near = seen[-1] - seen[0] <= 4 and all(ln.kind != "body" for ln in lines[seen[0] + 1:seen[-1]])
            line.kind, line.caption = ("caption", Caption(text=_bare(line.text))) if near else ("chrome", None)
        elif line.kind in ("body", "head") and line.text[:1] in _QUOTE_MARKS:
            inner = _unquoted(line.text).strip(" .,")
            if len(inner) >= 20 and bodies.count(inner) >= (2 if line.kind == "body" else 1):
                line.kind = "chrome"


_QUOTE_MARKS = "\"'“”‘’「」"


def _unquoted(text: str) -> str:
    return re.sub(f"[{_QUOTE_MARKS}]", "", text)


def _bare(text: str) -> str:
    """A line without the ornaments some pages print before a repeated caption ('▲ ')."""
    return text.lstrip("▲△▶►▷■□●○◆◇•※ ").strip()


def _credit_line(lines: list[_Line], i: int, match: re.Match) -> None:
    """A line that is only a photo credit: it makes the line before it a caption (a photo
    with no words has none)."""
    credit = next(g for g in match.groups() if g).strip()
    line = lines[i]
    prev = next((ln for ln in reversed(lines[max(0, i - 3):i]) if ln.kind != "chrome"), None)
    if match.group("c6") and (prev is None or prev.kind not in ("caption", "credit")):
        line.kind = "copyright"  # 'ⓒ 한겨레' under the article: the paper's notice, not a photographer
        return
    if match.group("c7"):
        line.kind = "credit"  # 'Illustration by X. Sources: Getty.': a picture's credit in a sentence of its own
        return
    if prev is not None and prev.kind in ("caption", "credit"):
        line.kind = "credit"  # the credit printed again ('hide caption' / 'toggle caption')
        if prev.caption and not prev.caption.credit:
            prev.caption = Caption(text=prev.caption.text, credit=credit)
        return
    # A labelled or 'Name/Agency' credit follows its caption even when the caption is a full
    # sentence; a bare '(Agency)' does so only after a phrase, else it stands for a photo.
    labelled = match.group("c3") is None
    worded = prev is not None and (len(prev.text.split()) >= 3 or len(_HANGUL.findall(prev.text)) >= 6)
    # A credit standing apart under a block of several lines (a deck's two lines) credits a
    # photo with no caption: a caption stands alone, or with its credit.
    apart = prev is not None and prev.block != line.block and sum(ln.block == prev.block for ln in lines[max(0, i - 6):i]) > 1
    if prev is not None and prev.kind in ("head", "body", "bullet") and worded and not apart \
            and (labelled or not _is_sentence(prev.text)):
        prev.kind, prev.caption = "caption", Caption(text=prev.text, credit=credit)
        line.kind = "credit"
    else:
        line.kind = "credit"  # 'Image: Parley' over a photo with no caption: no caption


def _authors(lines: list[_Line]) -> list[re.Pattern]:
    """Patterns for the reporters named in bylines: a line about them after the body
    ('Okonjo covers weather…', 'KBS 뉴스 박서윤입니다.') is an author note, not article text."""
    names: set[str] = set()
    for line in lines:
        found = (_byline(line.text) or {}).get("byline") if line.kind == "byline" else (
            _dated_name(line.text) if line.kind == "date" else None)
        if found:
            names.update(n.strip() for n in re.split(r"\s*(?:,|&|·|\band\b)\s*", found) if n.strip())
    patterns = []
    for name in names:
        if _HANGUL.search(name):
            patterns.append(re.compile(re.escape(name)))
        else:  # the full name in any case, the surname or first name as a name ('Okonjo',
            # 'OKONJO', 'Ophelia joined the Post in 2021 …')
            first, last = name.split()[0], name.split()[-1]
            patterns.append(re.compile(rf"(?i:\b{re.escape(name)}\b)|\b(?:{re.escape(last.capitalize())}|"
                                       rf"{re.escape(last.upper())})\b|{re.escape(first.capitalize())}\s+[a-z]"))
    return patterns


def _dated_name(text: str) -> str | None:
    """The reporter named in a date line of parts ('Leah Tremblay · CBS News · Posted: …'), or
    before its label ('Asif Chaudhry Published December 8, 2026')."""
    named = _NAME_BEFORE_LABEL.match(text)
    if named:
        return _name(named.group(0).strip())
    parts = _parts(text)
    return next((n for n in map(_name, parts) if n), None) if len(parts) > 1 else None


def _weight(line: _Line, authors: list[re.Pattern]) -> int | None:
    """What a line adds to a run of article sentences; None where runs break."""
    if line.kind in _BREAKS:
        return None
    if line.kind == "body" or (line.kind == "bullet" and _is_sentence(_strip_bullet(line.text))):
        text = chrome.BYLINE_KO_PREFIX.sub("", line.text, count=1)  # the lede's own credit
        text = re.sub(_GLUED_SIGNOFF, "", text)  # and the last paragraph's sign-off
        if chrome.EMAIL.search(text) or any(a.match(text) for a in authors):
            return -_LINK_COST  # 'Contact Marcus Bell at …', 'Okonjo covers weather for AP.'
        return len(line.text.split())
    if line.kind in ("head", "bullet", "section"):
        return -_LINK_COST
    return 0  # captions, credits and widgets inside the body neither make nor break it


def _body_run(lines: list[_Line]) -> tuple[int, int] | None:
    """(first, last) line of the longest run of article sentences (maximum-sum segment)."""
    authors = _authors(lines)
    best: tuple[int, int, int] | None = None  # (score, first, last)
    score, first = 0, 0
    links = 0  # link-like lines since the last sentence
    for i, line in enumerate(lines):
        weight = _weight(line, authors)
        if weight is not None and weight < 0:
            # Each link-like line in a row costs more than the one before: a box of two
            # related stories inside the article is crossed, a list of tags or stories at its
            # end is not, whatever sentence follows it (an appeal, a newsletter's blurb).
            links += 1
            weight *= links
        elif weight:
            links = 0
        if weight is None or score + weight <= 0:
            score, first = 0, i + 1
            continue
        score += weight
        if weight > 0 and (best is None or score > best[0]):
            best = (score, first, i)
    if best is None:
        return None
    _, start, end = best
    while lines[start].kind not in ("body", "bullet"):  # a run starts with a sentence
        start += 1
    # A small block the run starts in is judged whole: a video's 'close' / 'Video' / title /
    # description ends in a sentence, but is a widget. (A page pasted without blank lines
    # has its whole header in the lede's block.)
    head = start
    while head > 0 and lines[head - 1].block == lines[start].block and start - head < 4:
        head -= 1
    if head > 0 and lines[head - 1].block == lines[start].block:
        head = start
    _drop_widget_blocks(lines, head, end)
    while start < end and lines[start].kind not in ("body", "bullet"):
        start += 1
    return start, end


def _drop_widget_blocks(lines: list[_Line], start: int, end: int) -> None:
    """Inside the body, a block of lines (no blank line between them) that is mostly
    link-like is a widget: 'Read this next' / a headline, 'Newsletter' / 'Sign Me Up' / its
    small print. A subhead is a block of one line; a block reaching past the body is the
    page's own layout (a page pasted without blank lines)."""
    i = start
    while i <= end:
        j = i
        while j + 1 <= end and lines[j + 1].block == lines[i].block:
            j += 1
        inside = (i == 0 or lines[i - 1].block != lines[i].block) and (
            j + 1 == len(lines) or lines[j + 1].block != lines[j].block)
        linky = sum(ln.kind in ("head", "chrome", "section") for ln in lines[i:j + 1])
        if inside and j > i and linky * 2 > j - i + 1:
            for line in lines[i:j + 1]:
                line.kind = "widget"
        i = j + 1


def _extracted_run(lines: list[_Line]) -> tuple[int, int] | None:
    """(first, last) line of a page's main content: from its first sentence to the end, less
    furniture that a signal names: a list of other stories after 'Related', what follows a
    copyright notice, trailing lines that are no sentences ('촬영기자:…', '(Reporting by …)')."""
    start = next((i for i, ln in enumerate(lines) if ln.kind == "body"), None)
    if start is None:
        return None
    end, related = start, False
    for i in range(start, len(lines)):
        line = lines[i]
        if line.kind == "copyright":
            break
        related = line.kind == "section" or (related and line.kind != "body")
        if related:
            line.kind = "related"
        elif line.kind in ("body", "bullet"):
            end = i
    return start, end


def _keys(text: str) -> set[str]:
    """Topic keys of a text: word stems (the first 5 letters of an English word, the first
    2 syllables of a Korean one) and numbers."""
    keys = set()
    for word in _WORD.findall(text):
        if _HANGUL.match(word):
            if len(word) >= 2:
                keys.add(word[:2])
        elif word.isdigit():
            if len(word) >= 2:
                keys.add(word)
        elif len(word) >= 3 and word.lower() not in _STOPWORDS:
            keys.add(word.lower()[:5])
    return keys


def _headline_like(text: str) -> bool:
    words = text.split()
    name = chrome.BARE_NAME_EN.match(text)
    if "|" in text or " > " in text or text.endswith(":") or _URL.match(text) or (name and name.group("role")) or _SCORE.match(text) \
            or text.count(":") >= 2:  # 'Wales: Tries: Pryce 2, Morgan Cons: …', a score box
        return False
    if _HANGUL.search(text):
        return len(_HANGUL.findall(text)) >= 6 and len(words) <= 30
    return 4 <= len(words) <= 30


def _title(lines: list[_Line], start: int, lede: str) -> int | None:
    """The index of the headline: among the headline-like lines before the body, the first
    that shares a third as many words with the lede as the best one (a deck below the headline
    shares more); else the nearest."""
    # The site's own name is no headline: it stands in the copyright notice too.
    notices = " ".join(ln.text.casefold() for ln in lines if ln.kind == "copyright")
    candidates = [i for i in range(start) if _headline_like(lines[i].text) and (
        lines[i].kind == "head"  # or a question: 'Can batteries replace peaker plants?'
        or (lines[i].kind == "body" and lines[i].text.rstrip("\"'”’").endswith(("?", "!"))))
        and lines[i].text.casefold() not in notices]
    if not candidates:
        return None
    lede_keys = _keys(lede)
    scores = {}
    for i in candidates:
        keys = _keys(lines[i].text)
        shared = len(keys & lede_keys)
        scores[i] = shared / len(keys) if keys and shared >= 2 else 0.0
    best = max(scores.values())
    if best == 0:
        return candidates[-1]
    return next(i for i in candidates if scores[i] >= best / 3)


def clean_text(text: str, *, extracted: bool = False, **metadata: Any) -> Article:
    """Clean pasted page text into an Article (title, byline, captions, body paragraphs).

    `extracted=True` says the text is already a page's main content (what trafilatura takes
    from HTML): every line is kept unless a signal says it is furniture, so subheads and lists
    stay. `metadata` (title, byline, published, publisher...) found elsewhere, e.g. in HTML
    meta tags, takes precedence over what the text itself suggests.
    """
    lines = _split_lines(text.replace("\r\n", "\n").replace("\r", "\n"))
    _classify(lines)
    if not any(ln.kind == "body" for ln in lines):
        _classify(lines, lenient=True)
    run = _extracted_run(lines) if extracted else _body_run(lines)
    title_at = None
    if run is None:
        # No sentence-like line: a short fragment or a list. Keep what is not furniture.
        kept = [ln for ln in lines if ln.kind in ("head", "bullet", "body")]
    else:
        start, end = run
        lede = " ".join(ln.text for ln in lines[start:end + 1] if ln.kind in ("body", "bullet"))[:600]
        title_at = _title(lines, start, lede)
        # Subheads and pull quotes are no paragraphs, but a broadcast script's speaker tag
        # ('[이수진/서울 은평구 주민]') stays: it says who speaks the next quote.
        kept = [ln for ln in lines[start:end + 1] if ln.kind == "body"
                or (ln.kind == "head" and (extracted or _SPEAKER_TAG.match(ln.text)))
                or (ln.kind == "bullet" and (extracted or _is_sentence(_strip_bullet(ln.text))))]
    meta, captions = _metadata(lines, run, title_at)
    if title_at is not None:
        # A broadcast segment's tag is no part of the headline ('[뉴스리뷰] …'); a tag that says
        # what the story is ('[YTN 단독] …', '[속보] …') is.
        meta["title"] = _SEGMENT_TAG.sub("", lines[title_at].text)

    # A list item loses its bullet, but a transcript's turn keeps the mark of its speaker:
    # '◇ 박진우> 실제로 배춧값이 얼마나 올랐습니까?'.
    paragraphs = [_strip_bullet(ln.text, numbers=not extracted)
                  if ln.kind == "bullet" and not _SPEAKER_TURN.match(_strip_bullet(ln.text)) else ln.text for ln in kept]
    owner = meta.pop("copyright", None)
    copyright_owner = _outlet(owner, lines)
    if paragraphs:
        paragraphs[0] = _take_lede_credit(paragraphs[0], meta)
    if copyright_owner:  # the agency or paper credited in the lede comes first, unless the
        # notice gives the name it stands for: '[SPK=잠실, …]' and 'ⓒ SPK(스포츠파크)'
        if meta.get("publisher") == owner:
            meta["publisher"] = copyright_owner
        meta.setdefault("publisher", copyright_owner)
    for key, value in metadata.items():
        if key == "byline" and value:  # 'Ines Kovac', or '하윤서 기자' as a page's author tag
            value = (_byline(value) or {}).get("byline", value)
        if value:
            meta[key] = value
    if meta.get("title") and paragraphs and paragraphs[0] == meta["title"]:
        paragraphs.pop(0)  # the headline repeated as the first line of the text
    return Article.from_paragraphs(paragraphs, captions=tuple(captions), **meta)


def _metadata(lines: list[_Line], run: tuple[int, int] | None, title_at: int | None) -> tuple[dict[str, Any], list[Caption]]:
    """Byline, e-mail, dates, publisher and captions from the lines around the body.

    The header speaks first (its byline; its publication date rather than an update, and a
    date under the headline rather than the day's date above it), then a name standing alone
    under the headline, then the body and the footer up to the copyright notice (a sign-off).
    """
    start, end = run if run else (len(lines), len(lines))
    below_title = (title_at if title_at is not None else -1) + 1
    footer = lines[end + 1:]
    stop = next((i for i, ln in enumerate(footer) if ln.kind == "copyright"), len(footer))
    header, rest = lines[:start], lines[start:end + 1] + footer[:stop + 1]
    meta: dict[str, Any] = {}
    captions: list[Caption] = []
    dates: list[tuple[int, int, str]] = []  # (0 under the title, 1 above it, 2 later; label rank; date)

    bylines: list[tuple[int, dict[str, str]]] = []  # (where, fields)
    outlets: list[str] = []  # names beside a date in the header

    def note(line: _Line, where: int) -> None:
        if line.kind == "caption" and line.caption not in captions:
            same = next((i for i, c in enumerate(captions) if _bare(c.text) == _bare(line.caption.text)), None)
            if same is None:
                captions.append(line.caption)
            elif line.caption.credit and not captions[same].credit:
                # A caption printed twice, once with its credit.
                captions[same] = Caption(text=captions[same].text, credit=line.caption.credit)
        elif line.kind == "byline":
            bylines.append((where, _byline(line.text) or {}))
            dated = chrome.DATE_VALUE.search(line.text)  # 'By Keisha Monroe Globe Staff,Updated March 14, 2016'
            if dated:
                before = line.text[: dated.start()]
                rank = 0 if chrome.PUBLISHED_LABEL.search(before) else 2 if chrome.UPDATED_LABEL.search(before) else 1
                dates.append((where, rank, dated.group(0).strip()))
        elif line.kind == "date":
            value, rank = _date(line.text)
            dates.append((where, rank, value))
            for part in _parts(line.text) if where < 2 else ():
                # 'Philippine Daily Lantern / 05:14 AM November 05, 2026': the outlet's name.
                if not _date(part) and _OUTLET_PART.match(part) and (
                        not _name(part) or any(ln.text == part for ln in lines)):
                    outlets.append(part)
        elif line.kind == "copyright":
            found = chrome.COPYRIGHT_OWNER.search(line.text) or chrome.RESERVED_OWNER.match(line.text)
            if found:
                owner = (found.group("owner") or found.groupdict().get("ko") or "").strip()
                if re.search(r"\b[A-Z]\.[A-Z]$", owner) and line.text[found.end("owner"):].startswith("."):
                    owner += "."  # 'Bloomberg L.P.'
                meta.setdefault("copyright", owner)

    for i, line in enumerate(header):
        note(line, 0 if i >= below_title else 1)
    for line in rest:
        note(line, 2)
    # Bylines under the headline speak first, then those above it (a menu's '시민기자 가입'
    # is shaped like one), then sign-offs after the body.
    for _, fields in sorted(bylines, key=lambda b: b[0]):
        for key, value in fields.items():
            meta.setdefault(key, value)
    # A name standing alone under the headline is the byline when no byline line under it
    # names the reporter ('Print Preview' stands there too), or the same name better written.
    # (not one of a list under 'Trending' or 'Most read': 'Pune Metro' is a topic)
    listed = {ln.block for i, ln in enumerate(lines) if ln.kind == "section" and (i == 0 or lines[i - 1].block != ln.block)}
    names = [n for n in ((_name(ln.text) or _dated_name(ln.text)) if ln.kind == "head" and ln.block not in listed
                         else _dated_name(ln.text) if ln.kind == "date"
                         else None for ln in header[below_title:]) if n]
    # A Korean name alone right above the date line: '김서진' / '입력 2026.11.06 21:47'.
    names += [ln.text for ln, nxt in zip(header[below_title:], header[below_title + 1:])
              if ln.kind == "head" and nxt.kind == "date" and _KOREAN_NAME.fullmatch(ln.text)
              and ln.text[0] in HANGUL_SURNAMES]
    named = meta.get("byline", "").casefold() if any(w == 0 and "byline" in f for w, f in bylines) else ""
    meta["byline"] = next((n for n in names if not named or n.casefold() == named), meta.get("byline"))
    if meta["byline"] is None:
        del meta["byline"]
    if dates:
        # A date labelled as the first publication wins wherever it stands ('Originally
        # Published:' at the foot under 'UPDATED:' at the top); then the header's.
        meta["published"] = min(dates, key=lambda d: (d[1] != 0, d[0], d[1]))[2]
    if outlets and "copyright" not in meta:
        meta["publisher"] = outlets[0]
    return meta, captions


# A company's form after the outlet's name in a copyright notice: 'Harbour City Media Pty Ltd',
# 'The Commonweal Media Group', 'Lakeshore Star Newspapers Limited'.
_COMPANY = re.compile(r"(?:미디어(?:그룹)?|신문사|주식회사)$|(?:\s+(?:Media|Group|Pty|Ltd\.?|Limited|Inc\.?|Corp\.?|Corporation|Co\.?|"
                      r"Newspapers?|Publishing|Publications|Publishers?|Holdings|Company|plc|LLC|Partners|"
                      r"Communications|Broadcasting|Network|Enterprises?|Digital|DAC|GmbH|AG|S\.?A\.?)\b\.?)+,?\s*(?:LLC|Inc\.?)?$",
                      re.IGNORECASE)


def _outlet(owner: str | None, lines: list[_Line]) -> str | None:
    """The outlet a copyright notice names: its owner, less the year and a leading 'owned or
    licensed by'; when the owner is a company ('Harbour City Media Pty Ltd'), the outlet is
    the masthead line of the page that carries the company's name ('The Harbour City
    Standard'), if there is one."""
    if not owner:
        return owner
    masthead = lines[0].text if lines and lines[0].kind in ("head", "chrome") and len(lines[0].text.split()) <= 5 else ""
    if masthead and masthead.casefold() not in owner.casefold():
        # The site's own notice, further down, over an agency's under the story ('© KYOKUTO' …
        # '© 2026 JapanNow'); a notice that only describes its owner ('© 2026 a Ridgeway Media
        # plc subsidiary') leaves the masthead.
        own = any(ln.kind == "copyright" and re.search(rf"(?i)(?:©|ⓒ|copyright)\s*(?:\d{{4}}\s*)?{re.escape(masthead)}\b", ln.text)
                  for ln in lines)
        if own or re.match(r"^(?:a|an|part of)\s", owner):
            return masthead
        latin = re.match(r"[A-Za-z]{2,}(?=[가-힣])", masthead)
        if latin and owner.split()[0].casefold() == latin.group().casefold():
            return masthead  # 'TV다올' over '© TV DAOL': the masthead in its own script
    notice = next((ln.text for ln in lines if ln.kind == "copyright" and owner in ln.text), "")
    owner = re.sub(r"\s+(?:\d{4}|www)$", "", owner).strip()  # 'Copyright © eurovista 2026', 'ⓒ 팔공일보 www.…'
    if owner.islower():
        # '© 2026 npa' under the masthead 'NPA logo': the name as the masthead writes it.
        for line in lines[:12]:
            name = re.sub(r"\s+(?:homepage|home page|logo)$", "", line.text, flags=re.IGNORECASE)
            if name.casefold() == owner:
                return name
    for line in lines[:5]:
        # The masthead's name given in brackets after the owner: 'Copyright ⓒ SPK(스포츠파크)'.
        if line.kind in ("head", "chrome") and f"{owner}({line.text})" in notice.replace(" (", "("):
            return line.text
    owner = re.sub(r"^(?:owned or licensed by|owned by|licensed by)\s+", "", owner, flags=re.IGNORECASE)
    owner = re.sub(r"\s+\d{4}$", "", owner).strip()
    domain = re.search(r"(?:www\.)?([a-z0-9-]{3,})\.(?:[a-z]{2,}\.?)+", notice)
    if domain and owner.casefold() in domain.group(0):
        # A notice naming the site's address: the masthead that spells it ('© 2026
        # www.carvertongazette.example' under 'The Carverton Gazette'), or that the notice
        # names too ('ⓒhangyeol.example ‘… 석간 한결일보’' under '한결일보').
        for line in lines[:12]:
            letters = re.sub(r"[^a-z0-9]", "", re.sub(r"^the\s+", "", line.text.casefold()))
            if len(letters) >= 0.6 * len(domain.group(1)) and letters in domain.group(1) and not _HANGUL.search(line.text):
                return line.text
        if lines and len(lines[0].text) >= 3 and lines[0].text in notice:
            return lines[0].text
    for line in lines[:10]:
        # The masthead's logo named in words ('NBN News Logo') over a company's notice ('© 2026
        # NBN UNIVERSAL'): the outlet, when the two share their first word.
        logo = re.fullmatch(r"(.+?)\s+logo", line.text, flags=re.IGNORECASE)
        if logo and logo.group(1).split()[0].casefold() == owner.split()[0].casefold():
            return logo.group(1)
    for line in lines[:5]:
        # The masthead a notice's owner ends with, after a slogan: '© 특종에 강한 팩트라인'.
        if line.kind in ("head", "chrome") and len(line.text) >= 2 and owner.casefold().endswith(" " + line.text.casefold()):
            return line.text
    for line in lines[:12] if _COMPANY.search(owner) else ():
        # The masthead a company's name starts with: 'The Bellwether' over '© The Bellwether
        # Monthly Group'.
        if line.kind in ("head", "chrome") and len(line.text) >= 4 and len(line.text.split()) <= 5 \
                and owner.casefold().startswith(line.text.casefold() + " "):
            return line.text
    if owner.isupper() and " " in owner:
        owner = owner.title()  # 'THE CLARION'
    stem = _COMPANY.sub("", owner).strip()
    if not stem or stem == owner:
        return owner
    key = re.sub(r"^the\s+", "", stem, flags=re.IGNORECASE).casefold()
    for line in lines:
        name = re.split(r"\s+[-–—|]\s+", line.text)[0].strip()  # 'The Commonweal - Back to home'
        name = re.sub(r"\s+(?:homepage|home page|logo)$", "", name, flags=re.IGNORECASE)  # a logo's alt text
        if line.kind not in ("head", "chrome") or len(name.split()) > 6 or _COMPANY.search(name) \
                or _TERMINAL.search(name):
            continue
        # The company's name in the masthead, or its initials: 'WMG Media' for 'The Waitematā
        # Mail' (WM, and G for its group).
        initials = "".join(w[0] for w in name.split() if w[:1].isupper() and w.lower() != "the")
        if key in name.casefold() or (stem.isupper() and len(initials) >= 2 and stem.startswith(initials)
                                      and len(stem) - len(initials) <= 1):
            return name.title() if name.isupper() else name  # 'THE HANSEONG HERALD'
    return owner


_SEGMENT_TAG = re.compile(r"^\[(?![^\]]*(?:단독|속보|종합|특종))[^\]]{1,10}\]\s*")
_OUTLET_TAG = re.compile(r"^\[([가-힣A-Za-z0-9]{2,12})\]\s+(?=\S)")
_PLACE_TAG = re.compile(r"^【\s*([가-힣]{2,5})\s*】\s*")
# An outlet's name, not a tag for the kind of story ('[단독]', '[앵커]', '[뉴스리뷰]').
_OUTLET_NAME = re.compile(r"(?:뉴스|일보|신문|신보|경제|방송|투데이|미디어|타임스|저널|TV|닷컴)$")


def _take_lede_credit(first: str, meta: dict[str, Any]) -> str:
    """Record the dateline/credit at the start of the lede; drop a Korean credit bracket.

    An English dateline ('PORT HALDEN —') is part of the lede sentence and stays; a Korean
    credit ('[한빛일보=서지원 기자]', '(서울=연합뉴스) 홍길동 기자 =') is a byline, not text.
    """
    match = chrome.BYLINE_KO_PREFIX.match(first)
    if match:
        groups = {k: v for k, v in match.groupdict().items() if v}
        meta.setdefault("byline", groups.get("name") or groups.get("name2") or groups.get("name3")
                        or groups.get("name4") or groups.get("name5"))
        org = groups.get("org") or groups.get("org2") or groups.get("org4") or groups.get("org5")
        groups.setdefault("place", groups.get("place5"))
        if org and " " in org.strip() and not groups.get("place"):  # '머니투데이 세종'
            org, groups["place"] = org.strip().rsplit(" ", 1)
        bracketed = re.fullmatch(r"(.+?)\((.+)\)", org.strip()) if org else None
        if bracketed and not groups.get("place"):  # '누리경제(세종)'
            org, groups["place"] = bracketed.groups()
        if org:
            meta.setdefault("publisher", org.strip())
        if groups.get("place"):
            meta.setdefault("dateline", groups["place"].strip())
        rest = first[match.end():].strip()
        return rest or first
    tag = _OUTLET_TAG.match(first)
    if tag and _OUTLET_NAME.search(tag.group(1)):
        # '[경제신보] 배달 플랫폼을 통해 …': the outlet's tag, not the lede's text; and the
        # reporter's credit after it ('[핫픽뉴스] 오정민 기자 = …').
        meta.setdefault("publisher", tag.group(1))
        return _take_lede_credit(first[tag.end():], meta)
    place = _PLACE_TAG.match(first)
    if place:
        # '【강릉】강릉시가 …': a regional paper's place tag, the dateline.
        meta.setdefault("dateline", place.group(1))
        return first[place.end():].strip()
    dateline = chrome.DATELINE_EN.match(first)
    if dateline:
        meta.setdefault("dateline", dateline.group("place").strip(" ,"))
    return first
