"""The resolver on the expressions news about conflict uses, as tables of expected ranges."""

from __future__ import annotations

import pickle
import random
from datetime import date, datetime

import pytest

from lanner.records import DateRange
from lanner.time import DateResolver

TUE = date(2017, 7, 11)  # a Tuesday
SUN = date(2017, 7, 16)
SAT = date(2017, 7, 15)
MON = date(2017, 7, 10)
JAN1 = date(2018, 1, 1)
LEAP = date(2016, 3, 1)

D = date


@pytest.fixture(scope="module")
def resolver() -> DateResolver:
    return DateResolver()


# (expression, published, start, end, precision)
CASES: list[tuple[str, date | None, date, date, str]] = [
    # the brief's list
    ("three years ago", TUE, D(2014, 1, 1), D(2014, 12, 31), "year"),
    ("last year", TUE, D(2016, 1, 1), D(2016, 12, 31), "year"),
    ("June 2014", TUE, D(2014, 6, 1), D(2014, 6, 30), "month"),
    ("the end of 2016", TUE, D(2016, 10, 1), D(2016, 12, 31), "year"),
    ("just days ago", TUE, D(2017, 7, 5), TUE, "week"),
    ("days ago", TUE, D(2017, 7, 5), TUE, "week"),
    ("on Tuesday", TUE, TUE, TUE, "day"),
    ("Tuesday", TUE, TUE, TUE, "day"),
    ("yesterday", TUE, MON, MON, "day"),
    ("today", TUE, TUE, TUE, "day"),
    ("this week", TUE, MON, SUN, "week"),
    ("last week", TUE, D(2017, 7, 3), D(2017, 7, 9), "week"),
    ("last month", TUE, D(2017, 6, 1), D(2017, 6, 30), "month"),
    ("this month", TUE, D(2017, 7, 1), D(2017, 7, 31), "month"),
    ("earlier this month", TUE, D(2017, 7, 1), MON, "month"),
    ("this year", TUE, D(2017, 1, 1), D(2017, 12, 31), "year"),
    ("earlier this year", TUE, D(2017, 1, 1), MON, "year"),
    ("2014", TUE, D(2014, 1, 1), D(2014, 12, 31), "year"),
    ("in 2016", TUE, D(2016, 1, 1), D(2016, 12, 31), "year"),
    ("early 2015", TUE, D(2015, 1, 1), D(2015, 4, 30), "year"),
    ("mid-2017", TUE, D(2017, 5, 1), D(2017, 8, 31), "year"),
    ("late 2016", TUE, D(2016, 9, 1), D(2016, 12, 31), "year"),
    ("the first half of this year", TUE, D(2017, 1, 1), D(2017, 6, 30), "year"),
    ("the first six months of 2016", TUE, D(2016, 1, 1), D(2016, 6, 30), "year"),
    ("the past decade", TUE, D(2007, 7, 12), TUE, "year"),
    ("the last decade", TUE, D(2007, 7, 12), TUE, "year"),
    ("the last three years", TUE, D(2014, 7, 12), TUE, "year"),
    ("recent weeks", TUE, D(2017, 6, 14), TUE, "month"),
    ("the weekend", TUE, D(2017, 7, 8), D(2017, 7, 9), "week"),
    ("Monday night", TUE, MON, MON, "day"),
    ("July 4, 2016", TUE, D(2016, 7, 4), D(2016, 7, 4), "day"),
    ("4 July 2016", TUE, D(2016, 7, 4), D(2016, 7, 4), "day"),
    ("2016-07-04", TUE, D(2016, 7, 4), D(2016, 7, 4), "day"),
    ("the summer of 2014", TUE, D(2014, 6, 1), D(2014, 8, 31), "year"),
    ("the 1990s", TUE, D(1990, 1, 1), D(1999, 12, 31), "year"),
    ("1988", TUE, D(1988, 1, 1), D(1988, 12, 31), "year"),
    ("in the past nine months", TUE, D(2016, 10, 12), TUE, "year"),
    ("the last nine months", TUE, D(2016, 10, 12), TUE, "year"),
    # days
    ("Yesterday", TUE, MON, MON, "day"),
    ("yesterday morning", TUE, MON, MON, "day"),
    ("last night", TUE, MON, MON, "day"),
    ("Last night's", TUE, MON, MON, "day"),
    ("tonight", TUE, TUE, TUE, "day"),
    ("this morning", TUE, TUE, TUE, "day"),
    ("earlier today", TUE, TUE, TUE, "day"),
    ("now", TUE, TUE, TUE, "day"),
    ("the day before yesterday", TUE, D(2017, 7, 9), D(2017, 7, 9), "day"),
    ("tomorrow", TUE, D(2017, 7, 12), D(2017, 7, 12), "day"),
    ("overnight", TUE, MON, TUE, "week"),
    ("two days ago", TUE, D(2017, 7, 9), D(2017, 7, 9), "day"),
    ("a day ago", TUE, MON, MON, "day"),
    ("a couple of days ago", TUE, D(2017, 7, 9), D(2017, 7, 9), "day"),
    ("36 hours ago", TUE, D(2017, 7, 9), D(2017, 7, 9), "day"),
    # weekdays
    ("Monday", TUE, MON, MON, "day"),
    ("Wednesday", TUE, D(2017, 7, 5), D(2017, 7, 5), "day"),
    ("Friday's", TUE, D(2017, 7, 7), D(2017, 7, 7), "day"),
    ("last Tuesday", TUE, D(2017, 7, 4), D(2017, 7, 4), "day"),
    ("last Monday", TUE, MON, MON, "day"),
    ("next Tuesday", TUE, D(2017, 7, 18), D(2017, 7, 18), "day"),
    ("this Friday", TUE, D(2017, 7, 14), D(2017, 7, 14), "day"),
    ("early Tuesday", TUE, TUE, TUE, "day"),
    ("late on Sunday", TUE, D(2017, 7, 9), D(2017, 7, 9), "day"),
    ("Saturday evening", TUE, D(2017, 7, 8), D(2017, 7, 8), "day"),
    ("the early hours of Sunday", TUE, D(2017, 7, 9), D(2017, 7, 9), "day"),
    ("10 a.m. Tuesday", TUE, TUE, TUE, "day"),
    ("Tuesday at 3:30 p.m.", TUE, TUE, TUE, "day"),
    ("Monday of last week", TUE, D(2017, 7, 3), D(2017, 7, 3), "day"),
    ("overnight Wednesday", TUE, D(2017, 7, 5), D(2017, 7, 5), "day"),
    ("Wednesday the 5th", TUE, D(2017, 7, 5), D(2017, 7, 5), "day"),
    ("Friday 19", TUE, D(2017, 5, 19), D(2017, 5, 19), "day"),
    ("Sunday", SUN, SUN, SUN, "day"),
    ("Monday", SUN, MON, MON, "day"),
    # weeks and weekends
    ("next week", TUE, D(2017, 7, 17), D(2017, 7, 23), "week"),
    ("the week before last", TUE, D(2017, 6, 26), D(2017, 7, 2), "week"),
    ("a week ago", TUE, D(2017, 7, 3), D(2017, 7, 9), "week"),
    ("two weeks ago", TUE, D(2017, 6, 26), D(2017, 7, 2), "week"),
    ("a fortnight ago", TUE, D(2017, 6, 26), D(2017, 7, 2), "week"),
    ("the past week", TUE, D(2017, 7, 5), TUE, "week"),
    ("earlier this week", TUE, MON, MON, "day"),
    ("late last week", TUE, D(2017, 7, 6), D(2017, 7, 9), "week"),
    ("the end of the week", TUE, D(2017, 7, 14), SUN, "week"),
    ("over the weekend", TUE, D(2017, 7, 8), D(2017, 7, 9), "week"),
    ("last weekend", TUE, D(2017, 7, 8), D(2017, 7, 9), "week"),
    ("this weekend", TUE, SAT, SUN, "week"),
    ("the weekend", SAT, SAT, SUN, "week"),
    ("last weekend", SUN, D(2017, 7, 8), D(2017, 7, 9), "week"),
    ("the week of July 4", TUE, D(2017, 7, 3), D(2017, 7, 9), "week"),
    ("the past few days", TUE, D(2017, 7, 5), TUE, "week"),
    ("recent days", TUE, D(2017, 7, 5), TUE, "week"),
    ("the past 24 hours", TUE, MON, TUE, "week"),
    ("the past 48 hours", TUE, D(2017, 7, 9), TUE, "week"),
    ("the coming days", TUE, TUE, D(2017, 7, 17), "week"),
    ("the next two weeks", TUE, TUE, D(2017, 7, 24), "month"),
    # months
    ("June", TUE, D(2017, 6, 1), D(2017, 6, 30), "month"),
    ("July", TUE, D(2017, 7, 1), D(2017, 7, 31), "month"),
    ("December", TUE, D(2016, 12, 1), D(2016, 12, 31), "month"),
    ("last July", TUE, D(2016, 7, 1), D(2016, 7, 31), "month"),
    ("next March", TUE, D(2018, 3, 1), D(2018, 3, 31), "month"),
    ("Sept. 2016", TUE, D(2016, 9, 1), D(2016, 9, 30), "month"),
    ("March of last year", TUE, D(2016, 3, 1), D(2016, 3, 31), "month"),
    ("the month of May", TUE, D(2017, 5, 1), D(2017, 5, 31), "month"),
    ("six months ago", TUE, D(2017, 1, 1), D(2017, 1, 31), "month"),
    ("a month ago", TUE, D(2017, 6, 1), D(2017, 6, 30), "month"),
    ("next month", TUE, D(2017, 8, 1), D(2017, 8, 31), "month"),
    ("later this month", TUE, D(2017, 7, 12), D(2017, 7, 31), "month"),
    ("so far this month", TUE, D(2017, 7, 1), TUE, "month"),
    ("mid-June", TUE, D(2017, 6, 11), D(2017, 6, 20), "month"),
    ("early March 2011", TUE, D(2011, 3, 1), D(2011, 3, 10), "month"),
    ("late June 2014", TUE, D(2014, 6, 21), D(2014, 6, 30), "month"),
    ("the end of last month", TUE, D(2017, 6, 21), D(2017, 6, 30), "month"),
    ("the beginning of the month", TUE, D(2017, 7, 1), D(2017, 7, 10), "month"),
    ("the second half of June", TUE, D(2017, 6, 16), D(2017, 6, 30), "month"),
    ("the first week of June", TUE, D(2017, 6, 1), D(2017, 6, 7), "week"),
    ("the last week of June 2016", TUE, D(2016, 6, 24), D(2016, 6, 30), "week"),
    ("the first ten days of March", TUE, D(2017, 3, 1), D(2017, 3, 10), "month"),
    ("the past month", TUE, D(2017, 6, 12), TUE, "month"),
    ("recent months", TUE, D(2017, 1, 12), TUE, "year"),
    ("weeks ago", TUE, D(2017, 6, 6), D(2017, 7, 4), "month"),
    ("months ago", TUE, D(2016, 7, 11), D(2017, 6, 11), "year"),
    # days of a month
    ("July 4", TUE, D(2017, 7, 4), D(2017, 7, 4), "day"),
    ("July 4th", TUE, D(2017, 7, 4), D(2017, 7, 4), "day"),
    ("the 4th of July", TUE, D(2017, 7, 4), D(2017, 7, 4), "day"),
    ("July 20", TUE, D(2016, 7, 20), D(2016, 7, 20), "day"),
    ("Tuesday, July 4", TUE, D(2017, 7, 4), D(2017, 7, 4), "day"),
    ("the April 15, 2013", TUE, D(2013, 4, 15), D(2013, 4, 15), "day"),
    ("Jan. 5", TUE, D(2017, 1, 5), D(2017, 1, 5), "day"),
    ("on the 4th", TUE, D(2017, 7, 4), D(2017, 7, 4), "day"),
    ("the 20th", TUE, D(2017, 6, 20), D(2017, 6, 20), "day"),
    ("June 4-6, 2016", TUE, D(2016, 6, 4), D(2016, 6, 6), "week"),
    ("4-6 June 2016", TUE, D(2016, 6, 4), D(2016, 6, 6), "week"),
    ("between 4 and 6 June", TUE, D(2017, 6, 4), D(2017, 6, 6), "week"),
    ("June 30 - July 2, 2016", TUE, D(2016, 6, 30), D(2016, 7, 2), "week"),
    ("2016/07/04", TUE, D(2016, 7, 4), D(2016, 7, 4), "day"),
    ("February 29, 2016", TUE, D(2016, 2, 29), D(2016, 2, 29), "day"),
    ("the morning of July 4, 2016", TUE, D(2016, 7, 4), D(2016, 7, 4), "day"),
    # years and parts of years
    ("the year 2014", TUE, D(2014, 1, 1), D(2014, 12, 31), "year"),
    ("next year", TUE, D(2018, 1, 1), D(2018, 12, 31), "year"),
    ("the year before last", TUE, D(2015, 1, 1), D(2015, 12, 31), "year"),
    ("a year ago", TUE, D(2016, 1, 1), D(2016, 12, 31), "year"),
    ("more than two years ago", TUE, D(2015, 1, 1), D(2015, 12, 31), "year"),
    ("a few years ago", TUE, D(2012, 1, 1), D(2015, 12, 31), "year"),
    ("two decades ago", TUE, D(1995, 1, 1), D(1999, 12, 31), "year"),
    ("the beginning of 2016", TUE, D(2016, 1, 1), D(2016, 3, 31), "year"),
    ("the start of the year", TUE, D(2017, 1, 1), D(2017, 3, 31), "year"),
    ("the end of last year", TUE, D(2016, 10, 1), D(2016, 12, 31), "year"),
    ("late last year", TUE, D(2016, 9, 1), D(2016, 12, 31), "year"),
    ("early next year", TUE, D(2018, 1, 1), D(2018, 4, 30), "year"),
    ("the middle of last year", TUE, D(2016, 5, 1), D(2016, 8, 31), "year"),
    ("mid 2015", TUE, D(2015, 5, 1), D(2015, 8, 31), "year"),
    ("early in 2015", TUE, D(2015, 1, 1), D(2015, 4, 30), "year"),
    ("the second half of 2016", TUE, D(2016, 7, 1), D(2016, 12, 31), "year"),
    ("the third quarter of 2016", TUE, D(2016, 7, 1), D(2016, 9, 30), "year"),
    ("Q3 2016", TUE, D(2016, 7, 1), D(2016, 9, 30), "year"),
    ("the last three months of 2016", TUE, D(2016, 10, 1), D(2016, 12, 31), "year"),
    ("the first months of 2016", TUE, D(2016, 1, 1), D(2016, 3, 31), "year"),
    ("the turn of the year", TUE, D(2016, 12, 1), D(2017, 1, 31), "year"),
    ("later this year", TUE, D(2017, 7, 12), D(2017, 12, 31), "year"),
    ("so far this year", TUE, D(2017, 1, 1), TUE, "year"),
    ("this year so far", TUE, D(2017, 1, 1), TUE, "year"),
    ("year-to-date", TUE, D(2017, 1, 1), TUE, "year"),
    ("the past year", TUE, D(2016, 7, 12), TUE, "year"),
    ("the past 12 months", TUE, D(2016, 7, 12), TUE, "year"),
    ("the past few years", TUE, D(2012, 7, 12), TUE, "year"),
    ("recent years", TUE, D(2012, 7, 12), TUE, "year"),
    ("for the past two decades", TUE, D(1997, 7, 12), TUE, "year"),
    ("over the last 10 years", TUE, D(2007, 7, 12), TUE, "year"),
    ("this time last year", TUE, D(2016, 7, 4), D(2016, 7, 18), "month"),
    # spans of years
    ("2014-15", TUE, D(2014, 1, 1), D(2015, 12, 31), "year"),
    ("2011-12", TUE, D(2011, 1, 1), D(2012, 12, 31), "year"),
    ("2014-2016", TUE, D(2014, 1, 1), D(2016, 12, 31), "year"),
    ("2014/15", TUE, D(2014, 1, 1), D(2015, 12, 31), "year"),
    ("2016-07", TUE, D(2016, 7, 1), D(2016, 7, 31), "month"),
    ("between 2014 and 2016", TUE, D(2014, 1, 1), D(2016, 12, 31), "year"),
    ("from 2003 to 2011", TUE, D(2003, 1, 1), D(2011, 12, 31), "year"),
    ("June to August 2016", TUE, D(2016, 6, 1), D(2016, 8, 31), "year"),
    ("June–August 2016", TUE, D(2016, 6, 1), D(2016, 8, 31), "year"),
    ("from December to February", TUE, D(2016, 12, 1), D(2017, 2, 28), "year"),
    ("December 2016 to February 2017", TUE, D(2016, 12, 1), D(2017, 2, 28), "year"),
    ("yesterday and today", TUE, MON, TUE, "week"),
    ("Monday and Tuesday", TUE, MON, TUE, "week"),
    ("today and tomorrow", TUE, TUE, D(2017, 7, 12), "week"),
    ("since 2011", TUE, D(2011, 1, 1), TUE, "year"),
    ("since March 2011", TUE, D(2011, 3, 1), TUE, "year"),
    ("since the start of the year", TUE, D(2017, 1, 1), TUE, "year"),
    ("since last week", TUE, D(2017, 7, 3), TUE, "month"),
    # decades and centuries
    ("the early 1990s", TUE, D(1990, 1, 1), D(1993, 12, 31), "year"),
    ("the mid-1980s", TUE, D(1984, 1, 1), D(1986, 12, 31), "year"),
    ("the late 1970s", TUE, D(1977, 1, 1), D(1979, 12, 31), "year"),
    ("the 2000s", TUE, D(2000, 1, 1), D(2009, 12, 31), "year"),
    ("the '90s", TUE, D(1990, 1, 1), D(1999, 12, 31), "year"),
    ("the 90s", TUE, D(1990, 1, 1), D(1999, 12, 31), "year"),
    ("the nineties", TUE, D(1990, 1, 1), D(1999, 12, 31), "year"),
    ("the 10s", TUE, D(2010, 1, 1), D(2019, 12, 31), "year"),
    ("this decade", TUE, D(2010, 1, 1), D(2019, 12, 31), "year"),
    ("the 20th century", TUE, D(1900, 1, 1), D(1999, 12, 31), "year"),
    # seasons
    ("summer 2014", TUE, D(2014, 6, 1), D(2014, 8, 31), "year"),
    ("the spring of 2011", TUE, D(2011, 3, 1), D(2011, 5, 31), "year"),
    ("the winter of 2014", TUE, D(2013, 12, 1), D(2014, 2, 28), "year"),
    ("last summer", TUE, D(2016, 6, 1), D(2016, 8, 31), "year"),
    ("this summer", TUE, D(2017, 6, 1), D(2017, 8, 31), "year"),
    ("last winter", TUE, D(2016, 12, 1), D(2017, 2, 28), "year"),
    ("last spring", TUE, D(2017, 3, 1), D(2017, 5, 31), "year"),
    ("the summer", TUE, D(2017, 6, 1), D(2017, 8, 31), "year"),
    ("autumn", TUE, D(2016, 9, 1), D(2016, 11, 30), "year"),
    ("late summer 2014", TUE, D(2014, 8, 1), D(2014, 8, 31), "month"),
    ("the fall of 2015", TUE, D(2015, 9, 1), D(2015, 11, 30), "year"),
    # holidays (Islamic dates by the tabular calendar)
    ("the holy month of Ramadan", TUE, D(2017, 5, 27), D(2017, 6, 25), "month"),
    ("Ramadan 2014", TUE, D(2014, 6, 29), D(2014, 7, 28), "month"),
    ("Eid al-Fitr", TUE, D(2017, 6, 26), D(2017, 6, 28), "week"),
    ("Eid al-Adha", TUE, D(2016, 9, 13), D(2016, 9, 16), "week"),  # observed from the 12th
    ("Eid", TUE, D(2017, 6, 26), D(2017, 6, 28), "week"),
    ("Christmas", TUE, D(2016, 12, 25), D(2016, 12, 25), "day"),
    ("Christmas Day 2015", TUE, D(2015, 12, 25), D(2015, 12, 25), "day"),
    ("New Year's Eve", TUE, D(2016, 12, 31), D(2016, 12, 31), "day"),
    ("New Year's Day", JAN1, JAN1, JAN1, "day"),
    ("Easter", TUE, D(2017, 4, 14), D(2017, 4, 17), "week"),
    ("Easter Sunday 2016", TUE, D(2016, 3, 27), D(2016, 3, 27), "day"),
    ("Nowruz", TUE, D(2017, 3, 20), D(2017, 3, 21), "week"),
    # publication at a year boundary
    ("last year", JAN1, D(2017, 1, 1), D(2017, 12, 31), "year"),
    ("December", JAN1, D(2017, 12, 1), D(2017, 12, 31), "month"),
    ("last month", JAN1, D(2017, 12, 1), D(2017, 12, 31), "month"),
    ("earlier this month", JAN1, JAN1, JAN1, "day"),
    ("last week", JAN1, D(2017, 12, 25), D(2017, 12, 31), "week"),
    ("a year ago", LEAP, D(2015, 1, 1), D(2015, 12, 31), "year"),
    ("the past year", LEAP, D(2015, 3, 2), LEAP, "year"),
    # fallback (dateparser)
    ("07/04/2016", TUE, D(2016, 7, 4), D(2016, 7, 4), "day"),
    ("25/12/2016", TUE, D(2016, 12, 25), D(2016, 12, 25), "day"),
    ("4.7.2016", TUE, D(2016, 7, 4), D(2016, 7, 4), "day"),
    ("Jul 4th 2016 at 10:00", TUE, D(2016, 7, 4), D(2016, 7, 4), "day"),
    ("a year and a half ago", TUE, D(2016, 1, 1), D(2016, 1, 31), "month"),
    ("two and a half years ago", TUE, D(2015, 1, 1), D(2015, 1, 31), "month"),
    # forms only dateparser knows
    ("2 weeks ago today", TUE, D(2017, 6, 27), D(2017, 6, 27), "day"),
    ("1 year, 2 months ago", TUE, D(2016, 5, 1), D(2016, 5, 31), "month"),
    ("Thu, 06 Jul 2017", TUE, D(2017, 7, 6), D(2017, 7, 6), "day"),
    ("2016 July 4", TUE, D(2016, 7, 4), D(2016, 7, 4), "day"),
]

