"""Language detection: en / ko / other, deterministic, robust on short and mixed text."""

from __future__ import annotations

import pytest

from newsbridge import detect_language
from newsbridge.detect import Detector, count_scripts, get_scorer
from newsbridge.errors import ConfigError


@pytest.fixture(scope="module")
def detector():
    return Detector("lingua")


@pytest.mark.parametrize("text", [
    "The council voted on Tuesday to add two ferry routes.",
    "Lind said", "Dr. Okafor", "Del Potro", "Hong Kong",
])
def test_english_including_two_word_fragments(detector, text):
    assert detector.detect(text)[0] == "en"


@pytest.mark.parametrize("text", [
    "한빛시가 노후 상수관을 전면 교체한다고 밝혔다.",
    "박민호 시장은",
    # a Korean sentence full of English names is still Korean
    "Apple의 CEO Tim Cook은 Cupertino에서 신제품을 발표했다.",
    "NPWS의 Park",
])
def test_korean_including_english_names(detector, text):
    assert detector.detect(text)[0] == "ko"


@pytest.mark.parametrize("text", [
    "El ayuntamiento aprobó ayer un nuevo plan de transporte para la ciudad.",
    "Der Stadtrat hat am Dienstag zwei neue Fährlinien beschlossen.",
    "Hội đồng thành phố đã thông qua hai tuyến phà mới.",
    "市議会は火曜日、新しい航路を決めた。",
    "市议会周二决定增加两条新的渡轮航线。",
    "Городской совет одобрил две новые паромные линии.",
    "12345 !!! ---",
])
def test_other_languages(detector, text):
    assert detector.detect(text)[0] == "other"


def test_an_english_article_quoting_a_korean_word_stays_english(detector):
    text = ("The restaurant, called 한빛 after the owner's hometown, opened on Main Street "
            "on Friday and served more than 400 customers on its first day, the owner said.")
    assert detector.detect(text)[0] == "en"


def test_deterministic_across_calls_and_backends():
    text = "Ferry fares rise"
    first = [Detector(b).detect(text) for b in ("lingua", "langdetect")]
    for _ in range(5):
        assert [Detector(b).detect(text) for b in ("lingua", "langdetect")] == first


def test_confidence_is_a_probability(detector):
    for text in ("Hello there, how are you today?", "안녕하세요", "Hola, ¿cómo estás hoy, amigo?"):
        code, conf = detector.detect(text)
        assert 0.5 <= conf <= 1.0, (text, code, conf)


def test_per_paragraph_and_mixed_article():
    text = ("The mayor announced the plan on Monday in front of the city hall.\n\n"
            "시장은 월요일 시청 앞에서 계획을 발표하며 주민들의 협조를 당부했다.\n\n"
            "The council will vote on the budget next week after a public hearing.")
    lang = detect_language(text)
    assert lang.code == "en"
    assert [p.code for p in lang.paragraphs] == ["en", "ko", "en"]
    assert lang.mixed is True


def test_short_foreign_paragraph_does_not_make_an_article_mixed():
    text = ("The chef greeted every guest with a cheerful word at the door.\n\n"
            "Bonjour!\n\n"
            "Then she returned to the kitchen to finish the evening's menu.")
    lang = detect_language(text)
    assert lang.code == "en" and lang.mixed is False


def test_script_counts():
    counts = count_scripts("Kim 김 ひ 漢 Ж 1!")
    assert (counts.latin, counts.hangul, counts.kana, counts.han, counts.other) == (3, 1, 1, 1, 1)


def test_unknown_backend_is_a_config_error():
    with pytest.raises(ConfigError, match="unknown language detector"):
        Detector("fasttext")


def test_article_in_a_language_lingua_does_not_know_is_other():
    # Swedish is outside lingua's short list: langdetect's second opinion, once per article,
    # keeps it from being taken for English.
    text = ("Regeringen meddelade på tisdagen att skatten på bensin ska sänkas från och med januari.\n\n"
            "Enligt finansministern kommer sänkningen att kosta staten flera miljarder kronor varje år.")
    assert detect_language(text).code == "other"


def test_a_vetoed_article_whose_paragraphs_all_looked_english():
    # Every paragraph passes lingua as English, langdetect vetoes the whole: no crash, 'other'.
    lang = detect_language("By Ana LeeBy Ana Lee:")
    assert lang.code == "other" and 0 <= lang.confidence <= 1


class FullModelsForbidden:
    """Stands in for lingua's high-accuracy models where a test says they are not needed."""

    def compute_language_confidence_values(self, text):
        raise AssertionError(f"lingua's high-accuracy models were loaded for {text!r}")


def test_a_page_of_english_needs_only_lingua_trigram_models(en_page, monkeypatch):
    monkeypatch.setattr(get_scorer("lingua"), "_full", FullModelsForbidden())
    lang = detect_language(en_page)
    # 'Skip to main content', 'Most Popular', 'By Tomas Ellery' are English like the page.
    assert lang.code == "en" and not lang.mixed
    assert {p.code for p in lang.paragraphs} == {"en"}
    assert all(0.5 <= p.confidence <= 1 for p in lang.paragraphs)


def test_a_short_fragment_on_its_own_gets_the_high_accuracy_models(detector, monkeypatch):
    monkeypatch.setattr(get_scorer("lingua"), "_full", FullModelsForbidden())
    with pytest.raises(AssertionError, match="high-accuracy"):
        detector.detect("Del Potro")


def test_a_short_paragraph_in_another_language_still_makes_an_article_mixed():
    text = ("The council met on Tuesday to debate the new ferry routes across the bay.\n\n"
            "La ministra afirmó que el gobierno no subirá los impuestos.\n\n"
            "The vote is expected next week, after a public hearing on the fares.")
    lang = detect_language(text)
    assert lang.code == "en" and lang.mixed
    assert [p.code for p in lang.paragraphs] == ["en", "other", "en"]
