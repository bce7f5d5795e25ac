"""Helpers for the read-stage tests: the hand-made fixtures and a way to split results by kind."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from lanner.errors import InputError
from lanner.records import Article

Split = Callable[[Iterable[Article | InputError]], tuple[list[Article], list[InputError]]]


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return Path(__file__).resolve().parents[1] / "fixtures" / "ingest"


def _split(items: Iterable[Article | InputError]) -> tuple[list[Article], list[InputError]]:
    articles: list[Article] = []
    errors: list[InputError] = []
    for item in items:
        if isinstance(item, Article):
            articles.append(item)
        else:
            errors.append(item)
    return articles, errors


@pytest.fixture(scope="session")
def split() -> Split:
    """Articles and errors apart, each in the order read."""
    return _split
