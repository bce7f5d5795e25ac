"""Lanner: news about armed conflict in, geolocated, dated, PLOVER-typed event data with evidence out.

`lanner.open("lanner.db")` opens a database for reading from Python (see `lanner.database`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lanner.database import Database

__version__ = "0.1.0"


def open(db: str | Path) -> Database:
    """Open a Lanner database (a file path, or a sqlite:/// or postgresql:// URL) for reading.

    Imported here, not at package import, so `import lanner` stays light for the CLI and the stages.
    """
    from lanner.database import Database

    return Database.open(db)


__all__ = ["__version__", "open"]
