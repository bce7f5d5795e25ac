"""The library functions the CLI wraps: extract articles, ingest them into a store, open a store.

They never print. Bad input items are handed to an `on_error` callback and skipped; progress is
reported through an `on_progress` callback, so any front end (CLI, web, notebook) can show it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from pathlib import Path

from lanner.config import Config
from lanner.errors import InputError
from lanner.ingest import read_inputs
from lanner.pipeline import Pipeline
from lanner.records import Analysis, Article
from lanner.store import Store

# Articles read ahead to ask the store which are already stored, in one query (as many as a Dask partition).
FRESH_LOOKUP_BATCH = 64

ErrorHandler = Callable[[InputError], None]


@dataclass
class IngestSummary:
    articles_read: int = 0
    articles_processed: int = 0
    articles_skipped: int = 0  # already stored (same text), not processed again
    events_stored: int = 0
    errors: list[InputError] = field(default_factory=list)


def _articles_only(items: Iterable[Article | InputError], on_error: ErrorHandler) -> Iterator[Article]:
    for item in items:
        if isinstance(item, InputError):
            on_error(item)
        else:
            yield item


def fresh_articles(
    items: Iterable[Article | InputError],
    store: Store,
    summary: IngestSummary,
    *,
    reprocess: bool,
    on_error: ErrorHandler,
    on_progress: Callable[[IngestSummary], None],
) -> Iterator[Article]:
    """The articles an ingest must analyse: bad items reported, repeats within the run and texts already
    stored (unless `reprocess`) skipped, all counted in `summary`. The in-process and the Dask paths share it.

    The store is asked about a batch of articles at once (one query, not one per article)."""
    seen: set[str] = set()
    iterator = iter(items)
    while batch := list(islice(iterator, FRESH_LOOKUP_BATCH)):
        ids = [item.id for item in batch if not isinstance(item, InputError)]
        stored = set() if reprocess or not ids else store.stored_documents(ids)
        for item in batch:
            if isinstance(item, InputError):
                summary.errors.append(item)
                on_error(item)
                continue
            summary.articles_read += 1
            key = item.id
            if key in seen or key in stored:
                summary.articles_skipped += 1
                on_progress(summary)
                continue
            seen.add(key)
            yield item


def extract(
    paths: Sequence[str | Path],
    *,
    pipeline: Pipeline,
    published: date | None = None,
    input_format: str | None = None,
    config: Config | None = None,
    on_error: ErrorHandler = lambda error: None,
) -> Iterator[Analysis]:
    """Analyse every article found in `paths`, in input order."""
    config = config or Config()
    items = read_inputs(paths, input_format=input_format, published=published, max_chars=config.max_chars)
    yield from pipeline.pipe(_articles_only(items, on_error))


def extract_text(text: str, *, pipeline: Pipeline, published: date | None = None, title: str | None = None) -> Analysis:
    """Analyse one article given as a string."""
    return pipeline(Article(text=text, published=published, title=title))


def ingest(
    paths: Sequence[str | Path],
    store: Store,
    *,
    pipeline: Pipeline,
    published: date | None = None,
    input_format: str | None = None,
    config: Config | None = None,
    reprocess: bool = False,
    pipeline_name: str = "",
    on_error: ErrorHandler = lambda error: None,
    on_progress: Callable[[IngestSummary], None] = lambda summary: None,
) -> IngestSummary:
    """Run the pipeline over `paths` and store each article in its own transaction.

    Articles whose text is already stored are skipped unless `reprocess`, which makes a rerun after an
    interruption finish the work without repeating it.
    """
    config = config or Config()
    summary = IngestSummary()

    items = read_inputs(paths, input_format=input_format, published=published, max_chars=config.max_chars)
    articles = fresh_articles(items, store, summary, reprocess=reprocess, on_error=on_error, on_progress=on_progress)
    for analysis in pipeline.pipe(articles):
        summary.events_stored += store.write(analysis, pipeline_name=pipeline_name)
        summary.articles_processed += 1
        on_progress(summary)
    return summary
