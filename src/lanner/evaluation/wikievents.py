"""`lanner eval wikievents`: attacker, target and place of attack events in WikiEvents documents.

Gold: ../shared/eval/wikievents/{dev,test}.jsonl (MIT; Li, Ji & Han 2021), 20 news documents each, with
KAIROS events, argument spans and coreference clusters (coref/). Split: dev.jsonl is dev, test.jsonl test.

Lanner reads each document (its sentences joined by blank lines, since the gold's `text` runs sentences
together) and finds its own events; nothing of the gold is given to it. Gold events: Conflict.Attack.*.
Lanner events: asserted ASSAULT events. A Lanner event matches the gold attack event whose trigger overlaps
its trigger, else the gold attack event whose trigger is nearest inside the Lanner event's sentence.

Arguments, as head words (the root of the span in Lanner's parse; the baseline's "head match"):
Attacker ← the event's source actors, Target ← its target actors (each as its mention in the event's
sentence nearest the trigger), Place ← the event's place mention. Per role: precision = correct predicted
arguments / predicted arguments (over all Lanner events), recall = gold arguments found / gold arguments
(over all gold attack events); a predicted argument is correct when its event matches a gold event with an
argument of that role and the same head. Arg-I pools the three roles and ignores the role. The `coref_*`
figures also accept the head of any mention coreferent with the gold argument (the paper's coref match).

BART-Gen's 71.75 (Arg-I head F1) is given gold triggers and scores all roles of all event types, so it is
a reference point, not a like-for-like comparison. On the dev split the notes list missed and spurious
arguments with their sentences.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lanner.errors import Code, EvalError
from lanner.evaluation.base import EvalReport, require_file
from lanner.records import Analysis, Article, Event

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from lanner.pipeline import Pipeline

FOLDER = "wikievents"
ROLES = ("attacker", "target", "place")
GOLD_ROLES = {"Attacker": "attacker", "Target": "target", "Place": "place"}
SEPARATOR = "\n\n"
BASELINES = {
    "BART-Gen (Li, Ji & Han 2021), gold triggers, all roles": {"arg_i_head_f1": 71.75, "arg_c_head_f1": 64.57},
}


@dataclass
class GoldEvent:
    trigger: tuple[int, int]  # character span in the rebuilt text
    sentence: int
    args: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # role → argument spans
    coref_args: dict[str, list[list[tuple[int, int]]]] = field(default_factory=dict)  # role → spans per argument


@dataclass
class GoldDocument:
    doc_id: str
    text: str
    sentence_starts: list[int]
    events: list[GoldEvent]


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in require_file(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def load_gold(eval_dir: Path, split: str) -> list[GoldDocument]:
    """The split's documents with their attack events, offsets mapped onto the rebuilt text."""
    names = {"dev": ["dev"], "test": ["test"], "all": ["dev", "test"]}.get(split)
    if names is None:
        raise EvalError(Code.EVAL_UNKNOWN, f"unknown split {split!r}; known: dev, test, all")
    documents = []
    for name in names:
        clusters: dict[str, list[str]] = {}
        for entry in _read_jsonl(eval_dir / FOLDER / "coref" / f"{name}.jsonlines"):
            for cluster in entry["clusters"]:
                for member in cluster:
                    clusters[member] = cluster
        documents += [_document(raw, clusters) for raw in _read_jsonl(eval_dir / FOLDER / f"{name}.jsonl")]
    return documents


def _document(raw: dict[str, Any], clusters: dict[str, list[str]]) -> GoldDocument:
    """Rebuild the text with a blank line between sentences and map token indices to character spans."""
    token_spans: list[tuple[int, int]] = []
    token_sentence: list[int] = []
    parts: list[str] = []
    starts: list[int] = []
    shift = 0
    for index, (tokens, sentence_text) in enumerate(raw["sentences"]):
        sentence_start = tokens[0][1] if tokens else 0
        new_start = sum(len(p) for p in parts) + len(SEPARATOR) * index
        starts.append(new_start)
        shift = new_start - sentence_start
        for _, start, end in tokens:
            token_spans.append((start + shift, end + shift))
            token_sentence.append(index)
        parts.append(sentence_text)
    text = SEPARATOR.join(parts)

    def span(first: int, last: int) -> tuple[int, int]:
        return token_spans[first][0], token_spans[last - 1][1]

    mentions = {m["id"]: span(m["start"], m["end"]) for m in raw["entity_mentions"]}
    events = []
    for mention in raw["event_mentions"]:
        if not mention["event_type"].startswith("Conflict.Attack"):
            continue
        trigger = mention["trigger"]
        event = GoldEvent(trigger=span(trigger["start"], trigger["end"]), sentence=token_sentence[trigger["start"]])
        for argument in mention["arguments"]:
            role = GOLD_ROLES.get(argument["role"])
            entity = argument["entity_id"]
            if role is None or entity not in mentions:
                continue
            event.args.setdefault(role, []).append(mentions[entity])
            coreferent = [mentions[m] for m in clusters.get(entity, [entity]) if m in mentions]
            event.coref_args.setdefault(role, []).append(coreferent or [mentions[entity]])
        events.append(event)
    return GoldDocument(raw["doc_id"], text, starts, events)


