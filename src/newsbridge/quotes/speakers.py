"""From the mention at a quote to its speaker, shared by English and Korean.

A language module parses the words at a quote into an `Attribution` (the mention: 'Doug
McCallum', 'he', 'Kim', 'the mayor', '김 학장', '시 관계자'); `resolve` maps it to an entity of
the article's `EntityModel`, by position: a name to the person it names (a surname to the
full name introduced before), a pronoun to the person mentioned last with a compatible
gender, a description to the entity that carries that role. A description nobody in the
article carries stays as written when it is indefinite ('a source', '시 관계자': an unnamed
source) and gives no speaker when it is definite ('the mayor' with no mayor met): better a
null than the wrong name. Each result says how sure it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .entities import Candidate, Entity, EntityModel
from .names import (DOCUMENT_NOUNS, ORG_ROLE_NOUNS, TITLE_SUFFIXES, can_speak, gender_of_words, head_noun,
                    is_person_noun, ko_body_kind)

# Determiners of a description that stands for nobody named: 'a source', 'one resident'.
_INDEFINITE = ("a ", "an ", "one ", "another ", "some ", "several ", "many ", "two ", "three ",
               "four ", "most ", "other ", "both ", "한 ", "일부 ")


_NAMED_INSIDE = re.compile(r"\b(?:[A-Z]{2,6}\b|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+)")
_DETERMINER_WORDS = {"a", "an", "the", "one", "another", "his", "her", "their", "its"}
# Heads of the descriptions that stand for anonymous sources: 'the official', 'the source'.
_SOURCE_NOUNS = {"official", "source", "spokesman", "spokeswoman", "spokesperson", "aide", "adviser",
                 "advisor", "person", "staffer", "insider", "diplomat", "officer", "employee"}
# 'the man', 'the woman': as often the stranger of a story as anybody named.
_GENERIC_NOUNS = {"man", "woman", "boy", "girl", "guy", "child", "teenager", "resident", "driver", "victim"}
_POSSESSIVES = {"his": "m", "her": "f", "their": None, "its": None}
@dataclass(frozen=True)
class Attribution:
    """A speaker phrase found next to a quote, parsed by a language module.

    kind: 'person', 'org', 'pronoun', 'descriptor' (a title or description with no name:
    'the senator', '시 관계자', 'a source'), 'continuation' or 'scare'. For a description,
    `title_word` ('senator', '위원장') and `surname` ('김' in '김 위원장') let it be resolved
    to a person met earlier.
    """

    kind: str
    name: str
    title: str | None
    cue: str | None
    gender: str | None = None
    title_word: str | None = None
    surname: str | None = None


@dataclass(frozen=True)
class Resolved:
    """The speaker of one quote, the mention it was found from, and how (None = named next
    to the quote) and how surely (0-1) it was found."""

    speaker: str | None
    title: str | None
    resolved_from: str | None
    mention: str | None
    confidence: float


def resolve(att: Attribution, model: EntityModel, at: int, exclude: tuple[str, ...] = ()) -> Resolved:
    """Resolve a parsed attribution at body offset `at` to a speaker, and record the mention.
    `exclude`: people the attribution itself addresses, who are not the speaker."""
    if att.kind == "org" and " " not in att.name and model.find(att.name, at, kind="org") is None:
        # '학장은', 'Mayor said' with no name: a role a person of the article holds (not the
        # short form of a body named before: '한은' is 한국은행, not its 총재).
        found = model.by_role(att.name, at, org=False)
        if found.entity is not None and found.entity.name != att.name:
            return _from(found, att, "title-only", model, at)
    words = att.name.split()
    if att.kind in ("org", "descriptor") and len(words) == 2 and words[0] in ("시", "도", "군", "구"):
        # '시 교육청': the city's office, named in full before ('대구시교육청').
        body = model.find(words[1], at, kind="org")
        if body is not None and body.name != words[1]:
            model.spoke(body, at)
            return Resolved(body.name, body.title, "title-only", att.name, 0.7)
    kind = ko_body_kind(att.name) if att.kind in ("org", "descriptor") else None
    if kind is not None:
        # '재판부는', '회사 측은': the one body of that kind the article names (before, or
        # anywhere for a headline's quote).
        named = {e.name: e for e in model.entities if e.kind == "org" and e.name != att.name and kind.search(e.name)}
        named = {n: e for n, e in named.items() if not any(m.startswith(n + " ") for m in named)}  # the court, and its division
        instance = _INSTANCE.get(att.name.split()[0]) if " " in att.name else None
        if instance is not None and any(instance.search(n) for n in named):
            # '항소심 재판부' is the appeal court's panel, '1심 재판부' the first court's.
            named = {n: e for n, e in named.items() if instance.search(n)}
        # Of several, the one named last, in a sentence of its own ('형사합의25부는 …. 당시
        # 재판부는'); two named in one sentence ('한빛전자와 해솔제약은') leave it open.
        before = sorted((e for e in named.values() if e.last_before(at) is not None), key=lambda e: -e.last_before(at))
        if len(before) > 1 and model.sentence_of(before[0].last_before(at)) == model.sentence_of(before[1].last_before(at)):
            before = []
        if len(named) == 1 or before:
            entity = before[0] if before else next(iter(named.values()))
            model.spoke(entity, at)
            return Resolved(entity.name, entity.title, "title-only", att.name, 0.7)
    if att.kind == "person" and re.fullmatch(r"[가-힣](?:모|아무개)", att.name):
        # '김모씨는' after '김모(38)씨': the one of that surname the paper introduced with an age.
        aged = [e for e in model.entities if e.kind == "person" and e.name.startswith(att.name + "(")
                and e.last_before(at) is not None]
        if aged:
            att = Attribution("person", max(aged, key=lambda e: e.last_before(at)).name, att.title, att.cue)
    if att.kind == "person" and re.fullmatch(r"[가-힣]{2,4}", att.name):
        body = model.find(att.name, at, kind="org")
        if body is not None and body.kind == "org":
            att = Attribution("org", body.name, att.title, att.cue)  # '천문연은': 한국천문연구원's short form
    if att.kind in ("person", "org"):
        entity = model.mention(att.name, att.kind, at, att.title, att.gender,
                               roles=(att.title_word,) if att.title_word else (), strong=True)
        model.spoke(entity, at)
        if att.kind == "org":
            confidence = 0.9
        elif len(att.name.split()) > 1 or len(entity.name) > len(att.name):
            confidence = 0.95  # a full name, or a surname that joins one
        else:
            confidence = 0.7  # a surname alone, nobody introduced with it
        return Resolved(entity.name, att.title or entity.title, None, att.name, confidence)
    if att.kind == "pronoun":
        if att.name in ("he", "she", "그", "그녀"):
            found = model.pronoun(att.gender, at, exclude=exclude)
        elif att.name in ("they", "it", "그들", "이들"):
            # 'they' is as often a crowd nobody names as an organisation: only one named
            # close by, as a subject or speaker, is taken for it.
            found = model.pronoun(None, at, plural=True, within=2)
            if found.entity is not None and found.entity.last_before(at, found.entity.salient) is None:
                found = Candidate(None, 0.2)
        else:
            found = Candidate(None, 0.1)  # 'I' or 'we' in reporting: nobody we can name
        return _from(found, att, "pronoun", model, at)
    words = att.name.lower().split()
    head = words[-1] if words else ""
    if att.name.lower() in ("the former", "the latter"):
        # 'Sen. Bell … and Sen. Kowalski …. The former had wanted …, while the latter insisted':
        # the first or the second of two people the sentence before (or this one) names.
        here = model.sentence_of(at)
        for k in (here, here - 1, here - 2):
            people = [e for e in model.people_named(k) if any(model.sentence_of(m) == k and m < at for m in e.mentions)] \
                if k >= 0 else []
            if len(people) >= 2:
                entity = people[0] if head == "former" else people[-1]
                model.spoke(entity, at)
                return Resolved(entity.name, entity.title, "title-only", att.name, 0.7)
    if att.name.startswith("한 ") and len(words) == 2 and words[1].endswith(TITLE_SUFFIXES) and not words[1].endswith(("씨", "측", "관계자")):
        # '한 감독': the coach 한태섭, if the article has one; else 'a coach' (and '한 관광객' is
        # always 'a tourist': the surname goes with a title).
        found = model.by_role(words[1], at, "한")
        if found.entity is not None and "한" in found.entity.keys:
            return _from(found, att, "title-only", model, at)
    if att.name.lower().startswith(_INDEFINITE):
        # 'a top aide', 'one senior Democrat', '한 주민': by definition nobody the article names.
        return _unnamed(att, model, at, head)
    inside = _named_inside(att, model, at)
    if inside is not None:
        return inside
    found = Candidate(None, 0.1)
    if att.title_word or att.surname:
        found = model.by_role(att.title_word or "", at, att.surname)
    if found.entity is None and head in ORG_ROLE_NOUNS:
        found = model.by_role(head, at, org=True)
        if found.entity is None:
            found = model.latest_org(at, head)
        if found.entity is None:
            # 'Twitter said on Monday … the company said', 'Emerald Skies has cancelled … The
            # airline said': an organisation met only by name.
            nameless = model.nameless_subject(at)
            if nameless is not None:
                name, entity = nameless
                if entity is not None:
                    model.spoke(entity, at)
                return Resolved(name, None, "title-only", att.name, 0.5)
    if found.entity is not None:
        return _from(found, att, "title-only", model, at)
    if words and words[0] in _POSSESSIVES and head in DOCUMENT_NOUNS:
        # 'his announcement speech', 'her statement': what the owner of the possessive says.
        owner = model.pronoun(_POSSESSIVES[words[0]], at, plural=words[0] in ("its", "their"))
        if owner.entity is not None:
            return _from(Candidate(owner.entity, min(owner.confidence, 0.6)), att, "title-only", model, at)
    if words and words[0] in _POSSESSIVES and head in ORG_ROLE_NOUNS:
        # 'his campaign', 'her office': the organisation of the person the possessive is.
        owner = model.pronoun(_POSSESSIVES[words[0]], at, plural=words[0] == "its")
        if owner.entity is not None:
            surname = owner.entity.name.split()[-1]
            return Resolved(f"{surname} {head}", None, "title-only", att.name, min(owner.confidence, 0.6))
    if words and words[0] == "the" and len(words) > 1 and is_person_noun(head) and not _plural(head) \
            and head not in DOCUMENT_NOUNS:
        if head in _SOURCE_NOUNS:
            # 'A senior official said … "…," the official said': the same unnamed source.
            return _unnamed(att, model, at, head, model.unnamed_with(head, at))
        # 'the Vermont senator', 'the investor', 'The former first lady': a definite description
        # refers back to somebody in focus whom the words fit. A title, or a proper name in it,
        # reaches further back than a bare description; 'the man' alone may be anybody.
        specific = bool(att.title_word) or any(w[:1].isupper() for w in att.name.split()[1:])
        gender = gender_of_words(head)
        # Without a title or a name, only a word that says the gender ('the actress', 'the former
        # first lady') is sure enough: 'the neighbor' or 'the lawyer' may be anybody.
        if specific or (gender and not (len(words) == 2 and head in _GENERIC_NOUNS)):
            found = model.pronoun(gender, at, within=3, exclude=exclude, description=True)
            if found.entity is not None:
                return _from(Candidate(found.entity, min(found.confidence, 0.6 if specific else 0.55)),
                             att, "title-only", model, at)
    if att.title_word and not att.surname and att.name[:1].isascii() and att.name[:1].islower():
        # 'the mayor' with no mayor in the article: nobody we can name.
        return Resolved(None, None, "title-only", att.name, 0.2)
    return _unnamed(att, model, at, head)


def _named_inside(att: Attribution, model: EntityModel, at: int) -> Resolved | None:
    """'an FBI investigation', 'the nationalist Global Times tabloid': the body a description of
    a thing names ('a State Department official' is a person, not the department)."""
    named = _NAMED_INSIDE.findall(att.name)
    if not named or is_person_noun(head_noun(att.name)) or (
            att.name[:1].isupper() and att.name.split()[0].lower() not in _DETERMINER_WORDS):
        return None
    entity = model.find(named[-1], at, kind="org")
    if entity is None and not named[-1].isupper():
        return None
    return _from(Candidate(entity or model.mention(named[-1], "org", at), 0.5), att, "title-only", model, at)


def _unnamed(att: Attribution, model: EntityModel, at: int, head: str, earlier: Entity | None = None) -> Resolved:
    """A source the article describes but does not name: the description is the speaker, if
    it can stand for one at all ('a resident', 'officials', 'the report'; not 'two weeks ago').
    `earlier`: the same unnamed source, met before by a fuller description."""
    if att.name.isascii() and not can_speak(head_noun(att.name)):
        return Resolved(None, None, "title-only", att.name, 0.1)
    if earlier is not None:
        model.spoke(earlier, at)
        return Resolved(earlier.name, earlier.title, "title-only", att.name, 0.5)
    if is_person_noun(head) and not head.endswith("s"):
        # 'the woman, who did not want to be named': somebody a later 'she' may be.
        entity = model.mention(att.name, "person", at, gender=gender_of_words(head), strong=True, unnamed=True)
        model.spoke(entity, at)
    return Resolved(att.name, att.title, "title-only", att.name, 0.5)


# Which court a Korean panel of an instance sits in, by the court's name.
_INSTANCE = {
    "항소심": re.compile(r"고법|고등법원|항소"), "2심": re.compile(r"고법|고등법원|항소"),
    "1심": re.compile(r"지법|지방법원|단독"), "원심": re.compile(r"지법|지방법원|단독"),
    "상고심": re.compile(r"대법원"),
}


def _from(found: Candidate, att: Attribution, how: str, model: EntityModel, at: int) -> Resolved:
    entity = found.entity
    if entity is None:
        return Resolved(None, None, how, att.name, found.confidence)
    model.spoke(entity, at)
    return Resolved(entity.name, entity.title, how, att.name, found.confidence)


def _plural(noun: str) -> bool:
    """'officials', not 'actress' or 'boss'."""
    return noun.endswith("s") and not noun.endswith(("ss", "us", "is"))

