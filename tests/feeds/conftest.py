"""Feeds and article pages for the `site` fixture (tests/conftest.py) to serve."""

from __future__ import annotations


def page(title: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html><head><title>{title}</title></head><body><nav><a href='/'>Home</a></nav>"
            f"<article><h1>{title}</h1>{body}</article><footer>© 2026 Test Daily</footer></body></html>").encode()


def rss(items: list[dict]) -> bytes:
    parts = []
    for it in items:
        content = f"<content:encoded><![CDATA[{it['content']}]]></content:encoded>" if it.get("content") else ""
        parts.append(f"<item><guid>{it['guid']}</guid><title>{it['title']}</title><link>{it['link']}</link>"
                     f"<pubDate>Tue, 10 Nov 2026 10:00:00 GMT</pubDate>{content}</item>")
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Test feed</title>'
            + "".join(parts) + "</channel></rss>").encode()


HTML = "text/html; charset=utf-8"
XML = "application/rss+xml"
