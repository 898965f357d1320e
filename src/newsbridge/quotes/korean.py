"""Korean attributions, read with Kiwi's part-of-speech tags.

    박민호 한빛시장은 이날 "…"며 "…"고 말했다.     speaker (name + title) before the quotes
    그는 "…"고 덧붙였다.                            pronoun: the speaker before
    김 위원장은 "…"라고 밝혔다.                     surname + title: the 김 met earlier
    시 관계자는 "…"고 설명했다.                     an unnamed official: the title is the speaker
    이어 "…"이며 "…"라며 … 지적했다.               no subject: the speaker carries over
    "…"라고 박민호 시장이 말했다.                  speaker after the quotes
    ‘마을 도서관’으로 …                             a quoted term (scare quote), nobody speaks

All quotes of one sentence share its speaker and its final reporting verb (the cue).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..document import Sentence
from ..segment import get_kiwi
from .marks import Span
from .names import COMPANY_ENDINGS, HANGUL_SURNAMES, TITLE_SUFFIXES
from .entities import Quoted
from .speakers import Attribution

# The most common surnames: a three-syllable word starting with one is a Korean name, not the
# first half of a foreign one ('마리아 로페스').
COMMON_SURNAMES = set("김이박최정강조윤장임한오서신권황안송류홍전고문양손배백허유남심노하곽성차주우구민")
# Words that are an affiliation, not part of a name: '청솔군의회', '해솔시', '국토부'.
_AFFILIATION = re.compile(r"(?:의회|시|군|구|도|청|부|처|원|회|당|사|대|센터|연구소|공사|공단|협회|재단|은행|그룹|서|교)$")
# Unnamed sources stay unnamed: '시 관계자' is never resolved to the mayor.
UNNAMED = ("관계자", "대변인", "측", "관계자들")
PRONOUNS = {"그": None, "그녀": "f", "그들": None, "이들": None}  # 그 is also written for women
TIME_WORDS = {"이날", "지난해", "올해", "최근", "현재", "오늘", "어제", "당시", "앞서", "이번", "그동안",
              "한편", "또", "또한", "특히", "이어", "이후", "내년", "작년", "당일", "이에", "이때"}
# What may follow a closing mark when the quote is speech: "…"라고/고/며/라며/면서/라는…
_QUOTATIVE = re.compile(r"^(?:이?라고|고|이?라며|며|이?라면서|면서|하고|이?라|냐고|냐며|자고|자며|던|[.,])")
# '"세렌디피티"라는 단어', '‘파이어볼러’ 조던 힉스': naming, unless what is quoted is a clause.
_NAMING = re.compile(r"^(?:이?라는|이?란|는)")
# Particles after a quoted term: '‘마을 도서관’으로', '"깜깜이 예산"을'.
_NOUN_PARTICLE = re.compile(r"^(?:을|를|이|가|의|에서|에|으로|로|은|는|와|과|도|만|처럼|까지|부터|보다|이나|나)")
_CUE = re.compile(r"(\S*(?:했다|했습니다|한다|합니다|였다|었다|았다|렸다|혔다|쳤다|졌다|웠다|냈다|왔다|갔다|봤다|줬다|섰다|다))[.!?]?[\"'”’]?\s*$")
_NOUNISH = {"NNG", "NNP", "NNB", "NP", "NR", "SL", "SH", "SN", "XSN", "XPN", "SSO", "SSC", "SW"}


def sentence_like(text: str) -> bool:
    return bool(re.search(r"(?:다|요|까|죠|라|자|오|네|군|지|니다)[.!?]?\s*$", text.strip())) or len(text) >= 25


# A word ending like this is not part of a speaker's name or title ('참석한', '행감에서').
_NOT_NP_WORD = re.compile(r"(?:에|에서|을|를|의|와|과|로|으로|한|된|던|는|인|고|며|서|면|다|했|있는|없는|아온|어온|해온)$")


_VERBAL = frozenset({"VV", "VA", "VX", "XSV", "XSA", "EP"})  # (not the copula: Kiwi reads '겐지' as 것+이+ㄴ지)
_CONNECTIVES = TIME_WORDS | {"대해", "관련해", "위해", "통해", "따라", "아울러", "그러면서", "그러나",
                             "하지만", "역시", "다만", "게다가", "이에", "또", "반면", "이른바", "한편"}


def _find_np(text: str, tokens: list, lo: int, hi: int) -> tuple[str, bool] | None:
    """The topic/subject noun phrase in text[lo:hi]: ('박민호 한빛시장', False) or, for
    'X에서는', (X, True) meaning an office speaks."""
    in_range = [t for t in tokens if lo <= t.start and t.start + t.len <= hi]
    for want in (("JX", "MAG"), ("JKS",)):
        for i, tok in enumerate(in_range):
            # '… 부사장은', '… 부사장도', '… 부사장 역시', '… 시장이'
            if tok.tag not in want or tok.form not in ("은", "는", "이", "가", "께서", "도", "역시"):
                continue
            prev = in_range[i - 1] if i else None
            office = bool(prev and prev.tag == "JKB" and prev.form == "에서")
            if prev is None or not (prev.tag in _NOUNISH or office):
                continue
            end = (in_range[i - 2].start + in_range[i - 2].len) if office else prev.start + prev.len
            spans = [(m.group(), lo + m.end()) for m in re.finditer(r"\S+", text[lo:end])]
            if not spans:
                continue
            # A word ending in a verb's adnominal or connective ending modifies the phrase or
            # ends a clause ('사건을 맡은 안병준 변호사', '김 의원이 이렇게 묻자 김 장관은'): the phrase
            # starts after it.
            modifier_ends = {t.start + t.len for t, before in zip(in_range[1:], in_range)
                             if t.tag in ("ETM", "EC") and before.tag.split("-")[0] in _VERBAL}
            # A long proper noun is no particle's word, whatever its last syllable ('이시카와
            # 겐지': '…와' is 'and' only when it is a particle).
            noun_ends = {t.start + t.len for t in in_range if t.tag == "NNP" and len(t.form) >= 4}
            words = [w for w, _ in spans]
            np_words = [words[-1]]
            for word, word_end in reversed(spans[:-1]):
                if word in ("한", "일부"):
                    np_words.insert(0, word)  # '한 업계 관계자': an unnamed source
                    break
                if (len(np_words) == 4 or (_NOT_NP_WORD.search(word) and word_end not in noun_ends) or word in _CONNECTIVES
                        or word_end in modifier_ends or not re.search(r"[가-힣A-Za-z]", word)):
                    break
                np_words.insert(0, word)
            np = " ".join(np_words)
            if np not in TIME_WORDS and not re.fullmatch(r"[\d.]+일?", np):
                return np, office
    return None


_LETTER_SSI = re.compile(r"^([A-Z])(\(\d{1,3}\))?씨$")
_MINOR = re.compile(r"^([가-힣]{3})(?:양|군)$")


def _minor(word: str) -> str:
    """'김서연양' (written '김서연(16)양'): a pupil, by name."""
    m = _MINOR.match(word)
    return m.group(1) if m and _is_name(m.group(1)) else word
# '박모(45)씨', '김아무개(31)씨', '박모(18)군': a person the paper does not name
_ANONYMISED = re.compile(r"^([가-힣](?:모|아무개))(\(\d{1,3}\))?(?:씨|군|양)?$")
_SURNAME_SSI = re.compile(r"^([가-힣])씨$")  # '박씨', '김씨': the person of that surname met before
_GIVEN_SSI = re.compile(r"^([가-힣]{2})씨$")  # '민혁씨': a given name
_AGE = re.compile(r"\(\d{1,3}\)")


def parse_np(np: str, office: bool, cue: str | None, common: frozenset[str] = frozenset(),
             proper: frozenset[str] = frozenset()) -> Attribution:
    """'박민호 한빛시장' -> person 박민호, title 한빛시장; '김 위원장' -> 김 + 위원장 to resolve.
    `common`: the words Kiwi tagged as common nouns in the sentence ('주인공' is not a name);
    `proper`: those it tagged as proper nouns ('린샤오밍')."""
    if np in PRONOUNS:
        return Attribution("pronoun", np, None, cue, PRONOUNS[np])
    np = re.sub(r"\([A-Za-z]{2,8}\)|\([가-힣][^()]*\)", "", np).strip()  # '최고경영자(CEO)', '형사11단독(판사 최민서)'
    np = re.sub(r"(?<=[가-힣]) 씨$", "씨", np)  # '최 씨' is written '최씨' too
    np = re.sub(r" 쪽$", " 측", np)  # '강씨 쪽' is '강씨 측'
    letter = _LETTER_SSI.match(np.split()[-1]) if np else None
    if letter:
        # 'A씨', 'B(29)씨': a person the paper names by a letter.
        return Attribution("person", letter.group(1) + (letter.group(2) or ""), " ".join(np.split()[:-1]) or None, cue)
    if np.endswith(" 측") and len(np) > 3:
        inner = parse_np(np[:-2], False, cue, common, proper)
        if inner.kind not in ("person", "descriptor") or (inner.kind == "descriptor" and not inner.surname):
            return Attribution("org", np[:-2], None, cue)  # '대성건설 측': the company itself
        if _LETTER_SSI.match(np[:-2]) or _ANONYMISED.match(np[:-2]) or (inner.kind == "descriptor" and inner.surname):
            return inner  # 'A씨 측', '강씨 측': that person's side (a lawyer) speaks for them
    words = np.split()
    if office:
        return Attribution("org", np, None, cue)
    for i, w in enumerate(words):
        anonymised = _ANONYMISED.match(w)
        if anonymised:
            title = " ".join(words[:i] + words[i + 1:]) or None
            return Attribution("person", anonymised.group(1) + (anonymised.group(2) or ""), title, cue)
    bare = [_minor(_AGE.sub("", w)) if _AGE.search(w) else w for w in words]
    aged = [i for i, w in enumerate(words) if _AGE.search(w) and re.fullmatch(r"[가-힣]{2,8}", bare[i])]
    if aged and bare[aged[0]] not in common:
        # '오토바이 택시 기사 부디(52)': the word with an age is a person's name, whatever its
        # shape (foreign names in Hangul are longer than Korean ones).
        i = aged[0]
        return Attribution("person", bare[i], " ".join(bare[:i] + bare[i + 1:]) or None, cue)
    titles = [w for w in bare if w.endswith(TITLE_SUFFIXES)]
    t = bare.index(titles[0]) if titles else 0
    korean_named = any(_is_name(w) for w in bare[:t])  # ('윤지현 한결대 중독재활학과 교수': 윤지현)
    if titles and not korean_named and bare.index(titles[0]) >= 2 and _is_hangul(bare[bare.index(titles[0]) - 1]) \
            and _AFFILIATION.search(bare[bare.index(titles[0]) - 2]) and not _AFFILIATION.search(bare[bare.index(titles[0]) - 1]) \
            and bare[bare.index(titles[0]) - 1] in proper and not _is_name(bare[bare.index(titles[0]) - 1]):
        # '중국 외교부 린샤오밍 대변인': a foreign name between the body and the title.
        i = bare.index(titles[0]) - 1
        return Attribution("person", bare[i], " ".join(bare[:i] + bare[i + 1:]), cue)
    if titles and not korean_named and bare.index(titles[0]) >= 3 \
            and all(_is_hangul(w) and w in proper for w in bare[bare.index(titles[0]) - 2:bare.index(titles[0])]) \
            and _AFFILIATION.search(bare[bare.index(titles[0]) - 3]) \
            and not any(_AFFILIATION.search(w) for w in bare[bare.index(titles[0]) - 2:bare.index(titles[0])]):
        # '캐나다 몬트리올대 장피에르 르블랑 교수': a foreign full name after the body.
        i = bare.index(titles[0])
        return Attribution("person", " ".join(bare[i - 2:i]), " ".join(bare[:i - 2] + bare[i:]), cue)
    if t >= 3 and not korean_named and (bare[t - 1] in proper or re.fullmatch(r"[A-Z]{2,8}", bare[t - 1])) and not _is_name(bare[t - 1]) \
            and all(_is_hangul(w) and not _is_name(w) and not _AFFILIATION.search(w) and not _ORG_END.search(w)
                    for w in bare[t - 3:t - 1]) \
            and bare[t - 3] not in common and len(bare[t - 3]) >= 2:
        # '이시카와 겐지 일본 관방장관', '위다 사리 BNPB 대변인': a foreign full name, then the country
        # or body, then the title (Kiwi often cuts such names into common words).
        return Attribution("person", " ".join(bare[t - 3:t - 1]), " ".join(bare[:t - 3] + bare[t - 1:]), cue)
    if (titles and bare.index(titles[0]) >= 2 and all(_is_hangul(w) for w in bare[:2])
            and not _AFFILIATION.search(bare[1]) and bare[0][0] not in COMMON_SURNAMES
            and not any(w in common for w in bare[:2])):
        # A foreign name in Hangul before the title: '피터 리 부사장', '마리아 로페스 부사장'.
        name = " ".join(bare[:2])
        return Attribution("person", name, " ".join(bare[2:]) or None, cue)
    names = [w for i, w in enumerate(bare) if w not in titles and _is_name(w) and not _GENERIC_BODY.fullmatch(w)
             and not ((_ORG_END.search(w) or w[-1] in "시도군구") and i + 1 < len(bare) and bare[i + 1].startswith(UNNAMED)) and (
        # A word Kiwi knows as a common noun ('주인공', '반도체') is a name only right before a
        # 직함 ('오민재 해솔시장'); of two name-shaped words, the proper noun is the name.
        w not in common or (i + 1 < len(bare) and bare[i + 1].endswith(TITLE_SUFFIXES))
        or (i + 2 < len(bare) and bare[i + 1] in proper and bare[i + 2].endswith(TITLE_SUFFIXES))  # '남기혁 스톰 감독'
        or (i == 0 and len(bare) == 3 and bare[2].endswith(TITLE_SUFFIXES) and not bare[2].endswith(UNNAMED)))]
    names = [w for w in names if w not in common] or names[:1] if len(names) > 1 else names
    if names:
        name = names[0]
        title = " ".join(w for w in bare if w != name) or None
        return Attribution("person", name, title, cue)
    given_ssi = _GIVEN_SSI.match(bare[-1])
    if given_ssi and len(bare) == 1:
        # '민혁씨는': the 강민혁 introduced before, by his given name.
        return Attribution("person", given_ssi.group(1), "씨", cue)
    surname_ssi = _SURNAME_SSI.match(bare[-1])
    if surname_ssi and surname_ssi.group(1) in HANGUL_SURNAMES:
        return Attribution("descriptor", np, " ".join(bare[:-1]) or None, cue, title_word="씨",
                           surname=surname_ssi.group(1))
    if len(bare) >= 2 and len(bare[0]) == 1 and bare[0] in HANGUL_SURNAMES:
        # '김 학장', '강 장인': a surname and what the person is.
        title_word = _suffix(bare[-1])
        return Attribution("descriptor", np, " ".join(bare[1:]), cue, title_word=title_word,
                           surname=bare[0])
    if titles:
        last = bare[-1]
        title_word = None if last.endswith(UNNAMED) else _suffix(last)
        return Attribution("descriptor", np, None, cue, title_word=title_word)
    return Attribution("org", np, None, cue)


def _suffix(word: str) -> str:
    return next((s for s in sorted(TITLE_SUFFIXES, key=len, reverse=True) if word.endswith(s)), word)


def _is_name(word: str) -> bool:
    """A Korean personal name: three syllables starting with a surname (four with a
    two-syllable surname). Two-syllable words starting with a surname syllable are far more
    often nouns ('정부', '이날') than names, so they are not taken for names, nor are a
    university's short names ('한양대')."""
    if word.endswith("대"):
        return False
    if re.fullmatch(r"[가-힣]{3}", word):
        return word[0] in HANGUL_SURNAMES
    return bool(re.fullmatch(r"[가-힣]{4}", word)) and word[:2] in HANGUL_SURNAMES


