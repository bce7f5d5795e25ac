"""A Dask worker plugin that builds the pipeline once per worker process.

Loading spaCy, the actor knowledge base and the gazetteer takes seconds and hundreds of megabytes, so
it happens once, when the plugin is set up on a worker (and again on a worker that replaces a dead
one: the scheduler hands registered plugins to every worker that joins). Tasks find the pipeline
through the plugin's name.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any

from distributed import WorkerPlugin

from lanner.config import Config

if TYPE_CHECKING:
    from distributed import Client, Worker

    from lanner.pipeline import Pipeline

PLUGIN_PREFIX = "lanner-pipeline-"


def plugin_name(config: Config) -> str:
    """One name per configuration, so workers keep a pipeline built for the same settings across runs."""
    return PLUGIN_PREFIX + hashlib.sha256(repr(config).encode()).hexdigest()[:16]


class PipelinePlugin(WorkerPlugin):
    """Holds the worker's pipeline; only the configuration travels to the worker, never a loaded model."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.name = plugin_name(config)
        self.pipeline: Pipeline | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {"config": self.config, "name": self.name, "pipeline": None}

    def setup(self, worker: Worker) -> None:
        from lanner.pipeline import Pipeline

        self.pipeline = Pipeline.build(self.config)

    def teardown(self, worker: Worker) -> None:
        self.pipeline = None


def _has_plugin(dask_scheduler: Any, name: str) -> bool:
    return name in dask_scheduler.worker_plugins


def register_pipeline(client: Client, config: Config) -> str:
    """Make sure every worker (present and future) has a pipeline for `config`; returns the plugin name.

    A cluster that already holds the plugin keeps it: registering again would make every worker load
    its models again, which a client that is restarted after a crash should not cost.
    """
    name = plugin_name(config)
    if not client.run_on_scheduler(_has_plugin, name=name):
        client.register_plugin(PipelinePlugin(config), name=name)
    return name
