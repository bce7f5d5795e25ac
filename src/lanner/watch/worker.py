"""Parsing feeds and pages in a separate process that is killed when it takes too long.

feedparser and trafilatura have inputs that take them minutes (a 3 MB page took trafilatura 110 s; a
32 KB author field keeps feedparser's e-mail pattern busy for 9 to 27 s, 64 KB for over 30 s), and a
thread cannot be stopped from outside. So the parsing runs in a child process: the watcher waits at
most `timeout_s` for an answer, then kills the child, reports PARSE_TIMEOUT for that one input, and
starts a fresh child for the next. The child is started with `spawn`, so it shares no threads or locks with the watcher.
"""

from __future__ import annotations

import hashlib
import io
import multiprocessing
import signal
from dataclasses import dataclass
from datetime import date
from multiprocessing.connection import Connection
from typing import Any

from lanner.errors import Code, InputError, LannerError
from lanner.records import Article
from lanner.watch.errors import WatchError

DEFAULT_PARSE_TIMEOUT_S = 60.0
STARTUP_TIMEOUT_S = 120.0
_MAX_KEY_CHARS = 512


@dataclass(frozen=True)
class FeedEntry:
    """One feed item as the watcher needs it: a stable key, where the article is, and what the feed says."""

    key: str  # the item's id, else its link, else a hash of its title and date
    link: str | None
    title: str | None
    published: date | None
    text: str  # the item's content or summary as plain text ("" when it has none)


@dataclass(frozen=True)
class ParsedFeed:
    title: str | None
    entries: tuple[FeedEntry, ...]


class ParseWorker:
    """A child process that parses feeds and extracts pages, each call under a time limit.

    Use it as a context manager, or call `close()`: the child is started on first use.
    """

    def __init__(self, timeout_s: float = DEFAULT_PARSE_TIMEOUT_S, startup_timeout_s: float = STARTUP_TIMEOUT_S):
        self.timeout_s = timeout_s
        self.startup_timeout_s = startup_timeout_s
        self._process: Any = None
        self._connection: Connection | None = None

    def parse_feed(self, data: bytes, origin: str) -> ParsedFeed:
        """The feed's items, in feed order (MALFORMED_FEED, EMPTY_INPUT or BINARY_INPUT when unreadable)."""
        result: ParsedFeed = self._call("feed", origin, data, origin)
        return result

    def extract_page(self, data: bytes, origin: str, max_chars: int) -> Article:
        """The page's main text and metadata, by the same extraction `lanner ingest` uses for HTML files."""
        result: Article = self._call("page", origin, data, origin, max_chars)
        return result

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None
        if self._process is not None:
            self._process.join(timeout=2)
            if self._process.is_alive():
                self._process.kill()
                self._process.join()
            self._process = None

    def __enter__(self) -> ParseWorker:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def _call(self, task: str, origin: str, *args: Any) -> Any:
        connection = self._started()
        connection.send((task, args))
        if not connection.poll(self.timeout_s):
            self._kill()
            raise WatchError(
                Code.PARSE_TIMEOUT,
                f"parsing took more than {self.timeout_s:g} s, the limit (--parse-timeout); skipped",
                origin=origin,
            )
        try:
            status, payload = connection.recv()
        except (EOFError, OSError) as error:
            self._kill()
            raise WatchError(Code.READ_FAILED, "the parsing process died on this input", origin=origin) from error
        if status == "ok":
            return payload
        code, message = payload
        raise WatchError(Code(code), message, origin=origin)

    def _started(self) -> Connection:
        if self._connection is not None and self._process is not None and self._process.is_alive():
            return self._connection
        self._kill()
        context = multiprocessing.get_context("spawn")
        parent, child = context.Pipe()
        process = context.Process(target=_serve, args=(child,), name="lanner-parse", daemon=True)
        process.start()
        child.close()
        self._process, self._connection = process, parent
        try:
            if parent.poll(self.startup_timeout_s) and parent.recv()[0] == "ready":
                return parent
        except (EOFError, OSError):
            pass
        self._kill()
        raise WatchError(
            Code.READ_FAILED,
            f"the parsing process did not start within {self.startup_timeout_s:g} s "
            "(a script that watches feeds must guard its entry point with `if __name__ == '__main__':`)",
        )

    def _kill(self) -> None:
        if self._process is not None and self._process.is_alive():
            self._process.kill()
        if self._process is not None:
            self._process.join()
        if self._connection is not None:
            self._connection.close()
        self._process, self._connection = None, None


def _serve(connection: Connection) -> None:
    """The child's loop: one task in, one ("ok", result) or ("error", (code, message)) out."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the watcher, which stops between articles
    import feedparser  # noqa: F401  (imported before "ready", so the time limit counts parsing only)
    import trafilatura  # noqa: F401

    connection.send(("ready", None))
    while True:
        try:
            task, args = connection.recv()
        except (EOFError, OSError):
            return
        try:
            result = parse_feed_bytes(*args) if task == "feed" else extract_page_bytes(*args)
            connection.send(("ok", result))
        except LannerError as error:  # sent as plain values: coded errors do not survive pickling
            connection.send(("error", (error.code.value, error.message)))
        except Exception as error:
            connection.send(("error", (Code.READ_FAILED.value, f"{type(error).__name__}: {error}")))


def parse_feed_bytes(data: bytes, origin: str) -> ParsedFeed:
    """Parse a feed (in this process: the worker calls it; tests may too)."""
    import feedparser

    from lanner.ingest.feeds import _check_bytes, _entry_date, _entry_text, _inline_text

    _check_bytes(data, origin)
    parsed = feedparser.parse(io.BytesIO(data))  # bytes wrapped: a bare string naming a URL would be fetched
    if not parsed.entries and (parsed.get("bozo") or not parsed.get("version")):
        problem = parsed.get("bozo_exception")
        raise InputError(Code.MALFORMED_FEED, f"not a readable RSS or Atom feed{f': {problem}' if problem else ''}")
    entries = []
    for entry in parsed.entries:
        title = _inline_text(entry.get("title_detail"), entry.get("title"))
        published = _entry_date(entry)
        link = (entry.get("link") or "").strip() or None
        entries.append(
            FeedEntry(
                key=_entry_key(entry.get("id") or link or f"{title}|{published}"),
                link=link,
                title=title,
                published=published,
                text=_entry_text(entry),
            )
        )
    return ParsedFeed(
        title=_inline_text(parsed.feed.get("title_detail"), parsed.feed.get("title")), entries=tuple(entries)
    )


def extract_page_bytes(data: bytes, origin: str, max_chars: int) -> Article:
    """Extract a page with `lanner.ingest`'s HTML reader (in this process: the worker calls it)."""
    from lanner.ingest.options import ReadOptions
    from lanner.ingest.webpage import read_html

    for item in read_html(io.BytesIO(data), origin, len(data), ReadOptions(published=None, max_chars=max_chars)):
        if isinstance(item, InputError):
            raise item
        return item
    raise InputError(Code.NO_ARTICLE_TEXT, "no article text found in the page", origin=origin)


def _entry_key(raw: str) -> str:
    """The key as given when it is short enough to read, else its hash (ids can be arbitrarily long)."""
    raw = raw.strip()
    if len(raw) <= _MAX_KEY_CHARS:
        return raw
    return "sha256:" + hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()
