"""Benchmark quote extraction on a 5,000-word article (English and Korean).

Two kinds of 5,000-word article per language:
  * dense: paragraphs written for this benchmark, each numbered so that no two are the same,
    with a quote in nearly every paragraph (far denser than news: an upper bound);
  * news: real articles from ../shared/data (PolNeAR for English, articles/ko.jsonl for
    Korean) joined until 5,000 words, when that folder is there.
Sentence splitting is done once beforehand: the benchmark times the quotes stage alone,
median of the runs, and, for scale, finding the quote marks only.

Usage: python scripts/bench_quotes.py [--runs N]
Target: extraction well under 50 ms per 5,000-word article. Last line:
bench_quotes dense_en_ms=.. dense_ko_ms=.. news_en_ms=.. news_ko_ms=..
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

from newsbridge.document import Article
from newsbridge.quotes import RulesQuoteExtractor
from newsbridge.quotes.marks import find_spans
from newsbridge.segment import segment

EN_PARAGRAPHS = [
    '"We will finish the harbour wall by spring {i}," said Councillor Ada Lin, who chairs the works committee.',
    "The council approved {i} million for the project on Tuesday after a long debate about costs and delays.",
    '"The money is there. The plan is not," Ravi Menon told reporters. He added that the city had "no plan B" for phase {i}.',
    'Mayor Tom Brandt said: "Nobody will lose a home because of section {i}."',
    "Residents of the east side have complained for years about flooding, and {i} households were moved last winter.",
    '"Who pays for this?" Lena Voss asked at meeting {i}. "Not the people on the quay."',
]
KO_PARAGRAPHS = [
    "윤서진 해솔군수는 이날 “방파제 {i}구간 공사를 내년 봄까지 마치겠다”고 말했다.",
    "군은 사업비 {i}억 원을 들여 방파제를 보강하고 배수 시설을 새로 설치할 계획이다.",
    "그는 “주민 불편을 최소화하기 위해 야간 공사를 원칙으로 하겠다”며 “{i}단계 공사도 예정대로 진행한다”고 덧붙였다.",
    "한대경 해솔군의회 의원은 “사업비의 절반이 국비에 기대고 있어 {i}차 예산 확보가 불투명하다”고 지적했다.",
    "군 관계자는 “국비가 확정되지 않더라도 {i}구간은 예정대로 착공한다”고 설명했다.",
]


DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
NEWS = {"en": (DATA / "quotes" / "polnear_dev.en.jsonl", "\n\n"), "ko": (DATA / "articles" / "ko.jsonl", "\n")}


def news_paragraphs(lang: str, target_words: int) -> list[str] | None:
    path, separator = NEWS[lang]
    if not path.is_file():
        return None
    texts: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        texts += [p for p in json.loads(line)["text"].split(separator) if p.strip()]
        if sum(len(t.split()) for t in texts) >= target_words:
            break
    return texts


def build(paragraphs: list[str], lang: str, target_words: int) -> Article:
    texts: list[str] = []
    words = 0
    i = 0
    while words < target_words and (i < len(paragraphs) or "{i}" in paragraphs[0]):
        text = paragraphs[i % len(paragraphs)].replace("{i}", str(i + 1))
        texts.append(text)
        words += len(text.split())
        i += 1
    return segment(Article.from_paragraphs(texts), lang)


def median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    extractor = RulesQuoteExtractor()
    results = {}
    cases = [("dense", "en", EN_PARAGRAPHS), ("dense", "ko", KO_PARAGRAPHS)]
    for lang in ("en", "ko"):
        news = news_paragraphs(lang, 5000)
        if news:
            cases.append(("news", lang, news))
    for kind, lang, paragraphs in cases:
        article = build(paragraphs, lang, 5000)
        words = len(article.body.split())
        extractor.extract(article, lang)  # warm-up: Kiwi's model, regex compilation
        quotes = extractor.extract(article, lang)
        marks_ms = median_ms(lambda: find_spans(article, lang), args.runs)
        extract_ms = median_ms(lambda: extractor.extract(article, lang), args.runs)
        speech = sum(q.kind == "speech" for q in quotes)
        named = sum(q.kind == "speech" and q.speaker is not None for q in quotes)
        print(f"{kind} {lang}: {words} words, {len(article.paragraphs)} paragraphs, {len(quotes)} quotes "
              f"({named}/{speech} speech quotes with a speaker); marks only {marks_ms:.1f} ms, "
              f"full extraction {extract_ms:.1f} ms (median of {args.runs})")
        results[(kind, lang)] = (extract_ms, words)
    ok = all(ms < 50 for ms, _ in results.values())
    if not ok:
        print("MISSED target: extraction must take under 50 ms")
    print("bench_quotes " + " ".join(f"{kind}_{lang}_ms={ms:.1f}" for (kind, lang), (ms, _) in results.items()))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
