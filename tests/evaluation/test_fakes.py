"""`lanner eval fakes`: governorate names normalise to one key, actors map to the gold's perpetrator classes,
and the dev run reports the brief's figures."""

from __future__ import annotations

import pytest

from lanner.evaluation import run_evaluation
from lanner.evaluation.fakes import ADMIN1_CODES, PERPETRATOR_CLASSES, governorate_key, load_gold, perpetrator_class


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Deir ez-Zor", "deir ezzor"),
        ("Deir Ezzor", "deir ezzor"),
        ("deir ezzor", "deir ezzor"),
        ("Idleb", "idlib"),
        ("Al-Hasakah", "hasakeh"),
        ("hasakeh", "hasakeh"),
        ("Rif Dimashq", "damascus"),
        ("Damascus countryside", "damascus"),
        ("Ar Raqqah", "raqqa"),
        ("Latakia", "lattakia"),
        ("Ḩamāh", "hama"),
        ("Mosul", None),
    ],
)
def test_governorate_names_normalise(name, key):
    assert governorate_key(name) == key


def test_every_gold_location_has_a_key(shared_dir):
    locations = {row["location"] for row in load_gold(shared_dir / "eval")}
    assert all(governorate_key(location) for location in locations), locations
    assert set(ADMIN1_CODES.values()) >= {governorate_key(location) for location in locations}


def test_every_gold_actor_is_a_known_class(shared_dir):
    assert {row["actor"] for row in load_gold(shared_dir / "eval")} <= set(PERPETRATOR_CLASSES)


@pytest.mark.parametrize(
    ("actor_ids", "expected"),
    [
        (("SY.state_forces",), "government"),
        (("RU.state_forces",), "government"),
        (("islamic_state",), "isis"),
        (("ypj",), "kurdish"),  # through its parent, the YPG
        (("US.state_forces",), "coalition"),
        (("hayat_tahrir_al_sham",), "nusra"),
        (("generic.civilians", "free_syrian_army"), "opposition"),  # the first actor with a class
        ((), "unknown"),
    ],
)
def test_source_actors_map_to_perpetrator_classes(pipeline, actor_ids, expected):
    assert perpetrator_class(actor_ids, pipeline) == expected


@pytest.mark.eval
def test_dev_run_reports_the_brief_figures(pipeline, shared_dir):
    report = run_evaluation("fakes", pipeline, shared_dir / "eval", "dev")
    figures = report.figures
    assert figures["articles"] == 268  # 804 articles, every third is dev
    for name in ("governorate_accuracy", "perpetrator_macro_f1", "cause_of_death_accuracy", "civilian_deaths_exact"):
        assert figures[name] is not None and 0.0 <= figures[name] <= 1.0, name
    assert figures["governorate_accuracy"] <= figures["governorate_coverage"]
    assert len([k for k in figures if k.startswith("perpetrator_f1_")]) == 7
    assert figures["civilian_deaths_mae"] >= 0
    assert any(note.startswith("dev errors, governorate") for note in report.notes)
