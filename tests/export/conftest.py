"""A database built the way users build one: the example articles ingested through the real pipeline,
plus one article whose source and title a spreadsheet would run as formulas."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
FORMULA_SOURCE = '=HYPERLINK("http://example.invalid","x")'
FORMULA_ARTICLE = {
    "id": "formula-1",
    "title": "@SUM(A1:A9) gunmen attack convoy",
    "url": "https://example.org/news/kunduz-convoy",
    "published": "2016-05-03",
    "source": FORMULA_SOURCE,
    "text": "Taliban fighters attacked an army convoy near Kunduz on Monday, killing four soldiers, officials said.",
}


@pytest.fixture(scope="session")
def formula_source() -> str:
    return FORMULA_SOURCE


@pytest.fixture(scope="session")
def export_db(pipeline, tmp_path_factory) -> Path:
    from lanner.api import ingest
    from lanner.store import open_store

    folder = tmp_path_factory.mktemp("export")
    extra = folder / "formula.jsonl"
    extra.write_text(json.dumps(FORMULA_ARTICLE) + "\n", encoding="utf-8")
    path = folder / "lanner.db"
    with open_store(path) as store:
        summary = ingest([EXAMPLES / "news", extra], store, pipeline=pipeline)
    assert summary.articles_processed == 7 and not summary.errors
    return path
