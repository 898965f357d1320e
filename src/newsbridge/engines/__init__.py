"""Engines: where `newsbridge run` and `newsbridge batch` send articles to be processed.

The driver (the process running the command) keeps the state database and the outbox: it
claims an article, hands a task to an engine, and commits the outcome once (driver.py). An
engine only turns a task into an outcome, the task's value or a Failure:

- local (local.py): threads of this process, sharing its Pipeline.
- ray (ray.py): a pool of Ray actors, each building its Pipeline once and keeping its models
  loaded; a task whose worker dies is retried on the restarted worker, and its outcome still
  reaches the driver once.

A task is a module-level function `fn(pipe, fetcher, *args)` and its arguments, so that it can
travel to another process. Tasks do the per-article work down to the text to be written (the
JSON line, the Markdown page): the driver is one process for many workers, and should only
claim and commit.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any, Protocol

from ..config import Settings
from ..errors import InputError, NewsbridgeError

log = logging.getLogger(__name__)
ENGINES = ("local", "ray")


@dataclass(frozen=True)
class Failure:
    """A task that failed, with the one-line message to record."""

    message: str


Outcome = Any  # what the task returned, or a Failure
Task = Callable[..., Any]


def one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def attempt(fn: Task, pipe: Any, fetcher: Any, *args: Any) -> Outcome:
    """Run a task where the engine runs it; a bad article becomes a Failure, never an
    exception that would cross a process boundary with a traceback in its message."""
    try:
        return fn(pipe, fetcher, *args)
    except (NewsbridgeError, ValueError, OSError) as exc:
        return Failure(one_line(exc))
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop the run
        log.debug("unexpected error in a task", exc_info=True)
        return Failure(f"internal error: {type(exc).__name__}: {one_line(exc)}")


class Engine(Protocol):
    """Runs tasks; `slots` of them may be in flight at once."""

    slots: int

    def submit(self, fn: Task, *args: Any) -> Future:
        """A future of the task's Outcome."""

    def close(self) -> None: ...


def open_engine(name: str, settings: Settings, pipe: Any, fetcher: Any, workers: int = 1,
                address: str | None = None, gpus_per_worker: float = 0.0) -> Engine:
    """The engine called `name` ('local' or 'ray'); InputError for anything else."""
    if name == "local":
        from .local import LocalEngine

        return LocalEngine(pipe, fetcher, workers)
    if name == "ray":
        from .ray import RayEngine

        return RayEngine(settings, workers, address=address, gpus_per_worker=gpus_per_worker)
    raise InputError(f"unknown engine {name!r}; choose one of: {', '.join(ENGINES)}")
