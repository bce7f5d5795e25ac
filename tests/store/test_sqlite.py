"""The store: migrations recorded, upserts idempotent, one transaction per article, filters that work."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from lanner.records import (
    Actor,
    ActorMention,
    Analysis,
    Article,
    DateRange,
    Event,
    EventDate,
    EventPlace,
    Place,
    PlaceMention,
    Span,
)
from lanner.store import EventQuery, SQLiteStore

ISIS = Actor("islamic_state", "Islamic State", "armed_group", None, "Q2429253")
IRAQ_ARMY = Actor("IQ.state_forces", "Iraqi state forces", "state_forces", "IQ")
MOSUL = Place("Mosul", "city", 36.335, 43.119, "IQ", "Nineveh", 99072)
RAQQA = Place("Raqqa", "city", 35.95, 39.01, "SY", "Raqqa", 172955)


def _event(text: str, start: int, *, place: Place, factuality: str = "asserted", when: date) -> Event:
    return Event(
        id=f"ev-{start}",
        type="ASSAULT",
        mode="explosives",
        context=(),
        acled_event_type="Explosions/Remote violence",
        acled_sub_event_type="Remote explosive/landmine/IED",
        source=("islamic_state",),
        target=("IQ.state_forces",),
        place=EventPlace(place, 1),
        date=EventDate(DateRange(when, when, "day"), "text"),
        fatalities=4,
        factuality=factuality,  # type: ignore[arg-type]
        confidence=0.8,
        evidence=Span(start, start + 20, text[start : start + 20]),
        trigger=Span(start + 5, start + 10, text[start + 5 : start + 10]),
    )


def _analysis(text: str, *, place: Place = MOSUL, when: date = date(2017, 7, 9), factuality: str = "asserted"):
    article = Article(text=text, title="t", published=date(2017, 7, 11))
    return Analysis(
        article=article,
        actors=[ActorMention(0, 4, text[:4], ISIS)],
        places=[PlaceMention(10, 15, text[10:15], place, 0.9)],
        events=[_event(text, 0, place=place, factuality=factuality, when=when)],
    )


@pytest.fixture
def store(tmp_path):
    with SQLiteStore.open(tmp_path / "lanner.db") as opened:
        yield opened


def test_migrations_are_recorded_once(tmp_path):
    path = tmp_path / "x.db"
    first = SQLiteStore.open(path)
    assert first.applied_migrations() == ["0001_initial.sql"]
    first.close()
    second = SQLiteStore.open(path)
    assert second.migrate() == []  # nothing left to apply
    second.close()


def test_writing_the_same_analysis_twice_adds_nothing(store):
    analysis = _analysis("ISIS bombed a base in Mosul on Sunday.")
    store.write(analysis)
    before = store.counts()
    store.write(analysis)
    assert store.counts() == before
    assert before["documents"] == 1 and before["events"] == 1


def test_a_failed_write_leaves_no_half_written_article(store):
    good = _analysis("ISIS bombed a base in Mosul on Sunday.")
    store.write(good)
    broken = _analysis("Another article about Raqqa and its siege.", place=RAQQA)
    broken.events.append(None)  # type: ignore[arg-type]  # a bug in a stage, mid-article
    with pytest.raises(AttributeError):
        store.write(broken)
    counts = store.counts()
    assert counts["documents"] == 1 and counts["events"] == 1
    assert not store.has_document(broken.article.id)


def test_not_a_database_is_a_coded_error(tmp_path):
    from lanner.errors import StoreError

    path = tmp_path / "notes.db"
    path.write_text("this is not sqlite " * 100)
    with pytest.raises(StoreError) as raised:
        SQLiteStore.open(path)
    assert raised.value.code.value in ("E301", "E302")


def test_filters(store):
    store.write(_analysis("ISIS bombed a base in Mosul on Sunday.", when=date(2017, 7, 9)))
    store.write(_analysis("ISIS bombed a post in Raqqa last May.", place=RAQQA, when=date(2017, 5, 3)))
    store.write(_analysis("ISIS might bomb a post in Mosul soon.", factuality="hypothetical"))

    def ids(**filters):
        return [row["place_name"] for row in store.events(EventQuery(**filters))]

    assert sorted(ids()) == ["Mosul", "Raqqa"]  # asserted only by default
    assert len(ids(factuality=())) == 3
    assert ids(country="SY") == ["Raqqa"]
    assert ids(since=date(2017, 6, 1)) == ["Mosul"]
    assert ids(until=date(2017, 6, 1)) == ["Raqqa"]
    assert sorted(ids(near=(36.3, 43.1, 50))) == ["Mosul"]
    assert ids(actor="islamic_state", country="IQ") == ["Mosul"]
    assert ids(actor="Islamic") and not ids(actor="Taliban")
    assert ids(types=("PROTEST",)) == []
    row = next(store.events(EventQuery(country="IQ")))
    assert row["source"] == ["islamic_state"] and row["target"] == ["IQ.state_forces"]


def test_foreign_keys_hold(store):
    store.write(_analysis("ISIS bombed a base in Mosul on Sunday."))
    problems = store.connection.execute("PRAGMA foreign_key_check").fetchall()
    assert problems == []
    with pytest.raises(sqlite3.IntegrityError):
        store.connection.execute(
            "INSERT INTO events (id, document_id, local_id, type, date_precision, date_basis, factuality, confidence,"
            " evidence_start, evidence_end, evidence_text, trigger_start, trigger_end, trigger_text)"
            " VALUES ('x', 'missing', 'e', 'ASSAULT', 'day', 'text', 'asserted', 1, 0, 1, 'a', 0, 1, 'a')"
        )
