"""English quotes: each attribution pattern, speaker resolution, scare quotes, bad marks.

Every sentence here was written for these tests; the people are fictional.
"""

from __future__ import annotations

from newsbridge.document import Article
from newsbridge.quotes import RulesQuoteExtractor
from newsbridge.segment import segment


def quotes_of(*paragraphs: str):
    article = segment(Article.from_paragraphs(list(paragraphs)), "en")
    found = RulesQuoteExtractor().extract(article, "en")
    for q in found:
        assert article.body[q.start:q.end] == q.text
    return found


def speech(*paragraphs: str):
    return [(q.text, q.speaker) for q in quotes_of(*paragraphs) if q.kind == "speech"]


def test_said_name_title_after_the_quote():
    [q] = quotes_of('"The bridge will open in May," said Harry J. Kazianis, senior director of '
                    "transport at the Northfield Institute.")
    assert (q.text, q.speaker, q.cue, q.resolved_from) == (
        "The bridge will open in May,", "Harry J. Kazianis", "said", None)
    assert q.speaker_title == "senior director of transport at the Northfield Institute"
    assert q.kind == "speech"


def test_title_before_the_name_is_the_speaker_title():
    [q] = quotes_of('"We will vote again," said Councillor Ines Marlow, who chairs the budget committee.')
    assert q.speaker == "Ines Marlow"
    assert q.speaker_title == "Councillor, chairs the budget committee"


def test_name_said_colon_before_the_quote():
    [q] = quotes_of('Mayor Tom Brandt said: "Nobody will lose their home."')
    assert (q.speaker, q.speaker_title, q.cue) == ("Tom Brandt", "Mayor", "said")


def test_name_said_during_something_then_quote():
    [q] = quotes_of('Olga Pruitt said during a televised debate on Monday night, "The numbers do not add up."')
    assert q.speaker == "Olga Pruitt"


def test_quote_then_name_added():
    [q] = quotes_of('"It is a fair deal for both sides," Ravi Menon added.')
    assert (q.speaker, q.cue) == ("Ravi Menon", "added")


def test_pronoun_goes_to_the_last_named_speaker():
    found = quotes_of('"Prices will fall," Ravi Menon said on Monday.',
                      '"They fell last year too," he added.')
    assert [(q.speaker, q.resolved_from) for q in found] == [("Ravi Menon", None), ("Ravi Menon", "pronoun")]


def test_pronoun_respects_gender_from_honorifics():
    found = quotes_of('"We need more buses," Mr. Dale Ortiz said.',
                      '"The buses are full," Ms. Hana Ruiz said.',
                      '"And the trains are late," he added.')
    assert [q.speaker for q in found] == ["Dale Ortiz", "Hana Ruiz", "Dale Ortiz"]


def test_quote_split_around_its_attribution_gives_two_quotes_one_speaker():
    found = quotes_of('"The ferry is full every morning," said Dana Ruel. "We need a second boat."')
    assert [(q.text, q.speaker) for q in found] == [
        ("The ferry is full every morning,", "Dana Ruel"), ("We need a second boat.", "Dana Ruel")]
    assert found[1].resolved_from == "continuation"


def test_quote_interrupted_in_one_sentence():
    found = quotes_of('"The ferry is full," Dana Ruel said, "and the bridge is closed."')
    assert [q.speaker for q in found] == ["Dana Ruel", "Dana Ruel"]


def test_multi_paragraph_quote_keeps_its_speaker():
    found = quotes_of(
        'Mayor Lena Voss said the plan was overdue. "We waited ten years for this road.',
        '"Every winter the old road floods and the school buses turn back.',
        '"Now that ends."',
    )
    assert [q.speaker for q in found] == ["Lena Voss"] * 3
    assert [q.paragraph for q in found] == [0, 1, 2]
    assert found[0].text == "We waited ten years for this road."
    assert found[2].resolved_from == "continuation"


