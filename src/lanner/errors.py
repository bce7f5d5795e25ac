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
    DB_WRITE = "E303"
    # evaluation (E4xx)
    EVAL_DATA_MISSING = "E401"
    EVAL_UNKNOWN = "E402"
    # usage (E5xx)
    BAD_ARGUMENT = "E501"
    # web UI and REST API requests (E6xx)
    SERVER_FAILED = "E600"
    UNKNOWN_PARAMETER = "E601"
    BAD_PARAMETER = "E602"
    PAGE_PAST_END = "E603"
    LIMIT_EXCEEDED = "E604"
    RECORD_NOT_FOUND = "E605"
    WRITES_DISABLED = "E606"
    BAD_TOKEN = "E607"
    CROSS_SITE = "E608"
    # distributed runs on Dask (E7xx)
    CLUSTER_UNREACHABLE = "E701"
    PARTITION_FAILED = "E702"
    # fetching feeds and pages from the web (E8xx)
    URL_REFUSED = "E801"
    FETCH_FAILED = "E802"
    FETCH_TOO_LARGE = "E803"
    FETCH_TIMEOUT = "E804"
    UNEXPECTED_CONTENT = "E805"
    TOO_MANY_REDIRECTS = "E806"
    PARSE_TIMEOUT = "E807"


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

    def __reduce__(self) -> tuple[object, ...]:
        """Pickle by code and message, so an error raised on a Dask worker arrives whole at the client."""
        return (_rebuild_error, (type(self), self.code, self.message, self.origin))


class InputError(LannerError):
    """One input item (file, line, row, feed item) could not be read; the others still can."""


class DataError(LannerError):
    """A model, gazetteer or knowledge-base file is missing or malformed."""


class StoreError(LannerError):
    """The database could not be opened, migrated or written."""


class EvalError(LannerError):
    """An evaluation set is missing or unknown."""


class ClusterError(LannerError):
    """A Dask scheduler could not be reached, or a partition of a distributed run failed."""


class RequestError(LannerError):
    """A web or API request asked for something malformed, missing, too costly or not allowed."""


def _rebuild_error(kind: type[LannerError], code: Code, message: str, origin: str | None) -> LannerError:
    return kind(code, message, origin=origin)
