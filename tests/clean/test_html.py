"""HTML pages: trafilatura finds the article, metadata and captions come along; the size caps."""

from __future__ import annotations

import dataclasses
import importlib.util
from pathlib import Path

import pytest

import newsbridge
from newsbridge.clean import clean, looks_like_html
from newsbridge.config import LimitSettings, load_settings
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


# --- what trafilatura extracts is kept unless a signal says furniture ------------------------

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "html"
_spec = importlib.util.spec_from_file_location(
    "eval_clean_html", Path(__file__).resolve().parents[2] / "scripts" / "eval_clean_html.py")
eval_html = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(eval_html)


def page(name: str) -> str:
    return (FIXTURES / f"{name}.html").read_text(encoding="utf-8")


def test_subheads_and_lists_of_the_article_are_kept():
    art = clean(page("en-music-review"))
    body = [p.text for p in art.paragraphs]
    assert "The songs" in body and "Verdict" in body
    assert "Mary of the Ferries, the closest thing here to a single" in body
    assert body[0].startswith("Nine years is a long time")  # not the standfirst or the stars
    assert body[-1] == "Harbour Lights is out now on Tidewater Records."
    assert not any("More reviews" in p or "Winter Tapes" in p for p in body)


def test_numbered_headings_and_korean_lists_keep_their_text():
    assert "1. The river market" in [p.text for p in clean(page("en-listicle")).paragraphs]
    assert "값: 1만8천원" in [p.text for p in clean(page("ko-review-list")).paragraphs]


def test_signals_of_furniture_inside_the_extracted_text():
    body = [p.text for p in clean(page("en-wire-inline-links")).paragraphs]
    assert not any(p.startswith(("Read more:", "(Reporting by")) for p in body)
    script = [p.text for p in clean(page("ko-broadcast-script")).paragraphs]
    assert not any(p in ("[앵커]", "[리포트]", "해솔방송 윤서진입니다.", "촬영기자:김도윤") for p in script)


@pytest.mark.parametrize("name", sorted(p.stem for p in FIXTURES.glob("*.html")))
def test_body_is_never_worse_than_trafilatura_alone(name):
    html = page(name)
    gold = (FIXTURES / f"{name}.gold.txt").read_text(encoding="utf-8")
    ours = eval_html.prf(clean(html).body, gold)[2]
    theirs = eval_html.prf(eval_html.extract(html).text, gold)[2]
    assert ours >= theirs


def test_metadata_comes_from_the_page():
    art = clean(page("ko-review-list"))
    assert art.byline == "하윤서"  # the page's author tag says '하윤서 기자'
    assert clean(page("en-listicle")).published is None  # no date tag: no guess from '© 2026'
    assert clean(page("en-wire-inline-links")).published == "2026-09-15"


def big_page(markup_chars: int, paragraphs: int = 4) -> str:
    """A real-looking page: a short article inside a megabyte or more of scripts and styles."""
    script = "<script>window.__STATE__ = " + '{"k": "v"}, ' * (markup_chars // 12) + ";</script>"
    body = "".join(f"<p>The ferry service will add route number {i} next spring, the transit authority "
                   f"said on Tuesday after a long debate about the cost.</p>" for i in range(paragraphs))
    return (f"<!DOCTYPE html><html><head><title>Ferry routes</title>{script}</head><body><nav><a href='/'>Home</a></nav>"
            f"<article><h1>Ferry service adds routes</h1>{body}</article></body></html>")


def test_a_page_with_a_megabyte_of_markup_is_not_refused():
    html = big_page(1_500_000)
    assert len(html) > 1_000_000
    result = newsbridge.process(html)
    assert len(result.article.paragraphs) == 4
    assert result.article.title == "Ferry service adds routes"


def pipeline_with(**limits) -> newsbridge.Pipeline:
    settings = load_settings()
    return newsbridge.Pipeline(dataclasses.replace(settings, limits=LimitSettings(**limits)))


def test_the_text_limit_applies_to_the_extracted_article():
    pipe = pipeline_with(max_chars=5_000, max_html_chars=3_000_000)
    assert len(pipe.process(big_page(1_500_000)).article.paragraphs) == 4
    with pytest.raises(InputError, match="the article extracted from the HTML has .* over the limit of 5,000"):
        pipe.process(big_page(1_000, paragraphs=60))
    with pytest.raises(InputError, match=r"the HTML page has .* over the limit of 3,000,000.*max_html_chars"):
        pipe.process(big_page(3_100_000))
    with pytest.raises(InputError, match="input has .* over the limit of 5,000"):
        pipe.process("The council met. " * 400)
