"""Request and response bodies of the HTTP API: pydantic models mirroring schema.json.

Responses are built by validating the document model's to_dict() output against these, so
the API and the JSON Schema cannot drift apart unnoticed.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Lang = Literal["en", "ko", "other"]
Target = Literal["en", "ko"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --- requests -------------------------------------------------------------------------------

class ArticleRequest(_Strict):
    """An article as pasted text or as HTML (give one of `text`, `html`)."""

    text: str | None = Field(None, description="article text as pasted from a web page")
    html: str | None = Field(None, description="the article page's HTML")


class ProcessRequest(ArticleRequest):
    target: Target | None = Field(None, description="translate into this language")
    points: int = Field(5, ge=1, le=20, description="number of key points")


class SummarizeRequest(ArticleRequest):
    points: int = Field(5, ge=1, le=20)


class DetectRequest(_Strict):
    text: str


class TranslateRequest(_Strict):
    text: str | list[str] = Field(..., description="one text or a list of texts")
    source: Literal["auto", "en", "ko"] = "auto"
    target: Target


# --- responses ------------------------------------------------------------------------------

class ParagraphLanguage(_Strict):
    index: int
    code: Lang
    confidence: float


class Language(_Strict):
    code: Lang
    confidence: float
    mixed: bool
    paragraphs: list[ParagraphLanguage]


class Paragraph(_Strict):
    index: int
    start: int
    end: int
    text: str


class Sentence(_Strict):
    id: int
    paragraph: int
    start: int
    end: int
    text: str


class Caption(_Strict):
    text: str
    credit: str | None


class Article(_Strict):
    title: str | None
    byline: str | None
    email: str | None
    publisher: str | None
    published: str | None
    dateline: str | None
    paragraphs: list[Paragraph]
    sentences: list[Sentence]
    captions: list[Caption]
    source_format: Literal["text", "html"]
    body: str


class Quote(_Strict):
    id: str
    text: str
    start: int
    end: int
    paragraph: int
    speaker: str | None
    speaker_title: str | None
    mention: str | None
    cue: str | None
    resolved_from: Literal["continuation", "pronoun", "title-only", "headline"] | None
    confidence: float = Field(ge=0, le=1)
    kind: Literal["speech", "scare"]


class KeyPoint(_Strict):
    text: str
    sentence_ids: list[int]
    start: int
    end: int
    quote_ids: list[str]


class Check(_Strict):
    name: str
    ok: bool
    item: str
    detail: str | None


class Translation(_Strict):
    source: Target
    target: Target
    model: str
    title: str | None
    paragraphs: list[str]
    key_points: list[str]
    quotes: dict[str, str]
    checks: list[Check]


class Warning(_Strict):  # noqa: A001 - mirrors the JSON field name
    code: str
    message: str
    stage: str | None


class Result(_Strict):
    schema_version: str
    language: Language
    article: Article
    quotes: list[Quote]
    key_points: list[KeyPoint]
    translation: Translation | None
    warnings: list[Warning]


class QuotesResponse(_Strict):
    language: Language
    quotes: list[Quote]
    warnings: list[Warning]


class SummarizeResponse(_Strict):
    language: Language
    key_points: list[KeyPoint]
    warnings: list[Warning]


class TranslateResponse(_Strict):
    source: Target
    target: Target
    model: str
    translations: list[str]


class ErrorBody(_Strict):
    code: str
    message: str


class ErrorResponse(_Strict):
    error: ErrorBody
