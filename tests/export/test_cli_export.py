"""`lanner export` from the command line: stdout or a file, errors with their exit codes, both backends."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from lanner.cli import main

pytestmark = pytest.mark.model
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _run(*args: str, cache: Path):
    return CliRunner().invoke(main, list(args), env={"LANNER_CACHE_DIR": str(cache)})


def test_csv_to_stdout_and_jsonl_to_a_file(export_db, gazetteer_cache, tmp_path):
    result = _run("export", "--db", str(export_db), "--country", "AF", cache=gazetteer_cache)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and {row["country"] for row in rows} == {"Afghanistan"}
    assert "exported" in result.stderr
    target = tmp_path / "events.jsonl"
    result = _run(
        "export", "--db", str(export_db), "--layout", "native", "--format", "jsonl", "-o", str(target),
        "--type", "ASSAULT", "--factuality", "all", cache=gazetteer_cache,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    lines = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert lines and {line["type"] for line in lines} == {"ASSAULT"}
    assert {line["factuality"] for line in lines} > {"asserted"}


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--format", "parquet"], "give an output file (-o FILE)"),
        (["--type", "BOMBING"], "unknown type(s) BOMBING"),
        (["--factuality", "maybe"], "factuality maybe"),
        (["--since", "yesterday"], "not a date"),
    ],
)
def test_usage_errors_exit_2_and_write_nothing(export_db, gazetteer_cache, tmp_path, args, words):
    result = _run("export", "--db", str(export_db), *args, cache=gazetteer_cache)
    assert result.exit_code == 2 and words in result.output
    assert result.stdout.count("\n") == 0 or "Usage" in result.output


def test_a_missing_database_is_reported(gazetteer_cache, tmp_path):
    result = _run("export", "--db", str(tmp_path / "none.db"), cache=gazetteer_cache)
    assert result.exit_code == 1 and "no database" in result.stderr
    assert not (tmp_path / "none.db").exists()


def test_acled_export_reads_the_same_on_both_backends(store_url, pipeline, gazetteer_cache, tmp_path):
    from lanner.api import ingest
    from lanner.store import open_store

    with open_store(store_url) as store:
        ingest([EXAMPLES / "news" / "articles.jsonl"], store, pipeline=pipeline)
    target = tmp_path / "acled.csv"
    result = _run("export", "--db", store_url, "-o", str(target), "--monadic", cache=gazetteer_cache)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    konduga = [row for row in rows if "Konduga" in row["notes"]]
    assert {(row["actor1"], row["inter1"], row["interaction"]) for row in konduga} == {
        ("Boko Haram", "2", "27"),
        ("Civilians (Nigeria)", "7", "27"),
    }
    assert all(row["source"] == "Example Wire" and row["timestamp"].isdigit() for row in rows)
