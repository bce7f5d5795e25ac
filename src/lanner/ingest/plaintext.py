"""Plain-text files: the article text is exactly the decoded file, because offsets index into it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from lanner.errors import InputError
from lanner.ingest.decoding import decode_bytes
from lanner.ingest.options import ReadOptions
from lanner.ingest.streams import read_budget
from lanner.records import Article


def read_text(stream: BinaryIO, origin: str, size: int | None, options: ReadOptions) -> Iterator[Article | InputError]:
    """One Article per file; \\r\\n and every other character kept as they are, only a BOM dropped."""
    try:
        text = decode_bytes(read_budget(stream, size, options.text_bytes, origin, options.text_limit), origin)
    except InputError as err:
        yield err
        return
    too_long = options.length_error(text, origin)
    if too_long is not None:
        yield too_long
        return
    yield Article(text=text, published=options.published, origin=origin)
