"""The event's own place, round 8: names the event-place rule finds though neither the NER nor the gazetteer calls
them places (candidate recall). One rule per test, on sentences written for them.

Hand-written sentences through the real pipeline (real spaCy model, real gazetteer).
"""

from __future__ import annotations

import pytest
from eventtools import rule_place


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # the kind of place written as a title before the name, without "of"
        ("The landmine, laid at village Lassipora, was detonated as a truck passed.", "laid", "Lassipora"),
        ("Militants detonated two car bombs in oil city Port Harcourt on Monday.", "detonated", "Port Harcourt"),
        ("Insurgents detonated a bomb at a bus stop in the southern province Pattani.", "detonated", "Pattani"),
    ],
)
def test_a_place_noun_before_a_name_makes_it_a_place(pipeline, text: str, word: str, expected: str) -> None:
    assert rule_place(pipeline, text, word) == expected


def test_a_commune_names_a_place(pipeline) -> None:
    text = "Soldiers shelled the Mubingi commune on Tuesday."
    assert rule_place(pipeline, text, "shelled") == "Mubingi"


def test_captured_takes_a_town_the_ner_calls_an_organisation(pipeline) -> None:
    text = "The northeastern rebels first captured Birao on Oct. 29, but lost it a month later."
    assert rule_place(pipeline, text, "captured") == "Birao"


def test_captured_takes_no_person_for_a_place(pipeline) -> None:
    assert rule_place(pipeline, "Police captured Hambali in a raid.", "captured") is None


def test_a_named_base_of_an_organisation_is_not_the_place(pipeline) -> None:
    """The MFO base is no place name of its own: the place is the town the base is in."""
    text = "Two suicide bombers struck near the MFO base in Al-Gurah, 30 km southeast of Al-Arish."
    assert rule_place(pipeline, text, "struck") != "MFO"


def test_a_sector_names_a_place(pipeline) -> None:
    text = "Five villagers were killed during shelling in the Hajira sector, south of Muzaffarabad."
    assert rule_place(pipeline, text, "killed") == "Hajira"


def test_a_verb_that_takes_only_ground_makes_its_object_a_place(pipeline) -> None:
    """Nobody storms a person: "stormed Najarah" names a village, though the NER may call it a person."""
    text = "Government troops stormed Najarah and expelled all the fighters defending the village."
    assert rule_place(pipeline, text, "stormed") == "Najarah"
