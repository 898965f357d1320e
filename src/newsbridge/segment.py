"""Sentence splitting with character offsets: English by news-aware rules, Korean by Kiwi.

English rules are written here rather than taken from a library because the candidates
either download data at first use (NLTK punkt) or are slow and unmaintained (pysbd); news
text needs only a handful of rules: titles and initials before names, month abbreviations,
acronyms such as 'U.S.', and sentences that end inside a closing quote ('."').
Korean uses kiwipiepy, which ships its model inside the package.
"""

from __future__ import annotations

import functools
import re
from typing import Protocol

from .document import Article, Morph, Sentence

Span = tuple[int, int]
SentenceSpan = tuple[int, int, tuple[Morph, ...]]  # start, end, and the morphemes (Korean)


class Splitter(Protocol):
    """Splits one paragraph into sentence spans (start, end) with no outer whitespace."""

    def split(self, text: str) -> list[Span]: ...

    def split_with_morphs(self, text: str) -> list[SentenceSpan]: ...

    def split_paragraphs(self, texts: list[str]) -> list[list[SentenceSpan]]: ...


# Abbreviations that are (almost) always followed by more of the same sentence: titles before
# a name, and month or unit abbreviations before a number.
_NEVER_END = {
    "mr", "mrs", "ms", "dr", "prof", "sen", "sens", "rep", "reps", "gov", "gen", "col", "lt",
    "sgt", "capt", "cmdr", "adm", "maj", "rev", "st", "mt", "ft", "pres", "atty", "supt",
    "det", "insp", "hon", "gens", "messrs", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "no", "nos", "vol", "vols", "vs", "v", "fig", "figs",
    "approx", "ave", "blvd", "rd", "dept", "univ", "cf", "e.g", "i.e", "pp", "p", "ch",
}
# Abbreviations that end a sentence when a typical sentence start follows them
# ('... in the U.S. The next day ...') and do not otherwise ('the U.S. Senate').
_MAYBE_END = {"u.s", "u.k", "u.n", "e.u", "d.c", "a.m", "p.m", "inc", "corp", "co", "ltd",
              "jr", "sr", "bros", "etc", "n.y", "l.a"}
_SENTENCE_STARTERS = {
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "this", "that", "these",
    "those", "there", "but", "and", "or", "so", "yet", "in", "on", "at", "for", "after",
    "before", "when", "while", "if", "as", "his", "her", "its", "their", "our", "my", "no",
    "not", "some", "many", "most", "all", "one", "two", "three", "also", "however", "still",
    "then", "now", "meanwhile", "officials", "police",
}

# A candidate boundary: terminal punctuation, any closing quotes or brackets, whitespace,
# and the start of a new sentence (capital, digit, or opening quote/bracket).
_BOUNDARY = re.compile(
    r"""(?P<end>[.!?…]+["'”’)\]]*)(?P<space>\s+)(?=["'“‘(\[]?[A-Z0-9\u00C0-\u00DE\uAC00-\uD7A3])"""
)
# '"Is it over?" Smith asked.': a question or exclamation in quotes, then its attribution.
_ATTRIBUTION_NEXT = re.compile(
    r"(?:(?:[A-Z][\w.'’\-]*\s+){1,4}|(?:he|she|they|we|I|it)\s+)(?:\w+ly\s+)?"
    r"(?:said|says|asked|asks|told|added|demanded|wondered|replied|shouted|wrote|tweeted|"
    r"exclaimed|continued|responded|insisted|yelled|cried|pleaded|declared|recalled)\b"
)
_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_NEXT_WORD = re.compile(r"""["'“‘(\[]?([A-Za-z]+)""")


class EnglishSplitter:
    """Rule-based splitter for English news text."""

    def split(self, text: str) -> list[Span]:
        spans: list[Span] = []
        start = 0
        quoted = _quoted_intervals(text)
        for match in _BOUNDARY.finditer(text):
            end = match.end("end")
            # Several sentences inside one closed quotation stay one unit with their
            # attribution: '"A. B," said X.' is one sentence to an editor.
            if any(qs < end < qe for qs, qe in quoted):
                continue
            if not self._is_boundary(text, match):
                continue
            spans.append((start, end))
            start = match.end("space")
        spans.append((start, len(text)))
        return [_strip(text, s, e) for s, e in spans if text[s:e].strip()]

    def split_with_morphs(self, text: str) -> list[SentenceSpan]:
        return [(s, e, ()) for s, e in self.split(text)]

    def split_paragraphs(self, texts: list[str]) -> list[list[SentenceSpan]]:
        return [self.split_with_morphs(text) for text in texts]

    @staticmethod
    def _is_boundary(text: str, match: re.Match[str]) -> bool:
        punct = match.group("end")
        if punct[0] in "?!" and punct[-1] in "\"”'’" and _ATTRIBUTION_NEXT.match(text, match.end("space")):
            return False
        if not punct.startswith("."):
            return True  # '!' '?' '…' end a sentence whatever precedes them
        before = _LAST_WORD.search(text, 0, match.start("end"))
        if not before:
            return True
        word = before.group(1).lower().rstrip(".")
        nxt = _NEXT_WORD.match(text, match.end("space"))
        next_word = nxt.group(1).lower() if nxt else ""
        if len(word) == 1 and word.isalpha() and before.group(1)[0].isupper():
            return False  # an initial: 'Harry J. Kazianis'
        if word in _NEVER_END:
            return False
        if word in _MAYBE_END or re.fullmatch(r"(?:[a-z]\.)+[a-z]", word):
            return next_word in _SENTENCE_STARTERS
        return True


