"""Quotes: every direct quote of an article, who said it, and how we know.

    >>> from newsbridge import extract_quotes
    >>> [(q.text, q.speaker) for q in extract_quotes(article_text)]
"""

from __future__ import annotations

from ..document import Article, Quote
from .extract import RulesQuoteExtractor

__all__ = ["RulesQuoteExtractor", "extract_quotes"]


def extract_quotes(text_or_article: str | Article, lang: str | None = None) -> list[Quote]:
    """Extract the quotes of an article given as text/HTML or as an already cleaned Article.

    `lang` ('en' or 'ko') skips detection. Offsets index the cleaned body.
    """
    from ..pipeline import default_pipeline

    pipe = default_pipeline()
    article, lang = pipe.prepare(text_or_article, lang)
    return pipe.quotes(article, lang) if lang in ("en", "ko") else []
