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
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from .detect import split_paragraphs
from .document import Result
from .errors import NewsbridgeError
from .inputs import read_input
from .pipeline import Pipeline, default_pipeline
from .render import to_markdown

EXIT_OK, EXIT_INTERNAL, EXIT_INPUT = 0, 1, 2

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
    text = read_input(source, pipe.settings.limits.max_chars)
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
    result = pipe.process(read_input(source, pipe.settings.limits.max_chars), html=html)
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
    result = pipe.process(read_input(source, pipe.settings.limits.max_chars), html=html, points=points)
    _warn(result)
    _emit_json([k.to_dict() for k in result.key_points])


@app.command()
@_guard
def clean(source: SourceArg, html: HtmlOpt = None, config: ConfigOpt = None) -> None:
    """Clean a pasted page or HTML: title, byline, captions and body paragraphs as JSON."""
    pipe = _pipeline(config)
    article = pipe.clean(read_input(source, pipe.settings.limits.max_chars), html)
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
    app()