class KoreanSplitter:
    """Korean sentence splitting with kiwipiepy (handles quotes like “…”라고 말했다).

    Kiwi analyses the morphemes to find sentence ends anyway; they are kept on each sentence
    for the stages after this one.
    """

    def split(self, text: str) -> list[Span]:
        return [(s, e) for s, e, _ in self.split_with_morphs(text)]

    def split_with_morphs(self, text: str) -> list[SentenceSpan]:
        return self._spans(text, get_kiwi().split_into_sents(text, return_tokens=True))

    def split_paragraphs(self, texts: list[str]) -> list[list[SentenceSpan]]:
        # One call for all paragraphs: Kiwi analyses them on its worker threads in parallel.
        analysed = get_kiwi().split_into_sents(texts, return_tokens=True)
        return [self._spans(text, sents) for text, sents in zip(texts, analysed)]

    @staticmethod
    def _spans(text: str, sents) -> list[SentenceSpan]:  # noqa: ANN001 - Kiwi's sentences
        out: list[SentenceSpan] = []
        for sent in sents:
            # Kiwi reports offsets into the text it was given; keep only spans that do.
            if not text[sent.start:sent.end].strip():
                continue
            start, end = _strip(text, sent.start, sent.end)
            before = text[:out[-1][1]].rstrip() if out else ""
            if out and _QUOTATIVE_START.match(text, start) and before[-1:] in _CLOSING and before[-2:-1] not in ".!?。":
                # '“… 점이 부담”' | '이라고 황동민 연구원은 분석했다.': Kiwi ends a sentence at a
                # closing quote with no full stop inside; the quotative particle continues it.
                prev_start, _, prev_morphs = out.pop()
                morphs = prev_morphs + tuple(Morph(t.form, t.tag, t.start - prev_start, t.len)
                                             for t in sent.tokens if start <= t.start < end)
                out.append((prev_start, end, morphs))
                continue
            morphs = tuple(Morph(t.form, t.tag, t.start - start, t.len)
                           for t in sent.tokens if start <= t.start < end)
            out.append((start, end, morphs))
        return out or [(*_strip(text, 0, len(text)), ())]


_QUOTATIVE_START = re.compile(r"(?:이?라고|이?라며|이?라는|라며|고\s|며\s|하고\s)")
_CLOSING = "”\"’'」』"


@functools.lru_cache(maxsize=1)
def get_kiwi():  # noqa: ANN201 - kiwipiepy has no type stubs
    """The shared Kiwi analyser; loading its model takes a second or two, so do it once."""
    from kiwipiepy import Kiwi

    return Kiwi()


def _quoted_intervals(text: str) -> list[Span]:
    """Spans of double-quoted passages that open and close within `text`.

    A quote left open (news style: a multi-paragraph quote closes only in its last paragraph)
    yields no interval, so its sentences are split as usual.
    """
    intervals = []
    open_at: int | None = None
    for i, ch in enumerate(text):
        if ch == "“" or (ch == '"' and open_at is None):
            open_at = i
        elif (ch == "”" or ch == '"') and open_at is not None:
            intervals.append((open_at, i + 1))
            open_at = None
    return intervals


def _strip(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


SPLITTERS: dict[str, type[Splitter]] = {"en": EnglishSplitter, "ko": KoreanSplitter}


def splitter_for(lang: str) -> Splitter:
    """The splitter for `lang`; languages other than Korean use the English rules."""
    return SPLITTERS.get(lang, EnglishSplitter)()


def split_sentences(text: str, lang: str = "en") -> list[str]:
    """Split one paragraph of text into sentences."""
    return [text[s:e] for s, e in splitter_for(lang).split(text)]


def segment(article: Article, lang: str) -> Article:
    """Return `article` with its sentences, offsets pointing into the cleaned body."""
    splitter = splitter_for(lang)
    sentences: list[Sentence] = []
    spans = splitter.split_paragraphs([par.text for par in article.paragraphs])
    for par, par_spans in zip(article.paragraphs, spans):
        for start, end, morphs in par_spans:
            sentences.append(
                Sentence(
                    id=len(sentences),
                    paragraph=par.index,
                    start=par.start + start,
                    end=par.start + end,
                    text=par.text[start:end],
                    morphs=morphs,
                )
            )
    return article.with_sentences(sentences)
