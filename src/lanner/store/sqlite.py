"""The embedded store: SQLite, with recorded migrations and one transaction per article.

Documents are keyed by the hash of their text and events by a hash of their defining fields, and
every write is an upsert, so ingesting the same input twice adds nothing. Each article's document,
mentions and events are written inside one `BEGIN IMMEDIATE` transaction: a run killed mid-article
leaves no trace of it, and the next run processes it again.
"""

from __future__ import annotations

import hashlib
import json
import math
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from lanner.errors import Code, StoreError
from lanner.records import Analysis, Event, Place

EARTH_RADIUS_KM = 6371.0088


@dataclass(frozen=True)
class EventQuery:
    """Filters for stored events; every field is optional and they combine with AND."""

    since: date | None = None
    until: date | None = None
    types: tuple[str, ...] = ()
    actor: str | None = None  # an actor_id, or part of an actor's name
    country: str | None = None  # ISO alpha-2
    near: tuple[float, float, float] | None = None  # lat, lon, km
    factuality: tuple[str, ...] = ("asserted",)  # empty: every factuality
    document_id: str | None = None
    limit: int | None = None
    offset: int = 0


def event_key(document_id: str, event: Event) -> str:
    """The stored id of an event: a hash of what defines it, so re-ingest upserts the same row."""
    defining = [
        document_id,
        event.type,
        event.mode,
        sorted(event.source),
        sorted(event.target),
        event.trigger.start,
        event.evidence.start,
    ]
    return hashlib.sha256(json.dumps(defining).encode()).hexdigest()


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def _migrations() -> list[tuple[int, str, str]]:
    folder = resources.files("lanner.store") / "migrations"
    found = []
    for entry in folder.iterdir():
        if entry.name.endswith(".sql"):
            number = int(entry.name.split("_", 1)[0])
            found.append((number, entry.name, entry.read_text(encoding="utf-8")))
    return sorted(found)


