"""The evaluation registry and its report record.

Each evaluation is a function `(pipeline, eval_dir, split) -> EvalReport`, registered by name in
`EVALUATIONS`. Splits: "dev" is what we tune on, "test" is what we report; "all" is both.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lanner.errors import Code, EvalError

if TYPE_CHECKING:
    from lanner.pipeline import Pipeline


@dataclass
class EvalReport:
    name: str
    split: str
    figures: dict[str, float | int | None]
    notes: list[str] = field(default_factory=list)
    baselines: dict[str, dict[str, Any]] = field(default_factory=dict)  # published systems' figures

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "split": self.split,
            "figures": self.figures,
            "notes": self.notes,
            "baselines": self.baselines,
        }


Evaluation = Callable[["Pipeline", Path, str], EvalReport]
EVALUATIONS: dict[str, tuple[str, str]] = {
    # name -> (module, function), imported lazily so `lanner --help` stays fast
    "geo-gwn": ("lanner.evaluation.geo", "evaluate_gwn"),
    "geo-lgl": ("lanner.evaluation.geo", "evaluate_lgl"),
    "geo-trnews": ("lanner.evaluation.geo", "evaluate_trnews"),
    "factuality": ("lanner.evaluation.factuality", "evaluate_factuality"),
    "plover-gsr": ("lanner.evaluation.plover", "evaluate_plover_gsr"),
    "event-location": ("lanner.evaluation.event_location", "evaluate_event_location"),
    "case2021": ("lanner.evaluation.case2021", "evaluate_case2021"),
    "fakes": ("lanner.evaluation.fakes", "evaluate_fakes"),
    "wikievents": ("lanner.evaluation.wikievents", "evaluate_wikievents"),
    "muc4": ("lanner.evaluation.muc4", "evaluate_muc4"),
}


def require_file(path: Path) -> Path:
    if not path.exists():
        raise EvalError(
            Code.EVAL_DATA_MISSING,
            f"gold file {path} not found; set LANNER_EVAL_DIR to the folder that holds the eval sets",
        )
    return path


def run_evaluation(name: str, pipeline: Pipeline, eval_dir: Path, split: str = "test") -> EvalReport:
    import importlib

    if name not in EVALUATIONS:
        raise EvalError(Code.EVAL_UNKNOWN, f"unknown evaluation {name!r}; known: {', '.join(sorted(EVALUATIONS))}")
    module_name, function_name = EVALUATIONS[name]
    function: Evaluation = getattr(importlib.import_module(module_name), function_name)
    return function(pipeline, eval_dir, split)


def in_split(index: int, split: str, dev_every: int = 3) -> bool:
    """Deterministic dev/test split by position: every `dev_every`-th item (index 0, 3, 6, ...) is dev."""
    is_dev = index % dev_every == 0
    return split == "all" or (split == "dev") == is_dev
