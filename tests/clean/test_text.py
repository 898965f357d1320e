"""Cleaning pasted pages: furniture out, every article paragraph in, unchanged, in order."""

from __future__ import annotations

import pytest

from newsbridge.clean import clean, clean_text, is_chrome
from tests.conftest import ROOT, read_fixture


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
    ("Crowds outside the court in The Hague - Copyright Piet Jansen/Reuters", "Piet Jansen/Reuters"),
    ("새 다리 위로 차량이 달리고 있다. 사진=박지훈 기자", "사진=박지훈 기자"),
    ("시민들이 다리를 건너고 있다. /윤소라 기자 sora@paper.example", "윤소라 기자"),
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


# --- the page structure signals of issue 12, each on a small page of its own ----------------

def test_title_is_the_headline_not_a_one_line_menu_nor_a_date_line():
    text = ("경제신문\n정치 북한 경제 마켓+ 산업 사회 전국 세계 문화 스포츠 오피니언\n\n"
            "항만공사, 컨테이너 야적장 두 배로 늘린다\n\n"
            "입력 2019.11.08 17:20 수정 2019.11.08 18:02\n\n"
            "항만공사가 2027년까지 컨테이너 야적장을 지금의 두 배로 늘린다고 8일 밝혔다.\n\n"
            "공사는 사업비 1200억원을 들여 북항 배후부지에 야적장을 새로 짓는다.")
    art = clean_text(text)
    assert art.title == "항만공사, 컨테이너 야적장 두 배로 늘린다"
    assert art.published == "2019.11.08 17:20"
    assert len(art.paragraphs) == 2


def test_a_caption_above_the_body_is_not_the_title():
    text = ("Harbour board approves night ferry to the islands\n\n"
            "Islanders wait at the ferry terminal on Monday. Photo by Ana Ruiz\n\n"
            "The harbour board approved a night ferry to the outer islands on Monday, the first "
            "service after 8 p.m. in twenty years.\n\n"
            "The ferry will run three nights a week from June.")
    art = clean_text(text)
    assert art.title == "Harbour board approves night ferry to the islands"
    assert [c.credit for c in art.captions] == ["Photo by Ana Ruiz"]


def test_image_source_and_image_caption_markers():
    text = ("Dam operators lower reservoir ahead of storm\n\nBy Amir Haddad\n\n"
            "Image source, Getty Images\nImage caption,\nWater is released from the Corran dam on Tuesday\n\n"
            "Operators of the Corran dam began releasing water on Tuesday to make room for the rain "
            "expected this weekend.\n\nThe release will continue until Friday, they said.")
    art = clean_text(text)
    assert art.title == "Dam operators lower reservoir ahead of storm"
    assert [(c.text, c.credit) for c in art.captions] == [
        ("Water is released from the Corran dam on Tuesday", "Getty Images")]
    assert [p.text[:9] for p in art.paragraphs] == ["Operators", "The relea"]


def test_korean_caption_printed_twice_with_a_db_credit_is_a_caption():
    text = ("전통시장 주차장 200면 늘린다\n\n"
            "읍내 전통시장 입구. /해미신문 DB\n읍내 전통시장 입구. /해미신문 DB\n\n"
            "해미군이 읍내 전통시장 주차장을 200면 늘린다고 밝혔다.\n\n"
            "군은 내년 상반기 착공할 계획이다.\n\n"
            "[ⓒ 해미신문 무단전재 및 재배포 금지]")
    art = clean_text(text)
    assert [(c.text, c.credit) for c in art.captions] == [("읍내 전통시장 입구.", "해미신문 DB")]
    assert art.publisher == "해미신문"
    assert art.title == "전통시장 주차장 200면 늘린다"
    assert len(art.paragraphs) == 2