def test_partial_quote_inside_reported_speech():
    found = quotes_of('Councillor Ben Achebe said the forecast was "optimistic at best."')
    assert [(q.text, q.speaker, q.kind) for q in found] == [("optimistic at best.", "Ben Achebe", "speech")]


def test_he_added_that_partial_quote():
    found = quotes_of('"We are borrowing against the future," Achebe told reporters. '
                      'He added that the city had "no plan B" if costs rose.')
    assert [(q.text, q.speaker) for q in found] == [
        ("We are borrowing against the future,", "Achebe"), ("no plan B", "Achebe")]


def test_surname_resolves_to_the_full_name_introduced_earlier():
    found = quotes_of('"The rail link is essential," said Harry J. Kazianis, a transport analyst.',
                      'Later, Kazianis said: "It should have been built in 1990."')
    assert [q.speaker for q in found] == ["Harry J. Kazianis", "Harry J. Kazianis"]
    assert found[1].speaker_title == "a transport analyst"


def test_a_different_person_with_the_same_surname_is_not_merged():
    found = quotes_of('"Talks must resume," said Sung Kim, the special envoy.',
                      '"We will not talk," Kim Jong Un said in a speech.',
                      '"The door is open," Sung Kim replied.')
    assert [q.speaker for q in found] == ["Sung Kim", "Kim Jong Un", "Sung Kim"]


def test_organisation_speaks():
    found = quotes_of('"The president has full confidence in the envoy," the White House said in a statement.')
    assert [(q.speaker, q.cue) for q in found] == [("White House", "said")]


def test_according_to():
    found = quotes_of('According to the Port Authority, "the terminal will reopen on Friday."')
    assert [q.speaker for q in found] == ["Port Authority"]


def test_unnamed_source_is_the_speaker_as_described():
    [q] = quotes_of('"Nobody expected the vote to pass," a senior official said.')
    assert (q.speaker, q.resolved_from) == ("a senior official", "title-only")


def test_title_only_mention_resolves_to_the_person_with_that_title():
    found = quotes_of('"We will appeal," said Senator Mia Holt.',
                      '"The ruling is wrong," the senator said.')
    assert [(q.speaker, q.resolved_from) for q in found] == [("Mia Holt", None), ("Mia Holt", "title-only")]


def test_question_then_attribution_is_one_sentence():
    found = quotes_of('"Who pays for this?" Lena Voss asked.')
    assert [(q.speaker, q.cue) for q in found] == [("Lena Voss", "asked")]


def test_curly_and_nyt_double_apostrophe_quotes():
    found = quotes_of("“The budget is balanced,” said Omar Reyes. ''We kept our promise,'' he added.")
    assert [(q.text, q.speaker) for q in found] == [
        ("The budget is balanced,", "Omar Reyes"), ("We kept our promise,", "Omar Reyes")]


def test_scare_quotes_and_titles_have_no_speaker():
    found = quotes_of('The so-called "super PACs" spent heavily.',
                      'Reyes appeared on "Face the Nation" on Sunday.')
    assert [(q.text, q.kind, q.speaker) for q in found] == [
        ("super PACs", "scare", None), ("Face the Nation", "scare", None)]


def test_odd_number_of_marks_degrades_one_span_and_keeps_the_rest():
    found = quotes_of('The mayor called the plan " a disgrace, and left.',
                      '"We start on Monday," said Ada Lin.')
    assert [(q.text, q.speaker) for q in found] == [("We start on Monday,", "Ada Lin")]


def test_quote_standing_alone_continues_the_previous_speaker():
    found = quotes_of('"We will rebuild the pier," said Ada Lin, the harbour master.',
                      '"It will take two summers."')
    assert [(q.speaker, q.resolved_from) for q in found] == [("Ada Lin", None), ("Ada Lin", "continuation")]


def test_no_speaker_is_invented():
    found = quotes_of('"Everything is fine."')
    assert [(q.speaker, q.kind) for q in found] == [(None, "speech")]