# Absolute expressions resolve without a publication date.
ABSOLUTE = [
    "June 2014",
    "2014",
    "in 2016",
    "July 4, 2016",
    "4 July 2016",
    "2016-07-04",
    "the summer of 2014",
    "the 1990s",
    "1988",
    "the end of 2016",
    "early 2015",
    "mid-2017",
    "the first six months of 2016",
    "between 2014 and 2016",
    "June to August 2016",
    "Ramadan 2014",
    "07/04/2016",
    "the 90s",
]

RELATIVE = [
    "three years ago",
    "last year",
    "just days ago",
    "on Tuesday",
    "yesterday",
    "today",
    "this week",
    "last month",
    "earlier this month",
    "this year",
    "the first half of this year",
    "the past decade",
    "the last three years",
    "recent weeks",
    "the weekend",
    "Monday night",
    "June",
    "July 4",
    "the summer",
    "Ramadan",
    "since 2011",
    "the 10s",
    "the 4th",
    "a fortnight ago",
]

# Understood, and not a point in time: lengths, ages, frequencies, anaphora, open bounds, nonsense.
NOT_DATES = [
    "nine months",
    "two years",
    "several days",
    "a year",
    "the year",
    "the day",
    "days",
    "decades",
    "three weeks",
    "48 hours",
    "48-hour",
    "two-year",
    "a 25-year-old",
    "25-year-old",
    "25 years old",
    "two and a half years",
    "a year and a half",
    "1.5 years",
    "half a century",
    "more than three years",
    "nearly two decades",
    "the nine months",
    "year-long",
    "annual",
    "daily",
    "twice a week",
    "every year",
    "the next day",
    "The next day",
    "the following week",
    "the previous year",
    "the same day",
    "that day",
    "later that day",
    "two days later",
    "a week earlier",
    "days later",
    "three years on",
    "the day before",
    "the first three days",
    "at the time",
    "the past",
    "the future",
    "years ago",
    "decades ago",
    "before 2014",
    "until June",
    "by the end of the year",
    "10 a.m.",
    "midnight",
    "",
    "   ",
    "foo",
    "the war",
    "20%",
    "100",
    "1499742000",
    "2017-13-45",
    "February 30, 2016",
    "the 45th",
    "Q5 2016",
    "the year 0000",
    "2118",
    "24 2016",
    "Wednesday three",
    "Tuesdays",
    "Qalamoun",
]


