"""`newsbridge run`: every new or changed entry of some feeds, processed once, written once.

For each entry: the feed's full content when it carries the article, else the article page
(fetch.py, then the HTML cleaner); then process(). One bad entry is recorded with its error
and the run goes on. Results go to one JSON Lines file per run and one Markdown file per
article, through the state's outbox (state.py), so a run killed at any moment and run again
leaves every entry in the output exactly once. Entries are claimed one at a time in the state,
so runs that overlap (a slow cron run and the next one) share the work instead of doubling it.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import sys
import tempfile
import threading
from collections import deque
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from ..document import Result
from ..errors import InputError, NewsbridgeError
from ..inputs import decode
from ..pipeline import Pipeline
from ..render import to_markdown
from .fetch import Fetcher, FetchError
from .parse import Entry, FeedError, parse_feed
from .state import BUSY, WRITING, WRITTEN, Known, State

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 3          # a failing entry is retried on later runs up to this many times
FULL_CONTENT_CHARS = 300  # feed content shorter than this is a teaser: fetch the page


@dataclass
class Counts:
    new: int = 0
    updated: int = 0
    skipped: int = 0
    failed: int = 0
    elsewhere: int = 0  # held by another live run
    left: int = 0       # not started because the run was stopped
    errors: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Source:
    """A feed to read: a URL, a local file, or '-' (stdin); an optional target language."""

    location: str
    target: str | None = None


def read_source(source: Source, fetcher: Fetcher) -> bytes:
    if source.location == "-":
        return sys.stdin.buffer.read(fetcher.max_bytes + 1)[: fetcher.max_bytes + 1]
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", source.location):
        return fetcher.get(source.location).content
    path = Path(source.location)
    if not path.is_file():
        raise FeedError(f"no such feed file: {source.location}")
    if path.stat().st_size > fetcher.max_bytes:
        raise FeedError(f"{source.location}: over the {fetcher.max_bytes:,}-byte cap")
    return path.read_bytes()


def _html_to_text(html: str) -> str:
    import lxml.html

    root = lxml.html.fromstring(html)
    blocks = [" ".join(el.text_content().split()) for el in root.iter("p", "h1", "h2", "h3", "li", "blockquote")]
    text = "\n\n".join(b for b in blocks if b)
    return text or " ".join(root.text_content().split())


def article_of(entry: Entry, fetcher: Fetcher) -> tuple[str, bool]:
    """(text, is_html) of the entry's article: the feed's content if it is the whole
    article, else the fetched page."""
    content = entry.content or ""
    plain = re.sub(r"<[^>]+>", " ", content)
    if len(" ".join(plain.split())) >= FULL_CONTENT_CHARS:
        return content, bool(re.search(r"<(?:p|div|br|article|h\d)\b", content, re.I))
    if not entry.url:
        raise InputError("the entry has neither the article text nor a link to it")
    page = fetcher.get(entry.url)
    charset = re.search(r"charset=([\w-]+)", page.content_type, re.I)
    if charset and charset.group(1).lower().replace("_", "-") not in ("utf-8", "utf8"):
        try:
            return page.content.decode(charset.group(1)), True
        except (LookupError, UnicodeDecodeError):
            raise InputError(f"the page is not valid {charset.group(1)} text") from None
    return decode(page.content), True


def process_entry(entry: Entry, source: Source, fetcher: Fetcher, pipe: Pipeline, points: int) -> Result:
    """The Result for one entry; raises on a bad entry (caught by the caller)."""
    text, is_html = article_of(entry, fetcher)
    try:
        result = pipe.process(text, html=is_html, target=source.target, points=points)
    except InputError:
        if not is_html:
            raise
        # A fragment of HTML from a feed is too small for page extraction: read its text.
        result = pipe.process(_html_to_text(text), html=False, target=source.target, points=points)
    if result.language.code not in ("en", "ko"):
        raise InputError("the article is neither English nor Korean")
    return result


def _slug(entry: Entry) -> str:
    words = re.sub(r"[^\w\s-]", "", (entry.title or "article").lower(), flags=re.UNICODE).split()
    stem = "-".join(words[:8])[:60] or "article"
    return f"{stem}-{hashlib.sha256(entry.key.encode()).hexdigest()[:10]}"


def _atomic_write(path: Path, text: str) -> None:
    """Replace `path` whole (temp file + rename): a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.replace(tmp, path)


