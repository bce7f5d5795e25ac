"""Drive a distributed ingest: read and partition on the client, analyse on Dask workers, merge with one writer.

The client reads the inputs (bad items go to `on_error`, as in `lanner.api.ingest`), skips articles
whose text is already stored unless `reprocess`, and keeps a bounded number of partitions in flight.
Finished partitions' Parquet files are merged into the store by this process alone, a few partitions
per transaction (each article all or nothing) through the store's upserts: a partition Dask ran twice,
or a run killed and started again, never duplicates a row.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from lanner.api import ErrorHandler, IngestSummary, fresh_articles
from lanner.config import Config
from lanner.errors import ClusterError, Code, LannerError
from lanner.ingest import read_inputs
from lanner.records import Article
from lanner.scale.partitions import PartitionResult, analyse_partition, read_partition
from lanner.scale.plugin import register_pipeline
from lanner.scale.rundirs import new_run_dir, remove_stale_runs

if TYPE_CHECKING:
    from distributed import Client, Future, LocalCluster

    from lanner.store import Store

DEFAULT_PARTITION_SIZE = 64
# Finished partitions wait to be merged until there are MERGE_PARTITIONS of them, or MERGE_ARTICLES articles, or
# nothing else in flight; then they are written MERGE_ARTICLES articles per transaction. Measured on 12,800
# articles, the writer spent 2.27 ms of CPU per article with a transaction per default partition (64 articles)
# and 1.96 with 256: an index page that several partitions touch goes to the WAL once, not once each. A run
# killed in between re-analyses at most these partitions.
MERGE_PARTITIONS = 4
MERGE_ARTICLES = 256
# Dask's own monitoring, turned down for the clusters Lanner starts. The statistical profiler samples each
# worker's task thread every 10 ms and the system monitor polls the host; every server (scheduler, nannies,
# workers) ticks its event loop every 20 ms, nannies and workers poll their memory every 100 ms, and the
# cluster refreshes its views every 0.5-2 s. Measured on an idle 2-worker cluster (all processes), that
# took 69 ms of CPU a second (7% of a core, taken from the analysis on a 2-core machine); with these
# settings 18 ms. The dashboard that would show the profiles is not started anyway.
QUIET_MONITORING = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.system-monitor.gil.enabled": False,
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.admin.tick.interval": "500ms",  # only detects a blocked event loop; 0.5 s still does
    "distributed.worker.memory.monitor-interval": "1s",  # memory limits enforced within a second, not 0.1 s
    "distributed.deploy.cluster-repr-interval": "10s",
    "distributed.scheduler.active-memory-manager.interval": "10s",  # tasks here return small results
}


@dataclass
class DistributedSummary(IngestSummary):
    """An ingest summary plus what each partition's worker reported (time, words, peak memory)."""

    partitions: list[PartitionResult] = field(default_factory=list)
    stale_runs_removed: list[Path] = field(default_factory=list)  # run folders of killed runs cleaned at the start


@contextmanager
def dask_client(*, workers: int | None = None, scheduler: str | None = None, timeout: float = 30) -> Iterator[Client]:
    """A client to the scheduler at `scheduler` (waiting up to `timeout` seconds for it), or to a local
    cluster of `workers` processes with one thread each."""
    from distributed import Client

    if workers and scheduler:
        raise ClusterError(
            Code.BAD_ARGUMENT, "a local cluster size and a scheduler address were both given; choose one"
        )
    if scheduler:
        try:
            client = Client(scheduler, timeout=f"{timeout}s")
        except (OSError, TimeoutError) as error:
            message = f"cannot reach the Dask scheduler {scheduler}: {error}"
            raise ClusterError(Code.CLUSTER_UNREACHABLE, message) from error
        try:
            yield client
        finally:
            client.close()
        return
    with local_cluster(workers or 1) as cluster, Client(cluster) as client:
        yield client


def local_cluster(workers: int) -> LocalCluster:
    """A cluster of `workers` processes on this machine, one thread each, no dashboard, quiet logs.

    Dask's nannies start workers with MALLOC_TRIM_THRESHOLD_=65536, which makes the allocation-heavy
    spaCy pipeline about 10% slower; our workers keep the C library's own (adaptive) setting instead.
    """
    import dask
    from distributed import LocalCluster

    environ = dict(dask.config.get("distributed.nanny.pre-spawn-environ"))
    environ["MALLOC_TRIM_THRESHOLD_"] = None
    settings = {
        "distributed.nanny.pre-spawn-environ": environ,
        **QUIET_MONITORING,
    }
    with dask.config.set(settings):
        return LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )


