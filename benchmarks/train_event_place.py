"""Fit and measure a learned ranker for the event's place on Halterman's (2019) event-location labels.

    PYTHONPATH=src python benchmarks/train_event_place.py [--sources A,B] [--every] [--write]

The question: does a logistic regression over cheap parse features pick the event's place better than the hand
rule in lanner.events.place (`rule_key`), which was tuned on the 166 dev sentences of the gold set? The answer
so far is no (benchmarks/results/train_event_place.json): the rule stays and nothing here is shipped.

Training data: the single-annotator records of ../shared/eval/event_location_halterman/labeled_text.jsonl.zip
whose source is Masdar_RA, Atrocities, wiki or coalition (the Gigaword-derived APW/AFP/Xinhua ones are for
internal evaluation only: a random 600 of them are *measured* here, never trained on; `--sources` with them is
a diagnostic that refuses `--write`), less any record whose text is also in gold_RELABEL.jsonl. Spans come from
the token offsets (the character offsets are unreliable).

For each record the sentence runs through Lanner's pipeline; the candidates are the place phrases the events
stage sorts for the event of the gold verb (`place_candidates`: allowed, loose in the parse, vetoed), captured
as the stage computes them (or, with no event at the verb, asked with the verb as trigger, as `lanner eval
event-location` does). A candidate is positive when its tokens overlap the gold LOCATION tokens. An
L2-regularised logistic regression (numpy, Newton steps) scores them; the model takes the best-scoring place and
abstains below a threshold. Regularisation and threshold are chosen by token F1 on a held-out 20% of the
training records, then checked on the gold dev split and the measured Gigaword records. Compared: the rule, the
model over the places the rule allows (its vetoes kept), the model over every place phrase, the rule with the
model's abstention, and the oracle ceiling of each candidate set. With --write the figures go to
benchmarks/results/train_event_place.json and the weights (feature names, version, provenance: sources and
counts, no text) to benchmarks/results/event_place_model.json.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import zipfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from spacy.tokens import Token

import lanner.events.stage as stage_module
from lanner.config import Config, default_eval_dir
from lanner.evaluation.event_location import record_parts
from lanner.events import place as place_module
from lanner.events.roles import Roles
from lanner.pipeline import Pipeline
from lanner.records import Article

TRAIN_SOURCES = ("Masdar_RA", "Atrocities", "wiki", "coalition")
MEASURE_SOURCES = ("APW_RA", "AFP_RA", "Xinhua_RA")  # Gigaword-derived: measured, never trained on
VERSION = "1"
HERE = Path(__file__).resolve().parent
OUT = HERE / "results" / "event_place_model.json"  # not shipped: the model did not beat the rule (see the report)
RESULTS = HERE / "results" / "train_event_place.json"

# Preposition classes: the word says where (in, at), near it, on it, along a route, or from a bearing.
PREP_CLASSES = {
    "in": "in", "at": "in", "inside": "in", "within": "in", "throughout": "in", "across": "in",
    "near": "near", "outside": "near", "around": "near", "nearby": "near", "outskirts": "near", "close": "near",
    "on": "on", "onto": "on", "over": "on", "off": "on",
    "from": "from", "to": "to", "into": "to", "toward": "to", "towards": "to",
    "north": "bearing", "south": "bearing", "east": "bearing", "west": "bearing", "northeast": "bearing",
    "northwest": "bearing", "southeast": "bearing", "southwest": "bearing", "vicinity": "near",
    "through": "route", "along": "route", "via": "route", "between": "route", "past": "route",
    "beyond": "route",
}  # fmt: skip
FEATURE_NAMES = (
    "resolved", "unresolved", "country", "actor", "near", "reference", "by_prep", "object",
    "before", "after", "in_subtree", "governs_trigger", "fronted", "subject",
    "ner_gpe", "ner_loc", "ner_fac", "ner_other", "ner_none", "rank0", "rank1", "rank2+",
    "tier0", "tier1", "tier2", "cost0", "cost1", "cost2", "cost3+",
    "spec0", "spec1", "spec2", "spec3", "spec4", "spec5", "spec6",
    "prep_in", "prep_near", "prep_on", "prep_from", "prep_to", "prep_bearing", "prep_route", "prep_other",
    "prep_none", "dist0-3", "dist4-8", "dist9-15", "dist16+", "path1-2", "path3-4", "path5+",
    "n1", "n2", "n3+", "trig_verb", "trig_noun", "trig_other", "trig_root", "trig_clause", "trig_conj",
    "trig_vbn", "trig_vbg", "dep_pobj", "dep_dobj", "dep_subj", "dep_mod", "dep_other", "prep_on_verb",
    "prep_on_noun", "verb_between", "tier0_in", "tier0_near", "tier0_on", "tier0_object", "tier0_x", "tier1_in",
    "tier2_in",
    "veto_actor", "veto_owner", "veto_loose", "veto_role",
)  # fmt: skip


def candidate_features(c: Any, trigger: Token, rank: int, count: int) -> list[str]:
    """The binary features of one candidate place (names from FEATURE_NAMES). `rank` is its place in the hand
    rule's order, `count` the number of place phrases in the sentence."""
    root = c.tokens.root
    place = c.mention.place
    out = ["resolved" if place is not None else "unresolved", f"tier{min(c.tier, 2)}"]
    out.append("cost3+" if c.cost >= 3 else f"cost{c.cost}")
    out.append(f"spec{min(c.specificity, 6)}")
    if place is not None and place.feature == "country":
        out.append("country")
    if c.actor:
        out.append("actor")
    if c.near:
        out.append("near")
    if c.reference:
        out.append("reference")
    out.append("by_prep" if c.by_prep else "object")
    out.append("prep_" + (PREP_CLASSES.get(c.word, "other") if c.word else "none"))
    out.append("before" if c.tokens.start < trigger.i else "after")
    gap = abs(c.tokens.start - trigger.i)
    out.append("dist0-3" if gap <= 3 else "dist4-8" if gap <= 8 else "dist9-15" if gap <= 15 else "dist16+")
    path = _path_length(root, trigger)
    out.append("path1-2" if path <= 2 else "path3-4" if path <= 4 else "path5+")
    if _governs(trigger, root):
        out.append("in_subtree")
    elif _governs(root, trigger):
        out.append("governs_trigger")
    if c.tokens.start <= c.tokens.sent.start + 2:
        out.append("fronted")  # "In Aleppo, ..."
    if root.dep_ in ("nsubj", "nsubjpass"):
        out.append("subject")
    label = root.ent_type_
    out.append({"GPE": "ner_gpe", "LOC": "ner_loc", "FAC": "ner_fac", "": "ner_none"}.get(label, "ner_other"))
    out.append("rank0" if rank == 0 else "rank1" if rank == 1 else "rank2+")
    out.append({"VERB": "trig_verb", "NOUN": "trig_noun"}.get(trigger.pos_, "trig_other"))
    dep = trigger.dep_
    if dep == "ROOT":
        out.append("trig_root")
    elif dep in ("ccomp", "advcl", "relcl", "acl", "xcomp", "parataxis"):
        out.append("trig_clause")
    elif dep == "conj":
        out.append("trig_conj")
    if trigger.tag_ == "VBN":
        out.append("trig_vbn")
    elif trigger.tag_ == "VBG":
        out.append("trig_vbg")
    rdep = root.dep_
    out.append(
        "dep_pobj" if rdep == "pobj" else "dep_dobj" if rdep == "dobj" else "dep_subj" if rdep.startswith("nsubj")
        else "dep_mod" if rdep in ("compound", "appos", "conj", "nmod", "amod", "poss") else "dep_other"
    )  # fmt: skip
    if rdep == "pobj":
        out.append("prep_on_verb" if root.head.head.pos_ in ("VERB", "AUX") else "prep_on_noun")
    if _verb_between(root, trigger):
        out.append("verb_between")
    pclass = PREP_CLASSES.get(c.word, "other") if c.word else "none"
    if c.tier == 0:
        out.append("tier0_" + ("object" if not c.by_prep else pclass if pclass in ("in", "near", "on") else "x"))
    elif pclass == "in":
        out.append(f"tier{min(c.tier, 2)}_in")
    out.append("n1" if count == 1 else "n2" if count == 2 else "n3+")
    return out


