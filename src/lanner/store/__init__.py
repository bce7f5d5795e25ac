"""The store stage: SQLite by default, recorded migrations, one transaction per article."""

from lanner.store.sqlite import EventQuery, SQLiteStore, event_key, haversine_km

__all__ = ["EventQuery", "SQLiteStore", "event_key", "haversine_km"]
