"""The calendar arithmetic under the rules: precision, recurring periods, Islamic and Easter dates."""

from __future__ import annotations

from datetime import date

import pytest

from lanner.time.calendar import (
    add_months,
    choose,
    easter,
    hijri_period,
    hijri_to_date,
    month_range,
    precision_of,
    span,
    week_of,
)
from lanner.time.rules import normalise, parse_count


@pytest.mark.parametrize(
    ("start", "end", "precision"),
    [
        (date(2017, 7, 11), date(2017, 7, 11), "day"),
        (date(2017, 7, 10), date(2017, 7, 16), "week"),
        (date(2017, 7, 10), date(2017, 7, 17), "month"),
        (date(2017, 2, 1), date(2017, 2, 28), "month"),
        (date(2017, 7, 1), date(2017, 7, 31), "month"),
        (date(2017, 7, 1), date(2017, 8, 1), "year"),
        (date(1990, 1, 1), date(1999, 12, 31), "year"),
    ],
)
def test_precision_is_the_smallest_unit_covering_the_range(start: date, end: date, precision: str) -> None:
    assert precision_of(start, end) == precision


def test_span_refuses_inverted_and_out_of_range() -> None:
    assert span(date(2017, 7, 11), date(2017, 7, 10)) is None
    assert span(date(999, 1, 1), date(999, 12, 31)) is None


def test_add_months_clamps_to_month_end() -> None:
    assert add_months(date(2017, 3, 31), -1) == date(2017, 2, 28)
    assert add_months(date(2017, 1, 15), -13) == date(2015, 12, 15)


def test_week_of_is_monday_to_sunday() -> None:
    assert week_of(date(2017, 7, 16)) == (date(2017, 7, 10), date(2017, 7, 16))


@pytest.mark.parametrize(
    ("choice", "expected"),
    [("bare", 2017), ("last", 2016), ("this", 2017), ("next", 2018)],
)
def test_choose_an_instance_of_july(choice: str, expected: int) -> None:
    published = date(2017, 7, 11)
    found = choose(lambda y: month_range(y, 7), published, choice)  # type: ignore[arg-type]
    assert found == month_range(expected, 7)


@pytest.mark.parametrize(
    ("hijri", "gregorian"),
    [
        ((1438, 9, 1), date(2017, 5, 27)),  # Ramadan 1438 began on 27 May 2017 (Saudi announcement)
        ((1435, 9, 1), date(2014, 6, 29)),  # 28 June 2014 observed: the tabular calendar is a day off
        ((1439, 1, 10), date(2017, 10, 1)),  # Ashura 1439
        ((1, 1, 1), date(622, 7, 19)),  # the epoch, 16 July 622 Julian
    ],
)
def test_tabular_islamic_calendar(hijri: tuple[int, int, int], gregorian: date) -> None:
    assert hijri_to_date(*hijri) == gregorian


def test_two_ramadans_in_one_gregorian_year_take_the_first() -> None:
    assert hijri_period(9, 1, None)(1997) == (date(1997, 1, 10), date(1997, 2, 8))


@pytest.mark.parametrize(
    ("year", "sunday"),
    [(2016, date(2016, 3, 27)), (2017, date(2017, 4, 16)), (2019, date(2019, 4, 21)), (2038, date(2038, 4, 25))],
)
def test_easter(year: int, sunday: date) -> None:
    assert easter(year) == sunday


@pytest.mark.parametrize(
    ("text", "count"),
    [("24", 24), ("nine", 9), ("twenty-five", 25), ("twenty five", 25), ("a couple of", 2), ("an", 1), ("x", None)],
)
def test_parse_count(text: str, count: int | None) -> None:
    assert parse_count(text) == count


@pytest.mark.parametrize(
    ("text", "normal"),
    [
        ("  On Tuesday, ", "tuesday"),
        ("Friday’s", "friday"),
        ("June–August 2016", "june-august 2016"),
        ("Sept. 4, 2016", "sept 4 2016"),
        ("10 a.m. Tuesday", "tuesday"),
        ("Tuesday at 1500 GMT", "tuesday"),
        ("in the past nine months", "the past nine months"),
        ("4.7.2016", "4.7.2016"),
    ],
)
def test_normalise(text: str, normal: str) -> None:
    assert normalise(text) == normal
