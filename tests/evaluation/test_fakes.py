"""`lanner eval fakes`: governorate names normalise to one key, actors map to the gold's perpetrator classes,
and the dev run reports the brief's figures."""

from __future__ import annotations

import pytest

from lanner.evaluation import run_evaluation
from lanner.evaluation.fakes import (
    ADMIN1_CODES,
    PERPETRATOR_CLASSES,
    article_cause,
    cause_of_death,
    governorate_key,
    load_gold,
    perpetrator_class,
    predicted_governorate,
)
from lanner.records import Analysis, Article, Place, PlaceMention


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
        (("jaysh_al_islam",), "opposition"),  # a Syrian rebel group the table does not name
        (("SY.rebels",), "opposition"),
        (("generic.rebels",), "opposition"),
        (("national_defence_forces",), "government"),  # a pro-government militia
        (("generic.kurdish_forces",), "kurdish"),
        (("generic.gunmen",), "unknown"),
        (("hezbollah",), "government"),  # the government's foreign allies in the war count as its side
        (("IR.state_forces",), "government"),
        (("al_shabaab",), "unknown"),  # no side in the Syrian war
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


def _mention(start: int, name: str, feature: str, country: str | None, admin1: str | None = None,
             lat: float | None = None, lon: float | None = None) -> PlaceMention:  # fmt: skip
    place = Place(name=name, feature=feature, lat=lat, lon=lon, country=country, admin1=admin1)  # type: ignore[arg-type]
    return PlaceMention(start=start, end=start + len(name), text=name, place=place, confidence=0.9)


def _analysis(*mentions: PlaceMention) -> Analysis:
    return Analysis(article=Article(text="x" * 500), places=list(mentions))


def test_governorate_is_the_first_syrian_place_below_country_level():
    analysis = _analysis(
        _mention(0, "Syria", "country", "SY", lat=35.0, lon=38.0),
        _mention(10, "Beirut", "city", "LB", "04", 33.9, 35.5),
        _mention(20, "Azaz", "city", "SY", "09", 36.59, 37.04),
        _mention(30, "Damascus", "city", "SY", "13", 33.51, 36.29),
        _mention(40, "Douma", "city", "SY", "08", 33.57, 36.40),
    )
    assert predicted_governorate(analysis) == "aleppo"  # named first, though Damascus governorate is named twice


@pytest.mark.parametrize(
    ("mention", "key"),
    [
        (_mention(0, "Eastern Ghouta", "region", "SY", None, 33.55, 36.4), "damascus"),
        (_mention(0, "Golan Heights", "landform", "SY", None, 33.0, 35.75), "quneitra"),
        (_mention(0, "Aleppo countryside", "region", "SY", None, 36.2, 37.3), "aleppo"),
        (_mention(0, "Idlib", "admin1", "SY", "ID", 35.8, 36.6), "idlib"),
        (_mention(0, "Syrian Desert", "region", "SY", None, 34.6, 38.3), None),  # far from every capital
        (_mention(0, "Syria", "country", "SY", None, 35.0, 38.0), None),
    ],
)
def test_places_without_a_governorate_code_take_the_nearest_capital(mention, key):
    assert predicted_governorate(_analysis(mention)) == key


def test_the_lede_names_the_weapon_a_plain_killing_does_not(pipeline):
    text = (
        "At least 16 people were killed in Hasakah on Tuesday, a monitor said. "
        "A suicide bomber on a motorcycle blew himself up outside a bakery in the city."
    )
    analysis = pipeline(Article(text=text))
    killing = next(e for e in analysis.events if e.trigger.text == "killed")
    assert cause_of_death(killing) == "shooting"  # the event's own words name no weapon
    assert article_cause(analysis, killing) == "explosion"
