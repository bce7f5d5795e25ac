"""The watch loop: poll feeds, fetch each new item's article, analyse it and store it; remember what was seen.

Nothing here prints. Every step is reported as a `Notice` to a callback, so the CLI writes one line per
item and a long-running service could log them instead. One bad feed or item costs one notice and at
most its time limits; the other feeds and items go on. Stopping is cooperative: `stop` is checked
between articles and while sleeping, so an article is always stored whole or not at all.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal
from urllib.parse import urljoin

from lanner.config import DEFAULT_MAX_CHARS
from lanner.errors import Code, LannerError
from lanner.pipeline import Pipeline
from lanner.records import Article
from lanner.store import Store
from lanner.watch.address import AddressPolicy, Resolver, system_resolver
from lanner.watch.errors import WatchError
from lanner.watch.fetch import FetchLimits, fetch
from lanner.watch.state import FeedState, FeedValidators
from lanner.watch.worker import DEFAULT_PARSE_TIMEOUT_S, FeedEntry, ParseWorker

DEFAULT_INTERVAL_S = 15 * 60.0
DEFAULT_MAX_ATTEMPTS = 3

NoticeKind = Literal["feed", "not_modified", "feed_failed", "stored", "already_stored", "failed", "given_up"]


@dataclass(frozen=True)
class WatchOptions:
    """How to watch: limits on every download and parse, the address policy, attempts per item."""

    limits: FetchLimits = field(default_factory=FetchLimits)
    policy: AddressPolicy = field(default_factory=AddressPolicy)
    parse_timeout_s: float = DEFAULT_PARSE_TIMEOUT_S
    max_chars: int = DEFAULT_MAX_CHARS
    max_attempts: int = DEFAULT_MAX_ATTEMPTS  # an item that failed this often is not tried again
    pipeline_name: str = ""


@dataclass(frozen=True)
class Notice:
    """One thing that happened: a feed polled or failed, an item stored or failed."""

    kind: NoticeKind
    feed_url: str
    message: str
    entry_key: str | None = None
    link: str | None = None
    events: int = 0
    error: LannerError | None = None


@dataclass
class PollSummary:
    feeds: int = 0
    feeds_failed: int = 0
    new_items: int = 0
    stored: int = 0
    failed: int = 0
    events_stored: int = 0
    stopped: bool = False  # the poll was cut short by a stop request


NoticeHandler = Callable[[Notice], None]


def parse_interval(value: str) -> float:
    """Seconds in an interval written like 90, 90s, 15m, 1h or 1h30m (BAD_ARGUMENT otherwise)."""
    spec = value.strip().lower()
    if re.fullmatch(r"\d+(\.\d+)?", spec):
        seconds = float(spec)
    else:
        parts = re.findall(r"(\d+(?:\.\d+)?)([smhd])", spec)
        if not parts or "".join(number + unit for number, unit in parts) != spec:
            raise LannerError(Code.BAD_ARGUMENT, f"{value!r} is not an interval like 90s, 15m, 1h or 1h30m")
        scale = {"s": 1, "m": 60, "h": 3600, "d": 86400}
        seconds = sum(float(number) * scale[unit] for number, unit in parts)
    if seconds <= 0:
        raise LannerError(Code.BAD_ARGUMENT, f"the interval must be positive, not {value!r}")
    return seconds


def poll(
    feeds: Sequence[str],
    store: Store,
    pipeline: Pipeline,
    worker: ParseWorker,
    options: WatchOptions | None = None,
    *,
    on_notice: NoticeHandler = lambda notice: None,
    stop: threading.Event | None = None,
    resolve: Resolver = system_resolver,
) -> PollSummary:
    """Poll every feed once and store the articles of items not seen before."""
    options = options or WatchOptions()
    stop = stop or threading.Event()
    state = FeedState(store)
    summary = PollSummary()
    for feed_url in feeds:
        if stop.is_set():
            summary.stopped = True
            break
        summary.feeds += 1
        entries = _read_feed(feed_url, state, worker, options, on_notice, resolve)
        if entries is None:
            summary.feeds_failed += 1
            continue
        for entry in entries:
            if stop.is_set():
                summary.stopped = True
                return summary
            _process_entry(feed_url, entry, state, store, pipeline, worker, options, summary, on_notice, resolve)
    return summary


def watch(
    feeds: Sequence[str],
    store: Store,
    pipeline: Pipeline,
    options: WatchOptions | None = None,
    *,
    interval_s: float = DEFAULT_INTERVAL_S,
    once: bool = False,
    on_notice: NoticeHandler = lambda notice: None,
    on_poll: Callable[[PollSummary], None] = lambda summary: None,
    stop: threading.Event | None = None,
    resolve: Resolver = system_resolver,
) -> list[PollSummary]:
    """Poll the feeds every `interval_s` seconds until `stop` is set (or once); returns each poll's summary."""
    options = options or WatchOptions()
    stop = stop or threading.Event()
    summaries: list[PollSummary] = []
    with ParseWorker(options.parse_timeout_s) as worker:
        while True:
            summary = poll(feeds, store, pipeline, worker, options, on_notice=on_notice, stop=stop, resolve=resolve)
            summaries.append(summary)
            on_poll(summary)
            if once or stop.is_set() or stop.wait(interval_s):
                return summaries


