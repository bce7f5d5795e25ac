"""`lanner eval event-location` on Halterman's gold sentences: reading, scoring and the dev split."""

from __future__ import annotations

from pathlib import Path

import pytest

from lanner.evaluation.base import in_split
from lanner.evaluation.event_location import CORPUS_DIR, GOLD_FILE, evaluate_event_location, read_gold, tokens_of

pytestmark = [pytest.mark.model, pytest.mark.eval]


@pytest.fixture(scope="module")
def records(shared_dir: Path):  # type: ignore[no-untyped-def]
    return read_gold(shared_dir / "eval" / CORPUS_DIR / GOLD_FILE)


def test_gold_is_read_from_token_offsets(records) -> None:  # type: ignore[no-untyped-def]
    assert len(records) == 494  # 496 lines, two without any span
    located = [r for r in records if r.locations]
    assert len(located) == 336
    first = records[0]
    assert first.text[first.verb[0] : first.verb[1]] == "killed"
    assert [first.text[first.tokens[i][0] : first.tokens[i][1]] for i in sorted(first.locations)] == ["Aziziyah"]
    # a predicted character span maps back to the gold tokens it overlaps
    start = first.text.index("Aziziyah")
    assert tokens_of(first, ((start, start + len("Aziziyah")),)) == first.locations


def test_split_is_by_file_position(records) -> None:  # type: ignore[no-untyped-def]
    dev = [r for r in records if in_split(r.position, "dev")]
    test = [r for r in records if in_split(r.position, "test")]
    assert len(dev) + len(test) == len(records)
    assert {r.position for r in dev}.isdisjoint({r.position for r in test})


def test_dev_split_scores(pipeline, shared_dir: Path) -> None:  # type: ignore[no-untyped-def]
    report = evaluate_event_location(pipeline, shared_dir / "eval", "dev")
    figures = report.figures
    assert figures["sentences"] == 166
    assert figures["with_location"] + figures["without_location"] == 166  # type: ignore[operator]
    assert figures["token_f1"] >= 0.45  # type: ignore[operator]
    assert figures["no_location_accuracy"] >= 0.6  # type: ignore[operator]
    assert figures["event_at_verb_rate"] >= 0.9  # type: ignore[operator]
    assert report.notes  # each miss is listed for error analysis
