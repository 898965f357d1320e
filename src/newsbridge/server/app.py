"""The local HTTP service: a versioned JSON API over the pipeline, and a page for editors.

Model work runs in worker threads (a capacity limiter of [server] workers), never on the
event loop, so /health answers while a long translation runs; /v1/translate requests that
arrive together are micro-batched into one model call (batching.py). Every error is JSON,
{"error": {"code", "message"}}, with the right status; no traceback ever reaches a client.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import logging
import os
from importlib import resources
from typing import Any

import anyio
from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..config import Settings, load_settings
from ..detect import split_paragraphs
from ..errors import ConfigError, InputError, InputTooLarge, ModelNotFoundError
from ..pipeline import Pipeline
from . import schemas
from .batching import TranslateBatcher

log = logging.getLogger(__name__)
ENV_API_KEYS = "NEWSBRIDGE_API_KEYS"
_STATUS_CODES = {401: "unauthorized", 404: "not_found", 405: "method_not_allowed",
                 413: "too_large", 415: "unsupported_media_type", 422: "invalid_request",
                 503: "model_missing", 504: "timeout"}


class ApiError(Exception):
    """An error with its HTTP status and code, turned into the JSON error body."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse(status_code=status, content={"error": {"code": code, "message": message}})


# How much of a refused body is read and dropped before the 413 goes out, at most.
DRAIN_BYTES = 256_000_000
DRAIN_SECONDS = 60.0
DRAIN_IDLE_SECONDS = 1.0  # a client that sends nothing more is waiting for the answer


async def _drain(receive: Any) -> None:
    """Read and drop the rest of a refused request body.

    Most clients (urllib, requests, browsers) send the whole body before they read the
    answer. Answering while the body still comes, then closing, resets the connection under
    them and they never see the 413; so the rest is read first, within bounds. A client that
    stops after the headers to wait for the answer gets it after a second of silence.
    """
    drained = 0
    with anyio.move_on_after(DRAIN_SECONDS):
        while drained < DRAIN_BYTES:
            with anyio.move_on_after(DRAIN_IDLE_SECONDS) as idle:
                message = await receive()
            if idle.cancelled_caught or message["type"] != "http.request":
                return
            drained += len(message.get("body", b""))
            if not message.get("more_body", False):
                return


