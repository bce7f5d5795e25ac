"""The store on SQLite and PostgreSQL: migrations recorded, upserts idempotent, one transaction per
article, filters that agree, text PostgreSQL refuses cleaned, concurrent writers that never duplicate."""

from __future__ import annotations

import dataclasses
import threading
from datetime import date

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from lanner.errors import StoreError
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
from lanner.store import EventQuery, Store, article_rows, open_store
from lanner.store.database import STORED_LOOKUP_BATCH
from lanner.store.schema import migrations_for

ISIS = Actor("islamic_state", "Islamic State", "armed_group", None, "Q2429253")
IRAQ_ARMY = Actor("IQ.state_forces", "Iraqi state forces", "state_forces", "IQ")
MOSUL = Place("Mosul", "city", 36.335, 43.119, "IQ", "Nineveh", 99072)
RAQQA = Place("Raqqa", "city", 35.95, 39.01, "SY", "Raqqa", 172955)


def _event(
    text: str,
    start: int,
    *,
    place: Place,
    factuality: str = "asserted",
    when: date | None,
    source: tuple[str, ...] = ("islamic_state",),
    target: tuple[str, ...] = ("IQ.state_forces",),
) -> Event:
    return Event(
        id=f"ev-{start}",
        type="ASSAULT",
        mode="explosives",
        context=(),
        acled_event_type="Explosions/Remote violence",
        acled_sub_event_type="Remote explosive/landmine/IED",
        source=source,
        target=target,
        place=EventPlace(place, 1),
        date=EventDate(DateRange(when, when, "day") if when else None, "text"),
        fatalities=4,
        factuality=factuality,  # type: ignore[arg-type]
        confidence=0.8,
        evidence=Span(start, start + 20, text[start : start + 20]),
        trigger=Span(start + 5, start + 10, text[start + 5 : start + 10]),
    )


def _analysis(
    text: str,
    *,
    place: Place = MOSUL,
    when: date | None = date(2017, 7, 9),
    factuality: str = "asserted",
    title: str = "t",
    **roles: tuple[str, ...],
) -> Analysis:
    article = Article(text=text, title=title, published=date(2017, 7, 11))
    return Analysis(
        article=article,
        actors=[ActorMention(0, 4, text[:4], ISIS)],
        places=[PlaceMention(10, 15, text[10:15], place, 0.9)],
        events=[_event(text, 0, place=place, factuality=factuality, when=when, **roles)],
    )


@pytest.fixture
def store(store_url):
    with open_store(store_url) as opened:
        yield opened


def test_each_dialect_has_every_migration_number():
    """A migration split into dialect files must exist for both, or one backend's schema falls behind."""
    sqlite = [m.version for m in migrations_for("sqlite")]
    postgresql = [m.version for m in migrations_for("postgresql")]
    assert sqlite == postgresql
    assert sqlite == sorted(set(sqlite)) and sqlite[0] == 1


def test_migrations_are_recorded_once(store_url):
    first = open_store(store_url)
    applied = first.applied_migrations()
    assert applied[0] == f"0001_initial.{first.dialect}.sql"
    assert len(applied) == len(migrations_for(first.dialect))
    first.close()
    with open_store(store_url) as second:
        assert second.migrate() == []  # nothing left to apply
        assert second.applied_migrations() == applied


def test_writing_the_same_analysis_twice_adds_nothing(store):
    analysis = _analysis("ISIS bombed a base in Mosul on Sunday.")
    store.write(analysis)
    before = store.counts()
    store.write(analysis)
    assert store.counts() == before
    assert before == {"documents": 1, "events": 1, "mentions": 2, "actors": 2}


