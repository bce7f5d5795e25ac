"""Regular-expression rules for the temporal expressions that news about conflict uses most.

The rules run before dateparser because they take microseconds, because they know forms dateparser
does not ("the end of 2016", "just days ago", "the past decade", "Ramadan"), and because they can
say "this is a length, not a date" ("nine months", "a 25-year-old") or "this points at another
sentence" ("the next day") where dateparser would invent a date. Each rule must match the whole
normalised text (see `normalise`). `match_rules` answers (matched, range): matched with range None
means the text is understood and is not a date; not matched means the caller may try dateparser.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from types import MappingProxyType

from lanner.records import DateRange
from lanner.time.calendar import (
    ONE_DAY,
    Choice,
    Recurring,
    add_months,
    add_years,
    choose,
    easter,
    hijri_period,
    month_end,
    month_range,
    months_range,
    span,
    week_of,
    weekday_on_or_before,
    year_range,
)

Handler = Callable[[re.Match[str], date | None], DateRange | None]
Outcome = tuple[bool, DateRange | None]

MAX_CHARS = 100  # a date expression longer than this is a mis-tagged span, not a date
_MAX_DEPTH = 3  # ranges and prefixes resolve their parts recursively

# --- vocabulary -------------------------------------------------------------------------------------

_ONES = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
)  # fmt: skip
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_COUNT_WORDS = MappingProxyType(
    {
        **{word: i + 1 for i, word in enumerate(_ONES)},
        **{word: 20 + 10 * i for i, word in enumerate(_TENS)},
        "a": 1,
        "an": 1,
        "a single": 1,
        "a couple of": 2,
        "couple of": 2,
        "a couple": 2,
        "a dozen": 12,
        "dozen": 12,
        "a hundred": 100,
        "one hundred": 100,
    }
)
_VAGUE_WORDS = ("a few", "few", "several", "some", "a number of", "many", "multiple")

_TENS_RE = "|".join(_TENS)
_DIGIT_WORDS_RE = "|".join(_ONES[:9])
_ONES_RE = "|".join(sorted(_ONES, key=len, reverse=True))  # "seventeen" before "seven"
NUM = (
    rf"(?:\d{{1,4}}|(?:{_TENS_RE})(?:[- ](?:{_DIGIT_WORDS_RE}))?|{_ONES_RE}|"
    r"a couple of|couple of|a couple|a dozen|dozen|a hundred|one hundred|a single|an?)"
)
VAGUE = "(?:" + "|".join(_VAGUE_WORDS) + ")"
UNIT = r"(?:hours?|days?|nights?|weeks?|fortnights?|months?|years?|decades?|century|centuries)"
MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
WEEKDAY = r"(?:monday|tuesday|tues|wednesday|weds|thursday|thurs|friday|saturday|sunday)"
ORD = r"(?:st|nd|rd|th)?"
YEAR_REF = r"(?P<yref>\d{4}|this year|the current year|the year|last year|next year)"

_MONTH_KEYS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTHS = MappingProxyType({name: i + 1 for i, name in enumerate(_MONTH_KEYS)})
_WEEKDAYS = MappingProxyType({name: i for i, name in enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))})
_YEAR_OFFSETS = MappingProxyType(
    {"this year": 0, "the current year": 0, "the year": 0, "last year": -1, "next year": 1}
)
_WHICH: MappingProxyType[str | None, Choice] = MappingProxyType(
    {
        None: "bare",
        "last": "last",
        "past": "last",
        "this past": "last",
        "the past": "last",
        "the last": "last",
        "this": "this",
        "the current": "this",
        "next": "next",
        "this coming": "next",
        "coming": "next",
        "the coming": "next",
        "the": "bare",
    }
)


def parse_count(text: str) -> int | None:
    """A count written in digits or words ("24", "nine", "twenty-five", "a couple of")."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    value = _COUNT_WORDS.get(text)
    if value is not None:
        return value
    tens, _, ones = text.replace("-", " ").partition(" ")
    if tens in _TENS and ones in _ONES[:9]:
        return _COUNT_WORDS[tens] + _COUNT_WORDS[ones]
    return None


def month_number(name: str) -> int:
    return _MONTHS[name[:3]]


def weekday_number(name: str) -> int:
    return _WEEKDAYS[name[:3]]


def unit_of(word: str) -> str:
    return "century" if word.startswith("centur") else word.rstrip("s")


def year_of(ref: str, published: date | None) -> int | None:
    """The year a YEAR_REF names: digits are absolute, the rest count from publication."""
    if ref.isdigit():
        return int(ref)
    if published is None:
        return None
    return published.year + _YEAR_OFFSETS[ref]


def shift(day: date, unit: str, n: int) -> date:
    """The day n units later (earlier when n < 0); hours count in whole days."""
    if unit in ("day", "night"):
        return day + timedelta(days=n)
    if unit == "hour":
        return day + timedelta(days=math.copysign(math.ceil(abs(n) / 24), n))
    if unit == "week":
        return day + timedelta(weeks=n)
    if unit == "fortnight":
        return day + timedelta(weeks=2 * n)
    if unit == "month":
        return add_months(day, n)
    if unit == "year":
        return add_years(day, n)
    if unit == "decade":
        return add_years(day, 10 * n)
    return add_years(day, 100 * n)


def _pair(pair: tuple[date, date] | None) -> DateRange | None:
    return span(*pair) if pair else None


def _day(day: date) -> DateRange | None:
    return span(day, day)


# --- normalisation ----------------------------------------------------------------------------------

