"""Micro-batching: /v1/translate requests that arrive together share one model call.

A model translates a batch of 8 sentences in far less than 8 times the time of one, so an
inference server collects what arrives within a short window (a few milliseconds) and runs it
as one batch, in a worker thread, while the event loop keeps answering.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass

import anyio

log = logging.getLogger(__name__)


@dataclass
class _Job:
    texts: list[str]
    source: str
    target: str
    future: asyncio.Future


class TranslateBatcher:
    """Collects translate jobs for `window` seconds and runs each direction as one call."""

    def __init__(self, run: Callable[[list[str], str, str], list[str]], window: float,
                 limiter: anyio.CapacityLimiter, max_batch: int = 256) -> None:
        self.run = run
        self.window = window
        self.limiter = limiter
        self.max_batch = max_batch
        self.queue: asyncio.Queue[_Job] = asyncio.Queue()
        self.calls = 0  # model calls made: fewer than requests when batching works

    async def translate(self, texts: list[str], source: str, target: str) -> list[str]:
        """Queue `texts` and wait for their translations."""
        future = asyncio.get_running_loop().create_future()
        await self.queue.put(_Job(texts, source, target, future))
        return await future

    async def serve(self) -> None:
        """The collecting loop; runs as a background task for the app's lifetime."""
        loop = asyncio.get_running_loop()
        while True:
            jobs = [await self.queue.get()]
            deadline = loop.time() + self.window
            while sum(len(j.texts) for j in jobs) < self.max_batch:
                remaining = deadline - loop.time()
                if remaining <= 0:
                    break
                try:
                    jobs.append(await asyncio.wait_for(self.queue.get(), remaining))
                except asyncio.TimeoutError:
                    break
            directions: dict[tuple[str, str], list[_Job]] = {}
            for job in jobs:
                directions.setdefault((job.source, job.target), []).append(job)
            for (source, target), group in directions.items():
                await self._run(group, source, target)

    async def _run(self, jobs: list[_Job], source: str, target: str) -> None:
        live = [j for j in jobs if not j.future.done()]  # a timed-out request has given up
        if not live:
            return
        texts = [t for job in live for t in job.texts]
        self.calls += 1
        try:
            out = await anyio.to_thread.run_sync(self.run, texts, source, target, limiter=self.limiter)
        except Exception as exc:  # noqa: BLE001 - handed to each waiting request
            for job in live:
                if not job.future.done():
                    job.future.set_exception(exc)
            return
        pos = 0
        for job in live:
            part = out[pos:pos + len(job.texts)]
            pos += len(job.texts)
            if not job.future.done():
                job.future.set_result(part)
