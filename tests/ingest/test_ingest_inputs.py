"""Where input comes from: files, directories, stdin; and the usage errors raised before reading."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

import pytest

from lanner.errors import Code, InputError, LannerError
from lanner.ingest import FORMATS, read_inputs
from lanner.ingest.formats import sniff_format
from lanner.records import Article

Split = Callable[[Iterable[Article | InputError]], tuple[list[Article], list[InputError]]]

RSS = (
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
    b"<item><title>One</title><description>First item text.</description></item>"
    b"<item><title>Two</title><description>Second item text.</description></item>"
    b"</channel></rss>"
)


def test_formats() -> None:
    assert FORMATS == ("text", "html", "feed", "jsonl", "csv")


def test_directory_is_read_recursively_in_sorted_order(tmp_path: Path, split: Split) -> None:
    root = tmp_path / "in"
    (root / "b").mkdir(parents=True)
    (root / "a").mkdir()
    (root / ".hidden").mkdir()
    files = {
        "z.txt": "Last top-level file.",
        "a.txt": "Top-level a.",
        "a/2.md": "In a, second.",
        "a/10.txt": "In a, first (names sort as text).",
        "b/c.jsonl": '{"text": "From JSON Lines."}\n',
        "b/README": "No extension means text.",
        "notes.log": "Unknown extension: skipped.",
        "image.png": "Unknown extension: skipped.",
        ".secret.txt": "Hidden: skipped.",
        ".hidden/x.txt": "In a hidden directory: skipped.",
    }
    for name, text in files.items():
        (root / name).write_text(text)
    articles, errors = split(read_inputs([root]))
    assert errors == []
    assert [a.origin for a in articles] == [
        str(root / "a" / "10.txt"),
        str(root / "a" / "2.md"),
        str(root / "a.txt"),
        str(root / "b" / "README"),
        f"{root / 'b' / 'c.jsonl'}:line 1",
        str(root / "z.txt"),
    ]
    assert articles[4].text == "From JSON Lines."


def test_inputs_keep_their_order_and_a_missing_path_is_reported(tmp_path: Path, split: Split) -> None:
    first = tmp_path / "first.txt"
    first.write_text("First.")
    second = tmp_path / "second.txt"
    second.write_text("Second.")
    missing = tmp_path / "nope.txt"
    items = list(read_inputs([second, str(missing), first]))
    assert [type(i) for i in items] == [Article, InputError, Article]
    assert [getattr(i, "text", None) for i in items] == ["Second.", None, "First."]
    error = items[1]
    assert isinstance(error, InputError)
    assert (error.code, error.origin) == (Code.NOT_FOUND, str(missing))
    assert error.render() == f"{missing}: no such file or directory [E109]"


def test_a_lone_path_is_not_read_letter_by_letter(tmp_path: Path) -> None:
    path = tmp_path / "one.txt"
    path.write_text("Only one.")
    [article] = list(read_inputs(str(path)))  # type: ignore[arg-type]
    assert isinstance(article, Article) and article.text == "Only one."


def test_usage_errors_are_raised_before_reading() -> None:
    with pytest.raises(LannerError) as caught:
        read_inputs(["does-not-matter"], input_format="pdf")
    assert caught.value.code is Code.UNKNOWN_FORMAT and "jsonl" in caught.value.message
    with pytest.raises(LannerError) as caught:
        read_inputs(["does-not-matter"], max_chars=0)
    assert caught.value.code is Code.BAD_ARGUMENT


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b"Plain words from a pipe.\r\n", "Plain words from a pipe.\r\n"),
        ("\ufeffCafé “quoted”.".encode(), "Café “quoted”."),
        ("Café “quoted”.".encode("utf-16"), "Café “quoted”."),
    ],
)
def test_stdin_plain_text(data: bytes, text: str) -> None:
    [article] = list(read_inputs(["-"], stdin=io.BytesIO(data), published=date(2024, 1, 2)))
    assert isinstance(article, Article)
    assert (article.text, article.origin, article.published) == (text, "<stdin>", date(2024, 1, 2))


def test_stdin_sniffs_jsonl_and_feeds(split: Split) -> None:
    articles, errors = split(read_inputs(["-"], stdin=io.BytesIO(b'{"text": "A"}\n{"text": "B"}\n')))
    assert errors == [] and [(a.text, a.origin) for a in articles] == [("A", "<stdin>:line 1"), ("B", "<stdin>:line 2")]
    articles, errors = split(read_inputs(["-"], stdin=io.BytesIO(RSS)))
    assert errors == [] and [a.origin for a in articles] == ["<stdin>:item 1", "<stdin>:item 2"]
    assert articles[0].source == "Wire"


def test_stdin_with_input_format(split: Split) -> None:
    data = b'{"text": "Looks like JSON."}\n'
    [as_text] = list(read_inputs(["-"], input_format="text", stdin=io.BytesIO(data)))
    assert isinstance(as_text, Article) and as_text.text == data.decode()
    articles, errors = split(read_inputs(["-"], input_format="csv", stdin=io.BytesIO(b"text,id\nFrom CSV.,7\n")))
    assert errors == [] and [(a.text, a.input_id, a.origin) for a in articles] == [("From CSV.", "7", "<stdin>:row 2")]


def test_stdin_too_large_is_refused_without_reading_it_all() -> None:
    stream = io.BytesIO(b"x" * 10_000)
    [error] = list(read_inputs(["-"], max_chars=100, stdin=stream))
    assert isinstance(error, InputError) and error.code is Code.TOO_LARGE
    assert stream.tell() <= 4096 + 405  # the sniffed head, then the budget of 4 x 100 + 4 bytes and one more


def test_input_format_overrides_the_extension(tmp_path: Path) -> None:
    path = tmp_path / "records.txt"
    path.write_text('{"text": "A record."}\n')
    [article] = list(read_inputs([path], input_format="jsonl"))
    assert isinstance(article, Article) and article.origin == f"{path}:line 1"


def test_unknown_extension_named_explicitly_is_sniffed(tmp_path: Path) -> None:
    page = tmp_path / "feed.php"
    page.write_bytes(RSS)
    binary = tmp_path / "report.pdf"
    binary.write_bytes(b"%PDF-1.7\n\x00\x01\x02\x03")
    items = list(read_inputs([page, binary]))
    assert [getattr(i, "origin", None) for i in items] == [f"{page}:item 1", f"{page}:item 2", str(binary)]
    assert isinstance(items[2], InputError) and items[2].code is Code.BINARY_INPUT


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'  {"text": "x"}', "jsonl"),
        (b'<?xml version="1.0"?>\n<rss version="2.0">', "feed"),
        (b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
        (b"<rss>", "feed"),
        (b"<!DOCTYPE html><html>", "html"),
        (b"<html><head>", "html"),
        (b"<!-- saved page --><html>", "html"),
        (b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">', "html"),
        ("\ufeff<!doctype HTML>".encode(), "html"),
        ("<rss>".encode("utf-16"), "feed"),
        (b"Plain text.", "text"),
        (b"", "text"),
    ],
)
def test_sniff_format(head: bytes, expected: str) -> None:
    assert sniff_format(head) == expected


def test_read_inputs_is_lazy(tmp_path: Path) -> None:
    path = tmp_path / "later.txt"
    items = read_inputs([path])  # nothing is read yet, so the file may appear afterwards
    path.write_text("Written after the call.")
    assert [getattr(i, "text", None) for i in items] == ["Written after the call."]
