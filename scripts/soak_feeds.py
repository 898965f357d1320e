"""Soak test of `newsbridge run`: overlapping runs, kills at random moments, resumes.

A feed server on 127.0.0.1 serves a feed that grows by a few entries every cycle (article
pages answer after a short delay, so runs last long enough to be hit mid-work), and now and
then changes an old entry, which must then be written once more as `updated`. Each cycle
starts one to three `newsbridge run` processes on the same --out and --state, a fraction of
a second apart, and often kills one of them with SIGKILL or SIGTERM at a random moment. A
last run without kills resumes whatever is left. Then every entry version must be in the
output exactly once: `duplicates` counts extra copies of a (key, content hash), `lost` the
entries whose latest version is missing. Runs use the default pipeline without translation,
so the time goes to what is being tested: claims, state, outbox and files.

Usage: python scripts/soak_feeds.py [--cycles 50] [--seed 11] [--max-minutes 8]
Targets: duplicates=0 lost=0 over >= 50 cycles with >= 20 kills and >= 20 overlaps.
Last line: soak cycles=N kills=K overlaps=O duplicates=D lost=L
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PARAS = [
    "The harbour board of Calder met on day {n} and approved new mooring fees for the coming season.",
    "Fishing crews said the fees would rise by a third, and several skippers walked out of the meeting.",
    '"We cannot pay this and keep the boats," said skipper Ada Lin, who has fished from Calder for {n} years.',
    "The board said the money would pay for dredging the inner harbour, which has silted up since the storm.",
]
PAGE_DELAY = 0.12   # seconds before an article page answers
RUN_TIMEOUT = 180   # a run still going after this long counts as hung (and is killed)


class Site:
    """The feed and its article pages; `grow` and `revise` change what the next run sees."""

    def __init__(self) -> None:
        self.entries: dict[int, int] = {}  # entry number -> revision
        self.lock = threading.Lock()
        self.url = ""

    def grow(self, count: int) -> None:
        with self.lock:
            for _ in range(count):
                self.entries[len(self.entries)] = 0

    def revise(self, n: int) -> None:
        with self.lock:
            self.entries[n] += 1

    def feed(self) -> bytes:
        with self.lock:
            items = "".join(f"<item><guid>soak-{n}</guid><title>Harbour story {n}</title>"
                            f"<link>{self.url}/a/{n}?rev={rev}</link></item>" for n, rev in self.entries.items())
        return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Soak</title>'
                + items + "</channel></rss>").encode()

    def page(self, n: int, rev: int) -> bytes:
        body = "".join(f"<p>{p.format(n=n + 2 + rev)}</p>" for p in PARAS)
        return (f"<!DOCTYPE html><html><head><title>Harbour story {n}</title></head><body><article>"
                f"<h1>Harbour story {n} (revision {rev})</h1>{body}</article></body></html>").encode()

    def serve(self) -> ThreadingHTTPServer:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - http.server's name
                path, _, query = self.path.partition("?")
                if path == "/feed.xml":
                    body = site.feed()
                elif path.startswith("/a/"):
                    time.sleep(PAGE_DELAY)
                    body = site.page(int(path[3:]), int(query.partition("=")[2] or 0))
                else:
                    self.send_error(404)
                    return
                try:
                    self.send_response(200)
                    self.send_header("Content-Type", "text/html; charset=utf-8")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the run reading it was killed: that is the point

            def log_message(self, *args):
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        site.url = f"http://127.0.0.1:{server.server_address[1]}"
        threading.Thread(target=server.serve_forever, daemon=True).start()
        return server


class Run:
    """One `newsbridge run` process and when it lived."""

    def __init__(self, args: list[str]) -> None:
        self.started = time.monotonic()
        self.proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.ended: float | None = None
        self.killed_with: int | None = None
        self.stderr = ""

    def poll(self) -> bool:
        """Whether it has ended (its end time is recorded when first seen)."""
        if self.ended is None and self.proc.poll() is not None:
            self.ended = time.monotonic()
            self.stderr = self.proc.stderr.read()
        return self.ended is not None


def cycle(rng: random.Random, args: list[str], stats: collections.Counter) -> None:
    """Start 1-3 overlapping runs; maybe kill one at a random moment; wait for all."""
    runs: list[Run] = []
    count = rng.choice([1, 2, 2, 3])
    for i in range(count):
        if i:
            time.sleep(rng.uniform(0.05, 0.6))
        runs.append(Run(args))
    if rng.random() < 0.75:
        victim = rng.choice(runs)
        time.sleep(max(0.0, victim.started + rng.uniform(0.3, 3.0) - time.monotonic()))
        if not victim.poll():
            victim.killed_with = rng.choice([signal.SIGKILL, signal.SIGTERM])
            victim.proc.send_signal(victim.killed_with)
            stats["kills"] += 1
            stats["sigkill" if victim.killed_with == signal.SIGKILL else "sigterm"] += 1
    deadline = time.monotonic() + RUN_TIMEOUT
    while not all(run.poll() for run in runs):
        if time.monotonic() > deadline:
            for run in runs:
                if not run.poll():
                    run.proc.kill()
                    stats["hung"] += 1
            deadline = float("inf")
        time.sleep(0.02)
    ends = sorted((run.started, run.ended) for run in runs)
    if any(later[0] < earlier[1] for earlier, later in zip(ends, ends[1:])):
        stats["overlaps"] += 1
    for run in runs:
        code = run.proc.returncode
        expected = {signal.SIGKILL: -signal.SIGKILL, signal.SIGTERM: 143, None: 0}[run.killed_with]
        # A SIGTERM that lands before the handler is installed ends the process the plain way.
        if code != expected and not (run.killed_with == signal.SIGTERM and code == -signal.SIGTERM):
            stats["bad_exits"] += 1
            print(f"unexpected exit {code} (signal {run.killed_with}): {run.stderr.strip()[-300:]}", file=sys.stderr)


def count_output(out: Path, site: Site) -> tuple[int, int, int]:
    """(duplicates, lost, unreadable lines) in the output folder."""
    seen: collections.Counter = collections.Counter()
    versions: set[tuple[str, str]] = set()
    unreadable = 0
    for path in out.glob("run-*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                record = json.loads(line)
            except ValueError:
                unreadable += 1
                continue
            seen[(record["key"], record["content_hash"])] += 1
            versions.add((record["key"], record["url"]))
    duplicates = sum(n - 1 for n in seen.values())
    lost = sum((f"soak-{n}", f"{site.url}/a/{n}?rev={rev}") not in versions for n, rev in site.entries.items())
    return duplicates, lost, unreadable


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cycles", type=int, default=50)
    parser.add_argument("--new-per-cycle", type=int, default=4)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--max-minutes", type=float, default=8.0, help="stop starting cycles after this long")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    site = Site()
    server = site.serve()
    stats: collections.Counter = collections.Counter()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="newsbridge-soak-") as tmp:
        out = Path(tmp) / "out"
        command = [sys.executable, "-m", "newsbridge", "run", f"{site.url}/feed.xml", "--out", str(out),
                   "--state", str(Path(tmp) / "state.sqlite"), "--quiet"]
        done = 0
        for n in range(args.cycles):
            if time.monotonic() - started > args.max_minutes * 60:
                print(f"time is up after {done} cycles", file=sys.stderr)
                break
            site.grow(args.new_per_cycle)
            if n % 5 == 4:
                site.revise(rng.randrange(len(site.entries)))
            cycle(rng, command, stats)
            done += 1
            if done % 10 == 0:
                print(f"{done} cycles, {len(site.entries)} entries, {dict(stats)}", file=sys.stderr, flush=True)
        final = subprocess.run(command, capture_output=True, text=True, timeout=RUN_TIMEOUT)
        if final.returncode != 0:
            stats["bad_exits"] += 1
            print(f"the final run exited {final.returncode}: {final.stderr.strip()[-300:]}", file=sys.stderr)
        duplicates, lost, unreadable = count_output(out, site)
        markdown = len(list((out / "articles").glob("*.md")))
        litter = len(list((out / "articles").glob(".tmp-*")))
    server.shutdown()
    minutes = (time.monotonic() - started) / 60
    print(f"{done} cycles in {minutes:.1f} min, {len(site.entries)} entries; kills {stats['kills']} "
          f"(SIGKILL {stats['sigkill']}, SIGTERM {stats['sigterm']}), overlapping cycles {stats['overlaps']}, "
          f"unexpected exits {stats['bad_exits']}, hung {stats['hung']}, unreadable lines {unreadable}, "
          f"Markdown files {markdown} for {len(site.entries)} entries, temp files left {litter}")
    ok = (duplicates == lost == unreadable == stats["bad_exits"] == stats["hung"] == 0
          and markdown == len(site.entries) and done >= 50 and stats["kills"] >= 20 and stats["overlaps"] >= 20)
    if not ok:
        print("MISSED target: duplicates=0 lost=0 over >= 50 cycles with >= 20 kills and >= 20 overlaps, "
              "no unexpected exit")
    print(f"soak cycles={done} kills={stats['kills']} overlaps={stats['overlaps']} "
          f"duplicates={duplicates} lost={lost}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
