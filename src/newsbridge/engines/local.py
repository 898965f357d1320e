"""The local engine: tasks run in threads of this process, all sharing one Pipeline (its
models load once) and one HTTP client."""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from . import Task, attempt


class LocalEngine:
    """`workers` threads in this process."""

    def __init__(self, pipe: Any, fetcher: Any, workers: int = 1) -> None:
        self.pipe = pipe
        self.fetcher = fetcher
        self.slots = max(1, workers)
        self._pool = ThreadPoolExecutor(max_workers=self.slots, thread_name_prefix="newsbridge-worker")

    def submit(self, fn: Task, *args: Any) -> Future:
        return self._pool.submit(attempt, fn, self.pipe, self.fetcher, *args)

    def close(self) -> None:
        # Do not wait: after a second stop signal the entry in hand is abandoned (its claim is
        # released by the driver); on a normal end nothing is in flight anyway.
        self._pool.shutdown(wait=False, cancel_futures=True)
