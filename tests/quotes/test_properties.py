"""Properties: extraction never raises on any text, and every span slices back to its text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsbridge.document import Article
from newsbridge.quotes import RulesQuoteExtractor
from newsbridge.segment import segment

PIECES = ['"', "“", "”", "''", "‘", "’", "「", "」", " said ", " he ", "다.", "고 말했다.", "는 ",
          "Kim", "김민수 의원은 ", ". ", ", ", "\n\n", "The mayor", " ", "A", "?", "—"]
text_strategy = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=40).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=text_strategy, lang=st.sampled_from(["en", "ko"]))
def test_never_raises_and_spans_slice_back(text, lang):
    paragraphs = [p for p in text.split("\n\n") if p.strip()] or ["x"]
    article = segment(Article.from_paragraphs(paragraphs), lang)
    quotes = RulesQuoteExtractor().extract(article, lang)
    ids = [q.id for q in quotes]
    assert len(set(ids)) == len(ids)
    for q in quotes:
        assert article.body[q.start:q.end] == q.text
        assert q.kind in ("speech", "scare")
        assert q.resolved_from in (None, "continuation", "pronoun", "title-only")
        assert 0 <= q.paragraph < len(article.paragraphs)
        if q.kind == "scare":
            assert q.speaker is None
