"""Who said it: mentions resolved to the article's people and organisations (entities.py,
speakers.py). Articles written for these tests, in styles of several kinds of outlets."""

from __future__ import annotations

import pytest

from newsbridge.document import Article
from newsbridge.quotes import RulesQuoteExtractor
from newsbridge.segment import segment


def quotes_of(*paragraphs: str, lang: str = "en"):
    article = segment(Article.from_paragraphs(list(paragraphs)), lang)
    found = RulesQuoteExtractor().extract(article, lang)
    for q in found:
        assert article.body[q.start:q.end] == q.text
        assert 0.0 <= q.confidence <= 1.0
    return [q for q in found if q.kind == "speech"]


def test_a_title_alone_is_the_person_introduced_with_it():
    [q] = quotes_of("Mayor Doug Halvorsen opened the meeting on Tuesday.",
                    '"We will not raise taxes this year," the mayor said.')
    assert (q.speaker, q.mention, q.resolved_from) == ("Doug Halvorsen", "the mayor", "title-only")


def test_the_department_is_the_department_named_before():
    [q] = quotes_of("The Department of Immigration reviewed the files on Monday.",
                    '"All cases will be heard," the department said.')
    assert (q.speaker, q.mention) == ("Department of Immigration", "the department")


def test_a_bare_surname_is_the_full_name_as_introduced():
    [q] = quotes_of("Sung Kim, a former envoy, spoke in Seoul on Monday.",
                    '"Diplomacy is not dead," Kim said.')
    assert (q.speaker, q.mention) == ("Sung Kim", "Kim")


def test_kim_in_a_korea_story_is_the_kim_who_has_been_speaking():
    found = quotes_of("Sung Kim, a former U.S. envoy, told reporters that talks could resume.",
                      "North Korean leader Kim Jong Un oversaw another missile launch on Thursday.",
                      '"Not in any way is the door closed," said Kim.')
    assert [(q.speaker, q.mention) for q in found] == [("Sung Kim", "Kim")]


def test_she_is_the_woman_even_when_a_man_was_mentioned_last():
    [q] = quotes_of("Dr Jane Okafor runs the clinic. Her colleague Peter Gladue joined in 2019.",
                    "'We were an afterthought for years,' she said.")
    assert (q.speaker, q.mention, q.resolved_from) == ("Jane Okafor", "she", "pronoun")


def test_she_is_the_last_mentioned_woman_not_the_last_speaker():
    found = quotes_of('"The plan is sound," said council chair Robert Lindqvist.',
                      "Marta Ruiz, who lives on Elm Street, disagreed at the meeting.",
                      '"Nobody asked us," she said.')
    assert [(q.speaker, q.resolved_from) for q in found] == [
        ("Robert Lindqvist", None), ("Marta Ruiz", "pronoun")]


def test_gender_comes_from_the_pronouns_that_follow_a_person():
    found = quotes_of("Alexis Moreau leads the union. Her members voted on Friday.",
                      "Sam Porter, the company's lawyer, attended too.",
                      '"We will strike," she said.')
    assert [q.speaker for q in found] == ["Alexis Moreau"]


def test_he_told_somebody_is_not_that_somebody():
    found = quotes_of("Talk-show host Sean Hannity interviewed Donald Trump in Austin.",
                      '"The wall will be 40 feet high," he told Hannity.')
    assert [q.speaker for q in found] == ["Donald Trump"]


def test_the_one_asked_answers():
    found = quotes_of("Reporter Dan Fogel asked Mayor Ana Whitcombe about the budget.",
                      '"It is balanced," he said.')
    assert found[0].speaker != "Dan Fogel"


def test_a_paragraph_that_is_only_a_quote_continues_the_speaker():
    found = quotes_of('"The numbers are clear," said Priya Rao, who chairs the board.',
                      '"We will cut costs by a fifth before the summer."')
    assert [(q.speaker, q.resolved_from) for q in found] == [("Priya Rao", None), ("Priya Rao", "continuation")]
    assert found[1].confidence < found[0].confidence


@pytest.mark.parametrize("text, not_speaker", [
    ('Within minutes, "the whole building shook," said a witness.', "Within"),
    ('Marta Ruiz fell on the ice. Her shin bone was broken. "I heard it snap," she said.', "Her shin bone"),
    ('Former British prime minister Theresa May said: "We must hold our nerve."', "Former British"),
    ('The report also said "the system failed at every level."', "The report also"),
    ('Some said "it was far too late to act on the warnings."', "Some"),
    ('A Rally for Resources drew 500 people. "We need the money now," said organiser Jan Holt.',
     "A Rally for Resources"),
    ('"They were brilliant tonight," coach Dave Tippett said of Caleb Jones and Leon Draisaitl.',
     "Caleb Jones and Leon Draisaitl"),
])
def test_words_that_are_not_a_speaker_are_never_the_speaker(text, not_speaker):
    found = quotes_of(text)
    assert found and all(q.speaker != not_speaker for q in found)


