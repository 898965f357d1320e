"""Cleaning pasted pages: furniture out, every article paragraph in, unchanged, in order."""

from __future__ import annotations

import pytest

from newsbridge.clean import clean, clean_text, is_chrome
from tests.conftest import read_fixture


def texts(article):
    return [p.text for p in article.paragraphs]


def test_english_page_keeps_exactly_the_article_paragraphs(en_page):
    art = clean_text(en_page)
    assert art.title == "Riverton opens first public battery plant as grid strains in heat wave"
    assert art.byline == "Tomas Ellery"
    assert art.email == "tomas.ellery@rivertonherald.example"
    assert art.publisher == "Riverton Herald"
    assert art.published == "Aug. 14, 2026"
    assert art.dateline == "RIVERTON"
    body = texts(art)
    assert len(body) == 6
    assert body[0].startswith("RIVERTON — The city of Riverton switched on")
    assert body[-1] == ("The utility said a second, smaller plant is planned for the east side "
                        "of the city by 2028.")
    # every kept paragraph is a line of the page, unchanged
    page_lines = {line.strip() for line in en_page.splitlines()}
    assert all(p in page_lines for p in body)


def test_english_caption_printed_twice_is_one_caption_with_its_credit(en_page):
    art = clean_text(en_page)
    assert [(c.text, c.credit) for c in art.captions] == [
        ("Workers inspect battery racks at the new Riverton storage site, Thursday.", "AP-Yonhap")
    ]
    assert not any("Workers inspect" in p for p in texts(art))


@pytest.mark.parametrize("furniture", [
    "Skip to main content", "Sign in   Subscribe", "Font size  A-  A+", "Share on Facebook",
    "Copy link", "Related Stories", "Heat wave sets records across the region", "Most Popular",
    "Back to top", "© 2026 Riverton Herald. All rights reserved.", "World | Business | Science",
])
def test_english_furniture_never_reaches_the_body(en_page, furniture):
    assert not any(furniture in p for p in texts(clean_text(en_page)))


def test_korean_page(ko_page):
    art = clean_text(ko_page)
    assert art.title == "청솔군, 폐교 4곳 '마을 도서관'으로 새 단장…\"주민이 운영 맡는다\""
    assert (art.byline, art.email, art.publisher) == ("하윤서", "yunseo@cheongsol.example", "청솔신문")
    assert art.published == "2026.08.14 15:20"
    assert [(c.text, c.credit) for c in art.captions] == [("새 단장을 마친 청솔군 옛 은하분교 도서관 내부.", "청솔군 제공")]
    body = texts(art)
    assert len(body) == 6
    # the credit bracket is a byline, not article text
    assert body[0].startswith("청솔군이 학생 수 감소로")
    assert body[-1] == "군 관계자는 \"운영비의 절반은 도 교육청과 나눠 부담하기로 협의 중\"이라고 설명했다."
    for furniture in ("관련기사", "무단전재", "많이 본 뉴스", "맨 위로", "URL복사", "글자크기", "귀농 가구"):
        assert not any(furniture in p for p in body)


def test_korean_wire_story_with_agency_dateline():
    art = clean_text(read_fixture("wire.ko.txt"))
    assert art.title == "해안 경비대, 야간 순찰 인력 두 배로 늘린다"
    assert (art.byline, art.dateline, art.publisher) == ("오세진", "부산", "연합뉴스")
    assert art.email == "sejin@yna.example"
    assert art.published == "2026-03-02 11:41"
    assert [c.credit for c in art.captions] == ["연합뉴스"]
    assert texts(art) == [
        "남해 해안경비대가 다음 달부터 야간 순찰 인력을 지금의 두 배로 늘린다.",
        "경비대는 2일 보도자료를 내고 \"최근 밀수 시도가 잇따라 야간 감시를 강화하기로 했다\"고 밝혔다.",
        "박지훈 남해해안경비대장은 \"주민 신고가 가장 큰 힘\"이라고 강조했다.",
    ]


