"""The pipeline: clean -> detect -> segment -> quotes -> key points -> translate -> Result.

Each stage is a small Protocol; config names the backend for each, and STAGES below is the
one place that maps those names to code. A stage whose backend is not available is skipped
with a warning in the Result, so callers always get the full Result shape.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any, Protocol

from . import segment as segment_mod
from .clean import clean as clean_article
from .clean import looks_like_html
from .config import Settings, load_settings
from .detect import Detector
from .devices import describe
from .document import Article, KeyPoint, Language, Quote, Result, ResultWarning, Translation
from .errors import ConfigError, InputError, ModelNotFoundError
from .inputs import check_text, decode, too_long
from .quotes import RulesQuoteExtractor
from .summarize import ExtractiveSummarizer
from .summarize.abstractive import AbstractiveSummarizer
from .translate import BACKENDS as TRANSLATE_BACKENDS
from .translate import ArticleTranslator

log = logging.getLogger(__name__)

TARGETS = ("en", "ko")
MAX_POINTS = 20


class Cleaner(Protocol):
    def clean(self, text: str, html: bool | None) -> Article: ...


class LanguageDetector(Protocol):
    def detect_article(self, paragraphs: list[str]) -> Language: ...

    def preload(self) -> None: ...


class Segmenter(Protocol):
    def segment(self, article: Article, lang: str) -> Article: ...

    def preload(self) -> None: ...


class QuoteExtractor(Protocol):
    def extract(self, article: Article, lang: str) -> list[Quote]: ...


class Summarizer(Protocol):
    def summarize(self, article: Article, quotes: list[Quote], lang: str, points: int) -> list[KeyPoint]: ...


class Translator(Protocol):
    def translate_result(self, article: Article, quotes: list[Quote], key_points: list[KeyPoint],
                         source: str, target: str) -> Translation: ...


class RulesCleaner:
    """Pasted-page rules (clean/text.py), trafilatura first for HTML (clean/html.py)."""

    def clean(self, text: str, html: bool | None) -> Article:
        return clean_article(text, html=html)


class RulesSegmenter:
    """English sentence rules; Korean by kiwipiepy."""

    def segment(self, article: Article, lang: str) -> Article:
        return segment_mod.segment(article, lang)

    def preload(self) -> None:
        segment_mod.get_kiwi()


# stage -> backend name -> factory(settings). Construction is cheap: models load on first use.
STAGES: dict[str, dict[str, Callable[[Settings], Any]]] = {
    "clean": {"rules": lambda s: RulesCleaner()},
    "detect": {"lingua": lambda s: Detector("lingua"), "langdetect": lambda s: Detector("langdetect")},
    "segment": {"rules": lambda s: RulesSegmenter()},
    "quotes": {"rules": lambda s: RulesQuoteExtractor()},
    "key_points": {"extractive": lambda s: ExtractiveSummarizer(), "abstractive": AbstractiveSummarizer},
    "translate": {name: (lambda s, n=name: ArticleTranslator(s, n)) for name in TRANSLATE_BACKENDS},
}
REQUIRED = ("clean", "detect", "segment")


class Pipeline:
    """Runs the stages chosen in `settings`; build once, call process() many times."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or load_settings()
        self._stages: dict[str, Any] = {}
        for stage, backends in STAGES.items():
            name = getattr(self.settings.pipeline, stage)
            if name in backends:
                self._stages[stage] = backends[name](self.settings)
            elif stage in REQUIRED:
                known = ", ".join(sorted(backends))
                raise ConfigError(f"unknown {stage} backend {name!r} in [pipeline]; choose one of: {known}")

    def _missing(self, stage: str, what: str) -> ResultWarning:
        name = getattr(self.settings.pipeline, stage)
        return ResultWarning(
            code="stage_unavailable",
            stage=stage,
            message=f"the {stage} stage (backend {name!r}) is not available in this version of newsbridge; {what}",
        )

    def preload(self) -> None:
        """Load the language-detection models and Kiwi now.

        Each otherwise loads on the first text that needs it (Kiwi for Korean only, lingua's
        high-accuracy models for short Latin-script text only), which keeps a one-off command
        quick; a long-running service calls this at start-up so that no request waits.
        """
        self._stages["detect"].preload()
        self._stages["segment"].preload()

    def clean(self, text: str, html: bool | None = None) -> Article:
        """Clean `text` (pasted page or HTML) into an Article, after checking the input.

        Pasted text may have [limits] max_chars characters; an HTML page's markup may have
        max_html_chars, and the article extracted from it max_chars.
        """
        limits = self.settings.limits
        if isinstance(text, (bytes, bytearray)):
            text = decode(bytes(text))
        if html is None:
            html = isinstance(text, str) and looks_like_html(text)
        if html and isinstance(text, str) and len(text) > limits.max_html_chars:
            raise too_long("the HTML page", len(text), limits.max_html_chars, "max_html_chars")
        text = check_text(text, limits.max_html_chars if html else limits.max_chars)
        article = self._stages["clean"].clean(text, html)
        if not article.paragraphs:
            raise InputError("no article text found: after removing page furniture nothing was left")
        if len(article.body) > limits.max_chars:
            raise too_long("the article extracted from the HTML", len(article.body), limits.max_chars)
        return article

    def prepare(self, text_or_article: str | Article, lang: str | None = None) -> tuple[Article, str]:
        """A cleaned, segmented article and its language, from text/HTML or an Article."""
        article = text_or_article if isinstance(text_or_article, Article) else self.clean(text_or_article)
        if lang is None:
            lang = self.detect_paragraphs([p.text for p in article.paragraphs]).code
        if lang in TARGETS and not article.sentences:
            article = self.segment(article, lang)
        return article, lang

    def segment(self, article: Article, lang: str) -> Article:
        """Split the article's paragraphs into sentences (offsets into the body)."""
        return self._stages["segment"].segment(article, lang)

    def quotes(self, article: Article, lang: str) -> list[Quote]:
        """The direct quotes of a segmented article."""
        return self._stages["quotes"].extract(article, lang)

    def key_points(self, article: Article, quotes: list[Quote], lang: str, points: int,
                   warnings: list[ResultWarning] | None = None) -> list[KeyPoint]:
        """Up to `points` key points of a segmented article.

        A model-based backend whose model is not installed, or that produces nothing usable,
        falls back to the extractive key points, with a warning in `warnings` (or the log).
        """
        backend = self._stages["key_points"]
        problem = None
        try:
            found = backend.summarize(article, quotes, lang, points)
            if found or not article.sentences or isinstance(backend, ExtractiveSummarizer):
                return found
            problem = "the summarization model gave no usable key points"
        except ModelNotFoundError as exc:
            problem = str(exc)
        message = f"{problem}; key points are extractive instead"
        if warnings is None:
            log.warning("%s", message)
        else:
            warnings.append(ResultWarning(code="model_fallback", stage="key_points", message=message))
        return ExtractiveSummarizer().summarize(article, quotes, lang, points)

    def translation_model(self, source: str, target: str) -> str:
        """The id of the model that translates `source` -> `target` ('ctranslate2:opus-…')."""
        return self._stages["translate"].translator.model_id(source, target)

    def devices(self) -> dict[str, dict[str, str] | None]:
        """The device and precision of each model-based stage ({'device', 'compute_type'}, or
        {'error'} when it cannot run there; None for a stage without a model)."""
        p = self.settings.pipeline
        return {"translate": describe(self.settings, p.translate),
                "key_points": describe(self.settings, "transformers" if p.key_points == "abstractive" else None)}

    def translate_texts(self, texts: list[str], source: str, target: str) -> list[str]:
        """Translate plain texts (glossary terms and numbers protected)."""
        if (source, target) not in (("en", "ko"), ("ko", "en")):
            raise InputError(f"cannot translate {source!r} -> {target!r}; newsbridge translates en <-> ko")
        stage = self._stages.get("translate")
        if stage is None:
            raise ModelNotFoundError(f"translation backend {self.settings.pipeline.translate!r} is not available")
        return stage.translate_texts(texts, source, target)

    def detect_paragraphs(self, paragraphs: list[str]) -> Language:
        """Detect the language of paragraphs, each and as a whole."""
        return self._stages["detect"].detect_article(paragraphs)

    def process(self, text: str, *, html: bool | None = None, target: str | None = None,
                points: int = 5) -> Result:
        """Run every stage on one article and return the Result (see newsbridge.process)."""
        if target is not None and target not in TARGETS:
            raise InputError(f"unknown target language {target!r}; use 'en' or 'ko'")
        if not 1 <= points <= MAX_POINTS:
            raise InputError(f"points must be between 1 and {MAX_POINTS}, got {points}")
        article = self.clean(text, html)
        language = self.detect_paragraphs([p.text for p in article.paragraphs])
        warnings: list[ResultWarning] = []
        if language.mixed:
            others = sorted({p.code for p in language.paragraphs if p.code != language.code})
            warnings.append(ResultWarning(
                code="mixed_language", stage="detect",
                message=f"the article is mostly {language.code!r} but has paragraphs in {', '.join(others)}",
            ))
        article = self.segment(article, language.code)
        result = Result(language=language, article=article, warnings=warnings)
        if language.code not in TARGETS:
            warnings.append(ResultWarning(
                code="unsupported_language", stage="detect",
                message="the article is neither English nor Korean; quotes, key points and translation were skipped",
            ))
            return result

        quotes: list[Quote] = []
        if "quotes" in self._stages:
            quotes = self.quotes(article, language.code)
        else:
            warnings.append(self._missing("quotes", "quotes are empty"))
        key_points: list[KeyPoint] = []
        if "key_points" in self._stages:
            key_points = self.key_points(article, quotes, language.code, points, warnings)
        else:
            warnings.append(self._missing("key_points", "key points are empty"))
        translation = None
        if target is not None:
            if target == language.code:
                warnings.append(ResultWarning(
                    code="same_language", stage="translate",
                    message=f"the article is already in {target!r}; nothing to translate",
                ))
            elif "translate" in self._stages:
                try:
                    translation = self._stages["translate"].translate_result(
                        article, quotes, key_points, language.code, target)
                except ModelNotFoundError as exc:
                    warnings.append(ResultWarning(code="model_missing", stage="translate",
                                                  message=f"{exc}; translation is null"))
            else:
                warnings.append(self._missing("translate", "translation is null"))
        return Result(language=language, article=article, quotes=quotes, key_points=key_points,
                      translation=translation, warnings=warnings)


@functools.lru_cache(maxsize=8)
def default_pipeline(config: str | None = None) -> Pipeline:
    """The shared pipeline for a config file (None: defaults and $NEWSBRIDGE_CONFIG).

    Pipelines hold loaded models, so each config gets one, built on first use.
    """
    return Pipeline(load_settings(config))


def translation_failure(result: Result) -> ResultWarning | None:
    """Why a Result asked for a translation has none (same language, other language, no model)."""
    return next((w for w in result.warnings if w.stage in ("translate", "detect")), None)
