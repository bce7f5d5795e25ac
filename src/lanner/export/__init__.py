"""Exports of stored events: ACLED's 31 columns or Lanner's own fields, as CSV, JSON Lines, GeoJSON,
Parquet or GeoParquet (see docs/export.md)."""

from lanner.export.columns import ACLED_COLUMNS, LAYOUTS, NATIVE_COLUMNS, Column
from lanner.export.exporter import ExportSummary, columns_for, export_events
from lanner.export.writers import BINARY_FORMATS, FORMATS

__all__ = [
    "ACLED_COLUMNS",
    "BINARY_FORMATS",
    "FORMATS",
    "LAYOUTS",
    "NATIVE_COLUMNS",
    "Column",
    "ExportSummary",
    "columns_for",
    "export_events",
]
