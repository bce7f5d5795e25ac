"""Reading bytes with a budget, and lines one at a time, so no input is held whole unless it must be."""

from __future__ import annotations

import io
from typing import BinaryIO

from lanner.errors import Code, InputError
from lanner.ingest.decoding import binary_reason, detect_bom, guess_encoding, is_wide, text_binary_reason

_HEAD_BYTES = 65536
_SKIP_CHUNK = 1 << 20


class BadItem(Exception):
    """One line, row or field could not be read; the caller names where and goes on with the next."""

    def __init__(self, code: Code, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    def at(self, origin: str) -> InputError:
        """This problem as the InputError for one located item."""
        return InputError(self.code, self.message, origin=origin)


class _Replay(io.RawIOBase):
    """Serves bytes already taken from a stream (to sniff it) and then the rest of that stream."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        super().__init__()
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview | bytearray) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        chunk = self._rest.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)


def replay(head: bytes, rest: BinaryIO) -> BinaryIO:
    """A stream that reads `head` again before the rest; closing it leaves `rest` open."""
    return io.BufferedReader(_Replay(head, rest))


def read_budget(stream: BinaryIO, size: int | None, limit: int, origin: str, why: str) -> bytes:
    """All of the stream, or TOO_LARGE without reading more than `limit` + 1 bytes.

    `size` is the file size when known (from stat): a file that is certainly too large is refused
    before a single byte is read. `why` states the limit for the message.
    """
    if size is not None and size > limit:
        raise InputError(Code.TOO_LARGE, f"the file is {size:,} bytes; {why}", origin=origin)
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputError(Code.TOO_LARGE, f"the input is more than {limit:,} bytes; {why}", origin=origin)
    return data


class LineSource:
    """The decoded lines of a stream, line endings kept, read one at a time.

    Iterating raises BadItem for a line that is too long or cannot be decoded, and can be resumed
    afterwards, so `csv.reader` and the JSON Lines reader report that line and carry on.
    `line_no` is the 1-based number of the line last read.
    """

    def __init__(self, stream: BinaryIO, origin: str, max_line_bytes: int) -> None:
        """Reads the head to find a BOM and reject binary files. Raises InputError(BINARY_INPUT)."""
        head = stream.read(_HEAD_BYTES)
        self.line_no = 0
        self._cap = max_line_bytes
        self._sample = b""
        self._fallback: str | None = None
        self._text: io.TextIOWrapper | None = None
        self._bytes: BinaryIO | None = None
        bom = detect_bom(head)
        skip = bom[1] if bom else 0
        if bom is not None and is_wide(bom[0]):
            reason = text_binary_reason(head[skip:].decode(bom[0], errors="ignore"))
            self._text = io.TextIOWrapper(replay(head[skip:], stream), encoding=bom[0], newline="")
        else:
            reason = binary_reason(head[skip:])
            self._sample = head[skip:]
            self._bytes = replay(head[skip:], stream)
        if reason:
            raise InputError(Code.BINARY_INPUT, f"this looks like a binary file, not text: {reason}", origin=origin)

    def __iter__(self) -> LineSource:
        return self

    def __next__(self) -> str:
        if self._text is not None:
            return self._next_wide(self._text)
        if self._bytes is None:
            raise StopIteration
        raw = self._bytes.readline(self._cap + 1)
        if not raw:
            raise StopIteration
        self.line_no += 1
        if len(raw) > self._cap and not raw.endswith(b"\n"):
            self._skip_line(self._bytes)
            raise BadItem(Code.TOO_LARGE, f"the line is longer than {self._cap:,} bytes, the size limit")
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            return self._decode_legacy(raw)

    def _next_wide(self, text: io.TextIOWrapper) -> str:
        """The next line of UTF-16/32 input, decoded by a text wrapper (it cannot be split on bytes)."""
        try:
            line = text.readline(self._cap + 1)
        except UnicodeDecodeError as err:
            self._text = None  # the decoder cannot resynchronise: stop here
            self.line_no += 1
            raise BadItem(Code.UNDECODABLE, f"invalid {err.encoding} data; stopped reading this file") from None
        if not line:
            raise StopIteration
        self.line_no += 1
        if len(line) > self._cap and not line.endswith(("\n", "\r")):
            while (more := text.readline(_SKIP_CHUNK)) and not more.endswith(("\n", "\r")):
                pass
            raise BadItem(Code.TOO_LARGE, f"the line is longer than {self._cap:,} characters, the size limit")
        return line

    @staticmethod
    def _skip_line(stream: BinaryIO) -> None:
        """Discard the rest of an overlong line without holding it."""
        while (more := stream.readline(_SKIP_CHUNK)) and not more.endswith(b"\n"):
            pass

    def _decode_legacy(self, raw: bytes) -> str:
        """A line that is not UTF-8: decode it with the charset guessed (once) from the file's head."""
        if self._fallback is None:
            self._fallback = guess_encoding(self._sample + raw) or ""
        try:
            if self._fallback:
                return raw.decode(self._fallback)
        except UnicodeDecodeError:
            pass
        raise BadItem(Code.UNDECODABLE, "the line is not UTF-8 and its character encoding could not be recognised")
