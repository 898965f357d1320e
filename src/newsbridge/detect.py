"""Language detection: English, Korean or 'other', deterministic, robust on short text.

Writing systems decide most cases outright: Hangul means Korean (a Korean article full of
English names is still Korean), kana or Han without Hangul, Cyrillic, Arabic... mean 'other'.
Only Latin-script text needs statistical models to tell English from Spanish or German:
lingua (high accuracy on fragments, a few languages) and langdetect (55 languages, reliable
from about five words). Because newsbridge serves English and Korean newsrooms, their answers
are weighed with a prior that favours English: a two-word fragment like "Dr. Ehud" is far
more likely an English snippet than Slovene, while a full Spanish sentence still comes out
'other'. scripts/eval_detect.py measures all of this.
"""

from __future__ import annotations

import functools
import gc
import re
import unicodedata
from dataclasses import dataclass
from typing import Protocol

from .document import Language, ParagraphLanguage
from .errors import ConfigError

# A text whose letters are at least this share Hangul is Korean; below it, Hangul is taken
# as a quoted name inside another language. In a short text any Hangul at all decides it:
# Korean writes Latin names with Hangul particles ("NPWS의 Park"), English never the reverse.
HANGUL_SHARE_KO = 0.1
SHORT_TEXT_LETTERS = 40
# Prior odds for English against the single best other Latin-script language. Large enough
# to keep short English fragments English, small enough that a real foreign sentence (whose
# English likelihood is near zero) is not pulled over.
ENGLISH_PRIOR_ODDS = 20.0
# Paragraphs shorter than this many letters are too short to call an article mixed.
MIXED_MIN_LETTERS = 20
# P(English), prior included, from which lingua's trigram models are trusted on their own.
SURE_ENGLISH = 0.99
# At most this many characters are given to the statistical model: language does not
# change halfway through a paragraph, and the models' cost grows with length.
SAMPLE_CHARS = 2000


class LatinScorer(Protocol):
    """Scores Latin-script text: returns {iso 639-1 code: probability}, summing to <= 1."""

    def scores(self, text: str) -> dict[str, float]: ...

    def preload(self) -> None:
        """Load every model now rather than on first need (for a long-running service)."""


@dataclass(frozen=True)
class ScriptCounts:
    """Letters of a text counted by writing system."""

    hangul: int = 0
    latin: int = 0
    kana: int = 0
    han: int = 0
    other: int = 0

    @property
    def letters(self) -> int:
        return self.hangul + self.latin + self.kana + self.han + self.other


def count_scripts(text: str) -> ScriptCounts:
    """Count the letters of `text` by writing system (digits, spaces, punctuation ignored)."""
    hangul = latin = kana = han = other = 0
    for ch in text:
        o = ord(ch)
        if o < 128:
            if ch.isalpha():
                latin += 1
            continue
        if 0xAC00 <= o <= 0xD7A3 or 0x1100 <= o <= 0x11FF or 0x3130 <= o <= 0x318F:
            hangul += 1
        elif 0x3040 <= o <= 0x30FF or 0x31F0 <= o <= 0x31FF:
            kana += 1
        elif 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF:
            han += 1
        elif ch.isalpha():
            if unicodedata.name(ch, "").startswith("LATIN"):
                latin += 1
            else:
                other += 1
    return ScriptCounts(hangul, latin, kana, han, other)


class LinguaScorer:
    """Lingua in high-accuracy mode, restricted to English and six major European languages.

    High accuracy is what makes two- and four-word fragments reliable, but its models (one-
    to five-letter n-grams) cost about 170 MB and most of a second to load, so the set of
    languages is kept small (the other languages of the world are langdetect's job, see
    Detector) and the models are loaded only when a text needs them. Lingua itself judges a
    text of 120 characters or more by its trigram models alone, the whole of its low-accuracy
    mode (a tenth of the memory and load time); shorter texts are tried with those first,
    and only when they do not clearly say English (SURE_ENGLISH) do the high-accuracy models
    decide. Trigrams alone are often sure of the wrong foreign language on a fragment of
    English names ("Del Potro"), never (on 24,845 texts: FLORES lines and their prefixes,
    article paragraphs, other languages) sure of English where the full models say otherwise;
    such a text keeps the trigram models' probability as its confidence.
    """

    LANGUAGES = ("ENGLISH", "SPANISH", "GERMAN", "FRENCH", "ITALIAN", "PORTUGUESE", "DUTCH")

    def __init__(self) -> None:
        # Both detectors share lingua's process-wide model store: nothing loads twice.
        self._trigrams = self._builder().with_low_accuracy_mode().build()
        self._full = self._builder().build()

    @classmethod
    def _builder(cls):  # lingua has no type stubs
        from lingua import Language as LinguaLanguage
        from lingua import LanguageDetectorBuilder

        return LanguageDetectorBuilder.from_languages(*[getattr(LinguaLanguage, n) for n in cls.LANGUAGES])

    @staticmethod
    def _scores(detector, text: str) -> dict[str, float]:
        return {
            cv.language.iso_code_639_1.name.lower(): cv.value
            for cv in detector.compute_language_confidence_values(text)
        }

    def quick_scores(self, text: str) -> dict[str, float]:
        """The trigram models' scores alone."""
        return self._scores(self._trigrams, text)

    def scores(self, text: str) -> dict[str, float]:
        found = self.quick_scores(text)
        if english_probability(found) >= SURE_ENGLISH:
            return found
        return self._scores(self._full, text)

    def preload(self) -> None:
        self._full = self._builder().with_preloaded_language_models().build()


