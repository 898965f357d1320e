"""Every endpoint, every error path, the API key and the limits, through the real app."""

from __future__ import annotations

import dataclasses

import pytest
from fastapi.testclient import TestClient

from newsbridge.server import create_app
from tests.clean.test_html import big_page
from tests.server.conftest import settings_with


def test_health_ready_and_models(client):
    assert client.get("/health").json() == {"status": "ok"}
    assert client.get("/ready").status_code == 200
    models = client.get("/v1/models").json()
    assert models["pipeline"]["translate"] == "identity"
    assert models["translate"]["en-ko"] == "opus-mt-tc-big-en-ko"
    assert models["devices"] == {"translate": None, "key_points": None}  # identity, extractive: no model


def test_models_say_which_device_and_precision_a_model_runs_on():
    with TestClient(create_app(settings_with("ctranslate2", load_models="lazy"))) as c:
        assert c.get("/v1/models").json()["devices"]["translate"] == {"device": "cpu", "compute_type": "int8"}


def test_process_returns_the_result_shape(client, en_page):
    r = client.post("/v1/process", json={"text": en_page, "target": "ko", "points": 3})
    assert r.status_code == 200, r.text
    data = r.json()
    assert data["schema_version"] == "1.2"
    assert data["article"]["title"].startswith("Riverton opens")
    assert len(data["key_points"]) == 3
    assert data["quotes"][0]["speaker"] == "Ana Whitcombe"
    assert data["translation"]["model"] == "identity"


def test_process_html(client):
    html = ("<html><body><article><h1>Harbour reopens</h1><p>The harbour of Calder reopened on Monday "
            "after a month of repairs to the breakwater and the quay.</p></article></body></html>")
    data = client.post("/v1/process", json={"html": html}).json()
    assert data["article"]["source_format"] == "html"


def test_quotes_summarize_detect(client, ko_page):
    quotes = client.post("/v1/quotes", json={"text": ko_page}).json()
    assert quotes["language"]["code"] == "ko"
    assert quotes["quotes"][0]["speaker"] == "이정훈"
    summary = client.post("/v1/summarize", json={"text": ko_page, "points": 2}).json()
    assert len(summary["key_points"]) == 2
    detected = client.post("/v1/detect", json={"text": "The mayor spoke.\n\n시장이 말했다."}).json()
    assert [p["code"] for p in detected["paragraphs"]] == ["en", "ko"]


def test_translate_one_text_and_a_list(client):
    one = client.post("/v1/translate", json={"text": "The council met.", "target": "ko"}).json()
    assert one == {"source": "en", "target": "ko", "model": "identity", "translations": ["The council met."]}
    many = client.post("/v1/translate", json={"text": ["첫째 문장이다.", "둘째."], "source": "ko", "target": "en"})
    assert many.json()["translations"] == ["첫째 문장이다.", "둘째."]


def test_translate_same_language_returns_the_text(client):
    r = client.post("/v1/translate", json={"text": "Hello there, friends.", "target": "en"})
    assert r.json()["translations"] == ["Hello there, friends."]


def error_of(response):
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert "Traceback" not in response.text
    return response.status_code, body["error"]["code"]


@pytest.mark.parametrize("path, body, expected", [
    ("/v1/process", {"text": ""}, (400, "bad_input")),
    ("/v1/process", {"text": "x", "html": "<p>x</p>"}, (422, "invalid_request")),
    ("/v1/process", {}, (422, "invalid_request")),
    ("/v1/process", {"text": 42}, (422, "invalid_request")),
    ("/v1/process", {"text": "Some article text here.", "target": "fr"}, (422, "invalid_request")),
    ("/v1/process", {"text": "Some article text here.", "points": 0}, (422, "invalid_request")),
    ("/v1/process", {"text": "Some article.", "unknown": 1}, (422, "invalid_request")),
    ("/v1/process", {"text": "Menu\n\nLog in"}, (400, "bad_input")),
    ("/v1/translate", {"text": [], "target": "ko"}, (422, "invalid_request")),
    ("/v1/translate", {"text": "Hola, ¿qué tal estás hoy, amigo mío?", "target": "ko"}, (400, "bad_input")),
    ("/v1/translate", {"text": "Hello", "target": "ja"}, (422, "invalid_request")),
    ("/v1/translate", {"text": "Hello", "source": "fr", "target": "ko"}, (422, "invalid_request")),
    ("/v1/detect", {"text": "   "}, (400, "bad_input")),
    ("/v1/detect", {"txt": "hello"}, (422, "invalid_request")),
])
def test_bad_requests_get_the_right_status_and_a_json_error(client, path, body, expected):
    assert error_of(client.post(path, json=body)) == expected


def test_malformed_bodies(client):
    headers = {"Content-Type": "application/json"}
    assert error_of(client.post("/v1/process", content=b"{not json", headers=headers)) == (400, "invalid_json")
    assert error_of(client.post("/v1/process", content=b'{"text": "caf\xe9"}', headers=headers)) == (400, "invalid_json")
    deep = b"[" * 100_000 + b"]" * 100_000
    assert error_of(client.post("/v1/process", content=deep, headers=headers))[0] in (400, 413, 422)
    assert error_of(client.post("/v1/process", content=b"text=hi",
                                headers={"Content-Type": "application/x-www-form-urlencoded"})) == (
        415, "unsupported_media_type")
    assert error_of(client.get("/v1/nowhere")) == (404, "not_found")
    assert error_of(client.get("/v1/process")) == (405, "method_not_allowed")
    assert client.get("/health").status_code == 200  # still answering