def _is_hangul(word: str) -> bool:
    return bool(re.fullmatch(r"[가-힣]+", word))


_MAYBE_PERSON = re.compile("(?:" + "|".join(TITLE_SUFFIXES) + r")(?:은|는|이|가|도|께서)(?:\s|$)")


def _cue(text: str) -> str | None:
    m = _CUE.search(text)
    return m.group(1) if m else None


def _label_credit(before: str) -> re.Match | None:
    """A broadcast script's label line right before the quote: '◀ INT ▶ 김순자/청과물 상인'."""
    label = _BROADCAST_LABEL.match(before.strip())
    if label and label.group("np").strip() not in _SCRIPT_PARTS and (
            label.group(0).lstrip()[:1] != "[" or "/" in before or re.match(r"\s*\[\s*(?:인터뷰|INT|SYNC)\b", before)):
        return label
    return None


_SCRIPT_PARTS = {"앵커", "기자", "리포트", "인터뷰", "스탠드업", "앵커멘트", "기자멘트", "클로징"}
_BROADCAST_LABEL = re.compile(
    r"^\s*(?:◀?\s*[A-Za-z가-힣]{2,8}\s*▶|【\s*인터뷰\s*:?|\[\s*(?:인터뷰|INT|SYNC)\s*(?:\]|:)|[<‹]\s*인터뷰\s*>|(?=\[))"
    r"\s*\[?\s*(?P<np>[가-힣][가-힣 ]{1,24}?)\s*(?:\([^()\n]{1,10}\))?\s*(?:/\s*[^\"“\n\]】]{1,30})?\s*[\]】]?\s*$")
