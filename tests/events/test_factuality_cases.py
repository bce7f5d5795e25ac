"""The factuality case set (src/lanner/data/factuality_cases.yaml) is well formed, and its dev cases hold."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from lanner.evaluation.factuality import KINDS, load_cases
from lanner.events import PLOVER_TYPES

CASES = load_cases()


def test_the_set_is_large_and_covers_every_kind_evenly():
    counts = Counter(case["factuality"] for case in CASES)
    assert len(CASES) >= 150
    assert set(counts) == set(KINDS)
    assert min(counts.values()) >= 0.8 * max(counts.values())


def test_both_splits_hold_every_kind():
    """Positions alternate dev/test; the round-robin order gives each split every kind."""
    for parity in (0, 1):
        assert {case["factuality"] for i, case in enumerate(CASES) if i % 2 == parity} == set(KINDS)


def test_cases_cycle_through_the_kinds_so_appended_rounds_split_evenly():
    """Cases are only ever appended, in the kinds' order: each split then gets half of every kind, and
    no existing case changes split when a round is added."""
    assert [case["factuality"] for case in CASES] == [KINDS[i % len(KINDS)] for i in range(len(CASES))]
    for kind in KINDS:
        dev = sum(1 for i, case in enumerate(CASES) if case["factuality"] == kind and i % 2 == 0)
        test = sum(1 for i, case in enumerate(CASES) if case["factuality"] == kind and i % 2 == 1)
        assert abs(dev - test) <= 1


@pytest.mark.parametrize("case", CASES, ids=[f"{i}" for i in range(len(CASES))])
def test_each_case_names_a_word_of_its_sentence(case):
    assert set(case) <= {"text", "event", "type", "factuality"}
    assert case["factuality"] in KINDS
    assert case.get("type", "ASSAULT") in PLOVER_TYPES
    assert re.search(rf"\b{re.escape(case['event'])}\b", case["text"], flags=re.IGNORECASE), case


def test_texts_are_unique():
    assert len({case["text"] for case in CASES}) == len(CASES)
