"""HTML pages: the article text, title, date, URL and site name, without the page's boilerplate."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

from lanner.errors import Code, InputError
from lanner.ingest import read_inputs
from lanner.records import Analysis, Article

Split = Callable[[Iterable[Article | InputError]], tuple[list[Article], list[InputError]]]


def test_news_page(fixtures: Path, split: Split) -> None:
    articles, errors = split(read_inputs([fixtures / "news.html"]))
    assert errors == []
    [article] = articles
    assert article.title == "Shelling hits market in Varnek, officials say"
    assert article.url == "https://courier.example.org/world/2023/05/14/varnek-market-shelling"
    assert article.published == date(2023, 5, 14)
    assert article.source == "The Lanner Courier"
    assert article.text_is_extracted
    assert article.origin == str(fixtures / "news.html")
    text = article.text
    assert "killing at least seven civilians" in text
    assert "“People were running in every direction,” said one trader" in text
    assert "international humanitarian law." in text
    for boilerplate in ("Subscribe to our newsletter", "Sport", "Celebrity chef", "Copyright", "Cookie settings"):
        assert boilerplate not in text
    assert "<p>" not in text and "  " not in text
    # The output carries the extracted text, so offsets found in it can be checked by readers.
    assert Analysis(article=article).to_dict()["document"]["text"] == text


def test_published_flag_overrides_the_page_date(fixtures: Path, split: Split) -> None:
    [article], _ = split(read_inputs([fixtures / "news.html"], published=date(2025, 1, 2)))
    assert article.published == date(2025, 1, 2)


def test_page_without_article_text(fixtures: Path, split: Split) -> None:
    articles, errors = split(read_inputs([fixtures / "no_article.html", fixtures / "news.html"]))
    assert [e.code for e in errors] == [Code.NO_ARTICLE_TEXT]
    assert errors[0].origin == str(fixtures / "no_article.html")
    assert len(articles) == 1  # the next file is still read


def test_legacy_charset_page(tmp_path: Path, split: Split) -> None:
    body = "“Three soldiers were killed near the café,” the spokesman said on Monday in a statement. " * 3
    page = f"<html><head><title>Attack</title></head><body><article><p>{body}</p></article></body></html>"
    path = tmp_path / "legacy.htm"
    path.write_bytes(page.encode("cp1252"))
    [article], errors = split(read_inputs([path]))
    assert errors == []
    assert "“Three soldiers were killed near the café,”" in article.text


def test_empty_and_binary_html(tmp_path: Path, split: Split) -> None:
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"\n\n")
    binary = tmp_path / "binary.html"
    binary.write_bytes(b"\x00\x01\x02<html>")
    _, errors = split(read_inputs([empty, binary]))
    assert [(e.code, e.origin) for e in errors] == [
        (Code.EMPTY_INPUT, str(empty)),
        (Code.BINARY_INPUT, str(binary)),
    ]