def test_expected_speakers_for_the_not_speaker_cases():
    assert quotes_of('Former British prime minister Theresa May said: "We must hold our nerve."')[0].speaker == "Theresa May"
    assert quotes_of('"They were brilliant tonight," coach Dave Tippett said of Caleb Jones.')[0].speaker == "Dave Tippett"
    assert quotes_of('Some said "it was far too late to act on the warnings."')[0].speaker is None


def test_an_unnamed_source_stays_as_described_and_a_later_she_is_her():
    found = quotes_of('"One man said we should fight back," said the woman, who asked not to be named.',
                      'Councillor Ana Berg was not at the meeting.',
                      '"Too much hate," she said.')
    assert found[0].speaker == "the woman"
    assert found[0].confidence <= 0.6


def test_an_acronym_names_the_organisation_given_in_full():
    [q] = quotes_of("The state-run Korean Central News Agency (KCNA) reported the launch.",
                    '"The test was a success," KCNA said.')
    assert q.speaker == "Korean Central News Agency"


def test_a_definite_title_nobody_holds_gives_no_speaker():
    [q] = quotes_of('"The figures do not add up," the senator said.')
    assert q.speaker is None and q.mention == "the senator" and q.confidence <= 0.3


def test_doubtful_attributions_say_so():
    [q] = quotes_of("Jordan Lee and Casey Ode met on Monday.", '"It went well," she said.')
    assert q.doubtful or q.speaker is None


# -- Korean ---------------------------------------------------------------------------------

def test_korean_surname_and_title_is_the_person_introduced():
    found = quotes_of("김성근 한결대 공과대학 학장은 8일 기자간담회를 열었다.",
                      "김유진 교수도 참석했다.",
                      '김 학장은 "AI 교육을 늘리겠다"고 말했다.', lang="ko")
    assert [(q.speaker, q.mention, q.resolved_from) for q in found] == [("김성근", "김 학장", "title-only")]


def test_korean_title_alone_without_final_period():
    found = quotes_of("김성근 한결대 공과대학 학장은 8일 기자간담회를 열었다",
                      '학장은 "AI 교육을 늘리겠다"고 말했다', lang="ko")
    assert [(q.speaker, q.mention) for q in found] == [("김성근", "학장")]


def test_korean_organisation_and_its_short_form():
    found = quotes_of('조선중앙통신은 9일 "미사일 시험 발사에 성공했다"고 보도했다.',
                      '통신은 "정상적으로 비행했다"고 덧붙였다.', lang="ko")
    assert [q.speaker for q in found] == ["조선중앙통신", "조선중앙통신"]


def test_korean_unnamed_official_stays_a_role():
    found = quotes_of('박민호 한빛시장은 "다리를 새로 놓겠다"고 말했다.',
                      '시 관계자는 "예산을 검토하고 있다"고 말했다.', lang="ko")
    assert [q.speaker for q in found] == ["박민호", "시 관계자"]


def test_korean_headline_and_interview_credits():
    found = quotes_of('김형준 감독 "민호가 팀 분위기 바꿔놨다"',
                      '[인터뷰] 박영희/서울 마포구 : "올해는 열 포기만 하려고요."', lang="ko")
    assert [q.speaker for q in found] == ["김형준", "박영희"]


def test_korean_anonymised_people_are_told_apart_by_surname():
    found = quotes_of("주범 정모(52)씨와 공인중개사 박모(47)씨가 재판에 넘겨졌다.",
                      '박씨는 "매물을 소개했을 뿐"이라고 말했다.', lang="ko")
    assert [q.speaker for q in found] == ["박모(47)"]


# -- Sentence shape: subjects, descriptions and the place a mention stands ----------------

def test_the_subject_after_a_long_opening_phrase_is_who_a_description_means():
    # Trump is named first, but only after 'for'; Rubio is the one a verb follows.
    [q] = quotes_of("One month after announcing his support for Donald Trump, Marco Rubio still believes "
                    "the nominee is unfit for office.",
                    "“I stand by everything I said,” the Florida senator told reporters on Thursday.")
    assert (q.speaker, q.mention) == ("Marco Rubio", "the Florida senator")


