"""A throwaway PostgreSQL cluster for the tests, from Debian's binaries, when CI has not provided one.

CI (`.ci/run`) starts a server and sets LANNER_TEST_POSTGRES_URL; without it, `start_cluster` runs
initdb and pg_ctl into a temporary directory, listening on 127.0.0.1 on a free port, as the `postgres`
user when the tests run as root (PostgreSQL refuses to run as root). Durability is switched off: the
cluster lives only as long as the test session.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, text

from lanner.store import database_url

INSTALL_HINT = "install PostgreSQL (apt-get install -y postgresql) or set LANNER_TEST_POSTGRES_URL"


@dataclass(frozen=True)
class Cluster:
    url: str  # superuser URL of the maintenance database
    directory: Path
    bin_dir: Path
    run_as: str | None

    def stop(self) -> None:
        _run(self, "pg_ctl", "-D", str(self.directory / "data"), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.directory, ignore_errors=True)


def find_bin_dir() -> Path:
    """The newest Debian PostgreSQL server binaries, or a clear error saying how to get them."""
    configured = os.environ.get("LANNER_PG_BIN")
    candidates = [configured] if configured else sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=_major)
    for candidate in reversed(candidates):
        if (Path(candidate) / "initdb").exists() and (Path(candidate) / "pg_ctl").exists():
            return Path(candidate)
    raise RuntimeError(f"no PostgreSQL server binaries (initdb, pg_ctl) found; {INSTALL_HINT}")


def _major(path: str) -> int:
    version = Path(path).parent.name
    return int(version) if version.isdigit() else 0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _run(cluster: Cluster, program: str, *args: str) -> None:
    command = [str(cluster.bin_dir / program), *args]
    if cluster.run_as:
        command = ["runuser", "-u", cluster.run_as, "--", *command]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    if result.returncode != 0:
        log = cluster.directory / "server.log"
        tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stdout}{result.stderr}{tail}")


def start_cluster() -> Cluster:
    """Create and start a cluster on 127.0.0.1; the caller stops it."""
    bin_dir = find_bin_dir()
    run_as = "postgres" if os.geteuid() == 0 else None
    directory = Path(tempfile.mkdtemp(prefix="lanner-pg-"))
    if run_as:
        shutil.chown(directory, user=run_as)
    port = _free_port()
    cluster = Cluster(f"postgresql://postgres@127.0.0.1:{port}/postgres", directory, bin_dir, run_as)
    data = str(directory / "data")
    _run(cluster, "initdb", "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync")
    options = (
        f"-h 127.0.0.1 -p {port} -k {directory} -F -c synchronous_commit=off -c full_page_writes=off "
        "-c max_connections=200"
    )
    try:
        _run(cluster, "pg_ctl", "-D", data, "-l", str(directory / "server.log"), "-o", options, "-w", "start")
    except BaseException:
        shutil.rmtree(directory, ignore_errors=True)
        raise
    return cluster


@contextlib.contextmanager
def fresh_database(admin_url: str) -> Iterator[str]:
    """A new, empty database on the server `admin_url` reaches, dropped afterwards; yields its URL."""
    name = f"lanner_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(database_url(admin_url), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        url = database_url(admin_url).set(database=name)
        yield url.render_as_string(hide_password=False).replace("postgresql+psycopg://", "postgresql://", 1)
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()
