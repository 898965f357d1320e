"""Key points: an article summarized into a few faithful points in its own language.

    >>> from newsbridge import summarize
    >>> [k.text for k in summarize(article_text, points=3)]
"""

from __future__ import annotations

from ..document import Article, KeyPoint
from .extractive import ExtractiveSummarizer

__all__ = ["ExtractiveSummarizer", "summarize"]


def summarize(text_or_article: str | Article, points: int = 5, lang: str | None = None) -> list[KeyPoint]:
    """Key points of an article given as text/HTML or as a cleaned Article, in article order.

    A key point that carries a quote always names its speaker.
    """
    from ..pipeline import default_pipeline

    pipe = default_pipeline()
    if isinstance(text_or_article, Article):
        article = text_or_article
    else:
        article = pipe.clean(text_or_article)
    if lang is None:
        lang = pipe.detect_paragraphs([p.text for p in article.paragraphs]).code
    if lang not in ("en", "ko"):
        return []
    if not article.sentences:
        article = pipe.segment(article, lang)
    quotes = pipe.quotes(article, lang)
    return pipe.key_points(article, quotes, lang, points)
