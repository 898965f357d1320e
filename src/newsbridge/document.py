"""The document model: what every stage reads and adds to, and the one JSON shape we emit.

Offsets (start, end) always index the cleaned body: the paragraphs joined by one blank line
("\\n\\n"), so `article.body[s.start:s.end] == s.text` for every sentence, quote and key point.
The JSON shape is a contract (CLI, feeds and HTTP all emit it), published as schema.json
beside this module; change both together and bump SCHEMA_VERSION.
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass, field
from typing import Any, NamedTuple

SCHEMA_VERSION = "1.2"
PARAGRAPH_SEPARATOR = "\n\n"


def _plain(value: Any) -> Any:
    """Dataclasses become dicts (without their internal fields), tuples JSON arrays."""
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)
                if not f.metadata.get("internal")}
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


class _Serializable:
    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict with stable field names."""
        return _plain(self)


class Morph(NamedTuple):
    """One morpheme of a Korean sentence (kiwipiepy's analysis); `start` is relative to the
    sentence. Kept so that later stages (quotes, key points) need not analyse again."""

    form: str
    tag: str
    start: int
    len: int


@dataclass(frozen=True)
class Paragraph(_Serializable):
    """One paragraph of the cleaned body."""

    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Sentence(_Serializable):
    """One sentence; `id` is its position in the article, `paragraph` the paragraph index."""

    id: int
    paragraph: int
    start: int
    end: int
    text: str
    # Not part of the JSON shape: an analysis for later stages, not a result.
    morphs: tuple[Morph, ...] = field(default=(), repr=False, compare=False,
                                      metadata={"internal": True})


@dataclass(frozen=True)
class Caption(_Serializable):
    """A photo caption taken out of the body, with its credit ('AP-Yonhap', '한빛시 제공')."""

    text: str
    credit: str | None = None


@dataclass(frozen=True)
class Article(_Serializable):
    """A cleaned article: metadata, body paragraphs, and (once segmented) sentences."""

    paragraphs: tuple[Paragraph, ...]
    title: str | None = None
    byline: str | None = None
    email: str | None = None
    publisher: str | None = None
    published: str | None = None
    dateline: str | None = None
    captions: tuple[Caption, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    source_format: str = "text"

    @classmethod
    def from_paragraphs(cls, texts: list[str], **metadata: Any) -> Article:
        """Build an article from paragraph texts, computing their offsets in the body."""
        paragraphs = []
        pos = 0
        for index, text in enumerate(texts):
            paragraphs.append(Paragraph(index=index, start=pos, end=pos + len(text), text=text))
            pos += len(text) + len(PARAGRAPH_SEPARATOR)
        return cls(paragraphs=tuple(paragraphs), **metadata)

    @functools.cached_property
    def body(self) -> str:
        """The cleaned body that all offsets point into (built once per article)."""
        return PARAGRAPH_SEPARATOR.join(p.text for p in self.paragraphs)

    def with_sentences(self, sentences: list[Sentence]) -> Article:
        """A copy of this article carrying `sentences`."""
        return dataclasses.replace(self, sentences=tuple(sentences))

    def to_dict(self) -> dict[str, Any]:
        data = super().to_dict()
        data["body"] = self.body
        return data


@dataclass(frozen=True)
class ParagraphLanguage(_Serializable):
    """The language of one paragraph."""

    index: int
    code: str
    confidence: float


@dataclass(frozen=True)
class Language(_Serializable):
    """The detected language: 'en', 'ko' or 'other', with per-paragraph detail."""

    code: str
    confidence: float
    mixed: bool = False
    paragraphs: list[ParagraphLanguage] = field(default_factory=list)


# Below this confidence an attribution is shown as doubtful (the page, Markdown output).
DOUBTFUL_BELOW = 0.6


@dataclass(frozen=True)
class Quote(_Serializable):
    """A direct quote and who said it.

    `speaker` is the person or organisation as the article introduced them (canonical name),
    `mention` the words at the quote that stand for them ('he', 'Kim', 'the mayor', '그는').
    `resolved_from` is None when the speaker is named next to the quote, else how the speaker
    was found: 'continuation', 'pronoun', 'title-only', or 'headline' (a headline's quote that
    repeats a quote of the body, given its speaker); `confidence` (0-1) how sure that is,
    so a tool can flag doubtful attributions. `kind` is 'speech' for words
    somebody said, 'scare' for quoted terms, titles or nicknames nobody said.
    """

    id: str
    text: str
    start: int
    end: int
    paragraph: int
    speaker: str | None
    speaker_title: str | None = None
    mention: str | None = None
    cue: str | None = None
    resolved_from: str | None = None
    confidence: float = 0.0
    kind: str = "speech"

    @property
    def doubtful(self) -> bool:
        """A speech quote whose speaker an editor should check."""
        return self.kind == "speech" and self.confidence < DOUBTFUL_BELOW


@dataclass(frozen=True)
class KeyPoint(_Serializable):
    """One key point, with the sentences it came from and the quotes it carries."""

    text: str
    sentence_ids: list[int]
    start: int
    end: int
    quote_ids: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Check(_Serializable):
    """One QA flag on a translated item (e.g. 'numbers', 'quote_count')."""

    name: str
    ok: bool
    item: str
    detail: str | None = None


@dataclass(frozen=True)
class Translation(_Serializable):
    """An article translated into `target`, quotes linked by id to their source quote."""

    source: str
    target: str
    model: str
    title: str | None
    paragraphs: list[str]
    key_points: list[str] = field(default_factory=list)
    quotes: dict[str, str] = field(default_factory=dict)
    checks: list[Check] = field(default_factory=list)


@dataclass(frozen=True)
class ResultWarning(_Serializable):
    """Something the user should know about a result that is still returned."""

    code: str
    message: str
    stage: str | None = None


@dataclass(frozen=True)
class Result(_Serializable):
    """Everything newsbridge found in one article: the one JSON shape we emit."""

    language: Language
    article: Article
    quotes: list[Quote] = field(default_factory=list)
    key_points: list[KeyPoint] = field(default_factory=list)
    translation: Translation | None = None
    warnings: list[ResultWarning] = field(default_factory=list)
    schema_version: str = SCHEMA_VERSION

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": self.schema_version,
            "language": self.language.to_dict(),
            "article": self.article.to_dict(),
            "quotes": [q.to_dict() for q in self.quotes],
            "key_points": [k.to_dict() for k in self.key_points],
            "translation": self.translation.to_dict() if self.translation else None,
            "warnings": [w.to_dict() for w in self.warnings],
        }
