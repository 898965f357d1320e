"""Score quote extraction on PolNeAR (English) and on our own small Korean annotation.

English gold: ../shared/data/quotes/polnear_dev.en.jsonl, 84 political news articles.
  * Gold items are the quoted passages inside the content span of an annotated attribution:
    the text between a pair of quote marks (“…”, "…", or the NYT's two apostrophes ''…''),
    found in the content span's text. We look for the marks ourselves rather than trusting
    `content_has_quote_marks`, which misses the NYT's ''…''. A quote interrupted by its
    attribution ('"A," he said, "B."') is one gold attribution with two content spans and
    so two gold passages, A and B; our extractor also gives two quotes, each matched alone.
  * Predictions are our quotes of kind 'speech' (scare quotes are not claims that anyone
    spoke, and PolNeAR does not annotate them).
  * A match is one-to-one with character overlap >= 50% of both the gold passage and the
    predicted one.
  * Speaker accuracy is over matched quotes whose gold source is a name or description: our
    speaker matches if its last word is among the gold source's words (up to its first
    comma) or the gold source's last word is among ours, case-insensitive (so a surname
    match counts). Gold sources that are pronouns ('he') name no one; they are scored
    separately against the nearest earlier named gold source of the article (a proxy).
Korean: scripts/data/quotes_ko_gold.tsv annotates the quotes of 8 articles of
  ../shared/data/articles/ko.jsonl by hand (article id, start of the quote, speaker); the
  articles are read from there, not copied.

Usage: python scripts/eval_quotes.py [--data DIR] [--show N]
Targets (English): precision >= 0.90, recall >= 0.85, speaker_acc >= 0.85; exit 1 if missed.
Last line: quotes_en precision=P recall=R speaker_acc=A
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

from newsbridge.document import Article
from newsbridge.quotes import RulesQuoteExtractor
from newsbridge.segment import segment

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE.parent.parent / "shared" / "data"
TARGETS = {"precision": 0.90, "recall": 0.85, "speaker_acc": 0.85}
_PASSAGE = re.compile(r"“[^”]+”|\"[^\"]+\"|''.+?''", re.S)
_PRONOUNS = {"he", "she", "they", "i", "we", "it", "him", "her", "his", "you", "them"}
_STOP = {"the", "a", "an", "of", "mr.", "mrs.", "ms.", "dr.", "former", "and", "for", "in", "at"}


def gold_passages(record: dict) -> list[dict]:
    """(start, end, source) of every quoted passage inside an attribution's content."""
    text = record["text"]
    seen: dict[tuple[int, int], dict] = {}
    for att in record["attributions"]:
        if not att["content"]:
            continue
        source = att["source"]["text"] if att["source"] else None
        for s, e in att["content"]["spans"]:
            for m in _PASSAGE.finditer(text[s:e]):
                mark = 2 if m.group(0).startswith("''") else 1
                key = (s + m.start() + mark, s + m.end() - mark)
                if text[key[0]:key[1]].strip():
                    seen.setdefault(key, {"start": key[0], "end": key[1], "source": source})
    return sorted(seen.values(), key=lambda g: g["start"])


def head_words(phrase: str) -> list[str]:
    phrase = re.split(r",|\(| -- | — ", phrase)[0]
    words = [re.sub(r"(?:'s|’s|')$", "", w.strip(".,;:")).lower() for w in phrase.split()]
    return [w for w in words if w and w not in _STOP]


