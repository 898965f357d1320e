"""Reading feeds: RSS 0.9x/1.0/2.0 and Atom with feedparser, JSON Feed (1.x) from its JSON.

Each entry gets a stable key (its guid/id, else its canonical URL, else a hash of its
content) and a content hash, so a re-run knows what it has done and what changed.
"""

from __future__ import annotations

import calendar
import hashlib
import json
from dataclasses import dataclass
from datetime import datetime, timezone
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ..errors import NewsbridgeError


class FeedError(NewsbridgeError):
    """A feed that cannot be read; one line."""


@dataclass(frozen=True)
class Entry:
    key: str
    url: str | None
    title: str | None
    content: str | None  # the full article when the feed carries it (HTML or text)
    published: datetime | None
    content_hash: str


def canonical_url(url: str) -> str:
    """The URL without fragment and tracking parameters, so one article has one key."""
    parts = urlsplit(url.strip())
    query = [(k, v) for k, v in parse_qsl(parts.query) if not k.lower().startswith(("utm_", "fbclid", "gclid"))]
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path, urlencode(query), ""))


def _entry(guid: str | None, url: str | None, title: str | None, content: str | None,
           updated: str | None, published: datetime | None) -> Entry:
    fingerprint = "\x00".join(x or "" for x in (title, content, updated, url))
    digest = hashlib.sha256(fingerprint.encode("utf-8")).hexdigest()
    key = (guid or "").strip() or (canonical_url(url) if url else "") or f"sha256:{digest[:32]}"
    return Entry(key=key, url=url, title=title, content=content, published=published, content_hash=digest)


def _json_feed(data: bytes) -> tuple[str | None, list[Entry]]:
    try:
        feed = json.loads(data)
    except (ValueError, RecursionError) as exc:
        raise FeedError(f"malformed JSON Feed: {exc}") from None
    if not isinstance(feed, dict) or not isinstance(feed.get("items"), list):
        raise FeedError("not a JSON Feed: no 'items' list")
    entries = []
    for item in feed["items"]:
        if not isinstance(item, dict):
            continue
        date = item.get("date_published")
        try:
            published = datetime.fromisoformat(date.replace("Z", "+00:00")) if isinstance(date, str) else None
        except ValueError:
            published = None
        content = item.get("content_html") or item.get("content_text")
        entries.append(_entry(str(item.get("id") or ""), item.get("url"), item.get("title"),
                              content if isinstance(content, str) else None,
                              item.get("date_modified"), published))
    return feed.get("title"), entries


def parse_feed(data: bytes) -> tuple[str | None, list[Entry]]:
    """(feed title, entries) of a feed document; FeedError when it cannot be read at all."""
    if data.lstrip()[:1] == b"{":
        return _json_feed(data)
    import feedparser

    parsed = feedparser.parse(data)
    if parsed.bozo and not parsed.entries:
        raise FeedError(f"malformed feed: {parsed.get('bozo_exception') or 'unreadable'}")
    entries = []
    for e in parsed.entries:
        content = None
        if e.get("content"):
            content = max((c.get("value") or "" for c in e["content"]), key=len) or None
        # dict.get, not e.get: feedparser's own get() maps 'updated' to 'published' with a warning.
        stamp = dict.get(e, "published_parsed") or dict.get(e, "updated_parsed")
        published = datetime.fromtimestamp(calendar.timegm(stamp), tz=timezone.utc) if stamp else None
        entries.append(_entry(e.get("id"), e.get("link"), e.get("title"), content or e.get("summary"),
                              dict.get(e, "updated"), published))
    return parsed.feed.get("title"), entries
