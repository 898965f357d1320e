"""A key point that carries a quote must say who said it.

When the chosen sentence does not name the quote's speaker, the attribution is rewritten as
little as possible: the pronoun or title that stands for the speaker is replaced by the name
('…," he added.' -> '…," Sung Kim added.'; '"…," the mayor said.' -> '"…," Doug Halvorsen
said.'; '그는 “…”' -> '박민호는 “…”'; '김 학장은' -> '김성근은'), or a quote standing
alone gets its attribution ('"It pays."' -> '"It pays," Ana Whitcombe said.'). When neither
works, or the quote has no known speaker, the sentence is not used: a key point never carries
a quote without its speaker, and never the wrong one.
"""

from __future__ import annotations

import re

from ..document import Quote, Sentence

_EN_PRONOUN = re.compile(r"\b(?:he|she|they|He|She|They)\b(?=\s+(?:\w+ly\s+)?(?:said|says|added|adds|told|tells|"
                         r"asked|asks|explained|noted|wrote|argued|insisted|claimed|warned|replied|"
                         r"continued|recalled|stressed|concluded)\b)")
_EN_PRONOUN_BEFORE_CUE = re.compile(r"^(?:He|She|They)\b")
_KO_PRONOUN = re.compile(r"(?:^|(?<=\s))(?:그는|그녀는|이들은|그들은)")
_KO_LEADING = re.compile(r"^(?:이어|이어서|그러면서|또한|또|아울러|특히|그는|그녀는|이들은)\s+")
_QUOTE_ONLY_EN = re.compile(r"^([\"“])(.+)([.!?])([\"”])$", re.S)


def names_speaker(text: str, speaker: str) -> bool:
    """Whether `text` names `speaker`: the full name, or its last word (a surname)."""
    if speaker in text:
        return True
    last = speaker.split()[-1]
    return len(last) > 1 and re.search(rf"(?<!\w){re.escape(last)}(?!\w)", text) is not None


def _topic_particle(word: str) -> str:
    """'은' after a final consonant, '는' after a vowel (Korean topic particle)."""
    last = word[-1]
    if "가" <= last <= "힣":
        return "은" if (ord(last) - 0xAC00) % 28 else "는"
    return "는"


def attribute(text: str, sentence: Sentence, quotes: list[Quote], lang: str) -> str | None:
    """`text` (the key point made from `sentence`) with every quote it carries attributed to
    its speaker, or None when that cannot be done safely."""
    for quote in quotes:
        if quote.kind != "speech" or not (sentence.start <= quote.start < sentence.end):
            continue
        if quote.speaker is None:
            return None
        if names_speaker(text, quote.speaker):
            continue
        text = _rewrite(text, quote, lang)
        if text is None or not names_speaker(text, quote.speaker):
            return None
    return text


def _rewrite(text: str, quote: Quote, lang: str) -> str | None:
    speaker = quote.speaker or ""
    mention = quote.mention or ""
    if quote.resolved_from == "title-only" and mention and mention != speaker and mention in text:
        # '"…," the mayor said.' -> '"…," Doug Halvorsen said.'; '김 학장은' -> '김성근은'.
        if lang == "ko":
            m = re.search(re.escape(mention) + r"(은|는|이|가)?", text)
            particle = m.group(1) or ""
            if particle in ("은", "는"):
                particle = _topic_particle(speaker)
            elif particle in ("이", "가"):
                particle = "이" if _topic_particle(speaker) == "은" else "가"
            return text[:m.start()] + speaker + particle + text[m.end():]
        start = text.index(mention)
        return text[:start] + speaker + text[start + len(mention):]
    if lang == "ko":
        if _KO_PRONOUN.search(text):
            return _KO_PRONOUN.sub(speaker + _topic_particle(speaker), text, count=1)
        if text.lstrip().startswith(("“", '"', "「", "‘")) or _KO_LEADING.match(text):
            rest = _KO_LEADING.sub("", text, count=1)
            return f"{speaker}{_topic_particle(speaker)} {rest}"
        return None
    m = _EN_PRONOUN.search(text)
    if m:
        return text[: m.start()] + speaker + text[m.end():]
    m = _EN_PRONOUN_BEFORE_CUE.match(text)
    if m:
        return speaker + text[m.end():]
    m = _QUOTE_ONLY_EN.match(text.strip())
    if m:
        open_mark, body, stop, close_mark = m.groups()
        cue = quote.cue if quote.cue and quote.cue.isalpha() else "said"
        stop = "," if stop == "." else stop  # '"It pays," X said.' / '"Who pays?" X asked.'
        return f"{open_mark}{body}{stop}{close_mark} {speaker} {cue}."
    return None