def test_a_description_is_not_somebody_its_own_sentence_names_in_passing():
    quotes = quotes_of("Hillary Clinton does not recognize the man she used to know.",
                       "In an interview with hosts Joe Scarborough and Mika Brzezinski, the Democratic "
                       "candidate stated that Trump’s “divisive” comments do not “fit with what I thought I knew.”")
    assert [q.speaker for q in quotes] == ["Hillary Clinton", "Hillary Clinton"]


def test_a_definite_description_refers_back_to_the_person_in_focus():
    quotes = quotes_of("Maria Lopez, who stars in the new series, spoke to reporters on Monday.",
                       "“It was a backhanded compliment,” the actress said, “and I said so.”")
    assert [q.speaker for q in quotes] == ["Maria Lopez", "Maria Lopez"]


def test_a_description_that_may_be_anybody_is_not_the_person_in_focus():
    # 'the neighbor' is not John Smith because he was just named: better no name than his.
    [q] = quotes_of("Police arrested John Smith, 34, at his home on Tuesday.",
                    '"He was always quiet," the neighbor said.')
    assert q.speaker != "John Smith"


def test_an_anonymous_source_keeps_its_description():
    [q] = quotes_of("Senator Adam Ruiz welcomed the decision on Friday.",
                    "A senior administration official said the White House supported it.",
                    "“We welcome constructive steps,” the official said.")
    assert (q.speaker, q.mention) == ("A senior administration official", "the official")


def test_a_pronoun_in_reported_speech_counts_the_names_before_it_in_its_sentence():
    quotes = quotes_of("“Skating is a way to reclaim our freedom,” Arianna Gil said.",
                       "Though Ms. Olivieri has spent most of her life in the neighbourhood, the police "
                       "presence has grown, she said.",
                       "“Cops have taken over the entire neighbourhood,” she said.")
    assert [q.speaker for q in quotes] == ["Arianna Gil", "Olivieri"]


@pytest.mark.parametrize("sentence, speaker", [
    ("“Clinton needs a strategy,” Nate Silver, the polling analyst who founded the site tweeted on Wednesday.",
     "Nate Silver"),
    ("Republicans were irritated, with Sen. John McCain calling it a “Chinese menu.”", "John McCain"),
    ("“Your reputation is amazing,” Trump assured Jones on the show.", "Trump"),
    ("When asked about the schedule, he laughed and said, “We’ll see.”", "Robert Mook"),
])
def test_credit_shapes(sentence, speaker):
    quotes = quotes_of("Robert Mook, the campaign manager, spoke at a lunch in Washington.", sentence)
    assert quotes[0].speaker == speaker


# -- Korean bodies named once, then by a generic noun or an abbreviation ---------------------

@pytest.mark.parametrize("intro, mention, body", [
    ("서울남부지법 형사13부(부장판사 김철수)는 27일 사기 혐의로 기소된 정모(52)씨에게 징역 7년을 선고했다.",
     "재판부는", "서울남부지법 형사13부"),
    ("대전 유성경찰서는 보이스피싱 수거책을 붙잡았다고 27일 밝혔다.", "경찰은", "유성경찰서"),
    ("한빛전자는 27일 3분기 영업이익이 1조원을 넘었다고 발표했다.", "회사 측은", "한빛전자"),
    ("국토교통부는 내년 광역버스 200대를 증차한다고 27일 밝혔다.", "국토부는", "국토교통부"),
])
def test_a_korean_body_named_once_is_the_speaker_of_its_generic_noun(intro, mention, body):
    [q] = quotes_of("기사 제목", intro, f'{mention} "앞으로도 같은 원칙을 지키겠다"고 말했다.', lang="ko")
    assert q.speaker == body


def test_a_generic_noun_with_two_bodies_of_its_kind_stays_as_written():
    [q] = quotes_of("기사 제목", "한빛전자와 해솔제약은 27일 합작 법인을 세운다고 밝혔다.",
                    '회사 측은 "협의가 끝났다"고 말했다.', lang="ko")
    assert q.speaker not in ("한빛전자", "해솔제약")


def test_an_acronym_names_the_body_whose_initials_it_is():
    [q] = quotes_of("The Republican National Committee welcomed the news on Monday.",
                    'The RNC, in its daily summary, emailed an article saying "the race is far from over."')
    assert q.speaker == "Republican National Committee"


def test_a_participle_after_a_credit_belongs_to_that_credit():
    [q] = quotes_of("Omar Mateen prayed at the mosque on Friday.",
                    'Mateen left as soon as prayers were finished, Nefzi said, adding, "He was not very religious."')
    assert q.speaker == "Nefzi"


