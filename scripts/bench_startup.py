"""Benchmark a cold `newsbridge` command: wall time and peak memory of fresh processes.

What a person waits for when they run one command on one article: the interpreter, the
imports and every model the text needs, loaded from scratch. Three commands, each run in
`--runs` fresh processes, taken in turn (en, ko, detect, en, ko, ...) so that a burst of
other work on a shared machine touches all three alike; the median is reported:

  process_en   newsbridge process examples/pasted-page.en.txt   (lingua, langdetect)
  process_ko   newsbridge process examples/pasted-page.ko.txt   (Kiwi; no lingua)
  detect       newsbridge detect examples/pasted-page.en.txt

Peak RSS is each child's own (os.wait4), the median over its runs. Then the import cost of
`newsbridge.cli` and which heavy packages each command imported (-X importtime): none of
torch, transformers or ctranslate2 belongs in a command that does not translate.

Usage: python scripts/bench_startup.py [--runs 5]
Targets: process_en <= 1.0 s and <= 200 MB, detect <= 0.6 s, process_ko <= 2.0 s.
Last line: bench_startup process_en_s=.. process_ko_s=.. detect_s=.. rss_en_mb=.. rss_ko_mb=..
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
HEAVY = ("torch", "transformers", "ctranslate2", "kiwipiepy", "lingua", "langdetect")
TARGETS = {"process_en_s": 1.0, "rss_en_mb": 200, "detect_s": 0.6, "process_ko_s": 2.0}


def command() -> list[str]:
    """The `newsbridge` console script beside this interpreter (what a user types), else -m."""
    script = Path(sys.executable).with_name("newsbridge")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "newsbridge"]


def env() -> dict[str, str]:
    """This checkout's source first, as when the script runs from a worktree."""
    out = dict(os.environ)
    out["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT / "src"), out.get("PYTHONPATH", "")) if p)
    return out


def run_once(args: list[str]) -> tuple[float, float]:
    """(seconds, peak RSS in MB) of one fresh process running `args`; it must succeed."""
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        child = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=errors, env=env())
        _, status, usage = os.wait4(child.pid, 0)  # this child's own peak, not the largest so far
        seconds = time.perf_counter() - started
        child.returncode = code = os.waitstatus_to_exitcode(status)
        if code != 0:
            errors.seek(0)
            raise SystemExit(f"{' '.join(args)} failed ({code}): {errors.read().decode(errors='replace').strip()}")
    return seconds, usage.ru_maxrss / 1024  # Linux reports kilobytes


def heavy_imports(subcommand: list[str]) -> list[str]:
    """The packages of HEAVY that `newsbridge SUBCOMMAND` imports, read from -X importtime."""
    found = subprocess.run([sys.executable, "-X", "importtime", "-m", "newsbridge", *subcommand],
                           capture_output=True, text=True, env=env(), check=True).stderr
    names = {line.rsplit("|", 1)[-1].strip().split(".")[0] for line in found.splitlines() if "|" in line}
    return sorted(names & set(HEAVY))


def import_seconds() -> float:
    """Cumulative import time of newsbridge.cli, from -X importtime (median of 3)."""
    times = []
    for _ in range(3):
        lines = subprocess.run([sys.executable, "-X", "importtime", "-c", "import newsbridge.cli"],
                               capture_output=True, text=True, env=env(), check=True).stderr.splitlines()
        cli = next(line for line in lines if line.rstrip().endswith("| newsbridge.cli"))
        times.append(int(cli.split("|")[1]) / 1e6)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    base = command()
    commands = {
        "process_en": ["process", str(EXAMPLES / "pasted-page.en.txt")],
        "process_ko": ["process", str(EXAMPLES / "pasted-page.ko.txt")],
        "detect": ["detect", str(EXAMPLES / "pasted-page.en.txt")],
    }
    print(f"{' '.join(base)}: {args.runs} fresh processes per command, in turn", flush=True)
    for sub in commands.values():  # the files into the page cache; not timed
        run_once([*base, *sub])
    measured: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, sub in commands.items():
            measured[name].append(run_once([*base, *sub]))
    seconds = {name: statistics.median(s for s, _ in runs) for name, runs in measured.items()}
    rss = {name: statistics.median(m for _, m in runs) for name, runs in measured.items()}
    for name, runs in measured.items():
        times = " ".join(f"{s:.2f}" for s, _ in runs)
        print(f"{name:11s} median {seconds[name]:.2f} s (runs: {times}), peak RSS {rss[name]:.0f} MB, "
              f"imports {', '.join(heavy_imports(commands[name])) or 'none of ' + ', '.join(HEAVY)}")
    print(f"import newsbridge.cli: {import_seconds() * 1000:.0f} ms", flush=True)

    results = {"process_en_s": seconds["process_en"], "process_ko_s": seconds["process_ko"],
               "detect_s": seconds["detect"], "rss_en_mb": rss["process_en"], "rss_ko_mb": rss["process_ko"]}
    missed = [k for k, target in TARGETS.items() if results[k] > target]
    for k in missed:
        print(f"MISSED target {k}: {results[k]:.2f} > {TARGETS[k]}")
    print("bench_startup " + " ".join(f"{k}={v:.2f}" if k.endswith("_s") else f"{k}={v:.0f}"
                                      for k, v in results.items()))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