def test_event_search_holds_each_event_once_through_rewrites_and_deletes(tmp_path):
    """The writer adds search entries for a batch's events itself (the per-row trigger stands aside for it):
    rewriting an article, or a batch that holds one article or one event twice, must leave one entry per event,
    as FTS5 checks; rows other programs insert are still indexed by the trigger."""
    # FTS5 search tables are SQLite's; PostgreSQL keeps a generated column
    with open_store(tmp_path / "search.db") as store:
        first = _analysis("ISIS bombed a base in Mosul on Sunday.")
        second = _analysis("Militants shelled the airport in Raqqa.", place=RAQQA)
        rows = article_rows(second)
        twice = dataclasses.replace(rows, events=[*rows.events, dict(rows.events[0])])
        store.write(first)
        store.write_batch([article_rows(first), twice, article_rows(first)])
        store.write(first)

        def hits(word: str) -> int:
            with store.connect() as db:
                query = "SELECT count(*) FROM events_fts WHERE events_fts MATCH :word"
                return db.execute(text(query), {"word": word}).scalar_one()

        with store.transaction() as db:
            db.execute(text("INSERT INTO events_fts (events_fts, rank) VALUES ('integrity-check', 1)"))
        assert (hits("bombed"), hits("shelled")) == (1, 1)
        with store.transaction() as db:
            db.execute(text("DELETE FROM documents WHERE id = :id"), {"id": rows.document["id"]})
            db.execute(text("INSERT INTO events_fts (events_fts, rank) VALUES ('integrity-check', 1)"))
        assert (hits("bombed"), hits("shelled")) == (1, 0)
        # a row another program inserts (a script, a Datasette plugin) is indexed by the trigger as before
        with store.transaction() as db:
            event = {
                **article_rows(first).events[0],
                "id": "written-by-hand",
                "evidence_text": "Rebels ambushed a convoy.",
            }
            columns = ", ".join(event)
            db.execute(text(f"INSERT INTO events ({columns}) VALUES ({', '.join(':' + c for c in event)})"), event)
            db.execute(text("INSERT INTO events_fts (events_fts, rank) VALUES ('integrity-check', 1)"))
        assert hits("ambushed") == 1


def _stored_actor(store: Store, actor_id: str) -> tuple:
    with store.connect() as db:
        return tuple(
            db.execute(text("SELECT name, kind, wikidata FROM actors WHERE actor_id = :id"), {"id": actor_id}).one()
        )


def test_an_actor_met_only_in_an_events_roles_never_overwrites_a_known_one(store):
    """An id that an article names only as a role is stored as a placeholder; the knowledge base's row wins,
    whichever article comes first in a batch and whichever is written later."""
    known = _analysis("ISIS bombed a base in Mosul on Sunday.")
    role_only = dataclasses.replace(_analysis("Gunmen hit a checkpoint in Mosul on Monday."), actors=[])
    store.write_batch([article_rows(role_only), article_rows(known)])
    assert _stored_actor(store, "islamic_state") == ("Islamic State", "armed_group", "Q2429253")
    store.write(role_only)
    assert _stored_actor(store, "islamic_state") == ("Islamic State", "armed_group", "Q2429253")


def test_a_placeholder_actor_is_upgraded_when_the_knowledge_base_names_it(store):
    role_only = dataclasses.replace(_analysis("Gunmen hit a checkpoint in Mosul on Monday."), actors=[])
    store.write(role_only)
    assert _stored_actor(store, "islamic_state") == ("islamic_state", "other", None)
    store.write(_analysis("ISIS bombed a base in Mosul on Sunday."))
    assert _stored_actor(store, "islamic_state") == ("Islamic State", "armed_group", "Q2429253")


def test_a_batch_of_articles_is_stored_whole(store):
    """write_batch sends one statement per table for many articles; every article's rows must arrive."""
    analyses = [_analysis(f"ISIS bombed base number {n} in Mosul on Sunday.") for n in range(5)]
    assert store.write_batch([article_rows(a) for a in analyses]) == 5
    assert store.counts() == {"documents": 5, "events": 5, "mentions": 10, "actors": 2}
    assert all(store.has_document(a.article.id) for a in analyses)