def head(doc: Doc, start: int, end: int) -> int | None:
    """Token index of the span's syntactic root in Lanner's parse (None if the span holds no token)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root.i if span is not None and len(span) else None


def _match(event: Event, gold: list[GoldEvent]) -> GoldEvent | None:
    t0, t1 = event.trigger.start, event.trigger.end
    for candidate in gold:
        if candidate.trigger[0] < t1 and t0 < candidate.trigger[1]:
            return candidate
    inside = [g for g in gold if event.evidence.start <= g.trigger[0] < event.evidence.end]
    return min(inside, key=lambda g: abs(g.trigger[0] - t0)) if inside else None


def predicted_arguments(event: Event, analysis: Analysis) -> dict[str, list[tuple[int, int]]]:
    """The event's attacker, target and place as character spans."""

    def spans(actor_ids: tuple[str, ...]) -> list[tuple[int, int]]:
        found = []
        for actor_id in actor_ids:
            mentions = [
                m
                for m in analysis.actors
                if m.actor.actor_id == actor_id and event.evidence.start <= m.start < event.evidence.end
            ]
            if mentions:
                nearest = min(mentions, key=lambda m: abs(m.start - event.trigger.start))
                found.append((nearest.start, nearest.end))
        return found

    place = event.place.mention if event.place is not None else None
    return {
        "attacker": spans(event.source),
        "target": spans(event.target),
        "place": [(place.start, place.end)] if place is not None else [],
    }


@dataclass
class Tally:
    predicted: Counter[str] = field(default_factory=Counter)
    gold: Counter[str] = field(default_factory=Counter)
    correct: Counter[str] = field(default_factory=Counter)  # predicted arguments that are right
    found: Counter[str] = field(default_factory=Counter)  # gold arguments recovered


def _score_document(
    gold_doc: GoldDocument, analysis: Analysis, tally: Tally, coref_tally: Tally, errors: list[str]
) -> tuple[int, int]:
    """Add one document's counts; return (Lanner attack events, of which matched a gold event)."""
    doc = analysis.doc
    assert doc is not None
    gold_heads = [{r: [head(doc, *s) for s in spans] for r, spans in g.args.items()} for g in gold_doc.events]
    coref_heads = [
        {r: [{head(doc, *s) for s in group} for group in groups] for r, groups in g.coref_args.items()}
        for g in gold_doc.events
    ]
    for heads in gold_heads:
        for role, items in heads.items():
            tally.gold[role] += len(items)
            coref_tally.gold[role] += len(items)
    events = [e for e in analysis.events if e.type == "ASSAULT" and e.factuality == "asserted"]
    matched_events = 0
    recovered: set[tuple[int, str, int]] = set()
    coref_recovered: set[tuple[int, str, int]] = set()
    for event in events:
        gold_event = _match(event, gold_doc.events)
        matched_events += gold_event is not None
        index = gold_doc.events.index(gold_event) if gold_event is not None else -1
        for role, spans in predicted_arguments(event, analysis).items():
            for span in dict.fromkeys(spans):
                predicted_head = head(doc, *span)
                tally.predicted[role] += 1
                coref_tally.predicted[role] += 1
                heads = gold_heads[index].get(role, []) if index >= 0 else []
                if predicted_head in heads:
                    tally.correct[role] += 1
                    recovered.add((index, role, heads.index(predicted_head)))
                elif len(errors) < 40:
                    sentence = analysis.article.text[event.evidence.start : event.evidence.end]
                    errors.append(f"spurious {role} {analysis.article.text[span[0] : span[1]]!r} in {sentence[:120]!r}")
                groups = coref_heads[index].get(role, []) if index >= 0 else []
                hit = next((k for k, group in enumerate(groups) if predicted_head in group), None)
                if hit is not None:
                    coref_tally.correct[role] += 1
                    coref_recovered.add((index, role, hit))
    for found, target in ((recovered, tally), (coref_recovered, coref_tally)):
        for _, role, _ in found:
            target.found[role] += 1
    for index, g in enumerate(gold_doc.events):
        for role, spans in g.args.items():
            for k, span in enumerate(spans):
                if (index, role, k) not in recovered and len(errors) < 80:
                    sentence_start = gold_doc.sentence_starts[g.sentence]
                    sentence = gold_doc.text[sentence_start : sentence_start + 120]
                    errors.append(f"missed {role} {gold_doc.text[span[0] : span[1]]!r} in {sentence!r}")
    return len(events), matched_events