@pytest.mark.parametrize(("text", "published", "start", "end", "precision"), CASES)
def test_resolves(resolver: DateResolver, text: str, published: date, start: date, end: date, precision: str) -> None:
    assert resolver.resolve(text, published) == DateRange(start, end, precision)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(resolver: DateResolver, text: str) -> None:
    assert resolver.resolve(text, TUE) is None


@pytest.mark.parametrize("text", ABSOLUTE)
def test_absolute_without_publication(resolver: DateResolver, text: str) -> None:
    assert resolver.resolve(text, None) == resolver.resolve(text, TUE)
    assert resolver.resolve(text, None) is not None


@pytest.mark.parametrize("text", RELATIVE)
def test_relative_without_publication(resolver: DateResolver, text: str) -> None:
    assert resolver.resolve(text, TUE) is not None
    assert resolver.resolve(text, None) is None


def test_a_datetime_counts_as_its_day(resolver: DateResolver) -> None:
    assert resolver.resolve("yesterday", datetime(2017, 7, 11, 23, 59)) == DateRange(MON, MON, "day")


def test_non_text_gives_none(resolver: DateResolver) -> None:
    assert resolver.resolve(None, TUE) is None  # type: ignore[arg-type]
    assert resolver.resolve(["June"], TUE) is None  # type: ignore[arg-type]


