"""`lanner watch` end to end against a feed server on 127.0.0.1: new items stored once, failures survived."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from feedserver import FeedServer, Response, article_page, rss, slow_handler

from lanner.cli import main
from lanner.errors import Code, LannerError
from lanner.store import EventQuery, open_store
from lanner.watch import AddressPolicy, FeedState, FetchLimits, Notice, WatchOptions, parse_interval, watch

LOCAL = WatchOptions(policy=AddressPolicy(allow_private=True), parse_timeout_s=30.0)
FEED_TYPE = {"Content-Type": "application/rss+xml; charset=utf-8"}
PAGE_TYPE = {"Content-Type": "text/html; charset=utf-8"}


def serve_news(server: FeedServer, slugs: list[str], feed_path: str = "/feed.xml") -> None:
    """The feed at `feed_path`, listing an article page per slug at /news/<slug>.html."""
    for slug in slugs:
        server.routes[f"/news/{slug}.html"] = Response(article_page(slug), headers=PAGE_TYPE)
    server.routes[feed_path] = Response(rss([(slug, f"/news/{slug}.html") for slug in slugs]), headers=FEED_TYPE)


def page_requests(server: FeedServer) -> list[str]:
    return [path for path in server.paths() if path.startswith("/news/")]


@pytest.mark.model
def test_new_items_are_stored_once_and_later_items_picked_up(feed_server: FeedServer, store_url: str, pipeline):
    serve_news(feed_server, ["afgoye", "zamfara"])
    feed = feed_server.url("/feed.xml")
    with open_store(store_url) as store:
        [first] = watch([feed], store, pipeline, LOCAL, once=True)
        assert (first.new_items, first.stored, first.failed) == (2, 2, 0)
        assert first.events_stored > 0
        events = list(store.events(EventQuery(factuality=())))
        assert first.events_stored == len(events)
        afgoye = [e for e in events if e["document_url"] == feed_server.url("/news/afgoye.html")]
        assert any(e["type"] == "ASSAULT" and e["country"] == "SO" for e in afgoye)
        assert {e["document_title"] for e in afgoye} == {"Al-Shabaab fighters storm army base near Afgoye"}
        assert all("Copyright" not in e["evidence_text"] for e in events)

        [second] = watch([feed], store, pipeline, LOCAL, once=True)
        assert (second.new_items, second.stored, second.events_stored) == (0, 0, 0)
        assert page_requests(feed_server) == ["/news/afgoye.html", "/news/zamfara.html"]  # pages not fetched again
        assert store.counts()["documents"] == 2

        serve_news(feed_server, ["khartoum", "afgoye", "zamfara"])
        [third] = watch([feed], store, pipeline, LOCAL, once=True)
        assert (third.new_items, third.stored) == (1, 1)
        assert page_requests(feed_server)[-1] == "/news/khartoum.html"
        seen = FeedState(store).entries(feed)
        assert sorted(entry.entry_key for entry in seen) == ["horn-afgoye", "horn-khartoum", "horn-zamfara"]
        assert all(entry.status == "stored" and entry.document_id for entry in seen)
        assert store.counts()["documents"] == 3


@pytest.mark.model
def test_failed_items_are_reported_retried_and_then_left_alone(feed_server: FeedServer, tmp_path: Path, pipeline):
    serve_news(feed_server, ["afgoye"])
    feed_server.routes["/feed.xml"] = Response(
        rss([("afgoye", "/news/afgoye.html"), ("zamfara", "/gone.html"), ("khartoum", "/huge.html")]),
        headers=FEED_TYPE,
    )
    feed_server.routes["/huge.html"] = Response(b"<p>" + b"x" * 200_000 + b"</p>", headers=PAGE_TYPE)
    options = WatchOptions(
        policy=AddressPolicy(allow_private=True), limits=FetchLimits(max_bytes=100_000), max_attempts=3
    )
    notices: list[Notice] = []
    with open_store(tmp_path / "lanner.db") as store:
        polls = [
            watch([feed_server.url("/feed.xml")], store, pipeline, options, once=True, on_notice=notices.append)[0]
            for _ in range(4)
        ]
        failures = FeedState(store).entries()
    assert [(p.stored, p.failed) for p in polls] == [(1, 2), (0, 2), (0, 2), (0, 0)]
    lines = [n for n in notices if n.kind in ("failed", "given_up")]
    assert {n.error.code for n in lines if n.error} == {Code.FETCH_FAILED, Code.FETCH_TOO_LARGE}
    assert [n.kind for n in lines[-2:]] == ["given_up", "given_up"]
    assert feed_server.paths().count("/gone.html") == 3 and feed_server.paths().count("/huge.html") == 3
    by_key = {entry.entry_key: entry for entry in failures}
    assert by_key["horn-zamfara"].status == "failed" and by_key["horn-zamfara"].attempts == 3
    assert "HTTP 404" in (by_key["horn-zamfara"].error or "")
    assert by_key["horn-afgoye"].status == "stored"


@pytest.mark.model
def test_a_pathological_feed_and_a_slow_page_cost_their_limits_and_the_watch_goes_on(
    feed_server: FeedServer, tmp_path: Path, pipeline
):
    serve_news(feed_server, ["afgoye", "zamfara"])
    feed_server.routes["/bad.xml"] = Response(
        rss([("khartoum", "/news/khartoum.html")], extra_item_xml=f"<author>{'a' * 100_000}</author>"),
        headers=FEED_TYPE,
    )
    feed_server.routes["/news/zamfara.html"] = slow_handler(chunks=40, pause_s=0.25)
    options = WatchOptions(
        policy=AddressPolicy(allow_private=True), limits=FetchLimits(timeout_s=1.0), parse_timeout_s=3.0
    )
    notices: list[Notice] = []
    started = time.monotonic()
    with open_store(tmp_path / "lanner.db") as store:
        [summary] = watch(
            [feed_server.url("/bad.xml"), feed_server.url("/feed.xml")],
            store,
            pipeline,
            options,
            once=True,
            on_notice=notices.append,
        )
    elapsed = time.monotonic() - started
    codes = {(n.kind, n.error.code) for n in notices if n.error}
    assert codes == {("feed_failed", Code.PARSE_TIMEOUT), ("failed", Code.FETCH_TIMEOUT)}
    assert (summary.feeds, summary.feeds_failed, summary.stored, summary.failed) == (2, 1, 1, 1)
    assert [n.link for n in notices if n.kind == "stored"] == [feed_server.url("/news/afgoye.html")]
    assert elapsed < 40  # a 30 s parse and a 10 s download, each cut to its limit


@pytest.mark.model
def test_a_stop_request_ends_the_poll_between_articles(feed_server: FeedServer, tmp_path: Path, pipeline):
    import threading

    serve_news(feed_server, ["afgoye", "zamfara", "khartoum"])
    stop = threading.Event()

    def stop_after_first(notice: Notice) -> None:
        if notice.kind == "stored":
            stop.set()

    feed = feed_server.url("/feed.xml")
    with open_store(tmp_path / "lanner.db") as store:
        [cut] = watch([feed], store, pipeline, LOCAL, interval_s=3600, on_notice=stop_after_first, stop=stop)
        assert (cut.stopped, cut.stored) == (True, 1)
        assert store.counts()["documents"] == 1
        [rest] = watch([feed], store, pipeline, LOCAL, once=True)
        assert (rest.new_items, rest.stored) == (2, 2)


# -- the command -------------------------------------------------------------------------------------


@pytest.fixture
def run(gazetteer_cache, gazetteer):
    def invoke(*args: str):
        return CliRunner().invoke(main, list(args), env={"LANNER_CACHE_DIR": str(gazetteer_cache)})

    return invoke


@pytest.mark.model
def test_the_command_stores_events_once_and_refuses_loopback_by_default(feed_server: FeedServer, tmp_path, run):
    serve_news(feed_server, ["afgoye", "zamfara"])
    db = str(tmp_path / "watch.db")
    feed = feed_server.url("/feed.xml")

    refused = run("watch", feed, "--db", db, "--once")
    assert refused.exit_code == 1
    assert "[E801]" in refused.stderr and "loopback" in refused.stderr
    assert feed_server.requests == []

    first = run("watch", feed, "--db", db, "--once", "--allow-private")
    assert first.exit_code == 0, first.output
    assert f"stored {feed_server.url('/news/afgoye.html')}" in first.stderr
    assert "2 new items, 2 stored, 0 failed" in first.stderr

    again = run("watch", feed, "--db", db, "--once", "--allow-private")
    assert again.exit_code == 0, again.output
    assert "0 new items, 0 stored" in again.stderr

    listed = run("events", "--db", db, "--type", "ASSAULT", "--format", "csv")
    assert listed.exit_code == 0, listed.output
    assert "Afgooye" in listed.stdout and "Zamfara" in listed.stdout


@pytest.mark.model
def test_ctrl_c_stops_the_command_cleanly(feed_server: FeedServer, tmp_path: Path, gazetteer_cache, gazetteer):
    """A real `lanner watch` process, interrupted while it waits for its next poll, exits 0 and says so."""
    serve_news(feed_server, ["afgoye"])
    lanner = Path(sys.executable).with_name("lanner")
    command = [str(lanner), "watch", feed_server.url("/feed.xml"), "--db", str(tmp_path / "w.db")]
    process = subprocess.Popen(
        [*command, "--every", "1h", "--allow-private"],
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "LANNER_CACHE_DIR": str(gazetteer_cache)},
    )
    lines = []
    try:
        assert process.stderr is not None
        for line in process.stderr:
            lines.append(line)
            if line.startswith("lanner: next poll in"):
                break
        process.send_signal(signal.SIGINT)
        _, rest = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    output = "".join(lines) + rest
    assert process.returncode == 0, output
    assert "1 new items, 1 stored" in output
    assert "stopping after the current article" in output


@pytest.mark.parametrize(
    ("written", "seconds"), [("90", 90), ("90s", 90), ("15m", 900), ("1h", 3600), ("1h30m", 5400), ("1d", 86400)]
)
def test_intervals_read_as_written(written, seconds):
    assert parse_interval(written) == seconds


@pytest.mark.parametrize("written", ["", "15 minutes", "m15", "0", "1h-5m", "-5m"])
def test_bad_intervals_are_refused_with_a_usage_error(written):
    with pytest.raises(LannerError) as refused:
        parse_interval(written)
    assert refused.value.code == Code.BAD_ARGUMENT