class LangdetectScorer:
    """langdetect (Google's language-detection port), seeded so results are repeatable.

    Its 55 language profiles load when the scorer is built, which happens on the first text
    that needs it.
    """

    def __init__(self, seed: int = 0) -> None:
        from langdetect import DetectorFactory
        from langdetect.detector_factory import init_factory

        # langdetect samples n-grams at random; without a fixed seed the same text can come
        # out in different languages on different runs.
        DetectorFactory.seed = seed
        self._seed = seed
        # The profiles become 88,000 lists of floats, none in a reference cycle; Python's
        # cycle collector scanning them again and again while they are built doubles the
        # load time (0.27 s to 0.13 s here), so it waits until they are done.
        enabled = gc.isenabled()
        gc.disable()
        try:
            init_factory()
        finally:
            if enabled:
                gc.enable()

    def preload(self) -> None:
        pass  # loaded when built

    def scores(self, text: str) -> dict[str, float]:
        from langdetect import DetectorFactory, detect_langs
        from langdetect.lang_detect_exception import LangDetectException

        DetectorFactory.seed = self._seed
        try:
            found = detect_langs(text)
        except LangDetectException:
            return {}
        return {str(item.lang).split("-")[0]: float(item.prob) for item in found}


SCORERS = {"lingua": LinguaScorer, "langdetect": LangdetectScorer}

# Which scorers vote on Latin-script text, per backend name (config: [pipeline] detect).
# "lingua": lingua decides short fragments, and langdetect, which knows 55 languages, can veto
# English once a text is long enough for it to be reliable. "langdetect": langdetect alone.
BACKENDS = {"lingua": ("lingua", "langdetect"), "langdetect": ("langdetect",)}
# langdetect is unreliable on fewer words than this; below it, only lingua votes.
VETO_MIN_WORDS = 5


@functools.lru_cache(maxsize=None)
def get_scorer(name: str) -> LatinScorer:
    """The shared scorer called `name`, built on first use (models load lazily)."""
    return SCORERS[name]()


def english_probability(scores: dict[str, float]) -> float:
    """P(English) from a scorer's output, after weighing in the prior for English."""
    en = scores.get("en", 0.0)
    best_other = max((v for k, v in scores.items() if k != "en"), default=0.0)
    if en == 0.0 and best_other == 0.0:
        return 0.5  # no opinion (a lone acronym, digits): the prior alone decides
    weighted_en = ENGLISH_PRIOR_ODDS * en
    return weighted_en / (weighted_en + best_other)


