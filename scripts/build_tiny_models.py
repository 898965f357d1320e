"""Build tiny, randomly initialised models for tests: the real formats, nonsense output.

Model weights cannot be downloaded on the development and CI machines, so the tests exercise
the real loading and inference code on models built here: a SentencePiece vocabulary trained
on a few hundred lines of ../shared/data (English and Korean), and a transformers model with
one small layer and random weights, saved with save_pretrained. They produce nonsense: tests
assert structure, never quality.

  tiny-summarizer      T5ForConditionalGeneration (the abstractive key-points backend)
  tiny-marian-en-ko    MarianMTModel laid out like the opus-mt models (source.spm, target.spm,
  tiny-marian-ko-en    vocab.json; vocab_size = vocabulary + 1, the pad row last)
  *-ct2                their CTranslate2 int8 conversions, when ctranslate2 is installed

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


def build_tiny_marian(out: Path, lines: list[str]) -> Path:
    """A one-layer MarianMT with the opus-mt file layout, in `out`.

    As in the real opus-mt configs, vocab.json holds the SentencePiece pieces and the model's
    vocab_size is one more: the pad row comes last (pad_token_id = decoder_start_token_id =
    vocab_size - 1), which is what CTranslate2's converter expects.
    """
    if (out / "config.json").is_file() and (out / "model.safetensors").is_file():
        return out
    import json
    import shutil

    import sentencepiece as spm
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        import sentencepiece as _spm

        with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as fh:
            fh.write("\n".join(lines))
        _spm.SentencePieceTrainer.train(
            input=fh.name, model_prefix=str(Path(tmp) / "spm"), vocab_size=1000, model_type="unigram",
            character_coverage=0.98, eos_id=0, unk_id=1, pad_id=-1, bos_id=-1, minloglevel=2,
        )
        Path(fh.name).unlink()
        for name in ("source.spm", "target.spm"):
            shutil.copy(Path(tmp) / "spm.model", out / name)
    sp = spm.SentencePieceProcessor(model_file=str(out / "source.spm"))
    vocab = {sp.id_to_piece(i): i for i in range(sp.get_piece_size())}
    (out / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    tokenizer = MarianTokenizer(source_spm=str(out / "source.spm"), target_spm=str(out / "target.spm"),
                                vocab=str(out / "vocab.json"))
    torch.manual_seed(0)
    pad = len(vocab)
    config = MarianConfig(vocab_size=pad + 1, d_model=32, encoder_layers=1, decoder_layers=1,
                          encoder_attention_heads=2, decoder_attention_heads=2, encoder_ffn_dim=64,
                          decoder_ffn_dim=64, max_position_embeddings=512, pad_token_id=pad,
                          decoder_start_token_id=pad, eos_token_id=0, forced_eos_token_id=0)
    MarianMTModel(config).save_pretrained(out)
    tokenizer.save_pretrained(out)
    return out


def convert_ct2(model: Path) -> Path | None:
    """The CTranslate2 int8 conversion beside `model` ('<model>-ct2'), if ctranslate2 is there."""
    out = model.with_name(model.name + "-ct2")
    if (out / "model.bin").is_file():
        return out
    try:
        from ctranslate2.converters import TransformersConverter
    except ImportError:
        return None
    from transformers import AutoTokenizer

    TransformersConverter(str(model)).convert(str(out), quantization="int8", force=True)
    AutoTokenizer.from_pretrained(model).save_pretrained(out)
    return out


def build_all(out: Path = DEFAULT_OUT) -> dict[str, Path]:
    """Every tiny model, by name, built where missing."""
    lines = corpus_lines()
    models = {"tiny-summarizer": build_tiny_summarizer(out / "tiny-summarizer", lines)}
    for direction in ("en-ko", "ko-en"):
        name = f"tiny-marian-{direction}"
        models[name] = build_tiny_marian(out / name, lines)
        converted = convert_ct2(models[name])
        if converted is not None:
            models[f"{name}-ct2"] = converted
    return models


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUT
    for name, path in build_all(out).items():
        print(f"{name}: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
