"""Cleaning: pasted page text or HTML in, an Article (title, byline, captions, body) out."""

from __future__ import annotations

from ..document import Article
from .html import clean_html, looks_like_html
from .text import clean_text, is_chrome

__all__ = ["clean", "clean_text", "clean_html", "is_chrome", "looks_like_html"]


def clean(text: str, html: bool | None = None) -> Article:
    """Clean an article given as pasted page text or as HTML.

    `html=None` decides from the input itself: a document that starts like HTML markup is
    parsed as HTML, anything else as pasted text.
    """
    if html is None:
        html = looks_like_html(text)
    return clean_html(text) if html else clean_text(text)
