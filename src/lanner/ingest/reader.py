"""The read stage: paths (files, directories, "-" for stdin) in, Articles and per-item errors out."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import BinaryIO

from lanner.config import DEFAULT_MAX_CHARS
from lanner.errors import Code, InputError, LannerError
from lanner.ingest.feeds import read_feed
from lanner.ingest.formats import FORMATS, SNIFF_BYTES, format_for_path, sniff_format
from lanner.ingest.options import ReadOptions
from lanner.ingest.plaintext import read_text
from lanner.ingest.rows import read_csv, read_jsonl
from lanner.ingest.streams import replay
from lanner.ingest.webpage import read_html
from lanner.records import Article

STDIN_NAME = "<stdin>"

Reader = Callable[[BinaryIO, str, int | None, ReadOptions], Iterator[Article | InputError]]


def read_inputs(
    paths: Sequence[str | Path],
    *,
    input_format: str | None = None,
    published: date | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    stdin: BinaryIO | None = None,
) -> Iterator[Article | InputError]:
    """Articles from every input, in input order, with an InputError in place of each bad item.

    A bad file, line, row or feed item is yielded (not raised) as an InputError whose origin names
    it, so the caller can report it on one line and carry on. Usage errors are raised at once, before
    anything is read: an unknown `input_format` (UNKNOWN_FORMAT) or a `max_chars` below 1.

    `published`, when given, overrides any date the input carries. Directories are read recursively
    in sorted order, skipping hidden entries and files whose extension is no input type; "-" reads
    `stdin` (default: the process's standard input), sniffing its format unless `input_format` says.
    """
    if input_format is not None and input_format not in FORMATS:
        raise LannerError(
            Code.UNKNOWN_FORMAT,
            f"unknown input format {input_format!r}; choose one of {', '.join(FORMATS)}",
        )
    if max_chars < 1:
        raise LannerError(Code.BAD_ARGUMENT, f"max_chars must be at least 1, not {max_chars}")
    if isinstance(paths, str | Path):  # a lone path would otherwise be read character by character
        paths = [paths]
    options = ReadOptions(published=published, max_chars=max_chars)
    return _read_all(list(paths), input_format, options, stdin)


def _read_all(
    paths: list[str | Path], input_format: str | None, options: ReadOptions, stdin: BinaryIO | None
) -> Iterator[Article | InputError]:
    """The generator behind `read_inputs`, so usage errors are raised at the call and not at first use."""
    for given in paths:
        if str(given) == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _read_stream(stream, STDIN_NAME, input_format, None, options)
            continue
        path = Path(given)
        if path.is_dir():
            for found in _walk(path):
                if isinstance(found, InputError):
                    yield found
                else:
                    yield from _read_file(found, input_format, options)
        elif path.exists():
            yield from _read_file(path, input_format, options)
        else:
            yield InputError(Code.NOT_FOUND, "no such file or directory", origin=str(given))


def _walk(root: Path) -> Iterator[Path | InputError]:
    """Input files under `root`, depth first in name order (the order of sorting their paths).

    Hidden files and directories are skipped, and so are symbolic links to directories, which can loop.
    """
    try:
        entries = sorted(os.scandir(root), key=lambda entry: entry.name)
    except OSError as err:
        yield InputError(Code.READ_FAILED, f"cannot list the directory: {err.strerror}", origin=str(root))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = root / entry.name
        try:
            if entry.is_dir(follow_symlinks=False):
                yield from _walk(path)
            elif entry.is_file() and format_for_path(path) is not None:
                yield path
        except OSError as err:
            yield InputError(Code.READ_FAILED, f"cannot read: {err.strerror}", origin=str(path))


def _read_file(path: Path, input_format: str | None, options: ReadOptions) -> Iterator[Article | InputError]:
    """Open one file and read it; the stat size lets oversized text be refused unread."""
    origin = str(path)
    try:
        stream = path.open("rb")
    except OSError as err:
        yield InputError(Code.READ_FAILED, f"cannot open: {err.strerror}", origin=origin)
        return
    with stream:
        info = os.fstat(stream.fileno())
        size = info.st_size if stat.S_ISREG(info.st_mode) else None
        try:
            yield from _read_stream(stream, origin, input_format or format_for_path(path), size, options)
        except OSError as err:
            yield InputError(Code.READ_FAILED, f"reading failed: {err.strerror or err}", origin=origin)


def _read_stream(
    stream: BinaryIO, origin: str, input_format: str | None, size: int | None, options: ReadOptions
) -> Iterator[Article | InputError]:
    """Dispatch to the format's reader; with no format known, sniff the first bytes."""
    if input_format is None:
        head = stream.read(SNIFF_BYTES)
        input_format = sniff_format(head)
        stream = replay(head, stream)
    yield from _reader(input_format)(stream, origin, size, options)


def _reader(input_format: str) -> Reader:
    """The reader function for a format name (already checked against FORMATS)."""
    match input_format:
        case "html":
            return read_html
        case "feed":
            return read_feed
        case "jsonl":
            return read_jsonl
        case "csv":
            return read_csv
        case _:
            return read_text
