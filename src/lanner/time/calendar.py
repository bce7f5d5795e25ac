"""Calendar arithmetic the rules share: periods as inclusive day ranges, and how precise a range is.

Everything here is a pure function of its arguments, so rules stay short and testable, and the
resolver can cache on (text, published) without hidden inputs.
"""

from __future__ import annotations

import calendar
import math
from collections.abc import Callable
from datetime import date, timedelta
from typing import Literal

from lanner.records import DatePrecision, DateRange

Choice = Literal["bare", "last", "this", "next"]
# A recurring period (a month name, a season, a holiday): the instance keyed by a Gregorian year.
Recurring = Callable[[int], tuple[date, date] | None]

MIN_YEAR = 1000
MAX_YEAR = 2100  # a bare "2118" in the news is a number, not a year
ONE_DAY = timedelta(days=1)


def precision_of(start: date, end: date) -> DatePrecision:
    """The smallest unit whose length covers the range (ACLED-like): what the text lets us know."""
    days = (end - start).days + 1
    if days <= 1:
        return "day"
    if days <= 7:
        return "week"
    if days <= 31:
        return "month"
    return "year"


def span(start: date, end: date, precision: DatePrecision | None = None) -> DateRange | None:
    """A DateRange with precision from its length unless given; None if inverted or out of range."""
    if end < start or not (start.year >= MIN_YEAR and end.year <= MAX_YEAR):
        return None
    return DateRange(start, end, precision or precision_of(start, end))


def month_end(year: int, month: int) -> date:
    """The month's last day (28 to 31)."""
    return date(year, month, calendar.monthrange(year, month)[1])


def month_range(year: int, month: int) -> tuple[date, date]:
    """A whole calendar month, first to last day."""
    return date(year, month, 1), month_end(year, month)


def months_range(year: int, first: int, last: int) -> tuple[date, date]:
    """Months first..last of one year (last may exceed 12 for a period running into the next year)."""
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    return date(year, first, 1), month_end(end_year, end_month)


def year_range(year: int) -> tuple[date, date]:
    """A whole calendar year."""
    return date(year, 1, 1), date(year, 12, 31)


def add_months(day: date, months: int) -> date:
    """The same day `months` later (or earlier), clamped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_years(day: date, years: int) -> date:
    """The same day `years` later (or earlier); 29 February becomes the 28th outside leap years."""
    year = day.year + years
    return date(year, day.month, min(day.day, calendar.monthrange(year, day.month)[1]))


def week_of(day: date) -> tuple[date, date]:
    """The ISO week (Monday to Sunday) that contains the day."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def weekday_on_or_before(day: date, weekday: int) -> date:
    """The latest given weekday (Monday = 0) not after the day: the day itself if it matches."""
    return day - timedelta(days=(day.weekday() - weekday) % 7)


def choose(recurring: Recurring, published: date, choice: Choice) -> tuple[date, date] | None:
    """Pick one instance of a recurring period relative to the publication day.

    bare: the latest that has begun by publication ("in June", "at Christmas");
    last: the latest that ended before publication, i.e. before the current one ("last June");
    this: the one under way at publication, else the next one ("this summer");
    next: the first that begins after publication.
    """
    instances = [inst for year in range(published.year - 2, published.year + 3) if (inst := recurring(year))]
    instances.sort()
    if choice == "bare":
        begun = [inst for inst in instances if inst[0] <= published]
        return begun[-1] if begun else None
    if choice == "last":
        ended = [inst for inst in instances if inst[1] < published]
        return ended[-1] if ended else None
    if choice == "this":
        for inst in instances:
            if inst[1] >= published:
                return inst
        return None
    upcoming = [inst for inst in instances if inst[0] > published]
    return upcoming[0] if upcoming else None


# --- Islamic (tabular) and Easter dates: holidays that move, and matter in conflict reporting ---------

_ISLAMIC_EPOCH = 227014  # date.toordinal() of 1 Muharram 1 AH (16 July 622 Julian) minus one


def hijri_to_date(year: int, month: int, day: int) -> date:
    """The arithmetic (tabular) Islamic calendar: within a day or two of the observed, moon-sighted date."""
    days = day + math.ceil(29.5 * (month - 1)) + (year - 1) * 354 + (3 + 11 * year) // 30
    return date.fromordinal(_ISLAMIC_EPOCH + days)


def hijri_year_starting_in(gregorian_year: int, month: int, day: int) -> int | None:
    """The Hijri year whose (month, day) falls in the given Gregorian year (the first, if two do)."""
    guess = int((gregorian_year - 622) * 33 / 32)
    for year in range(guess - 1, guess + 3):
        if year > 0 and hijri_to_date(year, month, day).year == gregorian_year:
            return year
    return None


def hijri_period(month: int, first_day: int, last_day: int | None) -> Recurring:
    """A recurring Hijri period (last_day None: the whole month), keyed by the Gregorian year it starts in."""

    def instance(gregorian_year: int) -> tuple[date, date] | None:
        year = hijri_year_starting_in(gregorian_year, month, first_day)
        if year is None:
            return None
        start = hijri_to_date(year, month, first_day)
        if last_day is None:
            next_year, next_month = (year + 1, 1) if month == 12 else (year, month + 1)
            return start, hijri_to_date(next_year, next_month, 1) - ONE_DAY
        return start, hijri_to_date(year, month, last_day)

    return instance


def easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    day_index = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * day_index) // 451
    month, day = divmod(h + day_index - 7 * m + 114, 31)
    return date(year, month, day + 1)