def _holds(path: Path, record: str) -> bool:
    """Whether a JSON Lines file already holds this record; drops a torn last line."""
    if not path.exists():
        return False
    data = path.read_bytes()
    if data and not data.endswith(b"\n"):  # a crash in the middle of an append
        data = data[: data.rfind(b"\n") + 1]
        _atomic_write(path, data.decode("utf-8"))
    return record.encode("utf-8") in data.split(b"\n")


def flush_outbox(state: State) -> int:
    """Write every committed-but-unwritten result to its files (this run's, another live
    run's, or a killed run's); returns how many.

    The outbox lock makes this one writer at a time. A row marked as being written was left
    by a writer that died in the middle: its record may be in the file already, so look first.
    """
    count = 0
    with state.writing_outbox() as rows:
        for row in rows:
            state.mark(row.id, WRITING)
            if row.markdown is not None:
                _atomic_write(row.markdown, row.markdown_text)
            if not (row.interrupted and _holds(row.jsonl, row.record)):
                row.jsonl.parent.mkdir(parents=True, exist_ok=True)
                with row.jsonl.open("a", encoding="utf-8") as fh:
                    fh.write(row.record + "\n")
            state.mark(row.id, WRITTEN)
            count += 1
    return count


def article_markdown(entry: Entry, feed: str, result: Result) -> str:
    head = [f"<!-- newsbridge entry {entry.key} from {feed} -->"]
    if entry.url:
        head.append(f"Source: <{entry.url}>  ")
    page = to_markdown(result)
    if result.article.title is None and entry.title:
        page = page.replace("# (untitled)", f"# {entry.title}", 1)
    if result.translation:
        rows = ["## Side by side", "", f"| original ({result.translation.source}) | "
                f"translation ({result.translation.target}) |", "| --- | --- |"]
        for src, dst in zip(result.article.paragraphs, result.translation.paragraphs):
            rows.append(f"| {src.text.replace('|', '/')} | {dst.replace('|', '/')} |")
        page += "\n" + "\n".join(rows) + "\n"
    return "\n".join(head) + "\n\n" + page


