"""Run folders left by killed runs are removed by later runs, and nothing a live run owns is touched."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import psutil
import pytest
from scaletools import CORPUS_SIZE, db_content, stored_documents

from lanner.scale.rundirs import OWNER_FILE, STALE_AFTER, new_run_dir, read_owner, remove_stale_runs

pytestmark = pytest.mark.scale

DAY_AGO = time.time() - STALE_AFTER - 3600


def _owning_process(parent: Path) -> tuple[subprocess.Popen[str], Path]:
    """Another process that creates a run folder under `parent` and then waits, as a run would."""
    code = (
        "import sys, time; from pathlib import Path; from lanner.scale.rundirs import new_run_dir; "
        "print(new_run_dir(Path(sys.argv[1])), flush=True); time.sleep(120)"
    )
    process = subprocess.Popen([sys.executable, "-c", code, str(parent)], stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    return process, Path(process.stdout.readline().strip())


def _age(path: Path, when: float) -> None:
    for item in [*path.iterdir(), path]:
        os.utime(item, (when, when))


def test_a_folder_whose_owner_was_killed_is_removed_and_a_live_owners_folder_kept(tmp_path: Path) -> None:
    killed, killed_run = _owning_process(tmp_path)
    alive, alive_run = _owning_process(tmp_path)
    try:
        assert read_owner(killed_run).pid == killed.pid  # type: ignore[union-attr]
        (killed_run / "part-000000.parquet").write_bytes(b"left behind")
        killed.send_signal(signal.SIGKILL)
        killed.wait(timeout=30)
        assert remove_stale_runs(tmp_path) == [killed_run]
        assert not killed_run.exists()
        assert alive_run.is_dir()  # its owner still runs, however old the folder looks
        _age(alive_run, DAY_AGO)
        assert remove_stale_runs(tmp_path) == []
    finally:
        alive.kill()
        alive.wait(timeout=30)
    assert remove_stale_runs(tmp_path) == [alive_run]


def test_a_reused_pid_does_not_keep_a_dead_runs_folder(tmp_path: Path) -> None:
    run = new_run_dir(tmp_path)
    # the folder says it was made by this pid an hour before this process started: another process, now gone
    started = psutil.Process().create_time() - 3600
    (run / OWNER_FILE).write_text(json.dumps({"host": socket.gethostname(), "pid": os.getpid(), "started": started}))
    assert remove_stale_runs(tmp_path) == [run]


def test_folders_of_other_hosts_or_without_owner_go_only_after_a_day_of_silence(tmp_path: Path) -> None:
    elsewhere_fresh, elsewhere_old = new_run_dir(tmp_path), new_run_dir(tmp_path)
    for run in (elsewhere_fresh, elsewhere_old):  # written by a client on another machine of a shared folder
        (run / OWNER_FILE).write_text(json.dumps({"host": "node-17", "pid": 1, "started": time.time()}))
    unowned_fresh = tmp_path / "lanner-run-0123456789ab"  # a run killed before it wrote its owner file
    unowned_old = tmp_path / "lanner-run-ba9876543210"
    for run in (unowned_fresh, unowned_old):
        run.mkdir()
        (run / "part-000003.parquet").write_bytes(b"x")
    _age(elsewhere_old, DAY_AGO)
    _age(unowned_old, DAY_AGO)
    assert sorted(remove_stale_runs(tmp_path)) == sorted([elsewhere_old, unowned_old])
    assert elsewhere_fresh.is_dir() and unowned_fresh.is_dir()


def test_nothing_not_named_like_a_run_folder_is_touched(tmp_path: Path) -> None:
    keep = [tmp_path / "lanner-run-notes", tmp_path / "lanner-run-0123456789abc", tmp_path / "my-data"]
    for path in keep:
        path.mkdir()
    as_file = tmp_path / "lanner-run-aaaaaaaaaaaa"
    as_file.write_text("a file, not a run folder")
    for path in [*keep, as_file]:
        os.utime(path, (DAY_AGO, DAY_AGO))
    assert remove_stale_runs(tmp_path) == []
    assert all(path.exists() for path in [*keep, as_file])
    assert remove_stale_runs(tmp_path / "missing") == []


def test_rerun_after_a_killed_cli_run_leaves_no_partition_files(
    tmp_path: Path, corpus: Path, reference_db: Path, warm_cluster: Any, gazetteer_cache: Path
) -> None:
    db, runs = tmp_path / "killed.db", tmp_path / "runs"
    command = [sys.executable, "-m", "lanner.cli", "ingest", str(corpus), "--db", str(db), "-q"]
    command += ["--scheduler", warm_cluster.scheduler.address, "--partition-size", "4", "--run-dir", str(runs)]
    env = {**os.environ, "LANNER_CACHE_DIR": str(gazetteer_cache)}
    first = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while stored_documents(db) < 4 and first.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert first.poll() is None, "the run ended before it could be killed"
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=30)
    assert [path.name[:11] for path in runs.iterdir()] == ["lanner-run-"]  # what a killed run leaves

    again = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert "removed 1 run folder left by an earlier run" in again.stderr
    assert list(runs.iterdir()) == []
    assert stored_documents(db) == CORPUS_SIZE and db_content(db) == db_content(reference_db)