def test_the_one_responded_to_is_not_the_speaker():
    [q] = quotes_of("Hillary Clinton and her chief of staff Cheryl Mills traded emails in April.",
                    'Clinton responds to Mills with, "Why now? That was on my way to Libya?"')
    assert q.speaker == "Hillary Clinton"


def test_a_credit_reaches_past_a_quoted_title_and_a_relative_clause():
    quotes = quotes_of("Deputy editor Bret Stephens, who, after trading insults with Mr. Hannity over Mr. Trump, "
                       "said on the MSNBC show ''Morning Joe'' that ''too much of the party became an echo chamber.''")
    assert [(q.text, q.speaker) for q in quotes] == [("too much of the party became an echo chamber.", "Bret Stephens")]


@pytest.mark.parametrize("intro, mention, body", [
    ("공정거래위원회는 27일 배달앱 운영사에 과징금을 부과했다.", "공정위는", "공정거래위원회"),
    ("합동참모본부는 27일 북한이 탄도미사일을 발사했다고 밝혔다.", "합참은", "합동참모본부"),
    ("한국천문연구원이 소행성을 처음 발견했다.", "천문연은", "한국천문연구원"),
])
def test_a_korean_short_form_is_the_body_named_before(intro, mention, body):
    [q] = quotes_of("기사 제목", intro, f'{mention} "분석을 계속하고 있다"고 밝혔다.', lang="ko")
    assert q.speaker == body


def test_a_korean_compound_title_holds_its_role_and_a_foreign_name_with_an_age_is_a_person():
    quotes = quotes_of("기사 제목", "박정수 시의회 건설교통위원장은 예산안을 비판했다.",
                       '위원장은 "재정 부담은 결국 시민에게 돌아간다"고 덧붙였다.',
                       '오토바이 택시 기사 부디(52)는 "올해처럼 물이 빨리 불어난 건 처음"이라고 말했다.', lang="ko")
    assert [q.speaker for q in quotes] == ["박정수", "부디"]


def test_a_korean_headline_with_two_sides_credits_each_quote():
    quotes = quotes_of('김도현 행안장관 "지방교부세 개편, 연내 마무리"…박서윤 의원 "사실상 지방 죽이기"',
                       "김도현 행정안전부 장관은 20일 국회에 출석했다. 박서윤 의원은 반대했다.", lang="ko")
    assert [q.speaker for q in quotes] == ["김도현", "박서윤"]


def test_the_company_is_the_maker_named_before_not_the_agency():
    quotes = quotes_of("Kitchen appliance maker Brightline Home is recalling 1.2 million air fryers, regulators said.",
                       "The U.S. Consumer Product Safety Commission said the recall covers two models.",
                       '"Safety is our highest priority," the company said.')
    assert quotes[-1].speaker == "Brightline Home"


def test_a_developer_with_a_first_name_is_a_person():
    [q] = quotes_of('Real estate developer Donald Trump spoke on Monday. "We will build it," Trump said.')
    assert q.speaker == "Donald Trump"


@pytest.mark.parametrize("sentence", [
    "Lately, he has been underscoring his Christian conservative values more.",
    "Maybe Trump is the Manchurian Candidate and he really wants people to like him.",
])
def test_capitalised_words_after_a_possessive_or_an_article_are_nobody(sentence):
    [q] = quotes_of("Marco Rubio is trying to reach voters with different priorities.", sentence,
                    '"I am passionate about these issues," he said.')
    assert q.speaker in ("Marco Rubio", "Trump")


def test_the_company_is_a_one_word_company_met_as_a_subject():
    quotes = quotes_of('"We have always sought a balance," Twitter said in a statement.',
                       "Officials welcomed the step on Friday.",
                       '"There is no magic algorithm," the company said.')
    assert quotes[-1].speaker == "Twitter"


def test_the_agency_is_the_department_named_before():
    [q] = quotes_of("The State Department also said on Thursday that it fell short of its goal.",
                    '"We have worked diligently," said the agency.')
    assert q.speaker == "State Department"


def test_the_answer_after_a_question_is_not_the_askers():
    quotes = quotes_of("Sanders endorsements.", "Sen. Bernie Sanders sat down with CNN's Gloria Borger on Sunday.",
                       '"That would be you?" Borger asked.',
                       '"That would be me, yes," he said.')
    assert [q.speaker for q in quotes] == ["Gloria Borger", "Bernie Sanders"]