def test_end_of_page_furniture_with_published_dates_is_not_body():
    text = ("Council scraps plan for second runway\n\nPublished\n3 May 2026\n\n"
            "The county council voted on Tuesday to scrap plans for a second runway at Alder airport.\n\n"
            "The decision ends a twelve-year campaign by local residents.\n\n"
            "More on this story\n\nAlder airport passenger numbers fall again\nPublished\n12 April 2026\n\n"
            "Residents fear noise from longer flight hours\nPublished\n2 March 2026\n\n"
            "Related Internet Links\n\nAlder County Council\n\n"
            "The Broadcaster is not responsible for the content of external sites.")
    art = clean_text(text)
    assert [p.text[:12] for p in art.paragraphs] == ["The county c", "The decision"]
    assert art.published == "3 May 2026"


def ferry_page(line: str) -> str:
    """A small page with `line` between the headline and the body."""
    return (f"Ferry fares to rise in June\n\n{line}\n\n"
            "Ferry fares will rise by 4 percent in June, the operator said.\n\nSeason tickets are not affected.")


@pytest.mark.parametrize("line, byline, email", [
    ("By FIRSTNAME LASTNAME", "FIRSTNAME LASTNAME", None),
    ("By ROSA DIAZ and TOM KEMP", "ROSA DIAZ and TOM KEMP", None),
    ("김민수 기자", "김민수", None),
    ("기자명 김민수 기자", "김민수", None),
    ("김민수 기자 구독", "김민수", None),
    ("Do Je-hae jhdo@koreatimes.example", "Do Je-hae", "jhdo@koreatimes.example"),
    ("BY LEE HA-EUN [lee.haeun@paper.example]", "LEE HA-EUN", "lee.haeun@paper.example"),
    ("By senior health reporter Aroha Ngata", "Aroha Ngata", None),
    ("By Jordan Lee Coastline Herald", "Jordan Lee", None),
    ("By Marta Kowalski with Reuters", "Marta Kowalski", None),
    ("Writer: Nattapong Sirisuk", "Nattapong Sirisuk", None),
    ("/이준호 기자 junho@paper.example", "이준호", "junho@paper.example"),
])
def test_bylines(line, byline, email):
    art = clean_text(ferry_page(line))
    assert (art.byline, art.email) == (byline, email)
    assert len(art.paragraphs) == 2


def test_a_reporter_name_standing_alone_under_the_headline_is_the_byline():
    text = ("Menu\n\nFerry fares to rise in June\n\nShare\n\nMin-ji Park\nNews, Seoul\n\n14 March 2016\n\n"
            "Ferry fares will rise by 4 percent in June, the operator said.\n\nSeason tickets are not affected.")
    art = clean_text(text)
    assert (art.title, art.byline, art.published) == ("Ferry fares to rise in June", "Min-ji Park", "14 March 2016")


@pytest.mark.parametrize("line, published", [
    ("Updated 4:12 PM EDT, July 8, 2015", "July 8, 2015"),
    ("14 March 2016", "14 March 2016"),
    ("Mon 14 Mar 2016 18.02 GMT", "Mon 14 Mar 2016"),
    ("송고2026-11-27 14:21", "2026-11-27 14:21"),
    ("입력 2026.11.27 (21:14) 수정 2026.11.27 (22:05)", "2026.11.27 (21:14)"),  # the time as printed
    ("입력 : 2026-12-21 오전 6:00:00", "2026-12-21 오전 6:00:00"),
    ("수정 2026-11-27 18:01 등록 2026-11-27 17:20", "2026-11-27 17:20"),
    ("Published 6:02 a.m. ET March 14, 2016 | Updated 9:15 a.m. ET March 15, 2016", "March 14, 2016"),
    ("한빛일보 | 입력 : 2026-11-27 18:20 | 본지 8면", "2026-11-27 18:20"),
    ("Thu Nov 26 2026 - 07:15", "Thu Nov 26 2026"),
])
def test_date_lines(line, published):
    assert clean_text(ferry_page(line)).published == published


