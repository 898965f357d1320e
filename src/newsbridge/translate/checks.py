"""QA flags on each translated item: what an editor should look at before publishing.

  numbers       every number of the source is in the translation
  quotes        every quote of the source is in the translation once, between quote marks
  glossary      every glossary term of the source is rendered with its agreed translation
  script        no leftovers of the source script (Hangul in English output, or the reverse)
  length        the length ratio is not an outlier (a dropped or invented passage)
  repetition    no n-gram repeated over and over (a decoding loop)
"""

from __future__ import annotations

import re

from ..document import Check

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_HANGUL = re.compile(r"[가-힣]")
# Lower-case English words left in Korean output (names and acronyms may stay in Latin letters).
_ENGLISH_WORD = re.compile(r"\b[a-z]{3,}\b")
# Target/source length ratios outside these bounds are worth a look (characters; Korean text
# is about 0.6 times as long as the English it translates).
_RATIO = {("en", "ko"): (0.25, 1.6), ("ko", "en"): (0.6, 4.0)}


def _numbers(text: str) -> list[str]:
    return sorted(n.replace(",", "") for n in _NUMBER.findall(text))


def repeated_ngram(text: str, n: int = 3, times: int = 3) -> str | None:
    """An n-gram of words occurring `times` or more in a row-ish run, or None."""
    words = text.split()
    counts: dict[tuple[str, ...], int] = {}
    for i in range(len(words) - n + 1):
        gram = tuple(words[i:i + n])
        counts[gram] = counts.get(gram, 0) + 1
        if counts[gram] >= times:
            return " ".join(gram)
    return None


def cut_repetition(text: str, n: int = 3, times: int = 3) -> str:
    """Cut a decoding loop: keep the text up to the second occurrence of a looping n-gram."""
    gram = repeated_ngram(text, n, times)
    if gram is None:
        return text
    first = text.find(gram)
    second = text.find(gram, first + len(gram))
    return text[:second].rstrip() if second > 0 else text


def check_item(item: str, source: str, translated: str, source_lang: str, target_lang: str,
               quotes: list[tuple[str, str]] = (), terms: dict[str, str] | None = None) -> list[Check]:
    """The QA flags of one translated item; `quotes` are (source text, translated text)."""
    checks = []
    missing = [n for n in _numbers(source) if n not in _numbers(translated)]
    checks.append(Check("numbers", not missing, item, f"missing: {', '.join(missing)}" if missing else None))
    if quotes:
        bad = [src for src, dst in quotes if translated.count(f"“{dst}”") != 1]
        checks.append(Check("quotes", not bad, item,
                            f"{len(bad)} of {len(quotes)} quotes not found once in quote marks" if bad else None))
    if terms:
        wanted = [dst for src, dst in terms.items() if src in source]
        absent = [t for t in wanted if t not in translated]
        if wanted:
            checks.append(Check("glossary", not absent, item, f"absent: {', '.join(absent)}" if absent else None))
    leftover = _HANGUL.findall(translated) if target_lang == "en" else _ENGLISH_WORD.findall(translated)
    checks.append(Check("script", not leftover, item,
                        f"{len(leftover)} source-script characters or words left" if leftover else None))
    low, high = _RATIO.get((source_lang, target_lang), (0.2, 5.0))
    ratio = len(translated) / max(1, len(source))
    checks.append(Check("length", low <= ratio <= high, item,
                        None if low <= ratio <= high else f"length ratio {ratio:.2f}"))
    gram = repeated_ngram(translated)
    checks.append(Check("repetition", gram is None, item, f"repeated: {gram!r}" if gram else None))
    return checks