def speaker_matches(predicted: str | None, gold: str, title: str | None = None) -> bool:
    """Names match by last word either way. A gold description ('the mayor') has no name:
    our speaker matches when its title holds the description's head word (we resolved 'the
    mayor' to the mayor named earlier, whose title says so)."""
    if not predicted:
        return False
    pred, ref = head_words(predicted), head_words(gold)
    if bool(pred and ref) and (pred[-1] in ref or ref[-1] in pred):
        return True
    described = gold[:1].islower() and ref
    return bool(described and title and ref[-1] in head_words(title.replace(",", " ")))


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def score_english(path: Path, show: int) -> dict[str, float]:
    extractor = RulesQuoteExtractor()
    n_pred = n_gold = n_match = 0
    named = named_ok = pron = pron_ok = 0
    aborted = 0
    shown = 0
    elapsed = 0.0
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        text = rec["text"]
        article = Article.from_paragraphs(text.split("\n\n"))
        assert article.body == text  # offsets of gold and ours are the same
        started = time.perf_counter()
        try:
            quotes = extractor.extract(segment(article, "en"), "en")
        except Exception as exc:  # noqa: BLE001 - count it, keep scoring
            aborted += 1
            print(f"ABORTED {rec['id']}: {exc!r}")
            continue
        elapsed += time.perf_counter() - started
        preds = [q for q in quotes if q.kind == "speech"]
        gold = gold_passages(rec)
        n_pred += len(preds)
        n_gold += len(gold)
        used: set[int] = set()
        last_named = None
        matched_gold: set[int] = set()
        for g in gold:
            src = g["source"]
            if src and src.lower() not in _PRONOUNS:
                g["resolved"] = src
                last_named = src
            else:
                g["resolved"] = last_named if src else None
        for gi, g in enumerate(gold):
            span = (g["start"], g["end"])
            best = None
            for pi, q in enumerate(preds):
                if pi in used:
                    continue
                ov = overlap(span, (q.start, q.end))
                if ov >= 0.5 * (span[1] - span[0]) and ov >= 0.5 * (q.end - q.start):
                    best = pi
                    break
            if best is None:
                continue
            used.add(best)
            matched_gold.add(gi)
            n_match += 1
            q = preds[best]
            src = g["source"]
            if not src:
                continue
            if src.lower() in _PRONOUNS:
                if g["resolved"]:
                    pron += 1
                    pron_ok += speaker_matches(q.speaker, g["resolved"], q.speaker_title)
                continue
            named += 1
            ok = speaker_matches(q.speaker, src, q.speaker_title)
            named_ok += ok
            if not ok and shown < show:
                shown += 1
                print(f"  speaker: {q.speaker!r} vs gold {src!r}: {q.text[:70]!r}")
        if shown < show:
            for pi, q in enumerate(preds):
                if pi not in used and shown < show:
                    shown += 1
                    print(f"  false positive: {q.text[:80]!r} ({q.speaker})")
            for gi, g in enumerate(gold):
                if gi not in matched_gold and shown < show:
                    shown += 1
                    print(f"  missed: {text[g['start']:g['end']][:80]!r} ({g['source']})")
    precision = n_match / n_pred if n_pred else 0.0
    recall = n_match / n_gold if n_gold else 0.0
    print(f"english articles: 84, aborted: {aborted}, extraction time {elapsed * 1000:.0f} ms in all")
    print(f"english gold passages: {n_gold}, predicted speech quotes: {n_pred}, matched: {n_match}")
    print(f"precision {precision:.3f}")
    print(f"recall {recall:.3f}")
    print(f"speaker_acc {named_ok / named if named else 0:.3f} ({named_ok}/{named} matched quotes with a named gold source)")
    print(f"speaker_acc_pronoun_gold {pron_ok / pron if pron else 0:.3f} ({pron_ok}/{pron}; gold 'he/she' resolved to the previous named gold source)")
    return {"precision": precision, "recall": recall, "speaker_acc": named_ok / named if named else 0.0}


def korean_speaker_matches(predicted: str | None, gold: str) -> bool:
    """Equal, or the same last word ('… 경기지부' for 경기지부)."""
    return bool(predicted) and (predicted == gold or predicted.split()[-1] == gold.split()[-1])


def score_korean(articles: Path, gold_path: Path) -> dict[str, float]:
    """Our own annotation: for each article, each speech quote's first characters and speaker."""
    records = {json.loads(l)["id"]: json.loads(l) for l in articles.read_text(encoding="utf-8").splitlines()}
    gold: dict[str, list[tuple[str, str]]] = {}
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            art_id, prefix, speaker = line.split("\t")
            gold.setdefault(art_id, []).append((prefix, speaker))
    extractor = RulesQuoteExtractor()
    n_pred = n_gold = n_match = n_speaker = 0
    for art_id, items in gold.items():
        lines = records[art_id]["text"].split("\n")
        article = segment(Article.from_paragraphs(lines), "ko")
        preds = [q for q in extractor.extract(article, "ko") if q.kind == "speech"]
        n_pred += len(preds)
        n_gold += len(items)
        used: set[int] = set()
        for prefix, speaker in items:
            hit = next((i for i, q in enumerate(preds) if i not in used and q.text.startswith(prefix)), None)
            if hit is None:
                print(f"  ko missed: {art_id} {prefix!r}")
                continue
            used.add(hit)
            n_match += 1
            if korean_speaker_matches(preds[hit].speaker, speaker):
                n_speaker += 1
            else:
                print(f"  ko speaker: {art_id} {prefix!r}: {preds[hit].speaker!r} vs gold {speaker!r}")
        for i, q in enumerate(preds):
            if i not in used:
                print(f"  ko false positive: {art_id} {q.text[:30]!r} ({q.speaker})")
    result = {"precision": n_match / n_pred if n_pred else 0.0, "recall": n_match / n_gold if n_gold else 0.0,
              "speaker_acc": n_speaker / n_match if n_match else 0.0}
    print(f"korean ({len(gold)} articles, {n_gold} gold quotes, own annotation): "
          + " ".join(f"{k}={v:.3f}" for k, v in result.items()))
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--show", type=int, default=0, help="print up to N errors")
    args = parser.parse_args()
    path = args.data / "quotes" / "polnear_dev.en.jsonl"
    if not path.is_file():
        print(f"error: {path} not found; pass --data pointing at shared/data", file=sys.stderr)
        return 2
    scores = score_english(path, args.show)
    ko = score_korean(args.data / "articles" / "ko.jsonl", HERE / "data" / "quotes_ko_gold.tsv")
    missed = [k for k, t in TARGETS.items() if scores[k] < t]
    for k in missed:
        print(f"MISSED target {k}: {scores[k]:.3f} < {TARGETS[k]}")
    print(f"quotes_ko precision={ko['precision']:.3f} recall={ko['recall']:.3f} speaker_acc={ko['speaker_acc']:.3f}")
    print("quotes_en " + " ".join(f"{k}={v:.3f}" for k, v in scores.items()))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
