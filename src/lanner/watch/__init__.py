"""Watching RSS and Atom feeds: fetch new items' articles safely, analyse them, store them, remember them.

`watch()` polls on an interval (or once) and `poll()` polls once; both report through callbacks and never
print. Fetching is safe by default (`address`, `fetch`): http and https only, no private, loopback or
link-local address on any hop, bytes and time capped; parsing runs in a child process under a time limit
(`worker`). What was seen is kept in the store's database (`state`, migration 0004_feeds).
"""

from lanner.watch.address import AddressPolicy, Target, forbidden_reason, vet_url
from lanner.watch.errors import WatchError
from lanner.watch.fetch import Fetched, FetchLimits, fetch
from lanner.watch.loop import Notice, PollSummary, WatchOptions, parse_interval, poll, watch
from lanner.watch.state import FeedState, SeenEntry
from lanner.watch.worker import FeedEntry, ParsedFeed, ParseWorker

__all__ = [
    "AddressPolicy",
    "FeedEntry",
    "FeedState",
    "FetchLimits",
    "Fetched",
    "Notice",
    "ParseWorker",
    "ParsedFeed",
    "PollSummary",
    "SeenEntry",
    "Target",
    "WatchError",
    "WatchOptions",
    "fetch",
    "forbidden_reason",
    "parse_interval",
    "poll",
    "vet_url",
    "watch",
]
