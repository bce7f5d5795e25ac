"""JSON Lines and CSV: every good record read, every bad one reported by line or row."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

import pytest

from lanner.errors import Code, InputError
from lanner.ingest import read_inputs
from lanner.records import Article

Split = Callable[[Iterable[Article | InputError]], tuple[list[Article], list[InputError]]]


def test_jsonl_good_and_bad_lines(fixtures: Path, split: Split) -> None:
    path = fixtures / "records.jsonl"
    articles, errors = split(read_inputs([path]))
    assert [a.origin for a in articles] == [f"{path}:line 1", f"{path}:line 2", f"{path}:line 9"]
    first, second, third = articles
    assert first.text == "Rebels seized the border post at Tal Amir on Friday."
    assert (first.title, first.url, first.source, first.input_id) == (
        "Border post seized",
        "https://example.org/a1",
        "Example Post",
        "a-1",
    )
    assert first.published == date(2024, 2, 9)
    assert not first.text_is_extracted
    assert second.input_id == "42"  # a numeric id is echoed as a string
    assert second.published == date(2024, 2, 10)  # 22:30 at -05:00: the record's own day
    assert third.published is None and third.input_id is None
    assert [(e.origin, e.code) for e in errors] == [
        (f"{path}:line 4", Code.BAD_RECORD),  # broken JSON
        (f"{path}:line 5", Code.BAD_RECORD),  # no text
        (f"{path}:line 6", Code.BAD_DATE),
        (f"{path}:line 7", Code.BAD_RECORD),  # not an object
        (f"{path}:line 8", Code.BAD_RECORD),  # blank text
    ]
    assert "not valid JSON" in errors[0].message
    assert "'text'" in errors[1].message
    assert "last Tuesday" in errors[2].message


def test_jsonl_text_is_taken_exactly(tmp_path: Path, split: Split) -> None:
    text = "  Line one.\r\nLine two\twith a tab — and “quotes”.\n"
    path = tmp_path / "exact.ndjson"
    path.write_text(json.dumps({"text": text}) + "\n" + json.dumps({"text": text}, ensure_ascii=False) + "\n")
    articles, errors = split(read_inputs([path]))
    assert errors == []
    assert [a.text for a in articles] == [text, text]


@pytest.mark.parametrize(
    ("record", "code", "words"),
    [
        ({"text": 7}, Code.BAD_RECORD, "'text' must be a string"),
        ({"text": None}, Code.BAD_RECORD, "no 'text'"),
        ({"text": "ok", "title": ["x"]}, Code.BAD_RECORD, "'title' must be a string"),
        ({"text": "ok", "id": {"a": 1}}, Code.BAD_RECORD, "'id' must be"),
        ({"text": "ok", "published": 20240304}, Code.BAD_DATE, "'published' must be a date string"),
        ({"text": "ok", "published": "2024-13-01"}, Code.BAD_DATE, "2024-13-01"),
    ],
)
def test_jsonl_bad_fields(tmp_path: Path, record: dict[str, object], code: Code, words: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(record) + "\n")
    [error] = list(read_inputs([path]))
    assert isinstance(error, InputError)
    assert (error.code, error.origin) == (code, f"{path}:line 1")
    assert words in error.message


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2024-03-04", date(2024, 3, 4)),
        ("2024-03-04T10:30:00Z", date(2024, 3, 4)),
        ("2024-03-04T10:30:00.250+02:00", date(2024, 3, 4)),
        ("", None),
        (None, None),
    ],
)
def test_jsonl_date_variants(tmp_path: Path, published: str | None, expected: date | None) -> None:
    path = tmp_path / "dates.jsonl"
    path.write_text(json.dumps({"text": "Clashes.", "published": published}) + "\n")
    [article] = list(read_inputs([path]))
    assert isinstance(article, Article) and article.published == expected


@pytest.mark.parametrize(("value", "expected"), [("abc", "abc"), (17, "17"), (2.5, "2.5"), (None, None)])
def test_jsonl_id_variants(tmp_path: Path, value: object, expected: str | None) -> None:
    path = tmp_path / "ids.jsonl"
    path.write_text(json.dumps({"text": "Clashes.", "id": value}) + "\n")
    [article] = list(read_inputs([path]))
    assert isinstance(article, Article) and article.input_id == expected


def test_published_flag_overrides_record_dates(fixtures: Path, split: Split) -> None:
    articles, errors = split(read_inputs([fixtures / "records.jsonl"], published=date(2021, 5, 6)))
    assert {a.published for a in articles} == {date(2021, 5, 6)}
    # The flag wins, so a record's unreadable date is not consulted and not an error.
    assert len(articles) == 4 and Code.BAD_DATE not in {e.code for e in errors}


def test_jsonl_unpaired_surrogate_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "surrogate.jsonl"
    path.write_text('{"text": "half a pair \\ud83d here"}\n{"text": "a whole pair \\ud83d\\ude00"}\n')
    error, article = list(read_inputs([path]))
    assert isinstance(error, InputError) and error.code is Code.BAD_RECORD
    assert isinstance(article, Article) and article.text == "a whole pair 😀"


def test_jsonl_legacy_and_utf16_encodings(tmp_path: Path, split: Split) -> None:
    legacy = tmp_path / "legacy.jsonl"
    legacy.write_bytes('{"text": "Café “owners” fled."}\n'.encode("cp1252"))
    wide = tmp_path / "wide.jsonl"
    wide.write_bytes('{"text": "Café “owners” fled."}\r\n{"text": 1}\r\n'.encode("utf-16"))
    articles, errors = split(read_inputs([legacy, wide]))
    assert [a.text for a in articles] == ["Café “owners” fled.", "Café “owners” fled."]
    assert [(e.code, e.origin) for e in errors] == [(Code.BAD_RECORD, f"{wide}:line 2")]


def test_jsonl_empty_binary_and_overlong(tmp_path: Path, split: Split) -> None:
    blank = tmp_path / "blank.jsonl"
    blank.write_text("\n  \n\n")
    binary = tmp_path / "binary.jsonl"
    binary.write_bytes(b'{"text": "x"}\n\x00\x00\x00\x00')
    long = tmp_path / "long.jsonl"
    long.write_text(json.dumps({"text": "x" * 5000}) + "\n" + json.dumps({"text": "short"}) + "\n")
    articles, errors = split(read_inputs([blank, binary, long], max_chars=10))
    assert [(e.code, e.origin) for e in errors] == [
        (Code.EMPTY_INPUT, str(blank)),
        (Code.BINARY_INPUT, str(binary)),
        (Code.TOO_LARGE, f"{long}:line 1"),
    ]
    assert [a.text for a in articles] == ["short"]


def test_jsonl_line_longer_than_the_byte_budget_is_skipped(tmp_path: Path, split: Split) -> None:
    path = tmp_path / "huge-line.jsonl"
    # max_chars=1 allows lines of 12 + 65,536 bytes; this one is far longer and never parsed.
    path.write_text(json.dumps({"text": "y" * 200_000}) + "\n" + json.dumps({"text": "z"}) + "\n")
    articles, errors = split(read_inputs([path], max_chars=1))
    assert [(e.code, e.origin) for e in errors] == [(Code.TOO_LARGE, f"{path}:line 1")]
    assert [(a.text, a.origin) for a in articles] == [("z", f"{path}:line 2")]


def test_csv_good_and_bad_rows(fixtures: Path, split: Split) -> None:
    path = fixtures / "rows.csv"
    articles, errors = split(read_inputs([path]))
    assert [a.origin for a in articles] == [f"{path}:row 2", f"{path}:row 3", f"{path}:row 8"]
    first, second, third = articles
    assert first.text == "Gunmen attacked a market in Hadi on Sunday."
    assert (first.title, first.source, first.input_id, first.published) == (
        "Market attack",
        "Example Daily",
        "r1",
        date(2024, 3, 3),
    )
    assert second.text == "Fighting resumed overnight.\nResidents fled north."  # a quoted multi-line field
    assert second.published is None and second.source is None
    assert third.text == 'An "armed group" claimed it.' and third.title == "Quoted, title"
    assert third.published == date(2024, 3, 8)
    assert [(e.origin, e.code) for e in errors] == [
        (f"{path}:row 4", Code.BAD_RECORD),  # empty text
        (f"{path}:row 5", Code.BAD_DATE),
        (f"{path}:row 6", Code.BAD_RECORD),  # too many fields
    ]


def test_csv_keeps_crlf_inside_quoted_text(tmp_path: Path) -> None:
    path = tmp_path / "crlf.csv"
    path.write_bytes(b'Text,ID\r\n"First line.\r\nSecond line.",9\r\n')
    [article] = list(read_inputs([path]))
    assert isinstance(article, Article)
    assert article.text == "First line.\r\nSecond line."  # header names are matched case-insensitively
    assert article.input_id == "9"


def test_csv_long_article_beyond_the_csv_module_default(tmp_path: Path) -> None:
    text = "word " * 40_000  # 200,000 characters: above csv's default field limit of 131,072
    path = tmp_path / "long.csv"
    path.write_text(f'text\n"{text}"\n')
    [article] = list(read_inputs([path]))
    assert isinstance(article, Article) and article.text == text


def test_csv_without_text_column_or_rows(tmp_path: Path, split: Split) -> None:
    no_text = tmp_path / "no_text.csv"
    no_text.write_text("title,body\na,b\n")
    empty = tmp_path / "empty.csv"
    empty.write_text("\n\n")
    legacy = tmp_path / "legacy.csv"
    legacy.write_bytes('text\n"Déjà vu in Zürich."\n'.encode("cp1252"))
    articles, errors = split(read_inputs([no_text, empty, legacy]))
    assert [(e.code, e.origin) for e in errors] == [
        (Code.BAD_RECORD, f"{no_text}:row 1"),
        (Code.EMPTY_INPUT, str(empty)),
    ]
    assert "no 'text' column" in errors[0].message
    assert [a.text for a in articles] == ["Déjà vu in Zürich."]
