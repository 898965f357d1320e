"""Load the HTTP service on loopback: 1 client, then 8 concurrent clients, /v1/translate.

Starts `newsbridge serve` on 127.0.0.1 (a free port) with the tiny test Marian models through
the transformers backend (scripts/build_tiny_models.py; cache off), so every request does
real model work; then sends a bounded number of requests per client and stops. Reports
requests/s, p50/p95 latency and errors for each run, and how much faster 8 clients go than 1:
concurrent requests are micro-batched into shared model calls.

Usage: python scripts/load_http.py [--requests 200] [--clients 8] [--identity]
Targets: 0 errors; 8-client throughput >= 1.5x single-client. Last line:
load_http single_rps=.. multi_rps=.. speedup=.. errors=.. p50_ms=.. p95_ms=..
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

HERE = Path(__file__).resolve().parent
DATA = HERE.parent.parent / "shared" / "data"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def sentences(n: int) -> list[str]:
    path = DATA / "flores200" / "eng_Latn.devtest"
    if path.is_file():
        lines = path.read_text(encoding="utf-8").splitlines()
    else:
        lines = [f"The council met on day {i} to discuss the ferry budget." for i in range(100)]
    return [lines[i % len(lines)] for i in range(n)]


def run(url: str, clients: int, total: int, texts: list[str]) -> tuple[float, list[float], int]:
    """`total` requests spread over `clients` threads; returns (seconds, latencies, errors)."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    per_client = total // clients

    def client(k: int) -> None:
        nonlocal errors
        with httpx.Client(base_url=url, timeout=120) as http:
            for i in range(per_client):
                started = time.perf_counter()
                try:
                    r = http.post("/v1/translate", json={"text": texts[(k * per_client + i) % len(texts)],
                                                         "source": "en", "target": "ko"})
                    ok = r.status_code == 200
                except httpx.HTTPError:
                    ok = False
                with lock:
                    latencies.append(time.perf_counter() - started)
                    errors += not ok

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - started, latencies, errors


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--identity", action="store_true", help="identity translator (no model work)")
    args = parser.parse_args()

    sys.path.insert(0, str(HERE))
    from build_tiny_models import build_all  # noqa: E402

    tiny = build_all()
    config = Path(tempfile.mkdtemp()) / "load.toml"
    backend = "identity" if args.identity else "transformers"
    config.write_text(
        f'[pipeline]\ntranslate = "{backend}"\n[translate]\ncache = ""\nbeam_size = 1\n'
        f'model_en_ko = "{tiny["tiny-marian-en-ko"]}"\nmodel_ko_en = "{tiny["tiny-marian-ko-en"]}"\n'
        f'[server]\nworkers = 1\nbatch_window_ms = 10\n', encoding="utf-8")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen([sys.executable, "-m", "newsbridge", "serve", "--host", "127.0.0.1", "--port",
                             str(port), "--config", str(config)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(f"{url}/ready", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or proc.poll() is not None:
                print("error: the server did not start", file=sys.stderr)
                return 2
            time.sleep(0.3)
        texts = sentences(args.requests)
        run(url, 1, 10, texts)  # warm-up
        results = {}
        for clients in (1, args.clients):
            seconds, latencies, errors = run(url, clients, args.requests, texts)
            done = len(latencies)
            rps = done / seconds
            p50 = statistics.median(latencies) * 1000
            p95 = statistics.quantiles(latencies, n=20)[-1] * 1000
            results[clients] = (rps, errors, p50, p95)
            print(f"{clients} client(s), {done} requests ({backend}): {rps:.1f} requests/s, "
                  f"p50 {p50:.0f} ms, p95 {p95:.0f} ms, errors {errors}", flush=True)
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    single, multi = results[1], results[args.clients]
    speedup = multi[0] / single[0]
    errors = single[1] + multi[1]
    if errors or speedup < 1.5:
        print("MISSED target: " + ("errors " if errors else "") + ("speedup < 1.5" if speedup < 1.5 else ""))
    print(f"load_http single_rps={single[0]:.1f} multi_rps={multi[0]:.1f} speedup={speedup:.2f} "
          f"errors={errors} p50_ms={multi[2]:.0f} p95_ms={multi[3]:.0f}")
    return 0 if not errors and speedup >= 1.5 else 1


if __name__ == "__main__":
    sys.exit(main())
