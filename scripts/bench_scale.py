"""Benchmark `newsbridge batch` on Ray against the local engine: 200 articles, identity translator.

The same 200 English articles (about 620 words each, a common length for news, written for
this benchmark and numbered so that no two are alike) go through the Batch machinery three
ways: the local engine (one thread, as `newsbridge batch` runs by default), Ray with one
worker, and Ray with two, each
into a fresh output and state, so the driver's work (claims, state, outbox, the output file)
is counted every time. The translator is the identity, so what is measured is everything
around the model. Engines are started and warmed up first (each Ray worker builds its
Pipeline once); the three are then timed in turn, for several rounds, and the medians kept.

  ray_overhead_ms: (Ray with 1 worker - local) / articles: what sending an article to a
                   worker process and its output line back costs.
  speedup_2w:      Ray with 1 worker / Ray with 2 workers.

Ray runs as a private instance on 127.0.0.1 without a dashboard; it is given 4 logical CPUs
so that the 1-worker and 2-worker pools can both stay up (each worker asks for one); the
machine has what it has.

Usage: python scripts/bench_scale.py [--articles 200] [--rounds 3]
Targets: ray_overhead_ms < 20, speedup_2w >= 1.5 (2 cores). Last line:
bench_scale ray_overhead_ms=.. speedup_2w=..
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import statistics
import sys
import tempfile
import time
from pathlib import Path

from newsbridge import Pipeline, load_settings
from newsbridge.batch import Batch
from newsbridge.engines.local import LocalEngine
from newsbridge.feeds import Fetcher
from newsbridge.state import State

PARAS = [
    "The harbour board of Calder met on day {n} and approved new mooring fees for the coming season, "
    "after a debate that ran late into the evening and drew a crowd of fishing families to the town hall.",
    "Fishing crews said the fees would rise by a third, and several skippers walked out of the meeting "
    "before the vote, saying the board had not listened to a single objection raised since the spring.",
    '"We cannot pay this and keep the boats," said skipper Ada Lin, who has fished from Calder for {n} years '
    "and whose family has kept a berth in the inner harbour since the war.",
    "The board said the money would pay for dredging the inner harbour, which has silted up since the storm "
    "two winters ago, and for repairs to the north breakwater that engineers have called urgent.",
    '"Without dredging, the larger boats will not get in at low tide within five years," said board chair '
    "Tomas Reyes, adding that the fees would be reviewed after the first season.",
    "A public hearing on the fees is planned for next month, and the council will vote after that hearing "
    "on whether to cap the increase for boats under twelve metres.",
    "Local traders said a smaller fleet would hurt the fish market, the chandlers and the cafes along the "
    "quay, which depend on the crews who land their catch in Calder every morning.",
    "The port authority published figures showing that 84 boats used the harbour last year, down from 97 "
    "a decade earlier, while the cost of maintaining the quays has nearly doubled.",
    "Ms Lin said the skippers would put forward their own plan at the hearing, including a levy on the "
    "yachts that moor in the outer basin during the summer months.",
    "The board agreed to publish the dredging contract and the engineers' report before the hearing, "
    "after councillors from both parties asked to see the numbers behind the increase.",
    "The harbour was built in the nineteenth century to shelter the herring fleet, and its granite walls "
    "are listed, which means any repair must be approved by the heritage office in the capital.",
    "Engineers who surveyed the north breakwater in March found cracks along a forty-metre stretch and "
    "warned that a winter storm of the kind that struck two years ago could breach it.",
    '"We are not asking the fleet to pay for the past, we are asking it to share the cost of the future," '
    "said councillor Mira Haddad, who sits on the harbour committee.",
    "The fishing cooperative, which represents 61 of the boats, said it had offered to pay part of the "
    "dredging cost in return for a seat on the board, but received no reply.",
    "Mooring fees in the neighbouring ports of Brack and Osterly rose by less than ten per cent over the "
    "same period, according to figures gathered by the cooperative.",
    "Some younger skippers said they were considering moving their boats to Brack, where the harbour was "
    "dredged last year with money from a regional fund.",
    "The regional fund has a second round of grants in the autumn, and the board said it would apply, "
    "although officials warned that competition for the money would be stiff.",
    '"If the grant comes through, the increase could be halved," Mr Reyes said, but he declined to say '
    "what would happen to the fees if the application failed.",
    "The hearing will take place at the town hall on the first Thursday of next month, and residents may "
    "submit written comments to the harbour office until the day before.",
    "The council's decision is expected before the end of the year, in time for the new fees, if approved, "
    "to take effect at the start of the next fishing season.",
]


def article(n: int) -> str:
    return "\n\n".join(p.format(n=n + 3) for p in PARAS)


def timed_batch(source: Path, engine, tmp: Path, name: str) -> float:
    """Seconds for one batch of `source` through `engine`, into a fresh output and state."""
    state = State(tmp / f"{name}.state.sqlite")
    try:
        batch = Batch(source, tmp / f"{name}.jsonl", state, engine, target="ko")
        started = time.perf_counter()
        counts = batch.run(10**7)
        seconds = time.perf_counter() - started
    finally:
        state.close()
    if counts.failed or counts.new != sum(1 for _ in source.open()):
        raise SystemExit(f"{name}: {counts.failed} failed, {counts.new} done: {counts.errors[:3]}")
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    try:
        import ray
    except ImportError:
        print("bench_scale needs Ray: pip install -e '.[scale]'")
        return 3
    from newsbridge.engines.ray import RayEngine

    base = load_settings()
    settings = dataclasses.replace(base, pipeline=dataclasses.replace(base.pipeline, translate="identity"),
                                   translate=dataclasses.replace(base.translate, cache=""))
    ray.init(num_cpus=4, include_dashboard=False, _node_ip_address="127.0.0.1", logging_level=logging.WARNING,
             log_to_driver=False, object_store_memory=200 * 1024**2)
    pipe = Pipeline(settings)
    engines = {"local": LocalEngine(pipe, Fetcher()), "ray1": RayEngine(settings, workers=1),
               "ray2": RayEngine(settings, workers=2)}
    times: dict[str, list[float]] = {name: [] for name in engines}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        source, warmup = tmp / "in.jsonl", tmp / "warmup.jsonl"
        source.write_text("".join(json.dumps({"id": n, "text": article(n)}) + "\n" for n in range(args.articles)))
        warmup.write_text("".join(json.dumps({"id": n, "text": article(10**6 + n)}) + "\n" for n in range(8)))
        for name, engine in engines.items():  # every Pipeline loads its detectors and segmenters
            timed_batch(warmup, engine, tmp, f"warmup-{name}")
        for n in range(args.rounds):
            for name, engine in engines.items():
                times[name].append(timed_batch(source, engine, tmp, f"{name}-{n}"))
            print("round", n + 1, {k: round(v[-1], 2) for k, v in times.items()}, flush=True)
    for engine in engines.values():
        engine.close()
    ray.shutdown()

    median = {name: statistics.median(t) for name, t in times.items()}
    overhead_ms = (median["ray1"] - median["local"]) / args.articles * 1000
    speedup = median["ray1"] / median["ray2"]
    print(f"{args.articles} articles, median of {args.rounds} rounds: local {median['local']:.2f} s "
          f"({args.articles / median['local']:.1f} articles/s), Ray 1 worker {median['ray1']:.2f} s, "
          f"Ray 2 workers {median['ray2']:.2f} s ({args.articles / median['ray2']:.1f} articles/s)")
    missed = [k for k, bad in (("ray_overhead_ms", overhead_ms >= 20), ("speedup_2w", speedup < 1.5)) if bad]
    for k in missed:
        print(f"MISSED target {k}")
    print(f"bench_scale ray_overhead_ms={overhead_ms:.1f} speedup_2w={speedup:.2f}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
