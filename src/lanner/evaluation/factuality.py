"""`lanner eval factuality`: is each event's factuality right on Lanner's own factuality case set?

Cases: src/lanner/data/factuality_cases.yaml, news-style sentences written for Lanner, each naming the
trigger word of the event being judged and its expected factuality (asserted, negated, hypothetical,
future, generic). The set ships with the package, so this evaluation needs no eval folder.
Split: cases at positions 0, 2, 4, ... are dev (rules are tuned on them), odd positions are test.

Figures: `event_found_rate`, the share of cases whose named trigger produced an event (or was merged
into the sentence's one event of the case's type);
`asserted_recall`, the share of asserted cases found and asserted; `non_asserted_leaked`, how many
non-asserted cases came out asserted (the output contract's core: downstream counts use asserted
events only, so this must be 0); accuracy per kind and overall (a case whose event is not found counts
as wrong).
"""

from __future__ import annotations

from collections import Counter
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from lanner.evaluation.base import EvalReport, in_split
from lanner.records import Article, Event

if TYPE_CHECKING:
    from lanner.pipeline import Pipeline

KINDS = ("asserted", "negated", "hypothetical", "future", "generic")


def load_cases() -> list[dict[str, Any]]:
    """The packaged case set, in file order (the order the split depends on)."""
    source = resources.files("lanner") / "data" / "factuality_cases.yaml"
    raw: dict[str, Any] = yaml.safe_load(source.read_text(encoding="utf-8"))
    return list(raw["cases"])


def _judged_event(events: list[Event], trigger: str, event_type: str | None) -> Event | None:
    """The event whose trigger is the case's named word (the first if the word recurs). Same-type triggers
    that the parse joins make one event with one trigger ("the attack on the market killed nine"), so
    when the word is not a trigger, the sentence's only event of the case's type stands for it."""
    wanted = trigger.lower()
    matches = [event for event in events if event.trigger.text.lower() == wanted]
    if matches:
        return min(matches, key=lambda event: event.trigger.start)
    same_type = [event for event in events if event.type == event_type]
    return same_type[0] if event_type and len(same_type) == 1 else None


def evaluate_factuality(pipeline: Pipeline, eval_dir: Path, split: str) -> EvalReport:
    """Run every case of the split through the pipeline and score the named event's factuality."""
    del eval_dir  # the set is packaged; the argument keeps the registry's signature
    cases = [case for i, case in enumerate(load_cases()) if in_split(i, split, dev_every=2)]
    analyses = pipeline.pipe(Article(text=case["text"], origin=f"factuality-{i}") for i, case in enumerate(cases))
    found = leaked = asserted_hits = typed = type_hits = 0
    per_kind_total: Counter[str] = Counter()
    per_kind_hits: Counter[str] = Counter()
    confusion: Counter[tuple[str, str]] = Counter()
    misses: list[str] = []
    for case, analysis in zip(cases, analyses, strict=True):
        expected = case["factuality"]
        event = _judged_event(analysis.events, case["event"], case.get("type"))
        predicted = event.factuality if event else "none"
        per_kind_total[expected] += 1
        if event:
            found += 1
            if case.get("type"):
                typed += 1
                type_hits += event.type == case["type"]
        if predicted == expected:
            per_kind_hits[expected] += 1
            asserted_hits += expected == "asserted"
        else:
            confusion[(expected, predicted)] += 1
            misses.append(f"{expected}→{predicted}: {case['text']} [{case['event']}]")
        leaked += expected != "asserted" and predicted == "asserted"
    total = len(cases)
    figures: dict[str, float | int | None] = {
        "cases": total,
        "event_found_rate": found / total if total else None,
        "asserted_recall": asserted_hits / per_kind_total["asserted"] if per_kind_total["asserted"] else None,
        "non_asserted_leaked": leaked,
        "factuality_accuracy": sum(per_kind_hits.values()) / total if total else None,
        "type_accuracy": type_hits / typed if typed else None,
    }
    for kind in KINDS:
        figures[f"{kind}_accuracy"] = per_kind_hits[kind] / per_kind_total[kind] if per_kind_total[kind] else None
    notes = [
        "confusions (expected→predicted): " + ", ".join(f"{e}→{p} {n}" for (e, p), n in confusion.most_common()),
        *misses,
    ]
    return EvalReport(name="factuality", split=split, figures=figures, notes=notes)
