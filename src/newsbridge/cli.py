"""The `newsbridge` command: thin typer commands over the public API.

Results go to stdout as JSON (UTF-8); logs and errors go to stderr. Exit codes: 0 ok,
1 internal error, 2 bad usage or input (one clear line, never a traceback).
"""

from __future__ import annotations

import enum
import functools
import json
import logging
import os
import signal
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from .detect import split_paragraphs
from .document import Result
from .errors import InputError, ModelNotFoundError, NewsbridgeError
from .models import catalog, convert_to_ct2, ct2_name, default_model_dir, hub_id_of, load_seq2seq, locate
from .inputs import read_input
from .pipeline import Pipeline, default_pipeline, translation_failure
from .render import to_markdown

EXIT_OK, EXIT_INTERNAL, EXIT_INPUT, EXIT_PARTIAL = 0, 1, 2, 3

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Clean, analyse and translate news articles (English and Korean).",
)


class Target(str, enum.Enum):
    ko = "ko"
    en = "en"


class Format(str, enum.Enum):
    json = "json"
    markdown = "markdown"


class EngineChoice(str, enum.Enum):
    local = "local"
    ray = "ray"


EngineOpt = Annotated[EngineChoice, typer.Option(
    "--engine", help="local: threads of this process; ray: workers on Ray (pip install 'newsbridge\\[scale]')")]
AddressOpt = Annotated[Optional[str], typer.Option(
    "--address", help="Ray cluster: auto or ray://HOST:PORT \\[default: a Ray instance on this machine]")]
WorkersOpt = Annotated[Optional[int], typer.Option(
    "--workers", min=1, max=1024, help="articles in parallel: threads (local) or Ray workers \\[default: 1 / 2]")]
GpusOpt = Annotated[float, typer.Option(
    "--gpus-per-worker", min=0.0, help="GPUs each Ray worker holds (0.5: two workers a GPU)")]
ToEveryOpt = Annotated[Optional[Target], typer.Option("--to", help="translate every article into this language")]
PointsOpt = Annotated[int, typer.Option("--points", min=1, max=20, help="key points per article")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="only the summary and errors")]
SourceArg = Annotated[str, typer.Argument(metavar="FILE|-", help="article file, or - for stdin")]
ConfigOpt = Annotated[
    Optional[Path],
    typer.Option("--config", "-c", help="TOML file laid over the defaults (or $NEWSBRIDGE_CONFIG)"),
]
HtmlOpt = Annotated[
    Optional[bool],
    typer.Option("--html/--text", help="input is HTML / pasted text [default: decide from the input]"),
]


def _fail(message: str, code: int) -> None:
    print(f"newsbridge: {message}", file=sys.stderr)
    raise typer.Exit(code)


def _guard(fn: Callable[..., None]) -> Callable[..., None]:
    """Turn every error into one line on stderr and the right exit code."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        try:
            fn(*args, **kwargs)
        except typer.Exit:
            raise
        except NewsbridgeError as exc:
            _fail(f"error: {exc}", EXIT_INPUT)
        except KeyboardInterrupt:
            _fail("interrupted", 130)
        except BrokenPipeError:
            # The reader (e.g. `| head`) went away: nothing left to say to it.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(EXIT_OK) from None
        except Exception as exc:  # noqa: BLE001 - the last line of defence for users
            logging.getLogger("newsbridge").debug("internal error", exc_info=True)
            _fail(
                f"internal error: {type(exc).__name__}: {exc} (run with --verbose for details)",
                EXIT_INTERNAL,
            )

    return wrapper


def _warn(result: Result) -> None:
    """Warnings that matter to this command's output go to stderr, one line each."""
    for warning in result.warnings:
        if warning.code != "stage_unavailable":
            print(f"newsbridge: warning: {warning.message}", file=sys.stderr)


def _emit(text: str) -> None:
    # Write UTF-8 bytes: a C/POSIX locale must not turn Korean output into an encoding error.
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.buffer.flush()


def _emit_json(data: Any) -> None:
    _emit(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _pipeline(config: Optional[Path]) -> Pipeline:
    return default_pipeline(str(config) if config else None)


@app.callback()
def main(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="log details to stderr")] = False,
) -> None:
    """Clean, analyse and translate news articles (English and Korean)."""
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING,
        format="newsbridge: %(levelname)s: %(message)s",
        stream=sys.stderr,
    )