_TRANSLATE = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "`": "'",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
        ",": " ",
        ";": " ",
        '"': " ",
        "\u201c": " ",
        "\u201d": " ",
        "(": " ",
        ")": " ",
        "[": " ",
        "]": " ",
    }
)
_DOTS = re.compile(r"(?<!\d)\.|\.(?!\d)")
_APOSTROPHES = re.compile(r"'s\b|'")
_CLOCK = re.compile(
    r"\b(?:(?:at|around|about|approximately|shortly after|shortly before|just after|just before) )?"
    r"(?:\d{1,2}(?::\d{2})? ?(?:am|pm)\b|\d{1,2}:\d{2}\b(?: ?(?:hrs|h)\b)?|\d{3,4} ?(?:hrs|gmt|utc)\b|"
    r"noon\b|midday\b|midnight\b)(?: (?:local time|gmt|utc))?|\b(?:local time|gmt|utc)\b"
)
_HYPHEN = re.compile(r" ?- ?")
_SPACES = re.compile(r"\s+")
_LEAD = re.compile(
    r"^(?:(?:on or about|on or around|on|in|during|at|over|within|throughout|for|around|about|circa|c|"
    r"approximately|roughly|sometime in|sometime|some time in|as of|as recently as|as early as|as late as|"
    r"dating from|dated|of) )+"
)
_TRAIL = re.compile(r"(?: (?:at|on|around|about|of|by|in|and))+$")


def normalise(text: str) -> str:
    """Lower case, plain quotes and hyphens, no commas or clock times, no leading preposition."""
    text = text.translate(_TRANSLATE).lower()
    text = _DOTS.sub("", text)
    text = _APOSTROPHES.sub("", text)
    text = _CLOCK.sub(" ", text)
    text = _SPACES.sub(" ", text).strip(" -/")
    text = _HYPHEN.sub("-", text)
    text = _LEAD.sub("", text)
    return _TRAIL.sub("", text)


# --- texts that are understood and are not dates ----------------------------------------------------

_MODIFIER = (
    r"(?:a|an|for|about|around|nearly|almost|roughly|approximately|some|over|more than|less than|fewer than|"
    r"at least|up to|only|just|barely|well over|just over|just under|under|a further|another|the|a full|"
    r"full|the entire|an entire|the whole|a whole|all|the full|the best part of|the better part of|"
    r"much of|most of|the first|the final|its|their|his|her|a mere|mere|the same|that|each|every|per)"
)
_REJECT = re.compile(
    "|".join(
        (
            # lengths and ages: "nine months", "two and a half years", "48-hour", "a 25-year-old"
            rf"(?:{_MODIFIER} )*(?:(?:{NUM}|\d+\.\d+|{VAGUE}|dozens of|hundreds of)(?: and a half)?[ -])?"
            rf"{UNIT}(?: and a half)?(?:[ -](?:long|old|plus|running))?",
            rf"(?:half (?:an?|the) |half-){UNIT}",
            # frequencies
            r"annual(?:ly)?|yearly|daily|weekly|monthly|bi-?weekly|fortnightly|quarterly|nightly|hourly|"
            rf"(?:once|twice|thrice|{NUM} times) (?:a|an|per|each|every) {UNIT}",
            # anaphora: the narrative's own time, which publication cannot anchor
            r"(?:(?:the |that |this )?(?:following|previous|preceding|prior|same|subsequent|ensuing|very)|"
            r"(?:the|that) next) (?:day|week|month|year|morning|afternoon|evening|night|weekend|decade|time|season)s?",
            rf"(?:the )?(?:following|previous|preceding|prior|subsequent) (?:{NUM}|{VAGUE}) {UNIT}",
            r"(?:later|earlier|early|late) (?:that|the same) "
            r"(?:day|morning|afternoon|evening|night|week|month|year)",
            r"that (?:day|morning|afternoon|evening|night|week|weekend|month|year|time|summer|winter|"
            r"spring|autumn|fall|season)",
            rf"(?:(?:{NUM}|{VAGUE}|the|a) )?{UNIT} (?:later|earlier|before|after|afterwards?|prior|"
            r"beforehand|previously|on|hence|from now|since|in)",
            r"(?:at )?the (?:time|moment|eve|period|era|future|past)|then|once|the same time|at one point|"
            r"one point|some point|future|the night",
            # open-ended: the boundary is named, the time is not
            r"(?:before|after|by|until|till|prior to|ahead of|no later than|not until|not before) .+",
        )
    )
)

# --- handlers ---------------------------------------------------------------------------------------


def _iso_date(m: re.Match[str], published: date | None) -> DateRange | None:
    """ "2016-07-04" and "2016/07/04": year first is never ambiguous."""
    return _day(date(int(m["y"]), int(m["m"]), int(m["d"])))


def _numeric_date(m: re.Match[str], published: date | None) -> DateRange | None:
    """ "4.7.2016" is day first (the dotted form is European); "7/4/2016" month first unless impossible."""
    first, second, year = int(m["a"]), int(m["b"]), int(m["y"])
    if m["sep"] == "." or first > 12:
        return _day(date(year, second, first))
    return _day(date(year, first, second))


def _day_month(m: re.Match[str], published: date | None) -> DateRange | None:
    """A calendar day; without a year, the latest such day on or before publication."""
    month, day = month_number(m["month"]), int(m["d"])
    if m["year"]:
        return _day(date(int(m["year"]), month, day))
    if published is None:
        return None
    return _pair(choose(lambda y: _fixed_day(y, month, day), published, "bare"))


def _fixed_day(year: int, month: int, day: int) -> tuple[date, date] | None:
    """One day of a year, or None where it does not exist."""
    try:
        found = date(year, month, day)
    except ValueError:  # 29 February outside a leap year
        return None
    return found, found


def _day_range(m: re.Match[str], published: date | None) -> DateRange | None:
    """ "4-6 June 2016", "June 4 to 6": one month, two days."""
    month, first, last = month_number(m["month"]), int(m["d1"]), int(m["d2"])
    if m["year"]:
        year = int(m["year"])
    elif published is None:
        return None
    else:
        year = published.year if date(published.year, month, 1) <= published else published.year - 1
    return span(date(year, month, first), date(year, month, last))


