"""Garbage in: process() gives a Result or a one-line InputError, never anything else."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsbridge
from newsbridge.errors import InputError

PIECES = ["\n\n", "\n", '"', "“", "”", "<p>", "</p>", "<html>", "said", "말했다.", "다. ", ". ", "Kim ",
          "© 2026", "Menu", "By Ana Lee", "기자 a@b.co", "[사진=연합뉴스]", "\x00", "\ufeff", "’", "—", "?"]
garbage = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=20)), max_size=30).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=garbage, target=st.sampled_from([None, "ko", "en"]))
def test_process_survives_garbage(text, target):
    try:
        result = newsbridge.process(text, target=target, config=None)
    except InputError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    body = result.article.body
    for s in result.article.sentences:
        assert body[s.start:s.end] == s.text
    for q in result.quotes:
        assert body[q.start:q.end] == q.text
    result.to_dict()


def test_long_lists_and_runs_of_separators_come_back_at_once():
    # Lines a regex could split in exponentially many ways (each list item with spaces around
    # it, a missing end) must still be read in one pass: this input once hung the cleaner.
    text = "Label: " + ", ".join(["  word  "] * 60) + " :\n\nSecond line, " + "a, " * 400 + ":"
    result = newsbridge.process(text, config=None)
    assert result.article.body
