"""Korean quotes: the patterns of Korean news writing. Sentences written for these tests."""

from __future__ import annotations

from newsbridge.document import Article
from newsbridge.quotes import RulesQuoteExtractor
from newsbridge.segment import segment


def quotes_of(*paragraphs: str):
    article = segment(Article.from_paragraphs(list(paragraphs)), "ko")
    found = RulesQuoteExtractor().extract(article, "ko")
    for q in found:
        assert article.body[q.start:q.end] == q.text
    return found


def test_name_title_topic_then_quote_and_cue():
    [q] = quotes_of("윤서진 해솔군수는 이날 “도로 공사를 내년 봄까지 마치겠다”고 말했다.")
    assert (q.text, q.speaker, q.speaker_title, q.cue, q.resolved_from) == (
        "도로 공사를 내년 봄까지 마치겠다", "윤서진", "해솔군수", "말했다", None)


def test_title_after_affiliation():
    [q] = quotes_of("한대경 해솔군의회 의원은 \"예산 심의가 너무 늦었다\"고 지적했다.")
    assert (q.speaker, q.speaker_title, q.cue) == ("한대경", "해솔군의회 의원", "지적했다")


def test_chain_of_quotes_shares_the_speaker():
    found = quotes_of("권나래 문화관광과장은 “관광객이 늘었다”며 “숙박 시설이 부족하다”고 밝혔다.")
    assert [(q.text, q.speaker) for q in found] == [
        ("관광객이 늘었다", "권나래"), ("숙박 시설이 부족하다", "권나래")]
    assert all(q.cue == "밝혔다" for q in found)


def test_pronoun_carries_the_previous_speaker():
    found = quotes_of("윤서진 군수는 “다리를 새로 놓겠다”고 말했다.", "그는 “주민 의견을 듣겠다”고 덧붙였다.")
    assert [(q.speaker, q.resolved_from, q.cue) for q in found] == [
        ("윤서진", None, "말했다"), ("윤서진", "pronoun", "덧붙였다")]


def test_sentence_without_subject_continues_the_speaker():
    found = quotes_of("한대경 의원은 “예산이 부족하다”고 말했다.",
                      "이어 “추경이 필요하다”이며 “다음 달에 요구하겠다”라며 대책을 촉구했다.")
    assert [(q.speaker, q.resolved_from) for q in found] == [
        ("한대경", None), ("한대경", "continuation"), ("한대경", "continuation")]
    assert found[-1].cue == "촉구했다"


def test_surname_and_title_resolve_to_the_full_name():
    found = quotes_of("김태오 위원장은 “회의를 열겠다”고 말했다.",
                      "박소이 의원은 “반대한다”고 말했다.",
                      "김 위원장은 “표결하겠다”고 밝혔다.")
    assert [(q.speaker, q.resolved_from) for q in found] == [
        ("김태오", None), ("박소이", None), ("김태오", "title-only")]


def test_unnamed_official_the_title_is_the_speaker():
    found = quotes_of("윤서진 군수는 “공사를 시작한다”고 말했다.", "군 관계자는 “예정대로 진행된다”고 설명했다.")
    assert [(q.speaker, q.resolved_from) for q in found] == [("윤서진", None), ("군 관계자", "title-only")]


def test_speaker_after_the_quote():
    [q] = quotes_of("“공항 노선을 늘리겠다”고 오민재 해솔시장이 말했다.")
    assert (q.speaker, q.speaker_title) == ("오민재", "해솔시장")


def test_organisation_speaks():
    [q] = quotes_of("해솔경찰서는 “사고 원인을 조사하고 있다”고 밝혔다.")
    assert (q.speaker, q.resolved_from) == ("해솔경찰서", None)


def test_corner_brackets_and_nested_single_quotes():
    found = quotes_of("윤서진 군수는 「‘다리 하나’가 마을을 살린다」고 말했다.")
    assert [(q.text, q.speaker) for q in found] == [("‘다리 하나’가 마을을 살린다", "윤서진")]


def test_quoted_term_is_a_scare_quote():
    found = quotes_of("군은 폐교를 ‘마을 책방’으로 바꾼다.")
    assert [(q.text, q.kind, q.speaker) for q in found] == [("마을 책방", "scare", None)]


def test_foreign_name_in_hangul():
    [q] = quotes_of("마리아 로페스 부사장은 “서울에 연구소를 연다”고 말했다.")
    assert (q.speaker, q.speaker_title) == ("마리아 로페스", "부사장")
