"""Publication dates given as text: the --published flag and the `published` field of records."""

from __future__ import annotations

from datetime import date, datetime
from email.utils import parsedate_to_datetime

from lanner.errors import Code, InputError


def parse_date(value: str) -> date:
    """YYYY-MM-DD or an ISO 8601 date-time, as a date. Raises InputError(Code.BAD_DATE).

    A date-time keeps the calendar day of its own offset: "2024-03-04T01:00+03:00" is 4 March, the
    day the publisher's readers saw, not the UTC day.
    """
    return parse_date_at(value, origin=None)


def parse_date_at(value: str, *, origin: str | None) -> date:
    """`parse_date`, with the input location the error should name."""
    text = value.strip() if isinstance(value, str) else ""
    if text:
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
        try:
            return datetime.fromisoformat(text).date()
        except ValueError:
            pass
    raise InputError(
        Code.BAD_DATE,
        f"not a date: {value!r}; expected YYYY-MM-DD or an ISO 8601 date-time such as 2024-03-04T10:30:00Z",
        origin=origin,
    )


def loose_date(value: str) -> date | None:
    """A date as feeds write them (RFC 822 or ISO 8601), in the writer's own offset; None if unreadable."""
    try:
        return parse_date_at(value, origin=None)
    except InputError:
        pass
    try:
        return parsedate_to_datetime(value.strip()).date()
    except (TypeError, ValueError, IndexError):
        return None
