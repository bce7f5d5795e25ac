"""Which reader a file gets: by extension, or for stdin and unknown extensions by a look at its head."""

from __future__ import annotations

import re
from pathlib import Path
from types import MappingProxyType

from lanner.ingest.decoding import detect_bom

FORMATS: tuple[str, ...] = ("text", "html", "feed", "jsonl", "csv")

_BY_EXTENSION = MappingProxyType(
    {
        "": "text",
        ".txt": "text",
        ".text": "text",
        ".md": "text",
        ".html": "html",
        ".htm": "html",
        ".xml": "feed",
        ".rss": "feed",
        ".atom": "feed",
        ".jsonl": "jsonl",
        ".ndjson": "jsonl",
        ".csv": "csv",
    }
)
_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:rdf)\b")
SNIFF_BYTES = 4096


def format_for_path(path: Path) -> str | None:
    """The format a file's extension names (no extension: text), or None for an unknown extension."""
    return _BY_EXTENSION.get(path.suffix.lower())


def sniff_format(head: bytes) -> str:
    """Guess the format from the first bytes: JSON object → jsonl, RSS/Atom → feed, HTML → html, else text.

    CSV cannot be told from text by a glance; it needs a .csv name or an explicit format.
    """
    bom = detect_bom(head)
    start = head[bom[1] :].decode(bom[0], errors="ignore") if bom else head.decode("utf-8", errors="ignore")
    start = start.lstrip().lower()
    if start.startswith("{"):
        return "jsonl"
    if not start.startswith("<"):
        return "text"
    if start.startswith(("<!doctype html", "<html")):
        return "html"
    if _FEED_ROOT.search(start):
        return "feed"
    if "<html" in start:
        return "html"
    return "feed" if start.startswith("<?xml") else "text"
