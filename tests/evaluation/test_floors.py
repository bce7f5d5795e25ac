"""Accuracy is a test: each evaluation's test-split figures must stay at or above their pinned floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lanner.evaluation import run_evaluation

FLOORS = json.loads((Path(__file__).with_name("floors.json")).read_text())
CASES = [
    (name, figure, floor)
    for name, figures in FLOORS.items()
    if not name.startswith("_")
    for figure, floor in figures.items()
]


@pytest.fixture(scope="module")
def reports(pipeline, shared_dir):
    cache: dict[str, object] = {}

    def report(name: str):
        if name not in cache:
            cache[name] = run_evaluation(name, pipeline, shared_dir / "eval", "test")
        return cache[name]

    return report


@pytest.mark.eval
@pytest.mark.parametrize(("name", "figure", "floor"), CASES, ids=[f"{n}:{f}" for n, f, _ in CASES])
def test_figure_holds_its_floor(reports, name, figure, floor):
    report = reports(name)
    if figure.endswith("_max"):
        value = report.figures[figure.removesuffix("_max")]
        assert value is not None and value <= floor, f"{name} {figure}: {value} rose above {floor}"
    else:
        value = report.figures[figure]
        assert value is not None and value >= floor, f"{name} {figure}: {value} fell below {floor}"
