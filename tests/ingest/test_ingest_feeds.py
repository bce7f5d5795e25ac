"""RSS and Atom feeds: one article per item; bad items and malformed feeds reported, the rest read."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

import pytest

from lanner.errors import Code, InputError
from lanner.ingest import read_inputs
from lanner.ingest.fragments import fragment_to_text
from lanner.records import Article

Split = Callable[[Iterable[Article | InputError]], tuple[list[Article], list[InputError]]]


def test_rss_feed(fixtures: Path, split: Split) -> None:
    path = fixtures / "feed.rss"
    articles, errors = split(read_inputs([path]))
    first, second = articles
    assert first.text == (
        "Gunmen ambushed an aid convoy on the Orsa road on Monday, a relief agency said.\n\n"
        "Two drivers were wounded.\nThe agency suspended its deliveries."
    )  # content:encoded wins over the description; paragraphs and <br> kept apart
    assert first.title == "Convoy ambushed on the Orsa road"
    assert first.url == "https://wire.example.net/conflict/convoy-ambushed"
    assert first.published == date(2024, 4, 2)  # 01:15 +03:00 is 1 April in UTC; the feed's day is kept
    assert first.source == "Lanner Wire: Conflict"
    assert first.input_id == "wire-1001"
    assert first.origin == f"{path}:item 1"
    assert first.text_is_extracted
    assert second.text == "Delegations from both sides met again in Delmar on Wednesday & agreed to meet next week."
    assert second.title == "Ceasefire talks resume in Delmar & Tirn"
    assert second.published == date(2024, 4, 3)
    assert second.origin == f"{path}:item 2"
    # The third item has no text: reported for that item only.
    assert [(e.code, e.origin) for e in errors] == [(Code.NO_ARTICLE_TEXT, f"{path}:item 3")]


def test_atom_feed(fixtures: Path, split: Split) -> None:
    path = fixtures / "feed.atom"
    articles, errors = split(read_inputs([path]))
    assert errors == []
    first, second = articles
    assert first.title == "Drone strike reported near Kesh"  # an HTML title loses its markup
    assert first.text == (
        "A drone struck a vehicle near Kesh late on Sunday, residents said.\n\n"
        "No group claimed the strike.\nTwo people were killed."
    )
    assert first.published == date(2024, 6, 9)  # <published> wins over <updated>, in its own offset
    assert first.url == "https://monitor.example.com/2024/06/drone-strike-kesh"
    assert first.source == "Borderlands Monitor"
    assert first.input_id == "urn:example:borderlands:1"
    # A plain-text summary is left as it is, line breaks included.
    assert second.text == "Authorities in Amsa lifted the night curfew on Saturday.\n\nShops reopened in the evening."
    assert second.published == date(2024, 6, 8)  # no <published>: <updated>
    assert second.origin == f"{path}:item 2"


def test_published_flag_overrides_item_dates(fixtures: Path, split: Split) -> None:
    articles, _ = split(read_inputs([fixtures / "feed.rss", fixtures / "feed.atom"], published=date(2020, 1, 1)))
    assert len(articles) == 4
    assert {a.published for a in articles} == {date(2020, 1, 1)}


def test_malformed_feed(fixtures: Path, split: Split) -> None:
    articles, errors = split(read_inputs([fixtures / "broken.xml", fixtures / "feed.atom"]))
    assert [(e.code, e.origin) for e in errors] == [(Code.MALFORMED_FEED, str(fixtures / "broken.xml"))]
    assert "not a readable RSS or Atom feed" in errors[0].message
    assert len(articles) == 2


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"this is not xml at all", Code.MALFORMED_FEED),
        (b'<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>', Code.EMPTY_INPUT),
        (b"", Code.EMPTY_INPUT),
        (b"<rss>\x00\x00\x00</rss>", Code.BINARY_INPUT),
    ],
    ids=["not-xml", "no-items", "empty", "binary"],
)
def test_feeds_without_items(tmp_path: Path, content: bytes, code: Code) -> None:
    path = tmp_path / "feed.xml"
    path.write_bytes(content)
    [error] = list(read_inputs([path]))
    assert isinstance(error, InputError)
    assert (error.code, error.origin) == (code, str(path))


def test_feed_text_is_never_read_as_a_path_or_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # feedparser opens a bare string that names a file; the reader must hand it the bytes themselves.
    (tmp_path / "secret").write_text(
        '<rss version="2.0"><channel><item><description>leak</description></item></channel></rss>'
    )
    path = tmp_path / "feed.xml"
    path.write_bytes(b"secret")
    monkeypatch.chdir(tmp_path)
    [error] = list(read_inputs([path]))
    assert isinstance(error, InputError) and error.code is Code.MALFORMED_FEED


@pytest.mark.parametrize(
    ("fragment", "text"),
    [
        ("<p>One.</p><p>Two.</p>", "One.\n\nTwo."),
        ("Line one<br/>line two", "Line one\nline two"),
        ("<ul><li>a</li><li>b</li></ul><p>c</p>", "a\nb\n\nc"),
        ("<p>Keep <b>inline</b> <i>words</i>   together</p>", "Keep inline words together"),
        ("<p>x<!-- note -->y<script>alert(1)</script>z</p>", "xyz"),
        ("<table><tr><td>Dead</td><td>7</td></tr></table>", "Dead 7"),
        ("Fish &amp; chips\n\nsecond paragraph", "Fish & chips\n\nsecond paragraph"),
        ("", ""),
    ],
)
def test_fragment_to_text(fragment: str, text: str) -> None:
    assert fragment_to_text(fragment) == text


def test_deeply_nested_fragment() -> None:
    fragment = "<div>" * 3000 + "deep" + "</div>" * 3000
    assert fragment_to_text(fragment) == "deep"
