"""The translator protocol, and translators that wrap any other: identity and cached.

A translator turns a list of texts into a list of translations, in order. Backends load their
model on first use, so building one is cheap. The document logic (quotes, glossary, checks)
lives in document.py and works with any of them.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

log = logging.getLogger(__name__)


class Translator(Protocol):
    """Translates texts between two languages ('en', 'ko')."""

    #: Identifies the model for caching and in results ('transformers:opus-mt-tc-big-en-ko').
    def model_id(self, source: str, target: str) -> str: ...

    def translate(self, texts: list[str], source: str, target: str) -> list[str]: ...


class IdentityTranslator:
    """Returns the texts unchanged: for tests, benchmarks of everything around the model, and
    dry runs of a feed."""

    def model_id(self, source: str, target: str) -> str:
        return "identity"

    def translate(self, texts: list[str], source: str, target: str) -> list[str]:
        return list(texts)


class CachedTranslator:
    """A SQLite cache of sentence translations in front of any translator, keyed by model and
    source text, so that re-running a feed costs nothing for sentences already seen."""

    def __init__(self, inner: Translator, path: str | Path) -> None:
        self.inner = inner
        self.path = Path(path).expanduser()
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        self._broken = False

    def _conn(self) -> sqlite3.Connection | None:
        if self._db is None and not self._broken:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.path, check_same_thread=False, timeout=30)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("CREATE TABLE IF NOT EXISTS translations (key TEXT PRIMARY KEY, target TEXT NOT NULL)")
            self._db = db
        return self._db

    @contextlib.contextmanager
    def _cache(self) -> Iterator[sqlite3.Connection | None]:
        """The cache database, or None once it has failed: a broken cache file costs a warning
        and the cache, never the translation."""
        with self._lock:
            try:
                db = self._conn()
            except (sqlite3.Error, OSError) as exc:
                db = self._give_up(exc)
            try:
                yield db
            except sqlite3.Error as exc:
                self._give_up(exc)

    def _give_up(self, exc: Exception) -> None:
        if self._db is not None:
            self._db.close()
        self._db, self._broken = None, True
        log.warning("translation cache %s cannot be used (%s); translating without it "
                    "(move the file away to start a new cache)", self.path, exc)

    def model_id(self, source: str, target: str) -> str:
        return self.inner.model_id(source, target)

    @staticmethod
    def _key(model: str, text: str) -> str:
        return hashlib.sha256(f"{model}\x00{text}".encode()).hexdigest()

    def translate(self, texts: list[str], source: str, target: str) -> list[str]:
        model = self.model_id(source, target)
        keys = {t: self._key(model, t) for t in texts}  # one key per distinct text
        found: dict[str, str] = {}
        with self._cache() as db:
            if db is not None and keys:
                found = dict(db.execute(
                    f"SELECT key, target FROM translations WHERE key IN ({','.join('?' * len(keys))})",
                    list(keys.values()),
                ).fetchall())
        todo = sorted(t for t, k in keys.items() if k not in found)
        if todo:
            for text, out in zip(todo, self.inner.translate(todo, source, target)):
                found[keys[text]] = out
            with self._cache() as db:
                if db is not None:
                    with db:
                        db.executemany("INSERT OR REPLACE INTO translations VALUES (?, ?)",
                                       [(keys[t], found[keys[t]]) for t in todo])
        return [found[keys[t]] for t in texts]
