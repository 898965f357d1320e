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
    article, lang = pipe.prepare(text_or_article, lang)
    if lang not in ("en", "ko"):
        return []
    return pipe.key_points(article, pipe.quotes(article, lang), lang, points)
