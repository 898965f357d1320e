"""Quote marks: single-quote styles (British, Commonwealth, headlines), apostrophes that are
not quotes, and nesting. Sentences written for these tests."""

from __future__ import annotations

import pytest

from newsbridge.document import Article
from newsbridge.quotes.marks import find_spans


def passages(text: str, lang: str = "en") -> list[str]:
    article = Article.from_paragraphs(text.split("\n\n"))
    return [article.body[s.start:s.end] for s in find_spans(article, lang)]


def test_british_ascii_single_quotes():
    assert passages("'We won't back down,' said Mr Patel, who runs the shop. 'Not now.'") == [
        "We won't back down,", "Not now."]


def test_curly_single_quotes():
    assert passages("‘It’s the players’ money,’ she said.") == ["It’s the players’ money,"]


@pytest.mark.parametrize("text", [
    "Don't panic, said nobody at O'Neill's bar.",
    "The Joneses' car and the players' union were in the news.",
    "Music from the '90s and rock 'n' roll filled the hall.",
    "Music from the ’90s and rock ’n’ roll filled the hall, ’til dawn.",
    "James' brother went to the Smiths' house.",
])
def test_apostrophes_are_not_quotes(text):
    assert passages(text) == []


def test_possessive_inside_a_single_quoted_passage():
    assert passages("'The players' union will meet on Friday,' the chairman said.") == [
        "The players' union will meet on Friday,"]


def test_nested_quotes_keep_both_levels_in_the_outer_passage():
    assert passages('"He told me \'never again\', and left," she said.') == [
        "He told me 'never again', and left,"]
    assert passages("'He said \"no\" to every offer,' said Tom O'Neill.") == [
        'He said "no" to every offer,']
    assert passages("‘She called it “a disgrace”,’ he said.") == ["She called it “a disgrace”,"]


def test_headline_single_quotes():
    assert passages("Minister: 'We will fix the potholes in 15 days'") == [
        "We will fix the potholes in 15 days"]


def test_multi_paragraph_single_quoted_speech():
    spans = passages("'The first part of it.\n\n'And the end of it,' he said.")
    assert spans == ["The first part of it.", "And the end of it,"]


def test_an_odd_single_mark_degrades_only_its_span():
    assert passages("'Unclosed start of a quote and \"a real one\" later.") == ["a real one"]
