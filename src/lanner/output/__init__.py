"""Rendering: analyses and stored events as JSON, JSON Lines, CSV, GeoJSON or a readable table."""

from lanner.output.render import (
    EVENT_FORMATS,
    EXTRACT_FORMATS,
    event_rows_to_csv,
    event_rows_to_geojson,
    event_rows_to_table,
    extraction_csv_rows,
    safe_cell,
    write_extractions,
)

__all__ = [
    "EVENT_FORMATS",
    "EXTRACT_FORMATS",
    "event_rows_to_csv",
    "event_rows_to_geojson",
    "event_rows_to_table",
    "extraction_csv_rows",
    "safe_cell",
    "write_extractions",
]