@app.command()
@_guard
def process(
    source: SourceArg,
    html: HtmlOpt = None,
    to: Annotated[Optional[Target], typer.Option("--to", help="translate into this language")] = None,
    points: Annotated[int, typer.Option("--points", min=1, max=20, help="number of key points")] = 5,
    fmt: Annotated[Format, typer.Option("--format", help="output format")] = Format.json,
    config: ConfigOpt = None,
) -> None:
    """Process one article: language, clean body, sentences, quotes, key points, translation."""
    pipe = _pipeline(config)
    text = read_input(source, pipe.settings.limits.max_input_chars)
    result = pipe.process(text, html=html, target=to.value if to else None, points=points)
    for warning in result.warnings:
        logging.getLogger("newsbridge").info("%s", warning.message)
    if fmt is Format.markdown:
        _emit(to_markdown(result))
    else:
        _emit_json(result.to_dict())


@app.command()
@_guard
def quotes(source: SourceArg, html: HtmlOpt = None, config: ConfigOpt = None) -> None:
    """Print the direct quotes of an article with their speakers, as a JSON array."""
    pipe = _pipeline(config)
    result = pipe.process(read_input(source, pipe.settings.limits.max_input_chars), html=html)
    _warn(result)
    _emit_json([q.to_dict() for q in result.quotes])


