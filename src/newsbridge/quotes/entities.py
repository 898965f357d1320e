"""The article's people and organisations: who a mention ('he', 'Kim', 'the mayor', '김 학장')
can stand for.

The model is built once per article, before any quote is attributed, from general signals:
a name after a title or honorific ('Mayor Doug McCallum', 'Ms Lee'), a name with a role in
apposition ('Jane Okafor, the chief medical officer,'), the subject of a reporting verb, a
Korean name before its 직함 ('김성근 학장'), an organisation's own word ('… Department',
'… Inc.', '…부'). Each entity keeps its canonical name (the fullest form met), the surfaces a
later mention may use (surname, 'Mr X', title + surname), its role nouns ('mayor', 'company',
'학장'), evidence of gender (honorifics, role words, the pronouns that follow it) and where it
is mentioned, so that a mention is resolved by position: to the entity mentioned last before
it, among those it can stand for. Mentions inside quotation marks are not counted: a name in
a quote is what somebody talked about, not who is talking.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from .names import gender_of_first_name, surname_keys


class Quoted:
    """The body ranges inside quote marks, for a fast `offset in quoted`."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        self._ranges = sorted(ranges)
        self._starts = [s for s, _ in self._ranges]

    def __contains__(self, at: int) -> bool:
        i = bisect.bisect_right(self._starts, at) - 1
        return i >= 0 and at < self._ranges[i][1]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether any quoted range meets body[start:end] (most sentences have none)."""
        i = bisect.bisect_right(self._starts, end) - 1
        return i >= 0 and self._ranges[i][1] > start or start in self


@dataclass
class Entity:
    """A person or organisation of the article."""

    name: str
    kind: str  # 'person' or 'org'
    title: str | None = None
    keys: set[str] = field(default_factory=set)  # lower-case surfaces: surname, full name
    roles: set[str] = field(default_factory=set)  # role nouns: 'mayor', 'company', '학장'
    votes: Counter = field(default_factory=Counter)  # gender evidence: 'm' / 'f'
    mentions: list[int] = field(default_factory=list)  # body offsets, ascending
    salient: list[int] = field(default_factory=list)  # offsets where it is a subject or speaker
    spoke: list[int] = field(default_factory=list)  # offsets of what it said (quotes, reported speech)
    strong: bool = False  # person evidence beyond a name's shape (title, cue, pronoun, role)
    unnamed: bool = False  # known only by a description: 'a senior official'

    @property
    def gender(self) -> str | None:
        """From the evidence in the article (honorifics and role words count most, then a
        common first name, then the pronouns that follow the person)."""
        prior = gender_of_first_name(self.name) if self.kind == "person" else None
        m = self.votes["m"] + (FIRST_NAME_WEIGHT if prior == "m" else 0)
        f = self.votes["f"] + (FIRST_NAME_WEIGHT if prior == "f" else 0)
        return "m" if m > f else "f" if f > m else None

    def last_before(self, at: int, seq: list[int] | None = None) -> int | None:
        seq = self.mentions if seq is None else seq
        i = bisect.bisect_left(seq, at)
        return seq[i - 1] if i else None

    def add(self, at: int, salient: bool) -> None:
        bisect.insort(self.mentions, at)
        if salient:
            bisect.insort(self.salient, at)


@dataclass(frozen=True)
class Candidate:
    """An entity a mention may stand for, and how sure we are (0-1)."""

    entity: Entity | None
    confidence: float


class EntityModel:
    """Every person and organisation met in one article, with where each is mentioned."""

    def __init__(self, sentence_starts: list[int] | None = None) -> None:
        self.entities: list[Entity] = []
        self._starts = sentence_starts or [0]
        self._names: dict[str, Entity] = {}  # canonical names, lower case
        self._orgs: list[Entity] = []  # the organisations among the entities, looked up often
        self._keys: dict[str, list[Entity]] = {}  # surfaces a mention may use -> entities
        # One-word subjects nobody introduced ('Twitter said …'): not entities, since most
        # are people's surnames, but what 'the company' may stand for when nothing else is.
        self._loose: list[tuple[int, str]] = []

    # -- building -----------------------------------------------------------------------
    def mention(self, name: str, kind: str, at: int, title: str | None = None, gender: str | None = None,
                roles: tuple[str, ...] | set[str] = (), salient: bool = False, strong: bool = False,
                unnamed: bool = False) -> Entity:
        """Record a mention of `name` at body offset `at`, joining the entity it names.
        `unnamed`: a person known only by a description ('the woman'), who has no surname."""
        acronym = re.search(r"\s*\(([A-Z]{2,8})\)$", name) if kind == "org" else None
        if acronym:  # '국가재난관리청(BNPB)': the name, and the acronym as a key
            name = name[:acronym.start()]
        entity = self.find(name, at, kind)
        if entity is not None and kind == "person" and gender and entity.gender not in (None, gender) \
                and entity.name != name:
            entity = None  # 'Mr Petrakis's wife, Eleni Petrakis': one surname, two people
        if entity is None and kind == "org":
            # '국토부' met first (in a headline), '국토교통부' later: one body, the full name canonical.
            # ... or '환경청' in a headline, '낙동강유역환경청' in the body (its last syllables).
            short = next((e for e in self._orgs if e.kind == "org" and (
                (_abbreviates(e.name, name) and not name.replace(" ", "").startswith(e.name))  # ('대성건설' is no short form of its union)
                or (len(e.name) >= 3 and _HANGUL_ONLY.fullmatch(e.name) and name.endswith(e.name) and name != e.name))), None)
            if short is not None:
                entity = short
                self._names[name.lower()] = entity
                self.add_key(entity, name.lower())
                entity.name = name
        if entity is None:
            entity = Entity(name=name, kind=kind, unnamed=unnamed)
            self.entities.append(entity)
            if kind == "org":
                self._orgs.append(entity)
            self._names[name.lower()] = entity
            self.add_key(entity, name.lower())
            if kind == "person" and not unnamed:
                for key in surname_keys(name):
                    self.add_key(entity, key)
                if re.fullmatch(r"[가-힣]{3}", name):
                    self.add_key(entity, name[1:])  # '민혁씨' for 강민혁: the given name is used too
        elif kind == "person" and entity.kind == "person" and _fuller(name, entity.name):
            entity.name = name  # 'Kim' met first, 'Sung Kim' later: the full name is canonical
            self._names[name.lower()] = entity
            for key in surname_keys(name) | {name.lower()}:
                self.add_key(entity, key)
        if acronym:
            self.add_key(entity, acronym.group(1).lower())
        if title and not entity.title:
            entity.title = title
        entity.roles.update(r.lower() for r in roles)
        if gender:
            entity.votes[gender] += ROLE_WEIGHT
        entity.strong = entity.strong or strong
        entity.add(at, salient)
        return entity

    def find(self, name: str, at: int | None = None, kind: str | None = None) -> Entity | None:
        """The entity `name` refers to near `at`: the same name, or a surname/short form of
        one met before (the most recently mentioned when several share it)."""
        low = name.lower()
        if low in self._names:
            return self._names[low]
        if name.isupper():
            # An acronym given in brackets when the organisation was named: 'KCNA', or its
            # initials: 'RNC' for the Republican National Committee.
            found = [e for e in self._keys.get(low, ()) if e.kind == "org"] or [
                e for e in self.entities if e.kind == "org" and len(name) >= 3 and _initials(e.name) == name]
            if found:
                return found[-1]
        if kind == "org":
            # A short form of an organisation named before: '통신' for '조선중앙통신', and a
            # Korean abbreviation of its syllables, '국토부' for '국토교통부'.
            name = re.sub(r"\s*\([A-Z]{2,8}\)$", "", name)  # '국가재난관리청(BNPB)'
            return self._latest([e for e in self._orgs if e.kind == "org" and (
                e.name.endswith(name) or _abbreviates(name, e.name))], at)
        if len(name.split()) > 1:
            # 'Sung Kim' after a bare 'Kim': the same person only if that 'Kim' has no full name.
            return self._latest([e for key in surname_keys(name) for e in self._keys.get(key, ())
                                 if e.kind == "person" and len(e.name.split()) == 1 and e.name.lower() == key
                                 and not re.fullmatch(r"[가-힣]{2,5}", e.name)], at)
        key = re.sub(r"(?:'s|’s|')$", "", low)
        found = [e for e in self._keys.get(key, ()) if e.kind == "person"]
        if len(found) > 1 and at is not None:
            # 'Kim' in a story with Sung Kim and Kim Jong Un: the one who has been speaking,
            # else the one whose surname is written last as in English usage.
            spoke = [e for e in found if e.last_before(at, e.spoke) is not None]
            western = [e for e in found if e.name.lower().split()[-1] == key]
            found = spoke or western or found
        return self._latest(found, at)

    def make_org(self, entity: Entity) -> None:
        """`entity`, met as a name, turns out to be an organisation ('… (KCNA)')."""
        if entity.kind != "org":
            entity.kind = "org"
            self._orgs.append(entity)

    def add_key(self, entity: Entity, key: str) -> None:
        """A surface a later mention may use for `entity` ('kim', 'kcna', '민혁')."""
        if key not in entity.keys:
            entity.keys.add(key)
            self._keys.setdefault(key, []).append(entity)

    def _latest(self, found: list[Entity], at: int | None) -> Entity | None:
        if not found:
            return None
        if at is None:
            return found[-1]
        return max(found, key=lambda e: (e.last_before(at) if e.last_before(at) is not None else -1))

    def spoke(self, entity: Entity, at: int) -> None:
        """`entity` says something at `at` (a quote, or reported speech)."""
        bisect.insort(entity.spoke, at)
        entity.add(at, salient=True)

    def vote(self, entity: Entity, gender: str, weight: float = 1.0) -> None:
        """A pronoun that follows `entity` says its gender (`weight`: how surely it is theirs)."""
        entity.votes[gender] += weight
        entity.strong = True

    def people_named(self, sentence: int) -> list[Entity]:
        """The people one sentence mentions, in the order it first names them."""
        found = []
        for e in self.entities:
            here = [m for m in e.mentions if self.sentence_of(m) == sentence]
            if e.kind == "person" and here:
                found.append((here[0], e))
        return [e for _, e in sorted(found, key=lambda t: t[0])]

    def sentence_of(self, at: int) -> int:
        return max(0, bisect.bisect_right(self._starts, at) - 1)

    # -- resolving ----------------------------------------------------------------------
    def pronoun(self, gender: str | None, at: int, plural: bool = False, within: int = 12,
                exclude: tuple[str, ...] = (), description: bool = False) -> Candidate:
        """The person (or, for 'they'/'it', organisation) a pronoun at `at` stands for: the one
        mentioned last, of a compatible gender, preferring subjects and earlier speakers.
        `exclude`: names that cannot be meant ('he told Hannity': he is not Hannity).
        `description`: the mention is a description ('the senator'), which does not stand for
        somebody its own sentence has just named in passing ('In an interview with host Joe
        Scarborough, the candidate said': not Scarborough), and leans harder on who is in focus."""
        here = self.sentence_of(at)
        focus = DESCRIPTION_FOCUS if description else 1.0
        excluded = {id(e) for e in (self.find(n, at) for n in exclude) if e is not None}
        scored = []
        for e in self.entities:
            if plural != (e.kind == "org") or id(e) in excluded:
                continue
            last = e.last_before(at)
            if last is None:
                continue
            if not plural and not e.strong and e.gender is None:
                continue  # a capitalised pair with nothing that says it is a person
            known = e.gender
            if gender and known and known != gender:
                continue
            distance = here - self.sentence_of(last)
            if distance > within:
                continue
            if description and distance == 0 and e.last_before(at, e.salient) != last:
                continue
            score = -distance
            for seq, bonus in ((e.salient, SALIENT_BONUS), (e.spoke, SPEAKER_BONUS)):
                # A subject or speaker counts fully in the sentence of its last mention, half
                # one sentence before that.
                last_as = e.last_before(at, seq)
                if last_as is not None:
                    score += focus * bonus * {0: 1.0, 1: 0.5}.get(here - self.sentence_of(last_as) - distance, 0.0)
            if gender and known is None:
                # (less for somebody the article shows to be a person: a title, a role, a credit)
                score -= UNKNOWN_GENDER_PENALTY_PERSON if e.strong else UNKNOWN_GENDER_PENALTY
            scored.append((score, last, e))
        if not scored:
            return Candidate(None, 0.1)
        scored.sort(key=lambda t: (t[0], t[2].last_before(at, t[2].salient) or -1, t[1]), reverse=True)
        best = scored[0]
        margin = best[0] - scored[1][0] if len(scored) > 1 else 3.0
        confidence = 0.9 if margin >= 2 else 0.75 if margin >= 1 else 0.55
        if gender and best[2].gender is None:
            confidence = min(confidence, 0.5)
        return Candidate(best[2], confidence)

    def by_role(self, role: str, at: int, surname: str | None = None, org: bool | None = None) -> Candidate:
        """The entity a description stands for: 'the mayor' (role), '김 학장' (surname +
        role), 'the company' (an organisation)."""
        role = role.lower()
        korean = bool(re.fullmatch(r"[가-힣]+", role))
        found = [e for e in self.entities if e.last_before(at) is not None
                 and (role in e.roles or (e.title and (
                     re.search(rf"(?<!\w){re.escape(role)}", e.title.lower())
                     # a Korean title is one compound: '건설교통위원장' holds '위원장', and
                     # '원내 대표' (as Kiwi cut it) is '원내대표'
                     or (korean and (any(w.endswith(role) for w in e.title.split())
                                     or role in e.title.replace(" ", ""))))))
                 and (org is None or (e.kind == "org") == org)]
        if not found and self.sentence_of(at) == 0:
            # A headline's '청주시장 "…"', before anybody is introduced: who holds the role below.
            found = [e for e in self.entities if (role in e.roles or (e.title and role in e.title.lower()))
                     and (org is None or (e.kind == "org") == org)][:1]
        if surname:
            found = [e for e in found if surname.lower() in e.keys] or [
                e for e in self.entities if e.kind == "person" and surname.lower() in e.keys
                and e.last_before(at) is not None]
        if found:
            best = self._latest(found, at)
            here = self.sentence_of(at)
            speaking = [e for e in found if e.last_before(at, e.spoke) is not None
                        and here - self.sentence_of(e.last_before(at, e.spoke)) <= 1]
            if len(found) > 1 and speaking:
                # Two mayors: 'the mayor said' after one of them has been speaking is that one,
                # though the other was named since ('She said Ms Holt had been sent …').
                best = max(speaking, key=lambda e: e.last_before(at, e.spoke))
            return Candidate(best, 0.85 if len(found) == 1 else 0.7)
        return Candidate(None, 0.1)

    def unnamed_with(self, head: str, at: int) -> Entity | None:
        """The last source known only by a description with this head noun ('a senior
        official'), mentioned before `at`."""
        found = [e for e in self.entities if e.unnamed and e.name.lower().split()[-1] == head
                 and e.last_before(at) is not None]
        return self._latest(found, at)

    def loose(self, name: str, at: int) -> None:
        """Remember a one-word subject that may be an organisation."""
        self._loose.append((at, name))

    def _loose_at(self, at: int, within: int) -> tuple[int, str] | None:
        """The last one-word subject before `at`, within a few sentences, that is nobody's name."""
        here = self.sentence_of(at)
        for pos, name in reversed(self._loose):
            known = self.find(name, at)
            # ('Twitter said' made 'Twitter' a speaker, but nothing says it is a person)
            if pos < at and here - self.sentence_of(pos) <= within and (
                    known is None or (known.kind == "person" and known.gender is None and not known.title)):
                return pos, name
        return None

    def nameless_subject(self, at: int, within: int = 4) -> tuple[str, Entity | None] | None:
        """The last sentence subject before `at` that nothing says is a person: a one-word
        subject ('Twitter said'), or a pair taken for a person on the shape of its name alone
        (no title, role, gender or age: 'Emerald Skies has cancelled'). What 'the airline' or
        'the company' may stand for, when no organisation of that kind was named."""
        loose = self._loose_at(at, within)
        here = self.sentence_of(at)
        best = (loose[0], None) if loose else None
        for e in self.entities:
            last = e.last_before(at, e.salient)
            if e.kind == "person" and not e.strong and e.gender is None and not e.title and not e.roles \
                    and last is not None and here - self.sentence_of(last) <= within and (best is None or last > best[0]):
                best = (last, e)
        if best is None:
            return None
        return (best[1].name, best[1]) if best[1] is not None else (loose[1], None)

    def latest_org(self, at: int, kind: str = "", within: int = 4) -> Candidate:
        """The organisation mentioned last, within a few sentences ('the group said'), that is
        not known to be another kind of body ('the company' is not the University of X)."""
        here = self.sentence_of(at)
        kinds = _AGENCIES if kind in _AGENCIES else {kind}
        found = [e for e in self.entities if e.kind == "org" and e.last_before(at) is not None
                 and here - self.sentence_of(e.last_before(at)) <= within
                 and (not e.roles or kinds & e.roles or (kind in _ANY_BODY and e.roles & _CIVIL_BODIES))]
        best = self._latest(found, at)
        return Candidate(best, 0.6) if best else Candidate(None, 0.1)


# 'The State Department said … the agency said': the bodies of government go by each other's nouns.
_AGENCIES = {"agency", "department", "ministry", "office", "bureau", "commission", "administration",
             "service", "authority"}
# 'The foundation … the group said': nouns the bodies of civil society go by, whatever their
# own noun (not a university, a court or a government office).
_ANY_BODY = {"group", "organization", "organisation"}
_CIVIL_BODIES = {"association", "foundation", "union", "league", "club", "committee", "council", "party",
                 "campaign", "network", "institute", "center", "centre", "fund", "coalition", "alliance"}
# How much being the subject of a recent sentence (or a speaker) counts, in sentences of
# distance; and how much an unknown gender costs a candidate for 'he'/'she'. Chosen on the
# PolNeAR train split (see scripts/eval_quotes.py), checked on dev.
SALIENT_BONUS = 1.0
# Gender evidence: an honorific or role word outweighs a first name, which outweighs pronouns.
ROLE_WEIGHT = 4.0
FIRST_NAME_WEIGHT = 2.5
SPEAKER_BONUS = 1.0
# A description ('the Florida senator') names the person in focus more often than a pronoun
# does: subjects and speakers count this many times as much.
DESCRIPTION_FOCUS = 3.0
UNKNOWN_GENDER_PENALTY = 3.0
UNKNOWN_GENDER_PENALTY_PERSON = 2.0


def _fuller(new: str, old: str) -> bool:
    return len(new.split()) > len(old.split()) and old.lower() in new.lower().split()


def _abbreviates(short: str, full: str) -> bool:
    """A Korean short form: '국토부' for '국토교통부', '공정위' for '공정거래위원회', '합참' for
    '합동참모본부', '한은' for '한국은행', '천문연' for '한국천문연구원': syllables of the full
    name in order, from its first (or the first after '한국'), and not merely its first word."""
    if len(short) < 2 or not full or short[0] not in (full[0], full[2:3]):
        return False  # (most pairs end here: this runs for every body of the article)
    if short[-1] in "시도군구" and full.startswith(short):
        return False  # '창원시' is the city, not a short form of 창원시내버스노동조합
    full = full.replace(" ", "")
    if not _HANGUL_ONLY.fullmatch(short + full):
        return False
    for name in (full, full[2:] if full.startswith("한국") and short[:1] != "한" else None):
        if name and short[0] == name[0] and len(name) >= len(short) + 2 and (
                len(short) >= 3 or not name.startswith(short)):  # '서울' is no short form of 서울남부지법
            rest = iter(name[1:])
            if all(ch in rest for ch in short[1:]):
                return True
    return False


_HANGUL_ONLY = re.compile(r"[가-힣]+")


def _initials(name: str) -> str:
    """'Republican National Committee' -> 'RNC' (small words left out)."""
    return "".join(w[0] for w in name.split() if w[:1].isupper())

