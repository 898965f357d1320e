"""The pasted-page corpus (tests/fixtures/pages): 216 layouts of English and Korean news sites.

Every page must come out with its expected title, byline, captions, exact body paragraphs
and metadata. heldout/ was written before the last rule change and is never used to tune the
rules; tuned/ is what they were developed on (scripts/eval_clean.py scores both).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from newsbridge.clean import clean_text

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("eval_clean", ROOT / "scripts" / "eval_clean.py")
eval_clean = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(eval_clean)

# Pages the current rules get wrong (scripts/eval_clean.py --show-errors): held-out pages stay
# wrong here rather than be fixed by tuning on them (fixing one makes it a tuned page, after a
# new held-out set has been written); a tuned page is listed when its layout was not solved.
KNOWN_MISSES = {
    "heldout/en-uk-paper-sovereign": "captions with ' Credit: …' after a sentence with no full stop are missed",
    "heldout/en-my-daily-malacca": "a caption above the lede is missed, a WhatsApp-channel promo is taken as body, and the "
                                   "publisher is read from the company's notice",
    "heldout/en-us-business-marketdesk": "a box of key points above the story is taken as body",
    "heldout/ko-daily-dongbang": "a caption is missed and the publisher is read from the web address",
    "heldout/ko-progressive-solbit": "the publisher is read from the company's English notice",
    "tuned/en-ke-daily-savanna": "a caption with no credit, standing as a sentence above the lede, is taken as body",
    "tuned/en-sg-broadcaster-mna": "the masthead 'MNA' shares nothing with the notice's company 'Merlion Media'",
    "tuned/en-uk-tabloid-beacon": "a caption with no credit after a gallery's '+2 / View gallery' is missed, and a "
                                  "fact box after the article ('WHAT IS DEMENTIA?' and its sentences) is taken as body",
    "tuned/en-ca-paper-cascade": "'Article content' lines and numbered advertisement blocks are taken as body; the "
                                 "masthead is missed",
    "tuned/en-us-digital-hubbub": "numbered tip headings are taken as body and the captions under 'Open Image Modal' "
                                  "are missed",
    "tuned/en-ae-daily-dhow": "a one-word dateline before a colon ('Dubai: ') is missed",
    "tuned/ko-farm-handeul": "a caption with a '논산=이름 기자' credit is missed",
    "tuned/en-au-public-scbs": "the lede under the deck and 'Image: … Source: AAP' credits are taken wrong; the "
                               "masthead 'SCBS News' is cut to 'SCBS'",
    "tuned/en-nz-public-rimu": "the funding note ('LDR is local body journalism co-funded by …') is taken as body; the "
                               "publisher is read from the notice",
    "tuned/en-us-metro-puget": "the project note ('Traffic Lab is a … project') is taken as body",
    "tuned/en-uk-regional-coastline": "the comment rules under the story are taken as body; the publisher is read "
                                      "from 'Copyright 2001-2026'",
    "tuned/ko-daily-hanui": "the publisher is read from the English notice ('Hanui Ilbo 신문사')",
    "tuned/ko-economy-moneytomorrow": "the series label is taken for the title and the '[편집자주]' note as body",
    "tuned/ko-online-hotpick": "a caption whose credit is a community name ('온라인 커뮤니티') is missed",
}


def _param(split: str, name: str, text: str, want: dict) -> object:
    page = f"{split}/{name}"
    marks = [pytest.mark.xfail(reason=KNOWN_MISSES[page], strict=True)] if page in KNOWN_MISSES else []
    return pytest.param(text, want, id=page, marks=marks)


PAGES = [_param(split, name, text, want)
         for split in eval_clean.SPLITS for name, text, want in eval_clean.load(split)]


def test_the_corpus_has_both_halves_in_both_languages():
    for split in eval_clean.SPLITS:
        names = [name for name, _, _ in eval_clean.load(split)]
        assert len(names) >= 12
        assert sum(n.startswith("en-") for n in names) == sum(n.startswith("ko-") for n in names)
    assert set(KNOWN_MISSES) <= {f"{split}/{name}" for split in eval_clean.SPLITS for name, _, _ in eval_clean.load(split)}


@pytest.mark.parametrize("text, want", PAGES)
def test_page(text, want):
    results = eval_clean.check(clean_text(text), want)
    wrong = {field: (got, expected) for field, (ok, got, expected) in results.items() if not ok}
    assert not wrong, "\n".join(f"{f}: got {g!r}, expected {e!r}" for f, (g, e) in wrong.items())


@pytest.mark.parametrize("text, want", [pytest.param(*p.values, id=p.id) for p in PAGES])
def test_body_paragraphs_are_lines_of_the_page_unchanged(text, want):
    art = clean_text(text)
    page_lines = " ".join(text.split())
    for p in art.paragraphs:
        assert " ".join(p.text.split()) in page_lines
