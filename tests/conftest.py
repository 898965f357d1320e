"""Shared fixtures: article pages written for these tests (fictional people and places)."""

from __future__ import annotations

import importlib.util
import os
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).parent.parent


def read_fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def en_page() -> str:
    return (ROOT / "examples" / "pasted-page.en.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def ko_page() -> str:
    return (ROOT / "examples" / "pasted-page.ko.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def tiny_models() -> dict[str, Path]:
    """Tiny random-weight models built once from shared data text (scripts/build_tiny_models.py),
    kept in a cache folder between runs ($NEWSBRIDGE_TEST_MODELS to choose it)."""
    spec = importlib.util.spec_from_file_location("build_tiny_models", ROOT / "scripts" / "build_tiny_models.py")
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    out = Path(os.environ.get("NEWSBRIDGE_TEST_MODELS", Path.home() / ".cache" / "newsbridge" / "tiny-models"))
    return builder.build_all(out)


class Routes(dict):
    """path -> (status, content type, body bytes, delay seconds); a list gives one per request."""

    def hit(self, path):
        route = self.get(path)
        if isinstance(route, list):
            return route.pop(0) if len(route) > 1 else route[0]
        return route


@pytest.fixture
def site():
    """A real HTTP server on 127.0.0.1 serving feeds and article pages from a route table."""
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
