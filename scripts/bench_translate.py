"""Benchmark translation speed and memory with random weights in opus-mt-tc-big's shape.

The speed of a network does not depend on its weight values, so a MarianMT model with
random weights and the real opus-mt-tc-big shape (d_model 1024, 6+6 layers, 16 heads, FFN
4096, a 32,001-row vocabulary) gives the figures a user will see with the real model. Its
tokenizer is the tiny test vocabulary (scripts/build_tiny_models.py), padded to 32,000 entries
so that CTranslate2 converts the model as it converts opus-mt.

On the same FLORES-200 English sentences (each cut to 40 source tokens; 40 target tokens
forced, so every system does the same work), with the same decoding settings (the beam, and
our no-repeat-4-gram guard) for all four, in one run:
  (a) raw CTranslate2 translate_batch (int8), on pre-tokenized input: the token lists our
      backend hands the engine, i.e. the sentences with numbers and glossary terms set
      aside as placeholders ([1], [2]...), tokenized by the model's tokenizer; called on the
      very ctranslate2.Translator that (b) loaded (CTranslate2's defaults: int8, its own
      thread count), because two instances of one model can differ by 20% in speed for the
      whole life of a process on this machine, which would swamp what is measured
  (b) our ctranslate2 backend through Pipeline.translate_texts (what /v1/translate runs)
  (c) our transformers backend, the same way
  (d) the naive code a user would write, one sentence at a time: tokenizer, generate(),
      decode, as on the model card (transformers 5 removed pipeline('translation'), which
      did exactly this)
(a) and (b) run interleaved for several rounds, their order alternating, and b/a is the
median of the rounds' ratios (with its spread): on a shared machine a burst of someone
else's work slows one run, not the verdict. (b)'s own work, its time outside the engine
call, is also timed directly (what would dominate on a GPU). The placeholders themselves
make the engine's work longer than on the sentences as written; that cost of protecting
numbers and terms is measured apart, as raw CTranslate2 on the sentences as written (a')
against (a). (Cut to exactly 40 tokens, the plain sentences fill two batches of the
4,096-token budget; the placeholders lengthen some, and they take three.)
Then, in a fresh process, the peak RSS with both directions loaded by our ctranslate2 backend.

Usage: python scripts/bench_translate.py [--sentences 200] [--naive-sentences 200] [--beam 1] [--rounds 7]
       python scripts/bench_translate.py --device cuda [--batch-size 256]   (bench_translate_gpu.py)
Targets: b/a >= 0.95 (median), b/d >= 10, c/d >= 3, peak RSS (both directions, ct2 int8) <= 1,200 MB.
Last line: bench_translate b_over_a=.. b_over_d=.. c_over_d=.. rss_mb=..
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parent.parent / "shared" / "data"
CACHE = Path.home() / ".cache" / "newsbridge" / "bench-models"
VOCAB = 32000
OUT_TOKENS = 40
IN_TOKENS = 40


def build_big(out: Path, tiny: Path) -> Path:
    """A random-weight MarianMT in opus-mt-tc-big's shape, with the tiny test tokenizer."""
    if (out / "model.safetensors").is_file():
        return out
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    out.mkdir(parents=True, exist_ok=True)
    for name in ("source.spm", "target.spm"):
        shutil.copy(tiny / name, out / name)
    vocab = json.loads((tiny / "vocab.json").read_text(encoding="utf-8"))
    for i in range(len(vocab), VOCAB):
        vocab[f"<unused{i}>"] = i
    (out / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    MarianTokenizer(source_spm=str(out / "source.spm"), target_spm=str(out / "target.spm"),
                    vocab=str(out / "vocab.json")).save_pretrained(out)
    torch.manual_seed(0)
    config = MarianConfig(vocab_size=VOCAB + 1, d_model=1024, encoder_layers=6, decoder_layers=6,
                          encoder_attention_heads=16, decoder_attention_heads=16, encoder_ffn_dim=4096,
                          decoder_ffn_dim=4096, max_position_embeddings=1024, pad_token_id=VOCAB,
                          decoder_start_token_id=VOCAB, eos_token_id=0, forced_eos_token_id=0,
                          activation_function="relu", normalize_embedding=False, static_position_embeddings=True)
    MarianMTModel(config).save_pretrained(out)
    return out


def convert(model: Path, out: Path) -> Path:
    if (out / "model.bin").is_file():
        return out
    from ctranslate2.converters import TransformersConverter
    from transformers import AutoTokenizer

    TransformersConverter(str(model)).convert(str(out), quantization="int8", force=True)
    AutoTokenizer.from_pretrained(model).save_pretrained(out)
    return out


def timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def timed_both(fn) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the whole process, every engine thread included)."""
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


class EngineTimer:
    """A CTranslate2 translator that adds up the time spent inside translate_batch."""

    def __init__(self, engine) -> None:  # a ctranslate2.Translator
        self.engine = engine
        self.seconds = 0.0

    def translate_batch(self, *args, **kwargs):
        started = time.perf_counter()
        try:
            return self.engine.translate_batch(*args, **kwargs)
        finally:
            self.seconds += time.perf_counter() - started


def rss_child(model_dir: Path) -> None:
    """Run in a fresh process: load both directions with our ct2 backend, report peak RSS.

    VmHWM from /proc, not getrusage: ru_maxrss survives exec, so a child forked from this
    big benchmark process would report the parent's size.
    """
    from newsbridge import Pipeline, load_settings

    base = load_settings()
    settings = dataclasses.replace(
        base,
        pipeline=dataclasses.replace(base.pipeline, translate="ctranslate2"),
        translate=dataclasses.replace(base.translate, model_en_ko=str(model_dir / "big-en-ko"),
                                      model_ko_en=str(model_dir / "big-ko-en"), cache="", beam_size=1),
    )
    pipe = Pipeline(settings)
    pipe.translate_texts(["The council met on Tuesday."], "en", "ko")
    pipe.translate_texts(["시의회는 화요일에 모였다."], "ko", "en")
    status = Path("/proc/self/status").read_text()
    peak_kb = int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:")))
    print(json.dumps({"rss_mb": peak_kb / 1024}))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=200)
    parser.add_argument("--naive-sentences", type=int, default=200)
    parser.add_argument("--beam", type=int, default=None, help="beam size [default: 1 on the CPU, 4 on a GPU]")
    parser.add_argument("--rounds", type=int, default=7, help="interleaved rounds of (a) and (b)")
    parser.add_argument("--device", default="cpu", help="cpu, or cuda / cuda:N for the GPU systems "
                        "(bench_translate_gpu.py)")
    parser.add_argument("--batch-size", type=int, default=256, help="sentences per batch on a GPU")
    parser.add_argument("--rss-child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.rss_child:
        rss_child(args.rss_child)
        return 0
    if args.device != "cpu":
        from bench_translate_gpu import main_gpu

        return main_gpu(args.device, args.beam or 4, args.batch_size, args.sentences, min(args.naive_sentences, 50))

    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    from newsbridge import Pipeline, load_settings
    from newsbridge.translate.ct2 import CTranslate2Translator
    from newsbridge.translate.glossary import load_glossary
    from newsbridge.translate.hf import NO_REPEAT_NGRAM, TransformersTranslator
    from newsbridge.translate.protect import mask

    sys.path.insert(0, str(HERE))
    from build_tiny_models import build_all  # noqa: E402

    tiny = build_all()["tiny-marian-en-ko"]
    print("building the random-weight model (opus-mt-tc-big shape) and its int8 conversion ...", flush=True)
    big = build_big(CACHE / "big-en-ko", tiny)
    if not (CACHE / "big-ko-en").exists():
        shutil.copytree(big, CACHE / "big-ko-en")
    for direction in ("en-ko", "ko-en"):
        convert(CACHE / f"big-{direction}", CACHE / f"big-{direction}-ct2")

    tokenizer = AutoTokenizer.from_pretrained(big)
    lines = (DATA / "flores200" / "eng_Latn.devtest").read_text(encoding="utf-8").splitlines()[: args.sentences]
    texts = [tokenizer.convert_tokens_to_string(tokenizer.tokenize(line)[: IN_TOKENS - 1]) for line in lines]
    n_tokens = len(texts) * OUT_TOKENS
    beam = args.beam or 1
    print(f"{len(texts)} sentences, {IN_TOKENS} tokens in, {OUT_TOKENS} forced out, beam {beam}", flush=True)

    base = load_settings()

    def settings_for(backend: str):
        return dataclasses.replace(
            base, pipeline=dataclasses.replace(base.pipeline, translate=backend),
            translate=dataclasses.replace(base.translate, model_en_ko=str(big), cache="", beam_size=beam))

    def tokens_of(sentences: list[str]) -> list[list[str]]:
        return [tokenizer.convert_ids_to_tokens(ids) for ids in tokenizer(sentences)["input_ids"]]

    results = {}
    terms = load_glossary().terms("en", "ko")
    protected = tokens_of([mask(t, terms).text for t in texts])
    plain = tokens_of(texts)
    options = dict(beam_size=beam, max_batch_size=4096, batch_type="tokens", no_repeat_ngram_size=NO_REPEAT_NGRAM,
                   min_decoding_length=OUT_TOKENS, max_decoding_length=OUT_TOKENS)

    class TimedBackend(CTranslate2Translator):
        """Our ctranslate2 backend with its engine timed: the rest of its time is its own work."""

        def _load(self, name: str) -> tuple:
            tokenizer, engine = super()._load(name)
            self.timer = EngineTimer(engine)
            return tokenizer, self.timer

    ct2_pipe = Pipeline(settings_for("ctranslate2"))
    backend = TimedBackend(ct2_pipe.settings, {"min_decoding_length": OUT_TOKENS, "max_decoding_length": OUT_TOKENS})
    ct2_pipe._stages["translate"].translator = backend
    ct2_pipe.translate_texts(texts[:4], "en", "ko")  # loads the model; a warm-up
    raw = backend.timer.engine  # the ctranslate2.Translator itself, called directly for (a)
    raw.translate_batch(plain[:4], **options)
    runs = {
        "a": lambda: raw.translate_batch(protected, **options),
        "b": lambda: ct2_pipe.translate_texts(texts, "en", "ko"),
        "a'": lambda: raw.translate_batch(plain, **options),  # the cost of the placeholders
    }
    seconds: dict[str, list[float]] = {name: [] for name in runs}
    cpu: dict[str, list[float]] = {name: [] for name in runs}
    own_ms: list[float] = []  # (b)'s time outside the engine, per sentence
    for r in range(args.rounds):
        for name in list(runs) if r % 2 == 0 else list(runs)[::-1]:
            backend.timer.seconds = 0.0
            wall, used = timed_both(runs[name])
            seconds[name].append(wall)
            cpu[name].append(used)
            if name == "b":
                own_ms.append((wall - backend.timer.seconds) / len(texts) * 1000)
        print(f"round {r + 1}: " + ", ".join(f"({k}) {n_tokens / seconds[k][-1]:.0f}" for k in runs)
              + f" target tokens/s; b/a {seconds['a'][-1] / seconds['b'][-1]:.3f} "
              f"(CPU time {cpu['a'][-1] / cpu['b'][-1]:.3f})", flush=True)
    for name in runs:
        results[name] = n_tokens / statistics.median(seconds[name])
    b_over_a = [a / b for a, b in zip(seconds["a"], seconds["b"])]
    b_over_a_cpu = [a / b for a, b in zip(cpu["a"], cpu["b"])]
    print(f"(a) raw ctranslate2 translate_batch: {results['a']:.0f} target tokens/s (median of {args.rounds})")
    print(f"(b) newsbridge ctranslate2 backend: {results['b']:.0f} target tokens/s (median of {args.rounds})")
    print(f"b/a: median {statistics.median(b_over_a):.3f} over {args.rounds} rounds, spread "
          f"{min(b_over_a):.3f}-{max(b_over_a):.3f} (in CPU time {statistics.median(b_over_a_cpu):.3f}, "
          f"{min(b_over_a_cpu):.3f}-{max(b_over_a_cpu):.3f}); (b)'s own work outside the engine: "
          f"{statistics.median(own_ms):.3f} ms per sentence")
    longer = sum(len(p) > len(q) for p, q in zip(protected, plain))
    growth = sum(map(len, protected)) / sum(map(len, plain)) - 1
    extra = statistics.median(a / p - 1 for a, p in zip(cpu["a"], cpu["a'"]))
    as_written = results["a'"]
    print(f"(a') raw ctranslate2 on the sentences as written: {as_written:.0f} target tokens/s; the "
          f"placeholders lengthen {longer} of {len(texts)} sentences ({growth:+.1%} tokens) and the engine's "
          f"CPU time by {extra:+.1%} (median over the rounds)", flush=True)
    results["b_over_a"] = statistics.median(b_over_a)

    # (c) our transformers backend
    hf_pipe = Pipeline(settings_for("transformers"))
    hf_pipe._stages["translate"].translator = TransformersTranslator(
        hf_pipe.settings, {"min_new_tokens": OUT_TOKENS, "max_new_tokens": OUT_TOKENS})
    hf_pipe.translate_texts(texts[:4], "en", "ko")
    results["c"] = n_tokens / timed(lambda: hf_pipe.translate_texts(texts, "en", "ko"))
    print(f"(c) newsbridge transformers backend: {results['c']:.0f} target tokens/s", flush=True)

    # (d) the naive way: the model card's snippet, one sentence at a time
    naive_tok = AutoTokenizer.from_pretrained(big)
    naive_model = AutoModelForSeq2SeqLM.from_pretrained(big)
    sample = texts[: args.naive_sentences]
    gen = dict(num_beams=beam, min_new_tokens=OUT_TOKENS, max_new_tokens=OUT_TOKENS,
               no_repeat_ngram_size=NO_REPEAT_NGRAM)

    def naive(text: str) -> str:
        inputs = naive_tok(text, return_tensors="pt")
        return naive_tok.decode(naive_model.generate(**inputs, **gen)[0], skip_special_tokens=True)

    naive(sample[0])
    seconds = timed(lambda: [naive(t) for t in sample])
    results["d"] = len(sample) * OUT_TOKENS / seconds
    print(f"(d) naive generate(), one sentence at a time ({len(sample)} sentences): "
          f"{results['d']:.0f} target tokens/s", flush=True)

    child = subprocess.run([sys.executable, __file__, "--rss-child", str(CACHE)], capture_output=True,
                           text=True, check=True)
    rss = json.loads(child.stdout.strip().splitlines()[-1])["rss_mb"]
    print(f"peak RSS, both directions loaded (ct2 int8, fresh process): {rss:.0f} MB")

    ratios = {"b_over_a": results["b_over_a"], "b_over_d": results["b"] / results["d"],
              "c_over_d": results["c"] / results["d"]}
    targets = {"b_over_a": 0.95, "b_over_d": 10, "c_over_d": 3}
    missed = [k for k, t in targets.items() if ratios[k] < t] + (["rss_mb"] if rss > 1200 else [])
    for k in missed:
        print(f"MISSED target {k}")
    print("bench_translate " + " ".join(f"{k}={v:.2f}" for k, v in ratios.items()) + f" rss_mb={rss:.0f}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