def test_limits(en_page):
    settings = settings_with(load_models="lazy", max_body_bytes=5000, max_item_chars=900, max_items=2)
    with TestClient(create_app(settings)) as c:
        assert error_of(c.post("/v1/process", json={"text": en_page * 3})) == (413, "too_large")
        assert error_of(c.post("/v1/process", json={"text": en_page[:1200]})) == (413, "too_large")
        assert error_of(c.post("/v1/translate", json={"text": ["a", "b", "c"], "target": "ko"})) == (413, "too_large")
        assert c.get("/health").status_code == 200


def test_timeout_gives_504():
    import time

    from newsbridge import Pipeline

    class Slow(Pipeline):
        def process(self, *args, **kwargs):
            time.sleep(1.5)
            return super().process(*args, **kwargs)

    settings = settings_with(load_models="lazy", timeout_seconds=0.3)
    with TestClient(create_app(settings, Slow(settings))) as c:
        assert error_of(c.post("/v1/process", json={"text": "The council met on Monday."})) == (504, "timeout")
        assert c.get("/health").json() == {"status": "ok"}


def test_missing_translation_model_is_503(tmp_path, monkeypatch):
    from huggingface_hub import constants

    monkeypatch.setattr(constants, "HF_HUB_CACHE", str(tmp_path / "empty"))
    monkeypatch.delenv("NEWSBRIDGE_MODEL_DIR", raising=False)
    with TestClient(create_app(settings_with("transformers", load_models="lazy"))) as c:
        status, code = error_of(c.post("/v1/translate", json={"text": "The council met.", "target": "ko"}))
        assert (status, code) == (503, "model_missing")
        assert "newsbridge models download" in c.post("/v1/translate", json={
            "text": "The council met.", "target": "ko"}).json()["error"]["message"]
        # process still answers, with translation null and a warning
        data = c.post("/v1/process", json={"text": "The council met on Monday to vote.", "target": "ko"}).json()
        assert data["translation"] is None and data["warnings"][0]["code"] == "model_missing"


def test_internal_errors_do_not_leak(monkeypatch):
    from newsbridge import Pipeline

    class Broken(Pipeline):
        def process(self, *args, **kwargs):
            raise RuntimeError("secret internals /etc/passwd")

    settings = settings_with(load_models="lazy")
    with TestClient(create_app(settings, Broken(settings)), raise_server_exceptions=False) as c:
        r = c.post("/v1/process", json={"text": "The council met on Monday."})
        assert error_of(r) == (500, "internal_error")
        assert "secret" not in r.text


def test_api_key(monkeypatch):
    monkeypatch.setenv("NEWSBRIDGE_API_KEYS", "k-env")
    with TestClient(create_app(settings_with(load_models="lazy", api_keys=["k-config"]))) as c:
        body = {"text": "The mayor spoke."}
        assert error_of(c.post("/v1/detect", json=body)) == (401, "unauthorized")
        assert error_of(c.post("/v1/detect", json=body, headers={"X-API-Key": "wrong"})) == (401, "unauthorized")
        assert c.post("/v1/detect", json=body, headers={"X-API-Key": "k-config"}).status_code == 200
        assert c.post("/v1/detect", json=body, headers={"X-API-Key": "k-env"}).status_code == 200
        assert error_of(c.get("/v1/models")) == (401, "unauthorized")
        assert c.get("/health").status_code == 200  # liveness stays open


def test_cors_is_off_by_default_and_configurable():
    with TestClient(create_app(settings_with(load_models="lazy"))) as c:
        r = c.options("/v1/detect", headers={"Origin": "http://cms.local", "Access-Control-Request-Method": "POST"})
        assert "access-control-allow-origin" not in r.headers
    with TestClient(create_app(settings_with(load_models="lazy", cors_origins=["http://cms.local"]))) as c:
        r = c.options("/v1/detect", headers={"Origin": "http://cms.local", "Access-Control-Request-Method": "POST"})
        assert r.headers["access-control-allow-origin"] == "http://cms.local"


def test_openapi_docs_and_page(client):
    spec = client.get("/openapi.json").json()
    assert {"/v1/process", "/v1/translate", "/v1/summarize", "/v1/quotes", "/v1/detect"} <= set(spec["paths"])
    assert client.get("/docs").status_code == 200
    page = client.get("/")
    assert page.status_code == 200 and "newsbridge" in page.text and "http" not in page.text.split("<script>")[0].replace("http-equiv", "")


def test_startup_loading_and_ready():
    with TestClient(create_app(settings_with(load_models="startup"))) as c:
        ready = c.get("/ready").json()
        assert ready["ready"] is True
        assert ready["models"] == {"en-ko": "loaded", "ko-en": "loaded"}


def test_concurrent_translate_requests_are_batched():
    import asyncio

    import httpx

    settings = settings_with(load_models="lazy", batch_window_ms=50)
    app = create_app(settings)

    async def run():
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://test") as c:
                replies = await asyncio.gather(*[
                    c.post("/v1/translate", json={"text": f"Sentence {i}.", "source": "en", "target": "ko"})
                    for i in range(8)])
        return replies

    replies = asyncio.run(run())
    assert [r.json()["translations"] for r in replies] == [[f"Sentence {i}."] for i in range(8)]
    assert app.state.batcher.calls < 8


def test_html_is_bounded_by_its_markup_cap_and_its_article_by_the_text_limit(client):
    data = client.post("/v1/process", json={"html": big_page(1_500_000)})
    assert data.status_code == 200, data.text[:300]
    assert len(data.json()["article"]["paragraphs"]) == 4
    settings = settings_with(load_models="lazy")
    settings = dataclasses.replace(settings, limits=dataclasses.replace(settings.limits, max_chars=5_000))
    with TestClient(create_app(settings)) as c:
        r = c.post("/v1/process", json={"html": big_page(1_000, paragraphs=60)})
        assert error_of(r) == (413, "too_large")
        assert "extracted from the HTML" in r.json()["error"]["message"]
