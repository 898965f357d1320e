"""newsbridge: news articles in, language, clean body, quotes, key points and translation out.

    >>> import newsbridge
    >>> result = newsbridge.process(open("article.txt").read())
    >>> result.article.title, result.language.code
"""

from __future__ import annotations

import logging
import os

from .config import Settings, load_settings
from .detect import detect_language
from .document import (
    Article,
    Caption,
    KeyPoint,
    Language,
    Paragraph,
    Quote,
    Result,
    ResultWarning,
    Sentence,
    Translation,
)
from .errors import ConfigError, InputError, ModelNotFoundError, NewsbridgeError
from .pipeline import Pipeline, default_pipeline
from .quotes import extract_quotes
from .summarize import summarize
from .translate import translate

__all__ = [
    "process",
    "clean",
    "detect_language",
    "extract_quotes",
    "summarize",
    "translate",
    "Pipeline",
    "Settings",
    "load_settings",
    "Article",
    "Caption",
    "KeyPoint",
    "Language",
    "Paragraph",
    "Quote",
    "Result",
    "ResultWarning",
    "Sentence",
    "Translation",
    "NewsbridgeError",
    "InputError",
    "ConfigError",
    "ModelNotFoundError",
]

# A library logs, an application decides where the logs go.
logging.getLogger(__name__).addHandler(logging.NullHandler())

Config = Settings | str | os.PathLike[str] | None


def _pipeline(config: Config) -> Pipeline:
    if isinstance(config, Settings):
        return Pipeline(config)
    return default_pipeline(os.fspath(config) if config is not None else None)


def process(text: str, *, html: bool | None = None, target: str | None = None, points: int = 5,
            config: Config = None) -> Result:
    """Process one article: clean, detect language, split sentences, find quotes and key
    points, and translate into `target` ('en' or 'ko') when asked.

    `text` is pasted page text or HTML (`html=None` tells them apart; True/False forces it).
    `config` is a Settings object or the path of a TOML file laid over the defaults.
    Raises InputError (a ValueError) for input that cannot be processed: empty, binary,
    over the size limit, or with no article in it.
    """
    return _pipeline(config).process(text, html=html, target=target, points=points)


def clean(text: str, *, html: bool | None = None, config: Config = None) -> Article:
    """Clean pasted page text or HTML into an Article: title, byline, captions, paragraphs."""
    return _pipeline(config).clean(text, html)
