"""Helpers for the Dask tests: the small corpus, database content and soundness checks."""

from __future__ import annotations

import csv
import json
import os
import sqlite3
from pathlib import Path
from typing import Any

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CORPUS_SIZE = 40
VOLATILE = {"documents": {"processed_at"}}  # when the row was written, not what was written
TABLES = ("documents", "actors", "mentions", "events", "event_actors")


def _opening(text: str, limit: int = 600) -> str:
    """The first sentences of a text, up to about `limit` characters, ending at a full stop."""
    cut = text[:limit]
    stop = cut.rfind(". ")
    return cut[: stop + 1] if stop > 100 else cut


def corpus_rows(shared_dir: Path) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    with (EXAMPLES / "news" / "articles.jsonl").open(encoding="utf-8") as handle:
        rows.extend(json.loads(line) for line in handle if line.strip())
    rows.append(
        {
            "id": "mosul",
            "text": (EXAMPLES / "mosul-aftermath.txt").read_text(encoding="utf-8"),
            "published": "2017-07-11",
        }
    )
    path = shared_dir / "eval" / "fa_kes_syria" / "fakes.csv"
    with path.open(encoding="cp1252", errors="replace", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle)):
            if len(rows) >= CORPUS_SIZE:
                break
            text = _opening(row["article_content"])
            if len(text) > 150:
                rows.append({"id": f"fakes-{number}", "text": text, "published": "2017-04-05", "source": row["source"]})
    assert len(rows) == CORPUS_SIZE
    return rows


def pipeline_name(pipeline: Any) -> str:
    from lanner import __version__

    return f"lanner-{__version__}/{pipeline.stage('nlp').model_name}"


def db_content(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every data table (without write times), sorted: two runs that stored the same agree."""
    content: dict[str, list[tuple[Any, ...]]] = {}
    with sqlite3.connect(path) as connection:
        for table in TABLES:
            columns = [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]
            kept = [column for column in columns if column not in VOLATILE.get(table, set())]
            quoted = ", ".join(f'"{column}"' for column in kept)
            rows = connection.execute(f"SELECT {quoted} FROM {table}").fetchall()
            content[table] = sorted(rows, key=repr)
    return content


def assert_sound(path: Path) -> None:
    """SQLite's own integrity check passes, no row points at a missing row, and full-text search is in step."""
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        for index in ("events_fts", "documents_fts"):  # the search indexes agree with the rows they index
            connection.execute(f"INSERT INTO {index} ({index}, rank) VALUES ('integrity-check', 1)")


def stored_documents(path: Path) -> int:
    """How many documents a database holds right now (0 while it does not exist yet)."""
    if not path.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1) as connection:
            return connection.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:
        return 0  # schema not created yet


def worker_pids(client: Any) -> dict[str, int]:
    return client.run(os.getpid)


def restore_workers(client: Any, count: int, timeout: float = 120) -> None:
    """Wait until the test cluster runs `count` workers again after one was killed. A nanny restarts its worker,
    but Dask has a race in which the restarted worker closes for good and takes its nanny with it (dask/distributed
    issue 7312); then a fresh worker replaces the closed one, so later cycles still kill among two workers."""
    from distributed.core import Status
    from distributed.exceptions import WorkerStartTimeoutError

    try:
        client.wait_for_workers(count, timeout=timeout / 2)
        return
    except WorkerStartTimeoutError:
        pass
    cluster = client.cluster
    for name, nanny in list(cluster.workers.items()):
        if nanny.status in (Status.closed, Status.closing, Status.failed):
            del cluster.workers[name]
            cluster.worker_spec.pop(name, None)
    cluster.scale(count)
    client.wait_for_workers(count, timeout=timeout / 2)
