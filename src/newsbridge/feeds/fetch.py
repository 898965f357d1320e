"""Fetching feeds and article pages over HTTP, defensively.

Timeouts, a redirect cap, a response size cap (read as a stream, so a huge page costs no more
than the cap), a User-Agent that says who we are, retries with backoff on 5xx and timeouts and
none on 4xx. Only http and https: a feed that points at file:// or any other scheme is refused.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from ..errors import InputError, NewsbridgeError
from ..inputs import decode

USER_AGENT = "newsbridge/0.1 (newsroom feed reader)"


class FetchError(NewsbridgeError):
    """A fetch that failed; the message is one line a person can act on."""


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    content: bytes
    content_type: str

    def text(self) -> str:
        """The body as text: the charset the server declares, else detected (inputs.decode)."""
        charset = re.search(r"charset=([\w-]+)", self.content_type, re.I)
        if charset and charset.group(1).lower().replace("_", "-") not in ("utf-8", "utf8"):
            try:
                return self.content.decode(charset.group(1))
            except (LookupError, UnicodeDecodeError):
                raise InputError(f"the page is not valid {charset.group(1)} text") from None
        return decode(self.content)


@dataclass
class Fetcher:
    """An HTTP client with the limits above; one per run, shared by its workers."""

    timeout: float = 15.0
    max_bytes: int = 10_000_000
    max_redirects: int = 5
    retries: int = 2
    backoff: float = 0.5

    def __post_init__(self) -> None:
        self._client = httpx.Client(timeout=self.timeout, follow_redirects=True,
                                    max_redirects=self.max_redirects,
                                    headers={"User-Agent": USER_AGENT})

    def close(self) -> None:
        self._client.close()

    def get(self, url: str) -> Fetched:
        """The body of `url`, or FetchError."""
        scheme = urlsplit(url).scheme.lower()
        if scheme not in ("http", "https"):
            raise FetchError(f"refusing to fetch {url!r}: only http and https are allowed")
        for attempt in range(self.retries + 1):
            try:
                return self._get_once(url)
            except _Retryable as exc:
                if attempt == self.retries:
                    raise FetchError(str(exc)) from None
                time.sleep(self.backoff * 2**attempt)
        raise AssertionError("unreachable")

    def _get_once(self, url: str) -> Fetched:
        try:
            with self._client.stream("GET", url) as response:
                final = str(response.url)
                if urlsplit(final).scheme not in ("http", "https"):
                    raise FetchError(f"{url} redirected to a non-HTTP address {final!r}")
                if response.status_code >= 500:
                    raise _Retryable(f"{url}: HTTP {response.status_code} from the server")
                if response.status_code >= 400:
                    raise FetchError(f"{url}: HTTP {response.status_code}")
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > self.max_bytes:
                    raise FetchError(f"{url}: {int(declared):,} bytes, over the {self.max_bytes:,}-byte cap")
                chunks, size = [], 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise FetchError(f"{url}: over the {self.max_bytes:,}-byte cap")
                    chunks.append(chunk)
                return Fetched(final, b"".join(chunks), response.headers.get("content-type", ""))
        except httpx.TimeoutException:
            raise _Retryable(f"{url}: timed out after {self.timeout:g} s") from None
        except httpx.TooManyRedirects:
            raise FetchError(f"{url}: more than {self.max_redirects} redirects") from None
        except httpx.TransportError as exc:
            raise _Retryable(f"{url}: {type(exc).__name__}: {exc}") from None


class _Retryable(Exception):
    """5xx, timeouts, connection errors: worth another try."""
