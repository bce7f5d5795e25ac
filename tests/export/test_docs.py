"""Every export column is documented in docs/export.md, in the order the export writes it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lanner.export import ACLED_COLUMNS, NATIVE_COLUMNS
from lanner.store import EventQuery, open_store

DOCS = Path(__file__).resolve().parents[2] / "docs" / "export.md"


def _documented(heading: str) -> list[tuple[str, str]]:
    text = DOCS.read_text(encoding="utf-8")
    section = text.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\| `([a-z0-9_]+)` \| (.*?) \|$", section, flags=re.MULTILINE)


@pytest.mark.parametrize(
    ("heading", "columns"), [("ACLED layout columns", ACLED_COLUMNS), ("Native layout columns", NATIVE_COLUMNS)]
)
def test_every_column_is_documented_in_order(heading, columns):
    documented = _documented(heading)
    assert [name for name, _ in documented] == [column.name for column in columns]
    assert all(len(description.strip()) > 3 for _, description in documented)


@pytest.mark.model
def test_every_field_the_store_gives_is_a_documented_native_column(export_db):
    documented = {name for name, _ in _documented("Native layout columns")}
    with open_store(export_db) as store:
        fields = {key for row in store.events(EventQuery(factuality=(), near=(2.04, 45.34, 20000))) for key in row}
    assert fields and fields <= documented, sorted(fields - documented)