def _read_feed(
    feed_url: str,
    state: FeedState,
    worker: ParseWorker,
    options: WatchOptions,
    on_notice: NoticeHandler,
    resolve: Resolver,
) -> list[FeedEntry] | None:
    """The feed's items with absolute links, or None (with a notice) when it cannot be read."""
    known = state.validators(feed_url)
    try:
        fetched = fetch(
            feed_url,
            "feed",
            limits=options.limits,
            policy=options.policy,
            etag=known.etag,
            last_modified=known.last_modified,
            resolve=resolve,
        )
        if fetched.not_modified:
            state.record_poll(feed_url, "not_modified")
            on_notice(Notice("not_modified", feed_url, "not modified since the last poll"))
            return []
        parsed = worker.parse_feed(fetched.body, feed_url)
    except LannerError as error:
        state.record_poll(feed_url, "failed", error=error.render())
        on_notice(Notice("feed_failed", feed_url, error.render(), error=error))
        return None
    state.record_poll(feed_url, "ok", validators=FeedValidators(fetched.etag, fetched.last_modified))
    on_notice(Notice("feed", feed_url, f"{len(parsed.entries)} items"))
    base = fetched.url
    return [replace(entry, link=urljoin(base, entry.link)) if entry.link else entry for entry in parsed.entries]


def _process_entry(
    feed_url: str,
    entry: FeedEntry,
    state: FeedState,
    store: Store,
    pipeline: Pipeline,
    worker: ParseWorker,
    options: WatchOptions,
    summary: PollSummary,
    on_notice: NoticeHandler,
    resolve: Resolver,
) -> None:
    seen = state.entry(feed_url, entry.key)
    if seen is not None and (seen.status == "stored" or seen.attempts >= options.max_attempts):
        return
    summary.new_items += 1
    try:
        article = _article(entry, worker, options, resolve)
        if store.has_document(article.id):
            state.record_entry(
                feed_url, entry.key, "stored", link=entry.link, title=entry.title, document_id=article.id
            )
            summary.stored += 1
            on_notice(Notice("already_stored", feed_url, "text already stored", entry.key, entry.link))
            return
        events = store.write(pipeline(article), pipeline_name=options.pipeline_name)
    except Exception as error:  # one item's failure, whatever it is, must not stop the watch
        coded = (
            error
            if isinstance(error, LannerError)
            else WatchError(Code.READ_FAILED, f"{type(error).__name__}: {error}")
        )
        attempts = (seen.attempts if seen else 0) + 1
        state.record_entry(feed_url, entry.key, "failed", link=entry.link, title=entry.title, error=coded.render())
        summary.failed += 1
        last = attempts >= options.max_attempts
        message = coded.render() + (f" (attempt {attempts}, not tried again)" if last else f" (attempt {attempts})")
        on_notice(Notice("given_up" if last else "failed", feed_url, message, entry.key, entry.link, error=coded))
        return
    state.record_entry(
        feed_url, entry.key, "stored", link=entry.link, title=entry.title, document_id=article.id, events=events
    )
    summary.stored += 1
    summary.events_stored += events
    on_notice(Notice("stored", feed_url, f"{events} events", entry.key, entry.link, events=events))


def _article(entry: FeedEntry, worker: ParseWorker, options: WatchOptions, resolve: Resolver) -> Article:
    """The item's article: its page's main text when it links to one, else the text the feed carries.

    Metadata the page lacks (title, date, URL) comes from the feed item.
    """
    if entry.link is None:
        if not entry.text:
            raise WatchError(Code.NO_ARTICLE_TEXT, "the item has no link and no text", origin=entry.key)
        if len(entry.text) > options.max_chars:
            raise WatchError(Code.TOO_LARGE, f"the item text is over {options.max_chars:,} characters")
        return Article(
            text=entry.text,
            title=entry.title,
            published=entry.published,
            input_id=entry.key,
            origin=entry.key,
            text_is_extracted=True,
        )
    page = fetch(entry.link, "page", limits=options.limits, policy=options.policy, resolve=resolve)
    article = worker.extract_page(page.body, entry.link, options.max_chars)
    return replace(
        article,
        title=article.title or entry.title,
        url=article.url or page.url,
        published=article.published or entry.published,
        input_id=entry.key,
    )
