"""`newsbridge run` as users run it: exit codes, summary, kill -9 or a stop signal then resume,
overlapping runs, and state or cache files that are not what they should be."""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

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


def run_args(site, out: Path) -> list[str]:
    return [sys.executable, "-m", "newsbridge", "run", f"{site.url}/feed.xml", "--out", str(out), "-q"]


def wait_for_records(out: Path, count: int) -> None:
    """Wait (two minutes at most) until a running run has written `count` records."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(keys(out)) < count:
        time.sleep(0.05)


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
    args = run_args(site, out)
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    wait_for_records(out, 3)
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


def summary_counts(stderr: str) -> dict[str, int]:
    line = next(line for line in stderr.splitlines() if line.startswith("newsbridge run: new"))
    return {name: int(n) for name, n in re.findall(r"\b(new|updated|skipped|failed) (\d+)", line)}


@pytest.mark.parametrize("runs", [2, 3])
def test_overlapping_runs_share_the_work_and_write_every_entry_once(site, tmp_path, runs):
    count = 20
    serve_articles(site, count, delay=0.2)
    out = tmp_path / "out"
    args = run_args(site, out)
    procs = []
    for _ in range(runs):  # started 0.3 s apart, as cron and a slow run do it
        procs.append(subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True))
        time.sleep(0.3)
    errs = [proc.communicate(timeout=300)[1] for proc in procs]
    assert [proc.returncode for proc in procs] == [0] * runs, errs
    found = keys(out)
    assert sorted(found) == sorted(f"story-{n}" for n in range(count))  # every entry exactly once
    assert len(list((out / "articles").glob("*.md"))) == count
    news = [summary_counts(err)["new"] for err in errs]
    assert sum(news) == count, errs      # each run counts only what it did
    assert sum(n > 0 for n in news) >= 2, errs  # and the work was shared


@pytest.mark.parametrize("sig, code", [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_stop_signal_finishes_the_entry_in_hand_then_the_next_run_resumes(site, tmp_path, sig, code):
    count = 12
    serve_articles(site, count, delay=0.3)
    out = tmp_path / "out"
    args = run_args(site, out)
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wait_for_records(out, 2)
    proc.send_signal(sig)
    started = time.monotonic()
    err = proc.communicate(timeout=60)[1]
    assert proc.returncode == code, err
    assert time.monotonic() - started < 30
    assert "stopped" in err and "left for the next run" in err and "Traceback" not in err
    done = keys(out)
    assert len(done) == len(set(done)) == summary_counts(err)["new"] < count  # what it counted, it wrote
    with sqlite3.connect(out / "state.sqlite") as db:
        assert db.execute("SELECT COUNT(*) FROM claims").fetchone()[0] == 0  # nothing left claimed
    resumed = subprocess.run(args, capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    assert sorted(keys(out)) == sorted(f"story-{n}" for n in range(count))


def _other_sqlite(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE users (name TEXT)")


@pytest.mark.parametrize("make, says", [
    (lambda p: p.write_bytes(b"\x00\x01 not a database " * 64), "not an SQLite database"),
    (_other_sqlite, "another application"),
])
def test_a_state_file_that_is_not_ours_gets_one_line_exit_2_and_is_not_touched(site, tmp_path, make, says):
    serve_articles(site, 1)
    state = tmp_path / "state.db"
    make(state)
    before = state.read_bytes()
    r = newsbridge("run", f"{site.url}/feed.xml", "--out", str(tmp_path / "out"), "--state", str(state))
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and says in r.stderr and "--state" in r.stderr
    assert state.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["state.db"]  # not even an output folder


def test_a_broken_translation_cache_costs_a_warning_not_the_run(site, tmp_path, tiny_models):
    serve_articles(site, 2)
    cache = tmp_path / "cache.sqlite"
    cache.write_bytes(b"this is not a cache " * 100)
    config = tmp_path / "config.toml"
    config.write_text(f'[translate]\nmodel_en_ko = "{tiny_models["tiny-marian-en-ko"]}"\nbeam_size = 1\n'
                      f'cache = "{cache}"\n', encoding="utf-8")
    r = newsbridge("run", f"{site.url}/feed.xml", "--out", str(tmp_path / "out"), "--to", "ko", "-c", str(config), "-q")
    assert r.returncode == 0, r.stderr
    assert r.stderr.count("translation cache") == 1 and "cannot be used" in r.stderr
    records = [json.loads(line) for f in (tmp_path / "out").glob("run-*.jsonl") for line in f.read_text().splitlines()]
    assert len(records) == 2 and all(rec["result"]["translation"]["paragraphs"] for rec in records)
    assert cache.read_bytes() == b"this is not a cache " * 100
