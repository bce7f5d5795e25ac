"""`Store.events()` streams on both backends: every row across chunks, a server-side cursor on PostgreSQL, and
a reader that stops early leaves no open transaction or cursor behind."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import closing
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import event, text

from lanner.records import Actor, ActorMention, Analysis, Article, DateRange, Event, EventDate, EventPlace, Place, Span
from lanner.store import EventQuery, Store, open_store
from lanner.store.database import _CHUNK

ISIS = Actor("islamic_state", "Islamic State", "armed_group", None, "Q2429253")
MOSUL = Place("Mosul", "city", 36.335, 43.119, "IQ", "Nineveh", 99072)
SENTENCE = "ISIS bombed a base in Mosul. "
PER_ARTICLE = 3_000
ARTICLES = 4  # 12,000 events: more than two chunks


def _analysis(number: int) -> Analysis:
    text_ = f"Report {number:03d}. " + SENTENCE * PER_ARTICLE
    offset = len(f"Report {number:03d}. ")
    events = []
    for i in range(PER_ARTICLE):
        start = offset + i * len(SENTENCE)
        day = date(2017, 1, 1) + timedelta(days=(number * PER_ARTICLE + i) % 700)
        events.append(
            Event(
                id=f"ev-{i}",
                type="ASSAULT",
                mode="explosives",
                context=(),
                acled_event_type="Explosions/Remote violence",
                acled_sub_event_type="Remote explosive/landmine/IED",
                source=("islamic_state",),
                target=(),
                place=EventPlace(MOSUL, 1),
                date=EventDate(DateRange(day, day, "day"), "text"),
                fatalities=None,
                factuality="asserted",
                confidence=0.8,
                evidence=Span(start, start + len(SENTENCE) - 1, SENTENCE.strip()),
                trigger=Span(start + 5, start + 11, "bombed"),
            )
        )
    article = Article(text=text_, title=f"report {number}", published=date(2019, 1, 1))
    return Analysis(article=article, actors=[ActorMention(offset, offset + 4, "ISIS", ISIS)], events=events)


@pytest.fixture
def full_store(store_url: str) -> Iterator[Store]:
    with open_store(store_url) as store:
        for number in range(ARTICLES):
            store.write(_analysis(number))
        yield store


def _open_transactions(store: Store) -> int:
    """Sessions on this database, other than the one asking, that sit inside a transaction."""
    with store.connect() as db:
        return db.execute(
            text(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'"
            )
        ).scalar_one()


def test_every_event_is_read_across_chunks_newest_first_with_its_actors(full_store: Store) -> None:
    cursors: list[str] = []

    def note_cursor(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if "FROM events e JOIN documents d" in statement:
            cursors.append(type(cursor).__name__)

    event.listen(full_store.engine, "before_cursor_execute", note_cursor)
    try:
        records = list(full_store.events(EventQuery()))
    finally:
        event.remove(full_store.engine, "before_cursor_execute", note_cursor)
    assert ARTICLES * PER_ARTICLE > 2 * _CHUNK
    assert len(records) == ARTICLES * PER_ARTICLE
    assert len({record["id"] for record in records}) == len(records)
    days = [record["date_start"] for record in records]
    assert days == sorted(days, reverse=True)
    assert all(record["source"] == ["islamic_state"] and record["target"] == [] for record in records)
    if full_store.dialect == "postgresql":  # psycopg fetches a whole result unless the cursor lives on the server
        assert cursors == ["ServerCursor"]


def test_a_reader_that_stops_early_leaves_no_transaction_open(full_store: Store) -> None:
    for number, _record in enumerate(full_store.events(EventQuery())):
        if number == 0:
            assert full_store.engine.pool.checkedout() == 1  # the read holds its connection while it runs
            if full_store.dialect == "postgresql":
                assert _open_transactions(full_store) == 1
        if number == 10:
            break
    assert full_store.engine.pool.checkedout() == 0
    with closing(full_store.events(EventQuery())) as kept:  # an iterator kept in a variable, closed early
        next(kept)
    assert full_store.engine.pool.checkedout() == 0
    if full_store.dialect == "postgresql":
        assert _open_transactions(full_store) == 0
    # a writer that needs the table to itself is not blocked by a reader that went away
    with full_store.transaction() as db:
        if full_store.dialect == "postgresql":
            db.execute(text("SET LOCAL lock_timeout = '3s'"))
            db.execute(text("TRUNCATE event_actors, events"))
        else:
            db.execute(text("DELETE FROM event_actors"))
            db.execute(text("DELETE FROM events"))
    assert full_store.counts()["events"] == 0
