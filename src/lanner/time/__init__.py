"""The dates stage: resolve temporal expressions ("three years ago", "the end of 2016") against publication.

`DateResolver.resolve(text, published)` gives an inclusive `DateRange` or None; `DateStage` applies it
to the spaCy DATE entities of each document. Conventions, chosen for news and stated once here:

- Precision is the smallest of day / week / month / year whose length covers the range, as ACLED's
  time precision does: "June 2014" is month, "this week" week, "the end of 2016" (October to
  December) year, "the 1990s" year.
- Parts of a year: early = Jan-Apr, mid = May-Aug, late = Sep-Dec; the start / beginning of = Jan-Mar,
  the end / close of = Oct-Dec; halves and quarters as named. Parts of a month: thirds (1-10, 11-20,
  21-end). Seasons are northern-hemisphere meteorological; the winter of 2014 is Dec 2013 - Feb 2014.
- A bare weekday is the latest on or before publication, so "on Tuesday" in a Tuesday article is the
  publication day (wire usage: the weekday names the day within the past week, today included).
  "last Tuesday" is strictly before publication; "this Tuesday" is in the publication's ISO week.
- A bare month, season or holiday is the latest that has begun by publication; "last June" is the
  latest that ended before publication.
- "this week / month / year" is the whole calendar period; "earlier this month" runs from its start
  to the day before publication; "last week" is the previous ISO week (Monday to Sunday).
- "three years ago" is the calendar year 2014; "two weeks ago" the calendar week; "just days ago" the
  seven days to publication; "years ago" alone gives None.
- "the past nine months", "the last decade", "recent weeks": windows ending on the publication day.
- Lengths ("nine months"), ages ("25-year-old"), frequencies ("annual") and anaphora ("the next day",
  "two days later", "the previous year") give None: publication cannot anchor them.
- Relative expressions with no publication date give None; absolute ones still resolve.
"""

from lanner.time.resolver import DateResolver
from lanner.time.stage import DateStage

__all__ = ["DateResolver", "DateStage"]
