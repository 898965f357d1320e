"""Translation between English and Korean that keeps every quote intact and with its speaker.

    >>> from newsbridge import translate
    >>> translation = translate(article_text, target="ko")
    >>> translation.paragraphs, translation.quotes, translation.checks
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..config import Settings
from ..document import Article, KeyPoint, Quote, Translation
from .base import CachedTranslator, IdentityTranslator, Translator
from .ct2 import CTranslate2Translator
from .document import translate_article
from .glossary import Glossary, load_glossary
from .hf import TransformersTranslator
from .protect import mask, unmask

__all__ = ["ArticleTranslator", "BACKENDS", "CachedTranslator", "IdentityTranslator", "Translator", "translate"]

BACKENDS: dict[str, Callable[[Settings], Translator]] = {
    "transformers": TransformersTranslator,
    "ctranslate2": CTranslate2Translator,
    "identity": lambda settings: IdentityTranslator(),
}


class ArticleTranslator:
    """The translate stage: a backend (with the sentence cache) plus the glossary."""

    def __init__(self, settings: Settings, backend: str) -> None:
        self.settings = settings
        translator: Translator = BACKENDS[backend](settings)
        if settings.translate.cache and backend != "identity":
            translator = CachedTranslator(translator, settings.translate.cache)
        self.translator = translator
        self._glossary: Glossary | None = None

    @property
    def glossary(self) -> Glossary:
        if self._glossary is None:
            self._glossary = load_glossary(self.settings.translate.glossary)
        return self._glossary

    def translate_result(self, article: Article, quotes: list[Quote], key_points: list[KeyPoint],
                         source: str, target: str) -> Translation:
        """Title, body, key points and quotes of a processed article, in `target`."""
        return translate_article(article, quotes, key_points, source, target, self.translator,
                                 self.glossary.terms(source, target), self.settings.translate.max_segment_chars)

    def translate_texts(self, texts: list[str], source: str, target: str) -> list[str]:
        """Plain texts (no article around them), glossary terms and numbers protected."""
        terms = self.glossary.terms(source, target)
        masked = [mask(t, terms) for t in texts]
        out = self.translator.translate([m.text for m in masked], source, target)
        return [unmask(o, m, {})[0] for o, m in zip(out, masked)]


def translate(text_or_article: Any, target: str, points: int = 5) -> Translation:
    """Process an article (text, HTML or Article) and translate it into `target` ('en'/'ko').

    Raises ModelNotFoundError when the model is not installed, InputError when the article
    is already in `target` or in neither English nor Korean.
    """
    from ..errors import InputError, ModelNotFoundError
    from ..pipeline import default_pipeline, translation_failure

    text = text_or_article.body if isinstance(text_or_article, Article) else text_or_article
    result = default_pipeline().process(text, target=target, points=points)
    if result.translation is None:
        reason = translation_failure(result)
        if reason is not None and reason.code == "model_missing":
            raise ModelNotFoundError(reason.message)
        raise InputError(reason.message if reason else "nothing to translate")
    return result.translation
