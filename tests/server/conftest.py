"""A TestClient over the app with an identity translator (no model needed), shared per module;
and the real service started on 127.0.0.1 for tests that need real sockets."""

from __future__ import annotations

import contextlib
import dataclasses
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from newsbridge import load_settings
from newsbridge.server import create_app


def settings_with(translate="identity", **server):
    base = load_settings()
    return dataclasses.replace(
        base,
        pipeline=dataclasses.replace(base.pipeline, translate=translate),
        translate=dataclasses.replace(base.translate, cache=""),
        server=dataclasses.replace(base.server, **server),
    )


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app(settings_with(load_models="lazy"))) as c:
        yield c


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_server(config: Path, extra_toml: str = "") -> Iterator[str]:
    """`newsbridge serve` on 127.0.0.1 with an identity translator (and `extra_toml`), ready."""
    config.write_text('[pipeline]\ntranslate = "identity"\n[translate]\ncache = ""\n' + extra_toml,
                      encoding="utf-8")
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "newsbridge", "serve", "--host", "127.0.0.1",
                             "--port", str(port), "--config", str(config)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/ready", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if proc.poll() is not None:
            raise RuntimeError(f"server exited: {proc.stdout.read().decode()[-2000:]}")
        time.sleep(0.5)
    else:
        proc.kill()
        raise RuntimeError("server did not become ready in 90 s")
    try:
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=20)
