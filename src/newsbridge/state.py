"""The state of a run or batch in SQLite (WAL): entries done, failed or claimed, and an outbox.

Exactly-once output, whatever kills the process and however many runs overlap:

- Claims. A run claims an entry (owner, start, lease expiry) in one transaction before it
  fetches and processes it; another run skips entries claimed by a live owner and takes the
  rest. A live run renews its leases from a heartbeat thread; the claims of a run that was
  killed expire (at once when its process is gone from this host, else when the lease runs
  out) and are taken over. A result is committed only while its run still holds the claim.
- Outbox. An entry's result is committed to the outbox in the same transaction that marks the
  entry done; files are written from the outbox afterwards, by whichever run gets there first,
  under a lock file, so two runs never write the same record. A record whose writer died in
  the middle is looked for in its file before it is appended again; Markdown files are
  replaced atomically. Nothing is lost and nothing doubles.

The file explains itself: `PRAGMA application_id` marks it as a newsbridge state and
`PRAGMA user_version` gives its layout, migrated forward on open. A file that is not a
newsbridge state, is damaged, or was written by a newer newsbridge is refused with a
StateError and never opened for writing.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import socket
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import NewsbridgeError

APPLICATION_ID = 0x4E425354  # 'NBST'
VERSION = 1  # 0 is the unversioned layout of newsbridge 0.1 (entries, outbox, feeds)
LEGACY_TABLES = {"entries", "outbox", "feeds", "sqlite_sequence"}
BUSY = "busy"  # claim(): a live run holds the entry

# Outbox rows: QUEUED when committed, WRITING while a run writes the files, WRITTEN after.
QUEUED, WRITTEN, WRITING = 0, 1, 2

SCHEMA_0 = """
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
    markdown TEXT NOT NULL,        -- the article's Markdown file ('' for none)
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

MIGRATIONS = {
    # 0 -> 1: claims; an index for the unwritten outbox; rows a killed 0.1 run left unwritten
    # may already be in their file, so they are looked for before they are appended.
    0: """
CREATE TABLE claims (
    key TEXT PRIMARY KEY,
    owner TEXT NOT NULL,           -- host:pid:random, one per run
    host TEXT NOT NULL,
    pid INTEGER NOT NULL,
    started REAL NOT NULL,
    expires REAL NOT NULL          -- renewed by the owner's heartbeat
);
CREATE INDEX outbox_unwritten ON outbox (id) WHERE written != 1;
UPDATE outbox SET written = 2 WHERE written = 0;
""",
}


class StateError(NewsbridgeError):
    """The state file cannot be used: not a newsbridge state, damaged, or from a newer version."""


@dataclass(frozen=True)
class Known:
    status: str
    content_hash: str
    attempts: int


@dataclass(frozen=True)
class Pending:
    """An outbox row to write."""

    id: int
    jsonl: Path
    markdown: Path | None
    record: str
    markdown_text: str
    interrupted: bool  # a writer died while writing it: its record may be in the file already


def _sqlite_header(path: Path) -> bytes:
    with path.open("rb") as fh:
        return fh.read(100)


def inspect(path: Path) -> int | None:
    """The layout version of the state file at `path`, None for a file yet to be created.

    Raises StateError, with one line saying what the file is and what to do, for anything that
    is not a newsbridge state this version can use. Reads only: a refused file is untouched.
    """
    if path.is_dir():
        raise StateError(f"state {path} is a folder; give --state a file path")
    if not path.exists():
        return None
    try:
        header = _sqlite_header(path)
    except OSError as exc:
        raise StateError(f"cannot read state {path}: {exc.strerror}") from None
    if not header:
        return None  # an empty file: another run is creating it, or a touch
    if not header.startswith(b"SQLite format 3\x00"):
        raise StateError(f"{path} is not a newsbridge state (not an SQLite database); "
                         "give --state another path, or move the file away")
    # Open read-only; 'immutable' when no WAL file exists, so that reading leaves no -wal or
    # -shm file next to somebody else's database.
    mode = "ro" if Path(f"{path}-wal").exists() else "ro&immutable=1"
    try:
        db = sqlite3.connect(f"file:{path}?mode={mode}", uri=True)
        try:
            app_id = db.execute("PRAGMA application_id").fetchone()[0]
            version = db.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            db.close()
    except sqlite3.DatabaseError as exc:
        raise StateError(f"state {path} is damaged ({exc}); restore it from a backup, or move it away "
                         "to start afresh (entries done before will then be processed again)") from None
    if app_id == APPLICATION_ID:
        if version > VERSION:
            raise StateError(f"state {path} was written by a newer newsbridge (state version {version}; "
                             f"this one reads up to {VERSION}); upgrade newsbridge, or give --state another path")
        return version
    if app_id == 0 and version == 0 and (not tables or ("entries" in tables and tables <= LEGACY_TABLES)):
        return 0  # an empty database, or the unversioned layout of newsbridge 0.1
    what = f"tables: {', '.join(sorted(tables))}" if tables else f"application id {app_id:#x}"
    raise StateError(f"{path} is an SQLite database of another application ({what}), not a newsbridge "
                     "state; give --state another path")


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    try:  # a killed process not yet reaped by its parent is a zombie: gone for our purposes
        with open(f"/proc/{pid}/stat", "rb") as fh:
            return fh.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except (OSError, IndexError):
        return True