def _month_year(m: re.Match[str], published: date | None) -> DateRange | None:
    """ "June 2014", "March of last year"."""
    year = year_of(m["yref"], published)
    return _pair(month_range(year, month_number(m["month"]))) if year else None


def _month_alone(m: re.Match[str], published: date | None) -> DateRange | None:
    """ "June", "last June": by `calendar.choose` (bare = the latest begun by publication)."""
    if published is None:
        return None
    month = month_number(m["month"])
    return _pair(choose(lambda y: month_range(y, month), published, _WHICH[m["which"]]))


def _iso_month_or_years(m: re.Match[str], published: date | None) -> DateRange | None:
    """ "2014-15" and "2014/2016" are spans of years; "2016-07" is a month."""
    first, second = int(m["y1"]), m["y2"]
    if len(second) == 4:
        return span(date(first, 1, 1), date(int(second), 12, 31))
    tail = int(second)
    if m["sep"] == "-" and 1 <= tail <= 12 and tail <= first % 100:
        return _pair(month_range(first, tail))
    last = first - first % 100 + tail
    return span(date(first, 1, 1), date(last, 12, 31)) if last > first else None


def _year(m: re.Match[str], published: date | None) -> DateRange | None:
    """ "2014", "the year 2014": a four-digit number standing alone is a year (1000-2100)."""
    return _pair(year_range(int(m["year"])))


def _quarter(m: re.Match[str], published: date | None) -> DateRange | None:
    """ "Q3 2016", as in reports of casualty figures."""
    year, quarter = int(m["year"] or m["year2"]), int(m["q"] or m["q2"])
    return _pair(months_range(year, 3 * quarter - 2, 3 * quarter))


def _today(m: re.Match[str], published: date | None) -> DateRange | None:
    """ "today", "tonight", "now": the publication day."""
    return _day(published) if published else None


def _days_from_today(offset: int) -> Handler:
    def handler(m: re.Match[str], published: date | None) -> DateRange | None:
        return _day(published + timedelta(days=offset)) if published else None

    return handler


def _overnight(m: re.Match[str], published: date | None) -> DateRange | None:
    """ "overnight": the night before publication, so both days."""
    return span(published - ONE_DAY, published) if published else None


def _this_time_last_year(m: re.Match[str], published: date | None) -> DateRange | None:
    """A year before publication, give or take a week."""
    if published is None:
        return None
    anchor = add_years(published, -1)
    return span(anchor - timedelta(days=7), anchor + timedelta(days=7))


_CALENDAR_OFFSETS = MappingProxyType(
    {"this": 0, "the current": 0, "last": -1, "next": 1, "before last": -2, "after next": 2}
)


def _calendar(m: re.Match[str], published: date | None) -> DateRange | None:
    """ "this week", "last month", "next year", "the week before last": whole calendar periods."""
    if published is None:
        return None
    unit, k = m["unit"], _CALENDAR_OFFSETS[m["which"]]
    if unit == "week":
        return _pair(week_of(published + timedelta(weeks=k)))
    if unit == "month":
        shifted = add_months(published, k)
        return _pair(month_range(shifted.year, shifted.month))
    if unit == "year":
        return _pair(year_range(published.year + k))
    if k < 0:  # "last decade" means the ten years to publication, like "the past decade"
        return span(add_years(published, -10) + ONE_DAY, published)
    first = published.year - published.year % 10 + 10 * k
    return span(date(first, 1, 1), date(first + 9, 12, 31))


def _period_of(unit: str, published: date) -> tuple[date, date]:
    if unit == "week":
        return week_of(published)
    if unit == "month":
        return month_range(published.year, published.month)
    return year_range(published.year)


def _earlier_later(m: re.Match[str], published: date | None) -> DateRange | None:
    """ "earlier this month": the period's start up to the day before publication."""
    if published is None:
        return None
    start, end = _period_of(m["unit"], published)
    which = m["which"]  # earlier, later, or "so far" / "to date" / "date"
    if which == "earlier":
        return span(start, max(start, published - ONE_DAY))
    if which == "later":
        return span(min(end, published + ONE_DAY), end)
    return span(start, published)  # so far


_AGO_DECADE_SLACK = 2  # "two decades ago" is a round number: +/- two years around it


def _ago(m: re.Match[str], published: date | None) -> DateRange | None:
    """ "three years ago" is the calendar year 2014, "two weeks ago" the calendar week, ..."""
    if published is None:
        return None
    n, unit = parse_count(m["n"]), unit_of(m["unit"])
    if n is None:
        return None
    if unit in ("day", "night"):
        return _day(published - timedelta(days=n))
    if unit == "hour":
        return _day(published - timedelta(days=round(n / 24)))
    if unit in ("week", "fortnight"):
        return _pair(week_of(published - timedelta(weeks=n * (2 if unit == "fortnight" else 1))))
    if unit == "month":
        shifted = add_months(published, -n)
        return _pair(month_range(shifted.year, shifted.month))
    if unit == "year":
        return _pair(year_range(published.year - n))
    if unit == "decade":
        centre = published.year - 10 * n
        return span(date(centre - _AGO_DECADE_SLACK, 1, 1), date(centre + _AGO_DECADE_SLACK, 12, 31))
    return None


def _years_and_a_half_ago(m: re.Match[str], published: date | None) -> DateRange | None:
    """ "a year and a half ago": the calendar month eighteen months back."""
    n = parse_count(m["n"] or m["n2"])
    if published is None or n is None:
        return None
    shifted = add_months(published, -(12 * n + 6))
    return _pair(month_range(shifted.year, shifted.month))


