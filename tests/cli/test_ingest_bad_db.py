"""`lanner ingest` checks its --db before loading the models: a bad database fails at once, with a clear error."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from lanner.cli import main

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _not_a_database(tmp_path: Path) -> str:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n", encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    ("make_db", "reason"),
    [
        (lambda tmp: str(tmp / "no-such-folder" / "lanner.db"), "unable to open database file"),
        (_not_a_database, "file is not a database"),
        (lambda tmp: "postgresql://lanner:secret@127.0.0.1:1/lanner", "Connection refused"),
        (lambda tmp: "mysql://lanner@127.0.0.1/lanner", "unsupported database"),
    ],
    ids=["missing-folder", "not-a-database", "server-down", "unsupported-scheme"],
)
@pytest.mark.parametrize("mode", [[], ["--workers", "2"]], ids=["in-process", "dask"])
def test_a_bad_db_fails_within_a_second_before_any_model_or_cluster_starts(
    tmp_path: Path, make_db, reason: str, mode: list[str]
) -> None:
    db = make_db(tmp_path)
    started = time.monotonic()
    result = CliRunner().invoke(main, ["ingest", str(EXAMPLES / "news"), "--db", db, "-q", *mode])
    elapsed = time.monotonic() - started
    assert result.exit_code == 1, result.output
    assert "[E301]" in result.output and reason in result.output, result.output
    assert "secret" not in result.output  # the password is never shown
    assert elapsed < 1.0, f"took {elapsed:.2f} s: the models (or a cluster) were loaded before the database was checked"
