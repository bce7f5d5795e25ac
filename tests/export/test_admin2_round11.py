"""ACLED's admin2: a town's district where GeoNames names one; none for province or country centroids."""

from __future__ import annotations

import csv
import json

import pytest
from click.testing import CliRunner

from lanner.cli import main
from lanner.export.acled import event_admin2


def _lookup(lat: float, lon: float, country: str, admin1: str | None) -> str | None:
    return f"district of {country} {admin1}"


def _event(**fields):
    return {"lat": 38.25, "lon": -85.76, "country": "US", "admin1": "Kentucky", "place_name": "Louisville", **fields}


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"feature": "city", "geo_precision": 1}, "district of US Kentucky"),
        ({"feature": "city", "geo_precision": 2}, "district of US Kentucky"),  # near a town: the town's district
        ({"feature": "admin2", "geo_precision": 2, "place_name": "Jefferson County"}, "Jefferson County"),
        ({"feature": "admin1", "geo_precision": 3, "place_name": "Kentucky"}, None),  # a centroid
        ({"feature": "country", "geo_precision": 3, "place_name": "United States"}, None),
        ({"feature": "region", "geo_precision": 2}, None),
        ({"feature": "city", "geo_precision": 3}, None),  # a village placed at a province's point
        ({"feature": "city", "geo_precision": 1, "lat": None, "lon": None}, None),
        ({"feature": "city", "geo_precision": 1, "country": None}, None),
    ],
)
def test_admin2_is_filled_only_where_the_point_is_a_town(fields, expected):
    assert event_admin2(_event(**fields), _lookup) == expected


ARTICLES = [
    {
        "id": "admin2-us",
        "title": "Shooting in Louisville",
        "published": "2024-03-04",
        "source": "Test Wire",
        "text": "Gunmen attacked a church in Louisville, Kentucky, on Sunday, killing two worshippers, police said.",
    },
    {
        "id": "admin2-sy",
        "title": "Clashes in Syria",
        "published": "2024-03-04",
        "source": "Test Wire",
        "text": "Syrian army troops clashed with rebels in Saraqib on Monday, killing five fighters, activists said.",
    },
    {
        "id": "admin2-ng",
        "title": "Attack in Nigeria",
        "published": "2024-03-04",
        "source": "Test Wire",
        "text": "Boko Haram fighters attacked Nigerian soldiers in Borno state on Tuesday, killing six soldiers.",
    },
]


@pytest.mark.model
def test_the_cli_acled_export_fills_admin2_for_towns_only(pipeline, gazetteer_cache, tmp_path):
    from lanner.api import ingest
    from lanner.store import open_store

    corpus = tmp_path / "articles.jsonl"
    corpus.write_text("".join(json.dumps(article) + "\n" for article in ARTICLES), encoding="utf-8")
    database = tmp_path / "admin2.db"
    with open_store(database) as store:
        ingest([corpus], store, pipeline=pipeline)
    target = tmp_path / "acled.csv"
    result = CliRunner().invoke(
        main, ["export", "--db", str(database), "-o", str(target)], env={"LANNER_CACHE_DIR": str(gazetteer_cache)}
    )
    assert result.exit_code == 0, result.output
    rows = {row["location"]: row for row in csv.DictReader(target.open(encoding="utf-8"))}
    assert rows["Louisville"]["geo_precision"] == "1" and rows["Louisville"]["admin2"] == "Jefferson County"
    assert rows["Saraqib"]["admin2"] == ""  # GeoNames names no Syrian district
    assert rows["Borno"]["geo_precision"] == "3" and rows["Borno"]["admin2"] == ""  # a state's centroid
    assert all(row["admin3"] == "" for row in rows.values())
