"""A run killed mid-way leaves only whole articles behind, and running it again completes the work."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

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


def _snapshot(db: Path) -> tuple[set[str], set[str]]:
    with sqlite3.connect(db) as connection:
        documents = {row[0] for row in connection.execute("SELECT id FROM documents")}
        events = {row[0] for row in connection.execute("SELECT id FROM events")}
    return documents, events


def _ingest(corpus: Path, db: Path, cache: Path) -> subprocess.Popen:
    env = {**os.environ, "LANNER_CACHE_DIR": str(cache)}
    return subprocess.Popen(
        [sys.executable, "-m", "lanner.cli", "ingest", str(corpus), "--db", str(db), "-q"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def test_sigkill_mid_run_then_rerun_equals_a_clean_run(tmp_path, gazetteer, gazetteer_cache):
    corpus = tmp_path / "corpus.jsonl"
    _corpus(corpus, 60)
    clean_db, killed_db = tmp_path / "clean.db", tmp_path / "killed.db"
    assert _ingest(corpus, clean_db, gazetteer_cache).wait(timeout=300) == 0

    process = _ingest(corpus, killed_db, gazetteer_cache)
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        if killed_db.exists():
            try:
                if len(_snapshot(killed_db)[0]) >= 5:
                    break
            except sqlite3.OperationalError:
                pass  # schema not created yet
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)

    with sqlite3.connect(killed_db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        # every stored document is whole: it has exactly the events a clean run gives it
        partial_docs, partial_events = _snapshot(killed_db)
    clean_docs, clean_events = _snapshot(clean_db)
    assert 0 < len(partial_docs) < len(clean_docs)
    with sqlite3.connect(clean_db) as connection:
        clean_events_of_partial = {
            row[0]
            for row in connection.execute(
                f"SELECT id FROM events WHERE document_id IN ({','.join('?' * len(partial_docs))})",
                sorted(partial_docs),
            )
        }
    assert partial_events == clean_events_of_partial

    assert _ingest(corpus, killed_db, gazetteer_cache).wait(timeout=300) == 0
    assert _snapshot(killed_db) == (clean_docs, clean_events)