@pytest.mark.parametrize("lede, dateline", [
    ("PORT AMITY, N.C. (AP) — Ferry fares will rise by 4 percent in June, the operator said.", "PORT AMITY, N.C."),
    ("SEOUL, Nov. 27 (Yonhap) -- Ferry fares will rise by 4 percent in June, the operator said.", "SEOUL"),
])
def test_english_datelines(lede, dateline):
    assert clean_text(f"Ferry fares to rise\n\n{lede}\n\nSeason tickets are not affected.").dateline == dateline


@pytest.mark.parametrize("copyright, publisher", [
    ("[ⓒ 해미신문 무단전재 및 재배포 금지]", "해미신문"),
    ("Copyright ⓒ 한국경제. All rights reserved. 무단 전재 및 재배포 금지.", "한국경제"),
    ("© 2026 Northern Courier Media Group Ltd. All rights reserved.", "Northern Courier Media Group Ltd"),
    ("ⓒ부산일보(www.busan.example), 무단전재 및 수정 금지", "부산일보"),
])
def test_publisher_is_the_copyright_owner_not_the_notice(copyright, publisher):
    text = f"Ferry fares to rise in June\n\nFerry fares will rise by 4 percent in June, the operator said.\n\n{copyright}"
    assert clean_text(text).publisher == publisher


def test_notes_about_the_reporter_after_the_body_are_not_body():
    text = ("Ferry fares to rise in June\n\nBy RACHEL OKONJO\n\n"
            "Ferry fares will rise by 4 percent in June, the operator said.\n\n"
            "Season tickets are not affected.\n\nRACHEL OKONJO\n"
            "Okonjo covers transport for the paper.\n\nContact the newsroom at news@paper.example.")
    assert [p.text for p in clean_text(text).paragraphs] == [
        "Ferry fares will rise by 4 percent in June, the operator said.", "Season tickets are not affected."]


def test_broadcast_script_markers_and_sign_off():
    text = ("해안 도로 낙석 주의보\n\n박서윤 기자\n\n[앵커]\n\n해안 도로에 낙석 주의보가 내려졌습니다.\n\n"
            "[리포트]\n\n어제 내린 비로 절벽의 흙이 약해졌습니다.\n\nKBS 뉴스 박서윤입니다.\n\n촬영기자:이민호")
    art = clean_text(text)
    assert [p.text for p in art.paragraphs] == ["해안 도로에 낙석 주의보가 내려졌습니다.", "어제 내린 비로 절벽의 흙이 약해졌습니다."]
    assert art.byline == "박서윤"


def test_a_headline_that_asks_a_question_is_the_title():
    text = ("Menu\n\nCan batteries replace the old peaker plants?\n\nBy Ines Kovac\n\n"
            "Utilities across the region are replacing gas plants that run only on the hottest days "
            "with large batteries.\n\nThe first of them opened on Monday.")
    art = clean_text(text)
    assert art.title == "Can batteries replace the old peaker plants?"
    assert len(art.paragraphs) == 2


SHARED_EXAMPLES = ROOT.parent / "shared" / "examples"


@pytest.mark.skipif(not SHARED_EXAMPLES.is_dir(), reason="../shared/examples is not on this machine")
@pytest.mark.parametrize("name, expected", [
    ("pasted-page.en.txt", ("Port Halden council backs ferry expansion despite cost worries", "Mira Okafor",
                            "mira.okafor@haldendaily.example", "Halden Daily", "PORT HALDEN",
                            [("Commuters wait for the 7:40 a.m. ferry at Halden Quay, Monday.",
                              "Courtesy of Halden Transit Authority")],
                            "PORT HALDEN — The city council voted 7-2", "would enter service next spring.")),
    ("pasted-page.ko.txt", ("한빛시, 노후 상수관 전면 교체…\"내년 말까지 누수율 절반으로\"", "서지원", "jiwon@hanbit.example",
                            "한빛일보", None, [("한빛시청 전경.", "한빛시 제공")],
                            "한빛시가 30년 넘은 노후 상수관을", "1단계 구간은 예정대로 착공한다\"고 설명했다.")),
])
def test_the_shared_example_pages(name, expected):
    art = clean_text((SHARED_EXAMPLES / name).read_text(encoding="utf-8"))
    title, byline, email, publisher, dateline, captions, first, last = expected
    assert (art.title, art.byline, art.email, art.publisher, art.dateline) == (title, byline, email, publisher, dateline)
    assert [(c.text, c.credit) for c in art.captions] == captions
    assert len(art.paragraphs) == 6
    assert art.paragraphs[0].text.startswith(first) and art.paragraphs[-1].text.endswith(last)


