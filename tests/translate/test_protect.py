"""Placeholders, glossaries, QA checks and clause splitting: the parts around the model."""

from __future__ import annotations

import pytest

from newsbridge.errors import ConfigError
from newsbridge.translate.checks import check_item, cut_repetition, repeated_ngram
from newsbridge.translate.document import split_clauses
from newsbridge.translate.glossary import load_glossary, read_tsv
from newsbridge.translate.hf import length_batches
from newsbridge.translate.protect import mask, unmask


def test_numbers_urls_emails_handles_and_terms_are_protected_and_restored():
    text = ("The National Assembly voted 181-93 on 2026-03-02; see https://example.org/vote "
            "or write to desk@example.org or @newsdesk. Turnout was 66.2%.")
    masked = mask(text, {"National Assembly": "국회"})
    for protected in ("National Assembly", "181", "2026-03-02", "https://example.org/vote",
                      "desk@example.org", "@newsdesk", "66.2%"):
        assert protected not in masked.text
    restored, lost = unmask(masked.text, masked, {})
    assert lost == []
    assert restored == text.replace("National Assembly", "국회")


def test_quotes_come_back_between_target_marks():
    text = 'Kim said "we will win" today.'
    masked = mask(text, {}, quotes=[(9, 22, "q1")])
    assert masked.text == "Kim said [1] today."
    assert unmask("김 says [1] today.", masked, {"q1": "우리가 이긴다"}) == ("김 says “우리가 이긴다” today.", [])


def test_a_lost_placeholder_is_appended_and_reported():
    masked = mask('He said "no" 3 times.', {}, quotes=[(8, 12, "q1")])
    text, lost = unmask("그는 여러 번 말했다.", masked, {"q1": "아니다"})
    assert len(lost) == 2
    assert text.endswith("“아니다” 3")


def test_placeholders_survive_spacing_changes():
    masked = mask("Turnout was 66 percent.", {})
    assert unmask("투표율은 [ 1 ] 퍼센트였다.", masked, {}) == ("투표율은 66 퍼센트였다.", [])


def test_packaged_glossary_and_user_file(tmp_path):
    user = tmp_path / "mine.tsv"
    user.write_text("# ours\nHalden\t할덴\tcity\nSeoul\t서울특별시\n", encoding="utf-8")
    glossary = load_glossary(str(user))
    en_ko = glossary.terms("en", "ko")
    assert en_ko["National Assembly"] == "국회"
    assert en_ko["Halden"] == "할덴"
    assert en_ko["Seoul"] == "서울특별시"  # the user's entry wins
    assert glossary.terms("ko", "en")["국회"] == "National Assembly"


def test_malformed_glossary_line_is_a_config_error(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("National Assembly 국회\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="line 1"):
        read_tsv(bad)


def test_checks_flag_what_an_editor_must_look_at():
    checks = {c.name: c for c in check_item("paragraph 0", "Turnout was 66 percent in 2026.",
                                             "투표율은 퍼센트였다 percent.", "en", "ko")}
    assert not checks["numbers"].ok and "66" in checks["numbers"].detail
    assert not checks["script"].ok
    assert checks["repetition"].ok
    ok = {c.name: c.ok for c in check_item("t", "Turnout was 66 percent.", "투표율은 66퍼센트였다.", "en", "ko")}
    assert ok == {"numbers": True, "script": True, "length": True, "repetition": True}


def test_repetition_is_detected_and_cut():
    looping = "the plan the plan the plan the plan the plan"
    assert repeated_ngram(looping) == "the plan the"
    assert cut_repetition(looping) == "the plan the plan"
    assert cut_repetition("A normal sentence.") == "A normal sentence."


def test_long_sentences_split_at_clause_boundaries():
    text = "First clause, second clause; third clause — fourth clause"
    pieces = split_clauses(text, 20)
    assert all(len(p) <= 20 for p in pieces)
    assert " ".join(pieces) == text
    assert split_clauses("short", 20) == ["short"]


def test_length_batches_sort_and_respect_the_budget():
    lengths = [30, 5, 12, 5, 40]
    batches = length_batches(lengths, 40)
    assert sorted(i for b in batches for i in b) == [0, 1, 2, 3, 4]
    assert [lengths[b[0]] for b in batches] == sorted(lengths[b[0]] for b in batches)
    assert all(len(b) * max(lengths[i] for i in b) <= 40 or len(b) == 1 for b in batches)
