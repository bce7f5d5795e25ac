"""The Python API over a Lanner database: `lanner.open(path)`, then `db.events(**filters)`.

    import lanner
    with lanner.open("lanner.db") as db:
        df = db.events(country="IQ", since="2017-01-01").to_pandas()

Filters are the ones `lanner events` takes, checked before any query runs, so a typo in a filter name
or a malformed date is a coded error that says what was expected rather than an empty result.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lanner.errors import Code, LannerError
from lanner.store import EventQuery, Store, open_store

if TYPE_CHECKING:
    import pandas as pd

FILTERS: dict[str, str] = {
    "since": "events that end on or after this day (date or YYYY-MM-DD)",
    "until": "events that start on or before this day (date or YYYY-MM-DD)",
    "type": "PLOVER type or types, e.g. 'ASSAULT' or ['ASSAULT', 'PROTEST']",
    "actor": "actor id (e.g. 'islamic_state') or part of an actor's name",
    "country": "ISO 3166-1 alpha-2 code of the event's place, e.g. 'IQ'",
    "near": "(lat, lon, km): events within km of a point",
    "factuality": "'all', or one or more of asserted, negated, hypothetical, future, generic (default asserted)",
    "document": "id of one stored article",
    "limit": "at most this many events",
    "offset": "skip this many events first (with limit)",
}
ALIASES = {"types": "type", "document_id": "document"}
DATE_COLUMNS = ("date_start", "date_end", "document_published")


def _bad(message: str) -> LannerError:
    return LannerError(Code.BAD_ARGUMENT, message)


def _day(name: str, value: object) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    raise LannerError(Code.BAD_DATE, f"{name}={value!r} is not a date (a datetime.date or 'YYYY-MM-DD')")


def _words(name: str, value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(part.strip() for part in value.split(",") if part.strip())
    if isinstance(value, Sequence) and all(isinstance(item, str) for item in value):
        return tuple(item.strip() for item in value)
    raise _bad(f"{name}={value!r}: give a string or a list of strings")


def _count(name: str, value: object, minimum: int) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise _bad(f"{name}={value!r}: give a whole number of at least {minimum}")
    return value


def _near(value: object) -> tuple[float, float, float] | None:
    if value is None:
        return None
    try:
        lat, lon, km = (float(part) for part in value)  # type: ignore[attr-defined]
    except (TypeError, ValueError):
        raise _bad(f"near={value!r}: give (lat, lon, km), for example (36.34, 43.13, 50)") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km > 0):
        raise _bad(f"near={value!r}: latitude must be within ±90, longitude ±180, and km positive")
    return lat, lon, km


def event_query(**filters: Any) -> EventQuery:
    """An `EventQuery` from keyword filters (see `FILTERS`), each checked; unknown names are refused."""
    from lanner.events.plover import PLOVER_TYPES
    from lanner.records import FACTUALITIES

    given = {ALIASES.get(name, name): value for name, value in filters.items()}
    unknown = sorted(name for name in given if name not in FILTERS)
    if unknown:
        raise _bad(f"unknown filter(s) {', '.join(unknown)}; known filters: {', '.join(FILTERS)}")
    since, until = _day("since", given.get("since")), _day("until", given.get("until"))
    if since and until and since > until:
        raise _bad(f"since={since} is after until={until}")
    types = tuple(t.upper() for t in _words("type", given.get("type")))
    bad_types = [t for t in types if t not in PLOVER_TYPES]
    if bad_types:
        raise _bad(f"unknown type(s) {', '.join(bad_types)}; one of {', '.join(PLOVER_TYPES)}")
    country = given.get("country")
    if country is not None and not (isinstance(country, str) and len(country) == 2 and country.isalpha()):
        raise _bad(f"country={country!r}: give an ISO 3166-1 alpha-2 code such as 'IQ'")
    factuality = _words("factuality", given.get("factuality", "asserted"))
    if factuality == ("all",):
        factuality = ()
    bad_factuality = [f for f in factuality if f not in FACTUALITIES]
    if bad_factuality:
        raise _bad(f"factuality {', '.join(bad_factuality)}: use 'all' or some of {', '.join(FACTUALITIES)}")
    actor, document = given.get("actor"), given.get("document")
    for name, value in (("actor", actor), ("document", document)):
        if value is not None and (not isinstance(value, str) or not value.strip()):
            raise _bad(f"{name}={value!r}: give a non-empty string")
    return EventQuery(
        since=since,
        until=until,
        types=types,
        actor=actor.strip() if actor else None,
        country=country.upper() if country else None,
        near=_near(given.get("near")),
        factuality=factuality,
        document_id=document,
        limit=_count("limit", given.get("limit"), 1),
        offset=_count("offset", given.get("offset"), 0) or 0,
    )


class EventResult:
    """Events matching some filters. Nothing is read until asked: iterate, `len()`, `to_records()`, `to_pandas()`.

    The rows are read once and kept, so asking twice gives the same events.
    """

    def __init__(self, store: Store, query: EventQuery) -> None:
        self.query = query
        self._store = store
        self._rows: list[dict[str, Any]] | None = None

    def _read(self) -> list[dict[str, Any]]:
        if self._rows is None:
            self._rows = list(self._store.events(self.query))
        return self._rows

    def __iter__(self) -> Iterator[dict[str, Any]]:
        """Each event as a plain dict: the fields of `lanner events --format jsonl`."""
        return (dict(row) for row in self._read())

    def __len__(self) -> int:
        return len(self._read())

    def to_records(self) -> list[dict[str, Any]]:
        return [dict(row) for row in self._read()]

    def to_pandas(self) -> pd.DataFrame:
        """A DataFrame with one row per event; dates as datetimes, source and target as lists of actor ids."""
        import pandas as pd

        from lanner.export import columns_for

        columns = [column.name for column in columns_for("native", self.query)]
        frame = pd.DataFrame.from_records(self.to_records(), columns=columns)
        for name in DATE_COLUMNS:
            frame[name] = pd.to_datetime(frame[name], errors="coerce")
        return frame


class Database:
    """A Lanner database opened for reading from Python. Close it, or use it as a context manager."""

    def __init__(self, store: Store) -> None:
        self.store = store

    @classmethod
    def open(cls, db: str | Path) -> Database:
        """Open an existing database: a file path, `sqlite:///PATH` or `postgresql://...` URL."""
        if isinstance(db, str | Path) and "://" not in str(db) and not Path(db).is_file():
            raise LannerError(Code.NOT_FOUND, f"no database at {db}; create one with `lanner ingest PATH --db {db}`")
        return cls(open_store(db))

    def events(self, **filters: Any) -> EventResult:
        """Stored events matching `filters` (see `lanner.database.FILTERS`), newest first; asserted only by default."""
        return EventResult(self.store, event_query(**filters))

    def counts(self) -> Mapping[str, int]:
        """How many documents, events, mentions and actors the database holds."""
        return self.store.counts()

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<lanner.Database {self.store.url}>"