def test_hard_wrapped_paragraphs_are_joined_and_ads_dropped():
    art = clean_text(read_fixture("wrapped.en.txt"))
    assert art.title == "Lakeside library reopens after flood repairs"
    assert art.byline == "Jonah Pratt and Elise Marrow"
    body = texts(art)
    assert body[0] == ("The Lakeside public library reopened on Saturday, eight months after a burst "
                       "water main flooded its ground floor and destroyed about 12,000 books.")
    assert body[2].endswith('said head librarian Rosa Imbert. "That was the part people asked about first."')
    assert "Advertisement" not in body
    assert len(body) == 4


def test_plain_body_without_furniture_is_kept_whole():
    text = ("The museum will close for renovation in May.\n\n"
            "It expects to reopen in the autumn of next year, its director said.")
    art = clean_text(text)
    assert art.title is None
    assert texts(art) == text.split("\n\n")


def test_single_newlines_between_paragraphs():
    text = ("Dockworkers end strike after pay deal\n"
            "By Lena Ortiz\n"
            "Dockworkers at the port of Calder returned to work on Friday after a nine-day strike.\n"
            "The union said members had accepted a 7 percent raise.\n"
            "Copyright 2026 Calder Courier")
    art = clean_text(text)
    assert art.title == "Dockworkers end strike after pay deal"
    assert art.byline == "Lena Ortiz"
    assert texts(art) == [
        "Dockworkers at the port of Calder returned to work on Friday after a nine-day strike.",
        "The union said members had accepted a 7 percent raise.",
    ]


def test_related_list_inside_the_page_does_not_end_the_article():
    text = ("Village votes to keep its post office\n\n"
            "Residents of Amberly voted on Sunday to buy the village post office from its owner.\n\n"
            "▶ 관련기사\n· Post offices close across the county\n\n"
            "The parish council will run it with two paid staff and volunteers.")
    body = texts(clean_text(text))
    assert body == [
        "Residents of Amberly voted on Sunday to buy the village post office from its owner.",
        "The parish council will run it with two paid staff and volunteers.",
    ]


@pytest.mark.parametrize("line", [
    "Menu", "X", "CLOSE", "Top 10 Stories", "go top", "Subscribe | Log in", "Share this article",
    "Text size A- A A+", "무단전재 및 재배포 금지", "▶ 관련기사", "[사진=연합뉴스]", "전체메뉴",
    "페이스북 트위터 카카오톡 URL복사", "로그인 | 회원가입", "All rights reserved.", "12 comments",
    "Home > News > Local", "정치 | 경제 | 사회 | 국제",
])
def test_chrome_lines(line):
    assert is_chrome(line)


@pytest.mark.parametrize("line", [
    "The council voted 7-2 on Tuesday.",
    "He said the plan would close the menu of options.",
    "시는 총사업비 320억 원을 들여 상수관을 바꾼다.",
    "Share prices fell 3 percent on Monday.",
])
def test_article_sentences_are_not_chrome(line):
    assert not is_chrome(line)


@pytest.mark.parametrize("line, credit", [
    ("Fans cheer in Seoul on Sunday. AP-Yonhap", "AP-Yonhap"),
    ("Firefighters at the scene. (AP Photo/Kim Lee)", "AP Photo/Kim Lee"),
    ("시민들이 광장을 걷고 있다. /연합뉴스", "연합뉴스"),
    ("시청 전경. [사진=시 제공]", "시 제공"),
    ("The new bridge at dusk. Photo by Ana Ruiz", "Photo by Ana Ruiz"),
])
def test_caption_credits(line, credit):
    art = clean_text(f"{line}\n{line}\n\nThe bridge opened to traffic on Monday morning.")
    assert [c.credit for c in art.captions] == [credit]
    assert texts(art) == ["The bridge opened to traffic on Monday morning."]


def test_body_sentence_naming_an_agency_is_not_a_caption():
    text = "The fire was put out by noon, Yonhap said.\n\nNo one was hurt."
    assert texts(clean_text(text)) == ["The fire was put out by noon, Yonhap said.", "No one was hurt."]


def test_korean_without_full_stops_is_still_an_article():
    text = "시는 내년 예산을 5% 늘린다고 밝혔다\n시의회는 다음 주 예산안을 심의한다"
    assert texts(clean(text)) == text.split("\n")


def test_offsets_slice_the_body(en_page):
    art = clean_text(en_page)
    for p in art.paragraphs:
        assert art.body[p.start:p.end] == p.text
