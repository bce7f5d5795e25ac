"""Shared fixtures. The trained spaCy pipeline is slow to load, so it is loaded once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"


@pytest.fixture(scope="session")
def nlp():
    from lanner.nlp import load_language

    return load_language()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    return SHARED.resolve()


@pytest.fixture(scope="session")
def gazetteer_cache(tmp_path_factory) -> Path:
    """A cache dir for the whole session, so the gazetteer is built once."""
    import os

    configured = os.environ.get("LANNER_CACHE_DIR")
    return Path(configured) if configured else tmp_path_factory.mktemp("lanner-cache")


@pytest.fixture(scope="session")
def gazetteer(gazetteer_cache: Path):
    from lanner.geo import Gazetteer

    return Gazetteer.open(gazetteer_cache)


@pytest.fixture(scope="session")
def pipeline(nlp, gazetteer):
    """The full default pipeline, sharing the session's spaCy model and gazetteer."""
    from lanner.actors import ActorKnowledgeBase
    from lanner.pipeline import Pipeline

    return Pipeline.assemble(nlp, ActorKnowledgeBase.load(), gazetteer)


@pytest.fixture(scope="session")
def postgres_url():
    """A PostgreSQL server's superuser URL: LANNER_TEST_POSTGRES_URL (set by .ci/run), else a throwaway cluster."""
    import os

    from postgres_cluster import start_cluster

    configured = os.environ.get("LANNER_TEST_POSTGRES_URL")
    if configured:
        yield configured
        return
    cluster = start_cluster()
    try:
        yield cluster.url
    finally:
        cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    """A fresh, empty database for each backend: an SQLite file path, or a new PostgreSQL database's URL."""
    if request.param == "sqlite":
        yield str(tmp_path / "lanner.db")
        return
    from postgres_cluster import fresh_database

    with fresh_database(request.getfixturevalue("postgres_url")) as url:
        yield url
