"""Evaluation on gold data written by others (../shared/eval): one module per set, one registry."""

from lanner.evaluation.base import EVALUATIONS, EvalReport, run_evaluation

__all__ = ["EVALUATIONS", "EvalReport", "run_evaluation"]