_POSSESSOR = re.compile(r"^([가-힣]{2,4}씨|[가-힣]{2,4}(?:\s[가-힣]{1,8})?\s?(?:" + "|".join(TITLE_SUFFIXES) + r"))의\s")
_SENTENCE_END = re.compile(r"(?:다|요|까|죠)[.!?]\s+")
# A speaker credited without a particle: an interview caption ('박영희/서울 마포구 :', '[인터뷰]
# 김순남(상인) :'), or a headline ('김형준 감독 "…"', '국토부 "…"').
_CREDIT_BEFORE = re.compile(
    r"^\s*(?:\[[^\]]{1,10}\]\s*)?(?:(?P<np>[가-힣]{2,5}(?:\s[가-힣A-Za-z]{1,12}){0,2})\s*(?:/[^:\"“]{0,40})?\s*:\s*"
    r"|(?P<np2>[가-힣]{2,5}(?:\s[가-힣A-Za-z]{1,10}){0,2})\s+)$")


def is_headline(body: str, paragraph: int, at: int) -> bool:
    """Whether the paragraph at `at` is a headline: the first one, with no full stop at its end
    (a body whose title was taken apart starts with its lede, which has one)."""
    if paragraph != 0:
        return False
    end = body.find("\n\n", at)
    return not re.search(r"[.!?。][\"'”’)\]」』]*$", body[:end if end >= 0 else len(body)].rstrip())


