"""Shared fixtures: article pages written for these tests (fictional people and places)."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).parent.parent


def read_fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def en_page() -> str:
    return (ROOT / "examples" / "pasted-page.en.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def ko_page() -> str:
    return (ROOT / "examples" / "pasted-page.ko.txt").read_text(encoding="utf-8")
