"""Writers for each export format. Rows in, bytes out; they stream, so an export's size is not bounded by memory.

CSV escapes cells a spreadsheet would run as formulas (`lanner.output.safe_cell`). Parquet and GeoParquet
carry typed columns (dates as dates, counts as integers); GeoParquet adds a WKB point geometry column and
the "geo" file metadata of the GeoParquet 1.0 specification.
"""

from __future__ import annotations

import csv
import json
import struct
from collections.abc import Iterable, Iterator
from datetime import date
from itertools import islice
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from lanner.export.columns import Column
from lanner.output.render import safe_cell

if TYPE_CHECKING:
    import pyarrow as pa

TEXT_FORMATS = ("csv", "jsonl", "geojson")
BINARY_FORMATS = ("parquet", "geoparquet")
FORMATS = TEXT_FORMATS + BINARY_FORMATS
GEOPARQUET_VERSION = "1.0.0"
GEOMETRY_COLUMN = "geometry"
BATCH_ROWS = 5_000


def _json_default(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def _ordered(row: dict[str, Any], columns: tuple[Column, ...]) -> dict[str, Any]:
    return {column.name: row.get(column.name) for column in columns}


def write_csv(rows: Iterable[dict[str, Any]], columns: tuple[Column, ...], out: IO[str]) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([column.name for column in columns])
    count = 0
    for row in rows:
        writer.writerow([_csv_value(row.get(column.name)) for column in columns])
        count += 1
    return count


def _csv_value(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    return safe_cell(value)


def write_jsonl(rows: Iterable[dict[str, Any]], columns: tuple[Column, ...], out: IO[str]) -> int:
    count = 0
    for row in rows:
        out.write(json.dumps(_ordered(row, columns), ensure_ascii=False, default=_json_default) + "\n")
        count += 1
    return count


def write_geojson(
    rows: Iterable[dict[str, Any]], columns: tuple[Column, ...], out: IO[str], *, lat: str, lon: str
) -> int:
    """A FeatureCollection, written feature by feature; a row without coordinates has a null geometry."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    count = 0
    for row in rows:
        properties = {name: value for name, value in _ordered(row, columns).items() if name not in (lat, lon)}
        y, x = row.get(lat), row.get(lon)
        geometry = {"type": "Point", "coordinates": [x, y]} if x is not None and y is not None else None
        feature = {"type": "Feature", "geometry": geometry, "properties": properties}
        out.write((",\n" if count else "") + json.dumps(feature, ensure_ascii=False, default=_json_default))
        count += 1
    out.write("\n]}\n")
    return count


def arrow_schema(columns: tuple[Column, ...]) -> pa.Schema:
    import pyarrow as pa

    types = {
        "string": pa.string(),
        "int": pa.int64(),
        "float": pa.float64(),
        "date": pa.date32(),
        "strings": pa.list_(pa.string()),
    }
    return pa.schema([pa.field(column.name, types[column.kind]) for column in columns])


def _arrow_value(column: Column, value: Any) -> Any:
    if value is None:
        return None
    if column.kind == "date":
        return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
    if column.kind == "strings":
        return [str(item) for item in value]
    if column.kind == "int":
        return int(value)
    if column.kind == "float":
        return float(value)
    return str(value)


def wkb_point(x: float, y: float) -> bytes:
    """A 2D point as little-endian ISO WKB: byte order 1, geometry type 1 (Point), then x and y."""
    return struct.pack("<BIdd", 1, 1, x, y)


def _batches(rows: Iterable[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    iterator = iter(rows)
    while batch := list(islice(iterator, BATCH_ROWS)):
        yield batch


def write_parquet(
    rows: Iterable[dict[str, Any]],
    columns: tuple[Column, ...],
    path: Path,
    *,
    geometry_from: tuple[str, str] | None = None,
) -> int:
    """Parquet, or GeoParquet when `geometry_from` names the (latitude, longitude) columns."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = arrow_schema(columns)
    if geometry_from is not None:
        schema = schema.append(pa.field(GEOMETRY_COLUMN, pa.binary()))
    count = 0
    bounds: list[float] = []  # min x, min y, max x, max y of the points written so far
    # GeoParquet's "geo" metadata (with its bbox) is added once every point is known; pyarrow's own copy of
    # the schema is left out so that readers see that one metadata, not a stale copy.
    with pq.ParquetWriter(str(path), schema, store_schema=geometry_from is None) as writer:
        for batch in _batches(rows):
            data: dict[str, list[Any]] = {
                column.name: [_arrow_value(column, row.get(column.name)) for row in batch] for column in columns
            }
            if geometry_from is not None:
                data[GEOMETRY_COLUMN] = [_point(row, *geometry_from, bounds) for row in batch]
            writer.write_table(pa.Table.from_pydict(data, schema=schema))
            count += len(batch)
        if count == 0:
            writer.write_table(schema.empty_table())
        if geometry_from is not None:
            writer.add_key_value_metadata({"geo": json.dumps(geo_metadata(bounds or None))})
    return count


def _point(row: dict[str, Any], lat: str, lon: str, bounds: list[float]) -> bytes | None:
    """The row's WKB point, widening `bounds` to hold it; None for a row without coordinates."""
    if row.get(lat) is None or row.get(lon) is None:
        return None
    x, y = float(row[lon]), float(row[lat])
    if bounds:
        bounds[:] = [min(bounds[0], x), min(bounds[1], y), max(bounds[2], x), max(bounds[3], y)]
    else:
        bounds[:] = [x, y, x, y]
    return wkb_point(x, y)


def geo_metadata(bbox: list[float] | None = None) -> dict[str, Any]:
    """GeoParquet 1.0 file metadata: one WKB point column in longitude/latitude (no "crs": OGC:CRS84, the default)."""
    column: dict[str, Any] = {"encoding": "WKB", "geometry_types": ["Point"]}
    if bbox:
        column["bbox"] = bbox
    return {"version": GEOPARQUET_VERSION, "primary_column": GEOMETRY_COLUMN, "columns": {GEOMETRY_COLUMN: column}}
