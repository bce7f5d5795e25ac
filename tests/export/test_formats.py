"""Every format reads back as what was exported: Parquet typed, GeoParquet per its 1.0 spec, files atomic."""

from __future__ import annotations

import io
import json
import struct
from datetime import date

import pytest

from lanner.errors import LannerError
from lanner.export import export_events
from lanner.export.acled import AcledMapper
from lanner.store import EventQuery, open_store

pytestmark = pytest.mark.model
EVERYTHING = EventQuery(factuality=())


def _to_file(db, path, **options) -> object:
    with open_store(db) as store:
        return export_events(store, options.pop("query", EVERYTHING), path=path, **options)


def _decode_wkb_point(blob: bytes) -> tuple[float, float]:
    order, kind = blob[0], struct.unpack("<I" if blob[0] == 1 else ">I", blob[1:5])[0]
    assert order == 1 and kind == 1, "little-endian WKB Point"
    x, y = struct.unpack("<dd", blob[5:21])
    return x, y


def test_parquet_keeps_acled_columns_typed(export_db, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    summary = _to_file(export_db, tmp_path / "acled.parquet", layout="acled", fmt="parquet")
    table = pq.read_table(tmp_path / "acled.parquet")
    assert table.num_rows == summary.rows > 0 and len(table.column_names) == 31
    assert table.schema.field("event_date").type == pa.date32()
    assert table.schema.field("fatalities").type == pa.int64()
    assert table.schema.field("latitude").type == pa.float64()
    rows = table.to_pylist()
    kabul = next(row for row in rows if "checkpoint in Kabul" in row["notes"])
    assert kabul["event_date"] == date(2018, 4, 22) and kabul["fatalities"] == 15 and kabul["iso"] == 4


def test_native_parquet_has_lists_and_dates(export_db, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    _to_file(export_db, tmp_path / "native.parquet", layout="native", fmt="parquet")
    table = pq.read_table(tmp_path / "native.parquet")
    assert table.schema.field("source").type == pa.list_(pa.string())
    assert table.schema.field("date_start").type == pa.date32()
    with open_store(export_db) as store:
        stored = {row["id"]: row for row in store.events(EVERYTHING)}
    assert {row["id"] for row in table.to_pylist()} == set(stored)
    for row in table.to_pylist():
        assert row["source"] == stored[row["id"]]["source"] and row["target"] == stored[row["id"]]["target"]


@pytest.mark.parametrize("layout", ["acled", "native"])
def test_geoparquet_metadata_and_points_follow_the_spec(export_db, tmp_path, layout):
    import pyarrow.parquet as pq

    path = tmp_path / f"{layout}.geoparquet"
    summary = _to_file(export_db, path, layout=layout, fmt="geoparquet")
    geo = json.loads(pq.read_schema(path).metadata[b"geo"])
    assert geo["version"] == "1.0.0" and geo["primary_column"] == "geometry"
    column = geo["columns"]["geometry"]
    assert column["encoding"] == "WKB" and column["geometry_types"] == ["Point"] and "crs" not in column
    table = pq.read_table(path)
    assert table.num_rows == summary.rows
    lat, lon = ("latitude", "longitude") if layout == "acled" else ("lat", "lon")
    points = 0
    west, south, east, north = column["bbox"]
    for row in table.to_pylist():
        if row[lat] is None:
            assert row["geometry"] is None
            continue
        x, y = _decode_wkb_point(row["geometry"])
        assert (x, y) == (row[lon], row[lat])
        assert west <= x <= east and south <= y <= north
        points += 1
    assert points > 0
    if layout == "native":  # events without a place are kept, with a null geometry
        assert points < table.num_rows


def test_geojson_features_carry_the_columns(export_db):
    out = io.StringIO()
    with open_store(export_db) as store:
        summary = export_events(store, EventQuery(), layout="acled", fmt="geojson", out=out)
    collection = json.loads(out.getvalue())
    assert collection["type"] == "FeatureCollection" and len(collection["features"]) == summary.rows
    located = [f for f in collection["features"] if f["geometry"]]
    assert located
    for feature in located:
        assert feature["geometry"]["type"] == "Point"
        assert "latitude" not in feature["properties"] and "event_id_cnty" in feature["properties"]


def test_native_jsonl_is_what_lanner_events_gives(export_db):
    out = io.StringIO()
    with open_store(export_db) as store:
        export_events(store, EVERYTHING, layout="native", fmt="jsonl", out=out)
        stored = list(store.events(EVERYTHING))
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [line["id"] for line in lines] == [row["id"] for row in stored]
    for line, row in zip(lines, stored, strict=True):
        assert line == {key: line[key] for key in row if key in line}
        assert line["evidence_text"] == row["evidence_text"] and line["context"] == row["context"]


def test_binary_formats_need_a_file(export_db):
    with open_store(export_db) as store, pytest.raises(LannerError) as caught:
        export_events(store, EventQuery(), layout="acled", fmt="parquet", out=io.StringIO())
    assert caught.value.code.value == "E501" and "-o" in caught.value.message


class _FailingMapper(AcledMapper):
    """The real mapper, failing after a few events, as a crash in the middle of a long export would."""

    def __init__(self, real: AcledMapper, fail_after: int) -> None:
        super().__init__(real.countries, real.known_actors)
        self.left = fail_after

    def rows(self, *args, **kwargs):
        self.left -= 1
        if self.left < 0:
            raise OSError("disk gone")
        return super().rows(*args, **kwargs)


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_a_failed_export_leaves_the_old_file_and_no_partial_one(export_db, tmp_path, fmt):
    target = tmp_path / f"events.{fmt}"
    target.write_bytes(b"the previous export")
    mapper = _FailingMapper(AcledMapper.load(), fail_after=3)
    with pytest.raises(OSError, match="disk gone"):
        _to_file(export_db, target, layout="acled", fmt=fmt, mapper=mapper)
    assert target.read_bytes() == b"the previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]
    _to_file(export_db, target, layout="acled", fmt=fmt)  # and a good run replaces it
    assert target.read_bytes() != b"the previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]