def test_a_foreign_name_in_hangul_is_one_person_and_a_korean_name_before_a_place_is_not_joined():
    quotes = quotes_of("기사 제목", '하워드 클라인 미국 상무장관은 20일 "반도체는 국가 안보의 핵심"이라고 말했다.',
                       '클라인 장관은 "걱정할 필요가 없다"고 덧붙였다.',
                       '한미경 청주시의회 의장은 "다시 표결하겠다"고 말했다.', lang="ko")
    assert [q.speaker for q in quotes] == ["하워드 클라인", "하워드 클라인", "한미경"]


def test_a_headline_quote_gets_the_speaker_of_the_body_quote_it_repeats():
    quotes = quotes_of('"정부안만 고집"…예산 협상 결렬',
                       '박성훈 더불어민주당 원내대표는 "정부·여당이 여전히 정부안만 고집하고 있어 진전이 없었다"고 말했다.',
                       lang="ko")
    assert [(q.speaker, q.resolved_from) for q in quotes] == [("박성훈", "headline"), ("박성훈", None)]


@pytest.mark.parametrize("intro, mention, body", [
    ("서울중앙지검 반부패수사1부는 대성건설 회장의 구속영장을 청구했다.", "검찰은", "서울중앙지검 반부패수사1부"),
    ("충북 청주의 한결에너지솔루션은 공장 가동을 멈췄다.", "회사는", "한결에너지솔루션"),
    ("국립현대미술관은 다음 달 새 전시를 연다.", "미술관은", "국립현대미술관"),
])
def test_more_korean_bodies_by_their_generic_noun(intro, mention, body):
    [q] = quotes_of("기사 제목", intro, f'{mention} "일정대로 진행하겠다"고 밝혔다.', lang="ko")
    assert q.speaker == body


def test_a_pupils_name_with_age_and_a_foreign_full_name_after_a_body():
    quotes = quotes_of("기사 제목", '고1 김서연(16)양은 "달라진 게 없다"고 말했다.',
                       '캐나다 몬트리올대 장피에르 르블랑 교수는 "신호를 분리해낼 수 있었다"고 말했다.', lang="ko")
    assert [q.speaker for q in quotes] == ["김서연", "장피에르 르블랑"]


def test_a_broadcast_scripts_label_names_the_speaker_of_the_quote_under_it():
    quotes = quotes_of("화재 일주일…상인들 막막",
                       "◀ 리포트 ▶\n검게 그을린 철골 사이로 냄새가 가시지 않았습니다.",
                       '◀ INT ▶ 김순자/청과물 상인\n"눈 뜨면 여기로 와요. 할 게 없어도 와요."',
                       '◀ SYNC ▶ 영등포소방서 관계자\n"단락 흔적이 발견됐습니다."', lang="ko")
    assert [q.speaker for q in quotes] == ["김순자", "영등포소방서 관계자"]


@pytest.mark.parametrize("sentence, speaker", [
    ('이재명 후보 측은 "정책으로 답하겠다"고 밝혔다.', "이재명"),
    ('주한미군 관계자는 "훈련은 예정대로 진행된다"고 말했다.', "주한미군 관계자"),
    ('국토교통부 도로정책 국장은 "공사는 연내 끝난다"고 말했다.', None),
])
def test_korean_descriptions_are_not_cut_into_names(sentence, speaker):
    [q] = quotes_of("기사 제목", sentence, lang="ko")
    if speaker is None:
        assert q.speaker != "도로정책"
    else:
        assert q.speaker == speaker


def test_a_quote_in_a_korean_lede_is_no_headline():
    # Without its title the body starts with the lede, which ends with a full stop: a term in
    # double marks there is a term, not words anybody said.
    quotes = quotes_of('정부가 이른바 "착한 임대료" 정책을 내놓았다.', "임대인들은 대체로 환영했다.", lang="ko")
    assert all(q.kind == "scare" for q in quotes)


def test_a_pasted_broadcast_script_keeps_its_speaker_label_for_the_quote():
    import newsbridge
    page = ("시장 화재 일주일째\n\n검게 그을린 철골 사이로 냄새가 가시지 않았습니다. 상인들은 막막한 시간을 보내고 있습니다.\n\n"
            '◀ INT ▶ 김순자/청과물 상인\n\n"눈 뜨면 여기로 와요. 할 게 없어도 와요."\n\nMBC뉴스 박지훈입니다.')
    result = newsbridge.process(page, config=None)
    assert [(q.speaker, q.kind) for q in result.quotes] == [("김순자", "speech")]


