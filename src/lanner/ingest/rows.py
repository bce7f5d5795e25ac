"""JSON Lines and CSV: one article per record; a bad record is reported and the rest still read.

Both are streamed line by line, so a file of many thousands of articles is never held whole. The
record's `text` is taken exactly as given: offsets downstream index into it.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator, Mapping
from datetime import date
from types import MappingProxyType
from typing import BinaryIO

from lanner.errors import Code, InputError
from lanner.ingest.dates import parse_date_at
from lanner.ingest.options import ReadOptions
from lanner.ingest.streams import BadItem, LineSource
from lanner.records import Article

_SURROGATE = re.compile("[\ud800-\udfff]")
_JSON_TYPES = MappingProxyType(
    {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}
)


def read_jsonl(stream: BinaryIO, origin: str, size: int | None, options: ReadOptions) -> Iterator[Article | InputError]:
    """One Article per non-blank line, origin "file:line N" (N counts every line, from 1)."""
    try:
        lines = LineSource(stream, origin, options.line_bytes)
    except InputError as err:
        yield err
        return
    records = 0
    while True:
        try:
            line = next(lines)
        except StopIteration:
            break
        except BadItem as bad:
            records += 1
            yield bad.at(f"{origin}:line {lines.line_no}")
            continue
        if not line.strip():
            continue
        records += 1
        yield _jsonl_record(line, f"{origin}:line {lines.line_no}", options)
    if not records:
        yield InputError(Code.EMPTY_INPUT, "the file has no records (it is empty or blank)", origin=origin)


def _jsonl_record(line: str, origin: str, options: ReadOptions) -> Article | InputError:
    """One line of JSON Lines as an Article, or the InputError that names the line."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        return InputError(Code.BAD_RECORD, f"not valid JSON: {err.msg} (column {err.colno})", origin=origin)
    except (ValueError, RecursionError) as err:
        return InputError(Code.BAD_RECORD, f"not valid JSON: {err}", origin=origin)
    if not isinstance(record, dict):
        kind = _JSON_TYPES.get(type(record), "a number")
        return InputError(Code.BAD_RECORD, f"expected a JSON object with a 'text' field, found {kind}", origin=origin)
    return article_from_record(record, origin, options)


def read_csv(stream: BinaryIO, origin: str, size: int | None, options: ReadOptions) -> Iterator[Article | InputError]:
    """One Article per row under a header row naming the fields; origin "file:row N".

    Rows are numbered as a spreadsheet shows them: the header is row 1, blank rows count, and a
    quoted field that spans several lines is still one row.
    """
    try:
        lines = LineSource(stream, origin, options.line_bytes)
    except InputError as err:
        yield err
        return
    # The csv module's field limit is process-wide (default 131,072 characters, shorter than many
    # articles). It is only ever raised, to a bound that keeps one runaway quoted field finite.
    csv.field_size_limit(max(csv.field_size_limit(), 4 * options.max_chars))
    reader = csv.reader(lines, strict=False)
    header: list[str] | None = None
    row_no = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except BadItem as bad:
            row_no += 1
            yield bad.at(f"{origin}:row {row_no}")
            continue
        except csv.Error as err:
            row_no += 1
            code = Code.TOO_LARGE if "field limit" in str(err) else Code.BAD_RECORD
            yield InputError(code, f"not a readable CSV row: {err}", origin=f"{origin}:row {row_no}")
            continue
        row_no += 1
        where = f"{origin}:row {row_no}"
        if not any(cell.strip() for cell in row):
            continue
        if header is None:
            header = [name.strip().lower() for name in row]
            if "text" not in header:
                found = ", ".join(repr(name) for name in header)
                yield InputError(Code.BAD_RECORD, f"the header row has no 'text' column (it has {found})", origin=where)
                return
            continue
        if len(row) != len(header):
            yield InputError(
                Code.BAD_RECORD, f"the row has {len(row)} fields but the header has {len(header)}", origin=where
            )
            continue
        yield article_from_record(dict(zip(header, row, strict=True)), where, options)
    if header is None:
        yield InputError(Code.EMPTY_INPUT, "the file has no header row and no records", origin=origin)


def article_from_record(record: Mapping[str, object], origin: str, options: ReadOptions) -> Article | InputError:
    """An Article from the fields text, title, url, published, source and id; unknown fields are ignored."""
    try:
        text = _text_field(record)
        title = _optional_text(record, "title")
        url = _optional_text(record, "url")
        source = _optional_text(record, "source")
        input_id = _id_field(record)
        published = options.published if options.published is not None else _date_field(record, origin)
    except BadItem as bad:
        return bad.at(origin)
    except InputError as err:
        return err
    too_long = options.length_error(text, origin)
    if too_long is not None:
        return too_long
    return Article(
        text=text, title=title, url=url, published=published, source=source, input_id=input_id, origin=origin
    )


def _text_field(record: Mapping[str, object]) -> str:
    """The required text, exactly as given (never trimmed: offsets index into it)."""
    if "text" not in record or record["text"] is None:
        raise BadItem(Code.BAD_RECORD, "the record has no 'text' field")
    text = record["text"]
    if not isinstance(text, str):
        raise BadItem(Code.BAD_RECORD, f"'text' must be a string, not {_kind(text)}")
    if not text.strip():
        raise BadItem(Code.BAD_RECORD, "'text' is empty")
    _no_surrogates(text, "text")
    return text


def _optional_text(record: Mapping[str, object], name: str) -> str | None:
    """Metadata strings are trimmed; empty means absent."""
    value = record.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise BadItem(Code.BAD_RECORD, f"'{name}' must be a string, not {_kind(value)}")
    _no_surrogates(value, name)
    return value.strip() or None


def _id_field(record: Mapping[str, object]) -> str | None:
    """Any JSON scalar is accepted as an id and echoed back as its str()."""
    value = record.get("id")
    if value is None or isinstance(value, dict | list):
        if value is not None:
            raise BadItem(Code.BAD_RECORD, f"'id' must be a string or a number, not {_kind(value)}")
        return None
    text = str(value)
    _no_surrogates(text, "id")
    return text.strip() or None


def _date_field(record: Mapping[str, object], origin: str) -> date | None:
    """The record's own date; absent or empty means none."""
    value = record.get("published")
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise BadItem(Code.BAD_DATE, f"'published' must be a date string such as 2024-03-04, not {_kind(value)}")
    return parse_date_at(value, origin=origin)


def _no_surrogates(value: str, name: str) -> None:
    """JSON can escape half a surrogate pair; such a string cannot be encoded, hashed or stored."""
    if _SURROGATE.search(value):
        raise BadItem(Code.BAD_RECORD, f"'{name}' contains an unpaired surrogate escape (\\ud800-\\udfff)")


def _kind(value: object) -> str:
    """A JSON type name for messages."""
    return _JSON_TYPES.get(type(value), "a number")
