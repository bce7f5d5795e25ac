"""`lanner ingest` and `lanner events` on either backend, with input PostgreSQL alone would refuse."""

from __future__ import annotations

import json

from click.testing import CliRunner
from sqlalchemy import text

from lanner.cli import main
from lanner.store import open_store


def test_nul_bytes_in_jsonl_are_stored_replaced_and_listed(store_url, tmp_path, gazetteer, gazetteer_cache):
    record = {
        "text": "Al-Shabaab fighters attacked\u0000 an army base in Mogadishu on Monday, killing five soldiers.",
        "title": "Mogadishu\u0000 attack",
        "published": "2019-06-10",
    }
    corpus = tmp_path / "nul.jsonl"
    corpus.write_text(json.dumps(record) + "\n")
    runner = CliRunner()
    env = {"LANNER_CACHE_DIR": str(gazetteer_cache)}
    ingested = runner.invoke(main, ["ingest", str(corpus), "--db", store_url, "-q"], env=env)
    assert ingested.exit_code == 0, ingested.output
    assert "1 articles processed" in ingested.stderr
    with open_store(store_url) as store, store.connect() as db:
        title, stored, replaced = db.execute(text("SELECT title, text, replaced_chars FROM documents")).one()
    assert title == "Mogadishu\ufffd attack" and "attacked\ufffd an army" in stored and replaced == 2

    again = runner.invoke(main, ["ingest", str(corpus), "--db", store_url, "-q"], env=env)
    assert again.exit_code == 0 and "1 already stored" in again.stderr

    listed = runner.invoke(main, ["events", "--db", store_url, "--format", "jsonl", "--factuality", "all"], env=env)
    assert listed.exit_code == 0, listed.output
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert rows and all(row["document_title"] == "Mogadishu\ufffd attack" for row in rows)
