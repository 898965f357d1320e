"""Feed runs against a real local HTTP server: first run, re-run, updates, failures, hostile input."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from newsbridge.feeds import Fetcher, FetchError, Runner, Source, State, parse_feed
from newsbridge.pipeline import default_pipeline
from tests.feeds.conftest import HTML, XML, page, rss

EN_PARAS = [
    "The city of Calder opened a new ferry terminal on Monday after three years of construction work.",
    "Hundreds of residents lined the quay to watch the first ferry leave for the islands at dawn.",
    '"This terminal will serve the whole coast for fifty years," said Mayor Lena Voss at the opening.',
    "The terminal cost 84 million dollars and can handle twelve ferries a day, the port authority said.",
]
KO_PARAS = [
    "해솔군이 노후 방파제를 내년까지 전면 보강한다고 12일 밝혔다.",
    "방파제 3곳은 지난해 태풍으로 일부가 무너져 주민들이 불안을 호소해 왔다.",
    "윤서진 해솔군수는 이날 “방파제 공사를 내년 봄까지 마치겠다”고 말했다.",
    "군은 사업비 80억 원을 들여 방파제 3곳을 보강하고 배수 시설을 새로 설치할 계획이다.",
]


def full_content(paragraphs):
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def run_once(site, tmp_path, feeds, fetcher=None):
    out = tmp_path / "out"
    state = State(out / "state.sqlite")
    fetcher = fetcher or Fetcher(timeout=2, retries=1, backoff=0.05)
    try:
        counts = Runner(default_pipeline(), out, state, fetcher).run([Source(f) for f in feeds])
    finally:
        fetcher.close()
        state.close()
    return counts, out


def records(out: Path) -> list[dict]:
    return [json.loads(line) for f in sorted(out.glob("run-*.jsonl")) for line in f.read_text().splitlines()]


@pytest.fixture
def news(site):
    site.routes["/ko/harbour"] = (200, HTML, page("해솔군, 방파제 전면 보강", KO_PARAS), 0)
    site.routes["/feed.xml"] = (200, XML, rss([
        {"guid": "en-1", "title": "Calder opens ferry terminal", "link": f"{site.url}/en/ferry",
         "content": full_content(EN_PARAS)},
        {"guid": "ko-1", "title": "해솔군, 방파제 전면 보강", "link": f"{site.url}/ko/harbour"},
    ]), 0)
    return site


def test_first_run_then_rerun_processes_nothing_twice(news, tmp_path):
    counts, out = run_once(news, tmp_path, [f"{news.url}/feed.xml"])
    assert (counts.new, counts.failed) == (2, 0)
    recs = records(out)
    assert sorted(r["key"] for r in recs) == ["en-1", "ko-1"]
    by_key = {r["key"]: r for r in recs}
    assert by_key["en-1"]["result"]["quotes"][0]["speaker"] == "Lena Voss"  # from the feed's content
    assert by_key["ko-1"]["result"]["language"]["code"] == "ko"              # from the fetched page
    assert len(list((out / "articles").glob("*.md"))) == 2

    counts, out = run_once(news, tmp_path, [f"{news.url}/feed.xml"])
    assert (counts.new, counts.updated, counts.skipped, counts.failed) == (0, 0, 2, 0)
    assert len(records(out)) == 2


def test_updated_entry_is_processed_again(news, tmp_path):
    run_once(news, tmp_path, [f"{news.url}/feed.xml"])
    changed = EN_PARAS[:3] + ["The terminal cost 91 million dollars in the end, the port authority said on Friday."]
    news.routes["/feed.xml"] = (200, XML, rss([
        {"guid": "en-1", "title": "Calder opens ferry terminal", "link": f"{news.url}/en/ferry",
         "content": full_content(changed)},
        {"guid": "ko-1", "title": "해솔군, 방파제 전면 보강", "link": f"{news.url}/ko/harbour"},
    ]), 0)
    counts, out = run_once(news, tmp_path, [f"{news.url}/feed.xml"])
    assert (counts.updated, counts.skipped) == (1, 1)
    assert [r["status"] for r in records(out)].count("updated") == 1


def test_a_bad_entry_is_isolated_and_retried_later(site, tmp_path):
    site.routes["/feed.xml"] = (200, XML, rss([
        {"guid": "gone", "title": "Missing page", "link": f"{site.url}/missing"},
        {"guid": "slow", "title": "Slow page", "link": f"{site.url}/slow"},
        {"guid": "ok", "title": "Good", "link": f"{site.url}/good"},
        {"guid": "local", "title": "Local file", "link": "file:///etc/passwd"},
        {"guid": "menu", "title": "Not an article", "link": f"{site.url}/menu"},
        {"guid": "es", "title": "Spanish", "link": f"{site.url}/es"},
        {"guid": "bytes", "title": "Garbage", "link": f"{site.url}/garbage"},
    ]), 0)
    site.routes["/slow"] = (200, HTML, page("Slow", EN_PARAS), 3)
    site.routes["/good"] = [(503, HTML, b"busy", 0), (200, HTML, page("Good", EN_PARAS), 0)]  # retried
    site.routes["/menu"] = (200, HTML, b"<html><body><nav><a href='/'>Home</a></nav></body></html>", 0)
    site.routes["/es"] = (200, HTML, page("Puerto", [
        "El ayuntamiento de Calder inauguró el lunes una nueva terminal de transbordadores en el puerto.",
        "La obra costó ochenta y cuatro millones de dólares y duró tres años, según la autoridad portuaria."]), 0)
    site.routes["/garbage"] = (200, "text/html; charset=utf-8", b"\xff\xfe\x00garbage" * 50, 0)
    counts, out = run_once(site, tmp_path, [f"{site.url}/feed.xml"], Fetcher(timeout=1, retries=1, backoff=0.05))
    assert counts.new == 1 and counts.failed == 6
    assert [r["key"] for r in records(out)] == ["ok"]
    errors = "\n".join(counts.errors)
    for expected in ("HTTP 404", "timed out", "only http and https", "no article text",
                     "neither English nor Korean", "binary"):
        assert expected in errors, expected
    state = State(out / "state.sqlite")
    assert state.known("gone").status == "failed" and state.known("gone").attempts == 1
    state.close()
    counts, _ = run_once(site, tmp_path, [f"{site.url}/feed.xml"], Fetcher(timeout=1, retries=0))
    assert counts.failed == 6 and counts.skipped == 1  # failed ones are retried, the good one is not


def test_failed_entries_stop_being_retried_after_three_attempts(site, tmp_path):
    site.routes["/feed.xml"] = (200, XML, rss([{"guid": "gone", "title": "Missing", "link": f"{site.url}/x"}]), 0)
    results = [run_once(site, tmp_path, [f"{site.url}/feed.xml"])[0] for _ in range(4)]
    assert [(c.failed, c.skipped) for c in results] == [(1, 0), (1, 0), (1, 0), (0, 1)]


def test_hostile_feeds_fail_alone(site, tmp_path):
    site.routes["/broken.xml"] = (200, XML, b"<rss><channel><item><title>x</item>", 0)
    bomb = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
            + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i else b"&lol;") * 10) for i in range(1, 10))
            + b']><rss version="2.0"><channel><title>&lol9;</title></channel></rss>')
    site.routes["/bomb.xml"] = (200, XML, bomb, 0)
    site.routes["/huge.xml"] = (200, XML, b"<rss>" + b" " * 11_000_000 + b"</rss>", 0)
    site.routes["/latin1.xml"] = (200, "application/rss+xml", (
        '<?xml version="1.0" encoding="iso-8859-1"?><rss version="2.0"><channel><title>Caf\xe9</title>'
        f'<item><guid>l1</guid><title>Caf\xe9</title><link>{site.url}/none</link></item></channel></rss>'
    ).encode("latin-1"), 0)
    started = time.monotonic()
    counts, _ = run_once(site, tmp_path, [f"{site.url}/broken.xml", f"{site.url}/bomb.xml",
                                          f"{site.url}/huge.xml", f"{site.url}/latin1.xml", "ftp://example.org/f"])
    assert time.monotonic() - started < 60
    errors = "\n".join(counts.errors)
    assert "malformed feed" in errors
    assert "byte cap" in errors
    assert "only http and https" in errors
    assert any("l1" in e or "Caf" in e for e in counts.errors)  # the latin-1 feed was read; its page 404s


def test_json_feed_and_atom_are_read(site, tmp_path):
    json_feed = json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": [
        {"id": "j1", "url": f"{site.url}/p", "title": "Ferry", "content_html": full_content(EN_PARAS),
         "date_published": "2026-11-10T10:00:00Z"}]}).encode()
    atom = (f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>'
            f'<entry><id>tag:a,2026:1</id><title>Harbour</title><link href="{site.url}/ko"/>'
            f"<updated>2026-11-10T10:00:00Z</updated></entry></feed>").encode()
    site.routes["/feed.json"] = (200, "application/feed+json", json_feed, 0)
    site.routes["/atom.xml"] = (200, "application/atom+xml", atom, 0)
    site.routes["/ko"] = (200, HTML, page("해솔군 방파제", KO_PARAS), 0)
    counts, out = run_once(site, tmp_path, [f"{site.url}/feed.json", f"{site.url}/atom.xml"])
    assert (counts.new, counts.failed) == (2, 0)
    assert sorted(r["key"] for r in records(out)) == ["j1", "tag:a,2026:1"]


def test_entry_keys_fall_back_to_canonical_url_then_content():
    feed = rss([{"guid": "", "title": "A", "link": "https://news.example/a?utm_source=x#top"}])
    _, [entry] = parse_feed(feed)
    assert entry.key == "https://news.example/a"
    _, [entry] = parse_feed(json.dumps({"items": [{"title": "only a title"}]}).encode())
    assert entry.key.startswith("sha256:")


def test_fetcher_refuses_other_schemes_and_caps_size(site):
    site.routes["/big"] = (200, HTML, b"x" * 2000, 0)
    fetcher = Fetcher(max_bytes=1000, retries=0)
    with pytest.raises(FetchError, match="only http and https"):
        fetcher.get("file:///etc/passwd")
    with pytest.raises(FetchError, match="byte cap"):
        fetcher.get(f"{site.url}/big")
    fetcher.close()
