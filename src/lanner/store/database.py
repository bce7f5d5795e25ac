"""One store over SQLAlchemy Core: an SQLite file by default, or a PostgreSQL server for teams.

Documents are keyed by the hash of their text and events by a hash of their defining fields, and
every write is an upsert, so ingesting the same input twice adds nothing. Each article's document,
mentions and events are written in one transaction: a run killed mid-article leaves no trace of it,
and the next run processes it again. On SQLite that transaction is `BEGIN IMMEDIATE` (WAL, foreign
keys on); on PostgreSQL the document row's upsert comes first and locks it, so two writers of the
same article take turns, and actors are upserted in id order so writers of different articles
cannot deadlock (a deadlock or serialization failure is retried all the same).
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from operator import itemgetter
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError

from lanner.errors import Code, StoreError
from lanner.records import Analysis, Event, Place
from lanner.store.schema import migrations_for, split_sqlite

EARTH_RADIUS_KM = 6371.0088
WRITE_ATTEMPTS = 5
STORED_LOOKUP_BATCH = 500  # ids per query when checking which articles are already stored
RETRYABLE_SQLSTATES = frozenset({"40001", "40P01"})  # serialization_failure, deadlock_detected
MIGRATION_LOCK = 0x4C414E4E  # PostgreSQL advisory lock key taken while migrating ("LANN")
REPLACEMENT = "\ufffd"
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")  # NUL (PostgreSQL refuses it) and lone surrogates (not UTF-8)


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


def clean_text(value: str) -> tuple[str, int]:
    """`value` with each NUL and lone surrogate replaced by U+FFFD, and how many were replaced.

    One character stands for one, so mention and event offsets into the text stay valid.
    """
    if value.isascii() and "\x00" not in value:  # most strings: no surrogate can be there, nor a NUL
        return value, 0
    cleaned, count = _UNSTORABLE.subn(REPLACEMENT, value)
    return cleaned, count


def is_database_url(db: str | Path) -> bool:
    """True when `db` names a database by URL (postgresql://..., sqlite:///...) rather than a file path."""
    return isinstance(db, str) and "://" in db


def database_url(db: str | Path) -> URL:
    """The SQLAlchemy URL for a file path, an sqlite:/// URL or a postgresql:// URL."""
    if not is_database_url(db):
        return URL.create("sqlite", database=str(db))
    try:
        url = make_url(str(db))
    except ArgumentError as error:
        raise StoreError(Code.DB_OPEN, f"{_scheme(str(db))}: not a database URL") from error
    backend = url.get_backend_name()
    if backend in ("postgresql", "postgres"):
        return url.set(drivername="postgresql+psycopg")
    if backend == "sqlite":
        return url
    raise StoreError(
        Code.DB_OPEN,
        f"unsupported database {url.drivername}://; use a file path, sqlite:///PATH or postgresql://USER@HOST/DB",
    )


def _scheme(db: str) -> str:
    return db.split("://", 1)[0] + "://..."


def open_store(db: str | Path) -> Store:
    """Open (creating if needed) and migrate the database `db` names: a file path or a URL."""
    return Store.open(db)


class Store:
    """A Lanner database: the same schema and code on SQLite and PostgreSQL.

    `engine` is the SQLAlchemy engine; `connect()` gives a connection for read queries;
    `url` is the database's name with any password hidden, fit for messages.
    """

    def __init__(self, engine: Engine, url: str) -> None:
        self.engine = engine
        self.url = url

    @property
    def dialect(self) -> str:
        """`sqlite` or `postgresql`."""
        return self.engine.dialect.name

    @classmethod
    def open(cls, db: str | Path) -> Store:
        """Open (creating if needed) and migrate a database given by file path or URL."""
        url = database_url(db)
        shown = make_url(str(db)).render_as_string(hide_password=True) if is_database_url(db) else str(db)
        try:
            engine = _engine(url)
        except (SQLAlchemyError, ImportError) as error:
            raise StoreError(Code.DB_OPEN, f"cannot open database {shown}: {error}") from error
        store = cls(engine, shown)
        try:
            with engine.connect():
                pass
        except SQLAlchemyError as error:
            engine.dispose()
            raise StoreError(Code.DB_OPEN, f"cannot open database {shown}: {_reason(error, url)}") from error
        try:
            store.migrate()
        except BaseException:
            engine.dispose()
            raise
        return store

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def connect(self) -> Connection:
        """A connection for reading (`with store.connect() as conn: conn.execute(text(...))`)."""
        return self.engine.connect()

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """A write transaction, committed on leaving the block and rolled back on an exception.

        On SQLite it starts with `BEGIN IMMEDIATE`, so concurrent writers wait their turn (up to 30 s)
        instead of failing when a read turns into a write; use it rather than `engine.begin()` to write.
        """
        with self.engine.connect() as connection:
            connection.execution_options(lanner_write=True)
            with connection.begin():
                yield connection

    # -- schema -----------------------------------------------------------------------------------
    def migrate(self) -> list[str]:
        """Apply the migrations not yet recorded, each in its own transaction; returns their file names."""
        try:
            with self.transaction() as db:
                self._lock_for_migration(db)
                db.execute(
                    text(
                        "CREATE TABLE IF NOT EXISTS schema_migrations "
                        "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
                    )
                )
        except SQLAlchemyError as error:
            raise StoreError(Code.DB_OPEN, f"{self.url} is not a Lanner database: {_reason(error)}") from error
        applied = []
        for migration in migrations_for(self.dialect):
            try:
                with self.transaction() as db:
                    self._lock_for_migration(db)
                    done = db.execute(
                        text("SELECT 1 FROM schema_migrations WHERE version = :version"),
                        {"version": migration.version},
                    ).first()
                    if done:
                        continue
                    self._run_script(db, migration.sql)
                    db.execute(
                        text("INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, :n, :at)"),
                        {"v": migration.version, "n": migration.name, "at": _now()},
                    )
            except SQLAlchemyError as error:
                raise StoreError(
                    Code.DB_SCHEMA, f"migration {migration.name} failed on {self.url}: {_reason(error)}"
                ) from error
            applied.append(migration.name)
        return applied

    def _lock_for_migration(self, db: Connection) -> None:
        """On PostgreSQL, one process migrates at a time (SQLite's `BEGIN IMMEDIATE` already does this)."""
        if self.dialect == "postgresql":
            db.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})

    def _run_script(self, db: Connection, sql: str) -> None:
        if self.dialect == "sqlite":
            for statement in split_sqlite(sql):
                db.exec_driver_sql(statement)
            return
        # psycopg runs a parameterless script of several statements in one call, inside this transaction
        cursor = db.connection.cursor()
        try:
            cursor.execute(sql)
        finally:
            cursor.close()

    def applied_migrations(self) -> list[str]:
        with self.connect() as db:
            return list(db.execute(text("SELECT name FROM schema_migrations ORDER BY version")).scalars())

    # -- writing ----------------------------------------------------------------------------------
    def has_document(self, document_id: str) -> bool:
        with self.connect() as db:
            row = db.execute(text("SELECT 1 FROM documents WHERE id = :id"), {"id": document_id}).first()
        return row is not None

    def stored_documents(self, document_ids: Sequence[str]) -> set[str]:
        """Which of `document_ids` are stored: one query for a batch, where an ingest asked once per article."""
        found: set[str] = set()
        with self.connect() as db:
            for start in range(0, len(document_ids), STORED_LOOKUP_BATCH):
                chunk = list(document_ids[start : start + STORED_LOOKUP_BATCH])
                query = text("SELECT id FROM documents WHERE id IN :ids").bindparams(bindparam("ids", expanding=True))
                found.update(db.execute(query, {"ids": chunk}).scalars())
        return found

    def write(self, analysis: Analysis, pipeline_name: str = "") -> int:
        """Store one analysed article atomically (replacing an earlier analysis of the same text).

        Text the database cannot hold (NUL, lone surrogates) is replaced character for character with
        U+FFFD and the count kept in `documents.replaced_chars`. Returns the number of events stored.
        """
        return self.write_rows(article_rows(analysis, pipeline_name))

    def write_rows(self, rows: ArticleRows) -> int:
        """Store one article's rows, built beforehand by `article_rows` (a Dask worker builds them, so the
        single writer only runs SQL), atomically. Returns the number of events stored."""
        return self.write_batch([rows])

    def write_batch(self, batch: Sequence[ArticleRows]) -> int:
        """Store several articles' rows in one transaction: each article is still all or nothing, and one
        commit for a partition instead of one per article halves the single writer's time."""
        for attempt in range(1, WRITE_ATTEMPTS + 1):
            try:
                with self.transaction() as db:
                    self._write_batch(db, batch)
                return sum(len(rows.events) for rows in batch)
            except DBAPIError as error:
                if _sqlstate(error) in RETRYABLE_SQLSTATES and attempt < WRITE_ATTEMPTS:
                    continue
                origin = ", ".join(str(rows.document.get("origin")) for rows in batch[:3])
                raise StoreError(
                    Code.DB_WRITE, f"cannot store the article in {self.url}: {_reason(error)}", origin=origin
                ) from error
        raise AssertionError("unreachable")  # pragma: no cover

    def _write_batch(self, db: Connection, batch: Sequence[ArticleRows]) -> None:
        """One statement per table for the whole batch, sent to the driver as it is: the single writer of a
        distributed run spent more time in SQLAlchemy's per-row parameter handling than in the database."""
        sql = _DRIVER_SQL[self.dialect]
        documents = [{"document_id": rows.document["id"]} for rows in batch]
        actors: dict[str, dict[str, Any]] = {}
        for rows in batch:
            for actor in rows.actors:
                if actor["known"] or actor["actor_id"] not in actors:
                    actors[actor["actor_id"]] = actor
        defer_search = self.dialect == "sqlite"  # migration 0006: search entries in bulk, below
        if defer_search:
            db.exec_driver_sql("INSERT INTO search_deferred (writer) VALUES (1)")
        sql["document"].execute(db, [rows.document for rows in batch])
        for statement in ("delete_event_actors", "delete_events", "delete_mentions"):
            sql[statement].execute(db, documents)
        if actors:  # in id order, so concurrent writers lock shared actors in the same order
            sql["actor"].execute(db, [actors[actor_id] for actor_id in sorted(actors)])
        for table in ("mentions", "events", "event_actors"):
            rows_of_table = [row for rows in batch for row in getattr(rows, table)]
            if table == "events":
                # one row per id, the last as an upsert would leave it: then no insert turns into an update,
                # whose trigger would remove a search entry the statement below has not yet added
                rows_of_table = list({row["id"]: row for row in rows_of_table}.values())
            if rows_of_table:
                sql[table].execute(db, rows_of_table)
        if defer_search:  # the batch's event search entries, one statement per article (once each)
            written = dict.fromkeys(rows.document["id"] for rows in batch)
            sql["event_search"].execute(db, [{"document_id": document_id} for document_id in written])
            db.exec_driver_sql("DELETE FROM search_deferred")

    # -- reading ----------------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        with self.connect() as db:
            return {
                table: db.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
                for table in ("documents", "events", "mentions", "actors")
            }

    def events(self, query: EventQuery | None = None) -> Iterator[dict[str, Any]]:
        """Stored events matching the query, newest first, each with its source and target actor ids.

        Rows are streamed in chunks on both backends (on PostgreSQL through a server-side cursor, since
        psycopg would otherwise fetch the whole result), so an export of millions of events keeps one
        chunk in memory. The read holds a connection and, on PostgreSQL, an open transaction until the
        iterator is exhausted or closed: a caller that stops early should close it (`break` out of a
        `for` loop over it does; `contextlib.closing` does for an iterator kept in a variable).
        """
        query = query or EventQuery()
        sql, params = _events_sql(query)
        with self.connect() as db:
            result = db.execution_options(stream_results=True, max_row_buffer=_CHUNK).execute(text(sql), params)
            try:
                if query.near:  # ranked by distance, so read whole (the SQL already keeps to a bounding box)
                    chunks = iter([_within([dict(row._mapping) for row in result], query.near, query.limit)])
                else:  # streamed in chunks, so an export of a million events keeps a chunk in memory, not all
                    chunks = iter(lambda: [dict(row._mapping) for row in result.fetchmany(_CHUNK)], [])
                for records in chunks:
                    actor_ids = _event_actor_ids(db, [record["id"] for record in records])
                    for record in records:
                        record["context"] = json.loads(record["context"])
                        record["source"], record["target"] = actor_ids.get(record["id"], ([], []))
                        yield record
            finally:
                result.close()  # the server-side cursor first, then the connection's transaction ends


