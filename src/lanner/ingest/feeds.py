"""RSS and Atom feeds: each item is an article; a bad item is reported and the others still read."""

from __future__ import annotations

import io
from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any, BinaryIO

from lanner.errors import Code, InputError
from lanner.ingest.dates import loose_date
from lanner.ingest.decoding import binary_reason, detect_bom, is_wide, text_binary_reason
from lanner.ingest.fragments import fragment_to_text
from lanner.ingest.options import ReadOptions
from lanner.ingest.streams import read_budget
from lanner.records import Article

_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")


def read_feed(stream: BinaryIO, origin: str, size: int | None, options: ReadOptions) -> Iterator[Article | InputError]:
    """One Article per item, origin "file:item N" (N from 1, in feed order)."""
    try:
        data = read_budget(stream, size, options.markup_bytes, origin, options.markup_limit)
        _check_bytes(data, origin)
    except InputError as err:
        yield err
        return
    import feedparser  # only feed input needs it

    # Bytes go in wrapped: feedparser treats a bare str or bytes that happen to name a URL or a file
    # as something to fetch or open.
    parsed = feedparser.parse(io.BytesIO(data))
    if not parsed.entries:
        if parsed.get("bozo") or not parsed.get("version"):
            problem = parsed.get("bozo_exception")
            detail = f": {problem}" if problem else ""
            yield InputError(Code.MALFORMED_FEED, f"not a readable RSS or Atom feed{detail}", origin=origin)
        else:
            yield InputError(Code.EMPTY_INPUT, "the feed has no items", origin=origin)
        return
    source = _inline_text(parsed.feed.get("title_detail"), parsed.feed.get("title"))
    for number, entry in enumerate(parsed.entries, start=1):
        yield _entry_article(entry, f"{origin}:item {number}", source, options)


def _check_bytes(data: bytes, origin: str) -> None:
    """EMPTY_INPUT or BINARY_INPUT before the XML parser sees the bytes (feedparser decodes them itself)."""
    bom = detect_bom(data)
    if bom is not None and is_wide(bom[0]):
        body = data[bom[1] :].decode(bom[0], errors="ignore")
        reason = text_binary_reason(body)
        empty = not body.strip()
    else:
        body_bytes = data[bom[1] :] if bom else data
        reason = binary_reason(body_bytes)
        empty = not body_bytes.strip()
    if empty:
        raise InputError(Code.EMPTY_INPUT, "the input is empty", origin=origin)
    if reason:
        raise InputError(Code.BINARY_INPUT, f"this looks like a binary file, not text: {reason}", origin=origin)


def _entry_article(
    entry: Mapping[str, Any], origin: str, source: str | None, options: ReadOptions
) -> Article | InputError:
    """One item as an Article, or the InputError that names the item."""
    text = _entry_text(entry)
    if not text:
        return InputError(Code.NO_ARTICLE_TEXT, "the item has no text (no content and no summary)", origin=origin)
    too_long = options.length_error(text, origin)
    if too_long is not None:
        return too_long
    return Article(
        text=text,
        title=_inline_text(entry.get("title_detail"), entry.get("title")),
        url=entry.get("link") or None,
        published=options.date_or(_entry_date(entry)),
        source=source,
        input_id=entry.get("id") or None,
        origin=origin,
        text_is_extracted=True,
    )


def _entry_text(entry: Mapping[str, Any]) -> str:
    """The full content when the feed has it, else the summary; HTML turned into plain text."""
    for detail in [*entry.get("content", []), entry.get("summary_detail")]:
        if detail and (detail.get("value") or "").strip():
            return _detail_text(detail)
    return ""


def _detail_text(detail: Mapping[str, Any]) -> str:
    """Plain text from a feedparser text construct: HTML converted, plain text only trimmed."""
    value: str = detail.get("value") or ""
    if (detail.get("type") or "").lower() in _HTML_TYPES:
        return fragment_to_text(value)
    return value.strip()


def _inline_text(detail: Mapping[str, Any] | None, value: str | None) -> str | None:
    """A title on one line: markup removed when the feed says it is HTML, whitespace collapsed."""
    if detail:
        value = _detail_text(detail)
    text = " ".join((value or "").split())
    return text or None


def _entry_date(entry: Mapping[str, Any]) -> date | None:
    """The item's date as the feed wrote it, in the feed's own offset.

    feedparser's *_parsed fields are converted to UTC, which moves an item published at 01:00 in
    Baghdad to the day before; the raw string is read first and the parsed tuple is the fallback.
    """
    for raw_key, parsed_key in (("published", "published_parsed"), ("updated", "updated_parsed")):
        raw = entry.get(raw_key)
        found = loose_date(raw) if isinstance(raw, str) and raw.strip() else None
        if found is not None:
            return found
        parsed = entry.get(parsed_key)
        if parsed:
            return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None
