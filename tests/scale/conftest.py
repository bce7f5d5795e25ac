"""Shared pieces for the Dask tests: a small corpus, a reference database, a warm cluster, content checks.

The corpus is 40 short articles: the bundled examples and the opening sentences of FA-KES articles read
at test time from ../shared/eval (cp1252). The reference database is the plain ingest of it (no Dask, in a
fresh process); every distributed run must end with exactly its content.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from scaletools import CORPUS_SIZE, corpus_rows


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory, shared_dir: Path) -> Path:
    path = tmp_path_factory.mktemp("scale-corpus") / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for row in corpus_rows(shared_dir):
            handle.write(json.dumps(row) + "\n")
    return path


@pytest.fixture(scope="session")
def reference_db(tmp_path_factory: pytest.TempPathFactory, corpus: Path, gazetteer: Any, gazetteer_cache: Path) -> Path:
    """The corpus ingested by the plain path (`lanner ingest` without Dask): what every Dask run must reproduce.

    It runs in a fresh process, like the Dask workers, so both load the same code.
    """
    path = tmp_path_factory.mktemp("scale-reference") / "reference.db"
    env = {**os.environ, "LANNER_CACHE_DIR": str(gazetteer_cache)}
    command = [sys.executable, "-m", "lanner.cli", "ingest", str(corpus), "--db", str(path), "-q"]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert f"{CORPUS_SIZE} articles processed" in done.stderr
    return path


@pytest.fixture(scope="session")
def cluster_config(gazetteer_cache: Path) -> Any:
    from lanner.config import Config

    return Config(cache_dir=gazetteer_cache)


@pytest.fixture(scope="session")
def warm_cluster(cluster_config: Any, gazetteer: Any) -> Iterator[Any]:
    """Two worker processes (one thread each) with the pipeline already loaded, shared by the tests."""
    from distributed import Client

    from lanner.scale import local_cluster, register_pipeline

    with local_cluster(2) as cluster, Client(cluster) as client:
        register_pipeline(client, cluster_config)
        yield client
