"""Fixtures for the geo tests: one gazetteer built per session in a temporary cache folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from lanner.geo import Gazetteer, PlaceStage


@pytest.fixture(scope="session")
def place_stage(gazetteer: Gazetteer) -> PlaceStage:
    return PlaceStage(gazetteer)


@pytest.fixture(scope="session")
def pipeline(nlp, place_stage: PlaceStage):  # type: ignore[no-untyped-def]
    from lanner.nlp import NlpStage
    from lanner.pipeline import Pipeline

    return Pipeline([NlpStage(nlp), place_stage])


@pytest.fixture(scope="session")
def eval_dir(shared_dir: Path) -> Path:
    return shared_dir / "eval"
