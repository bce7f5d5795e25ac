"""Read queries for the web UI and REST API: filtered pages of events, one event or document, map cells,
weekly timeline, actor network and full-text search.

Every function takes the store (anything with `connect()` giving a SQLAlchemy connection) and runs
`text()` SQL with named bind parameters that both SQLite and PostgreSQL accept; where the dialects
differ (full-text search) the function branches on the connection's dialect. Nothing here renders:
the functions return plain dataclasses and dicts, and the web layer turns them into pages and twins.
"""

from __future__ import annotations

import dataclasses
import json
import math
import re
from collections import defaultdict
from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Protocol

from sqlalchemy import Connection, bindparam, text

from lanner.store.database import EVENT_COLUMNS

KM_PER_DEGREE = 111.195
SORTS: dict[str, str] = {
    "-date": "e.date_start DESC, e.id",
    "date": "e.date_start ASC, e.id",
    "-fatalities": "e.fatalities DESC, e.id",
    "-confidence": "e.confidence DESC, e.id",
}


class Connectable(Protocol):
    def connect(self) -> AbstractContextManager[Connection]: ...


@dataclass(frozen=True)
class EventFilter:
    """Filters on stored events; empty fields do not filter, and the fields combine with AND."""

    since: date | None = None  # events that end on or after this day
    until: date | None = None  # events that start on or before this day
    types: tuple[str, ...] = ()
    modes: tuple[str, ...] = ()
    factuality: tuple[str, ...] = ("asserted",)  # empty: every factuality
    actor: str | None = None  # an actor id, or part of an actor's name, in either role
    source_actor: str | None = None  # actor id
    target_actor: str | None = None  # actor id
    countries: tuple[str, ...] = ()
    admin1: str | None = None
    place: str | None = None
    geo_precision: tuple[int, ...] = ()
    date_precision: tuple[str, ...] = ()
    date_basis: tuple[str, ...] = ()
    acled_event_type: tuple[str, ...] = ()
    acled_sub_event_type: tuple[str, ...] = ()
    min_fatalities: int | None = None
    min_confidence: float | None = None
    document_id: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    near: tuple[float, float, float] | None = None  # lat, lon, km


@dataclass(frozen=True)
class EventPage:
    rows: list[dict[str, Any]]
    total: int  # matching events, counted up to `count_cap`
    total_is_capped: bool
    limit: int
    offset: int


@dataclass(frozen=True)
class MapData:
    """Either clusters (grid cells) or individual points, whichever fits the view."""

    mode: str  # "clusters" or "points"
    zoom: int
    cell_degrees: float
    features: list[dict[str, Any]]
    total: int


@dataclass(frozen=True)
class TimelineWeek:
    week: date  # the Monday that starts it
    counts: dict[str, int]
    change: dict[str, float | None]  # percent change of each type's count against the mean of the 4 weeks before


@dataclass(frozen=True)
class Timeline:
    types: list[str]
    weeks: list[TimelineWeek]


@dataclass(frozen=True)
class Network:
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]


@dataclass(frozen=True)
class SearchResults:
    query: str
    events: list[dict[str, Any]]
    documents: list[dict[str, Any]]
    total_events: int
    limit: int
    offset: int


@dataclass
class _Where:
    clauses: list[str] = field(default_factory=list)
    params: dict[str, Any] = field(default_factory=dict)
    expanding: set[str] = field(default_factory=set)

    def add(self, clause: str, **params: Any) -> None:
        self.clauses.append(clause)
        self.params.update(params)

    def add_in(self, column: str, name: str, values: Sequence[Any]) -> None:
        if values:
            self.clauses.append(f"{column} IN :{name}")
            self.params[name] = list(values)
            self.expanding.add(name)

    def sql(self) -> str:
        return (" WHERE " + " AND ".join(self.clauses)) if self.clauses else ""


