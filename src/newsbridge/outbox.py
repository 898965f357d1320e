"""Writing the outbox to files: JSON Lines records appended once, Markdown files replaced whole.

Whichever run gets there first writes a committed result, holding the outbox lock (state.py),
so two runs never write the same record; a record whose writer died mid-way is looked for in
its file before it is appended again.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .state import WRITING, WRITTEN, State


def atomic_write(path: Path, text: str) -> None:
    """Replace `path` whole (temp file + rename): a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.replace(tmp, path)


def _holds(path: Path, record: str) -> bool:
    """Whether a JSON Lines file already holds this record; drops a torn last line."""
    if not path.exists():
        return False
    data = path.read_bytes()
    if data and not data.endswith(b"\n"):  # a crash in the middle of an append
        data = data[: data.rfind(b"\n") + 1]
        atomic_write(path, data.decode("utf-8"))
    return record.encode("utf-8") in data.split(b"\n")


def flush_outbox(state: State) -> int:
    """Write every committed-but-unwritten result to its files (this run's, another live
    run's, or a killed run's); returns how many.

    The outbox lock makes this one writer at a time. A row marked as being written was left
    by a writer that died in the middle: its record may be in the file already, so look first.
    """
    count = 0
    with state.writing_outbox() as rows:
        for row in rows:
            state.mark(row.id, WRITING)
            if row.markdown is not None:
                atomic_write(row.markdown, row.markdown_text)
            if not (row.interrupted and _holds(row.jsonl, row.record)):
                row.jsonl.parent.mkdir(parents=True, exist_ok=True)
                with row.jsonl.open("a", encoding="utf-8") as fh:
                    fh.write(row.record + "\n")
            state.mark(row.id, WRITTEN)
            count += 1
    return count