def test_answers_are_cached_per_text_and_date() -> None:
    resolver = DateResolver()
    first = resolver.resolve("last week", TUE)
    assert resolver.resolve("last week", TUE) is first
    assert resolver.resolve("last week", JAN1) != first
    resolver.cache_clear()
    assert resolver.resolve("last week", TUE) == first


def test_cache_is_bounded() -> None:
    resolver = DateResolver(cache_size=10)
    for year in range(1990, 2020):
        resolver.resolve(str(year), None)
    assert len(resolver._cache) <= 10


def test_dateparser_is_not_loaded_for_rule_answers() -> None:
    resolver = DateResolver()
    resolver.resolve("three years ago", TUE)
    resolver.resolve("nine months", TUE)
    assert resolver._fallback is None


def test_without_dateparser_unknown_forms_give_none() -> None:
    assert DateResolver(use_dateparser=False).resolve("2 weeks ago today", TUE) is None


def test_resolver_pickles_for_workers() -> None:
    resolver = DateResolver()
    resolver.resolve("2 weeks ago today", TUE)  # loads the fallback
    assert resolver._fallback is not None
    copy = pickle.loads(pickle.dumps(resolver))
    assert copy.resolve("2 weeks ago today", TUE) == resolver.resolve("2 weeks ago today", TUE)
    assert copy.resolve("2 weeks ago today", MON) == DateRange(date(2017, 6, 26), date(2017, 6, 26), "day")


_WORDS = (
    "the", "last", "past", "next", "early", "mid", "late", "end", "of", "first", "half", "2016", "1990s",
    "june", "tuesday", "week", "weekend", "month", "year", "years", "days", "ago", "since", "and", "to",
    "-", ",", "'s", "4", "31", "2-3", "a", "few", "several", "in", "on", "this", "that", "day", "night",
    "ramadan", "eid", "summer", "decade", "%", "10:30", "am", ".", "0", "9999", "between", "from",
    "until", "q3",
)  # fmt: skip


def test_random_word_salad_never_raises(resolver: DateResolver) -> None:
    chooser = random.Random(20170711)
    for _ in range(3000):
        text = " ".join(chooser.choice(_WORDS) for _ in range(chooser.randint(1, 7)))
        for published in (TUE, None):
            result = resolver.resolve(text, published)
            assert result is None or result.start <= result.end, text