@dataclass
class Runner:
    """One run over some feeds. Set `stop` (from a signal handler) to end it early: it takes
    no new entry, finishes the ones in hand, writes their results and returns."""

    pipe: Pipeline
    out: Path
    state: State
    fetcher: Fetcher
    points: int = 5
    since: datetime | None = None
    limit: int | None = None
    workers: int = 1
    progress: bool = False
    counts: Counts = field(default_factory=Counts)
    stop: threading.Event = field(default_factory=threading.Event)

    def run(self, sources: list[Source]) -> Counts:
        self.state.start_heartbeat()
        flushed = flush_outbox(self.state)  # finish what an interrupted run committed
        if flushed:
            log.info("wrote %d result(s) left over from an interrupted run", flushed)
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
        jsonl = self.out / f"run-{stamp}.jsonl"
        todo: list[tuple[Entry, Source]] = []
        for source in sources:
            try:
                title, entries = parse_feed(read_source(source, self.fetcher))
            except (FeedError, FetchError, OSError) as exc:
                self._fail_feed(source, str(exc))
                continue
            self.state.feed_seen(source.location, title)
            for entry in entries:
                if self._plan(entry, self.state.known(entry.key)) is None:
                    self.counts.skipped += 1
                else:
                    todo.append((entry, source))
        self._work(todo, jsonl)
        flush_outbox(self.state)
        return self.counts

    def _work(self, todo: list[tuple[Entry, Source]], jsonl: Path) -> None:
        """Claim entries one by one as workers free up (so that overlapping runs share them),
        process them, commit each result while the claim is held."""
        queue, busy = deque(todo), []
        in_flight: dict[Future, tuple[Entry, Source, str]] = {}
        taken, second_look = 0, False
        bar = self._bar(len(todo))
        pool = ThreadPoolExecutor(max_workers=max(1, self.workers))
        try:
            while True:
                while queue and len(in_flight) < max(1, self.workers) and not self.stop.is_set() \
                        and (self.limit is None or taken < self.limit):
                    entry, source = queue.popleft()
                    status = self.state.claim(entry.key, lambda known, e=entry: self._plan(e, known))
                    if status == BUSY:
                        busy.append((entry, source))
                    elif status is None:  # done by another run since we looked
                        self.counts.skipped += 1
                        self._tick(bar, entry, log_it=False)
                    else:
                        taken += 1
                        future = pool.submit(process_entry, entry, source, self.fetcher, self.pipe, self.points)
                        in_flight[future] = (entry, source, status)
                if not in_flight:
                    if busy and not second_look and not self.stop.is_set():
                        # One more look at entries other runs held: a run may have died since.
                        queue.extend(busy)
                        busy, second_look = [], True
                        continue
                    break
                finished, _ = wait(in_flight, return_when=FIRST_COMPLETED)
                for future in finished:
                    entry, source, status = in_flight.pop(future)
                    self._finish(future, entry, source, status, jsonl)
                    self._tick(bar, entry)
        finally:
            pool.shutdown(wait=False, cancel_futures=True)
            if bar is not None:
                bar.close()
        self.counts.elsewhere = len(busy)
        if self.stop.is_set():
            self.counts.left = len(queue)
        else:
            self.counts.skipped += len(queue)  # over --limit

    def _finish(self, future: Future, entry: Entry, source: Source, status: str, jsonl: Path) -> None:
        try:
            result = future.result()
        except (NewsbridgeError, FetchError, FeedError, ValueError, OSError) as exc:
            self._fail(entry, source, _one_line(exc))
        except Exception as exc:  # noqa: BLE001 - one bad entry must not stop the run
            log.debug("unexpected error on %s", entry.key, exc_info=True)
            self._fail(entry, source, f"internal error: {type(exc).__name__}: {_one_line(exc)}")
        else:
            if self._commit(entry, source, status, result, jsonl):
                setattr(self.counts, status, getattr(self.counts, status) + 1)

    def _plan(self, entry: Entry, known: Known | None) -> str | None:
        """'new', 'updated', or None to skip (done and unchanged, too old, failed too often)."""
        if self.since and entry.published and entry.published < self.since:
            return None
        if known is None:
            return "new"
        if known.content_hash != entry.content_hash:
            return "updated" if known.status == "done" else "new"
        if known.status == "failed" and known.attempts < MAX_ATTEMPTS:
            return "new"
        return None

    def _commit(self, entry: Entry, source: Source, status: str, result: Result, jsonl: Path) -> bool:
        record = {"key": entry.key, "content_hash": entry.content_hash, "status": status,
                  "feed": source.location, "url": entry.url, "title": entry.title or result.article.title,
                  "published": entry.published.isoformat() if entry.published else None,
                  "result": result.to_dict()}
        markdown = self.out / "articles" / f"{_slug(entry)}.md"
        if not self.state.done(entry.key, source.location, entry.url, entry.title, entry.content_hash, jsonl,
                               markdown, record, article_markdown(entry, source.location, result)):
            log.warning("%s: another run took this entry over (our lease ran out); its result is theirs",
                        entry.url or entry.key)
            return False
        flush_outbox(self.state)
        return True

    def _fail(self, entry: Entry, source: Source, message: str) -> None:
        if not self.state.failed(entry.key, source.location, entry.url, entry.title, entry.content_hash, message):
            return  # another run took it over; its outcome is theirs to report
        self.counts.failed += 1
        self.counts.errors.append(f"{entry.title or entry.key}: {message}")
        log.warning("failed: %s: %s", entry.url or entry.key, message)

    def _fail_feed(self, source: Source, message: str) -> None:
        self.counts.failed += 1
        self.counts.errors.append(f"feed {source.location}: {message}")
        log.warning("feed failed: %s: %s", source.location, message)

    def _bar(self, total: int):  # noqa: ANN202
        if not self.progress or not total:
            return None
        from tqdm import tqdm

        return tqdm(total=total, unit="article", file=sys.stderr)

    def _tick(self, bar, entry: Entry, log_it: bool = True) -> None:  # noqa: ANN001
        if bar is not None:
            bar.update(1)
        elif log_it:
            log.info("done: %s", entry.title or entry.url or entry.key)


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
