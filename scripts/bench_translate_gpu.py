"""The GPU path of bench_translate.py: `python scripts/bench_translate.py --device cuda[:N]`.

The model bench_translate.py builds (random weights in opus-mt-tc-big's shape, 243M
parameters), the same FLORES-200 sentences cut to 40 source tokens, 40 target tokens forced,
beam 4 and no-repeat-4-gram for all, batches of --batch-size sentences:

  (a) raw batched generate() in float16, on pre-tokenized batches: the anchor
  (b) our transformers backend through Pipeline.translate_texts, [models] device = the GPU and
      compute_type "auto" (float16), its token budget set to the same batch size
  (c) our ctranslate2 backend on the GPU (float16), when CTranslate2 can use the GPU here
  (d) the naive code, generate() one sentence at a time in float32 on the GPU (at most 50
      sentences: at about 120 target tokens/s it is the slow one)

Prints `bench_translate_gpu b_over_a=.. b_over_d=.. tok_s=..` (tok_s: (b)'s target tokens/s).
Targets (H100/H200, beam 4): b_over_a >= 0.9, tok_s >= 20,000, b_over_d >= 100. Without a
CUDA GPU it says so in one line and exits 3. `systems()` runs on any device, so the test
suite checks this code on the CPU with a tiny model.
"""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

OUT_TOKENS = 40


def _timed(fn) -> float:  # noqa: ANN001
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def systems(model: Path, texts: list[str], device: str, beam: int, batch: int, naive_sentences: int,
            ct2_model: Path | None = None) -> dict[str, float]:
    """Target tokens/s of (a), (b), (c) when ct2_model is given, and (d), on `device`."""
    import torch
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    from newsbridge import Pipeline, load_settings
    from newsbridge.translate.ct2 import CTranslate2Translator
    from newsbridge.translate.hf import NO_REPEAT_NGRAM, TransformersTranslator

    gpu = device.startswith("cuda")
    sync = torch.cuda.synchronize if gpu else (lambda: None)
    forced = {"min_new_tokens": OUT_TOKENS, "max_new_tokens": OUT_TOKENS}
    gen = dict(num_beams=beam, no_repeat_ngram_size=NO_REPEAT_NGRAM, **forced)
    n_tokens = len(texts) * OUT_TOKENS
    speed: dict[str, float] = {}

    # (a) raw batched generate(), half precision on a GPU (float32 on the CPU)
    tokenizer = AutoTokenizer.from_pretrained(model)
    raw = AutoModelForSeq2SeqLM.from_pretrained(model, dtype=torch.float16 if gpu else torch.float32).to(device).eval()
    batches = [tokenizer(texts[i:i + batch], return_tensors="pt", padding=True).to(device)
               for i in range(0, len(texts), batch)]

    def run_raw() -> None:
        with torch.inference_mode():
            for enc in batches:
                raw.generate(**enc, **gen)
        sync()

    run_raw()  # warm-up (CUDA kernels, allocator)
    speed["a"] = n_tokens / min(_timed(run_raw) for _ in range(2))
    raw = None  # free its memory for the next system

    # (b) our transformers backend, the same batch size (its token budget in source tokens)
    longest = max(len(ids) for ids in tokenizer(texts)["input_ids"])
    base = load_settings()
    settings = dataclasses.replace(
        base, pipeline=dataclasses.replace(base.pipeline, translate="transformers"),
        models=dataclasses.replace(base.models, device=device, compute_type="auto"),
        translate=dataclasses.replace(base.translate, model_en_ko=str(model), cache="", beam_size=beam,
                                      max_batch_tokens=batch * longest, max_batch_tokens_gpu=batch * longest))
    pipe = Pipeline(settings)
    pipe._stages["translate"].translator = TransformersTranslator(settings, forced)
    pipe.translate_texts(texts[:batch], "en", "ko")
    speed["b"] = n_tokens / min(_timed(lambda: (pipe.translate_texts(texts, "en", "ko"), sync())) for _ in range(2))
    pipe = None

    # (c) our ctranslate2 backend on the same device
    if ct2_model is not None:
        ct2_settings = dataclasses.replace(settings, pipeline=dataclasses.replace(settings.pipeline,
                                                                                  translate="ctranslate2"))
        ct2_pipe = Pipeline(ct2_settings)
        ct2_pipe._stages["translate"].translator = CTranslate2Translator(
            ct2_settings, {"min_decoding_length": OUT_TOKENS, "max_decoding_length": OUT_TOKENS})
        ct2_pipe.translate_texts(texts[:batch], "en", "ko")
        speed["c"] = n_tokens / _timed(lambda: ct2_pipe.translate_texts(texts, "en", "ko"))
        ct2_pipe = None

    # (d) naive: the model card's snippet, one sentence at a time, float32
    naive = AutoModelForSeq2SeqLM.from_pretrained(model, dtype=torch.float32).to(device).eval()
    sample = texts[:naive_sentences]

    def run_naive(sentences: list[str]) -> None:
        for text in sentences:
            inputs = tokenizer(text, return_tensors="pt").to(device)
            tokenizer.decode(naive.generate(**inputs, **gen)[0], skip_special_tokens=True)
        sync()

    run_naive(sample[:1])
    speed["d"] = len(sample) * OUT_TOKENS / _timed(lambda: run_naive(sample))
    return speed


