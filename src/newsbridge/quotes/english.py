"""English attributions: who a quote is given to, from the words around it.

Patterns, within the sentence that holds the quote:
  after it    '"…," said Councillor Dana Reyes, who chairs the committee.'  (cue, then speaker)
              '"…," Lind told reporters.' / '"…," he added.'               (speaker, then cue)
  before it   'Harry J. Kazianis, senior director of …, said: "…"'
              'X said during a briefing on Monday that "…"' / 'X called it "…"' (partial quotes)
              'According to the White House, "…"'
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..document import Sentence
from .names import COMPANY_NOUNS, HONORIFICS, ROLE_NOUNS, TITLE_NOUNS, gender_of_first_name, gender_of_words
from .entities import Quoted
from .speakers import Attribution

CUE_WORDS = (
    "said says say saying told tells tell telling added adds adding asked asks asking explained "
    "explains explaining noted notes noting stated states wrote writes writing argued argues "
    "arguing insisted insists claimed claims declared declares announced announces warned warns "
    "warning replied replies responded responds recalled recalls recalling continued continues "
    "remarked observed acknowledged acknowledges admitted admits conceded concedes contended "
    "suggested suggests predicted predicts promised promises vowed vows pledged urged urges "
    "tweeted tweets posted joked jokes quipped shouted yelled exclaimed complained complains "
    "countered counters cautioned stressed stresses emphasized emphasised concluded testified "
    "charged maintained maintains asserted asserts confirmed confirms reported reports called "
    "calls calling described describes dubbed labeled labelled blasted slammed boasted mused "
    "lamented recounted wondered questioned demanded echoed agreed disagreed denied denies "
    "accused retorted reiterated thundered snapped pleaded begged mocked praised criticized "
    "criticised scoffed sighed whispered reads read branded brands rated rates typed texted "
    "emailed messaged chanted answered answers pressed boomed proclaimed proclaims concludes "
    "responded argued recalls reflected reflects conceded explains insisted replied assured "
    "assures decried decries accuses accusing promising vowing pledging warns lectured"
).split()
CUE = r"(?:according\s+to|pointed\s+out|went\s+on|put\s+it|fired\s+back|shot\s+back|" + "|".join(CUE_WORDS) + r")"
_CUE_SET = set(CUE_WORDS)
_TWO_WORD_CUES = {"according": "to", "pointed": "out", "went": "on", "put": "it", "fired": "back", "shot": "back"}
_WORD_RE = re.compile(r"[A-Za-z]+")


class Cue(NamedTuple):
    """A reporting verb found in a text."""

    start: int
    end: int
    text: str


def find_cues(text: str) -> list[Cue]:
    """Reporting verbs in `text`, in order. A set lookup per word: much faster than one
    regex alternation of 150 verbs, and this runs on every sentence."""
    found = []
    words = list(_WORD_RE.finditer(text))
    for i, m in enumerate(words):
        word = m.group(0).lower()
        second = _TWO_WORD_CUES.get(word)
        if second and i + 1 < len(words) and words[i + 1].group(0).lower() == second:
            end = words[i + 1].end()
            found.append(Cue(m.start(), end, text[m.start():end]))
        elif word in _CUE_SET and (m.group(0)[0].islower() or not text[:m.start()].strip()):
            found.append(Cue(m.start(), m.end(), m.group(0)))  # 'the United States' is no cue
    return found

# Upper- and lower-case Latin letters, accented ones included ('Ilia Calderón', 'Érik Ørsted').
UPPER = "A-Z" + "".join(chr(c) for c in range(0xC0, 0x250) if chr(c).isupper() and chr(c).isalpha())
LOWER = "a-z" + "".join(chr(c) for c in range(0xC0, 0x250) if chr(c).islower() and chr(c).isalpha())
_CAP = rf"(?:[{UPPER}][\w'’.\-]*)"
_CONNECT = r"(?:of|for|the|and|de|del|della|da|di|du|van|von|der|den|la|le|al|bin|ibn|y)"
NAME_RUN = rf"\b{_CAP}(?:\s+(?:{_CONNECT}\s+){{0,2}}{_CAP}){{0,7}}(?:\s*\([^)]{{1,25}}\))?"
PRONOUNS = {"he": "m", "she": "f", "they": None, "i": None, "we": None, "it": None}
_PRONOUN = r"\b(?:[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e|[Ii]t)"
_DETERMINER = r"\b(?:[Aa]|[Aa]n|[Tt]he|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ss]everal|[Ss]ome|[Mm]any|[Mm]ost|[Oo]ther|[Aa]nother|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Bb]oth)"
# Words that cannot be inside a speaker description: 'a young woman who …' is not a speaker.
_NOT_IN_NP = (
    r"(?:who|whom|whose|which|that|what|when|where|why|how|and|or|but|if|because|than|as|by|to|"
    r"with|from|into|about|on|in|he|she|it|they|we|i|you|him|her|them|is|was|were|are|be|been|"
    r"has|have|had|not|no|would|will|can|could|do|does|did|said|says|told|called|after|before|"
    r"also|later|then|previously|recently|reportedly|further|still|never|always|already|again|just|only|even)"
)
_PLURALS = (
    r"(?:officials|critics|police|analysts|experts|authorities|prosecutors|investigators|residents|"
    r"witnesses|sources|aides|supporters|opponents|organizers|organisers|researchers|scientists|"
    r"doctors|lawmakers|legislators|economists|observers|activists|protesters|voters|officers|"
    r"spokesmen|spokespeople|diplomats|historians|parents|students|teachers|workers|Democrats|Republicans)"
)
_NP_WORD = rf"(?!{_NOT_IN_NP}\b)[A-Za-z][\w'’\-]*(?:\.[A-Z]\.?)?"  # 'U.S.' too
DESCRIPTOR = (
    rf"(?:{_DETERMINER}\s+(?:{_NP_WORD}\s+){{0,5}}(?!{_NOT_IN_NP}\b)[a-z][\w'’\-]*"
    rf"(?:\s+(?:of|for|at|on|in|from|with)\s+(?:the\s+)?{_NP_WORD}(?:\s+{_NP_WORD}){{0,2}})?|\b{_PLURALS})"
)
_NP = rf"(?:(?:the\s+)?{NAME_RUN}|{_PRONOUN}|{DESCRIPTOR})"
_APPOSITIVE = r"\s*,\s*[^,\"“”]{2,160}?,"
_ADVERBS = (
    r"(?:also|later|then|previously|recently|once|reportedly|has|had|have|would|will|was|is|were|"
    r"are|further|simply|repeatedly|publicly|privately|often|flatly|bluntly|angrily|did|does|do|"
    r"could|might|may|must|should|even|still|never|always|already|again|first|last|just|only|"
    r"since|earlier|separately|long|\w+ly)"
)

# After the quote: '," said Councillor Dana Reyes, who chairs …' / '," Lind told reporters'.
# A lower-case role before a name: 'said harbour master Tomas Berg', 'said head librarian …'.
_ROLE = rf"(?:(?!(?:{_NOT_IN_NP[3:-1]}|during|at|for|of|over|under|through|since|while|the|a|an)\b)[a-z][\w\-]*\s+){{1,3}}"
_POST_INVERTED = re.compile(
    rf"^[\s,;:—–\-]*(?P<cue>{CUE})\s+(?P<np>(?:{_ROLE})?(?:the\s+)?{NAME_RUN}|(?:{_CAP}\s+){{1,4}}{_ROLE}{NAME_RUN}|{DESCRIPTOR})"
    rf"(?:(?P<app>\s*,\s*[^\"“”]{{2,160}}?)\s*(?:[.,;:!?]|$)|\s*(?:[.,;:!?]|$|(?=\s+(?:on|at|in|during|"
    rf"after|before|while|from|to|last|this|yesterday|today|when|as|of|for|with|who|whose|about|near)\b)))"
)
_RELATIVE_SUBJECT = re.compile(rf"(?P<np>{NAME_RUN}),\s+who(?:\s+[^,\"“”]{{0,60}}\s|,\s+[^\"“”]{{0,100}},\s+|\s+)$")
_LATE_CREDIT = re.compile(rf",\s+(?={CUE}\s+[A-Z])")
_LATE_CREDIT_NORMAL = re.compile(rf",\s+(?={NAME_RUN}\s+(?:{_ADVERBS}\s+){{0,2}}{CUE}\s*[.,;]?\s*$)")
# 'Pew Research: "…"', 'WALLACE: "…"': a name and a colon introduce what it says.
_COLON_CREDIT = re.compile(rf"(?P<np>(?:the\s+)?{NAME_RUN})\s*:\s*$")
# A name after these is where or to whom something is said: 'told Whitlock:', 'wrote on Twitter:'.
_SPOKEN_TO = re.compile(rf"\b(?:to|at|with|for|from|about|on|in|via|through|during|{CUE})\s*$", re.I)
_POST_DASH = re.compile(rf"^\s*[―—–]\s*(?P<np>{NAME_RUN})\s*(?:$|\n)")
# A name after its description: 'Sanders campaign manager Jeff Weaver', 'L2 president Bruce Willsie'.
_DESCRIBED_NAME = rf"(?:{_CAP}\s+){{0,4}}{_ROLE}{NAME_RUN}"
_NP_OR_DESCRIBED = rf"(?:{_NP}|{_DESCRIBED_NAME})"
_POST_NORMAL = re.compile(
    rf"^[\s,;:—–\-]*(?P<np>{_NP_OR_DESCRIBED})(?P<app>{_APPOSITIVE})?\s+(?:{_ADVERBS}\s+){{0,3}}(?P<cue>{CUE})\b"
)
# A long appositive with commas of its own: '," Anne Richards, assistant secretary of state for
# population, refugees, and migration, said'.
_POST_LONG_APPOSITIVE = re.compile(
    rf"^[\s,;:—–\-]*(?P<np>{NAME_RUN})(?P<app>\s*,[^\"“”]{{2,200}}?,)\s+(?:{_ADVERBS}\s+){{0,3}}(?P<cue>{CUE})\b"
)
# An appositive whose closing comma was left out: '," Nate Silver, the polling guru who founded
# the site tweeted on Wednesday.'
_POST_OPEN_APPOSITIVE = re.compile(
    rf"^[\s,;:—–\-]*(?P<np>{NAME_RUN})(?P<app>\s*,\s*(?:the|a|an|who|his|her|its|their)\s[^,\"“”]{{2,120}}?)"
    rf"\s+(?P<cue>{CUE})\b(?=[^\"“”]{{0,80}}(?:[.;]|$))"
)
# The description first, the name in apposition: '," Google's chief executive, Sundar Pichai, said'.
_POST_DESCRIPTION_NAME = re.compile(
    rf"^[\s,;:—–\-]*(?P<app>[^,\"“”]{{3,90}}?),\s+(?P<np>{NAME_RUN}),\s+(?:{_ADVERBS}\s+){{0,3}}(?P<cue>{CUE})\b"
)
# Before the quote: the subject of the cue, ending right where the cue starts. A subject with
# its appositive is never longer than this, and searching less text keeps the regex fast.
_SUBJECT_REACH = 200
_PRE_SUBJECT = re.compile(
    rf"(?P<np>{_NP_OR_DESCRIBED})(?P<app>{_APPOSITIVE})?\s+(?:{_ADVERBS}\s+){{0,3}}(?:[a-z]{{3,}}ed\s+and\s+)?$")
_PRE_INVERTED = re.compile(rf"^\s*(?P<np>(?:the\s+)?{NAME_RUN}|{DESCRIPTOR})(?P<app>\s*,\s*[^\"“”]{{2,160}}?)?\s*[,:]?\s*$")

# A sentence that opens with a name, possibly an appositive with commas inside, then the cue:
# 'Harry J. Kazianis, senior director of …, at the Center, said'.
_OPENING_NAME = re.compile(rf"^\s*(?P<np>(?:[Tt]he\s+)?{NAME_RUN})(?P<app>\s*,\s*[^\"“”]{{2,200}}?,)?\s+(?=[a-z])")
_OPENING_NAME_CUE = re.compile(
    rf"^\s*(?P<np>(?:[Tt]he\s+)?{NAME_RUN})(?P<app>\s*,\s*[^\"“”]{{2,200}},)\s+(?:{_ADVERBS}\s+){{0,3}}$"
)

# An adverbial phrase before the subject: 'In an August speech, ', 'Conversely, '.
_LEADING_PHRASE = re.compile(
    r"^\s*(?:(?:[Ii]n|[Oo]n|[Aa]t|[Aa]fter|[Bb]efore|[Dd]uring|[Ff]ollowing|[Ss]ince|[Dd]espite|[Uu]nder|"
    r"[Ww]ith|[Ff]or|[Ff]rom|[Bb]y|[Aa]s|[Ii]f|[Ww]hen|[Ww]hile|[Aa]lthough|[Tt]hough|[Bb]ecause|[Uu]ntil|"
    r"[Oo]nce|Later|Earlier|Meanwhile|However|Conversely|Still|Yet|Instead|Separately|Similarly|"
    r"Indeed|Asked|Speaking|Early|Late|Days|Weeks|Months|Hours|Years)\b[^,\"“”]{0,80},\s*)+"
)

# Words that begin a sentence in capitals without being part of a name.
_SENTENCE_OPENERS = {
    "on", "in", "at", "but", "and", "after", "before", "when", "also", "however", "meanwhile",
    "still", "then", "earlier", "later", "last", "this", "that", "as", "if", "while", "during",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "yesterday", "so", "yet", "instead", "now", "since", "speaking", "asked", "separately",
    "for", "with", "by", "from", "though", "although", "because", "until", "once", "here",
    "there", "responding", "writing", "according", "indeed", "similarly",
    "following", "conversely", "to", "despite", "under", "unlike", "like", "among", "early", "late",
}
NOT_NAMES = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "june", "july", "august", "september", "october", "november",
    "december", "today", "yesterday", "tomorrow", "tonight", "earlier", "later", "this", "that",
}
ORG_WORDS = {
    "house", "department", "ministry", "police", "agency", "committee", "council", "party",
    "campaign", "office", "association", "commission", "university", "times", "post", "news",
    "inc", "inc.", "corp", "corp.", "group", "bank", "court", "senate", "congress",
    "administration", "authority", "service", "institute", "center", "centre", "foundation",
    "organization", "organisation", "union", "company", "pentagon", "kremlin", "government",
    "network", "journal", "press", "board", "bureau", "fund", "league", "club", "county", "province",
    "tribune", "herald", "reuters", "yonhap", "politifact", "cnn", "bbc", "nbc",
    "abc", "cbs", "fox", "msnbc", "npr", "ap", "afp", "korea", "nations", "states", "force",
    # a company's legal form, and the words company names end with
    "ltd", "ltd.", "llc", "plc", "co.", "products", "industries", "holdings", "enterprises",
    "airlines", "airways", "motors", "technologies", "pharmaceuticals", "steelworkers",
}
# A company's legal form: 'Coastline Forest Products Ltd.' goes by 'the company'.
_LEGAL_FORMS = {"ltd", "ltd.", "llc", "plc", "co.", "inc", "inc.", "corp", "corp.", "products", "industries",
                "holdings", "enterprises", "airlines", "airways", "motors", "technologies", "pharmaceuticals"}


def _clean_appositive(app: str | None) -> str | None:
    if not app:
        return None
    text = app.strip(" ,")
    text = re.sub(r"^(?:who|which|whose|that)\s+(?:is\s+|was\s+)?", "", text)
    return text or None


_DETERMINERS = {"his", "her", "their", "its", "a", "an", "one", "another", "some", "several", "many",
                "two", "three", "both", "each", "most", "other", "our", "my", "this", "that"}
_NAME_IN_APPOSITION = re.compile(rf"^((?:[A-Z][\w'’.\-]*\s+){{0,1}}{NAME_RUN})$")
# Abbreviated titles and the role they stand for: 'Sen. Marco Rubio' is 'the senator'.
_TITLE_ALIASES = {"sen.": "senator", "sen": "senator", "rep.": "representative", "gov.": "governor",
                  "dr": "doctor", "prof": "professor", "sgt": "sergeant", "insp": "inspector",
                  "supt": "superintendent", "det": "detective", "capt": "captain", "gov": "governor",
                  "gen.": "general", "lt.": "lieutenant", "sgt.": "sergeant", "capt.": "captain",
                  "col.": "colonel", "adm.": "admiral", "dr.": "doctor", "prof.": "professor",
                  "supt.": "superintendent", "insp.": "inspector", "cllr": "councillor", "det.": "detective",
                  "pres.": "president", "amb.": "ambassador", "atty.": "attorney", "rev.": "reverend",
                  "sens.": "senator", "sens": "senator", "reps.": "representative", "reps": "representative",
                  "govs.": "governor"}
_NAME_PARTICLES = {"de", "del", "della", "da", "di", "du", "van", "von", "der", "den", "la", "le", "al", "bin", "ibn", "y"}


# Heads of descriptions that are never somebody speaking: 'the past', 'the time', 'the fact'.
NON_AGENT_HEADS = {
    "past", "time", "times", "year", "years", "day", "days", "week", "weeks", "month", "months",
    "moment", "way", "end", "point", "case", "fact", "idea", "thing", "things", "question", "matter",
    "reason", "result", "problem", "situation", "decision", "move", "effort", "history", "future",
    "world", "same", "rest", "most", "number", "lot", "part", "kind", "sort", "side", "level",
}


def parse_np(np: str, app: str | None, cue: str) -> Attribution | None:
    """Turn a speaker phrase ('Councillor Dana Reyes', 'he', 'the White House') into parts."""
    np = re.sub(r"\s*\([^)]{1,25}\)$", "", np.strip())  # 'Sen. Chuck Grassley (R-Iowa)'
    if not np:
        return None
    appositive = _clean_appositive(app)
    low = np.lower()
    if low in PRONOUNS:
        return Attribution("pronoun", low, None, cue, PRONOUNS[low])
    tokens = np.split()
    if not tokens:
        return None
    named = _NAME_IN_APPOSITION.match(appositive or "")
    if named and (tokens[-1][0].islower() or tokens[0].lower() in _DETERMINERS | {"the"}):
        # 'the White House spokesman, Josh Earnest,' / 'his wife, Gabriela Lazar': the name.
        person = parse_np(named.group(1), None, cue)
        if person is not None and person.kind == "person":
            return Attribution("person", person.name, np, cue, person.gender or gender_of_words(np))
    if len(tokens) == 1 and tokens[0].lower() in _DETERMINERS | FUNCTION_WORDS:
        return None  # 'His', 'Another': no head noun, nobody in particular
    while len(tokens) > 2 and tokens[0][0].islower() and tokens[0] not in _NAME_PARTICLES and not any(
            t[0].islower() and t not in _NAME_PARTICLES for t in tokens[1:]) and tokens[0].lower() not in _DETERMINERS | {"the"}:
        tokens = tokens[1:]  # 'here Senate Minority Leader Harry Reid', 'state Sen. Jason Holsman'
    if tokens[0] in _NAME_PARTICLES and len(tokens) > 1 and tokens[1][0].isupper():
        return Attribution("person", " ".join(tokens), appositive, cue)  # 'de Blasio'
    if tokens[0].lower() in _DETERMINERS or (len(tokens) > 1 and tokens[-1][0].islower()
                                              and tokens[0].lower() not in HONORIFICS):
        # 'His chief aide', 'The Florida senator', 'the company': a description, whose head
        # noun says what it is.
        head = _TITLE_ALIASES.get(tokens[-1].lower(), tokens[-1].lower())
        if head in NON_AGENT_HEADS:
            return None  # 'the past', 'the time': not somebody, nor something that says things
        return Attribution("descriptor", np, appositive, cue,
                           title_word=head if head in TITLE_NOUNS or head in ROLE_NOUNS else None)
    of = next((i for i, t in enumerate(tokens) if t in ("of", "from", "at") and 0 < i < len(tokens) - 1), None)
    if of is not None and tokens[of - 1][0].isupper() and not any(
            t.lower().strip(".,") in ORG_WORDS or re.search(r"['’]s$", t) for t in tokens[:of]):
        # 'Representative Charles B. Rangel of New York': where the person is from.
        appositive = ", ".join(x for x in (" ".join(tokens[of:]), appositive) if x)
        tokens = tokens[:of]
        np = " ".join(tokens)
        low = np.lower()
    role = []
    if tokens[0].lower() not in ("the", "a", "an") and tokens[-1][0].isupper():
        # 'harbour master Tomas Berg', 'Sanders campaign manager Jeff Weaver': the name is the
        # last run of capitalised words, what comes before it describes the person.
        cut = max((i for i, t in enumerate(tokens) if t[0].islower() and t not in _NAME_PARTICLES), default=-1)
        if cut >= 0:
            role, tokens = tokens[:cut + 1], tokens[cut + 1:]
    if role:
        np = " ".join(tokens)
        low = np.lower()
        appositive = ", ".join(x for x in (" ".join(role), appositive) if x)
    named_after_the = low.startswith("the ") and len(tokens) > 1 and all(t[0].isupper() for t in tokens[1:])
    if not named_after_the and (not tokens[0][0].isupper() or (
            low.startswith("the ") and not any(t[0].isupper() for t in tokens[1:]))):
        head = tokens[-1].lower()
        return Attribution("descriptor", np, appositive, cue,
                           title_word=head if head in TITLE_NOUNS else None)
    # Drop capitalised sentence openers ('On Tuesday Lind' -> 'Lind').
    while len(tokens) > 1 and tokens[0].lower().strip(",") in _SENTENCE_OPENERS:
        tokens = tokens[1:]
    had_the = tokens[0].lower() == "the"
    if had_the:
        tokens = tokens[1:]
    if not tokens:
        return None
    gender = None
    if tokens[0].lower() in HONORIFICS and len(tokens) > 1:
        gender = HONORIFICS[tokens[0].lower()]
        tokens = tokens[1:]
    cut = max((i for i, t in enumerate(tokens[:-1]) if t.lower().rstrip(",") in TITLE_NOUNS), default=-1)
    title_words, name_words = tokens[: cut + 1], tokens[cut + 1:]
    if name_words and name_words[0].lower() in HONORIFICS and len(name_words) > 1:
        gender = gender or HONORIFICS[name_words[0].lower()]
        name_words = name_words[1:]
    name = re.sub(r"\s*\([^)]*\)$", "", " ".join(name_words)).strip(" ,")
    if re.search(r"[a-z]{2}\.$", name):
        name = name[:-1]  # the sentence's full stop, not an abbreviation ('said Mulgrew.')
    if not name or name.lower() in NOT_NAMES or re.search(r"(?:'s|’s|s'|s’)$", name):
        return None  # a possessive ('Trump's') modifies the speaker, it is not one
    if name_words[0].lower() in FUNCTION_WORDS or (len(name_words) == 1 and not had_the and (
            name.isupper() and len(name) > 6 or name.endswith(".") or name.lower() in _SENTENCE_OPENERS
            or re.search(r"['’](?:m|re|ve|ll|d)$", name))):
        return None  # 'Within', 'Some', 'WASHINGTON', 'Calif.': not somebody who speaks
    title = " ".join(title_words) or None
    if appositive:
        title = f"{title}, {appositive}" if title else appositive
    is_org = had_the or any(w.lower().strip(".,") in ORG_WORDS for w in name_words)
    if is_org and not title_words:
        return Attribution("org", name, appositive, cue)
    return Attribution("person", name, title, cue, gender)


def _attribution(m: re.Match[str] | None) -> Attribution | None:
    if not m:
        return None
    return parse_np(m.group("np"), m.group("app"), m.group("cue").lower())


def after_quote(after: str) -> Attribution | None:
    """An attribution right after the closing mark: '," said X', '," X said', '" ― X'."""
    found = (_attribution(_POST_INVERTED.match(after)) or _attribution(_POST_NORMAL.match(after))
             or _attribution(_POST_DESCRIPTION_NAME.match(after)) or _attribution(_POST_LONG_APPOSITIVE.match(after))
             or _attribution(_POST_OPEN_APPOSITIVE.match(after)))
    if found is None:
        # '," since so many cases were close, said Lee Epstein': a clause before the credit.
        m = _LATE_CREDIT.search(after[:_SUBJECT_REACH])
        if m:
            found = _attribution(_POST_INVERTED.match(after[m.start():]))
        m = None if found else _LATE_CREDIT_NORMAL.search(after[:_SUBJECT_REACH])
        if m:
            found = _attribution(_POST_NORMAL.match(after[m.start():]))
    if found is None:
        m = _POST_DASH.match(after)
        if m:
            found = parse_np(m.group("np"), None, "—")
    return found


_LEADING_CONJUNCTION = re.compile(r"^\s*(?:But|And|Yet|So|Then|Still|Now|Also|Instead|Later)\b,?\s+")
_OPENING_PRONOUN = re.compile(r"^\s*([Hh]e|[Ss]he|[Tt]hey)\s+(?:\w+ly\s+)?[a-z]")


# 'Minutes later, she …', 'Days after, Kim …': a capitalised word and an adverb, then a comma.
_TIME_OPENER = re.compile(r"^\s*[A-Z][a-z]+\s+(?:later|after|before|ago|earlier)\s*,\s*")


def sentence_subject(sentence: str) -> Attribution | None:
    """The name a sentence opens with, as its subject: 'Hillary Clinton spoke out …',
    'In an August speech, Trump attacked …'."""
    sentence = _LEADING_PHRASE.sub("", sentence, count=1)
    sentence = _LEADING_CONJUNCTION.sub("", sentence, count=1)
    sentence = _TIME_OPENER.sub("", sentence, count=1)
    pronoun = _OPENING_PRONOUN.match(sentence)
    if pronoun:
        # 'She then addressed the supporters: "…"', 'But he wanted to know, "…"'.
        return parse_np(pronoun.group(1), None, "")
    m = _OPENING_NAME.match(sentence)
    if not m or m.group("np").split()[0].lower() in _SENTENCE_OPENERS:
        return clause_subject(sentence)
    following = sentence[m.end():].split()
    end = m.end()
    if following and following[0].lower().strip(",") in TITLE_NOUNS | ROLE_NOUNS:
        # 'The Florida senator said …': a description, not the organisation 'Florida'.
        found = parse_np(sentence[m.start("np"):m.end()] + following[0].strip(","), None, "")
        end = sentence.index(following[0], m.end()) + len(following[0].rstrip(","))
    else:
        found = parse_np(m.group("np"), m.group("app"), "")
    named = _APPOSED_NAME.match(sentence, end) if found is not None and found.kind == "descriptor" else None
    if named:
        # 'Her deputy, Councillor Graham Tull, went further': the name set beside the description.
        person = parse_np(named.group("name"), None, "")
        if person is not None and person.kind == "person":
            return Attribution("person", person.name, found.name, "", person.gender or found.gender)
    return found


_APPOSED_NAME = re.compile(r"\s*,\s+(?P<name>(?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][\w'’-]+),")
_SUBJECT_NAME = re.compile(rf"(?:^|(?<=[,;—–]\s)|(?<=\band\s)|(?<=\bbut\s))(?P<np>{NAME_RUN})")


def clause_subject(sentence: str) -> Attribution | None:
    """The first name in a sentence that a finite verb follows, after a clause or at its
    start ('And a few weeks later, on the steps of …, Mr. Obama expressed …')."""
    for m in _SUBJECT_NAME.finditer(sentence):
        np = m.group("np")
        if np.split()[0].lower().rstrip(",") in _SENTENCE_OPENERS | FUNCTION_WORDS:
            continue
        if _VERB_AFTER.match(sentence, m.end("np")):
            return parse_np(np, None, "")
    return None


def before_quote(before: str, head: str) -> Attribution | None:
    """An attribution earlier in the sentence: 'X said: "…"', 'X called it "…"'.

    `before` is the text from the previous quote (or the sentence start) to this one, `head`
    the whole sentence up to this quote.
    """
    colon = _COLON_CREDIT.search(before[-120:])
    if colon and _SPOKEN_TO.search(before[-120:][:colon.start()]):
        colon = None  # 'Judge Cartwright told Whitlock: "…"': Whitlock is spoken to
    if colon:
        found = parse_np(colon.group("np"), None, ":")
        if found is not None:
            return found
    for cue in reversed(find_cues(before)):
        tail = before[cue.end:]
        word = cue.text.lower()
        if len(tail.split()) > 30 or any(ch in tail for ch in "\"“”"):
            return None
        if word.startswith("according"):
            m = _PRE_INVERTED.match(tail)
            if m:
                return parse_np(m.group("np"), m.group("app"), "according to")
            continue
        left = before[max(0, cue.start - _SUBJECT_REACH): cue.start]
        offset = len(head) - len(before)
        if word.endswith("ing") and not re.search(r"\b(?:is|was|are|were|been|be|am)\s+$", left):
            # '…, arguing that "…"' / 'began by saying "…"' / 'unleashed tweets saying "…"':
            # a participle, not a verb with its own subject; the sentence's subject speaks,
            # unless the participle has its own: '…, with Sen. John McCain calling it "…"'.
            own = _WITH_SUBJECT.search(left) or _CREDIT_BEFORE_PARTICIPLE.search(left)
            if own:
                parsed = parse_np(own.group("np"), None, word)
                if parsed:
                    return parsed
            subject = sentence_subject(head)
            if subject:
                return Attribution(subject.kind, subject.name, subject.title, word, subject.gender)
            continue
        opening_text = head[: offset + cue.start] + " "
        lead = _LEADING_PHRASE.match(opening_text)
        opening = _OPENING_NAME_CUE.match(opening_text[lead.end():] if lead else opening_text)
        if opening:
            # 'Jean-Marc Ayrault, the foreign minister of France, a permanent member …, said'
            return parse_np(opening.group("np"), opening.group("app"), word)
        relative = _RELATIVE_SUBJECT.search(left)
        if relative:
            # 'Glenn Beck, who in the past called Trump "…"': who is Beck.
            parsed = parse_np(relative.group("np"), None, word)
            if parsed:
                return parsed
        subject = _PRE_SUBJECT.search(left)
        if subject:
            parsed = parse_np(subject.group("np"), subject.group("app"), word)
            if parsed:
                return parsed
        m = _PRE_INVERTED.match(tail)  # 'said Lind: "…"'
        if m and m.group("np")[0].isupper():
            return parse_np(m.group("np"), m.group("app"), word)
    return None


# '…, Nefzi said, adding, "…"': the participle goes with the credit just before it.
_CREDIT_BEFORE_PARTICIPLE = re.compile(rf"(?P<np>{NAME_RUN})\s+(?:{_ADVERBS}\s+)?(?:said|says|told \w+|wrote)\s*,\s*$")
_WITH_SUBJECT = re.compile(rf"\bwith\s+(?P<np>{NAME_RUN})\s+(?:{_ADVERBS}\s+)?$")
_ADDRESSEE = re.compile(rf"\b(?:told|tells|asked|asks|wrote to|writes to|said to|replied to|replies to|"
                       rf"responded to|responds to|answered)\s+(?P<np>{NAME_RUN})")


def addressees(text: str) -> tuple[str, ...]:
    """Who an attribution speaks to ('he told Hannity'): not the speaker."""
    return tuple(m.group("np").rstrip(".,;:") for m in _ADDRESSEE.finditer(text))


_GESTURE = re.compile(rf"^(?:[^\"“”]{{0,100}},\s+)?(?P<np>{NAME_RUN}|He|She)\s+(?:\w+ly\s+)?[a-z]{{3,}}(?:ed|s)\.$")


def subjects(sent: Sentence) -> list[Attribution]:
    """People a later 'he said' may refer to: the subjects of reported speech without quote
    marks ('Lind told reporters …', '…, Stovall said.'), and of a sentence that introduces a
    quote to come ('President Clinton released the following statement:')."""
    found = []
    gesture = _GESTURE.match(sent.text.strip())
    if gesture:
        # 'Asked whether he had thought of coming off, Morgan smiled.' / '"The physio asked me …"':
        # a short clause of a person doing something, right before a quote that names nobody.
        att = parse_np(gesture.group("np"), None, "")
        if att and att.kind in ("person", "pronoun"):
            found.append(att)
    if sent.text.rstrip().endswith(":"):
        opening = sentence_subject(sent.text)
        if opening is not None and opening.kind in ("person", "org"):
            found.append(opening)
    for cue in find_cues(sent.text):
        subject = _PRE_SUBJECT.search(sent.text[max(0, cue.start - _SUBJECT_REACH): cue.start])
        att = parse_np(subject.group("np"), subject.group("app"), cue.text.lower()) if subject else None
        if att is None and sent.text[:cue.start].rstrip().endswith(","):
            # '…, said James Henson, director of the Texas Politics Project.': the credit after
            # a paraphrase.
            att = _attribution(_POST_INVERTED.match(sent.text[cue.start:]))
        if att and (att.kind in ("person", "org") or (att.kind == "pronoun" and att.gender)
                    or (att.kind == "descriptor" and att.name.lower().startswith(("a ", "an ")))) \
                and all(a.name != att.name for a in found):
            found.append(att)
        if cue.text.lower() in ("asked", "asks"):
            # 'Hannity asked Trump how high …': the one asked answers next.
            asked = _ADDRESSEE.match(sent.text, cue.start)
            person = parse_np(asked.group("np"), None, "answered") if asked else None
            if person is not None and person.kind == "person":
                found.append(person)
    return found


# -- The article's people and organisations (entities.py), from general signals ------------

# A run of capitalised words, with the small words names carry ('Charles de Gaulle').
_RUN = re.compile(rf"(?<![\w'’.])[{UPPER}][\w'’\-]*\.?(?:\s+(?:(?:de|van|von|bin|al|da|del|la|le|du|di|of|for)\s+)?[{UPPER}][\w'’\-]*\.?)*")
# ('DiPietro', 'DeSantis', 'LaGuardia', 'McCallum': a capital inside a surname's first syllables)
_NAME_TOKEN = re.compile(rf"(?:[{UPPER}][{LOWER}]+(?:[-’'][{UPPER}]?[{LOWER}]+)*|[A-Z]\.(?:[A-Z]\.)?|[{UPPER}][{LOWER}]{{1,4}}[{UPPER}][{LOWER}]{{2,}}|O['’][A-Z][a-z]+)$")
# Before a place, not a person: 'in New Hampshire', 'from South Carolina'.
_PLACE_PREPOSITIONS = {"in", "at", "from", "across", "near", "throughout", "into", "outside", "inside",
                       "around", "toward", "towards", "to", "of", "through", "via", "within", "on"}
# Closed word classes: a capitalised function word opens a sentence, it is not a name.
FUNCTION_WORDS = {
    "a", "an", "the", "this", "that", "these", "those", "some", "any", "no", "every", "each", "all",
    "both", "either", "neither", "many", "much", "more", "most", "few", "several", "such", "other",
    "another", "nothing", "everything", "something", "anything", "nobody", "everyone", "someone",
    "it", "its", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "my", "your",
    "within", "without", "about", "above", "below", "among", "between", "into", "onto", "upon",
    "over", "under", "through", "throughout", "against", "along", "beyond", "behind", "amid",
    "what", "which", "who", "whom", "whose", "where", "why", "how", "whether", "or", "nor", "not",
    "here", "there", "yes", "even", "only", "just", "perhaps", "maybe", "thus", "hence", "former",
    "whatever", "whoever", "however", "wherever", "whenever", "none", "nobody", "everybody", "somebody",
    "current", "senior", "junior", "acting", "interim",
}
_APPOSITIVE_ROLE = re.compile(r"^\s*,\s*(?:\d{1,3}\s*,\s*)?(?P<role>(?:the|a|an|his|her|their|its)\s+[^,.;\"“”]{2,80}?)\s*[,.;]")
_AGE = re.compile(r"^\s*,\s*\d{1,3}\s*,")
_GENDERED_PRONOUN = re.compile(r"\b(?:(he|him|his|himself)|(she|her|hers|herself))\b", re.I)
# 'her' or 'him' as an object ('Berg followed her.'): somebody other than the sentence's subject.
_OBJECT_PRONOUN = re.compile(r"(?:him|her)\b(?!\s+[a-z]+(?<!\bto)(?<!\bat)(?<!\bin)(?<!\bon)(?<!\bfor)(?<!\band)\b)", re.I)


# The last word of a capitalised run that names a thing, a place or an event, not a person.
NOT_PERSON_HEADS = {
    "act", "bill", "law", "amendment", "program", "programme", "plan", "day", "week", "war",
    "street", "avenue", "road", "square", "park", "river", "lake", "island", "islands", "mountain",
    "valley", "beach", "bay", "coast", "hall", "tower", "building", "bridge", "airport", "hotel",
    "hospital", "church", "mosque", "temple", "school", "college", "stadium", "arena", "convention",
    "conference", "summit", "forum", "festival", "awards", "prize", "cup", "games", "series",
    "show", "magazine", "report", "index", "fund", "trust", "project", "initiative", "movement",
    "matter", "parenthood", "care", "security", "east", "west", "north", "south",
    "america", "africa", "europe", "asia", "states", "kingdom", "republic", "union", "city",
    "county", "canyon", "desert", "ocean", "sea", "gulf", "peninsula", "province",
}


def _looks_like_person_name(tokens: list[str]) -> bool:
    return (2 <= len(tokens) <= 4 and all(_NAME_TOKEN.match(t.rstrip(",")) for t in tokens)
            and tokens[0].lower() not in FUNCTION_WORDS and tokens[0].lower().rstrip(".") not in NOT_NAMES
            and tokens[-1].lower().rstrip(".,") not in NOT_PERSON_HEADS
            and not any(t.lower().rstrip(".,") in ORG_WORDS for t in tokens))


_DESCRIBED_BEFORE = re.compile(
    r"(?:\b(?:the|his|her|their|its|a|an)|[A-Z][\w\-]*['’]s)\s+(?P<role>[a-z][a-z\- ]{1,40}?),\s+(?P<name>[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-.]+){0,3}),")


_ACRONYM_AFTER = re.compile(r"\s*\(([A-Z][A-Z&.]{1,7})\)")


# A name is the subject of its clause when a finite verb follows it ('Rubio still believes',
# 'Clinton, the former secretary of state, has said'), not when a preposition governs it.
_VERB_AFTER = re.compile(
    r"(?:\s*\([^)]{1,25}\))?(?:\s*,[^,\"“”]{2,120}?,|\s+[—–][^—–\"“”]{2,120}?[—–])?\s+(?:\w+ly\s+|still\s+|also\s+|then\s+|never\s+){0,2}"
    r"(?:is|was|are|were|has|had|have|will|would|could|can|may|might|must|should|did|does|[a-z]{2,}ed|"
    r"says|tells|adds|argues|insists|claims|believes|thinks|wants|plans|expects|warns|notes|hopes|fears|says)\b")
# 'As for Trump, he said …': the name the sentence turns to is its topic, what 'he' stands for.
_TOPIC = re.compile(r"\s*(?:(?:And|But)\s+)?[Aa]s\s+(?:for|to)\s+")
_NOT_BEFORE_SUBJECT = _PLACE_PREPOSITIONS | {"for", "with", "by", "about", "against", "than", "like", "and", "or",
                                             "after", "before", "over", "under", "between", "among", "of"}


def find_mentions(text: str, base: int, model, quoted: Quoted) -> None:
    """Record in `model` the people and organisations one sentence mentions (outside quotes).

    `base` is the sentence's offset in the body; `quoted` the body ranges inside quote marks.
    The first one the sentence mentions is taken as its subject (salient).
    """
    lead = _LEADING_PHRASE.match(text)
    subject_zone = (lead.end() if lead else 0) + 1
    first = True  # the first mention after any leading phrase is the sentence's subject
    topic = _TOPIC.match(text)
    for m in _DESCRIBED_BEFORE.finditer(text):
        # 'his wife, Jane,' / 'the club's president, Jay DiPietro,' / 'Mr Petrakis's wife, Eleni
        # Petrakis,': a person, even by one name.
        at = base + m.start("name")
        if not at in quoted and m.group("name").split()[0].lower() not in FUNCTION_WORDS:
            role = m.group("role")
            after = text[m.end():]
            speaks = bool(re.match(r"\s+(?:\w+ly\s+)?(?:said|says|told|added)\b", after) or _VERB_AFTER.match(after))
            model.mention(m.group("name"), "person", at, title=role, gender=gender_of_words(role),
                          roles={role.split()[-1]}, strong=True, salient=speaks)
    for m in _RUN.finditer(text):
        at = base + m.start()
        if at in quoted:
            continue
        tokens = m.group(0).split()
        if m.start() <= subject_zone:
            while tokens and tokens[0].lower().rstrip(",") in _SENTENCE_OPENERS | FUNCTION_WORDS - {"the"}:
                tokens = tokens[1:]
        if not tokens:
            continue
        before = text[:m.start()].split()
        prev = before[-1].lower().strip(",") if before else ""
        owner = next((i for i, t in enumerate(tokens[:-1]) if re.search(r"['’]s$", t)), None)
        if owner is not None:
            # 'CNN's Gloria Borger', 'Obama's chief of staff Denis McDonough': the owner, then
            # the person (the owner itself is not mentioned as somebody).
            prev, tokens = tokens[owner].lower(), tokens[owner + 1:]
            owner_end = m.group(0).lower().index(prev) + len(prev)
            at = base + m.start() + m.group(0).index(tokens[0], owner_end)
        after = text[m.end():]
        subject = (prev not in _NOT_BEFORE_SUBJECT and not re.search(r"['’]s?$", m.group(0)) and (
            (first and m.start() + 1 >= subject_zone) or bool(_VERB_AFTER.match(after)))) \
            or (topic is not None and m.start() <= topic.end() < m.end())
        entity = _mention(model, tokens, prev, after, at, subject)
        acronym = _ACRONYM_AFTER.match(after)
        if entity is None and acronym and len(tokens) > 1:
            # 'South Korea's Joint Chiefs of Staff (JCS)': an acronym in brackets names a body.
            name = re.split(r"['’]s\s+", " ".join(tokens))[-1]
            entity = model.mention(name, "org", at)
        if entity is not None and acronym:
            model.add_key(entity, acronym.group(1).lower())  # 'Korean Central News Agency (KCNA)'
            if entity.kind != "org" and len(tokens) > 1:
                model.make_org(entity)
        if entity is not None and m.start() + 1 >= subject_zone:
            first = False


def _mention(model, tokens: list[str], prev: str, after: str, at: int, salient: bool):
    """One capitalised run as a mention of a person or organisation, or None."""
    if tokens[0] == "The" and len(tokens) > 1:
        name = " ".join(tokens[1:])
        if any(t.lower().strip(".,") in ORG_WORDS for t in tokens[1:]) or len(tokens) > 2:
            return model.mention(_strip_possessive(name), "org", at, salient=salient, strong=True,
                                 roles=_org_roles(tokens))
        return None
    if all(t.isupper() and len(t) > 1 for t in tokens):
        if len(tokens) == 1 and len(tokens[0]) <= 6 and tokens[0].isalpha():
            return model.mention(tokens[0], "org", at, salient=salient)  # FBI, CNN, NATO
        return None  # a headline in capitals
    # Titles and honorifics before the name: 'House Speaker Paul Ryan', 'Ms. Lee'.
    gender = None
    cut = -1
    for i, t in enumerate(tokens[:-1]):
        low = t.lower().rstrip(",")
        if low in HONORIFICS:
            gender, cut = HONORIFICS[low], i
        elif low in TITLE_NOUNS:
            cut = i
    title_words, name_words = tokens[:cut + 1], tokens[cut + 1:]
    if title_words and len(name_words) > 2 and name_words[0].lower() in ("for", "of"):
        # 'Minister for Transport Siobhán Nolan': the portfolio belongs to the title.
        title_words, name_words = title_words + name_words[:-2], name_words[-2:]
    name = _strip_possessive(" ".join(name_words).strip(" ,."))
    if not name:
        return None
    name_words = name.split()
    if any(t.lower().strip(".,") in ORG_WORDS for t in name_words) and not title_words:
        return model.mention(name, "org", at, salient=salient, roles=_org_roles(name_words))
    known = model.find(name, at) if len(name_words) == 1 else None
    roles: set[str] = {_TITLE_ALIASES.get(w.lower().rstrip(","), w.lower().rstrip(".,")) for w in title_words
                       if w.lower().rstrip(",") in TITLE_NOUNS or w.lower().rstrip(",") in _TITLE_ALIASES}
    if prev in COMPANY_NOUNS and not title_words and prev not in ("group", "bank", "developer", "publisher", "giant") \
            and not gender_of_first_name(name):
        # (not 'developer Donald Trump': a first name makes a person)
        # 'appliance maker Brightline Home', 'Australian miner Coppervale Resources': a company.
        return model.mention(name, "org", at, salient=salient, strong=True, roles={prev, "company", "firm"})
    if prev in TITLE_NOUNS or prev in ROLE_NOUNS:
        roles.add(prev)  # 'coach Dave Tippett', 'pollster Daron Shaw'
    app = _APPOSITIVE_ROLE.match(after)
    role_text = app.group("role") if app else ""
    if role_text:
        roles.update(w for w in re.findall(r"[a-z\-]+", role_text.lower()) if w in TITLE_NOUNS or w in ROLE_NOUNS)
    strong = bool(title_words) or bool(roles) or bool(_AGE.match(after))
    gender = gender or gender_of_words(" ".join(title_words) + " " + role_text)
    if known is not None:
        return model.mention(known.name, "person", at, gender=gender, roles=roles, salient=salient, strong=strong)
    if len(name_words) == 1 and salient and not title_words and not gender_of_first_name(name) \
            and name.lower() not in FUNCTION_WORDS | _SENTENCE_OPENERS | {"the"} \
            and name.lower().rstrip("s") not in TITLE_NOUNS | ROLE_NOUNS \
            and re.match(r"\s+(?:\w+ly\s+)?(?:[a-z]+(?:ed|s)|said|told|wrote)\b|,\s+which\s", after):
        model.loose(name, at)  # 'Twitter said …', 'Monsanto announced …'
        return None
    if prev in _NOT_BEFORE_NAMES and not title_words:
        return None  # 'his Christian values', 'the Manchurian Candidate': no person's name
    if len(name_words) == 1 and gender_of_first_name(name) and prev not in _PLACE_PREPOSITIONS:
        # 'Bob agreed to talk on the condition that his last name not be used': a first name.
        return model.mention(name, "person", at, gender=gender, roles=roles, salient=salient, strong=True)
    if title_words or (_looks_like_person_name(name_words) and prev not in _PLACE_PREPOSITIONS):
        title = " ".join(title_words) or (role_text or None)
        return model.mention(name, "person", at, title=title, gender=gender, roles=roles, salient=salient,
                             strong=strong)
    return None


# Words a person's name does not come after: a possessive or an article.
_NOT_BEFORE_NAMES = {"his", "her", "their", "its", "our", "my", "your", "the", "a", "an"}


def _strip_possessive(name: str) -> str:
    return re.sub(r"(?:'s|’s|'|’)$", "", name)


def _org_roles(words: list[str]) -> set[str]:
    """'Department of Immigration' goes by 'the department'; 'Nordvik Shipping Group' by 'the group'."""
    roles = {w.lower().strip(".,") for w in words if w.lower().strip(".,") in ORG_WORDS}
    if roles & _LEGAL_FORMS:
        roles |= {"company", "firm"}
    if "steelworkers" in roles:
        roles.add("union")
    return roles


def gender_evidence(text: str, base: int, model, window_start: int, quoted: Quoted) -> None:
    """'Clinton … her campaign': a gendered pronoun outside quotes votes for the one person
    mentioned before it in its sentence or, when none is, in the two sentences before."""
    for m in _GENDERED_PRONOUN.finditer(text):
        at = base + m.start()
        if at in quoted:
            continue
        object_pronoun = bool(_OBJECT_PRONOUN.match(text, m.start()))
        lasts = [(e, e.last_before(at)) for e in model.entities if e.kind == "person"]
        for lo in (base, window_start):
            if object_pronoun and lo == base:
                continue  # not the subject of its own sentence
            near = [e for e, last in lasts if last is not None and last >= lo]
            if near:
                if len(near) == 1:
                    # A subject pronoun is surest; 'his'/'her' often belong to somebody else.
                    word = m.group(0).lower()
                    model.vote(near[0], "m" if m.group(1) else "f", 1.0 if word in ("he", "she") else 0.5)
                break