def test_an_image_source_credit_belongs_to_the_caption_after_it_not_the_line_before():
    text = ("Dam operators lower reservoir ahead of storm\n\nAmir Haddad\nNews, Belfast\n\n"
            "Image source, Reuters\nImage caption,\nWater is released from the Corran dam on Tuesday\n\n"
            "Operators of the Corran dam began releasing water on Tuesday to make room for the rain "
            "expected this weekend.\n\nThe release will continue until Friday, they said.")
    art = clean_text(text)
    assert [(c.text, c.credit) for c in art.captions] == [
        ("Water is released from the Corran dam on Tuesday", "Reuters")]
    assert art.byline == "Amir Haddad"


@pytest.mark.parametrize("sentence", [
    '"We are proud of our award-winning emergency team," Mayor Dana Ortiz said on Monday.',
    "The FTC said the company's terms of service and privacy policy misled its users.",
    "Users who download Meta's new Threads app can now post longer videos, the company said.",
    "By subscribing to the service, users agree to share their location, the lawsuit says.",
    "40 comments were submitted during the public hearing on the rezoning plan.",
    "Correction officers said the inmate escaped through a laundry truck.",
    "The finalists are: Ana Ruiz, Tom Bell, Joe Kim, and Lee Park.",
    "Additional sources of funding will be sought from the province, the mayor said.",
    "Is this plan affordable? Councillors were split on the question for most of the evening.",
])
def test_ordinary_sentences_that_sound_like_furniture_stay_in_the_body(sentence):
    page = ("City council approves new budget after long debate\n\n"
            "The city council approved a $40 million budget on Monday after a six-hour debate.\n\n"
            f"{sentence}\n\n"
            "The budget takes effect in July, and the next vote is planned for the autumn.")
    assert sentence in texts(clean_text(page))


def test_a_papers_notice_under_the_last_paragraph_is_not_a_photo_credit():
    page = ("예산안 협상 결렬\n\n"
            "여야가 내년도 예산안 협상에서 끝내 합의하지 못했다. 본회의 처리는 다음 주로 미뤄졌다.\n\n"
            '박성훈 의원은 "정부·여당이 여전히 정부안만 고집하고 있다"고 말했다.\n\nⓒ 한겨레')
    article = clean_text(page)
    assert texts(article)[-1].startswith("박성훈 의원은")
    assert not article.captions


def test_a_name_alone_with_accents_is_the_byline_and_a_role_line_under_it_is_not():
    text = ("Ferry fares to rise in June\n\nSéamus Ó Briain\nTransport Correspondent\n\n"
            "Ferry fares will rise by 4 percent in June, the operator said.\n\nSeason tickets are not affected.")
    assert clean_text(text).byline == "Séamus Ó Briain"
    text = text.replace("Séamus Ó Briain\n", "")
    assert clean_text(text).byline is None


