"""A run killed mid-way leaves only whole articles behind, and running it again completes the work (both backends)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.exc import SQLAlchemyError

from lanner.store import database_url, open_store

SENTENCES = [
    "ISIS fighters attacked an army checkpoint near Tikrit on Monday, killing {n} soldiers.",
    "Boko Haram militants raided the village of Konduga in Borno State, residents said.",
    "Protesters rallied in Baghdad on Tuesday to demand jobs, and police fired tear gas.",
    "Al-Shabaab claimed a car bomb attack in Mogadishu that killed {n} people.",
]


def _corpus(path: Path, count: int) -> None:
    with path.open("w") as handle:
        for n in range(count):
            text = " ".join(s.format(n=n + 2) for s in SENTENCES) + f" Report number {n}."
            handle.write(json.dumps({"id": f"a{n}", "text": text, "published": "2019-06-10"}) + "\n")


def _snapshot(db: str) -> tuple[set[str], set[str]]:
    """Document and event ids, read without migrating (the killed run may not have created the schema yet)."""
    engine = create_engine(database_url(db))
    try:
        with engine.connect() as connection:
            documents = set(connection.execute(text("SELECT id FROM documents")).scalars())
            events = set(connection.execute(text("SELECT id FROM events")).scalars())
    finally:
        engine.dispose()
    return documents, events


def _events_of(db: str, documents: set[str]) -> set[str]:
    with open_store(db) as store, store.connect() as connection:
        rows = connection.execute(text("SELECT id, document_id FROM events"))
        return {event_id for event_id, document_id in rows if document_id in documents}


def _ingest(corpus: Path, db: str, cache: Path) -> subprocess.Popen:
    env = {**os.environ, "LANNER_CACHE_DIR": str(cache)}
    return subprocess.Popen(
        [sys.executable, "-m", "lanner.cli", "ingest", str(corpus), "--db", str(db), "-q"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def test_sigkill_mid_run_then_rerun_equals_a_clean_run(tmp_path, gazetteer, gazetteer_cache, store_url):
    corpus = tmp_path / "corpus.jsonl"
    _corpus(corpus, 60)
    clean_db, killed_db = str(tmp_path / "clean.db"), store_url
    assert _ingest(corpus, clean_db, gazetteer_cache).wait(timeout=300) == 0

    process = _ingest(corpus, killed_db, gazetteer_cache)
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        try:
            if len(_snapshot(killed_db)[0]) >= 5:
                break
        except SQLAlchemyError:
            pass  # schema not created yet
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)

    with open_store(killed_db) as store, store.connect() as connection:
        if store.dialect == "sqlite":
            assert connection.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
            assert connection.execute(text("PRAGMA foreign_key_check")).fetchall() == []
    # every stored document is whole: it has exactly the events a clean run gives it
    partial_docs, partial_events = _snapshot(killed_db)
    clean_docs, clean_events = _snapshot(clean_db)
    assert 0 < len(partial_docs) < len(clean_docs)
    assert partial_events == _events_of(clean_db, partial_docs)

    assert _ingest(corpus, killed_db, gazetteer_cache).wait(timeout=300) == 0
    assert _snapshot(killed_db) == (clean_docs, clean_events)