def _verb_between(place: Token, trigger: Token) -> bool:
    """Another verb on the way up from the place to the trigger (or to their common ancestor)."""
    token = place.head
    for _ in range(12):
        if token.i == trigger.i or token.head.i == token.i:
            return False
        if token.pos_ == "VERB":
            return True
        token = token.head
    return False


def _governs(above: Token, below: Token) -> bool:
    for _ in range(30):
        if below.i == above.i:
            return True
        if below.head.i == below.i:
            return False
        below = below.head
    return False


def _path_length(a: Token, b: Token) -> int:
    """Dependency arcs between two tokens (through their lowest common ancestor), capped at 9."""
    depth: dict[int, int] = {}
    token, steps = a, 0
    while steps < 10:
        depth[token.i] = steps
        if token.head.i == token.i:
            break
        token, steps = token.head, steps + 1
    token, steps = b, 0
    while steps < 10:
        if token.i in depth:
            return min(9, steps + depth[token.i])
        if token.head.i == token.i:
            break
        token, steps = token.head, steps + 1
    return 9


@dataclass
class Item:
    """One sentence: its candidates' features, labels, the tokens each would predict, and the gold tokens."""

    source: str
    gold: frozenset[int]
    features: list[list[str]]  # per candidate, in the rule's order
    labels: list[int]
    predicted: list[frozenset[int]]  # gold-token indices the event's place would cover were it chosen
    eligible: list[bool]  # the rule allows it (the others: loose in the parse, or vetoed)


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def load_records(eval_dir: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    corpus = eval_dir / "event_location_halterman"
    with zipfile.ZipFile(corpus / "labeled_text.jsonl.zip") as z:
        every = json.loads(z.read("labeled_text.jsonl"))
    gold = [json.loads(line) for line in (corpus / "gold_RELABEL.jsonl").open(encoding="utf-8") if line.strip()]
    return every, gold


def extract(pipeline: Pipeline, records: list[dict[str, Any]]) -> list[Item]:
    """Run the pipeline and capture, per record, the candidates of the event at the gold verb."""
    captured: dict[tuple[int, int], tuple[Any, ...]] = {}
    original = stage_module.event_place
    doc_ids: dict[int, int] = {}

    def spy(sentence, trigger, roles, index):
        key = (doc_ids.get(id(trigger.doc), -1), trigger.i)
        captured.setdefault(key, (trigger, roles, index))
        return original(sentence, trigger, roles, index)

    stage_module.event_place = spy
    knowledge_base = pipeline.stage("events").knowledge_base  # type: ignore[attr-defined]
    items: list[Item] = []
    parts = [record_parts(r) for r in records]
    try:
        stages = pipeline.stages
        nlp_stage, *rest = stages
        from lanner.records import Analysis

        analysed = nlp_stage.pipe(Analysis(article=Article(text=r["text"])) for r in records)  # type: ignore[attr-defined]
        for k, (raw, (tokens, verb, gold), analysis) in enumerate(zip(records, parts, analysed, strict=True)):
            captured.clear()
            doc = analysis.doc
            doc_ids[id(doc)] = k
            for stage in rest:
                analysis = stage(analysis)
            if verb is None or doc is None:
                continue
            trigger = roles = index = None
            for event in analysis.events:
                if event.trigger.start < verb[1] and verb[0] < event.trigger.end:
                    for (d, i), value in captured.items():
                        if d == k and event.trigger.start <= doc[i].idx < event.trigger.end:
                            trigger, roles, index = value
                            break
                    break
            if trigger is None:
                span = doc.char_span(verb[0], verb[1], alignment_mode="expand")
                if span is None or len(span) == 0:
                    continue
                trigger = span.root
                roles = Roles((), ())
                index = stage_module._MentionIndex(analysis, doc, knowledge_base)
            items.append(candidates_of(raw.get("source", "gold"), trigger, roles, index, tokens, gold))
    finally:
        stage_module.event_place = original
    return items


def candidates_of(source, trigger, roles, index, tokens, gold) -> Item:
    candidates, unattached, vetoed = place_module.place_candidates(trigger.sent, trigger, roles, index)
    ranked = sorted(candidates, key=lambda c: place_module.rule_key(c, trigger))
    count = len(candidates) + len(unattached)
    item = Item(source, gold, [], [], [], [])
    for rank, c in enumerate(ranked + unattached + vetoed):
        feats = candidate_features(c, trigger, min(rank, 2), count)
        item.eligible.append(not c.veto)
        if c.veto:
            feats.append("veto_" + c.veto)
        item.features.append(feats)
        own = covered(tokens, c.tokens.start_char, c.tokens.end_char)
        item.labels.append(int(bool(own & gold)))
        chosen = place_module._located(place_module._innermost(c, candidates + unattached), candidates, index)
        mention = chosen.mention
        item.predicted.append(covered(tokens, mention.start, mention.end) if mention is not None else frozenset())
    return item


def covered(tokens: Sequence[tuple[int, int]], start: int, end: int) -> frozenset[int]:
    return frozenset(i for i, (s, e) in enumerate(tokens) if s < end and start < e)


def matrix(items: list[Item], names: dict[str, int], every: bool) -> tuple[np.ndarray, np.ndarray]:
    rows = [f for item in items for f, ok in zip(item.features, item.eligible, strict=True) if ok or every]
    x = np.zeros((len(rows), len(names) + 1))
    x[:, -1] = 1.0  # bias
    for r, feats in enumerate(rows):
        for f in feats:
            if f in names:
                x[r, names[f]] = 1.0
    y = [label for item in items for label, ok in zip(item.labels, item.eligible, strict=True) if ok or every]
    return x, np.array(y, dtype=float)


def fit(x: np.ndarray, y: np.ndarray, l2: float) -> np.ndarray:
    """L2-regularised logistic regression by Newton's method (the bias is not penalised)."""
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[-1] = 1e-6
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + penalty * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def score_items(items: list[Item], choose) -> dict[str, float]:
    """Token P/R/F1 and no-location accuracy, as `lanner eval event-location` counts them."""
    tp = fp = fn = unlocated = right = 0
    for item in items:
        k = choose(item)
        predicted = item.predicted[k] if k is not None else frozenset()
        hit = len(predicted & item.gold)
        tp, fp, fn = tp + hit, fp + len(predicted) - hit, fn + len(item.gold) - hit
        if not item.gold:
            unlocated += 1
            right += not predicted
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"f1": f, "p": p, "r": r, "noloc": right / unlocated if unlocated else 0.0, "n": len(items)}


