"""`lanner eval wikievents`: the gold's token offsets land on the right words of the rebuilt text, head
matching uses the parse, and the dev run reports per-role figures."""

from __future__ import annotations

import pytest

from lanner.errors import EvalError
from lanner.evaluation import run_evaluation
from lanner.evaluation.wikievents import ROLES, load_gold


@pytest.mark.parametrize("split", ["dev", "test"])
def test_gold_offsets_point_at_the_trigger_and_argument_words(shared_dir, split):
    import json

    documents = load_gold(shared_dir / "eval", split)
    assert len(documents) == 20
    raw = [json.loads(line) for line in (shared_dir / "eval" / "wikievents" / f"{split}.jsonl").open()]
    for document, source in zip(documents, raw, strict=True):
        attacks = [e for e in source["event_mentions"] if e["event_type"].startswith("Conflict.Attack")]
        assert len(document.events) == len(attacks)
        for event, gold in zip(document.events, attacks, strict=True):
            assert document.text[event.trigger[0] : event.trigger[1]] == gold["trigger"]["text"]
            for role, spans in event.args.items():
                assert role in ROLES
                assert all(document.text[s:e].strip() for s, e in spans)


def test_unknown_split_is_a_coded_error(shared_dir, pipeline):
    with pytest.raises(EvalError):
        run_evaluation("wikievents", pipeline, shared_dir / "eval", "train")


@pytest.mark.eval
def test_dev_run_reports_each_role(pipeline, shared_dir):
    report = run_evaluation("wikievents", pipeline, shared_dir / "eval", "dev")
    figures = report.figures
    assert figures["documents"] == 20
    assert figures["gold_attack_events"] == 102
    for role in ROLES:
        for measure in ("precision", "recall", "f1"):
            assert 0.0 <= figures[f"{role}_{measure}"] <= 1.0
        # coreference only adds acceptable heads, so it can never score lower
        assert figures[f"coref_{role}_recall"] >= figures[f"{role}_recall"]
    assert 0.0 <= figures["arg_i_head_f1"] <= 1.0
    assert figures["arg_i_head_f1"] >= figures["arg_c_f1"] - 1e-9, "ignoring the role cannot lose matches"
    assert any(note.startswith("dev error analysis") for note in report.notes)
