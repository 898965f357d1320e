"""The state database: claims shared by overlapping runs, takeover of a killed run's claims,
layout versions and migration, and files that are not a newsbridge state."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsbridge.outbox import flush_outbox
from newsbridge.state import BUSY, SCHEMA_0, VERSION, State, StateError


def want(known):
    """decide(): take an entry unless it is done."""
    return None if known and known.status == "done" else "new"


def finish(state, key, out, text="{}"):
    return state.done(key, "feed", None, None, "h", out / "run.jsonl", out / f"{key}.md",
                      json.dumps({"key": key, "text": text}), f"# {key}")


def test_two_runs_share_entries_and_a_done_entry_is_not_taken_again(tmp_path):
    a, b = State(tmp_path / "s.sqlite"), State(tmp_path / "s.sqlite")
    assert a.claim("one", want) == "new"
    assert b.claim("one", want) == BUSY       # a live run holds it
    assert b.claim("two", want) == "new"      # the rest is free
    assert finish(a, "one", tmp_path)
    assert b.claim("one", want) is None       # done now: nothing to do, no claim taken
    assert finish(b, "two", tmp_path)
    assert flush_outbox(a) == 2
    lines = (tmp_path / "run.jsonl").read_text().splitlines()
    assert sorted(json.loads(line)["key"] for line in lines) == ["one", "two"]
    a.close()
    b.close()


def test_a_killed_runs_claims_are_taken_over(tmp_path):
    a = State(tmp_path / "s.sqlite")
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stamp = time.time()
    rows = [("gone-pid", a.owner.replace(str(a.pid), dead.stdout.strip()), a.host, int(dead.stdout), stamp, stamp + 600),
            ("expired", "elsewhere:1:x", "other-host", 1, stamp - 120, stamp - 60),
            ("live", "elsewhere:1:y", "other-host", 1, stamp, stamp + 600)]
    a.db.executemany("INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?)", rows)
    assert a.claim("gone-pid", want) == "new"  # its process is gone from this host: at once
    assert a.claim("expired", want) == "new"   # another host's lease ran out
    assert a.claim("live", want) == BUSY       # another host, lease still valid
    a.close()


def test_a_run_whose_lease_ran_out_cannot_commit_over_the_run_that_took_over(tmp_path):
    slow, fast = State(tmp_path / "s.sqlite", lease=0.05), State(tmp_path / "s.sqlite")
    assert slow.claim("k", want) == "new"
    time.sleep(0.1)                            # no heartbeat: the lease runs out
    assert fast.claim("k", want) == "new"
    assert not finish(slow, "k", tmp_path, "slow")
    assert not slow.failed("k", "feed", None, None, "h", "boom")
    assert finish(fast, "k", tmp_path, "fast")
    flush_outbox(fast)
    [line] = (tmp_path / "run.jsonl").read_text().splitlines()
    assert json.loads(line)["text"] == "fast"
    slow.close()
    fast.close()


def test_the_heartbeat_keeps_a_claim_and_close_releases_it(tmp_path):
    holder, other = State(tmp_path / "s.sqlite", lease=0.4), State(tmp_path / "s.sqlite")
    holder.start_heartbeat()
    assert holder.claim("k", want) == "new"
    time.sleep(1.0)                            # over twice the lease: renewed meanwhile
    assert other.claim("k", want) == BUSY
    holder.close()
    assert other.claim("k", want) == "new"
    other.close()


def test_a_record_whose_writer_died_mid_write_is_not_appended_twice(tmp_path):
    state = State(tmp_path / "s.sqlite")
    state.claim("a", want)
    finish(state, "a", tmp_path)
    state.claim("b", want)
    finish(state, "b", tmp_path)
    [(a_id, record)] = state.db.execute("SELECT id, record FROM outbox WHERE entry_key = 'a'").fetchall()
    # The writer appended a's record, then was killed before marking it written.
    (tmp_path / "run.jsonl").write_text(record + "\n")
    state.mark(a_id, 2)
    assert flush_outbox(state) == 2
    keys = [json.loads(line)["key"] for line in (tmp_path / "run.jsonl").read_text().splitlines()]
    assert keys == ["a", "b"]
    state.close()


def legacy_state(path: Path) -> None:
    """A state file as newsbridge 0.1 wrote it: no version, one entry done, two results
    committed but not marked written (one of them already appended before a kill -9)."""
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.executescript(SCHEMA_0)
    db.execute("INSERT INTO entries VALUES ('old', 'f', NULL, NULL, 'done', 'h', 1, NULL, 0)")
    jsonl = path.parent / "run-old.jsonl"
    for key, written in (("old", 1), ("appended", 0), ("queued", 0)):
        record = json.dumps({"key": key})
        db.execute("INSERT INTO outbox (entry_key, jsonl, markdown, record, markdown_text, written) "
                   "VALUES (?, ?, ?, ?, ?, ?)", (key, str(jsonl), str(path.parent / f"{key}.md"), record, "md", written))
    jsonl.write_text(json.dumps({"key": "old"}) + "\n" + json.dumps({"key": "appended"}) + "\n")
    db.close()


def test_the_unversioned_layout_is_migrated_and_its_leftovers_written_once(tmp_path):
    legacy_state(tmp_path / "s.sqlite")
    state = State(tmp_path / "s.sqlite")
    assert state.db.execute("PRAGMA user_version").fetchone()[0] == VERSION
    assert state.known("old").status == "done"
    assert state.claim("old", want) is None
    assert flush_outbox(state) == 2
    keys = [json.loads(line)["key"] for line in (tmp_path / "run-old.jsonl").read_text().splitlines()]
    assert keys == ["old", "appended", "queued"]
    state.close()
    State(tmp_path / "s.sqlite").close()  # opening it again is a no-op


def other_sqlite(path: Path) -> None:
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE users (name TEXT)")
    db.commit()
    db.close()


def newer_state(path: Path) -> None:
    State(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {VERSION + 1}")
    db.close()


def damaged_state(path: Path) -> None:
    legacy_state(path)
    data = path.read_bytes()
    path.write_bytes(data[:100] + b"\x07" * (len(data) - 100))


BAD_FILES = {
    "text": (lambda p: p.write_text("not a database\n" * 50), "not an SQLite database"),
    "other-sqlite": (other_sqlite, r"another application \(tables: users\)"),
    "newer": (newer_state, "newer newsbridge"),
    "damaged": (damaged_state, "damaged"),
}


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_a_file_that_is_not_a_usable_state_is_refused_and_left_untouched(tmp_path, kind):
    make, message = BAD_FILES[kind]
    path = tmp_path / "s.sqlite"
    make(path)
    before = sorted(p.name for p in tmp_path.iterdir()), hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(StateError, match=message) as caught:
        State(path)
    assert "\n" not in str(caught.value)
    assert (sorted(p.name for p in tmp_path.iterdir()), hashlib.sha256(path.read_bytes()).hexdigest()) == before


def test_a_folder_as_state_is_refused(tmp_path):
    with pytest.raises(StateError, match="is a folder"):
        State(tmp_path)
