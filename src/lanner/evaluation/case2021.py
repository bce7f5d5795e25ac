"""`lanner eval case2021`: ACLED sub-event type of short snippets (CASE 2021 shared task 2, subtask 1).

Gold: ../shared/eval/case2021_task2_acled_types/test_set_final_release_with_labels.tsv, 1,019 snippets
(no licence stated; released by the organisers for the shared task, Haneczok et al. 2021). Subtask 1 keeps
the 829 snippets whose gold is one of the 25 ACLED sub-event types; the 5 "unseen" types (organised crime,
disasters, diplomacy, attribution) are left out, as the task defines.

Prediction: the snippet's label is the ACLED sub-event type of Lanner's surest event that has one, asserted
events first (a snippet that only reports a threatened or planned event still names its type), a fallback type
(a weaponless fight or attack, an arrest) only when no more specific event (a weapon, ground taken, a protest) is
named, and property destruction only when no other violence is (`snippet_label`), mapped onto
the task's codes (`ACLED_TO_CODE`). A snippet with no such event gets the label NO_EVENT, which is never
right: it lowers recall and weighted F1 like any wrong label.

Split: rows at positions 0, 3, 6, ... of the file (all 1,019 rows, before filtering) are dev, the rest
test. Figures: weighted F1 (the task's ranking metric: per-class F1 weighted by gold support), accuracy,
macro-F1 over the gold classes of the split, micro-F1 over the 25 labels (NO_EVENT counts as a miss, not as
a prediction), coverage (share of snippets with a label other than NO_EVENT), and per-class F1. On the dev
split the notes carry an error analysis: the commonest confusions with example snippets.
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from lanner.evaluation.base import EvalReport, in_split, require_file
from lanner.records import Analysis, Article, Event

if TYPE_CHECKING:
    from lanner.pipeline import Pipeline

FOLDER = "case2021_task2_acled_types"
NO_EVENT = "NO_EVENT"

# Lanner's ACLED sub-event type (ACLED codebook wording, lanner/events/plover.py) → the task's code.
ACLED_TO_CODE: dict[str, str] = {
    "Abduction/forced disappearance": "ABDUCT_DISSAP",
    "Agreement": "AGREEMENT",
    "Air/drone strike": "AIR_STRIKE",
    "Armed clash": "ARMED_CLASH",
    "Arrests": "ARREST",
    "Shelling/artillery/missile attack": "ART_MISS_ATTACK",
    "Attack": "ATTACK",
    "Change to group/activity": "CHANGE_TO_GROUP_ACT",
    "Chemical weapon": "CHEM_WEAP",
    "Disrupted weapons use": "DISR_WEAP",
    "Excessive force against protesters": "FORCE_AGAINST_PROTEST",
    "Government regains territory": "GOV_REGAINS_TERIT",
    "Grenade": "GRENADE",
    "Headquarters or base established": "HQ_ESTABLISHED",
    "Mob violence": "MOB_VIOL",
    "Non-state actor overtakes territory": "NON_STATE_ACTOR_OVERTAKES_TER",
    "Non-violent transfer of territory": "NON_VIOL_TERRIT_TRANSFER",
    "Other": "OTHER",
    "Peaceful protest": "PEACE_PROTEST",
    "Looting/property destruction": "PROPERTY_DISTRUCT",
    "Protest with intervention": "PROTEST_WITH_INTER",
    "Remote explosive/landmine/IED": "REM_EXPLOS",
    "Sexual violence": "SEX_VIOL",
    "Suicide bomb": "SUIC_BOMB",
    "Violent demonstration": "VIOL_DEMONSTR",
}
SUBTASK1_LABELS: frozenset[str] = frozenset(ACLED_TO_CODE.values())

BASELINES = {
    "best CASE 2021 system (Haneczok et al. 2021)": {"weighted_f1": 0.839},
    "Kent & Krumbiegel 2021, RoBERTa on ACLED notes": {"weighted_f1": 0.83},
}


def load_gold(eval_dir: Path) -> list[tuple[str, str, str]]:
    """All rows as (id, snippet, gold code), in file order (the order the split depends on)."""
    path = require_file(eval_dir / FOLDER / "test_set_final_release_with_labels.tsv")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [(row["id"], row["EventSnippet"], row["SubType"].strip()) for row in rows]


# A fight or attack whose words name no weapon, and an arrest, are fallbacks: when the snippet also names
# what ACLED codes in their place (the weapon used, weapons seized, sexual violence, the demonstration the
# force met, the ground the fight took), that is its main event (ACLED's codebook codes an arrest made while
# seizing weapons as Disrupted weapons use, and force met by demonstrators as the protest or riot).
WEAPONLESS_FALLBACKS: frozenset[str] = frozenset({"Armed clash", "Attack"})  # fallbacks only when no weapon is named
SPECIFIC_EVENT_TYPES: frozenset[str] = frozenset({"Explosions/Remote violence", "Protests", "Riots"})
SPECIFIC_SUB_TYPES: frozenset[str] = frozenset(
    {
        "Disrupted weapons use",
        "Sexual violence",
        "Government regains territory",  # ACLED codes a battle that changes who holds the ground as the change
        "Non-state actor overtakes territory",
    }
)


def is_fallback(event: Event) -> bool:
    """Whether the event's type is a fallback a specific event of the snippet should outrank."""
    if event.acled_sub_event_type == "Arrests":
        return True
    return event.acled_sub_event_type in WEAPONLESS_FALLBACKS and event.mode is None