@app.command()
@_guard
def summarize(
    source: SourceArg,
    points: Annotated[int, typer.Option("--points", min=1, max=20, help="number of key points")] = 5,
    html: HtmlOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Print the key points of an article as a JSON array (each with its source sentences)."""
    pipe = _pipeline(config)
    result = pipe.process(read_input(source, pipe.settings.limits.max_input_chars), html=html, points=points)
    _warn(result)
    _emit_json([k.to_dict() for k in result.key_points])


@app.command()
@_guard
def translate(
    source: SourceArg,
    to: Annotated[Target, typer.Option("--to", help="target language")],
    html: HtmlOpt = None,
    fmt: Annotated[Format, typer.Option("--format", help="output format")] = Format.json,
    config: ConfigOpt = None,
) -> None:
    """Translate an article (title, body, key points, quotes) with QA flags."""
    pipe = _pipeline(config)
    result = pipe.process(read_input(source, pipe.settings.limits.max_input_chars), html=html, target=to.value)
    if result.translation is None:
        reason = translation_failure(result)
        _fail(f"error: {reason.message if reason else 'nothing to translate'}", EXIT_INPUT)
    if fmt is Format.markdown:
        _emit(to_markdown(result))
    else:
        _emit_json(result.translation.to_dict())


@app.command()
@_guard
def serve(
    host: Annotated[Optional[str], typer.Option("--host", help="address to bind [default: [server] host, 127.0.0.1]")] = None,
    port: Annotated[Optional[int], typer.Option("--port", help="port [default: [server] port, 8765]")] = None,
    config: ConfigOpt = None,
) -> None:
    """Run the local HTTP service (JSON API under /v1, docs at /docs, a page for editors at /)."""
    from .server import serve as run_server

    settings = _pipeline(config).settings
    run_server(host or settings.server.host, port or settings.server.port, str(config) if config else None)


def _feeds_file(path: Path) -> list:
    """Sources from a feeds.toml: [[feed]] tables with url (or path) and an optional 'to'."""
    import tomllib

    from .feeds import Source

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"cannot read feeds file {path}: {exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"feeds file {path} is not valid TOML: {exc}") from None
    sources = []
    for n, feed in enumerate(data.get("feed", []), start=1):
        location = feed.get("url") or feed.get("path") if isinstance(feed, dict) else None
        target = feed.get("to") if isinstance(feed, dict) else None
        if not isinstance(location, str) or target not in (None, "en", "ko"):
            raise InputError(f"feeds file {path}: feed {n} needs url (or path) and an optional to = 'en'|'ko'")
        sources.append(Source(location, target))
    return sources


@app.command("run")
def run_feeds(
    feeds: Annotated[Optional[list[str]], typer.Argument(metavar="FEED...", help="feed URLs, files, or - for stdin")] = None,
    out: Annotated[Path, typer.Option("--out", help="folder for the JSON Lines and Markdown output")] = Path("newsbridge-out"),
    feeds_file: Annotated[Optional[Path], typer.Option("--feeds-file", help="a feeds.toml listing feeds")] = None,
    to: ToEveryOpt = None,
    state: Annotated[Optional[Path], typer.Option("--state", help="state database \\[default: OUT/state.sqlite]")] = None,
    since: Annotated[Optional[str], typer.Option("--since", help="skip entries published before this date (YYYY-MM-DD)")] = None,
    limit: Annotated[Optional[int], typer.Option("--limit", min=1, help="process at most N entries this run")] = None,
    engine: EngineOpt = EngineChoice.local,
    address: AddressOpt = None,
    workers: WorkersOpt = None,
    gpus_per_worker: GpusOpt = 0.0,
    points: PointsOpt = 5,
    quiet: QuietOpt = False,
    config: ConfigOpt = None,
) -> None:
    """Process every new or changed entry of some feeds, once; resumable after a crash.

    Exit codes: 0 all entries done, 3 some failed, 2 bad usage, 1 internal error, 130/143 stopped by a signal.
    """
    from datetime import datetime, timezone

    from .feeds import Runner, Source

    try:
        sources = [Source(f, to.value if to else None) for f in feeds or []]
        if feeds_file:
            sources += [Source(s.location, s.target or (to.value if to else None)) for s in _feeds_file(feeds_file)]
        if not sources:
            raise InputError("no feeds: give FEED arguments or --feeds-file")
        if sum(s.location == "-" for s in sources) > 1:
            raise InputError("stdin ('-') can be read once")
        since_date = None
        if since:
            try:
                since_date = datetime.fromisoformat(since).replace(tzinfo=timezone.utc)
            except ValueError:
                raise InputError(f"--since {since!r} is not a date (YYYY-MM-DD)") from None
        pipe = _pipeline(config)
    except NewsbridgeError as exc:
        _fail(f"error: {exc}", EXIT_INPUT)
    _log_level(quiet)
    with StopSignals() as stop:
        db, fetcher, eng = _open_engine(stop, state or out / "state.sqlite", pipe, engine, address, workers,
                                        gpus_per_worker)
        runner = Runner(pipe, out, db, fetcher, points=points, since=since_date, limit=limit,
                        progress=sys.stderr.isatty() and not quiet, stop=stop.event, engine=eng)
        counts = _drive(stop, lambda: runner.run(sources), [eng.close, fetcher.close, db.close])
    _summary("newsbridge run", [("new", counts.new), ("updated", counts.updated)], counts, stop)


@app.command("batch")
def batch(
    source: Annotated[Path, typer.Argument(metavar="IN.jsonl", help="one article a line: id and text, html or url")],
    out: Annotated[Path, typer.Option("--out", help="OUT.jsonl: one record a line (id, status, error, result)")],
    to: ToEveryOpt = None,
    state: Annotated[Optional[Path], typer.Option("--state", help="state database \\[default: OUT.state.sqlite]")] = None,
    limit: Annotated[Optional[int], typer.Option("--limit", min=1, help="process at most N articles this run")] = None,
    engine: EngineOpt = EngineChoice.local,
    address: AddressOpt = None,
    workers: WorkersOpt = None,
    gpus_per_worker: GpusOpt = 0.0,
    points: PointsOpt = 5,
    quiet: QuietOpt = False,
    config: ConfigOpt = None,
) -> None:
    """Process a backlog of articles, each id written once to OUT; a re-run resumes.

    Exit codes: 0 all done, 3 some failed, 2 bad usage, 130/143 stopped by a signal.
    """
    from .batch import Batch

    try:
        if not source.is_file():
            raise InputError(f"cannot read {source}: no such file")
        if out.resolve() == source.resolve():
            raise InputError("--out must not be the input file")
        pipe = _pipeline(config)
    except NewsbridgeError as exc:
        _fail(f"error: {exc}", EXIT_INPUT)
    _log_level(quiet)
    max_line = pipe.settings.limits.max_chars * 6 + 65536  # \uXXXX escapes: 6 bytes a character
    with StopSignals() as stop:
        db, fetcher, eng = _open_engine(stop, state or Path(f"{out}.state.sqlite"), pipe, engine, address,
                                        workers, gpus_per_worker)
        job = Batch(source, out, db, eng, target=to.value if to else None, points=points, limit=limit,
                    progress=sys.stderr.isatty() and not quiet, stop=stop.event)
        counts = _drive(stop, lambda: job.run(max_line), [eng.close, fetcher.close, db.close])
    _summary("newsbridge batch", [("done", counts.new)], counts, stop)


def _open_engine(stop: "StopSignals", state_path: Path, pipe: Pipeline, engine: "EngineChoice",
                 address: Optional[str], workers: Optional[int], gpus_per_worker: float) -> tuple:
    """(state, fetcher, engine) for run and batch; one line and exit 2 when one cannot be had."""
    from .engines import open_engine
    from .feeds import Fetcher, State

    db = fetcher = None
    try:
        if engine is EngineChoice.local and (address or gpus_per_worker):
            raise InputError("--address and --gpus-per-worker go with --engine ray")
        db = State(state_path)
        fetcher = Fetcher()
        default_workers = 1 if engine is EngineChoice.local else 2
        eng = open_engine(engine.value, pipe.settings, pipe, fetcher, workers or default_workers, address,
                          gpus_per_worker)
        stop.reinstall()
    except NewsbridgeError as exc:
        for part in (fetcher, db):
            if part is not None:
                part.close()
        _fail(f"error: {exc}", EXIT_INPUT)
    return db, fetcher, eng


class StopSignals:
    """SIGTERM (systemd stop) and SIGINT (Ctrl-C) during a run: the first sets `event`, so the
    run takes no new entry, finishes the ones in hand, commits and prints its summary; a
    second one stops at once (claims released, nothing committed is lost)."""

    def __init__(self) -> None:
        self.event = threading.Event()
        self.signum: int | None = None
        self._previous: dict = {}

    def __enter__(self) -> "StopSignals":
        for signum in (signal.SIGTERM, signal.SIGINT):
            self._previous[signum] = signal.signal(signum, self._handle)
        return self

    def reinstall(self) -> None:
        """Take the signals back from a library that set its own (Ray's driver does)."""
        for signum in self._previous:
            signal.signal(signum, self._handle)

    def __exit__(self, *exc: object) -> None:
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)

    def _handle(self, signum: int, frame: object) -> None:
        if self.event.is_set():
            raise KeyboardInterrupt
        self.signum = signum
        self.event.set()
        # os.write, not print: a handler must not re-enter a buffered stream it interrupted.
        os.write(2, b"newsbridge: stopping after the entries in hand (signal again to stop at once)\n")

    @property
    def exit_code(self) -> int:
        return 128 + (self.signum or 2)  # 143 for SIGTERM, 130 for SIGINT


def _log_level(quiet: bool) -> None:
    if quiet:
        logging.getLogger("newsbridge").setLevel(logging.WARNING)
    elif not sys.stderr.isatty():
        logging.getLogger("newsbridge").setLevel(logging.INFO)


def _drive(stop: StopSignals, work: Callable[[], Any], cleanups: list[Callable[[], None]]) -> Any:
    """Run `work`, then `cleanups` (closing the state releases its claims), turning errors
    into one line and the exit code."""
    try:
        try:
            return work()
        finally:
            for cleanup in cleanups:
                cleanup()
    except KeyboardInterrupt:
        print("newsbridge: stopped at once; run again to resume (nothing committed is lost)", file=sys.stderr)
        sys.stderr.flush()
        # Leave without waiting for the worker threads still busy with an entry (released above).
        os._exit(stop.exit_code)
    except NewsbridgeError as exc:
        _fail(f"error: {exc}", EXIT_INPUT)
    except Exception as exc:  # noqa: BLE001 - the last line of defence
        logging.getLogger("newsbridge").debug("internal error", exc_info=True)
        _fail(f"internal error: {type(exc).__name__}: {exc}", EXIT_INTERNAL)


def _summary(command: str, done: list[tuple[str, int]], counts: Any, stop: StopSignals) -> None:
    """The last lines of a run or batch on stderr, and its exit code."""
    parts = [*done, ("skipped", counts.skipped), ("failed", counts.failed)]
    line = f"{command}: " + ", ".join(f"{name} {n}" for name, n in parts)
    if counts.elsewhere:
        line += f", {counts.elsewhere} being processed by another run"
    if stop.event.is_set():
        line += f"; stopped, {counts.left} left for the next run"
    print(line, file=sys.stderr)
    for error in counts.errors:
        print(f"  failed: {error}", file=sys.stderr)
    if stop.event.is_set():
        raise typer.Exit(stop.exit_code)
    raise typer.Exit(EXIT_PARTIAL if counts.failed else EXIT_OK)


models_app = typer.Typer(no_args_is_help=True, help="List, download, convert and verify models.")
app.add_typer(models_app, name="models")


@models_app.command("list")
@_guard
def models_list(config: ConfigOpt = None) -> None:
    """The model catalog, and where each model is installed on this machine."""
    settings = _pipeline(config).settings
    rows = []
    for spec in catalog().values():
        row = {"name": spec.name, "hub_id": spec.hub_id, "task": spec.task, "license": spec.license}
        for key, name in (("installed", spec.name), ("ctranslate2", ct2_name(spec.name))):
            try:
                row[key] = str(locate(name, settings))
            except ModelNotFoundError:
                row[key] = None
        rows.append(row)
    _emit_json(rows)


@models_app.command("download")
@_guard
def models_download(name: Annotated[str, typer.Argument(help="catalog name or hub id")],
                    config: ConfigOpt = None) -> None:
    """Download a model from the Hugging Face hub into the model folder (needs internet)."""
    settings = _pipeline(config).settings
    from huggingface_hub import snapshot_download
    from huggingface_hub.errors import HfHubHTTPError, LocalEntryNotFoundError, OfflineModeIsEnabled

    target = default_model_dir(settings) / name.replace("/", "--")
    try:
        path = snapshot_download(hub_id_of(name), local_dir=target)
    except (OfflineModeIsEnabled, LocalEntryNotFoundError):
        _fail(f"error: cannot download {hub_id_of(name)}: offline (HF_HUB_OFFLINE is set, or no "
              "network); copy the model folder to this machine and point [models] dir at it", EXIT_INPUT)
    except (HfHubHTTPError, OSError) as exc:
        _fail(f"error: cannot download {hub_id_of(name)}: {exc}", EXIT_INPUT)
    print(f"newsbridge: {name} downloaded to {path}", file=sys.stderr)
    _emit_json({"name": name, "path": str(path)})


@models_app.command("convert")
@_guard
def models_convert(name: Annotated[str, typer.Argument(help="catalog name, hub id or local folder")],
                   config: ConfigOpt = None) -> None:
    """Convert an installed model to CTranslate2 int8 (for [pipeline] translate = "ctranslate2")."""
    settings = _pipeline(config).settings
    path = convert_to_ct2(name, settings)
    _emit_json({"name": name, "ctranslate2": str(path)})


@models_app.command("verify")
@_guard
def models_verify(name: Annotated[str, typer.Argument(help="catalog name, hub id or local folder")],
                  config: ConfigOpt = None) -> None:
    """Load a model and run one probe through it, on [models] device; exit 0 only if it works."""
    import time

    settings = _pipeline(config).settings
    started = time.perf_counter()
    tokenizer, model = load_seq2seq(name, settings)
    loaded = time.perf_counter() - started
    batch = tokenizer(["The council met on Tuesday."], return_tensors="pt").to(model.device)
    output = tokenizer.batch_decode(model.generate(**batch, max_new_tokens=16), skip_special_tokens=True)
    _emit_json({"name": name, "path": str(locate(name, settings)), "load_seconds": round(loaded, 2),
                "device": str(model.device), "compute_type": str(model.dtype).removeprefix("torch."),
                "probe_output": output[0], "parameters": sum(p.numel() for p in model.parameters())})


@app.command()
@_guard
def clean(source: SourceArg, html: HtmlOpt = None, config: ConfigOpt = None) -> None:
    """Clean a pasted page or HTML: title, byline, captions and body paragraphs as JSON."""
    pipe = _pipeline(config)
    article = pipe.clean(read_input(source, pipe.settings.limits.max_input_chars), html)
    _emit_json(article.to_dict())


@app.command()
@_guard
def detect(source: SourceArg, config: ConfigOpt = None) -> None:
    """Detect the language (en, ko or other) of a text, per paragraph and as a whole."""
    pipe = _pipeline(config)
    text = read_input(source, pipe.settings.limits.max_chars)
    _emit_json(pipe.detect_paragraphs(split_paragraphs(text)).to_dict())


def run() -> None:
    """Entry point of the console script."""
    code: object = EXIT_OK
    try:
        app()
    except SystemExit as exc:  # how typer ends every command
        code = EXIT_OK if exc.code is None else exc.code
    if not isinstance(code, int):  # sys.exit("message")
        print(code, file=sys.stderr)
        code = EXIT_INTERNAL
    # The answer is written: end here rather than in the interpreter's teardown, which frees
    # the models object by object (langdetect's millions of floats, Kiwi's 500 MB) for 0.3 to
    # 0.6 s when the operating system reclaims the whole process at once.
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: nothing left to say to it
            pass
    logging.shutdown()
    os._exit(code)
