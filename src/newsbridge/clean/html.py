"""Clean an HTML page: trafilatura finds the main text and metadata, then the text cleaner.

trafilatura drops figures, so photo captions (<figcaption>) are read separately first.
"""

from __future__ import annotations

import functools
import re

from ..document import Article, Caption
from ..errors import InputError
from .text import clean_text, parse_caption

_HTML_START = re.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|article|div|p)\b",
                         re.IGNORECASE | re.DOTALL)


def looks_like_html(text: str) -> bool:
    """True when `text` starts like an HTML document or fragment."""
    return bool(_HTML_START.match(text[:2000]))


@functools.lru_cache(maxsize=1)
def _config():  # noqa: ANN202 - configparser
    from trafilatura.settings import use_config

    config = use_config()
    # trafilatura's extraction timeout relies on SIGALRM, which only works in the main
    # thread; the HTTP service cleans pages in worker threads, and size is capped upstream.
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    return config


def _figcaptions(html: str) -> list[Caption]:
    import lxml.html
    from lxml.etree import ParserError

    try:
        tree = lxml.html.fromstring(html)
    except (ParserError, ValueError):
        return []
    captions = []
    for node in tree.iter("figcaption"):
        text = " ".join(node.text_content().split())
        if text:
            cap = parse_caption(text) or Caption(text=text)
            if cap not in captions:
                captions.append(cap)
    return captions


def extract(html: str):  # noqa: ANN201 - trafilatura.settings.Document
    """trafilatura's main text and metadata of a page; InputError if it finds no text."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        # The date from the page's metadata (its publication date, not an update), not a
        # guess from any date in the text such as a copyright year.
        date_extraction_params={"extensive_search": False, "original_date": True},
        config=_config(),
    )
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise InputError("no article text found in the HTML: is this an article page?")
    return doc


def clean_html(html: str) -> Article:
    """Extract the article from an HTML page and clean it like pasted text."""
    doc = extract(html)
    text = doc.text
    article = clean_text(
        text,
        extracted=True,
        title=doc.title,
        byline=doc.author,
        published=doc.date,
        publisher=doc.sitename,
        source_format="html",
    )
    captions = list(article.captions)
    for cap in _figcaptions(html):
        if cap not in captions:
            captions.append(cap)
    # The caption text of a figure can leak into the extracted text: keep it out of the body.
    caption_texts = {c.text for c in captions} | {f"{c.text} {c.credit}" for c in captions}
    paragraphs = [p.text for p in article.paragraphs if p.text not in caption_texts]
    if not paragraphs:
        raise InputError("no article text found in the HTML: is this an article page?")
    meta = {k: getattr(article, k) for k in ("title", "byline", "email", "publisher", "published", "dateline")}
    return Article.from_paragraphs(paragraphs, captions=tuple(captions), source_format="html", **meta)
