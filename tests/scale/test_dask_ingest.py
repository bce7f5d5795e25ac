"""Ingest on Dask stores exactly what the in-process path stores, even when a worker dies mid-run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from scaletools import CORPUS_SIZE, assert_sound, db_content, worker_pids

from lanner.api import IngestSummary
from lanner.errors import ClusterError, Code
from lanner.scale import dask_client, ingest_distributed
from lanner.store import open_store

pytestmark = pytest.mark.scale


def test_cli_workers_2_stores_what_the_plain_path_stores(
    tmp_path: Path, corpus: Path, reference_db: Path, gazetteer_cache: Path
) -> None:
    db = tmp_path / "workers.db"
    env = {**os.environ, "LANNER_CACHE_DIR": str(gazetteer_cache)}
    command = [sys.executable, "-m", "lanner.cli", "ingest", str(corpus), "--db", str(db), "--workers", "2", "-q"]
    command += ["--partition-size", "8", "--run-dir", str(tmp_path / "runs")]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert f"{CORPUS_SIZE} articles processed" in done.stderr
    assert_sound(db)
    assert db_content(db) == db_content(reference_db)
    assert list((tmp_path / "runs").iterdir()) == []  # partition files are removed once merged


def test_worker_killed_mid_run_ends_equal_to_a_run_without_failure(
    tmp_path: Path, corpus: Path, reference_db: Path, warm_cluster: Any, cluster_config: Any
) -> None:
    victim = sorted(worker_pids(warm_cluster).values())[0]
    killed: list[int] = []

    def kill_a_worker_once(summary: IngestSummary) -> None:
        # after the first articles are merged, the other partitions are queued or running on both workers
        if summary.articles_processed >= 4 and not killed:
            os.kill(victim, signal.SIGKILL)
            killed.append(victim)

    store = open_store(tmp_path / "killed-worker.db")
    summary = ingest_distributed(
        [corpus],
        store,
        client=warm_cluster,
        config=cluster_config,
        partition_size=4,
        run_dir=tmp_path / "runs",
        on_progress=kill_a_worker_once,
    )
    store.close()
    assert killed, "the run ended before a worker could be killed"
    assert summary.articles_processed == CORPUS_SIZE
    assert_sound(tmp_path / "killed-worker.db")
    assert db_content(tmp_path / "killed-worker.db") == db_content(reference_db)
    warm_cluster.wait_for_workers(2, timeout=120)  # the nanny restarts the worker for the next tests


def test_second_run_skips_stored_articles_and_reprocess_changes_nothing(
    tmp_path: Path, corpus: Path, reference_db: Path, warm_cluster: Any, cluster_config: Any
) -> None:
    db = tmp_path / "twice.db"
    options: dict[str, Any] = {"client": warm_cluster, "config": cluster_config, "partition_size": 8}
    with open_store(db) as store:
        first = ingest_distributed([corpus], store, run_dir=tmp_path, **options)
        again = ingest_distributed([corpus], store, run_dir=tmp_path, **options)
        redone = ingest_distributed([corpus], store, run_dir=tmp_path, reprocess=True, **options)
    assert (first.articles_processed, first.articles_skipped) == (CORPUS_SIZE, 0)
    assert (again.articles_processed, again.articles_skipped) == (0, CORPUS_SIZE)
    assert (redone.articles_processed, redone.events_stored) == (CORPUS_SIZE, first.events_stored)
    assert db_content(db) == db_content(reference_db)
    assert not [path for path in tmp_path.iterdir() if path.name.startswith("lanner-run-")]  # cleaned up


def test_an_unreachable_scheduler_is_a_coded_error() -> None:
    with pytest.raises(ClusterError) as caught, dask_client(scheduler="tcp://127.0.0.1:9", timeout=2):
        pass
    assert caught.value.code == Code.CLUSTER_UNREACHABLE


def test_workers_and_scheduler_together_is_a_usage_error(tmp_path: Path, corpus: Path) -> None:
    from click.testing import CliRunner

    from lanner.cli import main

    command = ["ingest", str(corpus), "--db", str(tmp_path / "x.db"), "--workers", "2", "--scheduler", "tcp://h:8786"]
    result = CliRunner().invoke(main, command)
    assert result.exit_code == 2
    assert "E501" in result.output and "choose one" in result.output