@pytest.mark.parametrize("intro, mention, body", [
    # a province or county Kiwi keeps as one word ('전남도', '인제군'), then its one-syllable noun
    ("전남도는 올겨울 한파 대책을 발표했다.", "도는", "전남도"),
    ("인제군은 빙어축제를 취소했다.", "군은", "인제군"),
    # the city, not a short form of a union whose name starts with it
    ("목포시내버스노동조합이 파업에 들어갔다. 목포시는 비상 수송에 나섰다.", "시는", "목포시"),
    # the city's office, named in full before
    ("광주시교육청은 학교 통폐합 계획을 내놨다.", "시 교육청은", "광주시교육청"),
    # a company whose name ends like a shop chain's
    ("다온마트는 점포 10곳을 닫기로 했다. 한 증권사 연구원은 실적 부진을 이유로 꼽았다.", "회사는", "다온마트"),
])
def test_korean_bodies_by_their_generic_noun_in_more_shapes(intro, mention, body):
    [q] = quotes_of("기사 제목", intro, f'{mention} "일정대로 진행하겠다"고 밝혔다.', lang="ko")
    assert q.speaker == body


def test_the_panel_is_the_division_named_last_not_the_court():
    [q] = quotes_of("기사 제목", "대구지법 형사항소2부(부장판사 이정민)는 원심을 유지했다.",
                    '재판부는 "죄질이 가볍지 않다"고 밝혔다.', lang="ko")
    assert q.speaker == "대구지법 형사항소2부"


def test_an_official_of_a_committee_stays_unnamed_and_a_modifier_is_no_name():
    quotes = quotes_of("기사 제목", "부산국제영화제위원회는 개막작을 발표했다.",
                       '위원회 관계자는 "관객 반응이 좋다"고 말했다.',
                       '사건을 맡은 정우성 변호사는 "항소하겠다"고 말했다.', lang="ko")
    assert [q.speaker for q in quotes] == ["위원회 관계자", "정우성"]


def test_a_foreign_full_name_before_a_country_and_a_title():
    [q] = quotes_of("기사 제목", '올리비아 마르탱 프랑스 재무장관은 "증세는 없다"고 말했다.', lang="ko")
    assert q.speaker == "올리비아 마르탱"


def test_an_anonymised_persons_side_speaks_for_that_person():
    [q] = quotes_of("기사 제목", "피고인 B씨는 혐의를 부인했다.", 'B씨 측은 "고의가 없었다"고 주장했다.', lang="ko")
    assert q.speaker == "B"


def test_a_broadcast_interview_label_with_a_colon_and_a_voice_note():
    quotes = quotes_of("폭우에 침수 피해",
                       "밤사이 최고 200mm의 비가 내렸습니다.",
                       '[인터뷰 : 최민호/충남 아산시 주민]\n"물이 무릎까지 찼어요."',
                       '[인터뷰 : 상가 주인 (음성변조)]\n"장사는 다 끝났죠."', lang="ko")
    assert [q.speaker for q in quotes] == ["최민호", "상가 주인"]


def test_the_company_is_the_one_with_a_legal_form_in_its_name():
    [q] = quotes_of("Harbourline Fisheries Ltd. will close its cannery in Prince Rupert, B.C.",
                    '"This was not an easy call," the company said in a statement.')
    assert q.speaker == "Harbourline Fisheries Ltd"


def test_a_wife_named_after_her_husband_is_her_own_person_and_the_subject_for_she():
    quotes = quotes_of("Driver jailed over crash",
                       "Defence lawyer Karen Holt said her client was sorry.",
                       "Outside court, Mr Novak's widow, Ana Novak, said the family was relieved. "
                       '"We can finally grieve," she said.')
    assert quotes[-1].speaker == "Ana Novak"


def test_a_quote_after_a_short_clause_of_a_person_doing_something_is_that_persons():
    quotes = quotes_of("Late try wins it",
                       '"She never stops working," coach Ann Reilly said of her captain, Maeve Byrne.',
                       'Asked whether she had thought of coming off at half-time, Byrne laughed. '
                       '"Not for a second."')
    assert quotes[-1].speaker == "Maeve Byrne"


def test_a_korean_headline_credit_after_a_term_in_marks_and_whose_words_they_were():
    quotes = quotes_of("빙어축제 '바가지 요금' 논란에 인제군수 '재발 없도록 하겠다'",
                       '최병수 인제군수는 "다시는 재발이 없도록 하겠다"고 말했다.',
                       '"가격표만 붙어 있어도 믿고 사 먹을 것" 춘천에서 왔다는 관광객 한모(39)씨의 말이다.', lang="ko")
    assert [q.speaker for q in quotes] == ["최병수", "최병수", "한모(39)"]