def sentence_attribution(body: str, sent: Sentence, spans: list[Span]) -> Callable[[int], Attribution | None]:
    """The attribution for each quote (by index) of one sentence."""
    text = sent.text
    tokens = sent.morphs or get_kiwi().tokenize(text)
    cue = _cue(text)
    first_open = spans[0].open_at - sent.start
    last_close = spans[-1].close_end - sent.start
    common = frozenset(t.form for t in tokens if t.tag == "NNG")
    proper = frozenset(t.form for t in tokens if t.tag == "NNP")
    # Only the words after the last sentence end before the quote (the segmenter may keep
    # '반응은 엇갈린다. "…"고 오세진 대표가 말했다' as one sentence).
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, first_open)]
    lo = ends[-1] if ends else 0
    before = _LEADING_SEPARATOR.sub("", text[lo:first_open])  # 'vs 주민들 "…"': the headline's second side
    credit = _CREDIT_BEFORE.search(before) or _label_credit(text[lo:first_open])
    if credit is None and not text[:first_open].strip():
        # The label may end the sentence before, on the line just above the quote.
        above = body[:sent.start].rstrip("\n ")
        line = above[above.rfind("\n") + 1:]
        credit = _label_credit(line) if body[len(above):sent.start].count("\n") == 1 else None
    verbal_ends = {t.start + t.len for t, prev in zip(tokens[1:], tokens) if t.tag in ("EC", "ETM")
                   and prev.tag.split("-")[0] in _VERBAL}
    if credit and credit.groupdict().get("np2"):
        # '야시장 놓고 상인들 "…"': the credit is what follows a clause's verb.
        base_at = first_open - len(before) + credit.start("np2")
        words = [(m.group(), base_at + m.end()) for m in re.finditer(r"\S+", credit.group("np2"))]
        cut = max((i + 1 for i, (_, end) in enumerate(words) if end in verbal_ends), default=0)
        if any(_PARTICLE.search(w) or w in TIME_WORDS or w in _CONNECTIVES or w.endswith("게") for w, _ in words[cut:]) \
                or cut == len(words):
            credit = None  # '윤서진 해솔군수는 이날 "…"': a subject with its particle, read below
        elif cut:
            credit = _CREDIT_BEFORE.search(" ".join(w for w, _ in words[cut:]) + " ")
    if credit is not None:
        speech = True  # a credited quote is speech, even a headline's '"AI 교육 늘릴 것"'
        found = (credit.group("np") or credit.groupdict().get("np2"), False)  # '[인터뷰] 박영희/서울 마포구 :' or '김형준 감독 "…"'
    else:
        speech = False
        found = _find_np(text, tokens, lo, first_open) or _find_np(text, tokens, last_close, len(text))
    # '"…" 서울에서 왔다는 관광객 윤모(42)씨의 말이다.': whose words they were, after them.
    said = _SAYS_AFTER.match(text, last_close) if credit is None else None
    if said:
        found, speech = (" ".join(said.group("np").split()[-3:]), False), True
    scare: set[int] = set()
    for k, span in enumerate(spans):
        follow = body[span.close_end:span.close_end + 4]
        quote = body[span.start:span.end]
        if span.mark in ("‘", "'") and not sentence_like(quote):
            scare.add(k)  # single marks around a term: '‘스띵(베트남산·37.6g)’'
        elif _NAMING.match(follow) and not sentence_like(quote):
            scare.add(k)
        elif (credit is not None or said) and span.mark not in ("‘", "'"):
            pass  # credited speech
        elif _QUOTATIVE.match(follow) or _NAMING.match(follow) or (not follow.strip() and sentence_like(quote)):
            speech = True
        elif _NOUN_PARTICLE.match(follow) and not sentence_like(quote):
            scare.add(k)
        elif sentence_like(quote):
            speech = True
        elif is_headline(body, sent.paragraph, sent.start) and span.mark in ("\"", "“") and not _NOUN_PARTICLE.match(follow):
            speech = True  # a headline puts what was said in double marks: '여야 "정부안만 고집"'
        else:
            scare.add(k)
    if found:
        att = parse_np(found[0], found[1], cue, common, proper)
    elif speech:
        att = Attribution("continuation", "", None, cue)
    else:
        att = None

    # A headline with two sides: '김도현 행안장관 "…"…박서윤 의원 "…"': a quote with a credit
    # of its own right before it takes that credit.
    own: dict[int, Attribution] = {}
    for k in range(1, len(spans)):
        between = text[spans[k - 1].close_end - sent.start:spans[k].open_at - sent.start]
        parts = _HEADLINE_SEPARATOR.split(between)
        if len(parts) == 1 and k - 1 not in scare:
            continue  # only a headline sets two credits apart like that (or a term in marks before)
        credited = _CREDIT_BEFORE.search(parts[-1].lstrip())
        words = (credited.group("np") or credited.group("np2") or "").split() if credited else []
        while words and any(_PARTICLE.search(w) or w in TIME_WORDS for w in words):
            words = words[1:]  # '논란에 강릉시장': the credit is what follows the phrase
        if words:
            own[k] = parse_np(" ".join(words), False, cue, common, proper)

    def for_quote(k: int) -> Attribution | None:
        if k in scare:
            return Attribution("scare", "", None, None)
        return own.get(k, att)

    return for_quote


