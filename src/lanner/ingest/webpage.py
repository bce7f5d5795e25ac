"""Saved web pages: trafilatura finds the article among the navigation, adverts and footers."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any, BinaryIO

from lanner.errors import Code, InputError
from lanner.ingest.decoding import decode_bytes
from lanner.ingest.options import ReadOptions
from lanner.ingest.streams import read_budget
from lanner.records import Article

_SENTENCE = re.compile(r"\w[.!?…][\"'”’)]*(?:\s|$)")
_MIN_SENTENCE_WORDS = 4


def read_html(stream: BinaryIO, origin: str, size: int | None, options: ReadOptions) -> Iterator[Article | InputError]:
    """One Article per page, its text the extracted main text (which the output then carries)."""
    try:
        page = decode_bytes(read_budget(stream, size, options.markup_bytes, origin, options.markup_limit), origin)
    except InputError as err:
        yield err
        return
    document = _extract(page)
    text = (getattr(document, "text", None) or "").strip()
    if not _has_sentence(text):
        yield InputError(
            Code.NO_ARTICLE_TEXT, "no article text found in the page (only navigation or boilerplate)", origin=origin
        )
        return
    too_long = options.length_error(text, origin)
    if too_long is not None:
        yield too_long
        return
    yield Article(
        text=text,
        title=_clean(getattr(document, "title", None)),
        url=_clean(getattr(document, "url", None)),
        published=options.date_or(_page_date(getattr(document, "date", None))),
        source=_clean(getattr(document, "sitename", None)),
        origin=origin,
        text_is_extracted=True,
    )


def _extract(page: str) -> Any:
    """trafilatura's Document for the page, or None.

    Dates come from the page's metadata and markup only: the extensive search would also take dates
    from the running text, which in conflict news are usually the dates of events, not of publication.
    """
    import trafilatura  # heavy; only HTML input needs it

    return trafilatura.bare_extraction(
        page,
        with_metadata=True,
        include_comments=False,
        include_images=False,
        include_links=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )


def _has_sentence(text: str) -> bool:
    """Whether the extracted text holds at least one sentence of four or more words.

    On a page with no article trafilatura falls back to whatever text there is, such as the menu
    ("Home World Sport"); that is not an article, and analysing it would only make noise.
    """
    return any(_SENTENCE.search(line) and len(line.split()) >= _MIN_SENTENCE_WORDS for line in text.splitlines())


def _page_date(value: object) -> date | None:
    """trafilatura's date string (YYYY-MM-DD) as a date; anything else counts as none."""
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _clean(value: object) -> str | None:
    """Metadata on one line; empty counts as absent."""
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None