def _vague_ago(m: re.Match[str], published: date | None) -> DateRange | None:
    """ "just days ago" is the past week; "years ago" alone is too vague to place."""
    if published is None:
        return None
    unit, mods = unit_of(m["unit"]), m["mods"] or ""
    if unit == "hour":
        return _day(published)
    if unit in ("day", "night"):
        return span(published - timedelta(days=6), published)
    if unit == "week":
        return span(published - timedelta(weeks=5), published - timedelta(weeks=1))
    if unit == "month":
        return span(add_months(published, -12), add_months(published, -1))
    if unit == "year" and re.search(r"\b(?:few|several|some|couple)\b", mods):
        return span(date(published.year - 5, 1, 1), date(published.year - 2, 12, 31))
    return None


# How far "the past few <units>" and "recent <units>" reach back.
_VAGUE_WINDOW = MappingProxyType(
    {"hour": 48, "day": 7, "night": 7, "week": 4, "fortnight": 2, "month": 6, "year": 5, "decade": 3}
)


def _window(m: re.Match[str], published: date | None) -> DateRange | None:
    """ "the past nine months", "the last decade", "recent weeks", "the coming days": windows at publication."""
    if published is None:
        return None
    unit = unit_of(m["unit"])
    count = m["n"]
    if count is None or re.fullmatch(VAGUE, count):
        n = _VAGUE_WINDOW.get(unit) if (count or m["unit"].endswith("s")) else 1
        if n is None:
            return None
    else:
        n = parse_count(count)
        if n is None:
            return None
    if m["dir"] in ("next", "coming"):
        return span(published, shift(published, unit, n) - (ONE_DAY if unit != "hour" else timedelta(0)))
    if unit == "hour":
        return span(shift(published, unit, -n), published)
    return span(shift(published, unit, -n) + ONE_DAY, published)


_YEAR_PARTS = MappingProxyType(
    {
        "early": (1, 4),
        "the early part of": (1, 4),
        "the first part of": (1, 4),
        "the early months of": (1, 4),
        "mid": (5, 8),
        "middle": (5, 8),
        "the middle of": (5, 8),
        "the middle part of": (5, 8),
        "late": (9, 12),
        "the later part of": (9, 12),
        "the latter part of": (9, 12),
        "the last part of": (9, 12),
        "the start of": (1, 3),
        "the beginning of": (1, 3),
        "the outset of": (1, 3),
        "the end of": (10, 12),
        "the close of": (10, 12),
        "the turn of": (0, 1),  # December of the year before and January
        "the first half of": (1, 6),
        "the second half of": (7, 12),
        "the latter half of": (7, 12),
        "the last half of": (7, 12),
        "the first quarter of": (1, 3),
        "the second quarter of": (4, 6),
        "the third quarter of": (7, 9),
        "the fourth quarter of": (10, 12),
        "the last quarter of": (10, 12),
        "the final quarter of": (10, 12),
    }
)
_MONTH_PARTS = MappingProxyType(  # days; 0 as last means the month's last day
    {
        "early": (1, 10),
        "the start of": (1, 10),
        "the beginning of": (1, 10),
        "the outset of": (1, 10),
        "the early part of": (1, 10),
        "mid": (11, 20),
        "middle": (11, 20),
        "the middle of": (11, 20),
        "late": (21, 0),
        "the end of": (21, 0),
        "the close of": (21, 0),
        "the latter part of": (21, 0),
        "the later part of": (21, 0),
        "the first half of": (1, 15),
        "the second half of": (16, 0),
        "the latter half of": (16, 0),
        "the last half of": (16, 0),
    }
)
_WEEK_PARTS = MappingProxyType(  # weekdays, Monday = 0
    {
        "early": (0, 2),
        "the start of": (0, 1),
        "the beginning of": (0, 1),
        "mid": (1, 3),
        "middle": (1, 3),
        "the middle of": (1, 3),
        "late": (3, 6),
        "the end of": (4, 6),
    }
)
_SEASON_PART = MappingProxyType({"early": 0, "mid": 1, "late": 2})


def _alternation(keys: Sequence[str]) -> str:
    return "|".join(re.escape(key) for key in sorted(keys, key=len, reverse=True))


def _year_part(m: re.Match[str], published: date | None) -> DateRange | None:
    """ "early 2015" = Jan-Apr, "mid-2017" = May-Aug, "the end of 2016" = Oct-Dec, "the first half"."""
    year = year_of(m["yref"], published)
    if year is None:
        return None
    first, last = _YEAR_PARTS[m["part"]]
    if first == 0:
        return _pair(months_range(year - 1, 12, 12 + last))
    return _pair(months_range(year, first, last))


def _month_of(m: re.Match[str], published: date | None) -> tuple[date, date] | None:
    """The month a MONTH_REF names: "June 2014", "June" (latest begun), "last month", "the month"."""
    if m["mrel"]:
        if published is None:
            return None
        shifted = add_months(published, _CALENDAR_OFFSETS.get(m["mrel"], 0))
        return month_range(shifted.year, shifted.month)
    month = month_number(m["month"])
    if m["year"]:
        return month_range(int(m["year"]), month)
    if published is None:
        return None
    return choose(lambda y: month_range(y, month), published, "bare")


def _month_part(m: re.Match[str], published: date | None) -> DateRange | None:
    """ "early June", "mid-March 2011", "the end of last month": thirds and halves of a month."""
    found = _month_of(m, published)
    if found is None:
        return None
    start, end = found
    first, last = _MONTH_PARTS[m["part"]]
    return span(start.replace(day=first), end if last == 0 else start.replace(day=last))


def _week_part(m: re.Match[str], published: date | None) -> DateRange | None:
    """ "late last week" (Thursday to Sunday), "early this week" (Monday to Wednesday)."""
    if published is None:
        return None
    monday, _ = week_of(published + timedelta(weeks=_CALENDAR_OFFSETS.get(m["which"], 0)))
    first, last = _WEEK_PARTS[m["part"]]
    return span(monday + timedelta(days=first), monday + timedelta(days=last))