# What sets a headline's parts apart: '…', '·', '/', '|', 'vs'.
_HEADLINE_SEPARATOR = re.compile(r"[…·/|]|\s[vV][sS]\.?\s")
_LEADING_SEPARATOR = re.compile(r"^\s*(?:[…·/|]|[vV][sS]\.?\s)\s*")
_SAYS_AFTER = re.compile(r"\s*[”\"’']?\s*(?:(?:이라|라)?는\s(?:게|것이)\s)?(?P<np>[^\"“”.]{2,40}?)의\s?"
                         r"(?:말|설명|얘기|이야기|주장|전언|분석|지적|판단|전망|평가|생각)이다\.?\s*$")


def trailing_attribution(sentence: Sentence) -> Attribution | None:
    """'“…거든.” 강 장인이 이마의 땀을 훔치며 말했다.': a sentence after a quote that only says
    who spoke it (a subject and a reporting verb, no quote of its own)."""
    text = sentence.text
    said = _SAYS_AFTER.fullmatch(text)
    if said:
        # '서울에서 왔다는 관광객 윤모(42)씨의 말이다.'
        return parse_np(" ".join(said.group("np").split()[-3:]), False, None)
    cue = _cue(text)
    if not cue or len(text.split()) > 14:
        return None
    tokens = sentence.morphs or get_kiwi().tokenize(text)
    # The subject of the first clause ('김 의원이 이렇게 묻자 김 장관은 "…"고 답했다': 김 의원 asked).
    clause = next((t.start + t.len for t, before in zip(tokens[1:], tokens)
                   if t.tag == "EC" and before.tag.split("-")[0] in _VERBAL), len(text))
    found = _find_np(text, tokens, 0, clause) or _find_np(text, tokens, 0, len(text))
    return parse_np(found[0], found[1], cue) if found else None


