"""newsbridge.extract_quotes on text and on Articles, and quotes inside process()."""

from __future__ import annotations

import newsbridge
from newsbridge import extract_quotes


def test_extract_quotes_from_a_pasted_page(en_page):
    found = extract_quotes(en_page)
    assert [(q.id, q.speaker, q.resolved_from) for q in found] == [
        ("q1", "Ana Whitcombe", None), ("q2", "Ana Whitcombe", "continuation"),
        ("q3", "Grant Ibsen", None), ("q4", "Grant Ibsen", None), ("q5", "Grant Ibsen", "pronoun")]
    assert found[0].speaker_title == "Mayor"
    assert found[2].text == "a bet on yesterday's prices."
    assert found[2].cue == "called"


def test_extract_quotes_from_an_article_uses_its_offsets(ko_page):
    article = newsbridge.clean(ko_page)
    found = extract_quotes(article, lang="ko")
    assert all(article.body[q.start:q.end] == q.text for q in found)
    assert [q.speaker for q in found][-1] == "군 관계자"


def test_other_language_has_no_quotes():
    assert extract_quotes('"Hola," dijo el alcalde. "Mañana empezamos las obras en el puerto."') == []


def test_process_carries_quotes_with_paragraph_indices(en_page):
    result = newsbridge.process(en_page)
    for q in result.quotes:
        par = result.article.paragraphs[q.paragraph]
        assert par.start <= q.start < q.end <= par.end
