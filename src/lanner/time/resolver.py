"""Resolve one temporal expression against the publication date: rules first, dateparser last, cached."""

from __future__ import annotations

from datetime import date, datetime

from lanner.records import DateRange
from lanner.time.fallback import DateparserFallback
from lanner.time.rules import match_rules, normalise


class DateResolver:
    """Turn "three years ago" or "the end of 2016" into an inclusive DateRange, or None.

    Rules (`lanner.time.rules`) answer the common forms in microseconds; dateparser is consulted only
    for the rest, and is loaded on first need. Answers are cached per (text, published) on this
    object, so one resolver per pipeline (or worker) holds its own cache. Never raises on odd text.
    """

    def __init__(self, *, use_dateparser: bool = True, cache_size: int = 100_000) -> None:
        """use_dateparser=False keeps to the rules (faster, no guesses); the cache is cleared when full."""
        self.use_dateparser = use_dateparser
        self.cache_size = cache_size
        self._cache: dict[tuple[str, date | None], DateRange | None] = {}
        self._fallback: DateparserFallback | None = None

    def resolve(self, text: str, published: date | None) -> DateRange | None:
        """The range the text names, with relative expressions counted from `published`.

        Relative expressions need `published` (None gives None); absolute ones ("June 2014") do not.
        Lengths ("nine months"), ages, frequencies and anaphora ("the next day") give None.
        """
        if isinstance(published, datetime):  # a datetime is a date, but compares badly with one
            published = published.date()
        key = (text, published)
        try:
            return self._cache[key]
        except KeyError:
            pass
        except TypeError:  # not text at all
            return None
        result = self._resolve(text, published) if isinstance(text, str) else None
        if len(self._cache) >= self.cache_size:
            self._cache.clear()
        self._cache[key] = result
        return result

    def cache_clear(self) -> None:
        """Forget cached answers (benchmarks measure the cold path with this)."""
        self._cache.clear()

    def _resolve(self, text: str, published: date | None) -> DateRange | None:
        normalised = normalise(text)
        matched, result = match_rules(normalised, published)
        if matched:
            return result
        if not self.use_dateparser:
            return None
        if self._fallback is None:
            self._fallback = DateparserFallback()
        return self._fallback.resolve(normalised, published)
