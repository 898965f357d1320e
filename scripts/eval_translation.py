"""Score translation with chrF (headline) and BLEU (sacrebleu), English <-> Korean.

Test sets, read from ../shared/data:
  * FLORES-200 devtest (1012 aligned lines), all lines and the wikinews subset (by the
    metadata file). 58 Korean lines are wrapped in CSV-style quotes with doubled inner quotes;
    we undo that (strip the outer quotes, "" -> ") so the Korean is what a reader sees; scores
    may therefore differ slightly from published ones that keep the artefact.
  * Korean-English news (Park et al. 2016), 2000 test lines: English lines with CP949
    mojibake for curly quotes (¡¯ ¡° ¡±) and HTML entities are repaired first. Its pairs are
    loose; use it for relative comparisons only.
Sentences go through Pipeline.translate_texts, the path of /v1/translate (glossary terms and
numbers protected). Korean chrF is computed on characters as usual; BLEU uses sacrebleu's
'ko-mecab'-free default tokenizer for English and character-level ('char') for Korean.

With no real model installed the script says so and exits 3. `--model-en-ko/--model-ko-en`
point it at any model (a tiny test model too, for an end-to-end run: its scores are
meaningless, and the script says so when the model is not a catalog model).

Usage: python scripts/eval_translation.py [--backend transformers|ctranslate2] [--limit N]
       [--model-en-ko NAME] [--model-ko-en NAME] [--data DIR]
Last line: translation <set> <direction> chrF=.. BLEU=.. (one per set and direction)
"""

from __future__ import annotations

import argparse
import dataclasses
import html
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE.parent.parent / "shared" / "data"
_MOJIBAKE = {"¡¯": "’", "¡®": "‘", "¡°": "“", "¡±": "”", "¡¦": "…", "¡¤": "·"}


def unquote_csv(line: str) -> str:
    if len(line) > 1 and line.startswith('"') and line.endswith('"') and '""' in line:
        return line[1:-1].replace('""', '"')
    return line


def repair_english(line: str) -> str:
    for bad, good in _MOJIBAKE.items():
        line = line.replace(bad, good)
    return html.unescape(line)


def test_sets(data: Path, limit: int | None) -> dict[str, tuple[list[str], list[str]]]:
    flores = data / "flores200"
    en = (flores / "eng_Latn.devtest").read_text(encoding="utf-8").splitlines()
    ko = [unquote_csv(x) for x in (flores / "kor_Hang.devtest").read_text(encoding="utf-8").splitlines()]
    meta = (flores / "metadata_devtest.tsv").read_text(encoding="utf-8").splitlines()[1:]
    news = [i for i, row in enumerate(meta) if row.split("\t")[1] == "wikinews"]
    park = data / "ko-en-news"
    park_en = [repair_english(x) for x in (park / "korean-english-park.test.en").read_text(encoding="utf-8").splitlines()]
    park_ko = (park / "korean-english-park.test.ko").read_text(encoding="utf-8").splitlines()
    sets = {
        "flores-all": (en, ko),
        "flores-wikinews": ([en[i] for i in news], [ko[i] for i in news]),
        "ko-en-news": (park_en, park_ko),
    }
    return {k: (e[:limit], k_[:limit]) for k, (e, k_) in sets.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", default=None, choices=["transformers", "ctranslate2"])
    parser.add_argument("--model-en-ko")
    parser.add_argument("--model-ko-en")
    parser.add_argument("--limit", type=int, default=None, help="first N lines of each set")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()

    import sacrebleu

    from newsbridge import Pipeline, load_settings
    from newsbridge.errors import ModelNotFoundError
    from newsbridge.models import catalog, locate

    base = load_settings()
    translate = base.translate
    if args.model_en_ko:
        translate = dataclasses.replace(translate, model_en_ko=args.model_en_ko)
    if args.model_ko_en:
        translate = dataclasses.replace(translate, model_ko_en=args.model_ko_en)
    backend = args.backend or (base.pipeline.translate if base.pipeline.translate != "identity" else "transformers")
    settings = dataclasses.replace(base, translate=dataclasses.replace(translate, cache=""),
                                   pipeline=dataclasses.replace(base.pipeline, translate=backend))
    models = {("en", "ko"): settings.translate.model_en_ko, ("ko", "en"): settings.translate.model_ko_en}
    missing = []
    for name in models.values():
        try:
            locate(name, settings)
        except ModelNotFoundError as exc:
            missing.append(str(exc))
    if missing:
        for message in missing:
            print(f"no model: {message}")
        print("translation: no real model is installed here, nothing to score")
        return 3
    for name in models.values():
        if name not in catalog():
            print(f"note: {name} is not a catalog model; if it is a tiny test model, its scores are meaningless")

    pipe = Pipeline(settings)
    lines = []
    for set_name, (en, ko) in test_sets(args.data, args.limit).items():
        for (source, target), (src, ref) in (((("en", "ko"), (en, ko))), ((("ko", "en"), (ko, en)))):
            started = time.perf_counter()
            hyp = pipe.translate_texts(src, source, target)
            seconds = time.perf_counter() - started
            tokenize = "char" if target == "ko" else "13a"
            chrf = sacrebleu.corpus_chrf(hyp, [ref]).score
            bleu = sacrebleu.corpus_bleu(hyp, [ref], tokenize=tokenize).score
            line = f"translation {set_name} {source}-{target} chrF={chrf:.1f} BLEU={bleu:.1f}"
            print(f"{line} ({len(src)} sentences, {seconds:.0f} s, model {models[(source, target)]})", flush=True)
            lines.append(line)
    print("\n".join(lines[-1:]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