def test_which_of_many_articles_are_stored_is_one_answer(store):
    """An ingest asks about a batch of articles at once; more ids than one query takes must still all be checked."""
    analyses = [_analysis(f"ISIS bombed base number {n} in Mosul on Sunday.") for n in range(3)]
    store.write_batch([article_rows(a) for a in analyses[:2]])
    unknown = [f"{n:064x}" for n in range(STORED_LOOKUP_BATCH + 5)]
    asked = [*unknown, analyses[2].article.id, analyses[1].article.id, analyses[0].article.id]
    assert store.stored_documents(asked) == {analyses[0].article.id, analyses[1].article.id}
    assert store.stored_documents([]) == set()


def test_a_write_failing_mid_transaction_leaves_no_half_written_article(store):
    good = _analysis("ISIS bombed a base in Mosul on Sunday.")
    store.write(good)
    broken = _analysis("Another article about Raqqa and its siege.", place=RAQQA)
    # the document and mentions are inserted before the event, which then breaks a NOT NULL constraint
    broken.events[0] = dataclasses.replace(broken.events[0], type=None)  # type: ignore[arg-type]
    with pytest.raises(StoreError) as raised:
        store.write(broken)
    assert raised.value.code.value == "E303"
    assert store.counts() == {"documents": 1, "events": 1, "mentions": 2, "actors": 2}
    assert not store.has_document(broken.article.id)


def test_not_a_database_is_a_coded_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("this is not sqlite " * 100)
    with pytest.raises(StoreError) as raised:
        open_store(path)
    assert raised.value.code.value in ("E301", "E302")


def test_an_unreachable_server_is_a_coded_error_without_the_password():
    with pytest.raises(StoreError) as raised:
        open_store("postgresql://lanner:s3cret-pw@127.0.0.1:1/lanner")
    assert raised.value.code.value == "E301"
    assert "s3cret-pw" not in raised.value.render()
    assert "lanner:***@127.0.0.1:1/lanner" in raised.value.render()


def test_an_unknown_url_scheme_is_refused():
    with pytest.raises(StoreError, match="unsupported database"):
        open_store("mysql://root@localhost/lanner")


def test_filters(store):
    store.write(_analysis("ISIS bombed a base in Mosul on Sunday.", when=date(2017, 7, 9)))
    store.write(_analysis("ISIS bombed a post in Raqqa last May.", place=RAQQA, when=date(2017, 5, 3)))
    store.write(_analysis("ISIS might bomb a post in Mosul soon.", factuality="hypothetical"))
    store.write(_analysis("ISIS bombed a camp in Raqqa, undated.", place=RAQQA, when=None))

    def ids(**filters):
        return [row["place_name"] for row in store.events(EventQuery(**filters))]

    assert ids() == ["Mosul", "Raqqa", "Raqqa"]  # asserted only, newest first, undated last
    assert len(ids(factuality=())) == 4
    assert ids(country="SY") == ["Raqqa", "Raqqa"]
    assert ids(since=date(2017, 6, 1)) == ["Mosul"]
    assert ids(until=date(2017, 6, 1)) == ["Raqqa"]
    assert ids(near=(36.3, 43.1, 50)) == ["Mosul"]
    assert ids(actor="islamic_state", country="IQ") == ["Mosul"]
    assert ids(actor="islamic", country="IQ") == ["Mosul"]  # part of a name, in any case
    assert not ids(actor="Taliban")
    assert ids(types=("PROTEST",)) == []
    assert len(ids(limit=2)) == 2 and ids(limit=2, offset=2) == ["Raqqa"]
    row = next(store.events(EventQuery(country="IQ")))
    assert row["source"] == ["islamic_state"] and row["target"] == ["IQ.state_forces"]
    assert row["lat"] == pytest.approx(36.335, abs=1e-9)  # double precision on both backends
    assert row["context"] == [] and row["document_title"] == "t"


def test_foreign_keys_hold(store):
    store.write(_analysis("ISIS bombed a base in Mosul on Sunday."))
    with pytest.raises(IntegrityError), store.connect() as db:
        db.execute(
            text(
                "INSERT INTO events (id, document_id, local_id, type, date_precision, date_basis, factuality,"
                " confidence, evidence_start, evidence_end, evidence_text, trigger_start, trigger_end, trigger_text)"
                " VALUES ('x', 'missing', 'e', 'ASSAULT', 'day', 'text', 'asserted', 1, 0, 1, 'a', 0, 1, 'a')"
            )
        )


