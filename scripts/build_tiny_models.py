"""Build tiny, randomly initialised models for tests: the real formats, nonsense output.

Model weights cannot be downloaded on the development and CI machines, so the tests exercise
the real loading and inference code on models built here: a SentencePiece vocabulary trained
on a few hundred lines of ../shared/data (English and Korean), and a transformers model with
one small layer and random weights, saved with save_pretrained. They produce nonsense: tests
assert structure, never quality.

  tiny-summarizer   T5ForConditionalGeneration (the abstractive key-points backend)

Usage: python scripts/build_tiny_models.py [OUT_DIR]   (default ~/.cache/newsbridge/tiny-models)
Building is skipped for a model whose folder is already complete.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parent.parent / "shared" / "data"
DEFAULT_OUT = Path.home() / ".cache" / "newsbridge" / "tiny-models"


def corpus_lines(limit: int = 600) -> list[str]:
    """English and Korean lines to train the tiny vocabularies on."""
    lines: list[str] = []
    for name in ("flores200/eng_Latn.devtest", "flores200/kor_Hang.devtest"):
        path = DATA / name
        if path.is_file():
            lines += path.read_text(encoding="utf-8").splitlines()[:limit]
    if not lines:  # no shared data: the project's own example pages
        for page in (HERE.parent / "examples").glob("*.txt"):
            lines += [ln for ln in page.read_text(encoding="utf-8").splitlines() if ln.strip()]
    return lines


def train_spm(lines: list[str], prefix: Path, vocab_size: int) -> Path:
    """A unigram SentencePiece model with T5's special ids (pad 0, eos 1, unk 2)."""
    import sentencepiece as spm

    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as fh:
        fh.write("\n".join(lines))
    spm.SentencePieceTrainer.train(
        input=fh.name, model_prefix=str(prefix), vocab_size=vocab_size, model_type="unigram",
        character_coverage=0.98, pad_id=0, eos_id=1, unk_id=2, bos_id=-1, minloglevel=2,
    )
    Path(fh.name).unlink()
    return prefix.with_suffix(".model")


def build_tiny_summarizer(out: Path, lines: list[str]) -> Path:
    """A one-layer T5 with a 1,000-piece vocabulary, in `out`."""
    if (out / "config.json").is_file() and (out / "model.safetensors").is_file():
        return out
    import sentencepiece as spm
    import torch
    from transformers import T5Config, T5ForConditionalGeneration, T5Tokenizer

    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        model_file = train_spm(lines, Path(tmp) / "spm", 1000)
        sp = spm.SentencePieceProcessor(model_file=str(model_file))
        vocab = [(sp.id_to_piece(i), sp.get_score(i)) for i in range(sp.get_piece_size())]
    tokenizer = T5Tokenizer(vocab=vocab, extra_ids=0, model_max_length=512)
    torch.manual_seed(0)  # the same weights, so the same output, on every machine
    config = T5Config(vocab_size=len(tokenizer), d_model=32, d_ff=64, d_kv=16, num_layers=1,
                      num_decoder_layers=1, num_heads=2, decoder_start_token_id=tokenizer.pad_token_id,
                      pad_token_id=tokenizer.pad_token_id, eos_token_id=tokenizer.eos_token_id)
    T5ForConditionalGeneration(config).save_pretrained(out)
    tokenizer.save_pretrained(out)
    return out


def build_all(out: Path = DEFAULT_OUT) -> dict[str, Path]:
    """Every tiny model, by name, built where missing."""
    lines = corpus_lines()
    return {"tiny-summarizer": build_tiny_summarizer(out / "tiny-summarizer", lines)}


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUT
    for name, path in build_all(out).items():
        print(f"{name}: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