@pytest.mark.parametrize("line", [
    "This story by The Associated Press was first published on March 3, 2026.",
    "Additional reporting by Reuters",
    "Do you like what you read in this story?",
    "Was this article helpful?",
    "Get the morning's top stories straight to your inbox.",
    "NEW You can now listen to Harbour Post articles!",
    "Copy the embed code below to share this video:",
])
def test_notes_and_calls_to_the_reader_inside_the_body_are_not_body(line):
    page = ("City council approves new budget after long debate\n\n"
            "The city council approved a $40 million budget on Monday after a six-hour debate.\n\n"
            f"{line}\n\n"
            "The budget takes effect in July, and the next vote is planned for the autumn.")
    assert texts(clean_text(page)) == [
        "The city council approved a $40 million budget on Monday after a six-hour debate.",
        "The budget takes effect in July, and the next vote is planned for the autumn."]


def _page_with(header: str) -> str:
    menu = "\n".join(["Home", "News", "Sport", "Weather", "Business"])
    return (f"{menu}\n\nCouncil approves budget after long debate\n\n{header}\n\n"
            "The city council approved a $40 million budget on Monday after a six-hour debate.\n\n"
            "Councillors voted 7-4 in favour after amendments on road repairs were added.\n\n"
            "The budget takes effect in July, and the next vote is planned for the autumn.\n\n"
            "Related stories\nCouncil rejects parking fee rise\nLibrary hours cut again\n\n"
            "Most read\nStorm closes coast road\nSchool run traffic eases\n\n© 2026 City Post")


@pytest.mark.parametrize("header", [
    # a summary box under a label, the box's lines run together, set apart from the article
    "Key points:\nThe budget is $40 million, up 3 percent.\nRoad repairs get the biggest share.",
    "At a glance:\nThe vote was 7-4.\nThe budget starts in July.",
    # a video block: the player's buttons, its title and its description
    "Close\nVideo\nCouncil debate in two minutes\nOur reporter sums up the six-hour debate at City Hall.",
])
def test_a_box_or_a_video_block_above_the_article_is_not_body(header):
    article = clean_text(_page_with(header))
    assert texts(article)[0].startswith("The city council approved")
    assert len(article.paragraphs) == 3


def test_headlines_listed_under_read_more_are_not_joined_into_a_sentence():
    page = _page_with("By Dana Ortiz").replace(
        "Related stories\nCouncil rejects parking fee rise\nLibrary hours cut again",
        "Read more\nCouncil rejects a parking fee rise after a long campaign by traders\nWhich roads will be repaired first?")
    assert texts(clean_text(page))[-1].startswith("The budget takes effect")


def test_a_question_between_paragraphs_is_a_subheading():
    page = _page_with("By Dana Ortiz").replace(
        "Councillors voted 7-4", "How will the money be spent?\n\nCouncillors voted 7-4")
    body = texts(clean_text(page))
    assert "How will the money be spent?" not in body and len(body) == 3


@pytest.mark.parametrize("header", [
    "Dana Ortiz · City Post",
    "Trending\nRoad Repairs\nDana Ortiz\nSchool Run\n\nDana Ortiz · City Post",
])
def test_a_name_beside_its_outlet_is_the_byline_and_a_trending_list_names_nobody(header):
    assert clean_text(_page_with(header)).byline == "Dana Ortiz"


@pytest.mark.parametrize("line", [
    "Download the City Post app for the latest local news.",
    "The Morning Brief newsletter has everything you need to start the day. Sign up here.",
    "Stay up to date with the latest news. Follow City Post on WhatsApp.",
])
def test_more_calls_to_the_reader_are_not_body(line):
    page = _page_with("By Dana Ortiz").replace("Related stories", f"{line}\n\nRelated stories")
    assert texts(clean_text(page))[-1].startswith("The budget takes effect")


def test_the_end_of_article_marker_ends_the_body():
    page = _page_with("By Dana Ortiz").replace(
        "Related stories", "end of article\n\nThe City Post is read by more than a million people every month.\n\nRelated stories")
    assert texts(clean_text(page))[-1].startswith("The budget takes effect")


