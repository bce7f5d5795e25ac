"""A real HTTP feed server on 127.0.0.1, started per test in a thread, serving routes the test sets.

Every request is recorded (path and Host header), so a test can tell whether the watcher connected at
all. Nothing in these tests connects anywhere but 127.0.0.1.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

import pytest

Handler = Callable[[BaseHTTPRequestHandler], None]


@dataclass
class Response:
    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class FeedServer:
    """The running server: `routes` maps a path to a Response or a handler; `requests` lists what came in."""

    port: int
    routes: dict[str, Response | Handler] = field(default_factory=dict)
    requests: list[tuple[str, str | None]] = field(default_factory=list)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def paths(self) -> list[str]:
        return [path for path, _ in self.requests]


def _handler_for(server: FeedServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            server.requests.append((self.path, self.headers.get("Host")))
            route = server.routes.get(self.path)
            if route is None:
                route = Response(b"not here", 404, {"Content-Type": "text/plain"})
            if callable(route):
                route(self)
                return
            self.send_response(route.status)
            headers = {"Content-Length": str(len(route.body)), **route.headers}
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(route.body)

        def log_message(self, *_: object) -> None:  # keep test output clean
            pass

    return Handler


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    state = FeedServer(port=0)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(state))
    httpd.daemon_threads = True
    state.port = httpd.server_address[1]
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()


# -- content -----------------------------------------------------------------------------------------

ARTICLES = {
    "afgoye": (
        "Al-Shabaab fighters storm army base near Afgoye",
        date(2024, 3, 12),
        "Al-Shabaab fighters attacked a military base near Afgoye on Tuesday, killing at least nine Somali "
        "soldiers, a regional official said. The militants stormed the base before dawn after a car bomb "
        "exploded at its gate. Government forces later retook the position.",
    ),
    "zamfara": (
        "Gunmen abduct villagers in Zamfara",
        date(2024, 3, 10),
        "Gunmen abducted 23 villagers in Zamfara state on Sunday, police said. The attackers arrived on "
        "motorcycles and opened fire before taking the captives into the forest. Residents said soldiers "
        "arrived hours after the raid.",
    ),
    "khartoum": (
        "Security forces fire tear gas at Khartoum march",
        date(2024, 3, 14),
        "Protesters marched through central Khartoum on Thursday to demand civilian rule, and security forces "
        "fired tear gas at the crowd, witnesses said.",
    ),
}


def article_page(slug: str) -> bytes:
    """A news page: navigation and footer around the article, as a real site serves it."""
    title, published, text = ARTICLES[slug]
    paragraphs = "".join(f"<p>{escape(sentence)}</p>" for sentence in re.split(r"(?<=\.) ", text))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(title)} | Horn Monitor</title>
<meta property="article:published_time" content="{published.isoformat()}T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/africa">Africa</a></nav>
<article><h1>{escape(title)}</h1>{paragraphs}</article>
<footer>Copyright Horn Monitor. All rights reserved.</footer></body></html>""".encode()


def rss(items: list[tuple[str, str]], *, extra_item_xml: str = "") -> bytes:
    """An RSS 2.0 feed whose items (slug, link) link to article pages."""
    entries = []
    for slug, link in items:
        title, published, _ = ARTICLES[slug]
        stamp = format_datetime(datetime(published.year, published.month, published.day, 9, tzinfo=UTC))
        entries.append(
            f"<item><title>{escape(title)}</title><link>{escape(link)}</link>"
            f"<guid isPermaLink='false'>horn-{slug}</guid><pubDate>{stamp}</pubDate>"
            f"<description>{escape(title)}.</description>{extra_item_xml}</item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Horn Monitor</title>'
        "<link>http://127.0.0.1/</link><description>News</description>" + "".join(entries) + "</channel></rss>"
    ).encode()


def slow_handler(chunks: int, pause_s: float) -> Handler:
    """A server that drips its body: one small chunk every `pause_s` seconds (a slow-loris download)."""

    def handle(request: BaseHTTPRequestHandler) -> None:
        request.send_response(200)
        request.send_header("Content-Type", "text/html")
        request.send_header("Content-Length", str(chunks * 10))
        request.end_headers()
        try:
            for _ in range(chunks):
                request.wfile.write(b"<p>......</p>"[:10])
                request.wfile.flush()
                time.sleep(pause_s)
        except OSError:
            pass  # the client hung up, as it should

    return handle