def _first_last(m: re.Match[str], published: date | None) -> DateRange | None:
    """ "the first six months of 2016", "the last week of June": a slice at one end of a period."""
    if m["yref"]:
        year = year_of(m["yref"], published)
        period = year_range(year) if year else None
    else:
        period = _month_of(m, published)
    if period is None:
        return None
    unit = unit_of(m["unit"])
    count = m["n"]
    if count is None:
        n = 3 if m["unit"].endswith("s") else 1
    elif re.fullmatch(VAGUE, count):
        n = 3
    else:
        parsed = parse_count(count)
        if parsed is None:
            return None
        n = parsed
    start, end = period
    if m["end"] in ("first", "opening"):
        return span(start, min(end, shift(start, unit, n) - ONE_DAY))
    return span(max(start, shift(end + ONE_DAY, unit, -n)), end)


def _decade(m: re.Match[str], published: date | None) -> DateRange | None:
    """ "the 1990s", "the mid-1980s", "the '90s", "the nineties"."""
    if m["decade"]:
        first = int(m["decade"]) * 10
    elif m["word"]:
        first = 1900 + 10 * (_TENS.index(m["word"][:-3] + "y") + 2)
    else:
        tens = int(m["short"]) * 10
        if tens >= 30:
            first = 1900 + tens
        elif published is None:
            return None
        else:
            first = 2000 + tens if 2000 + tens <= published.year else 1900 + tens
    part = m["part"]
    low, high = {None: (0, 9), "early": (0, 3), "mid": (4, 6), "late": (7, 9)}[part]
    return span(date(first + low, 1, 1), date(first + high, 12, 31))


def _century(m: re.Match[str], published: date | None) -> DateRange | None:
    """ "the 20th century" as the years 1900-1999 (how news uses it)."""
    first = (int(m["n"]) - 1) * 100
    low, high = {None: (0, 99), "early": (0, 32), "mid": (33, 66), "late": (67, 99)}[m["part"]]
    return span(date(first + low, 1, 1), date(first + high, 12, 31)) if first > 0 else None


def _season_instance(season: str) -> Recurring:
    """Northern-hemisphere meteorological seasons; the winter of 2014 is December 2013 to February 2014."""
    first = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9}.get(season)

    def instance(year: int) -> tuple[date, date]:
        if first is None:
            return months_range(year - 1, 12, 14)
        return months_range(year, first, first + 2)

    return instance


def _season(m: re.Match[str], published: date | None) -> DateRange | None:
    """ "the summer of 2014", "last winter", "late summer": a season, or one of its months."""
    recurring = _season_instance(m["season"])
    if m["yref"]:
        year = year_of(m["yref"], published)
        found = recurring(year) if year else None
    elif published is None:
        return None
    else:
        found = choose(recurring, published, _WHICH[m["which"]])
    if found is None:
        return None
    if m["part"]:
        month = add_months(found[0], _SEASON_PART[m["part"]])
        return _pair(month_range(month.year, month.month))
    return _pair(found)


def _fixed(month: int, first: int, length: int = 1) -> Recurring:
    """A holiday on the same Gregorian day(s) each year."""

    def instance(year: int) -> tuple[date, date]:
        start = date(year, month, first)
        return start, start + timedelta(days=length - 1)

    return instance


def _new_year(year: int) -> tuple[date, date]:
    """ "New Year" spans the night: New Year's Eve and Day."""
    return date(year - 1, 12, 31), date(year, 1, 1)


def _easter_holiday(year: int) -> tuple[date, date]:
    """ "Easter" in reports of attacks means the holiday, Good Friday to Easter Monday."""
    sunday = easter(year)
    return sunday - timedelta(days=2), sunday + ONE_DAY


def _easter_sunday(year: int) -> tuple[date, date]:
    sunday = easter(year)
    return sunday, sunday


_EID_AL_FITR = hijri_period(10, 1, 3)
_EID_AL_ADHA = hijri_period(12, 10, 13)
_HOLIDAYS: MappingProxyType[str, tuple[Recurring, ...]] = MappingProxyType(
    {
        "ramadan": (hijri_period(9, 1, None),),
        "eid al fitr": (_EID_AL_FITR,),
        "eid al adha": (_EID_AL_ADHA,),
        "eid": (_EID_AL_FITR, _EID_AL_ADHA),
        "ashura": (hijri_period(1, 9, 11),),
        "christmas": (_fixed(12, 25),),
        "christmas eve": (_fixed(12, 24),),
        "new year": (_new_year,),
        "new years day": (_fixed(1, 1),),
        "new years eve": (_fixed(12, 31),),
        "easter": (_easter_holiday,),
        "easter sunday": (_easter_sunday,),
        "nowruz": (_fixed(3, 20, 2),),
    }
)
_HOLIDAY_NAMES = re.compile(
    r"(?P<ramadan>rama[dz]h?an|ramzan)|(?P<fitr>eid[- ]?(?:al|ul|el)?[- ]?fitr)|"
    r"(?P<adha>eid[- ]?(?:al|ul|el)?[- ]?ad[hd]a|eid[- ]?(?:al|ul|el)?[- ]?kabir|bakr[- ]?eid|kurban bayram)|"
    r"(?P<eid>eid)|(?P<ashura>ashura|ashoura)|(?P<xmaseve>christmas eve)|(?P<xmas>christmas(?: day)?|xmas)|"
    r"(?P<nyeve>new years? eve)|(?P<nyday>new years? day)|(?P<ny>new years?)|"
    r"(?P<eastersunday>easter (?:sunday|day))|(?P<easter>easter(?: weekend| holiday)?)|"
    r"(?P<nowruz>nowruz|newroz|norouz|nauroz|navruz)"
)
_HOLIDAY_KEYS = MappingProxyType(
    {
        "ramadan": "ramadan",
        "fitr": "eid al fitr",
        "adha": "eid al adha",
        "eid": "eid",
        "ashura": "ashura",
        "xmaseve": "christmas eve",
        "xmas": "christmas",
        "nyeve": "new years eve",
        "nyday": "new years day",
        "ny": "new year",
        "eastersunday": "easter sunday",
        "easter": "easter",
        "nowruz": "nowruz",
    }
)