def test_nul_bytes_and_lone_surrogates_are_replaced_in_place_and_counted(store):
    raw = "ISIS\x00 bombed a base in Mosul on Sunday.\x00"
    analysis = _analysis(raw, title="Mosul \ud800report")
    store.write(analysis)
    store.write(analysis)  # idempotent all the same
    with store.connect() as db:
        stored, title, replaced = db.execute(
            text("SELECT text, title, replaced_chars FROM documents WHERE id = :id"), {"id": analysis.article.id}
        ).one()
        mention = db.execute(text("SELECT text FROM mentions WHERE kind = 'actor'")).scalar_one()
    assert stored == raw.replace("\x00", "\ufffd") and len(stored) == len(raw)
    assert title == "Mosul \ufffdreport"
    assert replaced == 3
    assert mention == "ISIS"
    event = next(store.events())
    assert stored[event["evidence_start"] : event["evidence_end"]] == event["evidence_text"]
    assert store.has_document(analysis.article.id)  # still keyed by the text as read


def test_clean_text_is_counted_zero_for_ordinary_text(store):
    analysis = _analysis("ISIS bombed a base in Mosul on Sunday. Ça va, naïve café — 東京.")
    store.write(analysis)
    with store.connect() as db:
        stored, replaced = db.execute(text("SELECT text, replaced_chars FROM documents")).one()
    assert stored == analysis.article.text and replaced == 0


def test_concurrent_writers_never_duplicate_or_fail(store_url):
    """Writers of the same articles, sharing actors in opposite orders, from separate connections."""
    with open_store(store_url):
        pass  # migrate once before the writers start
    articles = [
        _analysis(f"ISIS bombed base {n} in Mosul on Sunday.", source=("islamic_state", "al_qaeda"))
        if n % 2
        else _analysis(f"ISIS bombed base {n} in Mosul on Sunday.", source=("al_qaeda", "islamic_state"))
        for n in range(6)
    ]
    failures: list[BaseException] = []

    def writer(order: list[Analysis]) -> None:
        try:
            with open_store(store_url) as own:
                for _ in range(3):
                    for analysis in order:
                        own.write(analysis)
        except BaseException as error:  # reported by the main thread
            failures.append(error)

    threads = [threading.Thread(target=writer, args=(articles if i % 2 else articles[::-1],)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert failures == []
    with open_store(store_url) as check:
        assert check.counts() == {"documents": 6, "events": 6, "mentions": 12, "actors": 3}
        with check.connect() as db:
            assert db.execute(text("SELECT count(*) FROM event_actors")).scalar_one() == 18


def test_store_keeps_its_old_name():
    from lanner.store import SQLiteStore

    assert SQLiteStore is Store


def test_a_database_from_the_sqlite_only_release_is_upgraded_in_place(tmp_path):
    """Files made before the dialect split recorded 0001 as `0001_initial.sql`; they keep their data."""
    import sqlite3

    path = tmp_path / "old.db"
    first = migrations_for("sqlite")[0]
    with sqlite3.connect(path) as old:
        old.executescript(first.sql)
        old.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT)")
        old.execute("INSERT INTO schema_migrations VALUES (1, '0001_initial.sql', '2024-01-01T00:00:00+00:00')")
        old.execute("INSERT INTO actors VALUES ('islamic_state', 'Islamic State', 'armed_group', NULL, NULL)")
    with open_store(path) as store:
        assert store.applied_migrations()[0] == "0001_initial.sql"
        assert len(store.applied_migrations()) == len(migrations_for("sqlite"))
        assert store.counts()["actors"] == 1
        store.write(_analysis("ISIS bombed a base in Mosul on Sunday."))
        assert store.counts()["events"] == 1