def subjects(sentence: Sentence) -> list[Attribution]:
    """A named person a sentence is about ('김문주 박사가 … 쓴소리를 했다'), so that a later
    '김 박사는' or '그는' can refer to them."""
    text = sentence.text
    label = _label_credit(text)
    if label:
        # A broadcast script's label over the words that follow: '◀ INT ▶ 김순자/청과물 상인',
        # '[이수진/서울 은평구 주민]', '◀ SYNC ▶ 영등포소방서 관계자'.
        att = parse_np(label.group("np").strip(), False, "label")
        return [att] if att.kind in ("person", "org", "descriptor") else []
    possessor = _POSSESSOR.match(text)
    if possessor:
        # '민혁씨의 바람은 소박하다.': the sentence is about 민혁씨, whose words may follow.
        att = parse_np(possessor.group(1), False, None)
        return [att] if att.kind == "person" else []
    if not _MAYBE_PERSON.search(text):
        return []  # no name-and-title in sight: spare the analysis
    found = _find_np(text, sentence.morphs or get_kiwi().tokenize(text), 0, len(text))
    if not found:
        return []
    att = parse_np(found[0], found[1], _cue(text))
    return [att] if att.kind == "person" else []


_PARTICLES = r"(?:은|는|이|가|을|를|의|도|에게|와|과|께서|로|으로|에|만)"
_PARTICLE = re.compile(_PARTICLES + "$")
_AGE_SSI = re.compile(r"^([가-힣]{2,4})(?:\(\d{1,3}\))?씨")


