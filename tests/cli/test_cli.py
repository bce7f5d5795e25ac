"""The command line end to end, as a user runs it: outputs valid against the contract, bad input survived."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest

from lanner.store import open_store


@pytest.fixture(scope="session")
def contract_validator():
    schema = json.loads((resources.files("lanner") / "data" / "extract-output.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def assert_valid(record: dict, text: str, validator) -> None:
    """Valid against the schema, and every offset points at the text it claims."""
    validator.validate(record)
    for item in [*record["places"], *record["actors"], *(e["evidence"] for e in record["events"])]:
        assert text[item["start"] : item["end"]] == item["text"]


def test_extract_one_article_prints_one_contract_object(run, examples, contract_validator):
    path = examples / "mosul-aftermath.txt"
    result = run("extract", str(path), "--published", "2017-07-11", "--format", "json")
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    text = path.read_text(encoding="utf-8")
    assert_valid(record, text, contract_validator)
    assert record["document"]["published"] == "2017-07-11"
    assert "text" not in record["document"]  # plain text input: offsets point into the file itself
    assert any(a["actor_id"] == "islamic_state" for a in record["actors"])
    assert any(p["name"] == "Mosul" and p["country"] == "IQ" for p in record["places"])
    kinds = {e["factuality"] for e in record["events"]}
    assert {"asserted", "hypothetical", "generic"} <= kinds


def test_extract_several_inputs_gives_json_lines_in_input_order(run, examples, contract_validator):
    result = run("extract", str(examples / "news" / "articles.jsonl"), str(examples / "news" / "sahel-report.html"))
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["document"].get("input_id") for r in records] == ["ex-001", "ex-002", "ex-003", "ex-004", "ex-005", None]
    source_lines = (examples / "news" / "articles.jsonl").read_text().splitlines()
    for record, line in zip(records, source_lines, strict=False):
        assert_valid(record, json.loads(line)["text"], contract_validator)
    html = records[-1]
    assert_valid(html, html["document"]["text"], contract_validator)
    assert html["document"]["published"] == "2021-03-16"
    assert html["document"]["url"] == "https://example.org/news/mali-mopti"
    assert "Subscribe" not in html["document"]["text"]


def test_stdin_jsonl_and_other_formats(run, examples):
    data = (examples / "news" / "articles.jsonl").read_text()
    table = run("extract", "-", "--input-format", "jsonl", "--format", "table", input=data)
    assert table.exit_code == 0 and "ASSAULT" in table.stdout and "Kabul" in table.stdout
    csv_out = run("extract", "-", "--input-format", "jsonl", "--format", "csv", input=data)
    assert csv_out.stdout.splitlines()[0].startswith("document_id,title,published,event_id,type")
    assert len(csv_out.stdout.splitlines()) > 6


def test_ingest_twice_adds_nothing_and_events_filters(run, examples, store_url):
    db = store_url  # an SQLite file, then a PostgreSQL database
    first = run("ingest", str(examples / "news"), "--db", db, "-q")
    assert first.exit_code == 0, first.output
    with open_store(db) as store:
        counts = store.counts()
    assert counts["documents"] == 6 and counts["events"] > 10
    second = run("ingest", str(examples / "news"), "--db", db, "-q")
    assert second.exit_code == 0 and "6 already stored" in second.stderr
    again = run("ingest", str(examples / "news"), "--db", db, "-q", "--reprocess")
    assert again.exit_code == 0
    with open_store(db) as store:
        assert store.counts() == counts

    listed = run("events", "--db", db, "--format", "jsonl", "--factuality", "all")
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert len(rows) == counts["events"]
    asserted = run("events", "--db", db, "--format", "jsonl")
    assert all(json.loads(line)["factuality"] == "asserted" for line in asserted.stdout.splitlines())
    somalia = run("events", "--db", db, "--country", "SO", "--type", "ASSAULT", "--format", "jsonl")
    assert somalia.stdout and all(json.loads(r)["country"] == "SO" for r in somalia.stdout.splitlines())
    near = run("events", "--db", db, "--near", "2.04,45.34,50", "--format", "geojson")
    collection = json.loads(near.stdout)
    assert collection["type"] == "FeatureCollection" and collection["features"]
    for feature in collection["features"]:
        assert feature["properties"]["distance_km"] <= 50
    by_actor = run("events", "--db", db, "--actor", "al_shabaab", "--format", "csv")
    assert "al_shabaab" in by_actor.stdout
    since = run("events", "--db", db, "--since", "2023-01-01", "--format", "jsonl", "--factuality", "all")
    assert all(json.loads(r)["date_end"] >= "2023-01-01" for r in since.stdout.splitlines())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--near", "91,0,10"], "latitude"),
        (["--since", "yesterday"], "YYYY-MM-DD"),
        (["--type", "PICNIC"], "unknown type"),
        (["--factuality", "maybe"], "maybe"),
    ],
)
def test_events_refuses_bad_filters_clearly(run, tmp_path, args, message):
    result = run("events", "--db", str(tmp_path / "x.db"), *args)
    assert result.exit_code == 2 and message in result.output


def test_bad_inputs_each_get_one_line_and_the_rest_is_processed(run, tmp_path, store_url):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (folder / "latin1.txt").write_bytes("Les combattants ont attaqué la ville. ISIS attacked Mosul.".encode("cp1252"))
    (folder / "nothing.html").write_text("<html><body><nav>Home | World</nav></body></html>")
    (folder / "broken.xml").write_text("<rss><channel><item><title>x</title")
    (folder / "rows.jsonl").write_text(
        '{"text": "ISIS fighters attacked a checkpoint near Tikrit."}\nnot json\n{"title": "no text"}\n'
    )
    (folder / "rows.csv").write_text('text,published\n"Gunmen killed five people in Kabul.",2018-01-02\n"x",notadate\n')
    (folder / "huge.txt").write_bytes(b"word " * 10_000_000)
    db = store_url
    result = run("ingest", str(folder), "--db", db, "-q")
    assert result.exit_code == 0, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("lanner: skipped")]
    named = " ".join(errors)
    for expected in (
        "empty.txt",
        "binary.txt",
        "nothing.html",
        "broken.xml",
        "rows.jsonl:line 2",
        "rows.jsonl:line 3",
        "rows.csv:row 3",
        "huge.txt",
    ):
        assert expected in named, (expected, errors)
    assert len(errors) == 8
    with open_store(db) as store:
        assert store.counts()["documents"] == 3  # latin1.txt, the good JSON Lines line, the good CSV row
        if store.dialect == "sqlite":
            with store.connect() as connection:
                assert connection.exec_driver_sql("PRAGMA integrity_check").scalar_one() == "ok"


def test_a_database_server_that_cannot_be_reached_is_one_clear_line(run):
    url = "postgresql://lanner:s3cret-pw@127.0.0.1:1/lanner"
    for args in (["events", "--db", url], ["ingest", "-", "--db", url, "-q"]):
        result = run(*args, input="ISIS attacked Mosul.")
        assert result.exit_code != 0 and "E301" in result.output, result.output
        assert "Traceback" not in result.output and "s3cret-pw" not in result.output
        assert "lanner:***@127.0.0.1:1/lanner" in result.output


def test_nothing_processed_exits_non_zero(run, tmp_path):
    (tmp_path / "empty.txt").write_text("   \n")
    result = run("extract", str(tmp_path / "empty.txt"))
    assert result.exit_code == 1
    assert "empty.txt" in result.stderr


@pytest.mark.parametrize("command", [[], ["extract"], ["ingest"], ["events"], ["eval"], ["gazetteer", "info"]])
def test_every_command_explains_itself(run, command):
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert "Usage:" in result.output
    if command and command != ["gazetteer", "info"]:
        assert "Example" in result.output
