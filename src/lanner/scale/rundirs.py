"""Run folders: where a distributed run's partition files live, and how folders left by killed runs go away.

A run that ends well removes its folder. A run killed with SIGKILL (or a machine that died) cannot, so
every run starts by removing the folders of earlier runs that nobody can still be using:

- a folder whose owner file names this host and a process that no longer exists, or a process with the
  same pid started after the folder (the usual case: the previous, killed run of the same command), and
- any folder in which nothing has changed for `STALE_AFTER` (a run from another host of a shared
  folder, or one killed before it wrote its owner file): a live run writes a partition file every few
  seconds, so a day of silence means its client is gone.

A folder owned by a live process on this host is never touched, nor is anything not named like a run.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

RUN_PREFIX = "lanner-run-"
RUN_NAME = re.compile(r"^lanner-run-[0-9a-f]{12}$")
OWNER_FILE = "owner.json"
STALE_AFTER = 24 * 3600.0  # seconds without any change after which a run folder is taken as abandoned


@dataclass(frozen=True)
class RunOwner:
    """Who created a run folder: enough to tell, on the same host, whether that process still lives."""

    host: str
    pid: int
    started: float


def new_run_dir(parent: Path) -> Path:
    """Create a fresh run folder under `parent` and record this process as its owner."""
    run = parent / f"{RUN_PREFIX}{uuid.uuid4().hex[:12]}"
    run.mkdir(parents=True)
    owner = {"host": socket.gethostname(), "pid": os.getpid(), "started": time.time()}
    temporary = run / f".{OWNER_FILE}.tmp"
    temporary.write_text(json.dumps(owner), encoding="utf-8")
    os.replace(temporary, run / OWNER_FILE)
    return run


def read_owner(run: Path) -> RunOwner | None:
    """The owner recorded in a run folder, or None when there is none (or it cannot be read)."""
    try:
        data = json.loads((run / OWNER_FILE).read_text(encoding="utf-8"))
        return RunOwner(host=str(data["host"]), pid=int(data["pid"]), started=float(data["started"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _owner_alive(owner: RunOwner) -> bool:
    """Whether the process that created the folder still runs (a reused pid started after the folder is not it)."""
    import psutil  # a dependency of distributed

    try:
        process = psutil.Process(owner.pid)
        return process.create_time() <= owner.started + 1.0
    except psutil.NoSuchProcess:
        return False
    except (psutil.AccessDenied, OSError):  # cannot tell: take it as alive and let the age rule decide later
        return True


def _last_change(run: Path) -> float:
    """The newest modification time of the folder and anything directly in it."""
    newest = run.stat().st_mtime
    for entry in os.scandir(run):
        try:
            newest = max(newest, entry.stat(follow_symlinks=False).st_mtime)
        except OSError:  # removed while we looked
            continue
    return newest


def is_stale(run: Path, *, now: float | None = None, stale_after: float = STALE_AFTER) -> bool:
    """True when no live run can own `run`: its owner process on this host is gone, or it has been silent
    for `stale_after` seconds."""
    owner = read_owner(run)
    if owner is not None and owner.host == socket.gethostname():
        return not _owner_alive(owner)
    try:
        silent = (now if now is not None else time.time()) - _last_change(run)
    except OSError:
        return False  # gone already, or unreadable: leave it
    return silent >= stale_after


def remove_stale_runs(parent: Path, *, now: float | None = None, stale_after: float = STALE_AFTER) -> list[Path]:
    """Remove the run folders under `parent` that no live run can own (see the module doc); returns them."""
    try:
        entries = sorted(parent.iterdir())
    except OSError:
        return []
    removed: list[Path] = []
    for run in entries:
        if not RUN_NAME.match(run.name) or not run.is_dir() or run.is_symlink():
            continue
        if is_stale(run, now=now, stale_after=stale_after):
            shutil.rmtree(run, ignore_errors=True)
            if not run.exists():
                removed.append(run)
    return removed
