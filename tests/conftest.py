"""Shared fixtures. The trained spaCy pipeline is slow to load, so it is loaded once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"


@pytest.fixture(scope="session")
def nlp():
    from lanner.nlp import load_language

    return load_language()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    return SHARED.resolve()
