"""`newsbridge batch` as users run it: records, failures, resume, kill -9, overlapping runs."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsbridge.engines import open_engine
from newsbridge.errors import InputError
from tests.feeds.conftest import HTML, page

PARAS = [
    "The harbour board of Calder met on {n} March and approved new mooring fees for the season.",
    "Fishing crews said the fees would rise by a third, and several skippers walked out of the meeting.",
    '"We cannot pay this and keep the boats," said skipper Ada Lin, who has fished from Calder for 30 years.',
]


def article(n: int) -> str:
    return "\n\n".join(p.format(n=n + 1) for p in PARAS)


def newsbridge(*args):
    return subprocess.run([sys.executable, "-m", "newsbridge", *args], capture_output=True, text=True, timeout=300)


def records(out: Path) -> list[dict]:
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()] if out.exists() else []


def backlog_of_pages(site, tmp_path, count, delay):
    for n in range(count):
        site.routes[f"/a/{n}"] = (200, HTML, page(f"Harbour story {n}", article(n).split("\n\n")), delay)
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps({"id": f"p{n}", "url": f"{site.url}/a/{n}"}) + "\n" for n in range(count)))
    return source


def test_a_backlog_gets_one_record_per_id_and_a_rerun_appends_nothing(tmp_path):
    source = tmp_path / "in.jsonl"
    lines = [json.dumps({"id": f"a{n}", "text": article(n)}) for n in range(3)]
    lines += [json.dumps({"id": 7, "html": f"<html><body><article><h1>Fees</h1>{''.join(f'<p>{p}</p>' for p in PARAS)}"
                                           "</article></body></html>"}),
              "{not json", json.dumps({"text": "no id here"}), json.dumps({"id": "a0", "text": "the same id again"}),
              "", json.dumps({"id": "empty", "text": "   "})]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    r = newsbridge("batch", str(source), "--out", str(out), "--to", "ko", "-q")
    assert r.returncode == 3, r.stderr  # some failed
    assert "newsbridge batch: done 4, skipped 1, failed 3" in r.stderr and "Traceback" not in r.stderr
    by_id = {(rec["id"], rec.get("line")): rec for rec in records(out)}
    assert len(by_id) == len(records(out)) == 7
    done = by_id[("a1", None)]
    assert done["status"] == "done" and done["result"]["quotes"][0]["speaker"] == "Ada Lin"
    assert done["result"]["translation"] is None or done["result"]["translation"]["target"] == "ko"
    assert by_id[(7, None)]["status"] == "done"
    assert "not JSON" in by_id[(None, 5)]["error"] and "no 'id'" in by_id[(None, 6)]["error"]
    assert by_id[("empty", None)]["status"] == "failed" and "one of 'text', 'html' or 'url'" in by_id[("empty", None)]["error"]
    again = newsbridge("batch", str(source), "--out", str(out), "--to", "ko", "-q")
    assert again.returncode == 0 and "done 0, skipped 8, failed 0" in again.stderr
    assert len(records(out)) == 7


def test_an_output_whose_state_was_lost_is_still_not_written_twice(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps({"id": n, "text": article(n)}) + "\n" for n in range(2)))
    out = tmp_path / "out.jsonl"
    assert newsbridge("batch", str(source), "--out", str(out), "-q").returncode == 0
    for leftover in tmp_path.glob("out.jsonl.state.sqlite*"):
        leftover.unlink()
    source.write_text(source.read_text() + json.dumps({"id": 2, "text": article(2)}) + "\n")
    r = newsbridge("batch", str(source), "--out", str(out), "-q")
    assert r.returncode == 0 and "done 1, skipped 2" in r.stderr
    assert sorted(rec["id"] for rec in records(out)) == [0, 1, 2]


def test_kill_9_then_resume_and_overlapping_batches_write_every_id_once(site, tmp_path):
    count = 16
    source = backlog_of_pages(site, tmp_path, count, delay=0.25)
    out = tmp_path / "out.jsonl"
    args = [sys.executable, "-m", "newsbridge", "batch", str(source), "--out", str(out), "-q"]
    first = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(records(out)) < 2:
        time.sleep(0.05)
    os.kill(first.pid, signal.SIGKILL)
    first.wait()
    assert 0 < len(records(out)) < count
    overlapping = [subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)]
    time.sleep(0.3)
    overlapping.append(subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True))
    errs = [p.communicate(timeout=300)[1] for p in overlapping]
    assert [p.returncode for p in overlapping] == [0, 0], errs
    ids = [rec["id"] for rec in records(out)]
    assert sorted(ids) == sorted(f"p{n}" for n in range(count))  # each once
    assert all(rec["status"] == "done" for rec in records(out))


def test_bad_usage_is_one_line_and_exit_2(tmp_path):
    r = newsbridge("batch", str(tmp_path / "missing.jsonl"), "--out", str(tmp_path / "o.jsonl"))
    assert r.returncode == 2 and "no such file" in r.stderr and r.stderr.count("\n") == 1
    source = tmp_path / "in.jsonl"
    source.write_text("{}\n")
    r = newsbridge("batch", str(source), "--out", str(source))
    assert r.returncode == 2 and "must not be the input" in r.stderr
    r = newsbridge("batch", str(source), "--out", str(tmp_path / "o.jsonl"), "--address", "auto")
    assert r.returncode == 2 and "--engine ray" in r.stderr


def test_the_ray_engine_without_ray_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)  # as if Ray were not installed
    with pytest.raises(InputError, match=r"pip install 'newsbridge\[scale\]'"):
        open_engine("ray", None, None, None)
