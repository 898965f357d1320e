"""Benchmark a feed run: 200 articles served on loopback, identity translator.

A synthetic RSS feed of 200 entries (paragraphs written for this benchmark, numbered so no two
are alike) is served by a local HTTP server on 127.0.0.1, half with the full article in the
feed and half as links to article pages. `newsbridge run` machinery (Runner) processes them
with --to ko through the identity translator, so no model time is counted. We time the run
and, separately, the same articles through process() alone; the difference per article is the
feed overhead: fetching, parsing, state, outbox and output files.

Usage: python scripts/bench_feeds.py [--articles 200]
Target: overhead under 10 ms per article. Last line:
bench_feeds articles_per_s=.. overhead_ms=..
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from newsbridge import Pipeline, load_settings
from newsbridge.feeds import Fetcher, Runner, Source, State
from newsbridge.feeds.run import article_of
from newsbridge.feeds.parse import parse_feed

PARAS = [
    "The harbour board of Calder met on day {n} and approved new mooring fees for the coming season.",
    "Fishing crews said the fees would rise by a third, and several skippers walked out of the meeting.",
    '"We cannot pay this and keep the boats," said skipper Ada Lin, who has fished from Calder for {n} years.',
    "The board said the money would pay for dredging the inner harbour, which has silted up since the storm.",
    "A public hearing on the fees is planned for next month, and the council will vote after that hearing.",
]


def article_html(n: int) -> str:
    return "".join(f"<p>{p.format(n=n)}</p>" for p in PARAS)


def build_site(count: int) -> tuple[dict[str, bytes], str]:
    pages: dict[str, bytes] = {}
    items = []
    for n in range(count):
        if n % 2:
            pages[f"/a/{n}"] = (f"<!DOCTYPE html><html><head><title>Story {n}</title></head><body><article>"
                                f"<h1>Harbour fees story {n}</h1>{article_html(n)}</article></body></html>").encode()
            items.append(f"<item><guid>s{n}</guid><title>Harbour fees story {n}</title><link>{{url}}/a/{n}</link></item>")
        else:
            items.append(f"<item><guid>s{n}</guid><title>Harbour fees story {n}</title><link>{{url}}/a/{n}</link>"
                         f"<content:encoded><![CDATA[{article_html(n)}]]></content:encoded></item>")
    feed = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Bench</title>'
            + "".join(items) + "</channel></rss>")
    return pages, feed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    args = parser.parse_args()
    pages, feed_template = build_site(args.articles)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            body = feed.encode() if self.path == "/feed.xml" else pages.get(self.path)
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body or b"")))
            self.end_headers()
            self.wfile.write(body or b"")

        def log_message(self, *a):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    url = f"http://127.0.0.1:{server.server_address[1]}"
    feed = feed_template.replace("{url}", url)
    threading.Thread(target=server.serve_forever, daemon=True).start()

    base = load_settings()
    settings = dataclasses.replace(base, pipeline=dataclasses.replace(base.pipeline, translate="identity"),
                                   translate=dataclasses.replace(base.translate, cache=""))
    pipe = Pipeline(settings)
    pipe.process("The council met on Tuesday to vote on the harbour budget.", target="ko")  # warm-up

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        state = State(out / "state.sqlite")
        fetcher = Fetcher()
        started = time.perf_counter()
        counts = Runner(pipe, out, state, fetcher).run([Source(f"{url}/feed.xml", "ko")])
        run_seconds = time.perf_counter() - started
        state.close()

        # The same articles through process() alone (texts prepared beforehand, not timed).
        _, entries = parse_feed(feed.encode())
        prepared = [article_of(e, fetcher) for e in entries]
        fetcher.close()
        started = time.perf_counter()
        for text, is_html in prepared:
            pipe.process(text, html=is_html, target="ko")
        process_seconds = time.perf_counter() - started
    server.shutdown()

    done = counts.new
    overhead_ms = (run_seconds - process_seconds) / max(1, done) * 1000
    print(f"{done} articles (failed {counts.failed}) in {run_seconds:.2f} s: {done / run_seconds:.1f} articles/s; "
          f"process() alone {process_seconds:.2f} s; overhead {overhead_ms:.1f} ms per article")
    if overhead_ms >= 10 or counts.failed:
        print("MISSED target: overhead must stay under 10 ms per article, with no failures")
    print(f"bench_feeds articles_per_s={done / run_seconds:.1f} overhead_ms={overhead_ms:.1f}")
    return 0 if overhead_ms < 10 and not counts.failed else 1


if __name__ == "__main__":
    sys.exit(main())
