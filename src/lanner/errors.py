"""A catalogue of coded errors. The library raises these and never prints; only the CLI renders them.

Each code is stable, so scripts and the REST API can match on it; the message says what went wrong
and, where there is one, what to do about it.
"""

from __future__ import annotations

from enum import StrEnum


class Code(StrEnum):
    # reading input (E1xx)
    EMPTY_INPUT = "E101"
    BINARY_INPUT = "E102"
    UNDECODABLE = "E103"
    TOO_LARGE = "E104"
    NO_ARTICLE_TEXT = "E105"
    MALFORMED_FEED = "E106"
    BAD_RECORD = "E107"
    UNKNOWN_FORMAT = "E108"
    NOT_FOUND = "E109"
    BAD_DATE = "E110"
    READ_FAILED = "E111"
    # models and data (E2xx)
    MODEL_MISSING = "E201"
    BAD_DATA_FILE = "E202"
    GAZETTEER_BUILD = "E203"
    PIPELINE_INCOMPLETE = "E204"
    # storage (E3xx)
    DB_OPEN = "E301"
    DB_SCHEMA = "E302"
    # evaluation (E4xx)
    EVAL_DATA_MISSING = "E401"
    EVAL_UNKNOWN = "E402"
    # usage (E5xx)
    BAD_ARGUMENT = "E501"


class LannerError(Exception):
    """Base of every error Lanner raises on purpose."""

    def __init__(self, code: Code, message: str, *, origin: str | None = None) -> None:
        self.code = code
        self.message = message
        self.origin = origin  # the file, line or row the error is about, when there is one
        super().__init__(self.render())

    def render(self) -> str:
        where = f"{self.origin}: " if self.origin else ""
        return f"{where}{self.message} [{self.code.value}]"


class InputError(LannerError):
    """One input item (file, line, row, feed item) could not be read; the others still can."""


class DataError(LannerError):
    """A model, gazetteer or knowledge-base file is missing or malformed."""


class StoreError(LannerError):
    """The database could not be opened or migrated."""


class EvalError(LannerError):
    """An evaluation set is missing or unknown."""
