"""`lanner export`: stored events in the field's layouts (ACLED's columns, or Lanner's own) and formats.

A file is written under a temporary name in its folder and renamed when complete, so an export that
fails leaves no half-written file behind (and an earlier file of that name untouched).
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import IO, Any

from lanner.errors import Code, LannerError
from lanner.export.acled import AcledMapper, DocumentFacts
from lanner.export.columns import ACLED_COLUMNS, LAYOUTS, NATIVE_COLUMNS, Column
from lanner.export.writers import BINARY_FORMATS, FORMATS, write_csv, write_geojson, write_jsonl, write_parquet
from lanner.store import EventQuery, Store

CHUNK_EVENTS = 1_000
COORDINATES = {"acled": ("latitude", "longitude"), "native": ("lat", "lon")}


@dataclass
class ExportSummary:
    events: int = 0  # stored events that matched the filters
    rows: int = 0  # rows written (monadic ACLED rows can be two per event)
    without_acled_type: int = 0  # verbal events, which the ACLED layout leaves out
    path: str | None = None


def columns_for(layout: str, query: EventQuery) -> tuple[Column, ...]:
    """The layout's columns; the native layout has `distance_km` only when filtering `near` a point."""
    if layout == "native" and query.near is None:
        return tuple(column for column in NATIVE_COLUMNS if column.name != "distance_km")
    return LAYOUTS[layout]


def check_choice(layout: str, fmt: str, path: str | Path | None) -> None:
    if layout not in LAYOUTS:
        raise LannerError(Code.BAD_ARGUMENT, f"unknown layout {layout!r}; one of {', '.join(LAYOUTS)}")
    if fmt not in FORMATS:
        raise LannerError(Code.UNKNOWN_FORMAT, f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}")
    if fmt in BINARY_FORMATS and path is None:
        raise LannerError(Code.BAD_ARGUMENT, f"{fmt} is a binary format: give an output file (-o FILE)")


def _chunks(rows: Iterable[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, CHUNK_EVENTS)):
        yield chunk


def acled_rows(
    store: Store, events: Iterable[dict[str, Any]], summary: ExportSummary, *, monadic: bool, mapper: AcledMapper
) -> Iterator[dict[str, Any]]:
    """ACLED rows for stored events, looking up their actors and documents a chunk at a time."""
    from lanner.store.read import actors_by_id, documents_by_id

    for chunk in _chunks(events):
        actor_ids = [actor_id for event in chunk for actor_id in [*event["source"], *event["target"]]]
        actors = actors_by_id(store, actor_ids)
        documents = {
            key: DocumentFacts(found.get("source"), found.get("url"), found.get("processed_at"))
            for key, found in documents_by_id(store, [event["document_id"] for event in chunk]).items()
        }
        for event in chunk:
            summary.events += 1
            rows = mapper.rows(event, actors, documents.get(event["document_id"]), monadic=monadic)
            if not rows:
                summary.without_acled_type += 1
            yield from rows


def native_rows(events: Iterable[dict[str, Any]], summary: ExportSummary) -> Iterator[dict[str, Any]]:
    for event in events:
        summary.events += 1
        yield event


def export_events(
    store: Store,
    query: EventQuery,
    *,
    layout: str = "acled",
    fmt: str = "csv",
    out: IO[str] | None = None,
    path: str | Path | None = None,
    monadic: bool = False,
    mapper: AcledMapper | None = None,
) -> ExportSummary:
    """Write the events `query` selects to `path` (atomically) or, for text formats, to the stream `out`."""
    check_choice(layout, fmt, path)
    if path is None and out is None:
        raise LannerError(Code.BAD_ARGUMENT, "give an output file or stream")
    summary = ExportSummary(path=str(path) if path is not None else None)
    columns = columns_for(layout, query)
    events = store.events(query)
    if layout == "acled":
        rows = acled_rows(store, events, summary, monadic=monadic, mapper=mapper or AcledMapper.load())
    else:
        rows = native_rows(events, summary)
    lat_lon = COORDINATES[layout]
    if fmt in BINARY_FORMATS:
        assert path is not None
        with _atomic_path(Path(path)) as temporary:
            geometry = lat_lon if fmt == "geoparquet" else None
            summary.rows = write_parquet(rows, columns, temporary, geometry_from=geometry)
        return summary
    if path is not None:
        with _atomic_path(Path(path)) as temporary, temporary.open("w", encoding="utf-8", newline="") as stream:
            summary.rows = _write_text(rows, columns, fmt, stream, lat_lon)
    else:
        assert out is not None
        summary.rows = _write_text(rows, columns, fmt, out, lat_lon)
    return summary


def _write_text(
    rows: Iterable[dict[str, Any]], columns: tuple[Column, ...], fmt: str, out: IO[str], lat_lon: tuple[str, str]
) -> int:
    if fmt == "csv":
        return write_csv(rows, columns, out)
    if fmt == "jsonl":
        return write_jsonl(rows, columns, out)
    return write_geojson(rows, columns, out, lat=lat_lon[0], lon=lat_lon[1])


@contextmanager
def _atomic_path(target: Path) -> Iterator[Path]:
    """A temporary path beside `target`, renamed onto it on success and removed on any failure."""
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise LannerError(Code.BAD_ARGUMENT, f"cannot write {target}: folder {folder} does not exist")
    temporary = folder / f".{target.name}.{secrets.token_hex(6)}.part"
    try:
        temporary.open("x").close()  # created like any new file, so the umask sets its mode
    except OSError as error:
        raise LannerError(Code.BAD_ARGUMENT, f"cannot write {target}: {error.strerror}") from error
    try:
        yield temporary
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


__all__ = ["ACLED_COLUMNS", "NATIVE_COLUMNS", "ExportSummary", "columns_for", "export_events"]