class Detector:
    """Decides en / ko / other for a text, and per paragraph for an article."""

    def __init__(self, backend: str = "lingua") -> None:
        if backend not in BACKENDS:
            raise ConfigError(
                f"unknown language detector {backend!r}; choose one of: {', '.join(sorted(BACKENDS))}"
            )
        self.backend = backend

    def preload(self) -> None:
        """Load the statistical models now (they otherwise load on the first text that needs them)."""
        for name in BACKENDS[self.backend]:
            get_scorer(name).preload()

    def detect(self, text: str, veto: bool = True) -> tuple[str, float]:
        """Return (code, confidence) for one piece of text; code is 'en', 'ko' or 'other'.

        `veto=False` skips langdetect's second opinion on Latin text (it costs ~10 ms a call):
        for the paragraphs of an article, whose language as a whole is checked with it once.
        """
        return self._by_script(text) or self._latin(text[:SAMPLE_CHARS], veto)

    @staticmethod
    def _by_script(text: str) -> tuple[str, float] | None:
        """(code, confidence) when the writing system decides; None for Latin-script text."""
        counts = count_scripts(text)
        if counts.letters == 0:
            return "other", 0.0
        if counts.kana:
            # Kana only occurs in Japanese; Korean text never contains it.
            return "other", round(min(1.0, 0.5 + counts.kana / counts.letters), 3)
        hangul_share = counts.hangul / counts.letters
        if hangul_share >= HANGUL_SHARE_KO or (
            counts.hangul and counts.letters < SHORT_TEXT_LETTERS
        ):
            return "ko", round(min(1.0, 0.5 + hangul_share), 3)
        non_latin = counts.han + counts.other + counts.hangul
        if non_latin > counts.latin:
            return "other", round(non_latin / counts.letters, 3)
        return None

    def _latin(self, text: str, veto: bool = True) -> tuple[str, float]:
        scorers = BACKENDS[self.backend]
        if len(scorers) > 1 and (not veto or len(text.split()) < VETO_MIN_WORDS):
            scorers = scorers[:1]
        p_en = min(english_probability(get_scorer(name).scores(text)) for name in scorers)
        if p_en >= 0.5:
            return "en", round(p_en, 3)
        return "other", round(1.0 - p_en, 3)

    def _paragraphs(self, paragraphs: list[str]) -> list[tuple[str, float]]:
        """(code, confidence) of each paragraph of an article.

        A short Latin-script paragraph that lingua's trigram models do not call English (a
        byline, a name, 'Skip to main content') would need its high-accuracy models, 170 MB
        and most of a second to load. In an article whose other Latin-script text the
        trigram models do call English, it is taken for English too, with their probability
        (at least 0.5) as confidence: its own text is too short to say more. The full models
        still judge it when nothing else in the article is surely English, or when it leans
        away from English and is long enough to make the article mixed. On 968 news articles
        and pages, split raw and cleaned (38,707 paragraphs), no article's language or mixed
        flag changed, 11 paragraphs did (names in English articles, 'John Weinbrecht.',
        'Geert Supré, 56.', that the full models had called 'other'), and the full models
        were needed for 57 of the 1,936 texts instead of most of them.
        """
        found = [self._by_script(par) for par in paragraphs]
        unsure: dict[int, float] = {}  # paragraph -> P(English) by the trigram models
        english = False  # some Latin-script paragraph is surely English
        for index, par in enumerate(paragraphs):
            if found[index] is not None:
                continue
            if BACKENDS[self.backend][0] != "lingua":
                found[index] = self._latin(par[:SAMPLE_CHARS], veto=False)
                continue
            p_en = english_probability(get_scorer("lingua").quick_scores(par[:SAMPLE_CHARS]))
            if p_en >= SURE_ENGLISH:
                found[index] = "en", round(p_en, 3)  # what the full path says: trigrams decide
                english = True
            else:
                unsure[index] = p_en
        for index, p_en in unsure.items():
            if english and (p_en >= 0.5 or count_scripts(paragraphs[index]).letters < MIXED_MIN_LETTERS):
                found[index] = "en", round(max(0.5, p_en), 3)
            else:
                found[index] = self._latin(paragraphs[index][:SAMPLE_CHARS], veto=False)
        return found

    def detect_article(self, paragraphs: list[str]) -> Language:
        """Detect each paragraph, and the article as the language of most of its text.

        The article is `mixed` when a paragraph long enough to judge is in another language.
        """
        per_par: list[ParagraphLanguage] = []
        weight: dict[str, float] = {}
        for index, (par, (code, conf)) in enumerate(zip(paragraphs, self._paragraphs(paragraphs))):
            per_par.append(ParagraphLanguage(index=index, code=code, confidence=conf))
            weight[code] = weight.get(code, 0.0) + len(par) * conf
        total = sum(weight.values())
        if total == 0:
            code, conf = self.detect("\n\n".join(paragraphs))
            return Language(code=code, confidence=conf, paragraphs=per_par)
        code = max(weight, key=weight.__getitem__)
        if code == "en" and len(BACKENDS[self.backend]) > 1:
            # The second opinion, once for the whole: is this English or another Latin language?
            sample = " ".join(p for p, pl in zip(paragraphs, per_par) if pl.code == "en")[:SAMPLE_CHARS]
            if self.detect(sample)[0] == "other":
                code = "other"
                weight["other"] = weight.get("other", 0.0) + weight.pop("en")
                per_par = [ParagraphLanguage(p.index, "other" if p.code == "en" else p.code, p.confidence)
                           for p in per_par]
        others = {
            p.code
            for p, text in zip(per_par, paragraphs)
            if p.code != code and count_scripts(text).letters >= MIXED_MIN_LETTERS
        }
        return Language(code=code, confidence=round(weight[code] / total, 3), mixed=bool(others),
                        paragraphs=per_par)


def split_paragraphs(text: str) -> list[str]:
    """The paragraphs of plain text: blocks separated by blank lines."""
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()] or [text]


def detect_language(text: str, backend: str = "lingua") -> Language:
    """Detect the language of `text`: 'en', 'ko' or 'other', with a confidence in [0, 1].

    Paragraphs (separated by blank lines) are detected too; `mixed` is true when a paragraph
    of some length is in another language than the whole.
    """
    return Detector(backend).detect_article(split_paragraphs(text))
