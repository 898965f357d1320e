"""The Ray engine: a pool of Ray actors, each with its own Pipeline, built once and kept.

Each worker (an actor) loads its models on first use and keeps them for the whole run, on
its CPU or on the GPU share Ray gives it (`gpus_per_worker`; [models] device = "auto" then
finds it). The driver sends each worker at most two tasks at a time, to the least busy one.
A worker that dies is restarted by Ray and the task it had is run again there; only the
outcome that comes back reaches the driver, which commits it once.

`address`: None starts a Ray instance on this machine for the run (bound to 127.0.0.1, no
dashboard) and stops it at the end; "auto" joins the cluster this machine belongs to
(`ray start --head`, then `ray start --address HEAD:6379` on the workers); "ray://HOST:10001"
connects through Ray Client. Ray is an optional extra: pip install 'newsbridge[scale]'.
"""

from __future__ import annotations

import logging
import os
import threading
from concurrent.futures import Future
from typing import Any

from ..config import Settings
from ..errors import InputError
from . import Outcome, Task, attempt

log = logging.getLogger(__name__)
TASK_RETRIES = 2      # a task whose worker dies is run again this many times
TASKS_PER_WORKER = 2  # one running, one waiting, so a worker never idles on the driver
START_TIMEOUT = 300   # seconds for the workers to come up (a cold cluster, a model to place)


class _Worker:
    """A Ray actor: a Pipeline and an HTTP client, built once."""

    def __init__(self, settings: Settings) -> None:
        from ..feeds.fetch import Fetcher
        from ..pipeline import Pipeline

        self.pipe = Pipeline(settings)
        self.fetcher = Fetcher()

    def ready(self) -> dict[str, Any]:
        return {"pid": os.getpid(), "devices": self.pipe.devices()}

    def run(self, fn: Task, *args: Any) -> Outcome:
        return attempt(fn, self.pipe, self.fetcher, *args)


class RayEngine:
    """`workers` Ray actors; see the module docstring for `address`."""

    def __init__(self, settings: Settings, workers: int = 2, address: str | None = None,
                 gpus_per_worker: float = 0.0, start_timeout: float = START_TIMEOUT) -> None:
        try:
            import ray
        except ImportError:
            raise InputError("--engine ray needs Ray, an optional extra: pip install 'newsbridge[scale]'") from None
        self._ray = ray
        self._owns_ray = not ray.is_initialized()
        if self._owns_ray:
            if address:
                ray.init(address=address, logging_level=logging.WARNING, log_to_driver=False)
            else:
                # A private instance for this run: this machine only, logical CPUs enough for
                # every worker (each asks for one), no dashboard.
                ray.init(num_cpus=max(os.cpu_count() or 1, workers), include_dashboard=False,
                         _node_ip_address="127.0.0.1", logging_level=logging.WARNING, log_to_driver=False)
        actor = ray.remote(num_cpus=1, num_gpus=gpus_per_worker, max_restarts=-1,
                           max_task_retries=TASK_RETRIES)(_Worker)
        self.actors = [actor.remote(settings) for _ in range(max(1, workers))]
        self.slots = len(self.actors) * TASKS_PER_WORKER
        self._busy = [0] * len(self.actors)
        self._lock = threading.Lock()
        try:
            self.workers = ray.get([a.ready.remote() for a in self.actors], timeout=start_timeout)
        except ray.exceptions.GetTimeoutError:
            self.close()
            raise InputError(f"Ray did not start {len(self.actors)} workers in {start_timeout:g} s: the cluster "
                             f"lacks the resources (each asks for 1 CPU and {gpus_per_worker:g} GPU)") from None
        log.info("ray engine: %d workers ready: %s", len(self.workers), self.workers)

    def submit(self, fn: Task, *args: Any) -> Future:
        with self._lock:
            index = min(range(len(self.actors)), key=self._busy.__getitem__)
            self._busy[index] += 1
        future = self.actors[index].run.remote(fn, *args).future()
        future.add_done_callback(lambda _, i=index: self._done(i))
        return future

    def _done(self, index: int) -> None:
        with self._lock:
            self._busy[index] -= 1

    def close(self) -> None:
        for actor in self.actors:
            self._ray.kill(actor)
        if self._owns_ray:
            self._ray.shutdown()