def flores_texts(tokenizer_dir: Path, count: int, in_tokens: int, data: Path) -> list[str]:
    """FLORES-200 English devtest sentences, each cut to `in_tokens` source tokens."""
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(tokenizer_dir)
    lines = (data / "flores200" / "eng_Latn.devtest").read_text(encoding="utf-8").splitlines()[:count]
    return [tokenizer.convert_tokens_to_string(tokenizer.tokenize(line)[: in_tokens - 1]) for line in lines]


def main_gpu(device: str, beam: int, batch: int, sentences: int, naive_sentences: int) -> int:
    """bench_translate.py --device cuda: build or reuse the model, run the systems, report."""
    import torch

    if not torch.cuda.is_available():
        print(f"bench_translate_gpu: no CUDA GPU here (torch {torch.__version__} sees none), nothing measured; "
              "run it on a machine with a GPU and a CUDA build of torch")
        return 3
    import ctranslate2

    import bench_translate as cpu_bench
    from build_tiny_models import build_all

    big = cpu_bench.build_big(cpu_bench.CACHE / "big-en-ko", build_all()["tiny-marian-en-ko"])
    ct2_model = None
    if ctranslate2.get_cuda_device_count() > 0:
        ct2_model = cpu_bench.convert(big, cpu_bench.CACHE / "big-en-ko-ct2")
    else:
        print("(c) skipped: CTranslate2 sees no CUDA GPU here (its CUDA 12 libraries are missing?)")
    texts = flores_texts(big, sentences, cpu_bench.IN_TOKENS, cpu_bench.DATA)
    print(f"{torch.cuda.get_device_name(device)}: {len(texts)} sentences, {cpu_bench.IN_TOKENS} tokens in, "
          f"{OUT_TOKENS} forced out, beam {beam}, batches of {batch}", flush=True)
    speed = systems(big, texts, device, beam, batch, naive_sentences, ct2_model)
    names = {"a": "raw batched generate(), float16", "b": "newsbridge transformers backend, float16",
             "c": "newsbridge ctranslate2 backend, float16", "d": "naive generate(), one at a time, float32"}
    for key, value in speed.items():
        print(f"({key}) {names[key]}: {value:,.0f} target tokens/s")
    ratios = {"b_over_a": speed["b"] / speed["a"], "b_over_d": speed["b"] / speed["d"]}
    missed = [k for k, bad in (("b_over_a", ratios["b_over_a"] < 0.9), ("b_over_d", ratios["b_over_d"] < 100),
                               ("tok_s", speed["b"] < 20000)) if bad]
    for k in missed:
        print(f"MISSED target {k}")
    print(f"bench_translate_gpu b_over_a={ratios['b_over_a']:.2f} b_over_d={ratios['b_over_d']:.1f} "
          f"tok_s={speed['b']:.0f}")
    return 1 if missed else 0