class State:
    """One state database, used by one run from its main thread (plus a heartbeat thread).

    `lease`: seconds a claim stays valid without renewal; the heartbeat renews every lease/4.
    """

    def __init__(self, path: Path, lease: float = 60.0) -> None:
        path = Path(path)
        version = inspect(path)
        self.path = path
        self.lease = lease
        self.host = socket.gethostname()
        self.pid = os.getpid()
        self.owner = f"{self.host}:{self.pid}:{uuid.uuid4().hex[:8]}"
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.db = self._connect()
            if version != VERSION:
                self._upgrade()
            # Outbox files are written under this lock (one writer at a time, across processes).
            self._lock_fd = os.open(f"{path}.lock", os.O_RDWR | os.O_CREAT, 0o644)
        except (OSError, sqlite3.Error) as exc:
            raise StateError(f"cannot open state {path}: {getattr(exc, 'strerror', None) or exc}") from None
        self._heartbeat: threading.Thread | None = None
        self._stop = threading.Event()

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        # WAL with synchronous=NORMAL: a commit survives the process being killed (kill -9),
        # which is what exactly-once needs; FULL would add an fsync per entry for power cuts.
        db.execute("PRAGMA synchronous=NORMAL")
        return db

    def _upgrade(self) -> None:
        """Create the tables, or migrate an older layout, in one transaction (another run may
        be doing the same: whoever comes second finds the work done)."""
        with self._transaction():
            version = self.db.execute("PRAGMA user_version").fetchone()[0]
            if version == VERSION:
                return
            # Statement by statement: executescript() would commit in the middle.
            for statement in _statements(SCHEMA_0):
                self.db.execute(statement)
            for step in range(version, VERSION):
                for statement in _statements(MIGRATIONS[step]):
                    self.db.execute(statement)
            self.db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            self.db.execute(f"PRAGMA user_version = {VERSION}")

    def close(self) -> None:
        """Release this run's claims, stop the heartbeat, close the database."""
        self.stop_heartbeat()
        with contextlib.suppress(sqlite3.Error):
            self.release_all()
        self.db.close()
        os.close(self._lock_fd)

    # --- claims ---------------------------------------------------------------------------

    def start_heartbeat(self) -> None:
        """Renew this run's leases every lease/4 seconds until close()."""
        if self._heartbeat is None:
            self._stop.clear()
            self._heartbeat = threading.Thread(target=self._beat, name="newsbridge-heartbeat", daemon=True)
            self._heartbeat.start()

    def stop_heartbeat(self) -> None:
        if self._heartbeat is not None:
            self._stop.set()
            self._heartbeat.join()
            self._heartbeat = None

    def _beat(self) -> None:
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        try:
            while not self._stop.wait(self.lease / 4):
                with contextlib.suppress(sqlite3.OperationalError):  # busy for 30 s: try next beat
                    db.execute("UPDATE claims SET expires = ? WHERE owner = ?", (time.time() + self.lease, self.owner))
        finally:
            db.close()

    def _alive(self, host: str, pid: int, expires: float) -> bool:
        if expires < time.time():
            return False
        return host != self.host or _pid_alive(pid)

    def claim(self, key: str, decide: Callable[[Known | None], str | None]) -> str | None:
        """Claim `key` if no live run holds it and `decide(what the state knows)` wants it.

        Returns decide's answer (None: nothing to do, no claim taken), or BUSY.
        """
        with self._transaction():
            row = self.db.execute("SELECT owner, host, pid, expires FROM claims WHERE key = ?", (key,)).fetchone()
            # Held by a live run, or by this one (the same key twice in one run: one at a time).
            if row and (row[0] == self.owner or self._alive(*row[1:])):
                return BUSY
            status = decide(self.known(key))
            if status is None:
                if row:
                    self.db.execute("DELETE FROM claims WHERE key = ?", (key,))
                return None
            now = time.time()
            self.db.execute("INSERT OR REPLACE INTO claims (key, owner, host, pid, started, expires) "
                            "VALUES (?, ?, ?, ?, ?, ?)", (key, self.owner, self.host, self.pid, now, now + self.lease))
            return status

    def release(self, key: str) -> None:
        self.db.execute("DELETE FROM claims WHERE key = ? AND owner = ?", (key, self.owner))

    def release_all(self) -> None:
        self.db.execute("DELETE FROM claims WHERE owner = ?", (self.owner,))

    def _holds_claim(self, key: str) -> bool:
        row = self.db.execute("SELECT owner FROM claims WHERE key = ?", (key,)).fetchone()
        return row is not None and row[0] == self.owner

    # --- entries and outbox -----------------------------------------------------------------

    def empty(self) -> bool:
        """Whether no entry has been recorded yet (a new state)."""
        return self.db.execute("SELECT 1 FROM entries LIMIT 1").fetchone() is None

    def known(self, key: str) -> Known | None:
        row = self.db.execute("SELECT status, content_hash, attempts FROM entries WHERE key = ?", (key,)).fetchone()
        return Known(*row) if row else None

    def feed_seen(self, url: str, title: str | None) -> None:
        self.db.execute("INSERT INTO feeds (url, title, last_checked) VALUES (?, ?, ?) "
                        "ON CONFLICT(url) DO UPDATE SET title = excluded.title, last_checked = excluded.last_checked",
                        (url, title, time.time()))

    def done(self, key: str, feed: str, url: str | None, title: str | None, content_hash: str,
             jsonl: Path, markdown: Path | None, record: str, markdown_text: str = "") -> bool:
        """Mark a claimed entry done and queue its output (`record`: the JSON line), in one transaction.

        False (and nothing recorded) when this run no longer holds the claim: its lease ran
        out and another run took the entry over.
        """
        with self._transaction():
            if not self._holds_claim(key):
                return False
            self._upsert(key, feed, url, title, "done", content_hash, None)
            self.db.execute(
                "INSERT INTO outbox (entry_key, jsonl, markdown, record, markdown_text) VALUES (?, ?, ?, ?, ?)",
                (key, str(jsonl), str(markdown or ""), record, markdown_text))
            self.db.execute("DELETE FROM claims WHERE key = ?", (key,))
            return True

    def failed(self, key: str, feed: str, url: str | None, title: str | None, content_hash: str, error: str) -> bool:
        """Record a claimed entry's failure (retried by later runs); False as for done()."""
        with self._transaction():
            if not self._holds_claim(key):
                return False
            self._upsert(key, feed, url, title, "failed", content_hash, error)
            self.db.execute("DELETE FROM claims WHERE key = ?", (key,))
            return True

    @contextlib.contextmanager
    def writing_outbox(self) -> Iterator[list[Pending]]:
        """The outbox rows not yet written, while holding the outbox lock (across processes)."""
        fcntl.flock(self._lock_fd, fcntl.LOCK_EX)
        try:
            rows = self.db.execute("SELECT id, jsonl, markdown, record, markdown_text, written FROM outbox "
                                   "WHERE written != 1 ORDER BY id").fetchall()
            yield [Pending(i, Path(j), Path(m) if m else None, r, t, w == WRITING) for i, j, m, r, t, w in rows]
        finally:
            fcntl.flock(self._lock_fd, fcntl.LOCK_UN)

    def mark(self, outbox_id: int, written: int) -> None:
        self.db.execute("UPDATE outbox SET written = ? WHERE id = ?", (written, outbox_id))

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


def _statements(script: str) -> list[str]:
    """The statements of a schema script, for running inside one transaction."""
    lines = [line.split("--", 1)[0] for line in script.splitlines()]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]