def test_a_table_inside_the_article_does_not_cut_the_body():
    table = "Item\tThis year\tNext year\nRoads\t$9m\t$11m\nParks\t$4m\t$4m\nLibraries\t$3m\t$2m\nTransit\t$8m\t$9m"
    page = _page_with("By Dana Ortiz").replace("Councillors voted 7-4", f"{table}\n\nCouncillors voted 7-4")
    body = texts(clean_text(page))
    assert body[0].startswith("The city council approved") and len(body) == 3


@pytest.mark.parametrize("line, text, credit", [
    ("월별 관광객 추이. 그래픽=이다은 daeun@paper.example", "월별 관광객 추이.", "그래픽=이다은"),
    ("(부산=한빛통신) 최민수 기자 = 2일 부산 해운대 해수욕장에 관광객들이 모여 있다. 2026.12.2/한빛통신 "
     "Copyright (C) 한빛통신. All rights reserved. 무단 전재 및 재배포 금지.",
     "2일 부산 해운대 해수욕장에 관광객들이 모여 있다.", "한빛통신"),
])
def test_korean_captions_with_an_address_or_a_wire_notice(line, text, credit):
    page = (f"해운대 관광객 늘었다\n\n박지훈 기자\n\n{line}\n\n"
            "올해 해운대를 찾은 관광객이 지난해보다 12% 늘었다.\n\n부산시는 숙박 시설을 늘리기로 했다.")
    article = clean_text(page)
    assert [(c.text, c.credit) for c in article.captions] == [(text, credit)]
    assert article.byline == "박지훈" and len(article.paragraphs) == 2


def test_the_headline_above_the_date_not_the_deck_below_it_and_a_credit_under_the_deck_is_no_caption():
    page = ("경제\n\n'연말 카드 소득공제' 미리 챙기세요…국세청 서비스 개시\n\n입력 2026.12.01 15:34 게재 2026.12.02 (5면)\n\n"
            "국세청, 카드 사용액으로 예상 세액 계산 제공\n올해부터 문화비 공제율 상향\n\n사진=게티이미지뱅크\n\n"
            "국세청이 연말정산 예상 세액을 미리 계산해 볼 수 있는 서비스를 1일 시작했다. 카드 사용액이 자동으로 채워진다.\n\n"
            "국세청 관계자는 \"남은 한 달의 지출 계획에 쓰면 좋다\"고 말했다.")
    article = clean_text(page)
    assert article.title == "'연말 카드 소득공제' 미리 챙기세요…국세청 서비스 개시"
    assert article.captions == () and article.published == "2026.12.01 15:34"


@pytest.mark.parametrize("header, byline", [
    ("Omar Farooq Published March 3, 2027 Updated about 2 hours ago", "Omar Farooq"),
    ("Lena Hart, The Millbrook Gazette", "Lena Hart"),
    ("Facebook Count\nX Count\n\nBy Lena Hart", "Lena Hart"),
])
def test_more_bylines(header, byline):
    assert clean_text(_page_with(header)).byline == byline


@pytest.mark.parametrize("line, credit", [
    ("A pupil walks to school through the fog. — Star Photo/File", "Star Photo/File"),
    ("Councillors at the budget vote on Monday. Lena Hart/The Millbrook Gazette", "Lena Hart/The Millbrook Gazette"),
    ("Pensioners will get a 2.6% rise from January. getty", "getty"),
    ("시민들이 성탄 트리 앞에서 사진을 찍고 있다. <한빛일보 DB>", "한빛일보 DB"),
])
def test_still_more_caption_credits(line, credit):
    art = clean_text(f"{line}\n\nThe bridge opened to traffic on Monday morning.")
    assert [c.credit for c in art.captions] == [credit]


