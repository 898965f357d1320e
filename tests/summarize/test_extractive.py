"""Key points: order, count, exclusions, and the rule that a quote always keeps its speaker.

Articles here are written for these tests; the people and places are fictional.
"""

from __future__ import annotations

import pytest

import newsbridge
from newsbridge.document import Article
from newsbridge.quotes import RulesQuoteExtractor
from newsbridge.segment import segment
from newsbridge.summarize import ExtractiveSummarizer, summarize
from newsbridge.summarize.extractive import trim
from newsbridge.summarize.speakers import names_speaker

EN_ARTICLE = [
    "The city of Amberly approved a new tram line on Tuesday, ending a decade-long fight over how to link the harbour and the airport.",
    "The line will cost 610 million euros and is due to open in 2031, city officials said.",
    "Scroll down for video.",
    '"This is the most important transport decision of a generation," said Mayor Ines Kovac, who backed the plan for years.',
    '"None are more important than the commuters who waited," she added.',
    "Opponents said a dedicated bus lane would carry as many passengers at a quarter of the cost of the tram line.",
    "Also, the harbour authority will rebuild two piers near the new tram terminal at the airport.",
    "Why does a small city need a tram?",
    "Construction of the tram line starts in March, and the first test trams should run on the harbour section in 2029.",
]


def key_points(paragraphs, lang, points=5, title=None):
    article = segment(Article.from_paragraphs(paragraphs, title=title), lang)
    quotes = RulesQuoteExtractor().extract(article, lang)
    return article, quotes, ExtractiveSummarizer().summarize(article, quotes, lang, points)


def test_points_follow_article_order_and_count():
    for n in (1, 3, 5):
        _, _, found = key_points(EN_ARTICLE, "en", n)
        assert len(found) == n
        ids = [k.sentence_ids[0] for k in found]
        assert ids == sorted(ids)


def test_fragments_questions_and_furniture_are_not_points():
    _, _, found = key_points(EN_ARTICLE, "en", 8)
    texts = " ".join(k.text for k in found)
    assert "Scroll down" not in texts
    assert "Why does a small city need a tram?" not in texts


def test_dangling_connective_is_trimmed():
    assert trim("Also, the harbour authority will rebuild two piers.", "en") == "The harbour authority will rebuild two piers."
    assert trim("하지만 시의회는 예산안을 부결했다.", "ko") == "시의회는 예산안을 부결했다."
    assert trim("But no.", "en") == "But no."  # too little would be left


def test_every_quoted_point_names_its_speaker():
    article, quotes, found = key_points(EN_ARTICLE, "en", 9)
    by_id = {q.id: q for q in quotes}
    quoted = [k for k in found if k.quote_ids]
    assert quoted
    for point in quoted:
        for qid in point.quote_ids:
            assert names_speaker(point.text, by_id[qid].speaker)


def test_pronoun_attribution_is_rewritten_with_the_name():
    _, _, found = key_points(EN_ARTICLE, "en", 9)
    rewritten = [k.text for k in found if "None are more important" in k.text]
    assert rewritten == ['"None are more important than the commuters who waited," Ines Kovac added.']


def test_title_attribution_is_rewritten_with_the_canonical_speaker():
    paragraphs = ["Mayor Doug Halvorsen presented the harbour budget to the council on Tuesday evening.",
                  '"We will not raise the harbour fees this year, or next year," the mayor said.']
    _, quotes, found = key_points(paragraphs, "en", 2)
    assert quotes[0].speaker == "Doug Halvorsen"
    assert found[1].text == '"We will not raise the harbour fees this year, or next year," Doug Halvorsen said.'


def test_korean_title_speaker_rewritten_with_the_name():
    paragraphs = ["김성근 한결대 공과대학 학장은 8일 기자간담회를 열고 새 교육과정을 발표했다.",
                  "김 학장은 “인공지능 교육을 모든 학과에서 필수로 가르치겠다”고 말했다."]
    _, _, found = key_points(paragraphs, "ko", 2)
    assert found[1].text == "김성근은 “인공지능 교육을 모든 학과에서 필수로 가르치겠다”고 말했다."


def test_quote_standing_alone_gets_its_speaker():
    paragraphs = ['"The pier will open in June," said harbour master Tomas Berg on Monday at the pier.',
                  '"We are building it with local timber and local workers from the harbour town."']
    _, _, found = key_points(paragraphs, "en", 2)
    assert found[1].text == ('"We are building it with local timber and local workers from the harbour town," '
                             "Tomas Berg said.")


def test_quote_without_a_known_speaker_is_never_a_point():
    paragraphs = ["The council met on Monday evening to discuss the harbour budget for next year.",
                  '"Everything will be fine, and nobody has to worry about the harbour at all."']
    _, _, found = key_points(paragraphs, "en", 2)
    assert [k.text for k in found] == ["The council met on Monday evening to discuss the harbour budget for next year."]


def test_korean_pronoun_speaker_rewritten():
    paragraphs = [
        "해솔군이 노후 방파제를 내년까지 전면 보강한다고 12일 밝혔다.",
        "윤서진 해솔군수는 이날 “방파제 공사를 내년 봄까지 마치겠다”고 말했다.",
        "그는 “주민 불편을 최소화하기 위해 야간 공사를 원칙으로 하겠다”고 덧붙였다.",
    ]
    _, _, found = key_points(paragraphs, "ko", 3)
    assert found[2].text == "윤서진은 “주민 불편을 최소화하기 위해 야간 공사를 원칙으로 하겠다”고 덧붙였다."
    assert found[0].sentence_ids == [0]


def test_empty_and_one_sentence_articles():
    _, _, found = key_points(["The ferry runs again."], "en", 5)
    assert [k.text for k in found] == ["The ferry runs again."]
    assert ExtractiveSummarizer().summarize(Article.from_paragraphs([]), [], "en", 5) == []


def test_offsets_point_at_the_source_sentence():
    article, _, found = key_points(EN_ARTICLE, "en", 4)
    for point in found:
        sentence = article.sentences[point.sentence_ids[0]]
        assert (point.start, point.end) == (sentence.start, sentence.end)


@pytest.mark.parametrize("page, lang", [("en_page", "en"), ("ko_page", "ko")])
def test_summarize_api_on_pasted_pages(page, lang, request):
    found = summarize(request.getfixturevalue(page), points=3)
    assert len(found) == 3
    text = " ".join(k.text for k in found)
    for furniture in ("Share on", "Related", "©", "무단전재", "관련기사", "AP-Yonhap", "[사진="):
        assert furniture not in text


def test_process_fills_key_points(ko_page):
    result = newsbridge.process(ko_page, points=2)
    assert len(result.key_points) == 2
    assert all(k.start < k.end for k in result.key_points)