class SQLiteStore:
    """A Lanner database in one SQLite file."""

    def __init__(self, connection: sqlite3.Connection, path: str) -> None:
        self.connection = connection
        self.path = path

    @classmethod
    def open(cls, path: str | Path) -> SQLiteStore:
        """Open (creating if needed) and migrate a database file."""
        try:
            connection = sqlite3.connect(str(path), isolation_level=None, timeout=30)
            connection.row_factory = sqlite3.Row
            connection.execute("PRAGMA foreign_keys = ON")
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.Error as error:
            raise StoreError(Code.DB_OPEN, f"cannot open database {path}: {error}") from error
        store = cls(connection, str(path))
        store.migrate()
        return store

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- schema -----------------------------------------------------------------------------------
    def migrate(self) -> list[str]:
        """Apply the migrations not yet recorded, each in its own transaction; returns their names."""
        db = self.connection
        try:
            db.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations "
                "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
            done = {row[0] for row in db.execute("SELECT version FROM schema_migrations")}
        except sqlite3.DatabaseError as error:
            raise StoreError(Code.DB_OPEN, f"{self.path} is not a Lanner database: {error}") from error
        applied = []
        for version, name, sql in _migrations():
            if version in done:
                continue
            try:
                db.execute("BEGIN IMMEDIATE")
                for statement in sql.split(";\n"):
                    if statement.strip():
                        db.execute(statement)
                db.execute(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    (version, name, _now()),
                )
                db.execute("COMMIT")
            except sqlite3.Error as error:
                db.execute("ROLLBACK")
                raise StoreError(Code.DB_SCHEMA, f"migration {name} failed on {self.path}: {error}") from error
            applied.append(name)
        return applied

    def applied_migrations(self) -> list[str]:
        return [row[0] for row in self.connection.execute("SELECT name FROM schema_migrations ORDER BY version")]

    # -- writing ----------------------------------------------------------------------------------
    def has_document(self, document_id: str) -> bool:
        row = self.connection.execute("SELECT 1 FROM documents WHERE id = ?", (document_id,)).fetchone()
        return row is not None

    def write(self, analysis: Analysis, pipeline_name: str = "") -> int:
        """Store one analysed article atomically (replacing an earlier analysis of the same text).

        Returns the number of events stored for it.
        """
        article = analysis.article
        document_id = article.id
        db = self.connection
        db.execute("BEGIN IMMEDIATE")
        try:
            db.execute(
                """INSERT INTO documents (id, title, url, published, source, language, input_id, origin, text,
                       text_is_extracted, pipeline, processed_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                   ON CONFLICT(id) DO UPDATE SET title = excluded.title, url = excluded.url,
                       published = excluded.published, source = excluded.source, input_id = excluded.input_id,
                       origin = excluded.origin, pipeline = excluded.pipeline, processed_at = excluded.processed_at""",
                (
                    document_id,
                    article.title,
                    article.url,
                    article.published.isoformat() if article.published else None,
                    article.source,
                    article.language,
                    article.input_id,
                    article.origin,
                    article.text,
                    int(article.text_is_extracted),
                    pipeline_name,
                    _now(),
                ),
            )
            db.execute(
                "DELETE FROM event_actors WHERE event_id IN (SELECT id FROM events WHERE document_id = ?)",
                (document_id,),
            )
            db.execute("DELETE FROM events WHERE document_id = ?", (document_id,))
            db.execute("DELETE FROM mentions WHERE document_id = ?", (document_id,))
            self._write_mentions(document_id, analysis)
            for event in analysis.events:
                self._write_event(document_id, event)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return len(analysis.events)

    def _upsert_actor(self, actor_id: str, name: str, kind: str, country: str | None, wikidata: str | None) -> None:
        self.connection.execute(
            """INSERT INTO actors (actor_id, name, kind, country, wikidata) VALUES (?, ?, ?, ?, ?)
               ON CONFLICT(actor_id) DO UPDATE SET name = excluded.name, kind = excluded.kind,
                   country = excluded.country, wikidata = excluded.wikidata""",
            (actor_id, name, kind, country, wikidata),
        )

    def _write_mentions(self, document_id: str, analysis: Analysis) -> None:
        db = self.connection
        for mention in analysis.actors:
            actor = mention.actor
            self._upsert_actor(actor.actor_id, actor.name, actor.kind, actor.country, actor.wikidata)
            db.execute(
                """INSERT OR REPLACE INTO mentions (document_id, kind, start, "end", text, actor_id)
                   VALUES (?, 'actor', ?, ?, ?, ?)""",
                (document_id, mention.start, mention.end, mention.text, actor.actor_id),
            )
        for mention in analysis.places:
            place = mention.place
            db.execute(
                """INSERT OR REPLACE INTO mentions (document_id, kind, start, "end", text, place_name, geonames_id,
                       feature, country, admin1, lat, lon, confidence)
                   VALUES (?, 'place', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (
                    document_id,
                    mention.start,
                    mention.end,
                    mention.text,
                    *_place_columns(place),
                    mention.confidence,
                ),
            )
        for mention in analysis.dates:
            span = mention.range
            db.execute(
                """INSERT OR REPLACE INTO mentions (document_id, kind, start, "end", text, date_start, date_end,
                       date_precision) VALUES (?, 'date', ?, ?, ?, ?, ?, ?)""",
                (
                    document_id,
                    mention.start,
                    mention.end,
                    mention.text,
                    span.start.isoformat() if span else None,
                    span.end.isoformat() if span else None,
                    span.precision if span else None,
                ),
            )

    def _write_event(self, document_id: str, event: Event) -> None:
        key = event_key(document_id, event)
        place = event.place.place if event.place else None
        date_range = event.date.range
        self.connection.execute(
            """INSERT OR REPLACE INTO events (id, document_id, local_id, type, mode, context, acled_event_type,
                   acled_sub_event_type, place_name, geonames_id, feature, country, admin1, lat, lon, geo_precision,
                   date_start, date_end, date_precision, date_basis, fatalities, factuality, confidence,
                   evidence_start, evidence_end, evidence_text, trigger_start, trigger_end, trigger_text)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                key,
                document_id,
                event.id,
                event.type,
                event.mode,
                json.dumps(list(event.context)),
                event.acled_event_type,
                event.acled_sub_event_type,
                *_place_columns(place),
                event.place.precision if event.place else None,
                date_range.start.isoformat() if date_range else None,
                date_range.end.isoformat() if date_range else None,
                date_range.precision if date_range else "unknown",
                event.date.basis,
                event.fatalities,
                event.factuality,
                event.confidence,
                event.evidence.start,
                event.evidence.end,
                event.evidence.text,
                event.trigger.start,
                event.trigger.end,
                event.trigger.text,
            ),
        )
        for role, actor_ids in (("source", event.source), ("target", event.target)):
            for position, actor_id in enumerate(actor_ids):
                self.connection.execute(
                    "INSERT OR IGNORE INTO actors (actor_id, name, kind) VALUES (?, ?, 'other')",
                    (actor_id, actor_id),
                )
                self.connection.execute(
                    "INSERT OR REPLACE INTO event_actors (event_id, actor_id, role, position) VALUES (?, ?, ?, ?)",
                    (key, actor_id, role, position),
                )

    # -- reading ----------------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        db = self.connection
        return {
            table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("documents", "events", "mentions", "actors")
        }

    def events(self, query: EventQuery | None = None) -> Iterator[dict[str, Any]]:
        """Stored events matching the query, newest first, each with its source and target actor ids."""
        query = query or EventQuery()
        where: list[str] = []
        params: list[Any] = []
        if query.since:
            where.append("e.date_end >= ?")
            params.append(query.since.isoformat())
        if query.until:
            where.append("e.date_start <= ?")
            params.append(query.until.isoformat())
        if query.types:
            where.append(f"e.type IN ({', '.join('?' * len(query.types))})")
            params.extend(t.upper() for t in query.types)
        if query.factuality:
            where.append(f"e.factuality IN ({', '.join('?' * len(query.factuality))})")
            params.extend(query.factuality)
        if query.country:
            where.append("e.country = ?")
            params.append(query.country.upper())
        if query.document_id:
            where.append("e.document_id = ?")
            params.append(query.document_id)
        if query.actor:
            where.append(
                "e.id IN (SELECT ea.event_id FROM event_actors ea JOIN actors a ON a.actor_id = ea.actor_id "
                "WHERE ea.actor_id = ? OR a.name LIKE ?)"
            )
            params.extend([query.actor, f"%{query.actor}%"])
        if query.near:
            lat, lon, km = query.near
            dlat = km / 111.0
            dlon = km / max(1e-6, 111.0 * math.cos(math.radians(lat)))
            where.append("e.lat BETWEEN ? AND ? AND e.lon BETWEEN ? AND ?")
            params.extend([lat - dlat, lat + dlat, lon - dlon, lon + dlon])
        sql = "SELECT e.*, d.title AS document_title, d.url AS document_url, d.published AS document_published "
        sql += "FROM events e JOIN documents d ON d.id = e.document_id"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY e.date_start DESC, e.document_id, e.evidence_start, e.trigger_start"
        if query.limit is not None and not query.near:
            sql += " LIMIT ? OFFSET ?"
            params.extend([query.limit, query.offset])
        emitted = 0
        for row in self.connection.execute(sql, params).fetchall():
            record = dict(row)
            if query.near:
                lat, lon, km = query.near
                record["distance_km"] = round(haversine_km(lat, lon, record["lat"], record["lon"]), 1)
                if record["distance_km"] > km:
                    continue
            record["context"] = json.loads(record["context"])
            record["source"], record["target"] = self._event_actor_ids(record["id"])
            yield record
            emitted += 1
            if query.near and query.limit is not None and emitted >= query.limit:
                return

    def _event_actor_ids(self, event_id: str) -> tuple[list[str], list[str]]:
        rows = self.connection.execute(
            "SELECT actor_id, role FROM event_actors WHERE event_id = ? ORDER BY role, position", (event_id,)
        ).fetchall()
        return [r[0] for r in rows if r[1] == "source"], [r[0] for r in rows if r[1] == "target"]


def _place_columns(place: Place | None) -> tuple[object, ...]:
    """The place columns shared by mentions and events: name, geonames_id, feature, country, admin1, lat, lon."""
    if place is None:
        return (None,) * 7
    return (place.name, place.geonames_id, place.feature, place.country, place.admin1, place.lat, place.lon)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
