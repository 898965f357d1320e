"""The driver's loop, shared by `newsbridge run` and `newsbridge batch`.

Items are claimed in the state one at a time, as the engine has room (so that overlapping
runs share them rather than each claiming everything up front), sent to the engine, and their
outcomes handed back to the command, which commits them while the claim is held. Setting
`stop` ends the loop early: no new item is claimed, those in flight are finished.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections import deque
from collections.abc import Iterable
from concurrent.futures import FIRST_COMPLETED, Future, wait
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar

from ..state import BUSY, Known, State
from . import Engine, Failure, Outcome, Task, one_line

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass
class Counts:
    """What one run did (each run counts only its own work)."""

    new: int = 0
    updated: int = 0
    skipped: int = 0
    failed: int = 0
    elsewhere: int = 0  # held by another live run
    left: int = 0       # not started because the run was stopped
    errors: list[str] = field(default_factory=list)


class Work(Protocol, Generic[T]):
    """What a command tells the driver about its items."""

    def key(self, item: T) -> str: ...

    def label(self, item: T) -> str: ...

    def plan(self, item: T, known: Known | None) -> str | None:
        """'new', 'updated', or None to skip, from what the state knows of the item."""

    def task(self, item: T, status: str) -> tuple[Task, tuple]:
        """The function and arguments an engine runs for the item (claimed as `status`)."""

    def finish(self, item: T, status: str, outcome: Outcome) -> None:
        """Commit the outcome, the task's value or a Failure (the claim is still held), and count it."""


@dataclass
class Driver(Generic[T]):
    state: State
    engine: Engine
    counts: Counts
    stop: threading.Event = field(default_factory=threading.Event)
    limit: int | None = None
    progress: bool = False

    def drive(self, work: Work[T], items: Iterable[T]) -> None:
        """Process `items` (already planned once without a claim) through the engine."""
        queue: deque[T] = deque(items)
        busy: list[T] = []
        in_flight: dict[Future, tuple[T, str]] = {}
        taken, second_look = 0, False
        bar = self._bar(len(queue))
        try:
            while True:
                while queue and len(in_flight) < self.engine.slots and not self.stop.is_set() \
                        and (self.limit is None or taken < self.limit):
                    item = queue.popleft()
                    status = self.state.claim(work.key(item), lambda known, i=item: work.plan(i, known))
                    if status == BUSY:
                        busy.append(item)
                    elif status is None:  # done by another run since we looked
                        self.counts.skipped += 1
                        self._tick(bar, None)
                    else:
                        taken += 1
                        fn, args = work.task(item, status)
                        in_flight[self.engine.submit(fn, *args)] = (item, status)
                if not in_flight:
                    if busy and not second_look and not self.stop.is_set():
                        # One more look at items other runs held: a run may have died since.
                        queue.extend(busy)
                        busy, second_look = [], True
                        continue
                    break
                finished, _ = wait(in_flight, return_when=FIRST_COMPLETED)
                for future in finished:
                    item, status = in_flight.pop(future)
                    outcome = _outcome(future)
                    if isinstance(outcome, EngineFailure) and self.stop.is_set():
                        # Stopping took the workers down with it (Ctrl-C reaches a whole
                        # process group): not the article's fault; leave it to the next run.
                        self.state.release(work.key(item))
                        self.counts.left += 1
                        continue
                    work.finish(item, status, outcome)
                    self._tick(bar, work.label(item))
        finally:
            if bar is not None:
                bar.close()
        self.counts.elsewhere += len(busy)
        if self.stop.is_set():
            self.counts.left += len(queue)
        else:
            self.counts.skipped += len(queue)  # over --limit

    def _bar(self, total: int) -> Any:
        if not self.progress or not total:
            return None
        from tqdm import tqdm

        return tqdm(total=total, unit="article", file=sys.stderr)

    @staticmethod
    def _tick(bar: Any, label: str | None) -> None:
        if bar is not None:
            bar.update(1)
        elif label:
            log.info("done: %s", label)


class EngineFailure(Failure):
    """The engine, not the article, failed: a worker died for good, the cluster went away."""


def _outcome(future: Future) -> Outcome:
    try:
        return future.result()
    except Exception as exc:  # noqa: BLE001 - the engine itself failed
        return EngineFailure(f"the engine failed on this article: {type(exc).__name__}: {one_line(exc)}")