def _prf(correct: int, predicted: int, found: int, gold: int) -> tuple[float, float, float]:
    precision = correct / predicted if predicted else 0.0
    recall = found / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return round(precision, 4), round(recall, 4), round(f1, 4)


def _figures(tally: Tally, prefix: str) -> dict[str, float | int | None]:
    figures: dict[str, float | int | None] = {}
    for role in ROLES:
        p, r, f = _prf(tally.correct[role], tally.predicted[role], tally.found[role], tally.gold[role])
        figures.update({f"{prefix}{role}_precision": p, f"{prefix}{role}_recall": r, f"{prefix}{role}_f1": f})
    p, r, f = _prf(
        sum(tally.correct.values()), sum(tally.predicted.values()), sum(tally.found.values()), sum(tally.gold.values())
    )
    figures.update({f"{prefix}arg_c_precision": p, f"{prefix}arg_c_recall": r, f"{prefix}arg_c_f1": f})
    return figures


def _arg_i(gold_docs: list[GoldDocument], analyses: list[Analysis]) -> float:
    """Arg-I head F1: a predicted argument is right when its head is any gold attacker/target/place head
    of the matched gold event, whatever the role."""
    predicted = correct = gold = found = 0
    for gold_doc, analysis in zip(gold_docs, analyses, strict=True):
        doc = analysis.doc
        assert doc is not None
        pools = [{head(doc, *s) for spans in g.args.values() for s in spans} for g in gold_doc.events]
        gold += sum(len(pool) for pool in pools)
        recovered: set[tuple[int, int | None]] = set()
        for event in (e for e in analysis.events if e.type == "ASSAULT" and e.factuality == "asserted"):
            gold_event = _match(event, gold_doc.events)
            index = gold_doc.events.index(gold_event) if gold_event is not None else -1
            heads = {head(doc, *s) for spans in predicted_arguments(event, analysis).values() for s in spans}
            predicted += len(heads)
            for h in heads:
                if index >= 0 and h in pools[index]:
                    correct += 1
                    recovered.add((index, h))
        found += len(recovered)
    return _prf(correct, predicted, found, gold)[2]


def evaluate_wikievents(pipeline: Pipeline, eval_dir: Path, split: str) -> EvalReport:
    """Run Lanner over the split's documents and score attack arguments against the gold."""
    gold_docs = load_gold(eval_dir, split)
    analyses = list(pipeline.pipe(Article(text=d.text, origin=f"wikievents {d.doc_id}") for d in gold_docs))
    tally, coref_tally = Tally(), Tally()
    errors: list[str] = []
    lanner_events = matched = 0
    for gold_doc, analysis in zip(gold_docs, analyses, strict=True):
        found, hit = _score_document(gold_doc, analysis, tally, coref_tally, errors)
        lanner_events += found
        matched += hit
    gold_events = sum(len(d.events) for d in gold_docs)
    gold_matched = sum(
        1 for d, a in zip(gold_docs, analyses, strict=True) for g in d.events if _found_by(g, a, d.events)
    )
    figures: dict[str, float | int | None] = {
        "documents": len(gold_docs),
        "gold_attack_events": gold_events,
        "lanner_attack_events": lanner_events,
        "event_precision": round(matched / lanner_events, 4) if lanner_events else None,
        "event_recall": round(gold_matched / gold_events, 4) if gold_events else None,
        "arg_i_head_f1": _arg_i(gold_docs, analyses),
        **_figures(tally, ""),
        **_figures(coref_tally, "coref_"),
        **{f"gold_{role}_arguments": tally.gold[role] for role in ROLES},
    }
    notes = [
        "Lanner finds its own events (no gold triggers); gold = Conflict.Attack.* events; head-word match",
        "split: dev.jsonl is dev, test.jsonl is test",
    ]
    if split == "dev":
        kinds = Counter(line.split(" ", 2)[0] + " " + line.split(" ", 2)[1] for line in errors)
        notes.append("dev error analysis (first 80 errors): " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))
        notes += [f"  {line}" for line in errors[:12] + [e for e in errors if e.startswith("missed")][:12]]
    return EvalReport(name="wikievents", split=split, figures=figures, notes=notes, baselines=BASELINES)


def _found_by(gold_event: GoldEvent, analysis: Analysis, all_gold: list[GoldEvent]) -> bool:
    """Whether some asserted ASSAULT event of Lanner's matches this gold event."""
    return any(
        _match(e, all_gold) is gold_event for e in analysis.events if e.type == "ASSAULT" and e.factuality == "asserted"
    )
