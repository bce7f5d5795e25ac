"""`lanner eval muc4`: the answer keys parse as the README counts them, string and date fills are scored as
the MUC guidelines' examples say, and the dev run reports per-slot and ALL-TEMPLATES figures."""

from __future__ import annotations

from datetime import date

import pytest

from lanner.evaluation import run_evaluation
from lanner.evaluation.muc4 import (
    FILLED_SLOTS,
    date_score,
    dateline_date,
    location_score,
    read_keys,
    read_texts,
    string_score,
)

MUC = "muc34_terrorism_templates"


def test_tst3_keys_and_texts_parse(shared_dir):
    keys = read_keys(shared_dir / "eval" / MUC / "keys" / "key-tst3.v2")
    texts = read_texts(shared_dir / "eval" / MUC / "texts" / "tst3-muc4")
    assert len(texts) == len(keys) == 100
    assert sum(len(templates) for templates in keys.values()) == 154 - 31  # the README's counts, minus `*`
    assert sum(1 for templates in keys.values() if not templates) == 31
    first = keys["TST3-MUC4-0002"][0]
    assert first.slots["INCIDENT: TYPE"] == [(["ATTACK"], False)]
    assert [alts for alts, _ in first.slots["HUM TGT: DESCRIPTION"]] == [['"JESUITS"'], ['"MAIDS"']]
    assert dateline_date(texts["TST3-MUC4-0003"]) is not None


@pytest.mark.parametrize(
    ("response", "key", "credit"),
    [
        ("THE 3 PEASANTS", ['"PEASANTS"'], 1.0),  # scoring-guidelines.v7 3.1.1.1
        ("Torres", ['"ALBERTO ROBERTO TORRES"'], 0.5),  # 3.1.1.2: part of a name
        ("brigade", ['"6TH INFANTRY BRIGADE"'], 0.5),
        ("guerrillas", ['"SHINING PATH"'], 0.0),
    ],
)
def test_string_fills(response, key, credit):
    assert string_score(response, key) == credit


def test_date_and_location_fills():
    day = date(1989, 11, 16)
    assert date_score((day, day), ["16 NOV 89"]) == 1.0
    assert date_score((date(1989, 11, 10), day), ["16 NOV 89"]) == 0.5  # a week that contains the day
    assert date_score((day, day), ["- 13 NOV 89"]) == 0.0
    assert date_score((date(1988, 11, 5), date(1988, 11, 5)), ["01 NOV 88 - 30 NOV 88"]) == 0.5
    key = ["PERU: LIMA (CITY): SAN ISIDRO (NEIGHBORHOOD)"]
    assert location_score("PERU: LIMA", key) == 1.0
    assert location_score("PERU: CUSCO", key) == 0.5
    assert location_score("EL SALVADOR", ["EL SALVADOR"]) == 1.0


@pytest.mark.eval
def test_dev_run_reports_slots_and_all_templates(pipeline, shared_dir):
    report = run_evaluation("muc4", pipeline, shared_dir / "eval", "dev")
    figures = report.figures
    assert figures["messages"] == 100
    for slot in FILLED_SLOTS:
        name = slot.lower().replace(": ", "_").replace(" ", "_")
        for measure in ("recall", "precision", "f"):
            assert 0.0 <= figures[f"{name}_{measure}"] <= 100.0
    # counting the slots Lanner leaves empty as missing can only lower recall, never precision
    assert figures["all_slots_recall"] <= figures["all_templates_recall"]
    assert figures["all_slots_precision"] == figures["all_templates_precision"]
    assert any("GE" in system for system in report.baselines)
