"""Scale-out on Dask: the same pipeline on many worker processes, merged into the store by one writer.

`ingest_distributed` partitions the articles, each Dask worker analyses a partition with the pipeline
its `PipelinePlugin` built once, and writes the results as a Parquet file into a run directory; the
client process merges each file into the store, one transaction per article, so a run killed at any
point (client or worker) leaves only whole articles behind and can simply be run again.
"""

from lanner.scale.partitions import PartitionResult, analyse_partition, read_partition, write_partition
from lanner.scale.plugin import PipelinePlugin, plugin_name, register_pipeline
from lanner.scale.run import DistributedSummary, dask_client, ingest_distributed, local_cluster

__all__ = [
    "DistributedSummary",
    "PartitionResult",
    "PipelinePlugin",
    "analyse_partition",
    "dask_client",
    "ingest_distributed",
    "local_cluster",
    "plugin_name",
    "read_partition",
    "register_pipeline",
    "write_partition",
]