def _holiday(m: re.Match[str], published: date | None) -> DateRange | None:
    """Religious and civil holidays; Islamic ones by the tabular calendar (a day or two off sighting)."""
    name = _HOLIDAY_NAMES.fullmatch(m["holiday"])
    if name is None or name.lastgroup is None:
        return None
    recurrings = _HOLIDAYS[_HOLIDAY_KEYS[name.lastgroup]]
    if m["yref"]:
        year = year_of(m["yref"], published)
        if year is None or len(recurrings) > 1:  # "Eid 2016": which Eid?
            return None
        return _pair(recurrings[0](year))
    if published is None:
        return None
    which: Choice = _WHICH[m["which"]]
    found = [inst for recurring in recurrings if (inst := choose(recurring, published, which))]
    if not found:
        return None
    if which == "next":
        return _pair(min(found))
    return _pair(max(found, key=lambda inst: inst[0]) if which != "this" else min(found))


def _weekday(m: re.Match[str], published: date | None) -> DateRange | None:
    """A weekday alone is the latest on or before publication: "on Tuesday" in Tuesday's paper is that day."""
    if published is None:
        return None
    weekday = weekday_number(m["weekday"])
    which = _WHICH[m["which"]]
    latest = weekday_on_or_before(published, weekday)
    if which == "bare":
        return _day(latest)
    if which == "last":
        return _day(latest if latest < published else latest - timedelta(weeks=1))
    if which == "this":
        return _day(week_of(published)[0] + timedelta(days=weekday))
    return _day(latest + timedelta(weeks=1))


def _weekday_of_week(m: re.Match[str], published: date | None) -> DateRange | None:
    """ "Monday of last week": the weekday within the named ISO week."""
    if published is None:
        return None
    monday, _ = week_of(published + timedelta(weeks=_CALENDAR_OFFSETS[m["which"]]))
    return _day(monday + timedelta(days=weekday_number(m["weekday"])))


def _weekend(m: re.Match[str], published: date | None) -> DateRange | None:
    """The weekend alone is the latest begun by publication; "this weekend" is the current week's."""
    if published is None:
        return None
    which = _WHICH[m["which"]]
    saturday = weekday_on_or_before(published, 5)
    if which == "this":
        saturday = week_of(published)[0] + timedelta(days=5)
    elif which == "next":
        saturday += timedelta(weeks=1)
    elif which == "last" and published.weekday() >= 5:
        saturday -= timedelta(weeks=1)
    return span(saturday, saturday + ONE_DAY)


def _day_of_month(m: re.Match[str], published: date | None) -> DateRange | None:
    """ "on the 4th": the latest 4th on or before publication (this month's, else last month's)."""
    if published is None:
        return None
    day = int(m["d"])
    month_start = published.replace(day=1)
    for _ in range(3):
        if day <= month_end(month_start.year, month_start.month).day:
            found = month_start.replace(day=day)
            if found <= published:
                return _day(found)
        month_start = add_months(month_start, -1)
    return None


_WEEKDAY_AND_DAY_MONTHS = 14  # how far back "Wednesday 27" looks for a 27th that was a Wednesday


def _weekday_and_day(m: re.Match[str], published: date | None) -> DateRange | None:
    """ "Wednesday 27": the latest 27th by publication that fell on a Wednesday (else the latest 27th)."""
    if published is None:
        return None
    weekday, day = weekday_number(m["weekday"]), int(m["d"])
    month_start = published.replace(day=1)
    latest: date | None = None
    for _ in range(_WEEKDAY_AND_DAY_MONTHS):
        if day <= month_end(month_start.year, month_start.month).day:
            found = month_start.replace(day=day)
            if found <= published:
                latest = latest or found
                if found.weekday() == weekday:
                    return _day(found)
        month_start = add_months(month_start, -1)
    return _day(latest) if latest else None


# --- the table --------------------------------------------------------------------------------------

_MONTH_REF = (
    rf"(?:(?:the )?(?:month of )?(?P<month>{MONTH})(?:(?: of)? (?P<year>\d{{4}}))?|"
    r"(?P<mrel>this|last|next|the) month)"
)
_WHICH_RE = r"(?:(?P<which>last|past|this past|this|next|this coming|coming|the) )?"


