"""Benchmark the default (extractive) key points on 5,000-word articles, English and Korean.

The articles are real news from ../shared/data (PolNeAR for English, articles/ko.jsonl for
Korean) joined until 5,000 words, or, without that folder, paragraphs written for
scripts/bench_quotes.py. Timed, median of the runs:
  * key points: the summarize stage on an article already split and with its quotes (what
    the 200 ms target is about);
  * for scale, in the same run: sentence splitting, quote extraction, and newsbridge.process
    end to end (cleaning, detection, splitting, quotes, key points).

Usage: python scripts/bench_summary.py [--runs N]
Target: key points of a 5,000-word article in under 200 ms. Last line:
bench_summary en_ms=.. ko_ms=.. en_process_ms=.. ko_process_ms=..
"""

from __future__ import annotations

import argparse
import sys

import newsbridge
from newsbridge.document import Article
from newsbridge.quotes import RulesQuoteExtractor
from newsbridge.segment import segment
from newsbridge.summarize import ExtractiveSummarizer

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent))
from bench_quotes import EN_PARAGRAPHS, KO_PARAGRAPHS, build, median_ms, news_paragraphs  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    extractor, summarizer = RulesQuoteExtractor(), ExtractiveSummarizer()
    results: dict[str, tuple[float, float]] = {}
    for lang, written in (("en", EN_PARAGRAPHS), ("ko", KO_PARAGRAPHS)):
        paragraphs = news_paragraphs(lang, 5000) or written
        article = build(paragraphs, lang, 5000)
        plain = Article.from_paragraphs([p.text for p in article.paragraphs])
        quotes = extractor.extract(article, lang)
        summarizer.summarize(article, quotes, lang, 5)  # warm-up
        newsbridge.process(plain.body)  # warm-up: models load once
        summary_ms = median_ms(lambda: summarizer.summarize(article, quotes, lang, 5), args.runs)
        split_ms = median_ms(lambda: segment(plain, lang), max(3, args.runs // 3))
        quotes_ms = median_ms(lambda: extractor.extract(article, lang), args.runs)
        process_ms = median_ms(lambda: newsbridge.process(plain.body), max(3, args.runs // 3))
        words = len(article.body.split())
        print(f"{lang}: {words} words, {len(article.sentences)} sentences: key points {summary_ms:.1f} ms; "
              f"for scale: sentence splitting {split_ms:.0f} ms, quotes {quotes_ms:.0f} ms, "
              f"process() end to end {process_ms:.0f} ms")
        results[lang] = (summary_ms, process_ms)
    ok = all(ms < 200 for ms, _ in results.values())
    if not ok:
        print("MISSED target: key points must take under 200 ms")
    print(f"bench_summary en_ms={results['en'][0]:.1f} ko_ms={results['ko'][0]:.1f} "
          f"en_process_ms={results['en'][1]:.0f} ko_process_ms={results['ko'][1]:.0f}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
