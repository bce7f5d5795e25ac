"""Run the real `lanner` command in-process, with the session's gazetteer cache so it is built once."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from lanner.cli import main

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="session")
def run(gazetteer, gazetteer_cache):  # the gazetteer fixture builds the cache first
    def invoke(*args: str, input: str | bytes | None = None):
        runner = CliRunner()
        return runner.invoke(main, list(args), input=input, env={"LANNER_CACHE_DIR": str(gazetteer_cache)})

    return invoke


@pytest.fixture(scope="session")
def examples() -> Path:
    return EXAMPLES