def rule_choice(item: Item) -> int | None:
    return 0 if item.eligible and item.eligible[0] else None


def oracle_choice(item: Item, every: bool = False) -> int | None:
    """The best the ranker could do with these candidates (for the ceiling, not a method)."""
    best, best_f = None, 0.0 if item.gold else 1.0
    for k, predicted in enumerate(item.predicted):
        if not (item.eligible[k] or every):
            continue
        hit = len(predicted & item.gold)
        f = 2 * hit / (len(predicted) + len(item.gold)) if predicted or item.gold else 1.0
        if f > best_f:
            best, best_f = k, f
    return best


def abstain_choice(w: np.ndarray, names: dict[str, int], threshold: float):
    """The rule's place, unless the model scores it below the threshold (then none)."""

    def choose(item: Item) -> int | None:
        if not (item.eligible and item.eligible[0]):
            return None
        z = w[-1] + sum(w[names[f]] for f in item.features[0] if f in names)
        return 0 if 1 / (1 + np.exp(-z)) >= threshold else None

    return choose


def model_choice(w: np.ndarray, names: dict[str, int], threshold: float, every: bool):
    def choose(item: Item) -> int | None:
        best, best_p = None, -1.0
        for k, feats in enumerate(item.features):
            if not (every or item.eligible[k]):
                continue
            z = w[-1] + sum(w[names[f]] for f in feats if f in names)
            p = 1 / (1 + np.exp(-z))
            if p > best_p:
                best, best_p = k, p
        return best if best_p >= threshold else None

    return choose


