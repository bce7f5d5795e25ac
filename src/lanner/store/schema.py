"""Finding the schema migrations for a dialect and splitting them into statements.

Migrations are numbered files in `store/migrations/`: `NNNN_name.sql` is portable SQL run on every
backend; where the dialects differ, `NNNN_name.sqlite.sql` and `NNNN_name.postgresql.sql` replace it.
A number is applied once per database and recorded in `schema_migrations`.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from importlib import resources

from lanner.errors import Code, StoreError

DIALECTS = ("sqlite", "postgresql")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str  # the file applied, e.g. 0001_initial.sqlite.sql
    sql: str


def _dialect_of(file_name: str) -> str | None:
    """`None` for a portable file, else the dialect its name ends with."""
    stem = file_name.removesuffix(".sql")
    for dialect in DIALECTS:
        if stem.endswith(f".{dialect}"):
            return dialect
    return None


def migrations_for(dialect: str) -> list[Migration]:
    """The migrations a `dialect` database runs, in order: per number, the dialect's file or the portable one."""
    folder = resources.files("lanner.store") / "migrations"
    chosen: dict[int, Migration] = {}
    portable: set[int] = set()
    specific: set[int] = set()
    for entry in folder.iterdir():
        name = entry.name
        if not name.endswith(".sql"):
            continue
        prefix = name.split("_", 1)[0]
        if not prefix.isdigit():
            raise StoreError(Code.DB_SCHEMA, f"migration file {name} does not start with a number (NNNN_name.sql)")
        version = int(prefix)
        file_dialect = _dialect_of(name)
        (portable if file_dialect is None else specific).add(version)
        if file_dialect in (None, dialect):
            if version in chosen and _dialect_of(chosen[version].name) == file_dialect:
                raise StoreError(Code.DB_SCHEMA, f"two migrations numbered {version}: {chosen[version].name}, {name}")
            chosen[version] = Migration(version, name, entry.read_text(encoding="utf-8"))
    both = portable & specific
    if both:
        raise StoreError(
            Code.DB_SCHEMA,
            f"migration {min(both):04d} has both a portable file and dialect files; keep one or the other",
        )
    return [chosen[version] for version in sorted(chosen)]


def split_sqlite(sql: str) -> list[str]:
    """Split a script into whole statements, keeping trigger bodies (`BEGIN ... END;`) in one piece.

    The sqlite3 driver runs one statement per call, and `executescript` would commit behind the store's
    transaction, so the script is split here with SQLite's own notion of a complete statement.
    """
    statements: list[str] = []
    pending = ""
    for line in sql.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            if _has_code(pending):
                statements.append(pending.strip())
            pending = ""
    if _has_code(pending):
        statements.append(pending.strip())
    return statements


def _has_code(sql: str) -> bool:
    return any(line.strip() and not line.strip().startswith("--") for line in sql.splitlines())