ACTOR_MATCH = "SELECT a.actor_id FROM actors a WHERE a.actor_id = :actor OR lower(a.name) LIKE :actor_like ESCAPE '!'"
PAIR_EVENTS = (
    "SELECT s.event_id FROM event_actors s JOIN event_actors t ON t.event_id = s.event_id "
    "WHERE s.role = 'source' AND s.actor_id = :source_actor AND t.role = 'target' AND t.actor_id = :target_actor"
)
DENSE_LIST_ROWS = 5_000  # an actor with more event rows than this is listed by walking events in date order
DENSE_COUNT_ROWS = 50_000  # ... and counted that way too


def _like(value: str) -> str:
    """A LIKE pattern for "contains", with LIKE's own wildcards in the value taken literally."""
    escaped = value.lower().replace("!", "!!").replace("%", "!%").replace("_", "!_")
    return f"%{escaped}%"


def _actor_rows(conn: Connection, f: EventFilter, cap: int) -> tuple[int, str] | None:
    """The most selective actor filter ("actor", "source" or "target") and its event-actor rows (up to `cap`)."""
    checks = []
    if f.actor:
        checks.append(("actor", f"ea.actor_id IN ({ACTOR_MATCH})", {"actor": f.actor, "actor_like": _like(f.actor)}))
    for role, actor in (("source", f.source_actor), ("target", f.target_actor)):
        if actor:
            checks.append((role, f"ea.role = '{role}' AND ea.actor_id = :a", {"a": actor}))
    if f.source_actor and f.target_actor:  # one edge of the network: its events are few, read them from the pair
        return 0, "pair"
    counts = [
        (
            conn.execute(
                text(f"SELECT count(*) FROM (SELECT 1 FROM event_actors ea WHERE {clause} LIMIT :cap) AS m"),
                {**params, "cap": cap},
            ).scalar_one(),
            key,
        )
        for key, clause, params in checks
    ]
    return min(counts) if counts else None


def _where(f: EventFilter, *, dense: bool = False, driver: str = "actor") -> _Where:
    """The WHERE clause of a filter. `dense`: many rows match, so write the actor and place tests in a form
    the planner checks row by row while it walks events in date order, instead of collecting every match
    first and sorting them (which costs as much as there are matches). Otherwise the `driver` actor filter
    is the set the query starts from and the other actor filters are checked per event."""
    w = _Where()

    def member(key: str, condition: str) -> str:
        if dense or key != driver:
            return f"EXISTS (SELECT 1 FROM event_actors ea WHERE ea.event_id = e.id AND {condition})"
        return f"e.id IN (SELECT ea.event_id FROM event_actors ea WHERE {condition})"

    lat, lon = ("(e.lat + 0)", "(e.lon + 0)") if dense else ("e.lat", "e.lon")
    if f.since:
        w.add("e.date_end >= :since", since=f.since.isoformat())
    if f.until:
        w.add("e.date_start <= :until", until=f.until.isoformat())
    w.add_in("e.type", "types", [t.upper() for t in f.types])
    w.add_in("e.mode", "modes", f.modes)
    w.add_in("e.factuality", "factuality", f.factuality)
    w.add_in("e.country", "countries", [c.upper() for c in f.countries])
    w.add_in("e.geo_precision", "geo_precision", f.geo_precision)
    w.add_in("e.date_precision", "date_precision", f.date_precision)
    w.add_in("e.date_basis", "date_basis", f.date_basis)
    w.add_in("e.acled_event_type", "acled_event_type", f.acled_event_type)
    w.add_in("e.acled_sub_event_type", "acled_sub_event_type", f.acled_sub_event_type)
    if f.admin1:
        w.add("e.admin1 = :admin1", admin1=f.admin1)
    if f.place:
        w.add("e.place_name = :place", place=f.place)
    if f.min_fatalities is not None:
        w.add("e.fatalities >= :min_fatalities", min_fatalities=f.min_fatalities)
    if f.min_confidence is not None:
        w.add("e.confidence >= :min_confidence", min_confidence=f.min_confidence)
    if f.document_id:
        w.add("e.document_id = :document_id", document_id=f.document_id)
    if f.actor:
        w.add(
            member("actor", f"ea.actor_id IN ({ACTOR_MATCH})"),
            actor=f.actor,
            actor_like=_like(f.actor),
        )
    if f.source_actor and f.target_actor and not dense:
        # one edge of the actor network: the pair's events come from the event_actors index alone
        w.add(
            f"e.id IN ({PAIR_EVENTS})",
            source_actor=f.source_actor,
            target_actor=f.target_actor,
        )
    elif f.source_actor:
        w.add(
            member("source", "ea.role = 'source' AND ea.actor_id = :source_actor"),
            source_actor=f.source_actor,
        )
    if f.target_actor and not (f.source_actor and not dense):
        w.add(
            member("target", "ea.role = 'target' AND ea.actor_id = :target_actor"),
            target_actor=f.target_actor,
        )
    if f.bbox:
        west, south, east, north = f.bbox
        w.add(f"{lat} BETWEEN :bbox_s AND :bbox_n", bbox_s=south, bbox_n=north)
        if west <= east:
            w.add(f"{lon} BETWEEN :bbox_w AND :bbox_e", bbox_w=west, bbox_e=east)
        else:  # the box crosses the antimeridian
            w.add(f"({lon} >= :bbox_w OR {lon} <= :bbox_e)", bbox_w=west, bbox_e=east)
    if f.near:
        at_lat, at_lon, km = f.near
        dlat = km / KM_PER_DEGREE
        coslat = max(1e-6, math.cos(math.radians(at_lat)))
        dlon = min(180.0, dlat / coslat)
        # A box the index can use, then an equirectangular distance test: exact enough within a few hundred km.
        w.add(
            f"{lat} BETWEEN :near_s AND :near_n AND {lon} BETWEEN :near_w AND :near_e "
            "AND ((e.lat - :near_lat) * (e.lat - :near_lat) + (e.lon - :near_lon) * (e.lon - :near_lon) "
            "* :near_cos2) <= :near_d2",
            near_s=at_lat - dlat,
            near_n=at_lat + dlat,
            near_w=at_lon - dlon,
            near_e=at_lon + dlon,
            near_lat=at_lat,
            near_lon=at_lon,
            near_cos2=coslat * coslat,
            near_d2=dlat * dlat,
        )
    return w


