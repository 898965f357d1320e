"""Score key points against human summaries: our default, LEAD-3 and random-3, in one run.

Data: ../shared/data/articles/en.jsonl (20 CNN/DailyMail and BBC articles, 2-4 summaries by
hired writers each: ROUGE is the maximum over them) and ko.jsonl (11 DACON regional news
articles with an abstractive summary, 9 Naver science articles whose summary is the sentences
two annotators picked; reported apart and together). The article text is used as given,
paragraphs split at blank lines (English) or line breaks (Korean, one sentence a line), then
our sentence splitting, quotes and key points. All three systems choose from the same
sentences and get the same budget: 3 sentences (key points: points=3; the default of 5 is
printed too, for its compression). ROUGE-1/2/L F1 with rouge-score: English with its
tokenizer and Porter stemming, Korean on kiwipiepy morphemes (whitespace words would not
match across particles). The win rate counts articles where our ROUGE-1 is at least LEAD-3's.

The script also checks, over all 40 articles, that every key point that carries a quote
names the quote's speaker; that count must be 0.

Usage: python scripts/eval_summary.py [--data DIR]
Target: ours >= LEAD-3 on ROUGE-1 and ROUGE-L in both languages; exit 1 if missed.
Last line: summary en_r1=.. en_lead3_r1=.. ko_r1=.. ko_lead3_r1=..
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
from pathlib import Path

from rouge_score import rouge_scorer

from newsbridge.document import Article
from newsbridge.quotes import RulesQuoteExtractor
from newsbridge.segment import get_kiwi, segment
from newsbridge.summarize import ExtractiveSummarizer
from newsbridge.summarize.speakers import names_speaker

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE.parent.parent / "shared" / "data"
METRICS = ("rouge1", "rouge2", "rougeL")
SYSTEMS = ("ours", "lead3", "random3")


class KoreanTokenizer:
    """Kiwi morphemes, punctuation left out: the unit ROUGE counts for Korean."""

    def tokenize(self, text: str) -> list[str]:
        return [t.form for t in get_kiwi().tokenize(text) if not t.tag.startswith("S") or t.tag in ("SL", "SN", "SH")]


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def run(records: list[dict], lang: str, scorer: rouge_scorer.RougeScorer) -> tuple[dict, list[dict], int, int]:
    extractor, summarizer = RulesQuoteExtractor(), ExtractiveSummarizer()
    rng = random.Random(0)
    per_article = []
    violations = checked = 0
    compression = []
    for rec in records:
        separator = "\n\n" if lang == "en" else "\n"
        article = Article.from_paragraphs([p for p in rec["text"].split(separator) if p.strip()],
                                          title=rec.get("title"))
        article = segment(article, lang)
        quotes = extractor.extract(article, lang)
        points = summarizer.summarize(article, quotes, lang, 3)
        default = summarizer.summarize(article, quotes, lang, 5)
        sentences = [s.text for s in article.sentences]
        picks = sorted(rng.sample(range(len(sentences)), min(3, len(sentences))))
        outputs = {
            "ours": "\n".join(k.text for k in points),
            "lead3": "\n".join(sentences[:3]),
            "random3": "\n".join(sentences[i] for i in picks),
        }
        refs = rec.get("reference_summaries") or [rec["reference_summary"]]
        scores = {}
        for name, text in outputs.items():
            scores[name] = {m: max(scorer.score(ref, text)[m].fmeasure for ref in refs) for m in METRICS}
        per_article.append(scores)
        compression.append(sum(len(k.text) for k in default) / max(1, len(article.body)))
        by_id = {q.id: q for q in quotes}
        for point in points + default:
            for qid in point.quote_ids:
                q = by_id[qid]
                if q.kind != "speech":
                    continue
                checked += 1
                if not q.speaker or not names_speaker(point.text, q.speaker):
                    violations += 1
                    print(f"  VIOLATION {rec['id']}: {point.text[:100]!r} (speaker {q.speaker!r})")
    means = {name: {m: statistics.mean(a[name][m] for a in per_article) for m in METRICS} for name in SYSTEMS}
    means["compression_default"] = statistics.mean(compression)
    return means, per_article, violations, checked


def report(label: str, means: dict, per_article: list[dict]) -> None:
    print(f"{label} ({len(per_article)} articles)")
    for name in SYSTEMS:
        print(f"  {name:8s} " + " ".join(f"R{m[5:]}={100 * means[name][m]:.1f}" for m in METRICS))
    wins = sum(a["ours"]["rouge1"] >= a["lead3"]["rouge1"] for a in per_article)
    print(f"  ours >= lead3 on ROUGE-1 in {wins}/{len(per_article)} articles; "
          f"compression of the default 5 points: {100 * means['compression_default']:.0f}% of the article")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    folder = args.data / "articles"
    if not folder.is_dir():
        print(f"error: {folder} not found; pass --data pointing at shared/data", file=sys.stderr)
        return 2
    en_scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    ko_scorer = rouge_scorer.RougeScorer(list(METRICS), tokenizer=KoreanTokenizer())

    en, en_articles, en_bad, en_checked = run(load(folder / "en.jsonl"), "en", en_scorer)
    report("English", en, en_articles)
    ko_records = load(folder / "ko.jsonl")
    ko, ko_articles, ko_bad, ko_checked = run(ko_records, "ko", ko_scorer)
    for part in ("dacon", "scinews"):
        idx = [i for i, r in enumerate(ko_records) if r["id"].startswith(part)]
        sub = [ko_articles[i] for i in idx]
        means = {n: {m: statistics.mean(a[n][m] for a in sub) for m in METRICS} for n in SYSTEMS}
        means["compression_default"] = ko["compression_default"]
        report(f"Korean, {part}", means, sub)
    report("Korean, all", ko, ko_articles)
    violations = en_bad + ko_bad
    print(f"quoted key points checked: {en_checked + ko_checked}; without their correct speaker: {violations}")

    missed = [f"{lang} {m}" for lang, means in (("en", en), ("ko", ko)) for m in ("rouge1", "rougeL")
              if means["ours"][m] < means["lead3"][m]]
    for miss in missed:
        print(f"MISSED target: ours below LEAD-3 on {miss}")
    print(f"summary en_r1={100 * en['ours']['rouge1']:.1f} en_lead3_r1={100 * en['lead3']['rouge1']:.1f} "
          f"ko_r1={100 * ko['ours']['rouge1']:.1f} ko_lead3_r1={100 * ko['lead3']['rouge1']:.1f}")
    return 1 if missed or violations else 0


if __name__ == "__main__":
    sys.exit(main())
