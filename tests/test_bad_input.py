"""Bad input gets one clear error or a warning: never a crash, never a hang."""

from __future__ import annotations

import time

import pytest

import newsbridge
from newsbridge.errors import InputError
from newsbridge.inputs import decode


@pytest.mark.parametrize("text, message", [
    ("", "input is empty"),
    ("   \n\t\n  ", "input is empty"),
    ("\x00\x01\x02binary\x00" * 50, "looks binary"),
    ("x" * 5_000_001, "over the limit"),
    ("Menu\n\nSearch\n\nLog in\n\n© 2026 Example News", "no article text found"),
    ("<html><body><nav><a href='/'>Home</a></nav></body></html>", "no article text found"),
    (12345, "expected text"),
])
def test_refused_with_a_clear_message(text, message):
    started = time.monotonic()
    with pytest.raises(InputError, match=message) as info:
        newsbridge.process(text)
    assert "\n" not in str(info.value)
    assert time.monotonic() - started < 10


def test_invalid_utf8_bytes_name_the_offset():
    with pytest.raises(InputError, match=r"not valid UTF-8 \(byte 0xff at offset 5\)"):
        decode(b"hello\xff world")


def test_utf8_bytes_are_accepted(ko_page):
    assert newsbridge.process(ko_page.encode("utf-8")).language.code == "ko"


def test_a_long_article_just_under_the_limit_is_processed():
    text = "\n\n".join(  # ~150,000 characters
        f"On day {i} the council met again to discuss the ferry budget and the new routes. " * 6
        for i in range(300)
    )
    result = newsbridge.process(text)
    assert len(result.article.paragraphs) == 300
    assert result.language.code == "en"


def test_one_long_line_without_spaces_does_not_hang():
    result = newsbridge.process("a" * 200_000 + ".")
    assert len(result.article.paragraphs) == 1