@pytest.mark.parametrize("line", [
    "Illustration by The Millbrook Gazette. Sources: Getty.",
    "When you buy a book using a link on this page, we receive a commission.",
    "Follow me on LinkedIn. Check out my website.",
])
def test_credit_lines_affiliate_notes_and_author_plugs_are_not_body(line):
    page = _page_with("By Dana Ortiz").replace("Councillors voted 7-4", f"{line}\n\nCouncillors voted 7-4")
    assert line not in texts(clean_text(page)) and len(clean_text(page).paragraphs) == 3


@pytest.mark.parametrize("top, notice, publisher", [
    ("The Millbrook", "© 2026 The Millbrook Monthly Group", "The Millbrook"),
    ("한빛뉴스", "저작권자 ⓒ 진실에 강한 한빛뉴스 무단 전재 및 재배포 금지", "한빛뉴스"),
    ("한빛뉴스", "[한빛뉴스 무단전재 및 재배포 금지]", "한빛뉴스"),
    ("한빛일보", "ⓒ 한빛일보 www.hanbit.example 무단전재 및 재배포 금지", "한빛일보"),
])
def test_the_publisher_from_notices_of_more_shapes(top, notice, publisher):
    text = f"{top}\n\nFerry fares to rise in June\n\nFerry fares will rise by 4 percent in June, the operator said.\n\n{notice}"
    assert clean_text(text).publisher == publisher


def test_a_korean_credit_prefix_with_a_jamo_bar():
    art = clean_text("한파 출근길\n\n[한빛라인ㅣ오세진 기자] 올겨울 첫 한파주의보가 내려진 8일 아침 시민들이 출근을 서둘렀다.\n\n"
                     "기상청은 추위가 주말까지 이어진다고 밝혔다.")
    assert art.byline == "오세진" and art.paragraphs[0].text.startswith("올겨울")


@pytest.mark.parametrize("line", [
    "This is AI generated summarization, which may have errors. For context, always refer to the full article.",
    "City Post AI is in beta. Translations may contain inaccuracies.",
    "Chart: City Post • Source: City of Millbrook • Created with Datawrapper",
])
def test_machine_notes_and_chart_credits_are_not_body(line):
    page = _page_with("By Dana Ortiz").replace("Councillors voted 7-4", f"{line}\n\nCouncillors voted 7-4")
    assert texts(clean_text(page))[1].startswith("Councillors voted")


def test_a_box_of_points_under_a_note_and_a_table_with_its_title_are_not_body():
    box = "Key points\n• The budget is $40 million.\n• Roads get the biggest share.\n• The vote was 7-4."
    table = "Spending by department\nRoads, parks and libraries ($m)\nRoads\t9\t11\nParks\t4\t4\nLibraries\t3\t2"
    page = _page_with(box).replace("Councillors voted 7-4", f"{table}\n\nCouncillors voted 7-4")
    assert len(clean_text(page).paragraphs) == 3


def test_a_gallery_label_announces_a_caption_and_a_glued_paper_credit():
    page = ("Rinks open early\n\nOpen this photo in gallery:\nSkaters at the square on Sunday.Fred Lum/The Maple Courant\n\n"
            "The city opened its outdoor rinks on Saturday, days ahead of schedule.\n\nBookings open on Monday.")
    assert [(c.text, c.credit) for c in clean_text(page).captions] == [
        ("Skaters at the square on Sunday.", "Fred Lum/The Maple Courant")]


@pytest.mark.parametrize("header, byline", [("K. Lakshmi Narayanan\nPublished - December 15, 2026 09:12 pm IST", "K. Lakshmi Narayanan")])
def test_a_name_with_initials(header, byline):
    assert clean_text(_page_with(header)).byline == byline