def is_specific(event: Event) -> bool:
    """Whether the event names what ACLED codes in place of a fallback (`is_fallback`)."""
    return event.acled_event_type in SPECIFIC_EVENT_TYPES or event.acled_sub_event_type in SPECIFIC_SUB_TYPES


# ACLED codes property destroyed in the course of other violence (houses burned in an attack, shops looted in a
# riot) as that violence; looting or destruction is the event only on its own.
VIOLENT_EVENT_TYPES: frozenset[str] = frozenset(
    {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots", "Protests"}
)


def is_incidental(event: Event, typed: list[Event]) -> bool:
    """Whether the event is property destruction that other violence in the snippet accompanies."""
    return event.acled_sub_event_type == "Looting/property destruction" and any(
        e.acled_event_type in VIOLENT_EVENT_TYPES and e.factuality == "asserted" for e in typed
    )


def snippet_label(analysis: Analysis) -> str:
    """The task code of the snippet's main typed event: asserted first, then a fallback (`is_fallback`) only
    when no specific event (`is_specific`) is named and property destruction only when no other violence is
    (`is_incidental`), then the surest; NO_EVENT when none."""
    typed = [e for e in analysis.events if e.acled_sub_event_type in ACLED_TO_CODE]
    if not typed:
        return NO_EVENT

    specific = any(is_specific(e) for e in typed)

    def rank(event: Event) -> tuple[bool, bool, float, int]:
        demoted = (specific and is_fallback(event)) or is_incidental(event, typed)
        return (event.factuality == "asserted", not demoted, event.confidence, -event.trigger.start)

    return ACLED_TO_CODE[str(max(typed, key=rank).acled_sub_event_type)]


def per_class_f1(pairs: list[tuple[str, str]], labels: set[str] | frozenset[str]) -> dict[str, float]:
    """F1 of each label over (gold, predicted) pairs."""
    scores = {}
    for label in sorted(labels):
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        fn = sum(1 for g, p in pairs if g == label and p != label)
        scores[label] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return scores


def classification_figures(pairs: list[tuple[str, str]], abstain: str | None = None) -> dict[str, float | None]:
    """Accuracy, macro-F1 and weighted F1 over the gold labels present; micro-F1 treating `abstain` as no
    prediction (it is a miss for recall, not a false positive)."""
    if not pairs:
        return {"accuracy": None, "macro_f1": None, "weighted_f1": None, "micro_f1": None}
    support = Counter(g for g, _ in pairs)
    f1 = per_class_f1(pairs, set(support))
    correct = sum(g == p for g, p in pairs)
    predicted = sum(p != abstain for _, p in pairs)
    micro_p = correct / predicted if predicted else 0.0
    micro_r = correct / len(pairs)
    return {
        "accuracy": round(correct / len(pairs), 4),
        "macro_f1": round(sum(f1.values()) / len(f1), 4),
        "weighted_f1": round(sum(f1[label] * n for label, n in support.items()) / len(pairs), 4),
        "micro_f1": round(2 * micro_p * micro_r / (micro_p + micro_r), 4) if correct else 0.0,
    }


def _error_notes(items: list[tuple[str, str, str, str]]) -> list[str]:
    """The commonest dev confusions, each with a short example snippet."""
    confusions = Counter((g, p) for _, _, g, p in items if g != p)
    notes = [f"dev error analysis: {sum(confusions.values())} wrong of {len(items)}"]
    for (gold, predicted), count in confusions.most_common(12):
        example = next(text for _, text, g, p in items if (g, p) == (gold, predicted))
        notes.append(f"  {gold}→{predicted}: {count}, e.g. {example[:150]!r}")
    return notes


def evaluate_case2021(pipeline: Pipeline, eval_dir: Path, split: str) -> EvalReport:
    """Classify each subtask-1 snippet of the split and score the labels against the gold."""
    rows = [row for i, row in enumerate(load_gold(eval_dir)) if in_split(i, split) and row[2] in SUBTASK1_LABELS]
    analyses = pipeline.pipe(Article(text=text, origin=f"case2021 id {row_id}") for row_id, text, _ in rows)
    items = [(row_id, text, gold, snippet_label(a)) for (row_id, text, gold), a in zip(rows, analyses, strict=True)]
    pairs = [(gold, predicted) for _, _, gold, predicted in items]
    figures: dict[str, float | int | None] = {"snippets": len(pairs), **classification_figures(pairs, NO_EVENT)}
    figures["coverage"] = round(sum(p != NO_EVENT for _, p in pairs) / len(pairs), 4) if pairs else None
    for label, score in per_class_f1(pairs, {g for g, _ in pairs}).items():
        figures[f"f1_{label}"] = round(score, 4)
    notes = [
        "subtask 1 (25 ACLED sub-event types); label = surest event's ACLED sub-event type, asserted first, a "
        "weaponless fight or an arrest only when no more specific event is named; NO_EVENT when none (always wrong)",
        "split: file rows 0, 3, 6, ... are dev, the rest test",
        "published systems were trained on ACLED data; Lanner's rules were not trained on this set",
    ]
    if split == "dev":
        notes += _error_notes(items)
    return EvalReport(name="case2021", split=split, figures=figures, notes=notes, baselines=BASELINES)
