"""Import a GeoNames dump (allCountries.zip, a country's XX.zip, or their .txt) into the user's gazetteer.

The dump is read as a stream, one tab-separated line at a time (allCountries is 1.5 GB unzipped), and
written in batches to `cache_dir/gazetteer/imported.sqlite`, a file with the packaged index's tables
and key functions. The file is built under a temporary name and renamed into place at the end, so an
interrupted import leaves the previous import (or none) untouched. `Gazetteer.open` attaches it beside
the packaged index: an imported row replaces the packaged row with the same GeoNames id, and every
other imported row adds a place. The packaged index is rebuilt on its own when its sources change; an
import is kept until the next import (or `remove_import`).

GeoNames columns (readme.txt of the dump): geonameid, name, asciiname, alternatenames, latitude,
longitude, feature class, feature code, country code, cc2, admin1..admin4 codes, population, elevation,
dem, timezone, modification date. The optional alternateNamesV2 file adds names by geonameid
(alternateNameId, geonameid, isolanguage, alternate name, isPreferredName, isShortName, isColloquial,
isHistoric, from, to).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sqlite3
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from lanner.errors import Code, DataError
from lanner.geo.gazetteer import ALTERNATE, INDEX_LAYOUT, PRIMARY, imported_path
from lanner.geo.normalize import is_latin, loose_key, name_key
from lanner.geo.sources import ADMIN1_PSEUDO_POPULATION, ADMIN2_PSEUDO_POPULATION

GEONAMES_COLUMNS = 19
ALTERNATE_COLUMNS = 10
BATCH_ROWS = 20_000
# alternateNames "isolanguage" values that are codes or links, not names
_NOT_NAMES = frozenset({"link", "post", "iata", "icao", "faac", "tcid", "unlc", "abbr", "wkdt", "phon", "piny"})
_COUNTRY_CODES = frozenset({"PCL", "PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "TERR"})

Progress = Callable[[int, int], None]  # (bytes read so far, total bytes) over all input files

_SCHEMA = """
CREATE TABLE places(
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, feature TEXT NOT NULL, lat REAL, lon REAL,
    country TEXT, admin1 TEXT, geonames_id INTEGER, population INTEGER NOT NULL, source TEXT
);
CREATE TABLE names(key TEXT NOT NULL, loose TEXT NOT NULL, place INTEGER NOT NULL, kind INTEGER NOT NULL);
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


@dataclass
class ImportSummary:
    """What an import loaded, and what it had to skip."""

    files: list[str] = field(default_factory=list)
    places: int = 0
    names: int = 0
    alternate_names: int = 0
    skipped_lines: int = 0
    skipped_features: int = 0
    seconds: float = 0.0
    path: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "places": self.places,
            "names": self.names,
            "alternate_names": self.alternate_names,
            "skipped_lines": self.skipped_lines,
            "skipped_features": self.skipped_features,
            "seconds": round(self.seconds, 2),
            "path": self.path,
        }


def feature_of(feature_class: str, feature_code: str) -> str | None:
    """Lanner's feature for a GeoNames class and code; None for what is not a place name (roads, ...)."""
    if feature_class == "A":
        if feature_code in _COUNTRY_CODES:
            return "country"
        return "admin1" if feature_code == "ADM1" else "admin2"
    if feature_class == "P" or feature_class == "S":
        return "city"  # populated places, and spots (bases, airports, stadiums): point locations
    if feature_class in ("H", "U"):
        return "water"
    if feature_class in ("T", "V"):
        return "landform"
    if feature_class == "L":
        return "region"
    return None  # R: roads and railways


def _usable_alternate(text: str) -> bool:
    """Latin-script names of three letters or more, without airport and station codes ("BGW")."""
    return len(text) > 2 and is_latin(text) and not (text.isupper() and len(text) <= 4)


