"""Measure the HTML body against trafilatura alone on pages we wrote (tests/fixtures/html).

Each NAME.html has a hand-extracted body in NAME.gold.txt (paragraphs separated by blank
lines: the article's paragraphs, subheads and list items; no captions, bylines, related
links or widgets). Both systems are scored by 4-token shingle F1 against the gold body, per
page, in the same run: newsbridge's cleaned body (newsbridge.clean on the HTML) and the text
trafilatura extracts with the options newsbridge gives it (what newsbridge starts from).

This is not the team's public set of 181 real pages (not available on this machine); the
pages here are ours, written to have the shapes that set showed trouble with (reviews with
track lists, listicles, Q&As, inline 'Read more' links, broadcast scripts, Korean pages).

Usage: python scripts/eval_clean_html.py [--show-pages]
Target: newsbridge never below trafilatura alone, on any page. Exits 1 if it is.
Last line: clean_html pages=N f1=.. trafilatura_f1=.. precision=.. recall=.. worse_pages=K
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from newsbridge.clean import clean_html
from newsbridge.clean.html import extract

PAGES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "html"


def shingles(text: str, n: int = 4) -> Counter:
    tokens = text.split()
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)))


def prf(got: str, gold: str) -> tuple[float, float, float]:
    """Precision, recall and F1 of `got`'s 4-token shingles against `gold`'s."""
    a, b = shingles(got), shingles(gold)
    common = sum((a & b).values())
    if not common:
        return 0.0, 0.0, 0.0
    p, r = common / sum(a.values()), common / sum(b.values())
    return p, r, 2 * p * r / (p + r)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-pages", action="store_true")
    args = parser.parse_args()
    ours, theirs, worse = [], [], 0
    pages = sorted(PAGES.glob("*.html"))
    for page in pages:
        html = page.read_text(encoding="utf-8")
        gold = page.with_suffix(".gold.txt").read_text(encoding="utf-8")
        ours.append(prf(clean_html(html).body, gold))
        theirs.append(prf(extract(html).text, gold))
        worse += ours[-1][2] < theirs[-1][2] - 1e-9
        if args.show_pages:
            print(f"{page.stem}: newsbridge f1={ours[-1][2]:.3f} (p={ours[-1][0]:.3f} r={ours[-1][1]:.3f}) "
                  f"trafilatura f1={theirs[-1][2]:.3f} (p={theirs[-1][0]:.3f} r={theirs[-1][1]:.3f})")

    def mean(rows: list[tuple[float, float, float]], k: int) -> float:
        return sum(r[k] for r in rows) / len(rows)

    print(f"trafilatura alone: precision={mean(theirs, 0):.3f} recall={mean(theirs, 1):.3f}")
    print(f"clean_html pages={len(pages)} f1={mean(ours, 2):.3f} trafilatura_f1={mean(theirs, 2):.3f} "
          f"precision={mean(ours, 0):.3f} recall={mean(ours, 1):.3f} worse_pages={worse}")
    return 1 if worse else 0


if __name__ == "__main__":
    sys.exit(main())
