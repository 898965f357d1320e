"""Measure language detection on FLORES-200 devtest and on a sample of other languages.

Reads ../shared/data/flores200 (1012 English + 1012 Korean lines, used as they are: the
CSV-style quoting of 58 Korean lines does not matter to detection) and scores full lines and
their 2-word and 4-word prefixes. scripts/data/other_languages.tsv holds sentences in 25+
other languages, written for this project; each must come out 'other'.

Usage: python scripts/eval_detect.py [--backend lingua|langdetect] [--data DIR]
Targets: full >= 0.999, w4 >= 0.995, w2 >= 0.990, other >= 0.95. Exits 1 if one is missed.
Last line: detect full=.. w4=.. w2=.. other=..
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from newsbridge.detect import Detector

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE.parent.parent / "shared" / "data"
TARGETS = {"full": 0.999, "w4": 0.995, "w2": 0.990, "other": 0.95}


def prefix(line: str, words: int | None) -> str:
    return line if words is None else " ".join(line.split()[:words])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", default="lingua", choices=["lingua", "langdetect"])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args()

    flores = args.data / "flores200"
    if not flores.is_dir():
        print(f"error: {flores} not found; pass --data pointing at shared/data", file=sys.stderr)
        return 2
    gold = {
        "en": (flores / "eng_Latn.devtest").read_text(encoding="utf-8").splitlines(),
        "ko": (flores / "kor_Hang.devtest").read_text(encoding="utf-8").splitlines(),
    }
    detector = Detector(args.backend)
    started = time.perf_counter()
    calls = 0
    scores: dict[str, float] = {}
    for name, words in (("full", None), ("w4", 4), ("w2", 2)):
        right = total = 0
        for lang, lines in gold.items():
            lang_right = 0
            for line in lines:
                text = prefix(line, words)
                code, _ = detector.detect(text)
                calls += 1
                if code == lang:
                    lang_right += 1
                elif args.show_errors:
                    print(f"  [{name}] {lang} -> {code}: {text!r}")
            print(f"{name:5s} {lang}: {lang_right}/{len(lines)} = {lang_right / len(lines):.4f}")
            right += lang_right
            total += len(lines)
        scores[name] = right / total

    other_lines = [
        line.split("\t", 1)
        for line in (HERE / "data" / "other_languages.tsv").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    other_right = 0
    for lang, text in other_lines:
        code, _ = detector.detect(text)
        calls += 1
        other_right += code == "other"
        if code != "other" and args.show_errors:
            print(f"  [other] {lang} -> {code}: {text!r}")
    scores["other"] = other_right / len(other_lines)
    langs = len({lang for lang, _ in other_lines})
    print(f"other ({langs} languages): {other_right}/{len(other_lines)} = {scores['other']:.4f}")
    elapsed = time.perf_counter() - started
    print(f"backend={args.backend} calls={calls} mean={elapsed / calls * 1000:.2f} ms/call")

    missed = [k for k, target in TARGETS.items() if scores[k] < target]
    for k in missed:
        print(f"MISSED target {k}: {scores[k]:.4f} < {TARGETS[k]}")
    print("detect " + " ".join(f"{k}={v:.4f}" for k, v in scores.items()))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
