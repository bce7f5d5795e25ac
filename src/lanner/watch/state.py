"""What the watcher remembers between polls, in the same database as the events (migration 0004_feeds).

Each feed item is remembered by the feed's URL and the item's key once it is stored, so the next poll
skips it; an item that failed is remembered with its error and tried again on later polls, up to a
number of attempts, so one broken page is not fetched forever. The SQL is portable (SQLite and
PostgreSQL) and runs through the store's public engine.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from sqlalchemy import text

from lanner.store import Store, clean_text

EntryStatus = Literal["stored", "failed"]


@dataclass(frozen=True)
class SeenEntry:
    feed_url: str
    entry_key: str
    status: EntryStatus
    attempts: int
    document_id: str | None
    error: str | None


@dataclass(frozen=True)
class FeedValidators:
    """The ETag and Last-Modified of a feed's last full download, for a conditional request."""

    etag: str | None = None
    last_modified: str | None = None


class FeedState:
    """Read and record feeds and feed items in a store's database."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def entry(self, feed_url: str, entry_key: str) -> SeenEntry | None:
        with self.store.connect() as db:
            row = db.execute(
                text(
                    "SELECT status, attempts, document_id, error FROM feed_entries "
                    "WHERE feed_url = :feed AND entry_key = :key"
                ),
                {"feed": _clean(feed_url), "key": _clean(entry_key)},
            ).first()
        if row is None:
            return None
        return SeenEntry(feed_url, entry_key, row.status, row.attempts, row.document_id, row.error)

    def record_entry(
        self,
        feed_url: str,
        entry_key: str,
        status: EntryStatus,
        *,
        link: str | None = None,
        title: str | None = None,
        document_id: str | None = None,
        events: int | None = None,
        error: str | None = None,
    ) -> None:
        """Remember what became of an item; each call counts one attempt."""
        now = _now()
        with self.store.transaction() as db:
            db.execute(
                text(
                    "INSERT INTO feed_entries (feed_url, entry_key, link, title, first_seen, last_attempt, attempts, "
                    "status, document_id, events, error) "
                    "VALUES (:feed, :key, :link, :title, :now, :now, 1, :status, :document_id, :events, :error) "
                    "ON CONFLICT (feed_url, entry_key) DO UPDATE SET link = excluded.link, title = excluded.title, "
                    "last_attempt = excluded.last_attempt, attempts = feed_entries.attempts + 1, "
                    "status = excluded.status, document_id = excluded.document_id, events = excluded.events, "
                    "error = excluded.error"
                ),
                {
                    "feed": _clean(feed_url),
                    "key": _clean(entry_key),
                    "link": _clean(link),
                    "title": _clean(title),
                    "now": now,
                    "status": status,
                    "document_id": document_id,
                    "events": events,
                    "error": _clean(error),
                },
            )

    def validators(self, feed_url: str) -> FeedValidators:
        with self.store.connect() as db:
            row = db.execute(
                text("SELECT etag, last_modified FROM feeds WHERE url = :url"), {"url": _clean(feed_url)}
            ).first()
        return FeedValidators(row.etag, row.last_modified) if row else FeedValidators()

    def record_poll(
        self,
        feed_url: str,
        status: Literal["ok", "not_modified", "failed"],
        *,
        validators: FeedValidators | None = None,
        error: str | None = None,
    ) -> None:
        """Remember a poll of a feed; validators are replaced only when a full download brought new ones."""
        keep = validators is None
        validators = validators or FeedValidators()
        with self.store.transaction() as db:
            db.execute(
                text(
                    "INSERT INTO feeds (url, etag, last_modified, last_polled, last_status, last_error) "
                    "VALUES (:url, :etag, :modified, :now, :status, :error) "
                    "ON CONFLICT (url) DO UPDATE SET last_polled = excluded.last_polled, "
                    "last_status = excluded.last_status, last_error = excluded.last_error"
                    + ("" if keep else ", etag = excluded.etag, last_modified = excluded.last_modified")
                ),
                {
                    "url": _clean(feed_url),
                    "etag": _clean(validators.etag),
                    "modified": _clean(validators.last_modified),
                    "now": _now(),
                    "status": status,
                    "error": _clean(error),
                },
            )

    def entries(self, feed_url: str | None = None) -> list[SeenEntry]:
        """Every remembered item (of one feed, when given), oldest first."""
        sql = "SELECT feed_url, entry_key, status, attempts, document_id, error FROM feed_entries"
        params = {}
        if feed_url is not None:
            sql += " WHERE feed_url = :feed"
            params["feed"] = _clean(feed_url)
        with self.store.connect() as db:
            rows = db.execute(text(sql + " ORDER BY first_seen, feed_url, entry_key"), params).all()
        return [SeenEntry(r.feed_url, r.entry_key, r.status, r.attempts, r.document_id, r.error) for r in rows]


def _clean(value: str | None) -> str | None:
    """Text as the database can hold it (feeds can carry NUL bytes, which PostgreSQL refuses)."""
    return None if value is None else clean_text(value)[0]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
