"""The error a feed, a page or an entry fails with while watching; the watch itself goes on."""

from __future__ import annotations

from lanner.errors import LannerError


class WatchError(LannerError):
    """One fetch or parse failed (refused URL, limit hit, bad response, parse timeout)."""
