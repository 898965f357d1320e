"""`newsbridge batch IN.jsonl --out OUT.jsonl`: a backlog of articles, each written once.

IN holds one article a line: `{"id": ..., "text": ...}` (or `"html"`, or `"url"` to fetch).
OUT gets one record a line: `{"id", "status": "done" | "failed", "error" (when failed),
"result" (the Result JSON, when done)}`. A state database beside OUT claims each id and passes
its record through an outbox, as `newsbridge run` does (state.py), so a re-run skips
the ids already in OUT and appends nothing for them, runs that overlap share the work, and a
run killed at any moment loses nothing and doubles nothing. A line that cannot be read is
recorded as failed (with its line number when it has no id) and the batch goes on.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path

from .document import Result
from .engines import Engine, Failure, Outcome
from .engines.driver import Counts, Driver
from .errors import InputError
from .feeds.fetch import Fetcher
from .outbox import flush_outbox
from .state import Known, State
from .pipeline import Pipeline

log = logging.getLogger(__name__)
SOURCES = ("text", "html", "url")


@dataclass(frozen=True)
class Item:
    """One line of the input: an article, or the reason it cannot be read."""

    line: int
    id: str | int | None
    text: str | None = None
    html: str | None = None
    url: str | None = None
    error: str | None = None
    digest: str = ""

    @property
    def key(self) -> str:
        return f"id:{self.id}" if self.id is not None else f"line:{self.line}"


def _item(line: int, raw: bytes) -> Item:
    digest = hashlib.sha256(raw).hexdigest()
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError) as exc:
        return Item(line, None, error=f"line {line} is not JSON: {exc}", digest=digest)
    if not isinstance(data, dict):
        return Item(line, None, error=f"line {line} is not a JSON object", digest=digest)
    ident = data.get("id")
    if not isinstance(ident, (str, int)) or isinstance(ident, bool) or ident == "":
        return Item(line, None, error=f"line {line} has no 'id' (a string or a number)", digest=digest)
    given = [name for name in SOURCES if isinstance(data.get(name), str) and data[name].strip()]
    if len(given) != 1:
        return Item(line, ident, error="give exactly one of 'text', 'html' or 'url' (a non-empty string)",
                    digest=digest)
    return Item(line, ident, digest=digest, **{given[0]: data[given[0]]})


def read_items(path: Path, max_bytes: int) -> list[Item]:
    """The items of a JSON Lines file, in order; blank lines are passed over."""
    items = []
    with path.open("rb") as fh:
        line = 0
        while raw := fh.readline(max_bytes + 1):
            line += 1
            if len(raw) > max_bytes and not raw.endswith(b"\n"):
                while (rest := fh.readline(1 << 20)) and not rest.endswith(b"\n"):
                    pass  # skip the rest of a line over the cap without holding it
                items.append(Item(line, None, error=f"line {line} is over {max_bytes:,} bytes",
                                  digest=hashlib.sha256(raw).hexdigest()))
            elif raw.strip():
                items.append(_item(line, raw))
    return items


def process_item(pipe: Pipeline, fetcher: Fetcher, item: Item, target: str | None, points: int) -> Result:
    """The Result for one item; raises on a bad item."""
    if item.error:
        raise InputError(item.error)
    if item.url is not None:
        return pipe.process(fetcher.get(item.url).text(), html=True, target=target, points=points)
    if item.html is not None:
        return pipe.process(item.html, html=True, target=target, points=points)
    return pipe.process(item.text or "", target=target, points=points)


def render_item(pipe: Pipeline, fetcher: Fetcher, item: Item, target: str | None, points: int) -> str:
    """The output line of one item done: an engine task, so that the worker, not the driver,
    does the per-article work down to the text that is written."""
    result = process_item(pipe, fetcher, item, target, points)
    return json.dumps({"id": item.id, "status": "done", "result": result.to_dict()}, ensure_ascii=False)


def ids_in(path: Path) -> set[str]:
    """The keys of the records already in an output file (a torn last line is ignored)."""
    keys: set[str] = set()
    if not path.exists():
        return keys
    with path.open("rb") as fh:
        for raw in fh:
            try:
                record = json.loads(raw)
            except ValueError:
                continue
            if isinstance(record, dict) and record.get("id") is not None:
                keys.add(f"id:{record['id']}")
            elif isinstance(record, dict) and "line" in record:
                keys.add(f"line:{record['line']}")
    return keys


@dataclass
class Batch:
    """One batch run of `source` into `out`, through `engine`."""

    source: Path
    out: Path
    state: State
    engine: Engine
    target: str | None = None
    points: int = 5
    limit: int | None = None
    progress: bool = False
    counts: Counts = field(default_factory=Counts)
    stop: threading.Event = field(default_factory=threading.Event)

    def run(self, max_line_bytes: int) -> Counts:
        self.state.start_heartbeat()
        flush_outbox(self.state)  # finish what an interrupted run committed
        items = read_items(self.source, max_line_bytes)
        # The state knows what was written; an output file without its state (moved, or the
        # state deleted) is read once so that its ids are not written again.
        self._written = ids_in(self.out) if self.state.empty() else set()
        todo, seen = [], set()
        for item in items:
            if item.key in seen:
                self.counts.skipped += 1
                log.warning("line %d: id %r appears earlier in %s; this line is skipped",
                            item.line, item.id, self.source)
                continue
            seen.add(item.key)
            if self.plan(item, self.state.known(item.key)) is None:
                self.counts.skipped += 1
            else:
                todo.append(item)
        Driver(self.state, self.engine, self.counts, self.stop, self.limit, self.progress).drive(self, todo)
        flush_outbox(self.state)
        return self.counts

    # The driver's questions about an item (engines/driver.py: Work).

    def key(self, item: Item) -> str:
        return item.key

    def label(self, item: Item) -> str:
        return f"id {item.id}" if item.id is not None else f"line {item.line}"

    def plan(self, item: Item, known: Known | None) -> str | None:
        return None if known is not None or item.key in self._written else "new"

    def task(self, item: Item, status: str) -> tuple:
        return render_item, (item, self.target, self.points)

    def finish(self, item: Item, status: str, outcome: Outcome) -> None:
        if isinstance(outcome, Failure):
            failed: dict = {"id": item.id, "line": item.line} if item.id is None else {"id": item.id}
            record = json.dumps({**failed, "status": "failed", "error": outcome.message}, ensure_ascii=False)
        else:
            record = outcome
        if not self.state.done(item.key, str(self.source), item.url, None, item.digest, self.out, None, record):
            log.warning("%s: another run took this item over (our lease ran out); its record is theirs",
                        self.label(item))
            return
        flush_outbox(self.state)
        if isinstance(outcome, Failure):
            self.counts.failed += 1
            self.counts.errors.append(f"{self.label(item)}: {outcome.message}")
        else:
            self.counts.new += 1
