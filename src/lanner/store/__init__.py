"""The store stage: one `Store` over SQLAlchemy Core for SQLite files and PostgreSQL servers.

`open_store(db)` takes a file path (or `sqlite:///PATH`) or a `postgresql://USER:PASSWORD@HOST:PORT/DB`
URL, opens it and applies the migrations it has not recorded. Writing (`Store.write`) is one
transaction per article, idempotent, with the same schema and SQL on both backends.

Reading from other modules (for example `lanner/store/read.py`): take a `Store` and run SQLAlchemy
`text()` queries on a connection from `store.connect()` (or use `store.engine` directly); check
`store.dialect` (`"sqlite"` or `"postgresql"`) where the SQL must differ, and write portable SQL with
named parameters (`:name`) otherwise. `store.url` names the database with its password hidden.
To write, use `with store.transaction() as conn:` (commits on exit; `BEGIN IMMEDIATE` on SQLite, so
concurrent writers queue rather than fail with "database is locked" as `engine.begin()` can).

Migrations live in `store/migrations/`: `NNNN_name.sql` runs on both backends; where the dialects
differ, `NNNN_name.sqlite.sql` and `NNNN_name.postgresql.sql` stand in for it. Each number is applied
once, in its own transaction, and recorded in `schema_migrations`.

Text a database cannot hold (NUL bytes, which PostgreSQL refuses, and lone surrogates) is replaced
character for character by U+FFFD before writing, so stored offsets stay valid, and the number
replaced is kept in `documents.replaced_chars`.
"""

from lanner.store.database import (
    ArticleRows,
    EventQuery,
    SQLiteStore,
    Store,
    article_rows,
    clean_text,
    database_url,
    event_key,
    haversine_km,
    is_database_url,
    open_store,
)

__all__ = [
    "ArticleRows",
    "EventQuery",
    "SQLiteStore",
    "Store",
    "article_rows",
    "clean_text",
    "database_url",
    "event_key",
    "haversine_km",
    "is_database_url",
    "open_store",
]
