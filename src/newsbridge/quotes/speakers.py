"""Speaker resolution shared by English and Korean: who is 'he', 'Kim', 'the senator', '김 위원장'.

The tracker remembers every speaker named so far, most recent last. A pronoun goes to the most
recent compatible person; a bare surname to the person introduced earlier with that surname
(a different full name is a different person, never merged); a title alone ('the senator',
'김 위원장') to the most recent person who carried that title. When nothing fits, the words
stay as written: better an unresolved 'a source' than the wrong name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Romanised Korean surnames: in 'Kim Jong Un' or 'Moon Jae-in' the surname comes first.
ROMAN_KOREAN_SURNAMES = {
    "kim", "lee", "yi", "park", "pak", "choi", "choe", "jung", "jeong", "chung", "kang", "cho",
    "jo", "yoon", "yun", "jang", "chang", "lim", "im", "han", "oh", "seo", "suh", "shin", "kwon",
    "hwang", "ahn", "an", "song", "ryu", "yoo", "yu", "hong", "jeon", "chun", "ko", "go", "moon",
    "mun", "yang", "son", "bae", "baek", "heo", "nam", "noh", "roh", "ha", "kwak", "sung", "cha",
    "ju", "joo", "woo", "koo", "ku", "min", "jin", "na", "ji", "um", "won", "chae",
}
# Single-syllable Korean surnames (and the common two-syllable ones), for Hangul names.
HANGUL_SURNAMES = set(
    "김이박최정강조윤장임한오서신권황안송류유홍전고문양손배백허남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반라왕금옥육인맹제모탁국어은편용예경봉사부가복태목형피두감"
) | {"남궁", "제갈", "선우", "황보", "독고", "사공", "서문"}

_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
_POSSESSIVE = re.compile(r"(?:'s|’s|')$")


def surname_keys(name: str) -> set[str]:
    """The ways a person's surname alone may refer to them ('Kazianis'; 'Kim' for Kim Jong Un)."""
    if re.fullmatch(r"[가-힣]{2,5}", name):
        two = name[:2]
        return {two} if two in HANGUL_SURNAMES and len(name) >= 4 else {name[0]}
    tokens = [t for t in name.replace(",", " ").split() if t.lower() not in _SUFFIXES]
    if not tokens:
        return set()
    keys = {_POSSESSIVE.sub("", tokens[-1]).lower()}
    if len(tokens) >= 2 and tokens[0].lower() in ROMAN_KOREAN_SURNAMES and (
        len(tokens) == 3 or "-" in tokens[-1]
    ):
        keys.add(tokens[0].lower())
    return keys


@dataclass(frozen=True)
class Attribution:
    """A speaker phrase found next to a quote, parsed by a language module.

    kind: 'person', 'org', 'pronoun' or 'descriptor' (a title or description with no name:
    'the senator', '시 관계자', 'a source'). For a description, `title_word` ('senator',
    '위원장') and `surname` ('김' in '김 위원장') let it be resolved to a person met earlier.
    """

    kind: str
    name: str
    title: str | None
    cue: str | None
    gender: str | None = None
    title_word: str | None = None
    surname: str | None = None


@dataclass
class Entity:
    """A speaker met in the article."""

    name: str
    title: str | None = None
    gender: str | None = None  # 'm', 'f' or None when unknown
    is_person: bool = True
    keys: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Resolved:
    """The speaker of one quote, and how it was found (None = named next to the quote)."""

    speaker: str | None
    title: str | None
    resolved_from: str | None


class SpeakerTracker:
    """Remembers who has spoken, to resolve pronouns, surnames and titles."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []  # most recent last

    def _touch(self, entity: Entity) -> Entity:
        self.entities.remove(entity)
        self.entities.append(entity)
        return entity

    def named(self, name: str, title: str | None = None, gender: str | None = None,
              is_person: bool = True) -> Entity:
        """A speaker named in the text; a bare surname joins the person introduced earlier."""
        for entity in reversed(self.entities):
            if entity.name == name:
                break
        else:
            entity = None
            single = len(name.split()) == 1 and not re.fullmatch(r"[가-힣]{2,5}", name)
            if is_person and (single or len(name) == 1):
                key = _POSSESSIVE.sub("", name).lower()
                entity = next((e for e in reversed(self.entities)
                               if e.is_person and key in e.keys and e.name != name), None)
            elif not is_person:
                # A short form of an organisation named before: '통신' for '조선중앙통신'.
                entity = next((e for e in reversed(self.entities)
                               if not e.is_person and e.name.endswith(name) and e.name != name), None)
        if entity is None:
            entity = Entity(name=name, is_person=is_person,
                            keys=surname_keys(name) if is_person else set())
            self.entities.append(entity)
        if title and not entity.title:
            entity.title = title
        if gender and not entity.gender:
            entity.gender = gender
        return self._touch(entity)

    def plausible(self, name: str) -> bool:
        """A full name, or a single word that is the surname of someone met before: enough to
        remember as a mention ('In', 'Those' at the start of a sentence are not people)."""
        if len(name.split()) > 1 or re.fullmatch(r"[가-힣]{2,5}", name):
            return True
        key = _POSSESSIVE.sub("", name).lower()
        return any(key in e.keys for e in self.entities)

    def pronoun(self, gender: str | None, person: bool = True) -> Entity | None:
        """The most recent speaker a pronoun of `gender` can refer to."""
        for entity in reversed(self.entities):
            if entity.is_person != person:
                continue
            if gender and entity.gender and entity.gender != gender:
                continue
            if gender and not entity.gender:
                entity.gender = gender
            return self._touch(entity)
        return None

    def by_title(self, title_word: str, surname: str | None = None) -> Entity | None:
        """The most recent person whose title contains `title_word` (and has `surname`)."""
        word = title_word.lower()
        for entity in reversed(self.entities):
            if not entity.is_person or not entity.title or word not in entity.title.lower():
                continue
            if surname and surname.lower() not in entity.keys:
                continue
            return self._touch(entity)
        if surname:
            for entity in reversed(self.entities):
                if entity.is_person and surname.lower() in entity.keys:
                    return self._touch(entity)
        return None

    @property
    def last(self) -> Entity | None:
        return self.entities[-1] if self.entities else None


def resolve(att: Attribution, tracker: SpeakerTracker) -> Resolved:
    """Resolve a parsed attribution to a speaker, remembering it for the quotes after it."""
    if att.kind == "person":
        entity = tracker.named(att.name, att.title, att.gender)
        return Resolved(entity.name, att.title or entity.title, None)
    if att.kind == "org":
        entity = tracker.named(att.name, att.title, is_person=False)
        return Resolved(entity.name, att.title, None)
    if att.kind == "pronoun":
        if att.gender or att.name in ("he", "she", "그", "그녀"):
            entity = tracker.pronoun(att.gender)
        elif att.name in ("they", "it", "그들", "이들"):
            entity = tracker.pronoun(None, person=False)
        else:
            entity = None  # 'I' or 'we' in reporting: nobody we can name
        if entity:
            return Resolved(entity.name, entity.title, "pronoun")
        return Resolved(None, None, "pronoun")
    entity = tracker.by_title(att.title_word, att.surname) if att.title_word or att.surname else None
    if entity:
        return Resolved(entity.name, entity.title, "title-only")
    return Resolved(att.name, att.title, "title-only")