def _partitions(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while batch := list(islice(iterator, size)):
        yield batch


def ingest_distributed(
    paths: Sequence[str | Path],
    store: Store,
    *,
    client: Client,
    config: Config | None = None,
    published: date | None = None,
    input_format: str | None = None,
    reprocess: bool = False,
    pipeline_name: str | None = None,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    run_dir: str | Path | None = None,
    on_error: ErrorHandler = lambda error: None,
    on_progress: Callable[[IngestSummary], None] = lambda summary: None,
) -> DistributedSummary:
    """Ingest `paths` on the Dask cluster behind `client`; the store ends as `lanner.api.ingest` leaves it.

    `run_dir` is where workers write partition files (a fresh subfolder per run, removed when the run
    ends, well or with an error): it must be reachable by the workers and this process under the same
    path, which a local cluster always is and a remote one is on a shared file system. Folders that
    killed runs left there are removed first (`lanner.scale.rundirs`). `pipeline_name` defaults to
    the name the workers report (lanner version and spaCy model).

    The number of partitions in flight follows the cluster's size as it changes (two per worker, plus
    one), so workers that join after the start (batch jobs still queued) are put to work.
    """
    config = config or Config()
    summary = DistributedSummary()
    if partition_size < 1:
        raise ClusterError(Code.BAD_ARGUMENT, f"partition size must be at least 1, not {partition_size}")
    plugin = register_pipeline(client, config)
    parent = Path(run_dir) if run_dir else Path(tempfile.gettempdir())
    summary.stale_runs_removed = remove_stale_runs(parent)
    run = new_run_dir(parent)

    items = read_inputs(paths, input_format=input_format, published=published, max_chars=config.max_chars)
    articles = fresh_articles(items, store, summary, reprocess=reprocess, on_error=on_error, on_progress=on_progress)
    partitions = _partitions(articles, partition_size)
    submitted: list[Future] = []

    from distributed import as_completed

    pending = as_completed()

    def submit(batch: list[Article]) -> None:
        index = len(submitted)
        path = str(run / f"part-{index:06d}.parquet")
        future = client.submit(
            analyse_partition, batch, index, path, plugin, key=f"lanner-{run.name}-{index}", pure=False
        )
        submitted.append(future)
        pending.add(future)

    def top_up() -> None:
        """Keep two partitions per worker (plus one) in flight, counting the workers there are now."""
        target = 2 * _worker_count(client) + 1
        while pending.count() < target and (batch := next(partitions, None)) is not None:
            submit(batch)

    unmerged: list[PartitionResult] = []
    try:
        top_up()
        for future in pending:
            result = _result(future)
            summary.partitions.append(result)
            unmerged.append(result)
            top_up()
            articles = sum(part.articles for part in unmerged)
            if len(unmerged) >= MERGE_PARTITIONS or articles >= MERGE_ARTICLES or pending.count() == 0:
                _merge(store, unmerged, pipeline_name, summary, on_progress)
                unmerged = []
    except BaseException:
        for future in submitted:
            future.cancel()
        raise
    finally:
        shutil.rmtree(run, ignore_errors=True)
    return summary


def _worker_count(client: Client) -> int:
    return max(1, len(client.scheduler_info(n_workers=-1).get("workers", {})))


def _result(future: Future) -> PartitionResult:
    try:
        return future.result()
    except LannerError:
        raise
    except Exception as error:
        raise ClusterError(Code.PARTITION_FAILED, f"a partition failed on the cluster: {error!r}") from error


def _merge(
    store: Store,
    results: Sequence[PartitionResult],
    pipeline_name: str | None,
    summary: DistributedSummary,
    on_progress: Callable[[IngestSummary], None],
) -> None:
    """Write finished partitions' articles into the store, MERGE_ARTICLES per transaction (each article all or
    nothing; a commit per article would cost the single writer as much as the SQL itself), then remove their files."""
    article_rows = (rows for result in results for rows in read_partition(Path(result.path))[1])
    while batch := list(islice(article_rows, MERGE_ARTICLES)):
        for rows in batch:
            if pipeline_name:
                rows.document["pipeline"] = pipeline_name
        summary.events_stored += store.write_batch(batch)
        summary.articles_processed += len(batch)
        on_progress(summary)
    for result in results:
        os.remove(result.path)