def test_the_former_and_the_latter_are_the_first_and_second_named_before():
    quotes = quotes_of("Deal on insulin cap",
                       "The deal was struck by Sen. Marcus Bell and Sen. Ray Kowalski. The former wanted the cap at once, "
                       'while the latter said small employers needed "time to adjust."',
                       'The former said the wait was "too long for patients."')
    assert [q.speaker for q in quotes] == ["Ray Kowalski", "Marcus Bell"]


def test_an_organisation_by_a_pair_of_words_is_what_the_airline_means():
    [q] = quotes_of("Flights cancelled",
                    "Emerald Skies has cancelled 120 flights scheduled for Friday.",
                    'The airline said it "deeply regrets the disruption".')
    assert q.speaker == "Emerald Skies"


@pytest.mark.parametrize("intro, mention, body", [
    ("서울고법 형사3부는 원심을 깼다. 앞서 서울중앙지법 형사11단독은 징역형을 선고했다.", "항소심 재판부는", "서울고법 형사3부"),
    ("일본 관광청은 운영사에 대한 특별 감사에 착수했다.", "당국은", "관광청"),
    ("인천경찰청 반부패경제범죄수사대는 일당 5명을 구속했다.", "경찰은", "인천경찰청 반부패경제범죄수사대"),
])
def test_korean_panels_authorities_and_units(intro, mention, body):
    [q] = quotes_of("기사 제목", intro, f'{mention} "일정대로 진행하겠다"고 밝혔다.', lang="ko")
    assert q.speaker == body


def test_a_korean_clause_asks_and_the_next_answers():
    quotes = quotes_of("기사 제목", '"현장에 한 번이라도 나가 보셨습니까." 박 의원이 이렇게 묻자 정 장관은 "매달 찾고 있다"고 답했다.',
                       lang="ko")
    assert quotes[0].mention == "박 의원" and quotes[1].mention == "정 장관"


def test_a_korean_headline_of_two_groups_set_apart_by_vs_or_an_ellipsis():
    quotes = quotes_of('야시장 놓고 상인들 "장사 접으란 말이냐" vs 주민들 "잠 못 자"', "야시장 영업시간을 두고 갈등이 커지고 있다.",
                       lang="ko")
    assert [q.speaker for q in quotes] == ["상인들", "주민들"]
    [q] = quotes_of('보증금 \'먹튀\' 잠적…피해자들 "국가가 나서 달라"', "피해자들은 기자회견을 열었다.", lang="ko")
    assert q.speaker == "피해자들"


def test_a_name_set_beside_a_description_that_opens_the_sentence_is_the_speaker():
    quotes = quotes_of("Housing plan approved", "Council leader Helen Marsh defended the plan.",
                       "Her deputy, Councillor Graham Tull, went further, telling the meeting that critics had "
                       "'objected to every site this council has ever put forward'.")
    assert quotes[-1].speaker == "Graham Tull"


def test_of_two_holders_of_a_title_the_one_speaking_is_meant():
    quotes = quotes_of("Mayors at war over bridge",
                       'Clarendon Mayor Megan Holt said the bridge was "a Woolbrook asset".',
                       "Woolbrook Mayor Natalie Ashby disputed that. She said Ms Holt had been sent the paperwork.",
                       '"We have put $1.2 million on the table," the mayor said.')
    assert quotes[-1].speaker == "Natalie Ashby"


@pytest.mark.parametrize("intro, credit, speaker", [
    # anonymised people: '아무개', '군', '양', a later mention without the age, and their side
    ("세입자 강아무개(52)씨는 혐의를 부인했다.", "강씨 쪽은", "강아무개(52)"),
    ("세입자 김모(38)씨는 이사를 미뤘다.", "김모씨는", "김모(38)"),
    ("수험생 박모(18)군은 시험을 마쳤다.", "박모군은", "박모(18)"),
    # an official of a ministry whose short name looks like a person's stays unnamed
    ("보건복지부는 대책을 내놨다.", "복지부 관계자는", "복지부 관계자"),
    # Kiwi cuts some names in two ('송인' + '호'), and a university's short name is no person
    ("전세난이 이어지고 있다.", "송인호 한양대 도시공학과 교수는", "송인호"),
])
def test_more_korean_credits(intro, credit, speaker):
    quotes = quotes_of("기사 제목", intro, f'{credit} "일정대로 진행하겠다"고 말했다.', lang="ko")
    assert quotes[-1].speaker == speaker


def test_whose_analysis_it_is_after_a_quote():
    [q] = quotes_of("기사 제목", '반면 "매매 수요가 살아나면 전세 수요가 분산될 수 있다"는 게 윤지혜 리서치팀장의 분석이다.', lang="ko")
    assert q.speaker == "윤지혜"


