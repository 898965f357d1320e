"""`newsbridge run` as users run it: exit codes, summary, and kill -9 then resume, exactly once."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.feeds.conftest import HTML, XML, page, rss

PARAS = [
    "The harbour board of Calder met on {n} March and approved new mooring fees for the season.",
    "Fishing crews said the fees would rise by a third, and several skippers walked out of the meeting.",
    '"We cannot pay this and keep the boats," said skipper Ada Lin, who has fished from Calder for 30 years.',
]


def newsbridge(*args, **kw):
    return subprocess.run([sys.executable, "-m", "newsbridge", *args], capture_output=True, text=True,
                          timeout=300, **kw)


def serve_articles(site, count, delay=0.0):
    items = []
    for n in range(count):
        site.routes[f"/a/{n}"] = (200, HTML, page(f"Harbour fees story {n}", [p.format(n=n + 1) for p in PARAS]), delay)
        items.append({"guid": f"story-{n}", "title": f"Harbour fees story {n}", "link": f"{site.url}/a/{n}"})
    site.routes["/feed.xml"] = (200, XML, rss(items), 0)


def keys(out: Path) -> list[str]:
    return [json.loads(line)["key"] for f in sorted(out.glob("run-*.jsonl")) for line in f.read_text().splitlines()]


def test_exit_codes_and_summary(site, tmp_path):
    serve_articles(site, 2)
    site.routes["/bad.xml"] = (200, XML, rss([{"guid": "x", "title": "Gone", "link": f"{site.url}/gone"}]), 0)
    ok = newsbridge("run", f"{site.url}/feed.xml", "--out", str(tmp_path / "a"), "--quiet")
    assert ok.returncode == 0, ok.stderr
    assert "new 2, updated 0, skipped 0, failed 0" in ok.stderr
    partial = newsbridge("run", f"{site.url}/feed.xml", f"{site.url}/bad.xml", "--out", str(tmp_path / "b"), "-q")
    assert partial.returncode == 3
    assert "failed 1" in partial.stderr and "HTTP 404" in partial.stderr
    assert "Traceback" not in partial.stderr


def test_usage_errors_exit_2(tmp_path):
    assert newsbridge("run", "--out", str(tmp_path)).returncode == 2
    bad = tmp_path / "feeds.toml"
    bad.write_text("[[feed]]\nname = 'no url'\n", encoding="utf-8")
    r = newsbridge("run", "--feeds-file", str(bad), "--out", str(tmp_path))
    assert r.returncode == 2 and "needs url" in r.stderr
    assert newsbridge("run", "x.xml", "--since", "yesterday", "--out", str(tmp_path)).returncode == 2


def test_feeds_file_and_local_feed_file(site, tmp_path):
    serve_articles(site, 1)
    local = tmp_path / "local.xml"
    local.write_bytes(rss([{"guid": "local-1", "title": "Local", "link": f"{site.url}/a/0"}]))
    feeds = tmp_path / "feeds.toml"
    feeds.write_text(f'[[feed]]\nurl = "{site.url}/feed.xml"\n\n[[feed]]\npath = "{local}"\n', encoding="utf-8")
    r = newsbridge("run", "--feeds-file", str(feeds), "--out", str(tmp_path / "o"), "-q")
    assert r.returncode == 0, r.stderr
    assert sorted(keys(tmp_path / "o")) == ["local-1", "story-0"]


def test_kill_9_in_the_middle_then_resume_gives_every_entry_exactly_once(site, tmp_path):
    count = 24
    serve_articles(site, count, delay=0.15)
    out = tmp_path / "out"
    args = [sys.executable, "-m", "newsbridge", "run", f"{site.url}/feed.xml", "--out", str(out), "-q"]
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(keys(out)) < 3:  # wait until some are done
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    done_before = len(set(keys(out)))
    assert 0 < done_before < count, "the kill should land in the middle of the run"
    resumed = subprocess.run(args, capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    found = keys(out)
    assert sorted(found) == sorted(f"story-{n}" for n in range(count))  # every entry exactly once
    assert len(list((out / "articles").glob("*.md"))) == count
    assert not list((out / "articles").glob(".tmp-*"))
