"""Shared fixtures: article pages written for these tests (fictional people and places)."""

from __future__ import annotations

import importlib.util
import os
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


@pytest.fixture(scope="session")
def tiny_models() -> dict[str, Path]:
    """Tiny random-weight models built once from shared data text (scripts/build_tiny_models.py),
    kept in a cache folder between runs ($NEWSBRIDGE_TEST_MODELS to choose it)."""
    spec = importlib.util.spec_from_file_location("build_tiny_models", ROOT / "scripts" / "build_tiny_models.py")
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    out = Path(os.environ.get("NEWSBRIDGE_TEST_MODELS", Path.home() / ".cache" / "newsbridge" / "tiny-models"))
    return builder.build_all(out)