@pytest.mark.parametrize("intro, credit, speaker", [
    # '한 관광객' is a tourist, not the 한동석 of the story; '한 감독' would be the coach 한
    ("관광객 한동석(41)씨는 얼음낚시를 즐겼다.", "한 관광객은", "한 관광객"),
    # a name Kiwi reads as a common noun before a team and a title; a professor named before
    # his university and department
    ("스톰이 우승했다.", "남기혁 스톰 감독은", "남기혁"),
    ("전문가들은 치료를 강조했다.", "윤지현 한결대 중독재활학과 교수는", "윤지현"),
    # a city's official stays unnamed, though '서울시' is shaped like a name
    ("서울시는 비상수송대책을 해제했다.", "서울시 관계자는", "서울시 관계자"),
])
def test_korean_names_titles_and_indefinites(intro, credit, speaker):
    quotes = quotes_of("기사 제목", intro, f'{credit} "일정대로 진행하겠다"고 말했다.', lang="ko")
    assert quotes[-1].speaker == speaker



def test_a_surname_with_a_capital_inside_is_a_name():
    # 'DeLuca', 'LaFleur', 'DiMarco': the person is found, so 'he' has somebody to stand for.
    [q] = quotes_of("Marlow Hotel Group bought the marina in 2019.",
                    "At the yacht club, where a mooring costs $9,000 a season, Rob DeLuca blamed the storms "
                    "for the losses of the season. \u201cWe lost half the docks in one night,\u201d he said.")
    assert q.speaker == "Rob DeLuca"


def test_a_credit_after_a_paraphrase_is_somebody_a_later_he_may_be():
    from newsbridge.document import Sentence
    from newsbridge.quotes import english

    text = ("His campaign appears to follow the same plan: a county fair every weekend, said Martin Ocampo, "
            "director of the Civic Poll at Lakeshore University.")
    found = english.subjects(Sentence(id=0, paragraph=0, start=0, end=len(text), text=text))
    assert [(a.kind, a.name) for a in found] == [("person", "Martin Ocampo")]


def test_a_plural_title_introduces_each_name():
    [q] = quotes_of("The bill was drafted by Sens. Ralph Ortega (D-N.M.) and Peter Voss (R-Ohio).",
                    "Voss declined to comment on the timing.",
                    "But Ortega said he expected a vote by June. \u201cThe votes are there,\u201d he said.")
    assert q.speaker == "Ralph Ortega"


def test_the_subject_of_the_last_sentence_outranks_a_man_it_mentions():
    [q] = quotes_of("Governor Frank Tillman and Ray Collier met for the last debate on Tuesday.",
                    "Tillman never named Collier in his opening. Instead, he suggested that nobody on the stage "
                    "had cut more taxes.",
                    "Collier, who spoke for 20 minutes, did not mention Tillman until the end. "
                    "\u201cHe has had eight years,\u201d he said.")
    assert q.speaker == "Ray Collier"


def test_the_group_is_the_foundation_named_before_but_not_a_university():
    [q] = quotes_of("The Harbor Literacy Foundation has run the reading vans since 2004.",
                    '"We will keep every route open," the group said in a statement.')
    assert q.speaker == "Harbor Literacy Foundation"
    [q] = quotes_of("Students at Westbrook University marched on Friday.",
                    '"We are not going away," the group said.')
    assert q.speaker != "Westbrook University"


def test_as_for_names_who_he_is():
    [_, q] = quotes_of('"A brokered convention would be a disaster," Senator Dale Whitcomb said on Sunday.',
                       "As for Governor Tom Ashby, he said he is not worried. "
                       '"I will have the delegates," he said.')
    assert q.speaker == "Tom Ashby"


def test_a_reported_question_does_not_stop_its_asker_from_answering():
    [_, q] = quotes_of('"I know that Carl is a committed isolationist," Senator Neil Barrow said.',
                       "Senator Carl Dunmore also asked how it is prudent to add a trillion dollars in spending.",
                       '"You cannot be prudent and keep promoting programs you will not pay for," he argued.')
    assert q.speaker == "Carl Dunmore"


def test_a_quote_after_a_connective_continues_the_speaker_before():
    [a, b] = quotes_of('"She is supposed to lead this council," Councillor Omar Haddad said. '
                       'Instead, "she just acts like somebody counting the days."')
    assert (a.speaker, b.speaker, b.resolved_from) == ("Omar Haddad", "Omar Haddad", "continuation")
