"""`import lanner; lanner.open(path).events(...)`: lazy results, plain dicts, pandas, and clear filter errors."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

import lanner
from lanner.errors import LannerError

pytestmark = pytest.mark.model


def test_the_issue_example_gives_a_dataframe_of_iraqi_events(export_db):
    import pandas as pd

    db = lanner.open(str(export_db))
    try:
        df = db.events(country="IQ", since="2017-01-01").to_pandas()
    finally:
        db.close()
    assert len(df) > 0 and set(df["country"]) == {"IQ"}
    assert set(df["factuality"]) == {"asserted"}
    assert pd.api.types.is_datetime64_any_dtype(df["date_start"])
    assert (df["date_end"] >= pd.Timestamp("2017-01-01")).all()
    assert {"evidence_text", "source", "target", "document_title"} <= set(df.columns)


def test_results_iterate_as_plain_dicts_and_count(export_db):
    with lanner.open(export_db) as db:
        result = db.events(type="ASSAULT", factuality="all")
        rows = list(result)
        assert len(result) == len(rows) == len(result.to_records()) > 0
        assert all(type(row) is dict and row["type"] == "ASSAULT" for row in rows)
        rows[0]["type"] = "changed"  # callers get copies: the result itself does not change
        assert next(iter(result))["type"] == "ASSAULT"
        everything = db.events(factuality="all")
        asserted = db.events()
        assert len(everything) > len(asserted)
        assert len(db.events(factuality=["negated", "future"])) == len(everything) - len(asserted) - sum(
            1 for row in everything if row["factuality"] not in ("asserted", "negated", "future")
        )
        near_mogadishu = list(db.events(near=(2.04, 45.34, 50)))
        assert near_mogadishu and all(row["distance_km"] <= 50 for row in near_mogadishu)
        assert len(db.events(since=date(2030, 1, 1))) == 0
        assert len(db.events(limit=2)) == 2


@pytest.mark.parametrize(
    ("filters", "code", "words"),
    [
        ({"contry": "IQ"}, "E501", "unknown filter(s) contry"),
        ({"since": "last tuesday"}, "E110", "since='last tuesday' is not a date"),
        ({"type": "BOMBING"}, "E501", "unknown type(s) BOMBING"),
        ({"factuality": "maybe"}, "E501", "factuality maybe"),
        ({"country": "Iraq"}, "E501", "alpha-2"),
        ({"near": (95, 0, 10)}, "E501", "latitude"),
        ({"limit": 0}, "E501", "limit=0"),
        ({"since": "2020-01-01", "until": "2019-01-01"}, "E501", "after until"),
    ],
)
def test_bad_filters_are_refused_before_any_query(export_db, filters, code, words):
    with lanner.open(export_db) as db, pytest.raises(LannerError) as caught:
        db.events(**filters)
    assert caught.value.code.value == code and words in caught.value.message


def test_a_missing_database_is_an_error_not_a_new_empty_file(tmp_path):
    with pytest.raises(LannerError) as caught:
        lanner.open(tmp_path / "nothing.db")
    assert caught.value.code.value == "E109"
    assert not (tmp_path / "nothing.db").exists()


def test_import_lanner_stays_light():
    heavy = "('pandas', 'sqlalchemy', 'pyarrow', 'spacy')"
    code = f"import sys, lanner; print(sorted(m for m in {heavy} if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
