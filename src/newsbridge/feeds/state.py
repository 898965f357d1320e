"""The run state in SQLite (WAL): which entries are done, failed or changed, and an outbox.

Exactly-once output, whatever kills the process: an entry's result is committed to the
outbox in the same transaction that marks the entry done; the files are written from the
outbox afterwards, and a later run first finishes whatever an earlier one committed but did
not write. Recovery is idempotent (a JSON Lines record is appended only if its file does not
hold it yet; Markdown files are replaced atomically), so nothing is lost and nothing doubles.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterator
import time
from dataclasses import dataclass
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS entries (
    key TEXT PRIMARY KEY,
    feed TEXT NOT NULL,
    url TEXT,
    title TEXT,
    status TEXT NOT NULL,          -- done | failed
    content_hash TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    error TEXT,
    updated_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    entry_key TEXT NOT NULL,
    jsonl TEXT NOT NULL,           -- the run's JSON Lines file
    markdown TEXT NOT NULL,        -- the article's Markdown file
    record TEXT NOT NULL,          -- the JSON line
    markdown_text TEXT NOT NULL,
    written INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS feeds (
    url TEXT PRIMARY KEY,
    title TEXT,
    last_checked REAL
);
"""


@dataclass(frozen=True)
class Known:
    status: str
    content_hash: str
    attempts: int


class State:
    """One state database; used from one thread (the run's main thread)."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(path, timeout=30, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        # WAL with synchronous=NORMAL: a commit survives the process being killed (kill -9),
        # which is what exactly-once needs; FULL would add an fsync per entry for power cuts.
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(SCHEMA)

    def close(self) -> None:
        self.db.close()

    def known(self, key: str) -> Known | None:
        row = self.db.execute("SELECT status, content_hash, attempts FROM entries WHERE key = ?", (key,)).fetchone()
        return Known(*row) if row else None

    def feed_seen(self, url: str, title: str | None) -> None:
        self.db.execute("INSERT INTO feeds (url, title, last_checked) VALUES (?, ?, ?) "
                        "ON CONFLICT(url) DO UPDATE SET title = excluded.title, last_checked = excluded.last_checked",
                        (url, title, time.time()))

    def done(self, key: str, feed: str, url: str | None, title: str | None, content_hash: str,
             jsonl: Path, markdown: Path, record: dict, markdown_text: str) -> int:
        """Mark an entry done and queue its output, in one transaction; the outbox id."""
        with self._transaction():
            self._upsert(key, feed, url, title, "done", content_hash, None)
            cursor = self.db.execute(
                "INSERT INTO outbox (entry_key, jsonl, markdown, record, markdown_text) VALUES (?, ?, ?, ?, ?)",
                (key, str(jsonl), str(markdown), json.dumps(record, ensure_ascii=False), markdown_text))
            return cursor.lastrowid

    def failed(self, key: str, feed: str, url: str | None, title: str | None, content_hash: str, error: str) -> None:
        with self._transaction():
            self._upsert(key, feed, url, title, "failed", content_hash, error)

    def pending(self) -> list[tuple[int, Path, Path, str, str]]:
        """Outbox rows committed but not yet written to files."""
        rows = self.db.execute("SELECT id, jsonl, markdown, record, markdown_text FROM outbox WHERE written = 0 ORDER BY id")
        return [(i, Path(j), Path(m), r, t) for i, j, m, r, t in rows.fetchall()]

    def written(self, outbox_id: int) -> None:
        self.db.execute("UPDATE outbox SET written = 1 WHERE id = ?", (outbox_id,))

    def _upsert(self, key: str, feed: str, url: str | None, title: str | None, status: str,
                content_hash: str, error: str | None) -> None:
        self.db.execute(
            "INSERT INTO entries (key, feed, url, title, status, content_hash, attempts, error, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?) ON CONFLICT(key) DO UPDATE SET feed = excluded.feed, "
            "url = excluded.url, title = excluded.title, status = excluded.status, "
            "content_hash = excluded.content_hash, error = excluded.error, updated_at = excluded.updated_at, "
            "attempts = CASE WHEN entries.content_hash = excluded.content_hash AND excluded.status = 'failed' "
            "THEN entries.attempts + 1 ELSE 1 END",
            (key, feed, url, title, status, content_hash, error, time.time()))

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")
