"""Extractive key points: the article's own sentences, chosen the way a news editor would.

Each eligible sentence gets a score: how central it is to the article (TF-IDF cosine with the
whole), how close to the headline, and where it stands (news puts the most important first:
the lead carries the most). Sentences are then picked greedily, each time the best score less
its overlap with what is already picked (maximal marginal relevance), and returned in article
order. Not eligible: fragments, questions to the reader, page furniture that survived
cleaning, and sentences whose quote cannot be given its speaker (speakers.py).
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter

from ..document import Article, KeyPoint, Quote, Sentence
from . import speakers
from .terms import cosine, terms, vector

# Weights of the score, and the redundancy penalty of the greedy choice. Chosen on a coarse
# grid over the 40 articles of scripts/eval_summary.py, from the middle of the region where
# both languages beat LEAD-3 (so small changes of data do not flip the result).
W_POSITION = 0.35
W_CENTRAL = 0.42
W_TITLE = 0.23
REDUNDANCY = 0.5
# Korean news states the day in its lede ('… 31일 밝혔다'): the one sentence the reporter built
# to say what happened, to whom, when. (English ledes carry weekdays too, but so do many later
# sentences; measured on eval_summary.py, the feature helps Korean and hurts English.)
W_LEDE = 0.1
LEDE_REACH = 5
_DATED = {"ko": re.compile(r"\d{1,2}일\s|(?:어제|오늘|이날)\s")}
# How fast the position prior falls: sentence i gets 1 / (1 + i / POSITION_SCALE).
POSITION_SCALE = 2.0

_JUNK = re.compile(
    r"^(?:scroll down|click here|read more|watch the video|sign up|follow us|subscribe|"
    r"share this|photo:|image:|video:|advertisement)|"
    r"(?:기자\s*[\w.+-]+@|무단\s*전재|▶|사진\s*=)|^[▲△■□●◆]",
    re.IGNORECASE,
)
_LEADING_CONNECTIVE = {
    "en": re.compile(r"^(?:Also|But|And|However|Meanwhile|Still|Yet|So|Moreover|In addition|"
                     r"Furthermore|Besides|Instead|Nevertheless|Even so),\s+|^(?:But|And|So|Yet)\s+"),
    "ko": re.compile(r"^(?:하지만|그러나|또한|또|한편|게다가|특히|아울러|그런데|그리고)\s+"),
}


def _eligible(sentence: Sentence, lang: str) -> bool:
    text = sentence.text.strip()
    if _JUNK.search(text):
        return False
    if lang == "ko":
        if len(text) < 15:
            return False
    elif len(text.split()) < 6:
        return False
    # A question to the reader; a quoted question is someone's words and may stay.
    return not (text.endswith("?") and not text.startswith(("\"", "“")))


def trim(text: str, lang: str) -> str:
    """Drop a dangling connective at the start ('Also, ', '하지만 ') when it is safe."""
    pattern = _LEADING_CONNECTIVE.get(lang)
    if not pattern:
        return text
    m = pattern.match(text)
    if not m or len(text) - m.end() < 10:
        return text
    rest = text[m.end():]
    return rest[0].upper() + rest[1:] if lang == "en" else rest


class ExtractiveSummarizer:
    """The default key-point backend: no model, nothing invented, English and Korean."""

    def summarize(self, article: Article, quotes: list[Quote], lang: str, points: int) -> list[KeyPoint]:
        """Up to `points` key points, in article order."""
        sentences = list(article.sentences)
        if not sentences:
            return []
        bags = [Counter(terms(s, lang)) for s in sentences]
        df: Counter[str] = Counter()
        for bag in bags:
            df.update(bag.keys())
        n = len(sentences)
        idf = {t: math.log((n + 1) / (d + 0.5)) for t, d in df.items()}
        unseen = math.log((n + 1) / 0.5)  # a headline word found in no sentence
        vectors = [vector(bag, idf, unseen) for bag in bags]
        total: Counter[str] = Counter()
        for bag in bags:
            total.update(bag)
        whole = vector(total, idf, unseen)
        title = vector(Counter(terms(article.title, lang)), idf, unseen) if article.title else {}

        # Each sentence's quotes, found once (a long article has a hundred quotes or more).
        starts = [s.start for s in sentences]
        quotes_in: dict[int, list[Quote]] = {}
        for quote in quotes:
            quotes_in.setdefault(bisect.bisect_right(starts, quote.start) - 1, []).append(quote)
        candidates: dict[int, tuple[float, str]] = {}
        rank = 0  # position among eligible sentences: furniture does not push the lead down
        for i, sentence in enumerate(sentences):
            if not _eligible(sentence, lang):
                continue
            text = speakers.attribute(trim(sentence.text, lang), sentence, quotes_in.get(i, []), lang)
            if text is None:
                continue
            position = 1.0 / (1.0 + rank / POSITION_SCALE)
            dated = _DATED.get(lang)
            lede = rank < LEDE_REACH and dated is not None and bool(dated.search(sentence.text))
            rank += 1
            score = (W_POSITION * position + W_CENTRAL * cosine(vectors[i], whole)
                     + W_TITLE * cosine(vectors[i], title) + W_LEDE * lede)
            candidates[i] = (score, text)
        if not candidates and sentences:
            # Nothing passed the filters (a one-line article): use what there is, as long as
            # its quotes keep their speakers.
            for i, sentence in enumerate(sentences[:points]):
                text = speakers.attribute(sentence.text, sentence, quotes_in.get(i, []), lang)
                if text is not None:
                    candidates[i] = (1.0 / (1 + i), text)

        chosen: list[int] = []
        while candidates.keys() - set(chosen) and len(chosen) < points:
            def gain(i: int) -> float:
                overlap = max((cosine(vectors[i], vectors[j]) for j in chosen), default=0.0)
                return candidates[i][0] - REDUNDANCY * overlap

            chosen.append(max(candidates.keys() - set(chosen), key=gain))

        out = []
        for i in sorted(chosen):
            s = sentences[i]
            ids = [q.id for q in quotes if s.start <= q.start < s.end]
            out.append(KeyPoint(text=candidates[i][1], sentence_ids=[s.id], start=s.start, end=s.end,
                                quote_ids=ids))
        return out
