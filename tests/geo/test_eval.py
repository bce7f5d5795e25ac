"""The geo evaluations run end to end on TR-News dev (40 articles, a few seconds)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lanner.errors import EvalError
from lanner.evaluation.geo import evaluate_trnews, geocoding_figures, read_gwn, select

pytestmark = [pytest.mark.model, pytest.mark.eval]


def test_geocoding_figures_match_the_scorer_definition() -> None:
    figures = geocoding_figures([0.0, 100.0, 1000.0])
    assert figures["acc161"] == pytest.approx(2 / 3, abs=1e-3)
    assert figures["median_km"] == 100.0
    assert 0 < figures["auc"] < 1  # type: ignore[operator]


def test_split_is_deterministic_and_disjoint(eval_dir: Path) -> None:
    articles = read_gwn(eval_dir / "geoparsing_news_gritta" / "GWN.xml")
    dev, test = select(articles, "dev"), select(articles, "test")
    assert len(dev) + len(test) == len(articles) == 200
    assert dev[0] is articles[0] and test[0] is articles[1]
    with pytest.raises(EvalError):
        select(articles, "train")


def test_trnews_dev(pipeline, eval_dir: Path) -> None:  # type: ignore[no-untyped-def]
    report = evaluate_trnews(pipeline, eval_dir, "dev")
    figures = report.figures
    assert figures["gold_toponyms"] == 433
    assert figures["matched"] >= 250  # type: ignore[operator]
    assert figures["acc161"] >= 0.85  # type: ignore[operator]
    assert report.baselines
