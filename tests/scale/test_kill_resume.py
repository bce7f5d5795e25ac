"""Kill a distributed ingest with SIGKILL at random points (client and workers), run it again, lose nothing.

Each cycle starts `lanner ingest --scheduler` on a fresh database against the warm two-worker cluster,
kills the client (and in some cycles a worker first) once a random number of articles is stored or
after a random delay, checks that what is stored is sound and made of whole articles, then runs the
same command to completion and checks the database equals the plain in-process ingest: no article
lost, no event duplicated, integrity and foreign keys intact.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from scaletools import CORPUS_SIZE, assert_sound, db_content, restore_workers, stored_documents, worker_pids

pytestmark = pytest.mark.scale

KILLS = 20


def _client(corpus: Path, db: Path, scheduler: str, run_dir: Path, cache: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "lanner.cli", "ingest", str(corpus), "--db", str(db), "-q"]
    command += ["--scheduler", scheduler, "--partition-size", "4", "--run-dir", str(run_dir)]
    env = {**os.environ, "LANNER_CACHE_DIR": str(cache)}
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _wait_until(process: subprocess.Popen[bytes], db: Path, stored: int, seconds: float) -> bool:
    """Wait until `stored` documents are in `db` or `seconds` pass; False if the run ended first."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and stored_documents(db) < stored:
        if process.poll() is not None:
            return False
        time.sleep(0.02)
    return process.poll() is None


def _events_by_document(path: Path) -> dict[str, set[str]]:
    with sqlite3.connect(path) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "documents" not in tables:  # killed before the schema was created: nothing stored, nothing half-stored
            return {}
        found: dict[str, set[str]] = {row[0]: set() for row in connection.execute("SELECT id FROM documents")}
        for document_id, event_id in connection.execute("SELECT document_id, id FROM events"):
            found[document_id].add(event_id)
    return found


def test_sigkill_at_random_points_then_rerun_loses_and_duplicates_nothing(
    tmp_path: Path, corpus: Path, reference_db: Path, warm_cluster: Any, gazetteer_cache: Path
) -> None:
    seed = int(os.environ.get("LANNER_KILL_SEED", time.time_ns() % 1_000_000))
    rng = random.Random(seed)
    scheduler = warm_cluster.scheduler.address
    reference = db_content(reference_db)
    reference_events = _events_by_document(reference_db)
    kills: list[str] = []
    cycle = 0
    while len(kills) < KILLS and cycle < 2 * KILLS:
        cycle += 1
        db, run_dir = tmp_path / f"cycle{cycle}.db", tmp_path / "runs"
        where = f"seed {seed}, cycle {cycle}"
        process = _client(corpus, db, scheduler, run_dir, gazetteer_cache)
        # every fourth cycle a worker dies first, at a random point of the run
        if cycle % 4 == 0 and _wait_until(process, db, rng.randint(0, CORPUS_SIZE // 2), 60):
            victim = rng.choice(sorted(worker_pids(warm_cluster).values()))
            os.kill(victim, signal.SIGKILL)
            kills.append(f"cycle {cycle}: worker {victim} at {stored_documents(db)} stored")
        if cycle % 3 == 0:  # a random moment: maybe while starting, connecting or submitting
            alive = _wait_until(process, db, CORPUS_SIZE + 1, rng.uniform(0.0, 4.0))
        else:  # a random point of the merge
            alive = _wait_until(process, db, rng.randint(1, CORPUS_SIZE - 1), 90)
        if alive:
            process.send_signal(signal.SIGKILL)
            kills.append(f"cycle {cycle}: client at {stored_documents(db)} stored")
        process.wait(timeout=60)

        if db.exists():  # what a killed run leaves is sound and made of whole articles
            assert_sound(db)
            for document_id, events in _events_by_document(db).items():
                assert events == reference_events[document_id], where

        rerun = _client(corpus, db, scheduler, run_dir, gazetteer_cache)
        assert rerun.wait(timeout=300) == 0, (where, rerun.stderr.read() if rerun.stderr else "")
        assert_sound(db)
        assert db_content(db) == reference, where  # no article lost, no event duplicated
        restore_workers(warm_cluster, 2)
    assert len(kills) >= KILLS, f"only {len(kills)} kills landed (seed {seed}): {kills}"
    print(f"seed {seed}:", *kills, sep="\n  ")  # shown with -s, and on failure
    # every client found the pipelines already loaded: none registered the plugin (and reloaded them) again
    plugins = warm_cluster.run_on_scheduler(lambda dask_scheduler: list(dask_scheduler.worker_plugins))
    assert len([name for name in plugins if name.startswith("lanner-pipeline-")]) == 1
