"""scripts/bench_translate.py --device cuda: this machine has no GPU, so the script must say so
in one line; its measuring code (bench_translate_gpu.systems) runs here on the CPU with a tiny
model, so that it is known to work before a GPU machine is at hand."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import torch

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"


@pytest.mark.skipif(torch.cuda.is_available(), reason="this machine has a GPU")
def test_without_a_gpu_it_says_so_in_one_line():
    r = subprocess.run([sys.executable, str(SCRIPTS / "bench_translate.py"), "--device", "cuda"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 3
    assert r.stdout.count("\n") == 1 and r.stdout.startswith("bench_translate_gpu: no CUDA GPU") and not r.stderr


def test_the_gpu_systems_run_on_the_cpu_with_a_tiny_model(tiny_models, monkeypatch):
    monkeypatch.syspath_prepend(str(SCRIPTS))
    from bench_translate_gpu import systems

    texts = ["The council met on Tuesday.", "It voted on the harbour budget.", "Fishing crews walked out.",
             "The mayor said the fees would be reviewed.", "A hearing is planned for next month."]
    speed = systems(tiny_models["tiny-marian-en-ko"], texts, "cpu", beam=2, batch=2, naive_sentences=2,
                    ct2_model=tiny_models["tiny-marian-en-ko-ct2"])
    assert set(speed) == {"a", "b", "c", "d"} and all(v > 0 for v in speed.values())
