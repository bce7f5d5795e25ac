"""Plain text: exact text and offsets, encodings, and the bad files the reader must survive."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest

from lanner.errors import Code, InputError
from lanner.ingest import parse_date, read_inputs
from lanner.records import Article, text_id

NEWS = (
    "Militants attacked a checkpoint near Dabiq on Tuesday, officials said.\r\n"
    "“We lost three men,” a café owner told reporters — in Zürich.\r\n"
)


def only(path: Path, **kwargs: object) -> Article | InputError:
    items = list(read_inputs([path], **kwargs))  # type: ignore[arg-type]
    assert len(items) == 1, items
    return items[0]


def test_plain_text_is_the_exact_decoded_file(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(NEWS.encode("utf-8"))
    article = only(path)
    assert isinstance(article, Article)
    assert article.text == NEWS  # \r\n kept, nothing normalised
    assert article.origin == str(path)
    assert article.published is None and article.title is None and article.source is None
    assert not article.text_is_extracted
    assert article.id == text_id(NEWS)
    start = article.text.index("Zürich")
    assert article.text[start : start + 6] == "Zürich"  # offsets are str indices into the text


@pytest.mark.parametrize("name", ["story.text", "story.md", "STORY.TXT", "story"])
def test_text_extensions(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("Two soldiers were wounded.", encoding="utf-8")
    article = only(path)
    assert isinstance(article, Article) and article.text == "Two soldiers were wounded."


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [
        ("utf-8", b"\xef\xbb\xbf"),
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
        ("utf-32-le", b"\xff\xfe\x00\x00"),
        ("utf-32-be", b"\x00\x00\xfe\xff"),
    ],
)
def test_byte_order_marks_are_decoded_and_dropped(tmp_path: Path, encoding: str, prefix: bytes) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(prefix + NEWS.encode(encoding))
    article = only(path)
    assert isinstance(article, Article)
    assert article.text == NEWS


def test_utf16_with_bom_as_written_by_windows(tmp_path: Path) -> None:
    path = tmp_path / "notepad.txt"
    path.write_bytes(NEWS.encode("utf-16"))  # Python writes the platform BOM, as Notepad does
    article = only(path)
    assert isinstance(article, Article) and article.text == NEWS


@pytest.mark.parametrize(
    "text",
    [
        NEWS,
        "He said “no”.",
        "Zürich",
        "A naïve café in Bogotá; prices rose 5% — “outrageous”, said Señor Peña.",
    ],
)
def test_cp1252_file_decodes_right(tmp_path: Path, text: str) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode("cp1252"))
    article = only(path)
    assert isinstance(article, Article)
    assert article.text == text


def test_latin1_file_decodes_right(tmp_path: Path) -> None:
    text = "Le ministre a déclaré que l'armée s'était retirée de la ville côtière."
    path = tmp_path / "latin1.txt"
    path.write_bytes(text.encode("latin-1"))
    article = only(path)
    assert isinstance(article, Article) and article.text == text


def test_cyrillic_legacy_file_is_not_forced_into_cp1252(tmp_path: Path) -> None:
    text = "Москва заявила, что удары по городу продолжатся."
    path = tmp_path / "cyrillic.txt"
    path.write_bytes(text.encode("cp1251"))
    article = only(path)
    assert isinstance(article, Article) and article.text == text


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    error = only(path)
    assert isinstance(error, InputError)
    assert error.code is Code.EMPTY_INPUT and error.origin == str(path)
    assert str(path) in error.render()


@pytest.mark.parametrize("content", [b"  \r\n\t\n ", "\ufeff \n".encode("utf-8"), " \n".encode("utf-16")])
def test_whitespace_only_file_is_empty(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(content)
    error = only(path)
    assert isinstance(error, InputError) and error.code is Code.EMPTY_INPUT


@pytest.mark.parametrize(
    "content",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        b"PK\x03\x04" + bytes(200),
        b"\x01\x02\x03\x04abc\x05\x06\x07" * 50,  # no NUL, but mostly control characters
        b"\xff\xfe" + "text with a \x00 NUL".encode("utf-16-le"),  # NUL characters after a UTF-16 BOM
    ],
    ids=["png", "zip", "controls", "utf16-nul"],
)
def test_binary_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(content)
    error = only(path)
    assert isinstance(error, InputError)
    assert error.code is Code.BINARY_INPUT and error.origin == str(path)
    assert "binary" in error.message


def test_bad_utf16_after_bom_is_undecodable(tmp_path: Path) -> None:
    path = tmp_path / "torn.txt"
    path.write_bytes(b"\xff\xfe" + "ok".encode("utf-16-le") + b"\x00\xd8")  # a lone high surrogate
    error = only(path)
    assert isinstance(error, InputError) and error.code is Code.UNDECODABLE


def test_50_mb_file_is_refused_fast_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        chunk = b"The convoy moved north. " * 43690  # about 1 MB
        for _ in range(50):
            handle.write(chunk)
    started = time.perf_counter()
    error = only(path)
    elapsed = time.perf_counter() - started
    assert isinstance(error, InputError)
    assert error.code is Code.TOO_LARGE
    assert f"{path.stat().st_size:,} bytes" in error.message and "1,000,000 characters" in error.message
    assert elapsed < 0.5


def test_too_many_characters_after_decoding(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("é" * 101, encoding="utf-8")  # 202 bytes: under 4 x 100 bytes, over 100 characters
    error = only(path, max_chars=100)
    assert isinstance(error, InputError) and error.code is Code.TOO_LARGE
    assert "101 characters" in error.message and "100" in error.message
    ok = only(path, max_chars=101)
    assert isinstance(ok, Article) and len(ok.text) == 101


def test_published_applies_to_plain_text(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Two soldiers were wounded.", encoding="utf-8")
    article = only(path, published=date(2024, 3, 4))
    assert isinstance(article, Article) and article.published == date(2024, 3, 4)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-04", date(2024, 3, 4)),
        (" 2024-03-04 ", date(2024, 3, 4)),
        ("2024-03-04T10:30:00", date(2024, 3, 4)),
        ("2024-03-04T10:30:00Z", date(2024, 3, 4)),
        ("2024-03-04 23:59:59.123+05:30", date(2024, 3, 4)),
        ("2024-03-04T01:00:00+03:00", date(2024, 3, 4)),  # the publisher's day, not UTC's
        ("20240304", date(2024, 3, 4)),
    ],
)
def test_parse_date(value: str, expected: date) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["", "yesterday", "2024-02-30", "04/03/2024", "2024-03", "Tue, 05 Mar 2024"])
def test_parse_date_rejects(value: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_date(value)
    assert caught.value.code is Code.BAD_DATE
    assert "YYYY-MM-DD" in caught.value.message
