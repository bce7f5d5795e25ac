"""Fixtures of the watch tests: the loopback feed server (see feedserver.py)."""

from feedserver import feed_server

__all__ = ["feed_server"]