def test_korean_appeals_closing_lines_and_a_reporters_label_before_the_stand_up():
    page = ("한파에 계량기 동파\n\n안수진 기자\n\n"
            "[앵커]\n올겨울 가장 강한 한파가 찾아왔습니다. 안수진 기자가 알아봤습니다.\n\n"
            "서울 은평구의 한 다세대주택입니다. 계량기가 얼어 터졌습니다.\n\n"
            "안수진 기자\n\n기상청은 추위가 주말까지 이어질 것으로 내다봤습니다.\n\n다올TV 안수진입니다.\n\n"
            "지금까지 사회부 안수진 기자였습니다.\n\n"
            "다올TV는 시청자 여러분의 후원으로 운영됩니다. 공정한 보도를 위해 후원해주세요.\n\n"
            "ⓒ 다올TV 무단전재 및 재배포 금지")
    body = texts(clean_text(page))
    assert body[-1].startswith("기상청은") and len(body) == 3


def _page(*blocks: str) -> str:
    return "\n\n".join(blocks)


_BODY_EN = ["The city opened its new river trail to skaters on Sunday, after a week of deep cold made the ice thick "
            "enough for the crews to clear it.",
            "Officials said the trail would stay open as long as the cold lasts, and that patrols would check the ice "
            "every morning before it opens.",
            "\u201cWe have never had the ice this early,\u201d said Dana Fox, who runs the trail for the city."]


@pytest.mark.parametrize("photo, caption", [
    ("ARLO BRANDT / NORTHERN DAILY\nSkaters try out the newly opened section of the trail on Sunday.",
     "Skaters try out the newly opened section of the trail on Sunday."),
    ("A plow clears a residential street in the north end on Sunday night.\nHarbor News",
     "A plow clears a residential street in the north end on Sunday night."),
    ("Fog over the coastal highway early on Monday.\nImage Credit: Harbor News Archives",
     "Fog over the coastal highway early on Monday."),
])
def test_a_caption_with_a_credit_line_of_capitalised_words_is_no_body(photo, caption):
    art = clean_text(_page("River trail opens for skaters after the cold snap", "By Ryan Holt", photo, *_BODY_EN))
    assert [c.text for c in art.captions] == [caption]
    assert len(art.paragraphs) == 3 and art.paragraphs[0].text.startswith("The city opened")


def test_an_authors_card_is_no_caption():
    art = clean_text(_page("River trail opens for skaters after the cold snap", "By Ryan Holt", *_BODY_EN,
                           "Ryan Holt joined the paper in 2019 and covers city hall.\nRyan Holt"))
    assert art.captions == ()


def test_a_sentence_that_introduces_a_list_is_body():
    art = clean_text(_page("Snow emergency declared in both cities", "By Ryan Holt", _BODY_EN[0],
                           "In the north end, the parking rules run over three days:",
                           "Day 1: Starting at 9 p.m. Sunday, do not park on either side of a snow route.",
                           "Day 2: Starting at 8 a.m. Monday, do not park on the even-numbered side."))
    assert len(art.paragraphs) == 4


def test_two_reporters_split_by_a_comma():
    art = clean_text(_page("River trail opens for skaters after the cold snap", "By Ava Lind, Marcus Bell", *_BODY_EN))
    assert art.byline == "Ava Lind, Marcus Bell"


def test_korean_place_tag_and_reporter_credit_leave_the_lede():
    body = ["시는 31일 밤 10시부터 다음 날 오전 9시까지 해변 앞 도로의 차량 통행을 막는다고 밝혔다.",
            "시 관계자는 \"대중교통을 이용해 달라\"고 당부했다."]
    art = clean_text(_page("새해 해맞이객 15만명 몰린다…해변 교통 통제", "【강릉】강릉시가 새해 첫날 해맞이객 15만명이 몰릴 것으로 보고 교통 대책을 세웠다.", *body))
    assert art.dateline == "강릉" and art.paragraphs[0].text.startswith("강릉시가")
    art = clean_text(_page("편의점 반값 케이크 떨이 세일 시작", "[핫픽뉴스] 오정민 기자 = 크리스마스가 지나자 편의점에서 남은 케이크를 할인해 판다.", *body))
    assert art.byline == "오정민" and art.paragraphs[0].text.startswith("크리스마스가")
