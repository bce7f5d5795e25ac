"""Query-string parameters of the web pages and REST API: one table of what each accepts, parsed strictly.

An unknown parameter, a malformed value or a request over the limits raises a coded `RequestError`,
which the app turns into the JSON error envelope (or an error page) with a 4xx status, never a 500.
The same table feeds the OpenAPI description, so the docs list exactly what the code accepts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from lanner.errors import Code, RequestError
from lanner.events import PLOVER_TYPES
from lanner.records import FACTUALITIES
from lanner.store.read import SORTS, EventFilter

MAX_LIMIT = 1000  # rows in one page
MAX_OFFSET = 100_000  # deeper pages cost too much: narrow the filters instead
COUNT_CAP = 1_000  # totals are counted exactly up to this, then reported as "at least" (total_is_capped)
MAX_QUERY_CHARS = 200
MAX_VALUES = 50  # values of one repeatable parameter
DATE_PRECISIONS = ("day", "week", "month", "year", "unknown")
DATE_BASES = ("text", "published")


@dataclass(frozen=True)
class Param:
    name: str
    kind: str  # OpenAPI type: string, integer, number
    description: str
    repeatable: bool = False


FILTER_PARAMS: tuple[Param, ...] = (
    Param("since", "string", "Events that end on or after this day (YYYY-MM-DD)."),
    Param("until", "string", "Events that start on or before this day (YYYY-MM-DD)."),
    Param("type", "string", "PLOVER event type, e.g. ASSAULT (repeatable, or comma-separated).", True),
    Param("mode", "string", "PLOVER mode, e.g. aerial (repeatable).", True),
    Param("factuality", "string", "asserted (default), negated, hypothetical, future, generic, or all.", True),
    Param("actor", "string", "Actor id, or part of an actor's name, in either role."),
    Param("source_actor", "string", "Actor id of the source (who acts)."),
    Param("target_actor", "string", "Actor id of the target (who is acted on)."),
    Param("country", "string", "ISO 3166-1 alpha-2 code of the event's place (repeatable).", True),
    Param("admin1", "string", "First-level administrative division of the event's place, as stored."),
    Param("place", "string", "Place name, as stored."),
    Param("geo_precision", "integer", "ACLED geo-precision: 1 town, 2 near a town or region, 3 province.", True),
    Param("date_precision", "string", "day, week, month, year or unknown (repeatable).", True),
    Param("date_basis", "string", "text (date read from the sentence) or published (repeatable).", True),
    Param("acled_event_type", "string", "ACLED event type, e.g. Battles (repeatable).", True),
    Param("acled_sub_event_type", "string", "ACLED sub-event type (repeatable).", True),
    Param("min_fatalities", "integer", "At least this many reported fatalities."),
    Param("min_confidence", "number", "Confidence at least this (0 to 1)."),
    Param("document", "string", "Events of one article (its id)."),
    Param("bbox", "string", "WEST,SOUTH,EAST,NORTH in degrees."),
    Param("near", "string", "LAT,LON,KM: events within KM kilometres of a point (KM at most 1000)."),
)
PAGE_PARAMS: tuple[Param, ...] = (
    Param("limit", "integer", f"Rows per page, 1 to {MAX_LIMIT} (default 50)."),
    Param("offset", "integer", f"Rows to skip, at most {MAX_OFFSET}."),
    Param("sort", "string", "One of " + ", ".join(SORTS) + " (default -date)."),
)
MAP_PARAMS: tuple[Param, ...] = (Param("zoom", "integer", "Web-map zoom level 0 to 18 (default 2): sets the grid."),)
TIMELINE_PARAMS: tuple[Param, ...] = (Param("weeks", "integer", "Weeks shown when since is not given (1 to 520)."),)
NETWORK_PARAMS: tuple[Param, ...] = (Param("edges", "integer", "Strongest edges shown (1 to 500, default 150)."),)
SEARCH_PARAMS: tuple[Param, ...] = (Param("q", "string", f"Words to find (at most {MAX_QUERY_CHARS} characters)."),)


def openapi_parameters(params: Iterable[Param]) -> list[dict[str, Any]]:
    """The OpenAPI description of query parameters."""
    described = []
    for p in params:
        schema: dict[str, Any] = {"type": p.kind}
        if p.repeatable:
            schema = {"type": "array", "items": {"type": p.kind}}
        described.append(
            {"name": p.name, "in": "query", "required": False, "description": p.description, "schema": schema}
        )
    return described


class Query:
    """The query string of one request, checked against the parameters the endpoint accepts."""

    def __init__(self, items: Iterable[tuple[str, str]], accepted: Iterable[Param]) -> None:
        self.accepted = {p.name: p for p in accepted}
        self.values: dict[str, list[str]] = {}
        for key, value in items:
            if key not in self.accepted:
                raise RequestError(
                    Code.UNKNOWN_PARAMETER,
                    f"unknown parameter {key!r}; this endpoint accepts: {', '.join(sorted(self.accepted))}",
                    origin=key,
                )
            value = value.strip()
            if value:  # an empty form field means "no filter"
                self.values.setdefault(key, []).append(value)

    def one(self, name: str) -> str | None:
        found = self.values.get(name)
        if not found:
            return None
        if len(found) > 1 and not self.accepted[name].repeatable:
            raise RequestError(Code.BAD_PARAMETER, f"{name} may be given once", origin=name)
        if len(found[0]) > MAX_QUERY_CHARS:
            raise RequestError(Code.LIMIT_EXCEEDED, f"{name} is longer than {MAX_QUERY_CHARS} characters", origin=name)
        return found[0]

    def many(self, name: str) -> tuple[str, ...]:
        parts = [part.strip() for value in self.values.get(name, []) for part in value.split(",")]
        parts = [part for part in parts if part]
        if len(parts) > MAX_VALUES:
            raise RequestError(Code.LIMIT_EXCEEDED, f"at most {MAX_VALUES} values of {name}", origin=name)
        return tuple(dict.fromkeys(parts))

    def integer(self, name: str, default: int, low: int, high: int, *, limit_code: bool = False) -> int:
        raw = self.one(name)
        if raw is None:
            return default
        if not re.fullmatch(r"[+-]?\d{1,12}", raw):
            raise RequestError(Code.BAD_PARAMETER, f"{name} must be a whole number, not {raw!r}", origin=name)
        value = int(raw)
        if not low <= value <= high:
            code = Code.LIMIT_EXCEEDED if limit_code and value > high else Code.BAD_PARAMETER
            raise RequestError(code, f"{name} must be between {low} and {high}, not {value}", origin=name)
        return value


def _date(query: Query, name: str) -> date | None:
    raw = query.one(name)
    if raw is None:
        return None
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
            raise ValueError(raw)
        return date.fromisoformat(raw)
    except ValueError:
        raise RequestError(
            Code.BAD_PARAMETER, f"{name} must be a date as YYYY-MM-DD, not {raw!r}", origin=name
        ) from None


def _floats(query: Query, name: str, count: int, shape: str) -> tuple[float, ...] | None:
    raw = query.one(name)
    if raw is None:
        return None
    parts = raw.split(",")
    try:
        values = tuple(float(part) for part in parts)
    except ValueError:
        values = ()
    if len(values) != count or not all(v == v and abs(v) != float("inf") for v in values):
        raise RequestError(Code.BAD_PARAMETER, f"{name} must be {shape}, not {raw!r}", origin=name)
    return values


def _choices(query: Query, name: str, allowed: Iterable[str], *, upper: bool = False) -> tuple[str, ...]:
    values = tuple(v.upper() if upper else v for v in query.many(name))
    allowed = tuple(allowed)
    bad = [v for v in values if v not in allowed]
    if bad:
        raise RequestError(
            Code.BAD_PARAMETER, f"{name}: {', '.join(bad)} not known; use one of {', '.join(allowed)}", origin=name
        )
    return values


def event_filter(query: Query) -> EventFilter:
    """The event filters of a request."""
    since, until = _date(query, "since"), _date(query, "until")
    if since and until and since > until:
        raise RequestError(Code.BAD_PARAMETER, f"since ({since}) is after until ({until})", origin="since")
    factuality_raw = query.many("factuality")
    factuality = () if "all" in factuality_raw else _choices(query, "factuality", FACTUALITIES) or ("asserted",)
    countries = tuple(c.upper() for c in query.many("country"))
    bad = [c for c in countries if not re.fullmatch(r"[A-Z]{2}", c)]
    if bad:
        raise RequestError(
            Code.BAD_PARAMETER, f"country must be ISO alpha-2 codes such as IQ, not {bad[0]!r}", origin="country"
        )
    precisions = _choices(query, "geo_precision", ("1", "2", "3"))
    bbox = _floats(query, "bbox", 4, "WEST,SOUTH,EAST,NORTH in degrees")
    if bbox is not None:
        west, south, east, north = bbox
        if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
            raise RequestError(
                Code.BAD_PARAMETER, "bbox: longitudes within ±180, latitudes within ±90, south ≤ north", origin="bbox"
            )
    near = _floats(query, "near", 3, "LAT,LON,KM (for example 36.34,43.13,50)")
    if near is not None:
        lat, lon, km = near
        if not (-90 <= lat <= 90 and -180 <= lon <= 180 and 0 < km <= 1000):
            raise RequestError(
                Code.BAD_PARAMETER,
                "near: latitude within ±90, longitude ±180, KM above 0 and at most 1000",
                origin="near",
            )
    min_confidence = _floats(query, "min_confidence", 1, "a number from 0 to 1")
    if min_confidence is not None and not 0 <= min_confidence[0] <= 1:
        raise RequestError(Code.BAD_PARAMETER, "min_confidence must be from 0 to 1", origin="min_confidence")
    min_fatalities = query.integer("min_fatalities", -1, 0, 10**9)
    return EventFilter(
        since=since,
        until=until,
        types=_choices(query, "type", PLOVER_TYPES, upper=True),
        modes=query.many("mode"),
        factuality=factuality,
        actor=query.one("actor"),
        source_actor=query.one("source_actor"),
        target_actor=query.one("target_actor"),
        countries=countries,
        admin1=query.one("admin1"),
        place=query.one("place"),
        geo_precision=tuple(int(p) for p in precisions),
        date_precision=_choices(query, "date_precision", DATE_PRECISIONS),
        date_basis=_choices(query, "date_basis", DATE_BASES),
        acled_event_type=query.many("acled_event_type"),
        acled_sub_event_type=query.many("acled_sub_event_type"),
        min_fatalities=None if min_fatalities < 0 else min_fatalities,
        min_confidence=None if min_confidence is None else min_confidence[0],
        document_id=query.one("document"),
        bbox=bbox,  # type: ignore[arg-type]
        near=near,  # type: ignore[arg-type]
    )


@dataclass(frozen=True)
class Paging:
    limit: int
    offset: int
    sort: str


def paging(query: Query) -> Paging:
    sort = query.one("sort") or "-date"
    if sort not in SORTS:
        raise RequestError(Code.BAD_PARAMETER, f"sort must be one of {', '.join(SORTS)}, not {sort!r}", origin="sort")
    return Paging(
        limit=query.integer("limit", 50, 1, MAX_LIMIT, limit_code=True),
        offset=query.integer("offset", 0, 0, MAX_OFFSET, limit_code=True),
        sort=sort,
    )


def filter_state(query: Query) -> Mapping[str, list[str]]:
    """The filters as given, to rebuild links and forms (the filter state lives in the URL)."""
    return {name: values for name, values in query.values.items() if name in {p.name for p in FILTER_PARAMS}}
