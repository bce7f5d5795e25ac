"""`lanner eval factuality`: the dev cases the rules were tuned on leak nothing, and the eval is registered."""

from __future__ import annotations

import pytest

from lanner.evaluation import run_evaluation
from lanner.evaluation.base import EVALUATIONS


def test_factuality_is_a_registered_evaluation():
    assert EVALUATIONS["factuality"] == ("lanner.evaluation.factuality", "evaluate_factuality")


@pytest.mark.eval
def test_no_dev_case_that_is_not_asserted_comes_out_asserted(pipeline, tmp_path):
    """The output contract's core on the cases the rules were written from; needs no eval folder."""
    from lanner.evaluation.factuality import load_cases

    report = run_evaluation("factuality", pipeline, tmp_path, "dev")
    assert report.figures["cases"] == (len(load_cases()) + 1) // 2  # even positions
    assert report.figures["non_asserted_leaked"] == 0, report.notes
    assert report.figures["asserted_recall"] >= 0.93, report.notes


def test_dev_and_test_splits_partition_the_cases(pipeline, tmp_path):
    from lanner.evaluation.factuality import load_cases

    dev = run_evaluation("factuality", pipeline, tmp_path, "dev").figures["cases"]
    test = run_evaluation("factuality", pipeline, tmp_path, "test").figures["cases"]
    assert dev + test == len(load_cases())
