"""Benchmark process() on 5,000-word pasted pages against the code of another git ref.

The pages are the example pages (examples/pasted-page.{en,ko}.txt) with their body replaced
by 5,000 words of news paragraphs (real articles from ../shared/data when that folder is
there, else the paragraphs written for scripts/bench_quotes.py), so the page furniture is
real and the body is article-sized.

The baseline is the same package at `--baseline` (default: where this branch left main,
so that only this branch's changes are timed), unpacked with `git archive` into a temporary
folder and imported under another name, so both run in one process, timed back to back in
pairs: the machine's load falls on both sides of a pair alike. Timed: newsbridge.process()
end to end, and cleaning alone; the ratio is the median of the pairs' ratios.

Usage: python scripts/bench_clean.py [--runs N] [--baseline REF]
Target: process() on a 5,000-word pasted page no more than 10% slower than the baseline.
Last line: bench_clean en_ratio=.. ko_ratio=.. en_ms=.. ko_ms=.. (ratio: this code / baseline)
"""

from __future__ import annotations

import argparse
import gc
import importlib
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from bench_quotes import EN_PARAGRAPHS, KO_PARAGRAPHS, news_paragraphs  # noqa: E402

TARGET = 1.10


def page(lang: str, words: int = 5000) -> str:
    """The example page of `lang` with a body of `words` words."""
    seed = (ROOT / "examples" / f"pasted-page.{lang}.txt").read_text(encoding="utf-8")
    blocks = seed.split("\n\n")
    body_at = [i for i, b in enumerate(blocks) if len(b) > 60 and b.rstrip().endswith((".", "다."))]
    # One long article: the news paragraphs without the sign-offs and photo credits between
    # the joined articles (each would end an article).
    paragraphs = [p for p in news_paragraphs(lang, words) or []
                  if re.search(r"[.?!][\"”’]?$", p.strip()) and "@" not in p and len(p) > 40]
    written = EN_PARAGRAPHS if lang == "en" else KO_PARAGRAPHS
    i = 0
    while sum(len(p.split()) for p in paragraphs) < words:
        paragraphs.append(written[i % len(written)].replace("{i}", str(i + 1)))
        i += 1
    return "\n\n".join(blocks[: body_at[0]] + paragraphs + blocks[body_at[-1] + 1:])


def baseline_package(ref: str, into: Path) -> str:
    """Unpack `ref`'s package as newsbridge_base (with its configs) and return that name."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref, "src/newsbridge", "configs"],
                             capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    shutil.move(into / "src" / "newsbridge", into / "src" / "newsbridge_base")
    sys.path.insert(0, str(into / "src"))
    return "newsbridge_base"


def paired(new: object, old: object, runs: int) -> tuple[float, float, float]:
    """Median ms of `new` and of `old`, and the median of their ratio, timed back to back in
    alternating order with the garbage collector paused: the load of a shared machine falls
    on both sides of each pair alike."""
    times: dict[str, list[float]] = {"new": [], "old": []}
    ratios = []
    for turn in range(runs):
        pair = [("new", new), ("old", old)] if turn % 2 == 0 else [("old", old), ("new", new)]
        this = {}
        for name, fn in pair:
            gc.collect()
            gc.disable()
            started = time.perf_counter()
            fn()
            this[name] = (time.perf_counter() - started) * 1000
            gc.enable()
            times[name].append(this[name])
        ratios.append(this["new"] / this["old"])
    return statistics.median(times["new"]), statistics.median(times["old"]), statistics.median(ratios)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--baseline", help="git ref to compare with [default: merge-base with main]")
    args = parser.parse_args()
    if args.baseline is None:
        args.baseline = subprocess.run(["git", "-C", str(ROOT), "merge-base", "HEAD", "main"],
                                       capture_output=True, text=True, check=True).stdout.strip()
    import newsbridge

    with tempfile.TemporaryDirectory() as tmp:
        base = importlib.import_module(baseline_package(args.baseline, Path(tmp)))
        ratios, ms = {}, {}
        for lang in ("en", "ko"):
            text = page(lang)
            new_art, old_art = newsbridge.clean(text), base.clean(text)
            same = [p.text for p in new_art.paragraphs] == [p.text for p in old_art.paragraphs]
            for fn in (newsbridge.process, base.process):  # warm the detectors and Kiwi
                fn(text)
            new_ms, old_ms, ratio = paired(lambda: newsbridge.process(text), lambda: base.process(text), args.runs)
            clean_new, clean_old, _ = paired(lambda: newsbridge.clean(text), lambda: base.clean(text), args.runs)
            ratios[lang], ms[lang] = ratio, new_ms
            print(f"{lang}: {len(text.split()):,} words, {len(new_art.paragraphs)} paragraphs "
                  f"(same body as {args.baseline[:10]}: {same}); process {new_ms:.1f} ms vs {old_ms:.1f} ms "
                  f"(ratio {ratio:.3f}), clean {clean_new:.1f} ms vs {clean_old:.1f} ms")
    print(f"bench_clean en_ratio={ratios['en']:.3f} ko_ratio={ratios['ko']:.3f} "
          f"en_ms={ms['en']:.1f} ko_ms={ms['ko']:.1f}")
    return 0 if max(ratios.values()) <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
