"""`newsbridge run`: every new or changed entry of some feeds, processed once, written once.

For each entry: the feed's full content when it carries the article, else the article page
(fetch.py, then the HTML cleaner); then process(). One bad entry is recorded with its error
and the run goes on. Results go to one JSON Lines file per run and one Markdown file per
article, through the state's outbox (newsbridge/state.py and outbox.py), so a run killed at
any moment and run again leaves every entry in the output exactly once. Entries are claimed
one at a time in the state, so runs that overlap (a slow cron run and the next one) share the
work instead of doubling it; an engine (engines/) processes them.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import sys
import threading
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from ..document import Result
from ..engines import Engine, Failure, Outcome
from ..engines.driver import Counts, Driver
from ..engines.local import LocalEngine
from ..errors import InputError
from ..pipeline import Pipeline
from ..render import to_markdown
from .fetch import Fetcher, FetchError
from ..outbox import flush_outbox
from .parse import Entry, FeedError, parse_feed
from ..state import Known, State

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 3          # a failing entry is retried on later runs up to this many times
FULL_CONTENT_CHARS = 300  # feed content shorter than this is a teaser: fetch the page


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
    return fetcher.get(entry.url).text(), True


def process_entry(pipe: Pipeline, fetcher: Fetcher, entry: Entry, target: str | None, points: int) -> Result:
    """The Result for one entry (an engine task); raises on a bad entry."""
    text, is_html = article_of(entry, fetcher)
    try:
        result = pipe.process(text, html=is_html, target=target, points=points)
    except InputError:
        if not is_html:
            raise
        # A fragment of HTML from a feed is too small for page extraction: read its text.
        result = pipe.process(_html_to_text(text), html=False, target=target, points=points)
    if result.language.code not in ("en", "ko"):
        raise InputError("the article is neither English nor Korean")
    return result


def render_entry(pipe: Pipeline, fetcher: Fetcher, entry: Entry, source: Source, status: str,
                 points: int) -> tuple[str, str]:
    """(JSON line, Markdown page) of one entry: an engine task, so that the worker, not the
    driver, does the per-article work down to the text that is written."""
    result = process_entry(pipe, fetcher, entry, source.target, points)
    record = {"key": entry.key, "content_hash": entry.content_hash, "status": status,
              "feed": source.location, "url": entry.url, "title": entry.title or result.article.title,
              "published": entry.published.isoformat() if entry.published else None,
              "result": result.to_dict()}
    return json.dumps(record, ensure_ascii=False), article_markdown(entry, source.location, result)


def _slug(entry: Entry) -> str:
    words = re.sub(r"[^\w\s-]", "", (entry.title or "article").lower(), flags=re.UNICODE).split()
    stem = "-".join(words[:8])[:60] or "article"
    return f"{stem}-{hashlib.sha256(entry.key.encode()).hexdigest()[:10]}"


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
    engine: Engine | None = None  # default: the local engine with `workers` threads

    def run(self, sources: list[Source]) -> Counts:
        self.state.start_heartbeat()
        flushed = flush_outbox(self.state)  # finish what an interrupted run committed
        if flushed:
            log.info("wrote %d result(s) left over from an interrupted run", flushed)
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
        self._jsonl = self.out / f"run-{stamp}.jsonl"
        todo: list[tuple[Entry, Source]] = []
        for source in sources:
            try:
                title, entries = parse_feed(read_source(source, self.fetcher))
            except (FeedError, FetchError, OSError) as exc:
                self._fail_feed(source, str(exc))
                continue
            self.state.feed_seen(source.location, title)
            for entry in entries:
                if self.plan((entry, source), self.state.known(entry.key)) is None:
                    self.counts.skipped += 1
                else:
                    todo.append((entry, source))
        engine = self.engine or LocalEngine(self.pipe, self.fetcher, self.workers)
        try:
            Driver(self.state, engine, self.counts, self.stop, self.limit, self.progress).drive(self, todo)
        finally:
            if self.engine is None:
                engine.close()
        flush_outbox(self.state)
        return self.counts

    # The driver's questions about an item (engines/driver.py: Work).

    def key(self, item: tuple[Entry, Source]) -> str:
        return item[0].key

    def label(self, item: tuple[Entry, Source]) -> str:
        return item[0].title or item[0].url or item[0].key

    def plan(self, item: tuple[Entry, Source], known: Known | None) -> str | None:
        """'new', 'updated', or None to skip (done and unchanged, too old, failed too often)."""
        entry = item[0]
        if self.since and entry.published and entry.published < self.since:
            return None
        if known is None:
            return "new"
        if known.content_hash != entry.content_hash:
            return "updated" if known.status == "done" else "new"
        if known.status == "failed" and known.attempts < MAX_ATTEMPTS:
            return "new"
        return None

    def task(self, item: tuple[Entry, Source], status: str) -> tuple:
        entry, source = item
        return render_entry, (entry, source, status, self.points)

    def finish(self, item: tuple[Entry, Source], status: str, outcome: Outcome) -> None:
        entry, source = item
        if isinstance(outcome, Failure):
            self._fail(entry, source, outcome.message)
        elif self._commit(entry, source, *outcome):
            setattr(self.counts, status, getattr(self.counts, status) + 1)

    def _commit(self, entry: Entry, source: Source, record: str, markdown_text: str) -> bool:
        markdown = self.out / "articles" / f"{_slug(entry)}.md"
        if not self.state.done(entry.key, source.location, entry.url, entry.title, entry.content_hash,
                               self._jsonl, markdown, record, markdown_text):
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

