"""Parsing under a time limit: a pathological feed costs its time limit, and the next input parses."""

from __future__ import annotations

import time

import pytest
from feedserver import rss

from lanner.errors import Code
from lanner.watch import ParseWorker, WatchError


def pathological_feed(author_chars: int) -> bytes:
    """An item whose author is one long run of letters: feedparser's e-mail pattern backtracks over it
    (quadratic: 32,000 characters took 9 s on the test machine, 64,000 took 34 s, so 100,000 about 80 s)."""
    return rss([("afgoye", "http://news.example/a")], extra_item_xml=f"<author>{'a' * author_chars}</author>")


def test_a_feed_that_takes_too_long_is_cut_off_and_the_next_one_parses():
    good = rss([("afgoye", "http://news.example/a"), ("zamfara", "http://news.example/z")])
    with ParseWorker(timeout_s=3.0) as worker:
        assert len(worker.parse_feed(good, "warm-up").entries) == 2  # the child has started
        started = time.monotonic()
        with pytest.raises(WatchError) as timed_out:
            worker.parse_feed(pathological_feed(100_000), "slow feed")
        elapsed = time.monotonic() - started
        assert timed_out.value.code == Code.PARSE_TIMEOUT
        assert timed_out.value.origin == "slow feed"
        assert 2.9 <= elapsed < 8.0
        parsed = worker.parse_feed(good, "next feed")  # a fresh child took over
    assert [entry.key for entry in parsed.entries] == ["horn-afgoye", "horn-zamfara"]
    assert parsed.entries[0].link == "http://news.example/a"
    assert parsed.entries[0].title == "Al-Shabaab fighters storm army base near Afgoye"
    assert str(parsed.entries[0].published) == "2024-03-12"


def test_errors_in_the_child_come_back_coded():
    with ParseWorker(timeout_s=10.0) as worker:
        with pytest.raises(WatchError) as malformed:
            worker.parse_feed(b"<html><body>no feed here</body></html>", "page.html")
        assert malformed.value.code == Code.MALFORMED_FEED
        with pytest.raises(WatchError) as empty:
            worker.extract_page(b"<html><body><nav>Home World Sport</nav></body></html>", "empty.html", 1000)
        assert empty.value.code == Code.NO_ARTICLE_TEXT
        with pytest.raises(WatchError) as binary:
            worker.parse_feed(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10, "image.png")
        assert binary.value.code == Code.BINARY_INPUT


def test_a_page_is_extracted_as_ingest_extracts_html():
    from feedserver import article_page

    with ParseWorker(timeout_s=30.0) as worker:
        article = worker.extract_page(article_page("zamfara"), "http://news.example/z", 100_000)
    assert "Gunmen abducted 23 villagers in Zamfara state on Sunday, police said.\n" in article.text
    assert "All rights reserved" not in article.text and "Africa" not in article.text
    assert article.title == "Gunmen abduct villagers in Zamfara"
    assert str(article.published) == "2024-03-10"
