"""A real HTTP server on 127.0.0.1 serving the test feeds and article pages from a route table."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


class Routes(dict):
    """path -> (status, content type, body bytes, delay seconds); a list gives one per request."""

    def hit(self, path):
        route = self.get(path)
        if isinstance(route, list):
            return route.pop(0) if len(route) > 1 else route[0]
        return route


@pytest.fixture
def site():
    routes = Routes()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server's name
            route = routes.hit(self.path)
            if route is None:
                self.send_response(404)
                self.end_headers()
                return
            status, kind, body, delay = route
            time.sleep(delay)
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.routes = routes
    server.url = f"http://127.0.0.1:{server.server_address[1]}"
    yield server
    server.shutdown()
    server.server_close()


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