def fmt(s: dict[str, float]) -> str:
    return f"F1 {s['f1']:.3f}  P {s['p']:.3f}  R {s['r']:.3f}  no-loc {s['noloc']:.3f}  (n={s['n']})"


LINES: list[str] = []


def say(line: str) -> None:
    """Print a line of the comparison and keep it for the results file (figures only, never text)."""
    print(line)
    LINES.append(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write the figures and weights to benchmarks/results")
    parser.add_argument("--measure", type=int, default=600, help="Gigaword-derived records to measure on")
    parser.add_argument("--every", action="store_true", help="let the model pick loose and vetoed places too")
    parser.add_argument("--sources", default=",".join(TRAIN_SOURCES), help="training sources (a subset of the allowed)")
    args = parser.parse_args()
    sources = tuple(args.sources.split(","))
    if args.write and not set(sources) <= set(TRAIN_SOURCES):
        parser.error(f"a shipped model may be trained on {', '.join(TRAIN_SOURCES)} only")
    records, gold = load_records(default_eval_dir())
    gold_texts = {norm(r["text"]) for r in gold}
    train_raw = [r for r in records if r.get("source") in sources and norm(r["text"]) not in gold_texts]
    dropped = sum(1 for r in records if r.get("source") in sources and norm(r["text"]) in gold_texts)
    measure_raw = [
        r
        for r in records
        if r.get("source") in MEASURE_SOURCES and r.get("source") not in sources and norm(r["text"]) not in gold_texts
    ]
    random.Random(7).shuffle(measure_raw)
    measure_raw = measure_raw[: args.measure]
    dev_raw = [r for i, r in enumerate(gold) if i % 3 == 0]
    pipeline = Pipeline.build(Config())
    train_all = extract(pipeline, train_raw)
    measure = extract(pipeline, measure_raw)
    dev = extract(pipeline, dev_raw)
    order = list(range(len(train_all)))
    random.Random(13).shuffle(order)
    cut = len(order) // 5
    held = [train_all[i] for i in order[:cut]]
    train = [train_all[i] for i in order[cut:]]
    names = {f: k for k, f in enumerate(FEATURE_NAMES)}
    say(f"training records {len(train_raw)} (dropped {dropped} also in gold), sentences used {len(train_all)}")
    sets = {"held-out": held, "dev": dev, "measure": measure}
    for name, items in sets.items():
        say(f"rule       {name:9s} " + fmt(score_items(items, rule_choice)))
        say(f"oracle     {name:9s} " + fmt(score_items(items, oracle_choice)))
        say(f"oracle-all {name:9s} " + fmt(score_items(items, lambda i: oracle_choice(i, True))))
    for source in sorted({i.source for i in held}):
        part = [i for i in held if i.source == source]
        say(f"rule held-out {source:11s} " + fmt(score_items(part, rule_choice)))
    chosen: dict[bool, tuple[float, float, np.ndarray]] = {}
    for every in (False, True):
        x, y = matrix(train, names, every)
        best: tuple[float, float, float] | None = None
        for l2 in (0.3, 1.0, 3.0, 10.0, 30.0):
            w = fit(x, y, l2)
            for threshold in np.arange(0.05, 0.65, 0.05):
                s = score_items(held, model_choice(w, names, float(threshold), every))
                if best is None or s["f1"] > best[0]:
                    best = (s["f1"], l2, float(threshold))
        assert best is not None
        _, l2, threshold = best
        w = fit(x, y, l2)
        label = "model-all" if every else "model"
        say(f"{label}: chosen on held-out l2 {l2}, threshold {threshold:.2f}")
        for name, items in sets.items():
            say(f"{label:10s} {name:9s} " + fmt(score_items(items, model_choice(w, names, threshold, every))))
        for t in (threshold - 0.1, threshold - 0.05, threshold + 0.05):
            say(f"  threshold {t:.2f}: dev " + fmt(score_items(dev, model_choice(w, names, t, every))))
        chosen[every] = (l2, threshold, w)
        if not every:
            for t in (0.1, 0.15, 0.2, 0.25, 0.3, 0.35):
                line = "  ".join(
                    f"{n} {score_items(i, abstain_choice(w, names, t))['f1']:.3f}" for n, i in sets.items()
                )
                say(f"  rule+abstain {t:.2f}: {line}")
    every = args.every
    l2, threshold, _w = chosen[every]
    xa, ya = matrix(train_all, names, every)
    w_all = fit(xa, ya, l2)
    say("final, fitted on all training records:")
    for name, items in sets.items():
        say(f"final      {name:9s} " + fmt(score_items(items, model_choice(w_all, names, threshold, every))))
    weights = {f: round(float(w_all[k]), 4) for f, k in names.items()}
    print("weights:", json.dumps(dict(sorted(weights.items(), key=lambda kv: -abs(kv[1])))))
    if args.write:
        counts = Counter(item.source for item in train_all)
        model = {
            "version": VERSION,
            "about": "Logistic-regression weights for the event's place, fitted by benchmarks/train_event_place.py; "
            "not shipped (the hand rule was as good on held-out data). No text from the training data is stored here.",
            "training_data": {
                "corpus": "Halterman 2019 event-location labels (ahalterman/event_location @ 444a2df, MIT)",
                "sources": sorted(sources),
                "sentences_by_source": dict(sorted(counts.items())),
                "excluded": "records whose text is in the RELABEL gold set; the Gigaword-derived sources",
                "candidates": len(ya),
                "candidate_set": "every place phrase" if every else "the places the rule allows",
                "positives": int(ya.sum()),
            },
            "l2": l2,
            "threshold": round(threshold, 4),
            "bias": round(float(w_all[-1]), 4),
            "feature_names": list(FEATURE_NAMES),
            "weights": weights,
        }
        OUT.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
        results = {"sources": sorted(sources), "candidate_set": model["training_data"]["candidate_set"], "lines": LINES}
        RESULTS.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUT} and {RESULTS}")


if __name__ == "__main__":
    main()