@contextlib.contextmanager
def _open_text(path: Path) -> Iterator[tuple[IO[str], Callable[[], int], int]]:
    """The dump's text stream, a function giving the bytes read so far, and the total byte count."""
    if path.suffix.lower() == ".zip":
        try:
            archive = zipfile.ZipFile(path)
        except (OSError, zipfile.BadZipFile) as exc:
            raise DataError(Code.BAD_DATA_FILE, f"not a readable zip file: {exc}", origin=str(path)) from exc
        with archive:
            members = [i for i in archive.infolist() if i.filename.endswith(".txt") and "readme" not in i.filename]
            if not members:
                raise DataError(Code.BAD_DATA_FILE, "the zip holds no GeoNames .txt file", origin=str(path))
            member = max(members, key=lambda i: i.file_size)
            with archive.open(member) as raw:
                counter = _CountingReader(raw)
                yield (
                    io.TextIOWrapper(counter, encoding="utf-8", errors="replace", newline="\n"),
                    counter.count,
                    (member.file_size),
                )
        return
    try:
        raw_file = path.open("rb")
    except OSError as exc:
        raise DataError(Code.NOT_FOUND, f"cannot open {path}: {exc}", origin=str(path)) from exc
    with raw_file:
        counter = _CountingReader(raw_file)
        yield (
            io.TextIOWrapper(counter, encoding="utf-8", errors="replace", newline="\n"),
            counter.count,
            (path.stat().st_size),
        )


class _CountingReader(io.RawIOBase):
    """A binary stream that counts the bytes read through it, for the progress bar."""

    def __init__(self, inner: IO[bytes]) -> None:
        self._inner = inner
        self._count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._inner.read(len(buffer))
        size = len(data)
        buffer[:size] = data
        self._count += size
        return size

    def count(self) -> int:
        return self._count


def import_geonames(
    cache_dir: Path,
    paths: list[Path],
    *,
    alternate_names: Path | None = None,
    on_progress: Progress = lambda done, total: None,
) -> ImportSummary:
    """Load GeoNames dump files into the user's gazetteer, replacing any earlier import as one swap."""
    if not paths:
        raise DataError(Code.BAD_ARGUMENT, "name at least one GeoNames dump file (allCountries.zip, XX.zip, .txt)")
    for path in [*paths, *([alternate_names] if alternate_names else [])]:
        if not Path(path).is_file():
            raise DataError(Code.NOT_FOUND, f"no such file: {path}", origin=str(path))
    target = imported_path(Path(cache_dir))
    target.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    handle, temp_name = tempfile.mkstemp(prefix="imported.", suffix=".tmp", dir=target.parent)
    os.close(handle)
    temp = Path(temp_name)
    summary = ImportSummary(files=[Path(p).name for p in paths], path=str(target))
    totals = [_size(Path(p)) for p in paths] + ([_size(alternate_names)] if alternate_names else [])
    grand_total = sum(totals)
    try:
        db = sqlite3.connect(temp)
        try:
            db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
            # one entry per name and place: the index also serves lookups by key
            db.execute("CREATE UNIQUE INDEX names_key ON names(key, place)")
            done_before = 0
            for path, total in zip(paths, totals, strict=False):
                _load_dump(db, Path(path), summary, lambda done, b=done_before: on_progress(b + done, grand_total))
                done_before += total
            if alternate_names is not None:
                summary.files.append(alternate_names.name)
                _load_alternates(
                    db, alternate_names, summary, lambda done: on_progress(done_before + done, grand_total)
                )
            db.execute("CREATE INDEX names_loose ON names(loose) WHERE loose != ''")
            summary.places = db.execute("SELECT count(*) FROM places").fetchone()[0]
            summary.names = db.execute("SELECT count(*) FROM names").fetchone()[0]
            summary.alternate_names = db.execute("SELECT count(*) FROM names WHERE kind = ?", (ALTERNATE,)).fetchone()[
                0
            ]
            summary.seconds = time.perf_counter() - started
            meta = {
                "files": json.dumps(summary.files),
                "places": str(summary.places),
                "names": str(summary.names),
                "alternate_names": str(summary.alternate_names),
                "skipped_lines": str(summary.skipped_lines),
                "build_seconds": str(round(summary.seconds, 2)),
                "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                "layout": str(INDEX_LAYOUT),
            }
            db.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
            db.commit()
        finally:
            db.close()
        os.replace(temp, target)
    except BaseException as exc:
        temp.unlink(missing_ok=True)
        if isinstance(exc, sqlite3.Error | OSError | UnicodeError):
            raise DataError(Code.GAZETTEER_BUILD, f"could not import into {target}: {exc}") from exc
        raise
    on_progress(grand_total, grand_total)
    return summary


