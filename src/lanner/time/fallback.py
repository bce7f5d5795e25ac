"""dateparser as the last resort, for forms the rules do not know ("07/04/2016", "a fortnight ago").

dateparser is imported on first use, never at import time. It is slow (about 0.3 ms a call) and
guesses boldly ("20%" becomes the 20th, "the 1990s" 1,990 seconds ago), so its answers pass guards:
the text must look like a date, and a relative answer needs a publication date.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import TYPE_CHECKING

from lanner.records import DateRange
from lanner.time.calendar import MAX_YEAR, MIN_YEAR, month_range, months_range, span, week_of, year_range

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

# Something a date is made of: without one of these, whatever dateparser finds is a guess.
_DATE_LIKE = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|"
    r"\b(?:ago|yesterday|tomorrow|today|tonight|fortnight|week|month|year|decade)s?\b"
)
_RELATIVE = re.compile(
    r"\b(?:ago|last|next|this|past|previous|coming|yesterday|tomorrow|today|tonight|now|recent|"
    r"earlier|later|since|in \d+)\b|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*day\b"
)
_NOT_A_DATE = re.compile(r"%|\bper ?cent\b|^[\d ]+$")  # bare numbers: "20", "24 2016", timestamps
_WEEKDAY = re.compile(r"\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*day\b")
_WEEKDAY_INDEX = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_CLOCK_LIKE = re.compile(r"\d:\d|\b(?:am|pm|hours?|minutes?|seconds?|noon|midnight)\b")
_YEAR = re.compile(r"\b\d{4}\b")
_PARSERS_CACHED = 32  # one dateparser parser per publication date seen, at about 8 microseconds each


class DateparserFallback:
    """Owns the dateparser parsers (RELATIVE_BASE is fixed when a parser is built, so one per date)."""

    def __init__(self) -> None:
        self._parsers: dict[date | None, DateDataParser] = {}

    def __getstate__(self) -> dict[str, object]:
        return {}  # parsers are rebuilt on demand, e.g. in another worker process

    def __setstate__(self, state: dict[str, object]) -> None:
        self._parsers = {}

    def resolve(self, text: str, published: date | None) -> DateRange | None:
        """Parse normalised text with dateparser, keeping only answers that pass the guards."""
        if _NOT_A_DATE.search(text) or not _DATE_LIKE.search(text):
            return None
        relative = bool(_RELATIVE.search(text))
        if published is None and (relative or not _YEAR.search(text)):
            return None
        try:
            data = self._parser(published).get_date_data(text)
        except Exception:  # dateparser raises assorted errors on odd input; a non-date is not an error here
            return None
        found, period = data.date_obj, data.period
        if found is None or not (MIN_YEAR <= found.year <= MAX_YEAR):
            return None
        if published is None and str(found.year) not in text:
            return None
        if period == "time" and not _CLOCK_LIKE.search(text):
            return None  # "the 1990s" read as 1,990 seconds ago
        weekday = _WEEKDAY.search(text)
        if weekday and _WEEKDAY_INDEX.index(weekday[1]) != found.weekday():
            return None  # "Wednesday three" read as March: a named weekday must be the day found
        return _range_of(found.date(), period)

    def _parser(self, published: date | None) -> DateDataParser:
        parser = self._parsers.get(published)
        if parser is None:
            from dateparser.date import DateDataParser

            settings: dict[str, object] = {
                "PREFER_DATES_FROM": "past",
                "RETURN_TIME_AS_PERIOD": True,
                "PARSERS": ["relative-time", "absolute-time"],
            }
            if published is not None:
                settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day)
            if len(self._parsers) >= _PARSERS_CACHED:
                self._parsers.clear()
            parser = DateDataParser(languages=["en"], settings=settings)
            self._parsers[published] = parser
        return parser


def _range_of(day: date, period: str | None) -> DateRange | None:
    """dateparser's period as a calendar range around its (arbitrary-day) answer."""
    if period == "week":
        return span(*week_of(day))
    if period == "month":
        return span(*month_range(day.year, day.month))
    if period == "quarter":
        first = 3 * ((day.month - 1) // 3) + 1
        return span(*months_range(day.year, first, first + 2))
    if period == "year":
        return span(*year_range(day.year))
    return span(day, day)
