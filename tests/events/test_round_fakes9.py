"""Round fakes9: a headline's capitalised attack noun still names its means ("Killed in Syrian and Russian
Airstrikes"), and a place name before a bomb noun says where it went off, not who set it ("Syria car bomb").
Sentences written for these tests in the style of wire headlines, through the real pipeline."""

from __future__ import annotations

from datetime import date

from lanner.records import Article, Event

PUBLISHED = date(2016, 5, 3)


def assaults(pipeline, text: str) -> list[Event]:
    return [e for e in pipeline(Article(text=text, published=PUBLISHED)).events if e.type == "ASSAULT"]


def test_capitalised_headline_means_names_the_attackers(pipeline) -> None:
    text = "Wed Nov 23 2016 70 Killed in Syrian and Russian Airstrikes on ISIS Training Camp in Homs."
    first = assaults(pipeline, text)[0]
    assert first.trigger.text == "Killed"
    assert "RU.state_forces" in first.source


def test_lower_case_means_still_names_the_attackers(pipeline) -> None:
    text = "Wed Nov 23 2016 70 killed in Russian airstrikes on a training camp in Homs."
    assert "RU.state_forces" in assaults(pipeline, text)[0].source


def test_place_name_before_a_car_bomb_is_not_the_bomber(pipeline) -> None:
    text = "Opposition minister among 12 dead in Syria car bomb. Syria mourned the dead."
    found = assaults(pipeline, text)
    assert found
    assert not any(actor.startswith("SY.") for actor in found[0].source)


def test_demonym_before_a_bombing_keeps_its_reading(pipeline) -> None:
    text = "Twelve people were killed in a Russian bombing of a market in Syria, a monitor in Syria said."
    assert any(actor.startswith("RU.") for e in assaults(pipeline, text) for actor in e.source)