class BodyLimit:
    """Refuses request bodies over `limit` bytes with 413, without keeping them."""

    def __init__(self, app: Any, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        # 'Expect: 100-continue': the client sends the body only if asked to; answer at once.
        waits = headers.get(b"expect", b"").lower() == b"100-continue"
        message = f"request body over {self.limit:,} bytes; send one article at a time"
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            if not waits:
                await _drain(receive)
            await _error(413, "too_large", message)(scope, receive, send)
            return
        if declared is not None and declared.isdigit():
            await self.app(scope, receive, send)  # within the limit: the app reads it
            return
        # No length given (chunked): read it here, up to the limit, and hand it on whole.
        # (An error raised while the app reads would reach the client as FastAPI's 400.)
        chunks, seen, more = [], 0, True
        while more:
            received = await receive()
            if received["type"] != "http.request":
                return  # the client went away: nobody to answer
            chunks.append(received.get("body", b""))
            seen += len(chunks[-1])
            more = received.get("more_body", False)
            if seen > self.limit:
                if more:
                    await _drain(receive)
                await _error(413, "too_large", message)(scope, receive, send)
                return
        whole = {"type": "http.request", "body": b"".join(chunks), "more_body": False}

        async def replay() -> dict:
            nonlocal whole
            if whole is None:
                return await receive()
            given, whole = whole, None
            return given

        await self.app(scope, replay, send)


def create_app(settings: Settings | None = None, pipeline: Pipeline | None = None) -> FastAPI:
    """The FastAPI application; `pipeline` may be given (tests), else built from `settings`."""
    settings = settings or (pipeline.settings if pipeline else load_settings())
    pipe = pipeline or Pipeline(settings)
    server = settings.server
    keys = [k for k in [*server.api_keys, *os.environ.get(ENV_API_KEYS, "").split(",")] if k.strip()]
    limiter = anyio.CapacityLimiter(max(1, server.workers))
    batcher = TranslateBatcher(pipe.translate_texts, server.batch_window_ms / 1000, limiter)
    status: dict[str, Any] = {"ready": server.load_models == "lazy", "models": {}}

    def preload() -> None:
        """Load what the configured stages need (detectors, Kiwi, translation models)."""
        pipe.preload()
        pipe.process("The council met on Tuesday and voted on the budget.")
        pipe.process("시의회는 화요일에 모여 예산안을 의결했다.")
        for source, target in (("en", "ko"), ("ko", "en")):
            try:
                pipe.translate_texts(["ok"], source, target)
                status["models"][f"{source}-{target}"] = "loaded"
            except ModelNotFoundError as exc:
                status["models"][f"{source}-{target}"] = f"missing: {exc}"

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI):  # noqa: ANN202
        task = asyncio.create_task(batcher.serve())
        if server.load_models == "startup":
            await anyio.to_thread.run_sync(preload, limiter=limiter)
            status["ready"] = True
        yield
        task.cancel()

    app = FastAPI(title="newsbridge", version="1", lifespan=lifespan,
                  description="News articles in: language, clean body, quotes with speakers, key "
                              "points and English<->Korean translation out.")
    app.state.batcher = batcher
    app.state.status = status
    if server.cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=list(server.cors_origins),
                           allow_methods=["GET", "POST"], allow_headers=["Content-Type", "X-API-Key"])
    app.add_middleware(BodyLimit, limit=server.max_body_bytes)

    # --- errors: always {"error": {"code", "message"}} -------------------------------------
    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> JSONResponse:
        return _error(exc.status, exc.code, exc.message)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        first = errors[0] if errors else {}
        if first.get("type") == "json_invalid":
            return _error(400, "invalid_json", "the request body is not valid JSON (UTF-8)")
        where = ".".join(str(p) for p in first.get("loc", ()) if p != "body") or "body"
        return _error(422, "invalid_request", f"{where}: {first.get('msg', 'invalid value')}")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 400:  # FastAPI could not decode the body (e.g. invalid UTF-8)
            return _error(400, "invalid_json", "the request body is not valid JSON (UTF-8)")
        return _error(exc.status_code, _STATUS_CODES.get(exc.status_code, "error"), str(exc.detail))

    @app.exception_handler(InputError)
    async def bad_input(request: Request, exc: InputError) -> JSONResponse:
        return _error(400, "bad_input", str(exc))

    @app.exception_handler(InputTooLarge)
    async def input_too_large(request: Request, exc: InputTooLarge) -> JSONResponse:
        return _error(413, "too_large", str(exc))

    @app.exception_handler(ConfigError)
    async def bad_config(request: Request, exc: ConfigError) -> JSONResponse:
        return _error(400, "bad_input", str(exc))

    @app.exception_handler(ModelNotFoundError)
    async def model_missing(request: Request, exc: ModelNotFoundError) -> JSONResponse:
        return _error(503, "model_missing", str(exc))

    @app.exception_handler(RecursionError)
    async def too_deep(request: Request, exc: RecursionError) -> JSONResponse:
        return _error(400, "invalid_json", "the request body is nested too deeply")

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> JSONResponse:
        log.exception("internal error on %s", request.url.path)
        return _error(500, "internal_error", "internal error; the server log has the details")

    # --- guards -----------------------------------------------------------------------------
    async def api_key(request: Request) -> None:
        if not keys:
            return
        given = request.headers.get("x-api-key", "")
        if not any(hmac.compare_digest(given.encode(), k.strip().encode()) for k in keys):
            raise ApiError(401, "unauthorized", "a valid X-API-Key header is required")

    async def json_body(request: Request) -> None:
        kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if kind != "application/json":
            raise ApiError(415, "unsupported_media_type", "send the request body as application/json")

    guards = [Depends(api_key), Depends(json_body)]

    async def work(fn: Any, *args: Any) -> Any:
        """Run model work in a worker thread, bounded by the request timeout."""
        try:
            with anyio.fail_after(server.timeout_seconds):
                return await anyio.to_thread.run_sync(fn, *args, limiter=limiter, abandon_on_cancel=True)
        except TimeoutError:
            raise ApiError(504, "timeout", f"the request took over {server.timeout_seconds} s") from None

    def article_text(body: schemas.ArticleRequest) -> tuple[str, bool]:
        if (body.text is None) == (body.html is None):
            raise ApiError(422, "invalid_request", "give exactly one of 'text' and 'html'")
        if body.html is not None:
            # The markup has its own cap; the article extracted from it is held to
            # [limits] max_chars by the pipeline (413 too).
            limit, text, what = settings.limits.max_html_chars, body.html, "the HTML page"
        else:
            limit, text, what = server.max_item_chars, body.text, "the article"
        if len(text) > limit:
            raise ApiError(413, "too_large", f"{what} has {len(text):,} characters; the limit is {limit:,}")
        return text, body.html is not None

    # --- endpoints --------------------------------------------------------------------------
    @app.post("/v1/process", response_model=schemas.Result, dependencies=guards,
              responses={400: {"model": schemas.ErrorResponse}})
    async def process(body: schemas.ProcessRequest) -> dict:
        """Everything: language, clean article, quotes, key points, translation into `target`."""
        text, html = article_text(body)
        result = await work(lambda: pipe.process(text, html=html, target=body.target, points=body.points))
        return result.to_dict()

    @app.post("/v1/quotes", response_model=schemas.QuotesResponse, dependencies=guards)
    async def quotes(body: schemas.ArticleRequest) -> dict:
        """The direct quotes of an article, with their speakers."""
        text, html = article_text(body)
        data = (await work(lambda: pipe.process(text, html=html))).to_dict()
        return {"language": data["language"], "quotes": data["quotes"], "warnings": data["warnings"]}

    @app.post("/v1/summarize", response_model=schemas.SummarizeResponse, dependencies=guards)
    async def summarize(body: schemas.SummarizeRequest) -> dict:
        """The key points of an article."""
        text, html = article_text(body)
        data = (await work(lambda: pipe.process(text, html=html, points=body.points))).to_dict()
        return {"language": data["language"], "key_points": data["key_points"], "warnings": data["warnings"]}

    @app.post("/v1/detect", response_model=schemas.Language, dependencies=guards)
    async def detect(body: schemas.DetectRequest) -> dict:
        """The language of a text: en, ko or other, per paragraph too."""
        if len(body.text) > server.max_item_chars:
            raise ApiError(413, "too_large", f"text over {server.max_item_chars:,} characters")
        if not body.text.strip():
            raise InputError("text is empty")
        language = await work(lambda: pipe.detect_paragraphs(split_paragraphs(body.text)))
        return language.to_dict()

    @app.post("/v1/translate", response_model=schemas.TranslateResponse, dependencies=guards)
    async def translate(body: schemas.TranslateRequest) -> dict:
        """Translate one text or a list (micro-batched with concurrent requests)."""
        texts = [body.text] if isinstance(body.text, str) else list(body.text)
        if not texts or len(texts) > server.max_items:
            raise ApiError(413 if texts else 422, "too_large" if texts else "invalid_request",
                           f"send 1 to {server.max_items} texts per request")
        if any(len(t) > server.max_item_chars for t in texts):
            raise ApiError(413, "too_large", f"a text is over {server.max_item_chars:,} characters")
        source = body.source
        if source == "auto":
            source = (await work(lambda: pipe.detect_paragraphs(texts))).code
            if source not in ("en", "ko"):
                raise InputError("the text is neither English nor Korean; newsbridge translates en <-> ko")
        if source == body.target:
            return {"source": source, "target": body.target, "model": "none", "translations": texts}
        try:
            with anyio.fail_after(server.timeout_seconds):
                out = await batcher.translate(texts, source, body.target)
        except TimeoutError:
            raise ApiError(504, "timeout", f"the request took over {server.timeout_seconds} s") from None
        model = pipe.translation_model(source, body.target)
        return {"source": source, "target": body.target, "model": model, "translations": out}

    @app.get("/v1/models", dependencies=[Depends(api_key)])
    async def models() -> dict:
        """What is configured, where the models run (device, precision), and which are loaded."""
        p = settings.pipeline
        return {"pipeline": {"detect": p.detect, "segment": p.segment, "quotes": p.quotes,
                             "key_points": p.key_points, "translate": p.translate},
                "translate": {"en-ko": settings.translate.model_en_ko, "ko-en": settings.translate.model_ko_en},
                "devices": pipe.devices(), "loaded": status["models"], "ready": status["ready"]}

    @app.get("/health")
    async def health() -> dict:
        """Liveness: the process answers."""
        return {"status": "ok"}

    @app.get("/ready")
    async def ready() -> JSONResponse:
        """Readiness: the configured models are loaded (503 while they load)."""
        body = {"ready": status["ready"], "models": status["models"]}
        return JSONResponse(status_code=200 if status["ready"] else 503, content=body)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def page() -> HTMLResponse:
        return HTMLResponse(resources.files(__package__).joinpath("page/index.html").read_text("utf-8"))

    return app


def serve(host: str, port: int, config: str | None = None) -> None:
    """Run the service with uvicorn (blocking)."""
    import uvicorn

    settings = load_settings(config)
    uvicorn.run(create_app(settings), host=host, port=port, log_level="info")


__all__ = ["create_app", "serve"]