def find_mentions(sentence: Sentence, model, quoted: Quoted) -> None:
    """Record the people a Korean sentence names (outside quotes), with what they are: a name
    Kiwi tags as a proper noun and the nouns after it up to its particle ('김성근 한결대
    학장은' -> 김성근, 학장), an anonymised '박모(45)씨', and organisations by their own last
    syllables ('한뜰시의회', '국토교통부'), so that '김 학장', '학장', '의회' and '그는' can be
    resolved to them later."""
    tokens = sentence.morphs or get_kiwi().tokenize(sentence.text)
    base = sentence.start
    first = True
    skip_to = 0
    any_quoted = quoted.overlaps(base, base + len(sentence.text))
    for i, tok in enumerate(tokens):
        if i < skip_to:
            continue  # a 직함 already read with the name before it
        at = base + tok.start
        if any_quoted and at in quoted:
            continue
        anonymised = tok.tag == "NNP" and (re.fullmatch(r"[가-힣]모", tok.form) is not None or (
            tok.form in HANGUL_SURNAMES and i + 1 < len(tokens) and tokens[i + 1].form in ("모", "아무개")))
        joined = tok.form
        if (tok.tag == "NNP" and i + 1 < len(tokens) and (tokens[i + 1].tag == "NNP" or (
                tokens[i + 1].tag in ("NNG", "NNB", "MM", "XSN") and len(tokens[i + 1].form) == 1
                and tokens[i + 1].form not in _PLACE_SYLLABLES))
                and tokens[i + 1].start == tok.start + tok.len and _is_name(tok.form + tokens[i + 1].form)):
            joined = tok.form + tokens[i + 1].form  # Kiwi cut '강민혁' into '강민' + '혁', '송인호' into '송인' + '호'
        foreign = _foreign_name(tokens, i, sentence.text) if tok.tag == "NNP" else None
        if foreign:
            joined = foreign  # '하워드 클라인 미국 상무장관은'
        if tok.tag == "NNP" and _is_name(joined) and not anonymised:
            body = model.find(joined, at, kind="org")
            if body is not None and body.kind == "org":
                # '천문연' after 한국천문연구원: the body's short form, not a person named 천문연.
                model.mention(body.name, "org", at, salient=first)
                first = False
                continue
        if tok.tag == "NNP" and (_is_name(joined) or foreign) or anonymised:
            name, j = joined, i + (2 if joined != tok.form else 1)
            if j < len(tokens) and tokens[j].form in ("모", "아무개"):
                name, j = tok.form + tokens[j].form, j + 1
            if j + 2 < len(tokens) and tokens[j].tag == "SSO" and tokens[j + 1].tag == "SN":
                # '이하은(38) 대표': the age; it tells apart the 정모(52) and 정모(47) of a story.
                name = f"{name}({tokens[j + 1].form})" if anonymised else name
                j += 3
            nouns = []
            while j < len(tokens) and tokens[j].tag in ("NNG", "NNP", "NNB", "XSN", "SL") and len(nouns) < 6:
                nouns.append(tokens[j].form)
                j += 1
            subject = j < len(tokens) and tokens[j].form in ("은", "는", "이", "가", "께서")
            skip_to = j
            if not nouns and not subject:
                continue
            title = " ".join(nouns) or None
            role = nouns[-1] if nouns and nouns[-1] not in ("씨",) else None
            gender = "f" if "그녀" in sentence.text[tok.start:tok.start + 200] else None
            model.mention(name, "person", at, title=title, gender=gender, roles={role} if role else set(),
                          salient=first or subject, strong=True)
            first = False


