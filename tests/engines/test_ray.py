"""The Ray engine on a real local Ray instance (2 CPUs, no dashboard, a small object store):
the same records as the local engine, nothing lost or doubled when a worker is killed,
`newsbridge run --engine ray` joining a running cluster, and SIGTERM during a Ray batch."""

from __future__ import annotations

import dataclasses
import json
import signal
import subprocess
import sys
import threading
import time

import pytest

from newsbridge import load_settings
from newsbridge.batch import Batch
from newsbridge.engines.local import LocalEngine
from newsbridge.feeds import Fetcher
from newsbridge.pipeline import Pipeline
from newsbridge.state import State
from tests.feeds.conftest import HTML, XML, page, rss
from tests.test_batch import article, backlog_of_pages, records

ray = pytest.importorskip("ray", reason="the [scale] extra (Ray) is not installed")
from newsbridge.engines.ray import RayEngine  # noqa: E402


@pytest.fixture(scope="module")
def cluster():
    ray.init(num_cpus=2, include_dashboard=False, object_store_memory=80 * 1024**2, _node_ip_address="127.0.0.1",
             logging_level="WARNING", log_to_driver=False)
    yield ray.get_runtime_context().gcs_address
    ray.shutdown()


def identity_settings():
    base = load_settings()
    return dataclasses.replace(base, pipeline=dataclasses.replace(base.pipeline, translate="identity"),
                               translate=dataclasses.replace(base.translate, cache=""))


def run_batch(tmp_path, name, engine, source):
    out = tmp_path / f"{name}.jsonl"
    state = State(tmp_path / f"{name}.state.sqlite")
    try:
        counts = Batch(source, out, state, engine, target="ko").run(10**7)
    finally:
        engine.close()
        state.close()
    return counts, records(out)


def test_ray_workers_give_the_records_of_the_local_engine(cluster, tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps({"id": n, "text": article(n)}) + "\n" for n in range(6))
                      + json.dumps({"id": "bad", "html": "<p>"}) + "\n")
    settings = identity_settings()
    pipe = Pipeline(settings)
    local_counts, local = run_batch(tmp_path, "local", LocalEngine(pipe, Fetcher()), source)
    engine = RayEngine(settings, workers=2)
    assert len({w["pid"] for w in engine.workers}) == 2  # two processes, each with its Pipeline
    ray_counts, remote = run_batch(tmp_path, "ray", engine, source)
    assert (ray_counts.new, ray_counts.failed) == (local_counts.new, local_counts.failed) == (6, 1)
    assert sorted(remote, key=lambda r: str(r["id"])) == sorted(local, key=lambda r: str(r["id"]))
    assert remote[0]["result"]["translation"]["model"] == "identity"


def test_a_killed_worker_loses_nothing_and_doubles_nothing(cluster, site, tmp_path):
    count = 12
    source = backlog_of_pages(site, tmp_path, count, delay=0.4)
    engine = RayEngine(identity_settings(), workers=2)
    out = tmp_path / "out.jsonl"

    def kill_a_worker_in_the_middle():
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and len(records(out)) < 2:
            time.sleep(0.05)
        ray.kill(engine.actors[0], no_restart=False)  # dies with articles in hand; Ray restarts it

    killer = threading.Thread(target=kill_a_worker_in_the_middle)
    killer.start()
    state = State(tmp_path / "out.state.sqlite")
    batch = Batch(source, out, state, engine)
    try:
        batch.run(10**7)
        killer.join()
        restarted = ray.get(engine.actors[0].ready.remote())["pid"]
    finally:
        engine.close()
        state.close()
    assert restarted != engine.workers[0]["pid"]  # the worker really died and came back
    ids = [r["id"] for r in records(out)]
    assert sorted(ids) == sorted(f"p{n}" for n in range(count))  # every article, once
    assert all(r["status"] == "done" for r in records(out)), [r.get("error") for r in records(out)]
    assert (batch.counts.new, batch.counts.failed) == (count, 0)


def test_newsbridge_run_with_the_ray_engine_joins_a_cluster(cluster, site, tmp_path):
    items = []
    for n in range(4):
        site.routes[f"/a/{n}"] = (200, HTML, page(f"Harbour story {n}", article(n).split("\n\n")), 0)
        items.append({"guid": f"s{n}", "title": f"Harbour story {n}", "link": f"{site.url}/a/{n}"})
    site.routes["/feed.xml"] = (200, XML, rss(items), 0)
    out = tmp_path / "out"
    r = subprocess.run([sys.executable, "-m", "newsbridge", "run", f"{site.url}/feed.xml", "--out", str(out),
                        "--engine", "ray", "--address", cluster, "--workers", "2", "-q"],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert "new 4, updated 0, skipped 0, failed 0" in r.stderr
    keys = [json.loads(line)["key"] for f in out.glob("run-*.jsonl") for line in f.read_text().splitlines()]
    assert sorted(keys) == [f"s{n}" for n in range(4)]


def test_sigterm_stops_a_ray_batch_cleanly_and_the_next_run_resumes(cluster, site, tmp_path):
    count = 12
    source = backlog_of_pages(site, tmp_path, count, delay=0.4)
    out = tmp_path / "out.jsonl"
    args = [sys.executable, "-m", "newsbridge", "batch", str(source), "--out", str(out), "--engine", "ray",
            "--address", cluster, "--workers", "2", "-q"]
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(records(out)) < 2:
        time.sleep(0.05)
    proc.send_signal(signal.SIGTERM)  # Ray's driver sets a SIGTERM handler of its own: ours must win
    err = proc.communicate(timeout=120)[1]
    assert proc.returncode == 143, err
    assert "stopped" in err and "left for the next run" in err
    first = [r["id"] for r in records(out)]
    assert len(first) == len(set(first)) < count and all(r["status"] == "done" for r in records(out))
    resumed = subprocess.run(args, capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    assert sorted(r["id"] for r in records(out)) == sorted(f"p{n}" for n in range(count))