def _text(sql: str, expanding: set[str]) -> Any:
    statement = text(sql)
    if expanding:
        statement = statement.bindparams(*(bindparam(name, expanding=True) for name in sorted(expanding)))
    return statement


def _event_select(alias: str = "e") -> str:
    return ", ".join(f"{alias}.{column}" for column in EVENT_COLUMNS)


def _attach_actors(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """Give each event row its source and target actor ids and names, in their stored order."""
    for row in rows:
        row["context"] = json.loads(row["context"]) if isinstance(row.get("context"), str) else row.get("context")
        row["source"], row["target"], row["source_names"], row["target_names"] = [], [], [], []
    if not rows:
        return
    by_id = {row["id"]: row for row in rows}
    statement = text(
        "SELECT ea.event_id, ea.actor_id, ea.role, a.name FROM event_actors ea "
        "LEFT JOIN actors a ON a.actor_id = ea.actor_id WHERE ea.event_id IN :ids ORDER BY ea.role, ea.position"
    ).bindparams(bindparam("ids", expanding=True))
    for event_id, actor_id, role, name in conn.execute(statement, {"ids": list(by_id)}):
        row = by_id[event_id]
        row[role].append(actor_id)
        row[f"{role}_names"].append(name or actor_id)


def list_events(
    store: Connectable,
    f: EventFilter,
    *,
    limit: int = 50,
    offset: int = 0,
    sort: str = "-date",
    count_cap: int = 1_000,
) -> EventPage:
    """One page of matching events (with their document's title, URL and date) and how many match.

    The total is exact up to `count_cap` and reported as capped beyond it, so counting stays cheap on
    millions of rows; a page that is not full gives the total without counting. When many rows match,
    the page is read walking events in sort order rather than by collecting and sorting every match.
    """
    with store.connect() as conn:
        found = _actor_rows(conn, f, DENSE_COUNT_ROWS + 1)
        rows_of_actor, driver = found or (0, "actor")

        def count(where: _Where, in_date_order: bool = True) -> int:
            # walking newest first meets the matches of a `since` filter first, so the capped count stops early
            order = " ORDER BY e.date_start DESC" if in_date_order else ""
            sql = f"SELECT count(*) FROM (SELECT 1 FROM events e{where.sql()}{order} LIMIT :cap) AS matching"
            return conn.execute(_text(sql, where.expanding), {**where.params, "cap": count_cap + 1}).scalar_one()

        total: int | None = None  # exact, or count_cap + 1 when at least that many match
        if found is not None:
            w = _where(f, dense=rows_of_actor > DENSE_LIST_ROWS, driver=driver)
        elif f.bbox or f.near:  # whether the box holds many events decides how to read it
            total = count(_where(f), in_date_order=False)
            w = _where(f, dense=total > count_cap)
        else:
            w = _where(f)
        sql = (
            f"SELECT {_event_select()}, d.title AS document_title, d.url AS document_url, "
            f"d.published AS document_published, d.source AS document_source "
            f"FROM events e JOIN documents d ON d.id = e.document_id{w.sql()} "
            f"ORDER BY {SORTS[sort]} LIMIT :limit OFFSET :offset"
        )
        rows = [
            dict(row._mapping)
            for row in conn.execute(_text(sql, w.expanding), {**w.params, "limit": limit, "offset": offset})
        ]
        if total is None:
            if len(rows) < limit and (rows or offset == 0):
                total = offset + len(rows)
            else:
                dense = rows_of_actor > DENSE_COUNT_ROWS
                total = count(_where(f, dense=dense, driver=driver), in_date_order=found is None or dense)
        _attach_actors(conn, rows)
    seen = offset + len(rows)
    if len(rows) < limit and rows:  # the last page: everything before it and on it is all there is
        return EventPage(rows=rows, total=seen, total_is_capped=False, limit=limit, offset=offset)
    if total > count_cap:  # a lower bound: at least the cap, and at least what was paged through
        return EventPage(rows=rows, total=max(count_cap, seen), total_is_capped=True, limit=limit, offset=offset)
    return EventPage(rows=rows, total=total, total_is_capped=False, limit=limit, offset=offset)


def get_event(store: Connectable, event_id: str) -> dict[str, Any] | None:
    """One event with its actors (ids, names, kinds) and its document's metadata, or None."""
    sql = (
        f"SELECT {_event_select()}, d.title AS document_title, d.url AS document_url, "
        f"d.published AS document_published, d.source AS document_source "
        f"FROM events e JOIN documents d ON d.id = e.document_id WHERE e.id = :id"
    )
    with store.connect() as conn:
        found = conn.execute(text(sql), {"id": event_id}).first()
        if found is None:
            return None
        row = dict(found._mapping)
        _attach_actors(conn, [row])
        row["actors"] = [
            dict(r._mapping)
            for r in conn.execute(
                text(
                    "SELECT ea.role, ea.position, a.actor_id, a.name, a.kind, a.country FROM event_actors ea "
                    "JOIN actors a ON a.actor_id = ea.actor_id WHERE ea.event_id = :id ORDER BY ea.role, ea.position"
                ),
                {"id": event_id},
            )
        ]
    return row


def get_document(store: Connectable, document_id: str) -> dict[str, Any] | None:
    """One stored article with its mentions (actor, place, date spans) and its events, or None."""
    with store.connect() as conn:
        found = conn.execute(
            text(
                "SELECT id, title, url, published, source, language, input_id, origin, text, pipeline, processed_at "
                "FROM documents WHERE id = :id"
            ),
            {"id": document_id},
        ).first()
        if found is None:
            return None
        document = dict(found._mapping)
        document["mentions"] = [
            dict(r._mapping)
            for r in conn.execute(
                text(
                    'SELECT m.kind, m.start, m."end", m.text, m.actor_id, a.name AS actor_name, m.place_name, '
                    "m.country, m.lat, m.lon, m.date_start, m.date_end, m.date_precision FROM mentions m "
                    "LEFT JOIN actors a ON a.actor_id = m.actor_id WHERE m.document_id = :id ORDER BY m.start, m.kind"
                ),
                {"id": document_id},
            )
        ]
        events = [
            dict(r._mapping)
            for r in conn.execute(
                text(f"SELECT {_event_select()} FROM events e WHERE e.document_id = :id ORDER BY e.evidence_start"),
                {"id": document_id},
            )
        ]
        _attach_actors(conn, events)
        document["events"] = events
    return document


def cell_degrees(zoom: int) -> float:
    """Grid size for clustering at a web-map zoom level: about 60 screen pixels."""
    return 84.0 / (2**zoom)


def map_data(store: Connectable, f: EventFilter, *, zoom: int = 2, point_limit: int = 500) -> MapData:
    """Events on the map: individual points when few enough match, else grid clusters counted by type.

    Clustering runs in SQL (a GROUP BY on grid cells), so the whole world costs one aggregate scan.
    """
    w = _where(f)
    w.add("e.lat IS NOT NULL AND e.lon IS NOT NULL")
    with store.connect() as conn:
        total = conn.execute(
            _text(f"SELECT count(*) FROM (SELECT 1 FROM events e{w.sql()} LIMIT :cap) AS m", w.expanding),
            {**w.params, "cap": point_limit + 1},
        ).scalar_one()
        if total <= point_limit:
            rows = conn.execute(
                _text(
                    "SELECT e.id, e.type, e.lat, e.lon, e.place_name, e.date_start, e.factuality, e.fatalities, "
                    f"e.evidence_text FROM events e{w.sql()} ORDER BY e.date_start DESC, e.id",
                    w.expanding,
                ),
                w.params,
            )
            features = [
                {
                    "kind": "event",
                    "id": r.id,
                    "type": r.type,
                    "lat": r.lat,
                    "lon": r.lon,
                    "count": 1,
                    "place_name": r.place_name,
                    "date": r.date_start,
                    "factuality": r.factuality,
                    "fatalities": r.fatalities,
                    "evidence": _shorten(r.evidence_text, 200),
                }
                for r in rows
            ]
            return MapData(mode="points", zoom=zoom, cell_degrees=0.0, features=features, total=len(features))
        cell = cell_degrees(zoom)
        sql = (
            "SELECT CAST((e.lon + 180.0) / :cell AS INTEGER) AS cx, CAST((e.lat + 90.0) / :cell AS INTEGER) AS cy, "
            "e.type AS type, count(*) AS n, sum(e.lat) AS slat, sum(e.lon) AS slon "
            f"FROM events e{w.sql()} GROUP BY 1, 2, 3"
        )
        cells: dict[tuple[int, int], dict[str, Any]] = {}
        for r in conn.execute(_text(sql, w.expanding), {**w.params, "cell": cell}):
            found = cells.setdefault((r.cx, r.cy), {"n": 0, "slat": 0.0, "slon": 0.0, "types": {}})
            found["n"] += r.n
            found["slat"] += r.slat
            found["slon"] += r.slon
            found["types"][r.type] = r.n
    features = []
    for (cx, cy), c in sorted(cells.items()):
        types = dict(sorted(c["types"].items(), key=lambda item: (-item[1], item[0])))
        feature: dict[str, Any] = {
            "kind": "cluster",
            "id": None,
            "type": next(iter(types)),
            "lat": round(c["slat"] / c["n"], 5),
            "lon": round(c["slon"] / c["n"], 5),
            "count": c["n"],
            "types": types,
            "cell": [cx, cy],
        }
        features.append(feature)
    return MapData(
        mode="clusters", zoom=zoom, cell_degrees=cell, features=features, total=sum(c["n"] for c in cells.values())
    )


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def timeline(store: Connectable, f: EventFilter, *, weeks: int = 52) -> Timeline:
    """Weekly counts by type, each with its percent change against the mean of the previous four weeks.

    Without `since`, the window is the `weeks` weeks up to the latest matching event (plus four more
    weeks before it, read only for the first weeks' change figures).
    """
    base = _where(f)
    with store.connect() as conn:
        until = f.until
        if until is None:
            latest = conn.execute(
                _text(f"SELECT max(e.date_start) FROM events e{base.sql()}", base.expanding), base.params
            ).scalar_one()
            if latest is None:
                return Timeline(types=[], weeks=[])
            until = date.fromisoformat(str(latest)[:10])
        last_week = _monday(until)
        first_week = _monday(f.since) if f.since else last_week - timedelta(weeks=weeks - 1)
        read_from = first_week - timedelta(weeks=4)
        # the window bounds date_start itself, so the covering (factuality, date_start, type) index answers alone
        w = _where(dataclasses.replace(f, since=None, until=None))
        w.add(
            "e.date_start >= :window_start AND e.date_start <= :window_end",
            window_start=read_from.isoformat(),
            window_end=(last_week + timedelta(days=6)).isoformat(),
        )
        rows = conn.execute(
            _text(
                f"SELECT e.date_start, e.type, count(*) AS n FROM events e{w.sql()} GROUP BY e.date_start, e.type",
                w.expanding,
            ),
            w.params,
        ).all()
    counts: dict[date, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for day, type_, n in rows:
        counts[_monday(date.fromisoformat(str(day)[:10]))][type_] += n
    types = sorted(
        {t for week in counts.values() for t in week}, key=lambda t: (-sum(w.get(t, 0) for w in counts.values()), t)
    )
    result = []
    week = first_week
    while week <= last_week:
        current = counts.get(week, {})
        before = [counts.get(week - timedelta(weeks=k), {}) for k in range(1, 5)]
        change: dict[str, float | None] = {}
        for t in types:
            mean = sum(b.get(t, 0) for b in before) / 4
            change[t] = round((current.get(t, 0) - mean) / mean * 100, 1) if mean else None
        result.append(TimelineWeek(week=week, counts={t: current.get(t, 0) for t in types}, change=change))
        week += timedelta(weeks=1)
    return Timeline(types=types, weeks=result)


def actor_network(store: Connectable, f: EventFilter, *, limit: int = 150) -> Network:
    """Who acts on whom: source → target edges weighted by the number of matching events."""
    w = _where(f)
    sql = (
        "SELECT s.actor_id AS source, t.actor_id AS target, count(*) AS events "
        "FROM event_actors s JOIN event_actors t ON t.event_id = s.event_id AND t.role = 'target' "
        "JOIN events e ON e.id = s.event_id"
        + (w.sql() + " AND" if w.clauses else " WHERE")
        + " s.role = 'source' AND s.actor_id <> t.actor_id "
        "GROUP BY s.actor_id, t.actor_id ORDER BY events DESC, source, target LIMIT :limit"
    )
    with store.connect() as conn:
        edges = [dict(r._mapping) for r in conn.execute(_text(sql, w.expanding), {**w.params, "limit": limit})]
        ids = sorted({e["source"] for e in edges} | {e["target"] for e in edges})
        nodes = []
        if ids:
            statement = text(
                "SELECT actor_id, name, kind, country FROM actors WHERE actor_id IN :ids ORDER BY actor_id"
            ).bindparams(bindparam("ids", expanding=True))
            nodes = [dict(r._mapping) for r in conn.execute(statement, {"ids": ids})]
    weight: dict[str, int] = defaultdict(int)
    for edge in edges:
        weight[edge["source"]] += edge["events"]
        weight[edge["target"]] += edge["events"]
    for node in nodes:
        node["events"] = weight[node["actor_id"]]
    nodes.sort(key=lambda n: (-n["events"], n["actor_id"]))
    return Network(nodes=nodes, edges=edges)


def search_terms(query: str) -> list[str]:
    """The words of a search box query (letters and digits); punctuation and operators are ignored."""
    return re.findall(r"\w+", query)[:20]


def _fts5_query(terms: Sequence[str]) -> str:
    """Each word as a quoted FTS5 phrase, so user input can never be read as query syntax."""
    return " ".join('"' + term.replace('"', '""') + '"' for term in terms)


def search(
    store: Connectable, query: str, f: EventFilter | None = None, *, limit: int = 50, offset: int = 0
) -> SearchResults:
    """Events whose evidence sentence, and articles whose title or text, contain every word of the query."""
    f = f or EventFilter(factuality=())
    terms = search_terms(query)
    if not terms:
        return SearchResults(query=query, events=[], documents=[], total_events=0, limit=limit, offset=offset)
    w = _where(f)
    with store.connect() as conn:
        if conn.dialect.name == "sqlite":
            w.add("e.rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH :q)", q=_fts5_query(terms))
            doc_sql = (
                "SELECT d.id, d.title, d.url, d.published, d.source FROM documents_fts "
                "JOIN documents d ON d.rowid = documents_fts.rowid WHERE documents_fts MATCH :q "
                "ORDER BY bm25(documents_fts), d.id LIMIT :limit"
            )
            doc_params: dict[str, Any] = {"q": _fts5_query(terms), "limit": limit}
        else:
            w.add("e.evidence_tsv @@ plainto_tsquery('english', :q)", q=" ".join(terms))
            doc_sql = (
                "SELECT d.id, d.title, d.url, d.published, d.source FROM documents d "
                "WHERE d.search_tsv @@ plainto_tsquery('english', :q) "
                "ORDER BY ts_rank(d.search_tsv, plainto_tsquery('english', :q)) DESC, d.id LIMIT :limit"
            )
            doc_params = {"q": " ".join(terms), "limit": limit}
        sql = (
            f"SELECT {_event_select()}, d.title AS document_title "
            f"FROM events e JOIN documents d ON d.id = e.document_id{w.sql()} "
            "ORDER BY e.date_start DESC, e.id LIMIT :limit OFFSET :offset"
        )
        events = [
            dict(r._mapping)
            for r in conn.execute(_text(sql, w.expanding), {**w.params, "limit": limit, "offset": offset})
        ]
        total = conn.execute(_text(f"SELECT count(*) FROM events e{w.sql()}", w.expanding), w.params).scalar_one()
        _attach_actors(conn, events)
        documents = [dict(r._mapping) for r in conn.execute(text(doc_sql), doc_params)] if offset == 0 else []
    return SearchResults(
        query=query, events=events, documents=documents, total_events=total, limit=limit, offset=offset
    )


def _shorten(value: str | None, size: int) -> str | None:
    if value is None or len(value) <= size:
        return value
    return value[: size - 1] + "…"


# -- for exports (helper X): bulk look-ups by id, in chunks the bind-parameter limits allow -----------------
def actors_by_id(store: Connectable, actor_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Stored actors (name, kind, country, wikidata) by id, for the ids given."""
    statement = text("SELECT actor_id, name, kind, country, wikidata FROM actors WHERE actor_id IN :ids").bindparams(
        bindparam("ids", expanding=True)
    )
    found: dict[str, dict[str, Any]] = {}
    wanted = sorted(set(actor_ids))
    with store.connect() as conn:
        for first in range(0, len(wanted), 500):
            for row in conn.execute(statement, {"ids": wanted[first : first + 500]}):
                found[row.actor_id] = dict(row._mapping)
    return found


def documents_by_id(store: Connectable, document_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Stored documents' provenance (title, URL, published, source, processed_at) by id, without their text."""
    statement = text(
        "SELECT id, title, url, published, source, processed_at FROM documents WHERE id IN :ids"
    ).bindparams(bindparam("ids", expanding=True))
    found: dict[str, dict[str, Any]] = {}
    wanted = sorted(set(document_ids))
    with store.connect() as conn:
        for first in range(0, len(wanted), 500):
            for row in conn.execute(statement, {"ids": wanted[first : first + 500]}):
                found[row.id] = dict(row._mapping)
    return found