def remove_import(cache_dir: Path) -> bool:
    """Forget the imported dump; the packaged index alone serves again. True when there was one."""
    path = imported_path(Path(cache_dir))
    existed = path.exists()
    path.unlink(missing_ok=True)
    return existed


def _size(path: Path) -> int:
    if path.suffix.lower() == ".zip":
        with contextlib.suppress(OSError, zipfile.BadZipFile), zipfile.ZipFile(path) as archive:
            sizes = [i.file_size for i in archive.infolist() if i.filename.endswith(".txt")]
            return max(sizes, default=0)
    return path.stat().st_size


def _load_dump(db: sqlite3.Connection, path: Path, summary: ImportSummary, progress: Callable[[int], None]) -> None:
    place_rows: list[tuple[Any, ...]] = []
    name_rows: list[tuple[str, str, int, int]] = []
    with _open_text(path) as (stream, bytes_read, _total):
        for line in stream:
            fields = line.rstrip("\n").split("\t")
            if len(fields) != GEONAMES_COLUMNS:
                summary.skipped_lines += bool(line.strip())
                continue
            try:
                geonameid = int(fields[0])
                lat, lon = float(fields[4]), float(fields[5])
                population = int(fields[14] or 0)
            except ValueError:
                summary.skipped_lines += 1
                continue
            feature = feature_of(fields[6], fields[7])
            if feature is None or not fields[1]:
                summary.skipped_features += 1
                continue
            if population == 0 and feature == "admin1":
                population = ADMIN1_PSEUDO_POPULATION
            elif population == 0 and feature == "admin2" and fields[7] == "ADM2":
                population = ADMIN2_PSEUDO_POPULATION
            place_rows.append(
                (geonameid, fields[1], feature, lat, lon, fields[8] or None, fields[10] or None, geonameid,
                 population, "geonames-import")
            )  # fmt: skip
            seen: set[str] = set()
            texts = [(PRIMARY, fields[1]), (ALTERNATE, fields[2])]
            texts += [(ALTERNATE, a) for a in fields[3].split(",") if a and _usable_alternate(a)]
            for kind, text in texts:
                key = name_key(text)
                if not key or key in seen:
                    continue
                seen.add(key)
                name_rows.append((key, loose_key(text), geonameid, kind))
            if len(place_rows) >= BATCH_ROWS:
                _flush(db, place_rows, name_rows)
                progress(bytes_read())
        _flush(db, place_rows, name_rows)
        progress(bytes_read())


def _flush(
    db: sqlite3.Connection, place_rows: list[tuple[Any, ...]], name_rows: list[tuple[str, str, int, int]]
) -> None:
    # a geonameid seen again (in two dumps) keeps its last row, and the names of both
    db.executemany("INSERT OR REPLACE INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", place_rows)
    db.executemany("INSERT OR IGNORE INTO names VALUES (?, ?, ?, ?)", name_rows)
    place_rows.clear()
    name_rows.clear()


def _load_alternates(
    db: sqlite3.Connection, path: Path, summary: ImportSummary, progress: Callable[[int], None]
) -> None:
    """Add the alternate names of imported places; names of places not imported are dropped."""
    rows: list[tuple[str, str, int, int]] = []

    def flush() -> None:
        db.executemany(
            "INSERT OR IGNORE INTO names SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM places WHERE id = ?3)", rows
        )
        rows.clear()

    with _open_text(path) as (stream, bytes_read, _total):
        for line in stream:
            fields = line.rstrip("\n").split("\t")
            if len(fields) < ALTERNATE_COLUMNS - 2 or fields[2] in _NOT_NAMES or fields[7:8] == ["1"]:
                continue  # malformed, a code rather than a name, or historic
            text = fields[3]
            if not _usable_alternate(text):
                continue
            try:
                geonameid = int(fields[1])
            except ValueError:
                summary.skipped_lines += 1
                continue
            key = name_key(text)
            if key:
                rows.append((key, loose_key(text), geonameid, ALTERNATE))
            if len(rows) >= BATCH_ROWS:
                flush()
                progress(bytes_read())
        flush()
        progress(bytes_read())
