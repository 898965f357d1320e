"""HTML pages: trafilatura finds the article, metadata and captions come along."""

from __future__ import annotations

import pytest

from newsbridge.clean import clean, looks_like_html
from newsbridge.errors import InputError

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<title>Tram line to airport approved | Halden Daily</title>
<meta property="og:title" content="Tram line to airport approved">
<meta name="author" content="Ines Kovac">
<meta property="article:published_time" content="2026-05-04T09:30:00Z">
<meta property="og:site_name" content="Halden Daily">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/login">Log in</a></li></ul></nav>
<article>
<h1>Tram line to airport approved</h1>
<figure><img src="tram.jpg" alt=""><figcaption>A test tram near the harbour, Monday. AP-Yonhap</figcaption></figure>
<p>HALDEN — The regional assembly approved a 14-kilometre tram line to the airport on Monday, ending a decade of debate over how to link the terminal to the city centre.</p>
<p>The line will cost 610 million euros and is due to open in 2031, transport officials said in a briefing after the vote.</p>
<p>"This is the most important transport decision we have taken in a generation," said assembly president Marta Oyelaran, who has backed the plan since 2019.</p>
<p>Opponents argued that buses on a dedicated lane would have carried as many passengers at a quarter of the cost, and they promised to keep fighting the project in court.</p>
</article>
<footer><p>© 2026 Halden Daily. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>"""


def test_html_article_with_metadata_and_caption():
    art = clean(PAGE)  # recognised as HTML without being told
    assert art.source_format == "html"
    assert art.title == "Tram line to airport approved"
    assert art.byline == "Ines Kovac"
    assert art.published == "2026-05-04"
    assert art.publisher == "Halden Daily"
    assert [(c.text, c.credit) for c in art.captions] == [
        ("A test tram near the harbour, Monday.", "AP-Yonhap")]
    body = [p.text for p in art.paragraphs]
    assert len(body) == 4
    assert body[0].startswith("HALDEN — The regional assembly approved")
    assert body[3].startswith("Opponents argued")
    assert not any("Privacy" in p or "Log in" in p or "©" in p for p in body)


def test_html_without_an_article_is_a_clear_error():
    html = "<html><body><nav><a href='/'>Home</a></nav><div></div></body></html>"
    with pytest.raises(InputError, match="no article text found in the HTML"):
        clean(html, html=True)


def test_looks_like_html():
    assert looks_like_html("<!doctype html><html><body><p>x</p></body></html>")
    assert looks_like_html("  <div class='story'><p>text</p></div>")
    assert not looks_like_html("The <b> tag is HTML's bold.")