_CHUNK = 5_000
# The event fields a reader gets, named rather than `e.*`, so a backend's own helper columns (PostgreSQL's
# search vector) stay out of the output.
EVENT_COLUMNS: tuple[str, ...] = (
    "id", "document_id", "local_id", "type", "mode", "context", "acled_event_type", "acled_sub_event_type",
    "place_name", "geonames_id", "feature", "country", "admin1", "lat", "lon", "geo_precision", "date_start",
    "date_end", "date_precision", "date_basis", "fatalities", "factuality", "confidence", "evidence_start",
    "evidence_end", "evidence_text", "trigger_start", "trigger_end", "trigger_text",
)  # fmt: skip

SQLiteStore = Store  # the name the store had when it only spoke SQLite


def _engine(url: URL) -> Engine:
    """An engine for `url`; on SQLite with WAL, foreign keys and explicit transactions."""
    if url.get_backend_name() != "sqlite":
        connect_args = {} if "connect_timeout" in url.query else {"connect_timeout": 10}
        return create_engine(url, connect_args=connect_args)
    engine = create_engine(url, connect_args={"timeout": 30})
    event.listen(engine, "connect", _sqlite_connect)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_connect(dbapi_connection: Any, _record: object) -> None:
    # the driver's own implicit transactions off: the store says BEGIN itself (see _sqlite_begin)
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        # a page cache of up to 64 MiB (SQLite's default is 2 MiB), filled only as pages are read: the single
        # writer of a large run inserts into indexes keyed by hashes, which touch pages all over the file, and
        # spent about 10% less CPU per article on a 400 MB store with it
        cursor.execute("PRAGMA cache_size = -65536")
    finally:
        cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    immediate = connection.get_execution_options().get("lanner_write", False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _sqlstate(error: DBAPIError) -> str | None:
    return getattr(error.orig, "sqlstate", None)


def _reason(error: SQLAlchemyError, url: URL | None = None) -> str:
    """The driver's own message, first line only, with any password blanked out."""
    cause = error.orig if isinstance(error, DBAPIError) else error
    message = str(cause).strip().splitlines()[0] if str(cause).strip() else type(cause).__name__
    if url is not None and url.password:
        message = message.replace(str(url.password), "***")
    return message


# -- rows -----------------------------------------------------------------------------------------
@dataclass
class ArticleRows:
    """Everything one article writes, as parameter dicts, built before the transaction opens."""

    document: dict[str, Any]
    actors: list[dict[str, Any]] = field(default_factory=list)
    mentions: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    event_actors: list[dict[str, Any]] = field(default_factory=list)


def article_rows(analysis: Analysis, pipeline_name: str = "") -> ArticleRows:
    """The rows for one analysed article, with text the databases refuse replaced (see `clean_text`)."""
    article = analysis.article
    document_id = article.id
    document: dict[str, Any] = {
        "id": document_id,
        "title": article.title,
        "url": article.url,
        "published": article.published.isoformat() if article.published else None,
        "source": article.source,
        "language": article.language,
        "input_id": article.input_id,
        "origin": article.origin,
        "text": article.text,
        "text_is_extracted": int(article.text_is_extracted),
        "pipeline": pipeline_name,
        "processed_at": _now(),
    }
    document, replaced = _cleaned(document)
    document["replaced_chars"] = replaced

    actors: dict[str, dict[str, Any]] = {}
    mentions: list[dict[str, Any]] = []
    for mention in analysis.actors:
        actor = mention.actor
        actors[actor.actor_id] = {
            "actor_id": actor.actor_id,
            "name": actor.name,
            "kind": actor.kind,
            "country": actor.country,
            "wikidata": actor.wikidata,
            "known": True,
        }
        mentions.append(
            _mention(document_id, "actor", mention.start, mention.end, mention.text, actor_id=actor.actor_id)
        )
    for mention in analysis.places:
        mentions.append(
            _mention(
                document_id,
                "place",
                mention.start,
                mention.end,
                mention.text,
                **_place_columns(mention.place),
                confidence=mention.confidence,
            )
        )
    for mention in analysis.dates:
        span = mention.range
        mentions.append(
            _mention(
                document_id,
                "date",
                mention.start,
                mention.end,
                mention.text,
                date_start=span.start.isoformat() if span else None,
                date_end=span.end.isoformat() if span else None,
                date_precision=span.precision if span else None,
            )
        )

    events: list[dict[str, Any]] = []
    event_actors: list[dict[str, Any]] = []
    for item in analysis.events:
        key = event_key(document_id, item)
        events.append(_event_row(document_id, key, item))
        for role, actor_ids in (("source", item.source), ("target", item.target)):
            for position, actor_id in enumerate(actor_ids):
                actors.setdefault(
                    actor_id,
                    {"actor_id": actor_id, "name": actor_id, "kind": "other", "country": None, "wikidata": None}
                    | {"known": False},
                )
                event_actors.append({"event_id": key, "actor_id": actor_id, "role": role, "position": position})
    return ArticleRows(
        document=document,
        actors=[_cleaned(actors[actor_id])[0] for actor_id in sorted(actors)],
        mentions=[_cleaned(row)[0] for row in mentions],
        events=[_cleaned(row)[0] for row in events],
        event_actors=[_cleaned(row)[0] for row in event_actors],
    )


_MENTION_COLUMNS = (
    "actor_id",
    "place_name",
    "geonames_id",
    "feature",
    "country",
    "admin1",
    "lat",
    "lon",
    "date_start",
    "date_end",
    "date_precision",
    "confidence",
)


def _mention(document_id: str, kind: str, start: int, end: int, mention_text: str, **columns: Any) -> dict[str, Any]:
    row: dict[str, Any] = {"document_id": document_id, "kind": kind, "start": start, "end": end, "text": mention_text}
    row |= {column: columns.get(column) for column in _MENTION_COLUMNS}
    return row


def _event_row(document_id: str, key: str, item: Event) -> dict[str, Any]:
    place = item.place.place if item.place else None
    date_range = item.date.range
    return {
        "id": key,
        "document_id": document_id,
        "local_id": item.id,
        "type": item.type,
        "mode": item.mode,
        "context": json.dumps(list(item.context)),
        "acled_event_type": item.acled_event_type,
        "acled_sub_event_type": item.acled_sub_event_type,
        **_place_columns(place),
        "geo_precision": item.place.precision if item.place else None,
        "date_start": date_range.start.isoformat() if date_range else None,
        "date_end": date_range.end.isoformat() if date_range else None,
        "date_precision": date_range.precision if date_range else "unknown",
        "date_basis": item.date.basis,
        "fatalities": item.fatalities,
        "factuality": item.factuality,
        "confidence": item.confidence,
        "evidence_start": item.evidence.start,
        "evidence_end": item.evidence.end,
        "evidence_text": item.evidence.text,
        "trigger_start": item.trigger.start,
        "trigger_end": item.trigger.end,
        "trigger_text": item.trigger.text,
    }


def _place_columns(place: Place | None) -> dict[str, Any]:
    """The place columns shared by mentions and events."""
    if place is None:
        return dict.fromkeys(("place_name", "geonames_id", "feature", "country", "admin1", "lat", "lon"))
    return {
        "place_name": place.name,
        "geonames_id": place.geonames_id,
        "feature": place.feature,
        "country": place.country,
        "admin1": place.admin1,
        "lat": place.lat,
        "lon": place.lon,
    }


def _cleaned(row: dict[str, Any]) -> tuple[dict[str, Any], int]:
    """`row` with every string cleaned, and the number of characters replaced in all of them."""
    total = 0
    out: dict[str, Any] = {}
    for column, value in row.items():
        if isinstance(value, str):
            value, count = clean_text(value)
            total += count
        out[column] = value
    return out, total


_WRITE_SQL = {
    "document": """INSERT INTO documents (id, title, url, published, source, language, input_id, origin, text,
           text_is_extracted, pipeline, processed_at, replaced_chars)
       VALUES (:id, :title, :url, :published, :source, :language, :input_id, :origin, :text,
           :text_is_extracted, :pipeline, :processed_at, :replaced_chars)
       ON CONFLICT (id) DO UPDATE SET title = excluded.title, url = excluded.url,
           published = excluded.published, source = excluded.source, input_id = excluded.input_id,
           origin = excluded.origin, pipeline = excluded.pipeline,
           processed_at = excluded.processed_at, replaced_chars = excluded.replaced_chars""",
    "delete_event_actors": (
        "DELETE FROM event_actors WHERE event_id IN (SELECT id FROM events WHERE document_id = :document_id)"
    ),
    "delete_events": "DELETE FROM events WHERE document_id = :document_id",
    # SQLite only (migration 0006): full-text entries of an article's events, just written
    "event_search": (
        "INSERT INTO events_fts (rowid, evidence_text) SELECT rowid, evidence_text FROM events "
        "WHERE document_id = :document_id"
    ),
    "delete_mentions": "DELETE FROM mentions WHERE document_id = :document_id",
    # an actor of the knowledge base overwrites what is stored; an id met only as an event's role adds a
    # placeholder row and never overwrites a known actor
    "actor": """INSERT INTO actors (actor_id, name, kind, country, wikidata)
       VALUES (:actor_id, :name, :kind, :country, :wikidata)
       ON CONFLICT (actor_id) DO UPDATE SET name = excluded.name, kind = excluded.kind,
           country = excluded.country, wikidata = excluded.wikidata
       WHERE :known""",
    "mentions": """INSERT INTO mentions (document_id, kind, start, "end", text, actor_id, place_name, geonames_id,
           feature, country, admin1, lat, lon, date_start, date_end, date_precision, confidence)
       VALUES (:document_id, :kind, :start, :end, :text, :actor_id, :place_name, :geonames_id, :feature,
           :country, :admin1, :lat, :lon, :date_start, :date_end, :date_precision, :confidence)
       ON CONFLICT (document_id, kind, start, "end") DO UPDATE SET text = excluded.text,
           actor_id = excluded.actor_id, place_name = excluded.place_name, geonames_id = excluded.geonames_id,
           feature = excluded.feature, country = excluded.country, admin1 = excluded.admin1, lat = excluded.lat,
           lon = excluded.lon, date_start = excluded.date_start, date_end = excluded.date_end,
           date_precision = excluded.date_precision, confidence = excluded.confidence""",
    "events": f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES ({', '.join(':' + c for c in EVENT_COLUMNS)}) "
    "ON CONFLICT (id) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in EVENT_COLUMNS if c not in ("id", "document_id")),
    "event_actors": """INSERT INTO event_actors (event_id, actor_id, role, position)
       VALUES (:event_id, :actor_id, :role, :position)
       ON CONFLICT (event_id, role, actor_id) DO UPDATE SET position = excluded.position""",
}
_PARAMETER = re.compile(r"(?<![:\w]):(\w+)")


@dataclass(frozen=True)
class _DriverStatement:
    """A write statement in its driver's positional style (sqlite3 `?`, psycopg `%s`) and a function that turns
    a row's parameter dict into values in that order. Bound by position, sqlite3 no longer builds a name string
    per parameter per row to look it up: about 7% of the single writer's time."""

    sql: str
    values: Callable[[dict[str, Any]], tuple[Any, ...]]

    @classmethod
    def of(cls, sql: str, placeholder: str) -> _DriverStatement:
        names = _PARAMETER.findall(sql)
        pick = itemgetter(*names)
        values = pick if len(names) > 1 else lambda row: (pick(row),)
        return cls(_PARAMETER.sub(placeholder, sql), values)

    def execute(self, db: Connection, rows: Iterable[dict[str, Any]]) -> None:
        db.exec_driver_sql(self.sql, [self.values(row) for row in rows])


# The same statements in each driver's own positional parameter style.
_DRIVER_SQL = {
    dialect: {name: _DriverStatement.of(sql, placeholder) for name, sql in _WRITE_SQL.items()}
    for dialect, placeholder in (("sqlite", "?"), ("postgresql", "%s"))
}


# -- reading helpers ------------------------------------------------------------------------------
def _events_sql(query: EventQuery) -> tuple[str, dict[str, Any]]:
    """The SELECT for `query`, portable across SQLite and PostgreSQL, and its parameters."""
    where: list[str] = []
    params: dict[str, Any] = {}

    def one_of(column: str, name: str, values: Sequence[str]) -> None:
        names = [f"{name}{i}" for i in range(len(values))]
        where.append(f"{column} IN ({', '.join(':' + n for n in names)})")
        params.update(zip(names, values, strict=True))

    if query.since:
        where.append("e.date_end >= :since")
        params["since"] = query.since.isoformat()
    if query.until:
        where.append("e.date_start <= :until")
        params["until"] = query.until.isoformat()
    if query.types:
        one_of("e.type", "type", [t.upper() for t in query.types])
    if query.factuality:
        one_of("e.factuality", "factuality", list(query.factuality))
    if query.country:
        where.append("e.country = :country")
        params["country"] = query.country.upper()
    if query.document_id:
        where.append("e.document_id = :document_id")
        params["document_id"] = query.document_id
    if query.actor:
        where.append(
            "e.id IN (SELECT ea.event_id FROM event_actors ea JOIN actors a ON a.actor_id = ea.actor_id "
            "WHERE ea.actor_id = :actor OR lower(a.name) LIKE :actor_pattern)"
        )
        params["actor"] = query.actor
        params["actor_pattern"] = f"%{query.actor.lower()}%"
    if query.near:
        lat, lon, km = query.near
        dlat = km / 111.0
        dlon = km / max(1e-6, 111.0 * math.cos(math.radians(lat)))
        where.append("e.lat BETWEEN :lat_min AND :lat_max AND e.lon BETWEEN :lon_min AND :lon_max")
        params |= {"lat_min": lat - dlat, "lat_max": lat + dlat, "lon_min": lon - dlon, "lon_max": lon + dlon}
    columns = ", ".join(f"e.{name}" for name in EVENT_COLUMNS)
    sql = f"SELECT {columns}, d.title AS document_title, d.url AS document_url, d.published AS document_published "
    sql += "FROM events e JOIN documents d ON d.id = e.document_id"
    if where:
        sql += " WHERE " + " AND ".join(where)
    # undated events last on both backends (PostgreSQL sorts NULL first in DESC order, SQLite last)
    sql += " ORDER BY e.date_start IS NULL, e.date_start DESC, e.document_id, e.evidence_start, e.trigger_start"
    if query.limit is not None and not query.near:
        sql += " LIMIT :limit OFFSET :offset"
        params |= {"limit": query.limit, "offset": query.offset}
    return sql, params


def _within(records: list[dict[str, Any]], near: tuple[float, float, float], limit: int | None) -> list[dict[str, Any]]:
    """The bounding-box candidates that are truly within the radius, each with its distance."""
    lat, lon, km = near
    kept = []
    for record in records:
        record["distance_km"] = round(haversine_km(lat, lon, record["lat"], record["lon"]), 1)
        if record["distance_km"] <= km:
            kept.append(record)
            if limit is not None and len(kept) >= limit:
                break
    return kept


def _event_actor_ids(db: Connection, event_ids: list[str]) -> dict[str, tuple[list[str], list[str]]]:
    """Source and target actor ids of each event, read in batches rather than one query per event."""
    found: dict[str, tuple[list[str], list[str]]] = {}
    batch = 500
    for first in range(0, len(event_ids), batch):
        chunk = event_ids[first : first + batch]
        names = [f"e{i}" for i in range(len(chunk))]
        placeholders = ", ".join(":" + name for name in names)
        rows = db.execute(
            text(
                f"SELECT event_id, actor_id, role FROM event_actors WHERE event_id IN ({placeholders}) "
                "ORDER BY event_id, role, position"
            ),
            dict(zip(names, chunk, strict=True)),
        )
        for event_id, actor_id, role in rows:
            source, target = found.setdefault(event_id, ([], []))
            (source if role == "source" else target).append(actor_id)
    return found


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
