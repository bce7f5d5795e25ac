"""One partition of a distributed run: analyse its articles on a worker, and carry the results as Parquet.

A partition file holds one row per article: the document id and the rows the store will write for it
(`lanner.store.article_rows`, as JSON), built on the worker, so the single writer only runs SQL. Files are
written under a temporary name and renamed, so a reader never sees half a file, and a task that Dask
runs twice simply writes the same file again.
"""

from __future__ import annotations

import os
import sys
import time
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import orjson
import pyarrow as pa
import pyarrow.parquet as pq

from lanner import __version__
from lanner.errors import ClusterError, Code
from lanner.records import Analysis, Article

if TYPE_CHECKING:
    from lanner.store import ArticleRows

PIPELINE_KEY = b"lanner.pipeline"
# rows: the store rows as JSON (orjson: the single writer decodes every partition, and orjson is several times faster)
SCHEMA = pa.schema([("document_id", pa.string()), ("events", pa.int32()), ("rows", pa.binary())])


@dataclass(frozen=True)
class PartitionResult:
    """What a worker reports back for one partition; the analyses themselves are in the file at `path`."""

    index: int
    path: str
    articles: int
    events: int
    seconds: float
    cpu_seconds: float  # CPU time of the task's thread: less sensitive than `seconds` to a busy machine
    words: int
    pipeline_name: str
    worker: str
    peak_rss_bytes: int


def peak_rss_bytes() -> int:
    """This process's peak resident set size so far (0 where the platform cannot tell)."""
    try:
        import resource
    except ImportError:  # Windows
        return 0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


def write_partition(path: Path, analyses: Iterable[Analysis], pipeline_name: str) -> tuple[int, int]:
    """Write the store rows of each analysis to `path` atomically (temporary name, then rename); returns
    (articles, events)."""
    from lanner.store import article_rows

    ids: list[str] = []
    events: list[int] = []
    payloads: list[bytes] = []
    for analysis in analyses:
        ids.append(analysis.article.id)
        events.append(len(analysis.events))
        # vars(), not dataclasses.asdict: asdict deep-copies every row first, which cost more than the JSON
        payloads.append(orjson.dumps(vars(article_rows(analysis, pipeline_name))))
    table = pa.Table.from_arrays(
        [pa.array(ids, pa.string()), pa.array(events, pa.int32()), pa.array(payloads, pa.binary())],
        schema=SCHEMA.with_metadata({PIPELINE_KEY: pipeline_name.encode()}),
    )
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    pq.write_table(table, temporary)  # snappy: cheaper to write than zstd, and the files are short-lived
    os.replace(temporary, path)
    return len(ids), sum(events)


def read_partition(path: Path) -> tuple[str, Iterator[ArticleRows]]:
    """The pipeline name recorded in a partition file, and its articles' store rows in the order written."""
    from lanner.store import ArticleRows

    try:
        # ParquetFile, not read_table: read_table goes through pyarrow.dataset, whose first use imports pandas,
        # about a second of the single writer's CPU in every run
        with pq.ParquetFile(path) as parquet:  # closed at once: the merge removes the file next
            table = parquet.read()
    except (OSError, pa.ArrowInvalid) as error:
        raise ClusterError(Code.PARTITION_FAILED, f"cannot read partition file {path}: {error}") from error
    metadata = table.schema.metadata or {}
    name = metadata.get(PIPELINE_KEY, b"").decode()
    payloads = table.column("rows").to_pylist()
    return name, (ArticleRows(**orjson.loads(payload)) for payload in payloads)


def analyse_partition(articles: list[Article], index: int, path: str, plugin: str) -> PartitionResult:
    """The Dask task: run the worker's pipeline over one partition and write the results to `path`."""
    from distributed import get_worker

    worker = get_worker()
    pipeline = worker.plugins[plugin].pipeline  # type: ignore[attr-defined]
    if pipeline is None:
        raise ClusterError(Code.PARTITION_FAILED, f"worker {worker.address} has no pipeline (plugin {plugin})")
    pipeline_name = f"lanner-{__version__}/{pipeline.stage('nlp').model_name}"
    started, cpu = time.perf_counter(), time.thread_time()
    count, events = write_partition(Path(path), pipeline.pipe(articles), pipeline_name)
    return PartitionResult(
        index=index,
        path=path,
        articles=count,
        events=events,
        seconds=time.perf_counter() - started,
        cpu_seconds=time.thread_time() - cpu,
        words=sum(len(article.text.split()) for article in articles),
        pipeline_name=pipeline_name,
        worker=worker.address,
        peak_rss_bytes=peak_rss_bytes(),
    )
