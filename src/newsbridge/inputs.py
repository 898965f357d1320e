"""Checking what users hand us before any stage sees it: empty, binary, undecodable, huge."""

from __future__ import annotations

import sys
from pathlib import Path

from .errors import InputError, InputTooLarge

# Control characters that never occur in text (tab, newline, carriage return, form feed do).
_CONTROL = {chr(c) for c in range(32) if chr(c) not in "\t\n\r\f\v"} | {"\x7f"}


def check_text(text: object, max_chars: int) -> str:
    """Return `text` if it is a non-empty article-sized string, else raise InputError."""
    if isinstance(text, (bytes, bytearray)):
        text = decode(bytes(text))
    if not isinstance(text, str):
        raise InputError(f"expected text (str), got {type(text).__name__}")
    if len(text) > max_chars:
        raise too_long("input", len(text), max_chars)
    if not text.strip():
        raise InputError("input is empty: give the article text or HTML")
    sample = text[:20000]
    controls = sum(ch in _CONTROL for ch in sample)
    if "\x00" in sample or controls > max(8, len(sample) // 100):
        raise InputError("input looks binary (control characters), not article text or HTML")
    return text.lstrip("\ufeff")


def too_long(what: str, chars: int, limit: int, setting: str = "max_chars") -> InputTooLarge:
    """The error for `what` ('input', 'the HTML page'...) of `chars` characters over `limit`."""
    return InputTooLarge(f"{what} has {chars:,} characters, over the limit of {limit:,}; "
                         f"send one article at a time or raise [limits] {setting} in the config")


def decode(data: bytes) -> str:
    """Decode UTF-8 bytes (a BOM is allowed), with a clear error for anything else."""
    if b"\x00" in data[:20000]:
        raise InputError("input looks binary (NUL bytes), not article text or HTML")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"input is not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it to UTF-8 first, e.g. with iconv"
        ) from None


def read_input(source: str, max_chars: int) -> str:
    """Read a file path, or standard input for '-', as checked UTF-8 text."""
    # Read at most 4 bytes per allowed character (+1 to notice more) so that a multi-GB
    # file is refused without being loaded.
    limit = max_chars * 4 + 1
    if source == "-":
        data = sys.stdin.buffer.read(limit)
    else:
        path = Path(source)
        if path.is_dir():
            raise InputError(f"{source} is a directory; give an article file or - for stdin")
        try:
            with path.open("rb") as fh:
                data = fh.read(limit)
        except FileNotFoundError:
            raise InputError(f"no such file: {source}") from None
        except OSError as exc:
            raise InputError(f"cannot read {source}: {exc.strerror}") from None
    if len(data) >= limit:
        raise InputTooLarge(
            f"input is over {limit - 1:,} bytes; the limit is {max_chars:,} characters "
            "([limits] max_chars in the config)"
        )
    return check_text(decode(data), max_chars)
