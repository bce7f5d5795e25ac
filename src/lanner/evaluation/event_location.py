"""`lanner eval event-location`: is an event's place the place where it happened, not just a place nearby?

Gold: ../shared/eval/event_location_halterman/gold_RELABEL.jsonl (Halterman 2019, the 496 re-labelled
"gold standard" sentences). Each record is one sentence, one event verb in it and the place-name span(s)
where annotators judged the event took place; 160 sentences have none (the event has no place there).

Lanner reads each sentence as a one-sentence article. The prediction for a record is the place span of
Lanner's event whose trigger is the gold verb. When Lanner made no event of that verb (its trigger
lexicon covers conflict verbs, the gold also has "marched", "celebrated", ...), the same place-picking
rule the events stage uses is asked with the gold verb as the trigger: Halterman's model, too, was given
the verb. How often each path was taken is reported (`event_at_verb_rate`).

Figures (the paper's metric first):

* token precision, recall and F1 on gold LOCATION tokens, micro-averaged over every sentence of the
  split (a place predicted for a no-location sentence costs precision);
* the same on the sentences that have a gold location only;
* `no_location_accuracy`: on sentences without a gold location, the share where Lanner predicted none;
* `exact_match`: the share of sentences whose predicted token set equals the gold one (none = none).

Tokens are the gold file's own tokens (its character offsets are unreliable; the token offsets are not).
An event has one place span; when it covers coordinated places ("Syria and Iraq", "Rome, Naples and Turin")
it is read as the list of places it is, one span each, as the gold marks them: the "and" and the commas between
are no place's tokens.
Split: records at positions 0, 3, 6, ... are dev (tuned on), the rest test (reported).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lanner.evaluation.base import EvalReport, in_split, require_file
from lanner.records import Analysis, Article

if TYPE_CHECKING:
    from lanner.actors import ActorKnowledgeBase
    from lanner.pipeline import Pipeline

CORPUS_DIR = "event_location_halterman"
GOLD_FILE = "gold_RELABEL.jsonl"
BASELINES: dict[str, dict[str, Any]] = {
    "Halterman 2019 (neural, paper abstract)": {"token_precision": ">0.83", "token_recall": ">0.83"},
}


@dataclass(frozen=True)
class Record:
    """One gold sentence: its text, token offsets, the event verb and the gold location tokens."""

    position: int  # line number in the gold file, counted from 0 (the split depends on it)
    text: str
    tokens: tuple[tuple[int, int], ...]  # (start, end) character offsets of the gold tokens
    verb: tuple[int, int]  # character offsets of the verb span
    locations: frozenset[int]  # gold token indices that belong to the event's location


@dataclass(frozen=True)
class Prediction:
    spans: tuple[tuple[int, int], ...]  # character offsets of the predicted place span(s)
    from_event: bool  # True when a Lanner event of the gold verb supplied it


def record_parts(
    raw: dict[str, Any],
) -> tuple[tuple[tuple[int, int], ...], tuple[int, int] | None, frozenset[int]]:
    """One Prodigy-style record's token offsets, its verb's character span (None without one) and the indices of
    its location tokens, all from token offsets (the records' character offsets are unreliable)."""
    tokens = tuple((t["start"], t["end"]) for t in raw["tokens"])
    verb: tuple[int, int] | None = None
    locations: set[int] = set()
    for span in raw.get("spans", ()):
        first, last = span["token_start"], span["token_end"]
        if span["label"] == "VERB" and verb is None:
            verb = (tokens[first][0], tokens[last][1])
        elif span["label"] == "LOCATION":
            locations.update(range(first, last + 1))
    return tokens, verb, frozenset(locations)


def read_gold(path: Path) -> list[Record]:
    """Read the gold file in its order; token offsets define every span. Records without a verb span
    (two in the file, with no spans at all) cannot be scored and are left out."""
    records: list[Record] = []
    with require_file(path).open(encoding="utf-8") as fh:
        for position, line in enumerate(fh):
            if not line.strip():
                continue
            raw = json.loads(line)
            tokens, verb, locations = record_parts(raw)
            if verb is None:
                continue
            records.append(Record(position, raw["text"], tokens, verb, locations))
    return records


def tokens_of(record: Record, spans: tuple[tuple[int, int], ...]) -> frozenset[int]:
    """Gold token indices a set of character spans covers (a token counts when the spans overlap it)."""
    return frozenset(i for i, (start, end) in enumerate(record.tokens) for s, e in spans if start < e and s < end)


def predict(analysis: Analysis, record: Record, knowledge_base: ActorKnowledgeBase) -> Prediction:
    """The place span Lanner gives the event of the gold verb (see the module docstring)."""
    start, end = record.verb
    for event in analysis.events:
        if event.trigger.start < end and start < event.trigger.end:
            mention = event.place.mention if event.place else None
            return Prediction(listed_places(record.text, mention.start, mention.end) if mention else (), True)
    spans = _place_for_verb(analysis, record.verb, knowledge_base)
    return Prediction(tuple(part for s, e in spans for part in listed_places(record.text, s, e)), False)


LIST_SEPARATOR = re.compile(r"\s*(?:[,;&]|\band\b|\bor\b)\s*")


def listed_places(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """The places a coordinated place span lists ("Syria and Iraq", "Rome, Naples and Turin"), one span each: the
    events stage extends one span over places that share the event's role, the gold marks each name."""
    spans: list[tuple[int, int]] = []
    cursor = start
    for separator in LIST_SEPARATOR.finditer(text, start, end):
        if separator.start() > cursor:
            spans.append((cursor, separator.start()))
        cursor = separator.end()
    if cursor < end:
        spans.append((cursor, end))
    return tuple(spans)


def _place_for_verb(
    analysis: Analysis, verb: tuple[int, int], knowledge_base: ActorKnowledgeBase
) -> tuple[tuple[int, int], ...]:
    """The events stage's place rule, applied with the gold verb as trigger and no actor roles."""
    from lanner.events.roles import Roles
    from lanner.events.stage import _event_place, _MentionIndex  # the rule under evaluation

    doc = analysis.doc
    if doc is None:
        return ()
    span = doc.char_span(verb[0], verb[1], alignment_mode="expand")
    if span is None or len(span) == 0:
        return ()
    trigger = span.root
    index = _MentionIndex(analysis, doc, knowledge_base)
    place = _event_place(trigger.sent, trigger, Roles((), ()), index)
    if place is None or place.mention is None:
        return ()
    return ((place.mention.start, place.mention.end),)


def evaluate_event_location(pipeline: Pipeline, eval_dir: Path, split: str) -> EvalReport:
    """Run the sentences of the split through the pipeline and score the event's place tokens."""
    records = [r for r in read_gold(eval_dir / CORPUS_DIR / GOLD_FILE) if in_split(r.position, split)]
    knowledge_base: ActorKnowledgeBase = pipeline.stage("events").knowledge_base  # type: ignore[attr-defined]
    analyses = pipeline.pipe(Article(text=r.text, origin=f"event-location-{i}") for i, r in enumerate(records))
    counts: Counter[str] = Counter()
    misses: list[str] = []
    for record, analysis in zip(records, analyses, strict=True):
        prediction = predict(analysis, record, knowledge_base)
        predicted = tokens_of(record, prediction.spans)
        gold = record.locations
        counts["from_event"] += prediction.from_event
        hit = len(predicted & gold)
        counts["tp"] += hit
        counts["fp"] += len(predicted) - hit
        counts["fn"] += len(gold) - hit
        if gold:
            counts["located"] += 1
            counts["located_tp"] += hit
            counts["located_fp"] += len(predicted) - hit
            counts["located_fn"] += len(gold) - hit
        else:
            counts["unlocated"] += 1
            counts["unlocated_right"] += not predicted
        counts["exact"] += predicted == gold
        if predicted != gold:
            misses.append(_miss(record, predicted, prediction.from_event))
    precision, recall, f1 = _prf(counts["tp"], counts["fp"], counts["fn"])
    located_p, located_r, located_f1 = _prf(counts["located_tp"], counts["located_fp"], counts["located_fn"])
    total = len(records)
    figures: dict[str, float | int | None] = {
        "sentences": total,
        "with_location": counts["located"],
        "without_location": counts["unlocated"],
        "token_precision": precision,
        "token_recall": recall,
        "token_f1": f1,
        "located_token_precision": located_p,
        "located_token_recall": located_r,
        "located_token_f1": located_f1,
        "no_location_accuracy": counts["unlocated_right"] / counts["unlocated"] if counts["unlocated"] else None,
        "exact_match": counts["exact"] / total if total else None,
        "event_at_verb_rate": counts["from_event"] / total if total else None,
    }
    return EvalReport(name="event-location", split=split, figures=figures, notes=misses, baselines=BASELINES)


def _prf(tp: int, fp: int, fn: int) -> tuple[float | None, float | None, float | None]:
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    if not precision or not recall:
        return precision, recall, 0.0 if precision is not None and recall is not None else None
    return precision, recall, 2 * precision * recall / (precision + recall)


def _miss(record: Record, predicted: frozenset[int], from_event: bool) -> str:
    def words(indices: frozenset[int]) -> str:
        return " ".join(record.text[record.tokens[i][0] : record.tokens[i][1]] for i in sorted(indices)) or "-"

    verb = record.text[record.verb[0] : record.verb[1]]
    path = "event" if from_event else "rule"
    return f"gold {words(record.locations)!r} predicted {words(predicted)!r} [{verb}, {path}]: {record.text}"
