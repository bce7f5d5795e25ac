"""The README's dask-jobqueue recipe, run for real: a job-queue cluster, a client on it, `ingest_distributed`.

There is no SLURM here, so the run uses dask-jobqueue's own local job cluster, which writes the same job
script as SLURMCluster and PBSCluster but starts each job as a local process. The SLURM and PBS clusters
are still built as the README writes them, to check the job script they would submit.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from scaletools import CORPUS_SIZE, assert_sound, db_content

from lanner.scale import ingest_distributed
from lanner.store import open_store

pytestmark = pytest.mark.scale


def test_readme_recipe_on_a_job_queue_cluster_stores_what_the_plain_path_stores(
    tmp_path: Path, corpus: Path, reference_db: Path, cluster_config: Any
) -> None:
    from dask_jobqueue.local import LocalCluster as JobQueueCluster
    from distributed import Client

    db, runs = tmp_path / "jobqueue.db", tmp_path / "lanner-runs"
    quiet = {"dashboard_address": ":0"}  # not Dask's fixed port 8787, which other clusters here may hold
    with JobQueueCluster(cores=1, processes=1, memory="2GB", walltime="00:30:00", scheduler_options=quiet) as cluster:
        assert "distributed.cli.dask_worker" in cluster.job_script()
        # as on a busy queue: the run starts before the job does, and must use the worker once it joins
        cluster.scale(jobs=1)
        with Client(cluster) as client, open_store(db) as store:
            summary = ingest_distributed([corpus], store, client=client, config=cluster_config, run_dir=runs)
            job_workers = set(client.scheduler_info(n_workers=-1)["workers"])
    assert summary.articles_processed == CORPUS_SIZE
    assert {result.worker for result in summary.partitions} <= job_workers
    assert_sound(db)
    assert db_content(db) == db_content(reference_db)
    assert list(runs.iterdir()) == []  # the run folder is gone once merged


@pytest.mark.parametrize(
    ("cluster_class", "resource_lines"),
    [
        ("SLURMCluster", ["#SBATCH --cpus-per-task=1", "#SBATCH --mem=2G", "#SBATCH -t 08:00:00"]),
        ("PBSCluster", ["#PBS -l select=1:ncpus=1:mem=1908MB", "#PBS -l walltime=08:00:00"]),
    ],
)
def test_readme_cluster_writes_a_job_script_with_the_worker_command_and_resources(
    cluster_class: str, resource_lines: list[str]
) -> None:
    import dask_jobqueue

    cls = getattr(dask_jobqueue, cluster_class)
    with cls(
        cores=1, processes=1, memory="2GB", walltime="08:00:00", scheduler_options={"dashboard_address": ":0"}
    ) as cluster:
        script = cluster.job_script()
        address = cluster.scheduler_address
    lines = script.splitlines()
    for line in resource_lines:
        assert line in lines, script  # 2GB: PBS is given 1908MB (2 GB in MiB units)
    worker = next(line for line in lines if "distributed.cli.dask_worker" in line)
    # the same Python as this one (so the same lanner), pointed at the cluster's scheduler, one thread
    assert worker.startswith(f"{sys.executable} -m distributed.cli.dask_worker {address} "), script
    assert "--nthreads 1" in worker and "--nanny" in worker, script
