"""An oversized request gets the 413 JSON error, whatever the client does meanwhile.

The real service (`newsbridge serve`) on 127.0.0.1, with a small body limit, and real
clients: urllib and http.client sending all of a 20 MB body (declared, and chunked without a
length) before they read the answer, and a raw socket that stops after the headers.
"""

from __future__ import annotations

import http.client
import json
import socket
import time
import urllib.error
import urllib.request

import httpx
import pytest

from tests.server.conftest import running_server

LIMIT = 100_000
BIG = 20_000_000


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    config = tmp_path_factory.mktemp("cfg") / "serve.toml"
    with running_server(config, f'[server]\nload_models = "lazy"\nmax_body_bytes = {LIMIT}\n') as url:
        yield int(url.rsplit(":", 1)[1])


def body_of_size(n: int) -> bytes:
    return json.dumps({"text": "x" * (n - 12)}).encode()


def assert_too_large(status: int, payload: bytes) -> None:
    assert status == 413
    assert json.loads(payload)["error"]["code"] == "too_large"


def test_urllib_sending_all_of_a_20_mb_body_reads_the_413(server):
    # urllib sends 'Connection: close' and writes the whole body before reading anything.
    request = urllib.request.Request(f"http://127.0.0.1:{server}/v1/process", data=body_of_size(BIG),
                                     headers={"Content-Type": "application/json"})
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(request, timeout=60)
    assert_too_large(info.value.code, info.value.read())


def test_a_chunked_body_without_a_length_reads_the_413(server):
    def chunks():
        piece = b"x" * 65536
        for _ in range(BIG // len(piece)):
            yield piece

    conn = http.client.HTTPConnection("127.0.0.1", server, timeout=60)
    conn.request("POST", "/v1/process", body=chunks(), encode_chunked=True,
                 headers={"Content-Type": "application/json", "Transfer-Encoding": "chunked"})
    response = conn.getresponse()
    assert_too_large(response.status, response.read())
    conn.close()


def test_a_client_that_waits_after_the_headers_reads_the_413(server):
    with socket.create_connection(("127.0.0.1", server), timeout=30) as sock:
        sock.sendall(f"POST /v1/process HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     f"Content-Length: {BIG}\r\n\r\n".encode())
        started = time.monotonic()
        reply = b""
        while b"}}" not in reply:
            data = sock.recv(4096)
            if not data:
                break
            reply += data
    reply = reply.decode()
    assert reply.startswith("HTTP/1.1 413")
    assert '"too_large"' in reply
    assert time.monotonic() - started < 10


def test_the_service_still_answers_afterwards(server):
    response = httpx.post(f"http://127.0.0.1:{server}/v1/detect", json={"text": "The council met."}, timeout=30)
    assert response.status_code == 200
