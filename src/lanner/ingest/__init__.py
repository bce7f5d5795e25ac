"""The read stage: files, directories and stdin in; `Article` records, or a coded error per bad item, out.

Formats: plain text, HTML pages, RSS/Atom feeds, JSON Lines and CSV (see `read_inputs`).
"""

from __future__ import annotations

from lanner.ingest.dates import parse_date
from lanner.ingest.formats import FORMATS
from lanner.ingest.reader import read_inputs

__all__ = ["FORMATS", "parse_date", "read_inputs"]
