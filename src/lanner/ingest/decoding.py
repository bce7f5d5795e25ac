"""Bytes to text, and the checks that come before it.

Every offset downstream indexes into the string made here, so the text is never normalised: a
byte-order mark is the only thing dropped. Order of preference: a BOM, strict UTF-8, then a guess.
"""

from __future__ import annotations

import codecs
import re

from lanner.errors import Code, InputError

# UTF-32 LE comes before UTF-16 LE: its BOM starts with the same two bytes.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# C0 controls and DEL, less the ones text uses: tab, newline, vertical tab, form feed, return, escape.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_SAMPLE_SIZE = 65536
_MAX_CONTROL_SHARE = 0.1
# Charset guesses within this much "chaos" of the best one count as a tie; a tie goes to Windows-1252.
_CHAOS_TIE = 0.02


def detect_bom(data: bytes) -> tuple[str, int] | None:
    """The codec a byte-order mark announces and the mark's length, or None when there is no BOM."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec, len(bom)
    return None


def is_wide(codec: str) -> bool:
    """UTF-16 and UTF-32 text is full of NUL bytes and cannot be split into lines on b"\\n"."""
    return codec.startswith(("utf-16", "utf-32"))


def binary_reason(data: bytes) -> str | None:
    """Why `data` (with no UTF-16/32 BOM) looks like a binary file, or None when it looks like text."""
    if b"\x00" in data:
        return "it contains NUL bytes"
    sample = data[:_SAMPLE_SIZE]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return _control_share_reason(controls, len(sample))


def text_binary_reason(text: str) -> str | None:
    """The same test on already decoded text (UTF-16/32 input, where NUL bytes are normal)."""
    if "\x00" in text:
        return "it contains NUL characters"
    sample = text[:_SAMPLE_SIZE]
    return _control_share_reason(len(_CONTROL_CHARS.findall(sample)), len(sample))


def _control_share_reason(controls: int, total: int) -> str | None:
    """A reason when more than a tenth of the sample is control characters, which text never has."""
    if total and controls / total > _MAX_CONTROL_SHARE:
        return f"{controls * 100 // total}% of its first {total} bytes are control characters"
    return None


def decode_bytes(data: bytes, origin: str) -> str:
    """Decode a whole file. Raises InputError: EMPTY_INPUT, BINARY_INPUT or UNDECODABLE."""
    if not data:
        raise InputError(Code.EMPTY_INPUT, "the input is empty", origin=origin)
    bom = detect_bom(data)
    if bom is not None:
        codec, skip = bom
        try:
            text = data[skip:].decode(codec)
        except UnicodeDecodeError as err:
            raise InputError(
                Code.UNDECODABLE,
                f"it starts with a {codec} byte-order mark but is not valid {codec} (byte {err.start + skip})",
                origin=origin,
            ) from None
        reason = text_binary_reason(text) if is_wide(codec) else binary_reason(data[skip:])
    else:
        reason = binary_reason(data)
        text = "" if reason else decode_unmarked(data, origin)
    if reason:
        raise InputError(Code.BINARY_INPUT, f"this looks like a binary file, not text: {reason}", origin=origin)
    if not text.strip():
        raise InputError(Code.EMPTY_INPUT, "the input contains only whitespace", origin=origin)
    return text


def decode_unmarked(data: bytes, origin: str) -> str:
    """Decode bytes that carry no BOM: strict UTF-8 when it fits, else the guessed legacy charset."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    encoding = guess_encoding(data)
    if encoding is None:
        raise InputError(
            Code.UNDECODABLE,
            "the input is not UTF-8 and its character encoding could not be recognised; convert it to UTF-8",
            origin=origin,
        )
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        raise InputError(
            Code.UNDECODABLE, f"the input is not UTF-8 and does not decode as {encoding} either", origin=origin
        ) from None


def guess_encoding(data: bytes) -> str | None:
    """charset-normalizer's guess, except that Windows-1252 wins ties.

    On short Western text the detector often names a sibling code page (cp1250, even UTF-16) that
    reads the bytes no better; English news in a legacy charset is nearly always Windows-1252.
    """
    from charset_normalizer import from_bytes  # only needed for the rare non-UTF-8 input

    best = from_bytes(data).best()
    western = from_bytes(data, cp_isolation=["cp1252"]).best()
    if western is not None and (best is None or western.chaos <= best.chaos + _CHAOS_TIE):
        return "cp1252"
    return best.encoding if best is not None else None
