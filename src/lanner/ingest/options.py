"""What every reader is told: the date override and the size limit, and the byte budgets derived from it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from lanner.errors import Code, InputError

# HTML and feeds carry markup around the text, so their byte budget has a generous floor.
_MARKUP_FLOOR_BYTES = 32 * 2**20


@dataclass(frozen=True)
class ReadOptions:
    """Settings shared by the format readers for one `read_inputs` call."""

    published: date | None
    max_chars: int

    @property
    def text_bytes(self) -> int:
        """A plain-text file above this many bytes cannot decode to max_chars characters or fewer.

        UTF-8 spends at most 4 bytes on a character (UTF-32 exactly 4, plus a 4-byte BOM).
        """
        return 4 * self.max_chars + 4

    @property
    def markup_bytes(self) -> int:
        """The most bytes of HTML or feed XML read for one file."""
        return max(8 * self.max_chars, _MARKUP_FLOOR_BYTES)

    @property
    def text_limit(self) -> str:
        """The plain-text limit, stated for TOO_LARGE messages."""
        return f"articles are limited to {self.max_chars:,} characters (at most {self.text_bytes:,} bytes)"

    @property
    def markup_limit(self) -> str:
        """The HTML and feed limit, stated for TOO_LARGE messages."""
        return f"HTML and feed files are limited to {self.markup_bytes:,} bytes"

    @property
    def line_bytes(self) -> int:
        """The longest JSON Lines or CSV line read; JSON escapes can take 12 bytes per character."""
        return 12 * self.max_chars + 65536

    def length_error(self, text: str, origin: str) -> InputError | None:
        """TOO_LARGE when the article text is longer than max_chars; longer articles are refused, not cut."""
        if len(text) <= self.max_chars:
            return None
        return InputError(
            Code.TOO_LARGE,
            f"the article text is {len(text):,} characters; the limit is {self.max_chars:,}",
            origin=origin,
        )

    def date_or(self, found: date | None) -> date | None:
        """The date to record: the caller's override wins over whatever the input says."""
        return self.published if self.published is not None else found