RULES: tuple[tuple[re.Pattern[str], Handler], ...] = (
    (re.compile(r"(?P<y>\d{4})[-/](?P<m>\d{1,2})[-/](?P<d>\d{1,2})"), _iso_date),
    (re.compile(r"(?P<y1>\d{4})(?P<sep>[-/])(?P<y2>\d{4}|\d{2})"), _iso_month_or_years),
    (re.compile(r"(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})"), _numeric_date),
    (re.compile(r"(?:the )?(?:year )?(?P<year>\d{4})"), _year),
    (
        re.compile(rf"(?:{WEEKDAY} )?(?:the )?(?P<d>\d{{1,2}}){ORD} (?:of )?(?P<month>{MONTH})(?: (?P<year>\d{{4}}))?"),
        _day_month,
    ),
    (
        re.compile(
            rf"(?:{WEEKDAY} )?(?:the )?(?P<month>{MONTH}) (?:the )?(?P<d>\d{{1,2}}){ORD}(?: (?P<year>\d{{4}}))?"
        ),
        _day_month,
    ),
    (
        re.compile(
            rf"(?:from |between )?(?:the )?(?P<d1>\d{{1,2}}){ORD}(?:-| to | and | until | till | through )"
            rf"(?:the )?(?P<d2>\d{{1,2}}){ORD} (?:of )?(?P<month>{MONTH})(?: (?P<year>\d{{4}}))?"
        ),
        _day_range,
    ),
    (
        re.compile(
            rf"(?:from |between )?(?P<month>{MONTH}) (?P<d1>\d{{1,2}}){ORD}(?:-| to | and | until | till | "
            rf"through )(?P<d2>\d{{1,2}}){ORD}(?: (?P<year>\d{{4}}))?"
        ),
        _day_range,
    ),
    (re.compile(rf"(?:the )?(?:month of )?(?P<month>{MONTH})(?: of)? {YEAR_REF}"), _month_year),
    (re.compile(rf"{_WHICH_RE}(?:month of )?(?P<month>{MONTH})"), _month_alone),
    (re.compile(r"q(?P<q>[1-4])[- ]?(?P<year>\d{4})|(?P<year2>\d{4})[- ]?q(?P<q2>[1-4])"), _quarter),
    (
        re.compile(
            r"(?:earlier |later |so far )?today|tonight|this (?:morning|afternoon|evening)|(?:right )?now|"
            r"currently|at present|presently|at the moment|at this time|(?:the )?present(?: day)?"
        ),
        _today,
    ),
    (
        re.compile(r"yesterday(?: (?:early |late )?(?:morning|afternoon|evening|night))?|last (?:night|evening)"),
        _days_from_today(-1),
    ),
    (re.compile(r"(?:the )?day before yesterday"), _days_from_today(-2)),
    (re.compile(r"tomorrow(?: (?:morning|afternoon|evening|night))?"), _days_from_today(1)),
    (re.compile(r"(?:the )?day after tomorrow"), _days_from_today(2)),
    (re.compile(r"overnight|late last night and early today"), _overnight),
    (re.compile(r"(?:around )?this time last year"), _this_time_last_year),
    (re.compile(r"(?P<which>this|the current|last|next) (?P<unit>week|month|year|decade)"), _calendar),
    (re.compile(r"the (?P<unit>week|month|year) (?P<which>before last|after next)"), _calendar),
    (re.compile(r"(?P<which>earlier|later|so far) (?:this|in the|in this) (?P<unit>week|month|year)"), _earlier_later),
    (re.compile(r"(?:this|the) (?P<unit>week|month|year) (?P<which>so far|to date)"), _earlier_later),
    (re.compile(r"(?P<unit>year|month)-to-(?P<which>date)"), _earlier_later),
    (
        re.compile(
            rf"(?:(?:just|only|nearly|almost|about|around|some|roughly|more than|less than|over|under|barely|"
            rf"little more than|just over|just under|a little over|a little more than|exactly|precisely) )?"
            rf"(?P<n>{NUM}) (?P<unit>{UNIT}) ago"
        ),
        _ago,
    ),
    (
        re.compile(rf"(?:(?P<n>{NUM}) and a half (?P<unit>years)|(?P<n2>an?|one) (?P<unit2>year) and a half) ago"),
        _years_and_a_half_ago,
    ),
    (
        re.compile(
            r"(?P<mods>(?:(?:just|only|mere|a few|few|several|some|a couple of|many|a number of|a matter of) )*)"
            r"(?P<unit>hours|days|nights|weeks|months|years|decades) ago"
        ),
        _vague_ago,
    ),
    (
        re.compile(
            rf"(?:the )?(?P<dir>past|last|recent|most recent|next|coming)(?: (?P<n>{NUM}|{VAGUE}))? (?P<unit>{UNIT})"
        ),
        _window,
    ),
    (
        re.compile(rf"(?P<part>{_alternation(list(_YEAR_PARTS))})(?:-| | in |-in )(?:the )?{YEAR_REF}"),
        _year_part,
    ),
    (re.compile(rf"(?P<part>{_alternation(list(_MONTH_PARTS))})(?:-| | in |-in ){_MONTH_REF}"), _month_part),
    (
        re.compile(
            rf"(?P<part>{_alternation(list(_WEEK_PARTS))})(?:-| | in |-in )(?:the )?(?P<which>this|last|next|the) week"
        ),
        _week_part,
    ),
    (
        re.compile(
            rf"the (?P<end>first|last|final|opening|closing)(?: (?P<n>{NUM}|{VAGUE}))? "
            rf"(?P<unit>days?|weeks?|months?) of (?:(?:the )?{YEAR_REF}|{_MONTH_REF})"
        ),
        _first_last,
    ),
    (
        re.compile(
            r"(?:the )?(?:(?P<part>early|mid|late)[- ]?)?(?:(?P<decade>1\d\d|20\d)0s|(?P<short>\d)0s|"
            r"(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))"
        ),
        _decade,
    ),
    (re.compile(r"(?:the )?(?:(?P<part>early|mid|late)[- ]?)?(?P<n>\d{1,2})(?:st|nd|rd|th) century"), _century),
    (
        re.compile(
            rf"{_WHICH_RE}(?:(?P<part>early|mid|late)[- ])?(?P<season>spring|summer|autumn|fall|winter)"
            rf"(?:time)?(?:(?: of)? (?:the )?{YEAR_REF})?"
        ),
        _season,
    ),
    (
        re.compile(
            rf"{_WHICH_RE}(?:(?:muslim |islamic )?(?:holy )?(?:fasting )?month of )?"
            r"(?P<holiday>rama[dz]h?an|ramzan|eid(?:[- ]?(?:al|ul|el)?[- ]?(?:fitr|ad[hd]a|kabir))?|bakr[- ]?eid|"
            r"kurban bayram|ashura|ashoura|christmas eve|christmas(?: day)?|xmas|new years? (?:eve|day)|new years?|"
            r"easter(?: sunday| day| weekend| holiday)?|nowruz|newroz|norouz|nauroz|navruz)"
            rf"(?: holidays?| festival| celebrations?| feast)?(?:(?: of)? {YEAR_REF})?"
        ),
        _holiday,
    ),
    (re.compile(rf"(?:(?P<which>last|past|this past|this|next|this coming|coming) )?(?P<weekday>{WEEKDAY})"), _weekday),
    (re.compile(rf"(?P<weekday>{WEEKDAY}) (?:of )?(?P<which>this|last|next) week"), _weekday_of_week),
    (re.compile(rf"(?P<which>this|last|next) week(?: on)? (?P<weekday>{WEEKDAY})"), _weekday_of_week),
    (
        re.compile(
            r"(?:(?P<which>this|last|past|next|this past|this coming|the|the past|the last|the coming) )?weekend"
        ),
        _weekend,
    ),
    (re.compile(r"(?:the )?(?P<d>\d{1,2})(?:st|nd|rd|th)(?: of (?:the|this) month)?"), _day_of_month),
    (re.compile(rf"(?P<weekday>{WEEKDAY}) (?:the )?(?P<d>\d{{1,2}}){ORD}"), _weekday_and_day),
)


