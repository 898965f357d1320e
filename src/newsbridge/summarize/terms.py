"""Content terms of a sentence, for similarity: English word stems, Korean morphemes.

Korean words glue particles and endings to their stems ('상수관을', '교체한다고'), so
whitespace tokens barely overlap between sentences; Kiwi's morphemes (kept on each sentence
by the segmenter) give the nouns, verbs and names that do.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from ..document import Sentence
from ..segment import get_kiwi

EN_STOPWORDS = frozenset(
    "a an the and or but if then than so as of to in on at by for from with about into over "
    "after before under between through during without within against among is are was were "
    "be been being am do does did doing have has had having will would shall should can could "
    "may might must not no nor this that these those it its it's he him his she her hers they "
    "them their theirs we us our ours you your yours i me my mine who whom whose which what "
    "when where why how all any both each few more most other some such only own same too very "
    "s t just also said says say told tell mr mrs ms dr one two new last first year years "
    "there here up out down off again further once about because while until".split()
)
_EN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d+(?:[.,]\d+)*")
_KO_TAGS = {"NNG", "NNP", "NR", "SL", "SH", "SN", "VV", "VA", "XR", "NNB"}
_KO_SKIP = {"것", "수", "등", "때", "중", "년", "월", "일", "명", "개", "원", "하", "있", "되", "않", "없"}


def _stem(word: str) -> str:
    """A light English stemmer: enough to meet 'voted'/'votes'/'voting' as one term."""
    for suffix in ("ingly", "edly", "ing", "ied", "ies", "ed", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)] + ("y" if suffix in ("ied", "ies") else "")
    return word


def english_terms(text: str) -> list[str]:
    """Lower-cased stems of the content words of an English text."""
    words = (w.lower().rstrip("'’") for w in _EN_WORD.findall(text))
    return [_stem(w) for w in words if w not in EN_STOPWORDS and len(w) > 1]


def korean_terms(sentence: Sentence | str) -> list[str]:
    """Content morphemes of a Korean sentence (nouns, verb and adjective stems, names)."""
    if isinstance(sentence, Sentence) and sentence.morphs:
        morphs = sentence.morphs
    else:
        text = sentence.text if isinstance(sentence, Sentence) else sentence
        morphs = get_kiwi().tokenize(text)
    return [m.form.lower() for m in morphs if m.tag in _KO_TAGS and m.form not in _KO_SKIP]


def terms(sentence: Sentence | str, lang: str) -> list[str]:
    """Content terms of a sentence in `lang`."""
    if lang == "ko":
        return korean_terms(sentence)
    return english_terms(sentence.text if isinstance(sentence, Sentence) else sentence)


def vector(counts: Counter[str], idf: dict[str, float], unseen: float = 1.0) -> dict[str, float]:
    """Term counts weighted by `idf` (`unseen` for terms it lacks), scaled to unit length."""
    vec = {t: c * idf.get(t, unseen) for t, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {t: v / norm for t, v in vec.items()}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Cosine similarity of two unit-length vectors from vector()."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())
