"""Facts about names and person words shared by the English and Korean rules: surnames, and
the words that tell a person's gender (honorifics, kinship and role words). These are closed,
general classes of the languages, not the vocabulary of any one outlet."""

from __future__ import annotations

import re

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

HONORIFICS = {"mr.": "m", "mr": "m", "mrs.": "f", "mrs": "f", "ms.": "f", "ms": "f", "miss": "f",
              "sir": "m", "dame": "f", "lady": "f", "lord": "m"}
FEMALE_WORDS = {
    "she", "her", "hers", "herself", "woman", "women", "girl", "mother", "mom", "mum", "wife",
    "daughter", "sister", "aunt", "niece", "grandmother", "granddaughter", "widow", "actress",
    "queen", "princess", "duchess", "countess", "empress", "lady", "dame", "madam", "heiress",
    "waitress", "hostess", "stepmother", "girlfriend", "bride", "mrs", "ms", "miss", "그녀",
}
MALE_WORDS = {
    "he", "him", "his", "himself", "man", "men", "boy", "father", "dad", "husband", "son",
    "brother", "uncle", "nephew", "grandfather", "grandson", "widower", "actor", "king",
    "prince", "duke", "count", "emperor", "lord", "sir", "stepfather", "boyfriend", "groom", "mr",
}

_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
_POSSESSIVE = re.compile(r"(?:'s|’s|')$")
_MAN_ROLES = {"spokes", "chair", "congress", "council", "assembly", "business", "sales", "police",
              "fire", "anchor", "committee", "front", "states", "country", "alder", "crafts"}


def strip_possessive(word: str) -> str:
    return _POSSESSIVE.sub("", word)


def surname_keys(name: str) -> set[str]:
    """The ways a person's surname alone may refer to them ('Kazianis'; 'Kim' for Kim Jong Un)."""
    if re.fullmatch(r"[가-힣]{2,5}", name):
        two = name[:2]
        return {two} if two in HANGUL_SURNAMES and len(name) >= 4 else {name[0]}
    tokens = [t for t in name.replace(",", " ").split() if t.lower() not in _SUFFIXES]
    if not tokens:
        return set()
    keys = {strip_possessive(tokens[-1]).lower()}
    if len(tokens) >= 2 and tokens[0].lower() in ROMAN_KOREAN_SURNAMES and (
        len(tokens) == 3 or "-" in tokens[-1]
    ):
        keys.add(tokens[0].lower())
    return keys


def gender_of_words(words: str) -> str | None:
    """'congresswoman', 'his wife', 'actress' -> 'f'; 'spokesman', 'father' -> 'm'."""
    for w in re.findall(r"[a-z]+|그녀", words.lower()):
        if w in ("her", "his"):
            continue  # 'his wife' is a woman: the possessive is somebody else
        if w in FEMALE_WORDS or (w.endswith("woman") and len(w) > 5):
            return "f"
        if w in MALE_WORDS or (w.endswith("man") and w[:-3] in _MAN_ROLES):
            return "m"
    return None