def find_orgs(sentence: Sentence, model, quoted: Quoted) -> None:
    """Record the organisations a Korean sentence names. Run over the whole article before
    find_mentions, so that a short form in the headline ('천문연') is known for the body's
    short form, not a person's name."""
    base = sentence.start
    tokens = sentence.morphs or get_kiwi().tokenize(sentence.text)
    for i, tok in enumerate(tokens):
        if tok.tag != "NNP" or base + tok.start in quoted:
            continue
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is not None and nxt.form in ("시", "도", "군", "구") and nxt.tag in ("NNG", "NNP", "XSN") \
                and nxt.start == tok.start + tok.len:
            # A place's government: '부산시는', '충북도는' (a proper noun, then its 시/도/군/구).
            model.mention(tok.form + nxt.form, "org", base + tok.start, roles={nxt.form})
        elif len(tok.form) >= 3 and tok.form[-1] in "시도군구" \
                and (tok.form[-1] in "군시" or tok.form[:-1] in _PROVINCES or not _is_name(tok.form)) \
                and not _is_name(tok.form[:-1]):
            # ...or in one word, as Kiwi keeps many ('충북도는', '양구군은'). Korean given names end
            # in 도 or 구 often ('이정도', '김민구'), in 군 or 시 hardly ever ('김철수군' is a pupil); a
            # province goes by its two-syllable short name ('전남도').
            model.mention(tok.form, "org", base + tok.start, roles={tok.form[-1]})
    for m in _ORG_WORD.finditer(sentence.text):
        # Organisations by the last syllables of a word ('한빛전자는', '국토교통부는'): Kiwi cuts
        # such names into pieces, so the whole word is read; a court's division joins its court
        # ('서울남부지법 형사13부').
        at = base + m.start()
        word = m.group(1)
        if at in quoted or len(word) < 3:
            continue
        if _COMPANY_END.search(word) and any(t.start == m.start() and t.tag == "NNG" for t in tokens):
            continue  # '관광산업', '신용카드': a company's ending after a common noun is no company
        before = sentence.text[:m.start()].split()
        if _DIVISION.fullmatch(word) and before and _ORG_END.search(before[-1]):
            word = f"{before[-1]} {word}"
            at = base + m.start() - len(before[-1]) - 1
        model.mention(word, "org", at, salient=sentence.text[:m.start()].strip() == "")


_COMPANY_END = re.compile(f"(?:{COMPANY_ENDINGS})$")
# One-syllable nouns after a place's name: '김해'+'시' is a city, not a person Kiwi cut in two.
_PLACE_SYLLABLES = frozenset("시군구도읍면동리대청원부")
_PROVINCES = frozenset("경기 강원 충북 충남 전북 전남 경북 경남 제주".split())
# The generic nouns of bodies, name-shaped as some are ('위원회' starts with the surname 위).
_GENERIC_BODY = re.compile(r"위원회|협의회|연합회|의회|협회|공사|공단|재단|연구원|연구소|법원|노조|조합|학회|교육청|경찰청|경찰서")
# A body's unit, joined to the body named before it: '형사13부', '형사11단독', '반부패수사1부',
# '반부패경제범죄수사대', '대양조선지회'.
_DIVISION = re.compile(r"[가-힣]{1,8}\d+(?:부|단독)|[가-힣]{2,10}(?:수사대|지회|지부|분회)")


def _foreign_name(tokens: list, i: int, text: str) -> str | None:
    """'하워드 클라인' in '하워드 클라인 미국 상무장관은': two proper nouns, neither shaped like a
    Korean name, with a 직함 after them."""
    if i + 1 >= len(tokens) or tokens[i].tag != "NNP" or tokens[i + 1].tag != "NNP":
        return None
    a, b = tokens[i], tokens[i + 1]
    if text[a.start + a.len:b.start] != " " or _is_name(b.form) or _AFFILIATION.search(b.form):
        return None
    if not re.fullmatch(r"[가-힣]{2,5}", a.form) or not re.fullmatch(r"[가-힣]{2,6}", b.form):
        return None
    rest = [w.rstrip("은는이가도") for w in text[b.start + b.len:b.start + b.len + 24].split()]
    titled = [k for k, w in enumerate(rest[:3]) if w.endswith(TITLE_SUFFIXES)]
    # A Korean-shaped first word ('하워드') needs a body between the name and the title
    # ('하워드 클라인 미국 상무장관'), as '김민수 카카오 대표' has none.
    if not titled or (_is_name(a.form) and (titled[0] == 0 or len(b.form) < 3)):
        return None  # ('한미경 청주시의회 의장': a place after a Korean name)
    return f"{a.form} {b.form}"


_ORG_END = re.compile(r"(?:의회|위원회|협회|공사|공단|재단|연구원|연구소|경찰서|경찰청|법원|지법|고법|검찰청|지검|지청|고검|대검|시청|구청|군청|도청|"
                      r"통신|신문|방송|부|처|청|당|대학교|대학|병원|은행|전자|그룹|연합|연대|협의회|건설|제약|증권|"
                      r"연합회|연맹|노동조합|노조|조합|학회|미술관|박물관|도서관|단독|수사대|지회|분회|" + COMPANY_ENDINGS + r")$")
# A whole word that ends like an organisation, before its particle: one search per sentence.
_ORG_WORD = re.compile(r"(?<![가-힣A-Za-z0-9])([가-힣A-Za-z0-9]+?" + _ORG_END.pattern[:-1] + r")"
                       + _PARTICLES + r"?(?![가-힣A-Za-z0-9])")