# --- rules that resolve part of the text and build on it -------------------------------------------

_SINCE = re.compile(r"(?:ever )?since (?P<rest>.+)")
_SO_FAR = re.compile(r"(?P<rest>.+?) (?:so far|to date|until now|up to now)")
_WEEK_OF = re.compile(r"the (?P<period>week|weekend) (?:of|starting|beginning|ending) (?P<rest>.+)")
_DAY_PART_AFTER = re.compile(
    r"(?P<rest>.+?) (?:(?:early|late) )?(?:morning|afternoon|evening|night|dawn|daybreak|dusk|sunset|"
    r"sunrise|overnight|daytime|nighttime|night-time)"
)
_DAY_PART_BEFORE = re.compile(
    r"(?:(?:early|late|earlier|later|overnight)(?: (?:on|in))?|"
    r"(?:the )?(?:early |small |late |wee )?(?:morning|afternoon|evening|night|hours|dawn|daybreak|dusk)"
    r"(?: (?:hours|of))?|before dawn|at dawn|(?:in )?the early hours of|"
    r"(?:in )?the small hours of) (?P<rest>.+)"
)
_RANGE_SEPARATOR = re.compile(r" to | and | until | till | through | thru | or |-")
_MAX_SPLITS = 6  # a range has one separator; a text with many is not a range worth the search
_BETWEEN = re.compile(r"(?:from|between) ")


def match_rules(text: str, published: date | None, depth: int = 0) -> Outcome:
    """Try every rule on normalised text; (True, None) means understood as not a date."""
    if not text or len(text) > MAX_CHARS or depth > _MAX_DEPTH:
        return True, None
    if _REJECT.fullmatch(text):
        return True, None
    for pattern, handler in RULES:
        found = pattern.fullmatch(text)
        if found is not None:
            try:
                return True, handler(found, published)
            except (ValueError, OverflowError, KeyError):  # "31 February", a year out of range
                return True, None
    return _compound(text, published, depth)


def _inner(text: str, published: date | None, depth: int) -> DateRange | None:
    """Resolve part of the text (the X of "since X") with the rules alone."""
    matched, result = match_rules(normalise(text), published, depth + 1)
    return result if matched else None


def _compound(text: str, published: date | None, depth: int) -> Outcome:
    """Since X, X so far, the week of X, Tuesday night, X to Y: resolve X (and Y) and combine."""
    found = _SINCE.fullmatch(text)
    if found:
        inner = _inner(found["rest"], published, depth)
        return True, (span(inner.start, published) if inner and published and inner.start <= published else None)
    found = _SO_FAR.fullmatch(text)
    if found:
        inner = _inner(found["rest"], published, depth)
        if inner and published and inner.start <= published:
            return True, span(inner.start, min(inner.end, published))
        return True, None
    found = _WEEK_OF.fullmatch(text)
    if found:
        inner = _inner(found["rest"], published, depth)
        if inner is None or inner.precision != "day":
            return True, None
        monday, sunday = week_of(inner.start)
        return True, span(monday + timedelta(days=5) if found["period"] == "weekend" else monday, sunday)
    for pattern in (_DAY_PART_AFTER, _DAY_PART_BEFORE):
        found = pattern.fullmatch(text)
        if found:
            inner = _inner(found["rest"], published, depth)
            if inner and inner.precision in ("day", "week"):
                return True, inner
    return _range(text, published, depth)


def _range(text: str, published: date | None, depth: int) -> Outcome:
    """ "June to August 2016", "between 2014 and 2016", "yesterday and today": the hull of both ends.

    The first end is read relative to the second ("June" in "June to August 2016" is June 2016), but
    never relative to a day after publication ("today and tomorrow").
    """
    if depth > 0:  # the ends of a range are not ranges themselves
        return False, None
    body = _BETWEEN.sub("", text, count=1) if _BETWEEN.match(text) else text
    for tried, separator in enumerate(_RANGE_SEPARATOR.finditer(body)):
        if tried >= _MAX_SPLITS:
            break
        left, right = body[: separator.start()], body[separator.end() :]
        if not left or not right:
            continue
        second = _inner(right, published, depth)
        if second is None:
            continue
        base = second.end if published is None else min(second.end, published)
        first = _inner(left, base, depth)
        if first is None or first.start > second.end:
            continue
        return True, span(first.start, second.end)
    return False, None
