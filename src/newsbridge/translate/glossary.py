"""Glossaries: names and terms with their agreed translation, from TSV files editors extend.

Each line: English term <TAB> Korean term [<TAB> note]; '#' starts a comment. The packaged
files in configs/glossary/ are read first, then the user's file ([translate] glossary), whose
entries win.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..config import config_dir
from ..errors import ConfigError


@dataclass(frozen=True)
class Glossary:
    """Term pairs, looked up by translation direction."""

    pairs: tuple[tuple[str, str], ...] = ()  # (english, korean)

    def terms(self, source: str, target: str) -> dict[str, str]:
        """{source term: target term} for one direction."""
        if (source, target) == ("en", "ko"):
            return {en: ko for en, ko in self.pairs}
        if (source, target) == ("ko", "en"):
            return {ko: en for en, ko in self.pairs}
        return {}


def read_tsv(path: Path) -> list[tuple[str, str]]:
    """The term pairs of one glossary file, with a clear error for a malformed line."""
    pairs = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ConfigError(f"cannot read glossary {path}: {exc.strerror}") from None
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < 2 or not fields[0].strip() or not fields[1].strip():
            raise ConfigError(f"glossary {path}, line {number}: expected 'English<TAB>Korean[<TAB>note]'")
        pairs.append((fields[0].strip(), fields[1].strip()))
    return pairs


def load_glossary(user_file: str = "") -> Glossary:
    """The packaged glossaries with the user's file laid over them."""
    merged: dict[str, str] = {}
    files = sorted((config_dir() / "glossary").glob("*.tsv"))
    if user_file:
        files.append(Path(user_file).expanduser())
    for path in files:
        for en, ko in read_tsv(path):
            merged[en] = ko
    return Glossary(tuple(merged.items()))
