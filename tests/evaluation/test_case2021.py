"""`lanner eval case2021`: labels map onto the task's codes, the scoring treats "no event" as wrong, and the
dev run reports every figure the task ranks on."""

from __future__ import annotations

import pytest

from lanner.evaluation import run_evaluation
from lanner.evaluation.base import EVALUATIONS, in_split
from lanner.evaluation.case2021 import (
    ACLED_TO_CODE,
    NO_EVENT,
    SUBTASK1_LABELS,
    classification_figures,
    load_gold,
)
from lanner.events.plover import ACLED_TYPES


def test_every_acled_sub_event_type_has_a_task_code():
    sub_types = {sub for subs in ACLED_TYPES.values() for sub in subs}
    assert sub_types <= set(ACLED_TO_CODE)
    assert len(SUBTASK1_LABELS) == 25


def test_no_event_counts_as_a_miss_but_not_as_a_prediction():
    pairs = [("ATTACK", "ATTACK"), ("ARREST", NO_EVENT), ("ARREST", "ARREST"), ("GRENADE", "REM_EXPLOS")]
    figures = classification_figures(pairs, NO_EVENT)
    assert figures["accuracy"] == 0.5
    # micro: 2 right of 3 predicted, 2 of 4 recalled
    assert figures["micro_f1"] == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5), abs=1e-4)
    # weighted F1 weighs ARREST (F1 2/3, support 2) twice as much as ATTACK (1.0) and GRENADE (0.0)
    assert figures["weighted_f1"] == pytest.approx((1.0 + 2 * (2 / 3) + 0.0) / 4, abs=1e-4)


def test_registered():
    assert EVALUATIONS["case2021"] == ("lanner.evaluation.case2021", "evaluate_case2021")


@pytest.mark.eval
def test_dev_run_reports_the_task_figures(pipeline, shared_dir):
    rows = load_gold(shared_dir / "eval")
    assert len(rows) == 1019
    expected = sum(1 for i, row in enumerate(rows) if in_split(i, "dev") and row[2] in SUBTASK1_LABELS)
    report = run_evaluation("case2021", pipeline, shared_dir / "eval", "dev")
    figures = report.figures
    assert figures["snippets"] == expected
    for name in ("accuracy", "macro_f1", "weighted_f1", "micro_f1", "coverage"):
        assert 0.0 <= figures[name] <= 1.0, name
    per_class = {k: v for k, v in figures.items() if k.startswith("f1_")}
    assert len(per_class) == 25 and all(0.0 <= v <= 1.0 for v in per_class.values())
    assert figures["accuracy"] <= figures["coverage"], "a snippet with no label cannot be right"
    assert any(note.startswith("dev error analysis") for note in report.notes)
    assert report.baselines["best CASE 2021 system (Haneczok et al. 2021)"]["weighted_f1"] == 0.839
