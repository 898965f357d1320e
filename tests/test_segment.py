"""Sentence splitting with offsets, English news rules and Korean (kiwipiepy)."""

from __future__ import annotations

import pytest

from newsbridge.document import Article
from newsbridge.segment import segment, split_sentences


@pytest.mark.parametrize("text, expected", [
    ("Harry J. Kazianis, senior director at the Center, spoke. He left.",
     ["Harry J. Kazianis, senior director at the Center, spoke.", "He left."]),
    ("Sen. Elena Park and Gov. Ray Dunn met on Jan. 5 in Washington. Talks failed.",
     ["Sen. Elena Park and Gov. Ray Dunn met on Jan. 5 in Washington.", "Talks failed."]),
    ("Prices rose 3.5 percent in the U.S. The next day they fell.",
     ["Prices rose 3.5 percent in the U.S.", "The next day they fell."]),
    ("The U.S. Senate voted 51-49. It was close.",
     ["The U.S. Senate voted 51-49.", "It was close."]),
    ('He called it "a disgrace." Then he left.', ['He called it "a disgrace."', "Then he left."]),
    ('"We will win," she said. "Nobody doubts it."', ['"We will win," she said.', '"Nobody doubts it."']),
    ('"It is over. We lost," Lind said after the vote.', ['"It is over. We lost," Lind said after the vote.']),
    ("Is it over? Nobody knows! Wait...", ["Is it over?", "Nobody knows!", "Wait..."]),
    ("The ferry leaves at 7 a.m. Monday and returns at 6 p.m. It is full.",
     ["The ferry leaves at 7 a.m. Monday and returns at 6 p.m.", "It is full."]),
    ("Acme Inc. said profits rose. Shares jumped.", ["Acme Inc. said profits rose.", "Shares jumped."]),
])
def test_english_rules(text, expected):
    assert split_sentences(text, "en") == expected


def test_unclosed_multi_paragraph_quote_still_splits():
    text = '"The first thing we did was count the boats. Then we counted the people.'
    assert len(split_sentences(text, "en")) == 2


def test_korean_with_quotes():
    text = ('박민호 시장은 "누수율을 절반으로 낮추겠다. 반드시 지키겠다"며 "야간 공사를 하겠다"고 말했다. '
            '그는 덧붙였다. 시의회는 우려를 나타냈다.')
    assert split_sentences(text, "ko") == [
        '박민호 시장은 "누수율을 절반으로 낮추겠다. 반드시 지키겠다"며 "야간 공사를 하겠다"고 말했다.',
        "그는 덧붙였다.",
        "시의회는 우려를 나타냈다.",
    ]


@pytest.mark.parametrize("lang, paragraphs", [
    ("en", ["First one. Second one here.", "  Third, with Dr. Who. Fourth!  ", "Fifth"]),
    ("ko", ["첫 문장이다. 둘째 문장이다.", "셋째 문장은 \"인용\"이라고 말했다.", "넷째"]),
])
def test_offsets_slice_back_to_the_sentence(lang, paragraphs):
    art = segment(Article.from_paragraphs(paragraphs), lang)
    assert len(art.sentences) >= 4
    for s in art.sentences:
        assert art.body[s.start:s.end] == s.text
        assert s.text == s.text.strip()
        assert art.paragraphs[s.paragraph].start <= s.start < s.end <= art.paragraphs[s.paragraph].end
    assert [s.id for s in art.sentences] == list(range(len(art.sentences)))


def test_korean_quote_without_a_full_stop_stays_with_its_quotative():
    # Kiwi ends a sentence at '”' when the quote has no full stop of its own; '이라고 …' is the
    # rest of that sentence, and the quote's speaker is in it.
    text = "증권가는 눈높이를 낮추고 있다. “인증 일정이 늦어진 점이 부담”이라고 황동민 연구원은 분석했다."
    text = "증권가는 눈높이를 낮추고 있다. “경쟁사 대비 HBM 인증 일정이 한 분기가량 늦어진 점이 부담”이라고 " \
           "황동민 미래로증권 연구원은 분석했다. 미래로증권은 목표주가를 내렸다."
    sentences = split_sentences(text, "ko")
    assert any(s.endswith("부담”이라고 황동민 미래로증권 연구원은 분석했다.") for s in sentences)
    assert not any(s.startswith("이라고") for s in sentences)


def test_a_korean_quote_with_its_full_stop_ends_its_sentence():
    sentences = split_sentences("“협상은 끝났다.” 이란은 즉각 반발했다.", "ko")
    assert len(sentences) == 2


def test_korean_paragraphs_split_together_as_one_by_one():
    # segment() hands Kiwi all paragraphs at once (its threads work on them in parallel); the
    # sentences and their morphemes must be those of splitting each paragraph alone.
    from newsbridge.segment import KoreanSplitter

    paragraphs = ["박민호 시장은 \"누수율을 낮추겠다\"며 \"야간 공사를 하겠다\"고 말했다. 그는 덧붙였다.",
                  "", "“인증 일정이 늦어진 점이 부담”이라고 황동민 연구원은 분석했다.", "넷째", "  "] * 20
    splitter = KoreanSplitter()
    together = splitter.split_paragraphs(paragraphs)
    assert together == [splitter.split_with_morphs(p) for p in paragraphs]
    assert together[0][0][2], "morphemes are kept"
