"""The translator protocol, and translators that wrap any other: identity and cached.

A translator turns a list of texts into a list of translations, in order. Backends load their
model on first use, so building one is cheap. The document logic (quotes, glossary, checks)
lives in document.py and works with any of them.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from pathlib import Path
from typing import Protocol


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

    def _conn(self) -> sqlite3.Connection:
        if self._db is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.path, check_same_thread=False, timeout=30)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("CREATE TABLE IF NOT EXISTS translations (key TEXT PRIMARY KEY, target TEXT NOT NULL)")
            self._db = db
        return self._db

    def model_id(self, source: str, target: str) -> str:
        return self.inner.model_id(source, target)

    @staticmethod
    def _key(model: str, text: str) -> str:
        return hashlib.sha256(f"{model}\x00{text}".encode()).hexdigest()

    def translate(self, texts: list[str], source: str, target: str) -> list[str]:
        model = self.model_id(source, target)
        keys = {t: self._key(model, t) for t in texts}
        with self._lock:
            db = self._conn()
            found = dict(db.execute(
                f"SELECT key, target FROM translations WHERE key IN ({','.join('?' * len(keys))})",
                list(keys.values()),
            ).fetchall()) if keys else {}
        todo = sorted(t for t, k in keys.items() if k not in found)
        if todo:
            for text, out in zip(todo, self.inner.translate(todo, source, target)):
                found[keys[text]] = out
            with self._lock, self._conn() as db:
                db.executemany("INSERT OR REPLACE INTO translations VALUES (?, ?)",
                               [(keys[t], found[keys[t]]) for t in todo])
        return [found[keys[t]] for t in texts]
