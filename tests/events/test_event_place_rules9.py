"""The event's own place, round 9: when the rule should name no place, and which of several it should pick
(abstention and choice). One rule per test, on sentences written for them.

Hand-written sentences through the real pipeline (real spaCy model, real gazetteer).
"""

from __future__ import annotations

import pytest
from eventtools import rule_place


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a recording captures a scene, not ground
        (
            "Mobile phone footage captured just seconds after the attacks on London's subway shows the carnage.",
            "captured",
        ),
        # "demonstrated" with an object shows something; a protest has no object
        ("Chavez demonstrated his full support for the measure and traveled to La Paz.", "demonstrated"),
        # prices shoot up; nobody is shot
        ("The cost of fuel and water shot up in Kinshasa as the rebels approached the city.", "shot"),
    ],
)
def test_a_trigger_in_a_sense_that_takes_no_ground_names_no_place(pipeline, text: str, word: str) -> None:
    assert rule_place(pipeline, text, word) is None


def test_a_protest_is_still_placed(pipeline) -> None:
    assert rule_place(pipeline, "Thousands demonstrated in La Paz on Friday.", "demonstrated") == "La Paz"


def test_a_prize_is_placed_only_by_a_locative_preposition(pipeline) -> None:
    assert (
        rule_place(pipeline, "Toney captured the World Boxing Association heavyweight crown on April 30.", "captured")
        is None
    )
    assert rule_place(pipeline, "She captured her 41st title in Rome earlier this month.", "captured") == "Rome"


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Australia's embassy in Jakarta was bombed last week.", "bombed", "Jakarta"),
        (
            "Castro marched with his ministers outside Spain's embassy in central Havana on Thursday.",
            "marched",
            "Havana",
        ),
    ],
)
def test_the_owner_of_a_building_is_not_where_it_is(pipeline, text: str, word: str, expected: str) -> None:
    assert rule_place(pipeline, text, word) == expected


def test_a_place_in_a_clause_of_purpose_is_not_the_events(pipeline) -> None:
    text = "The demonstrators protested against the project to export natural gas to Mexico through a Chilean port."
    assert rule_place(pipeline, text, "protested") is None


def test_a_capital_named_after_a_bearing_is_a_reference(pipeline) -> None:
    text = "Two opposition leaders were shot at a rally in Kabwe, a city 140 kilometers north of the capital, Lusaka."
    assert rule_place(pipeline, text, "shot") == "Kabwe"


def test_a_while_clause_with_its_own_subject_is_another_event(pipeline) -> None:
    text = (
        "Five civilians were killed in attacks in Baquba, while three people were kidnapped in the town of Muqdadiyah."
    )
    assert rule_place(pipeline, text, "killed") == "Baquba"


def test_a_while_clause_about_the_victim_says_where_it_was(pipeline) -> None:
    text = "Gunmen shot dead a priest while he was riding his motorbike in the eastern city of Trincomalee."
    assert rule_place(pipeline, text, "shot") == "Trincomalee"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Twenty people were killed in Syria-linked clashes in the port city of Tripoli.", "Tripoli"),
        ("Many of them were killed in US-led coalition operations.", None),
    ],
)
def test_a_name_hyphened_to_a_participle_is_no_place(pipeline, text: str, expected: str | None) -> None:
    assert rule_place(pipeline, text, "killed") == expected


def test_a_place_in_a_gerund_after_a_preposition_is_that_clauses(pipeline) -> None:
    text = "Soldiers patrolled the fields for smugglers crossing into Israel illegally."
    assert rule_place(pipeline, text, "patrolled") is None


def test_a_show_of_support_is_placed_by_its_preposition(pipeline) -> None:
    text = "More than 1,000 Palestinians demonstrated their support for the regime Thursday in the city of Khan Yunis."
    assert rule_place(pipeline, text, "demonstrated") == "Khan Yunis"


def test_a_while_clause_without_a_comma_is_the_same_moment_and_place(pipeline) -> None:
    text = "A roadside bomb detonated while a U.S. patrol was passing near the town of Taiba on Tuesday night."
    assert rule_place(pipeline, text, "detonated") == "Taiba"


def test_a_capital_named_after_a_comma_is_where_the_capital_is(pipeline) -> None:
    text = "Kabila was shot at his desk in the presidential palace in Congo's capital, Kinshasa on Jan. 16, 2001."
    assert rule_place(pipeline, text, "shot") == "Kinshasa"


@pytest.mark.parametrize(
    "text",
    [
        "The suspect was captured on Jan. 15 in Panama and extradited to the United States.",
        "The men were captured in Afghanistan in late 2001, and were later shifted to Cuba for questioning.",
    ],
)
def test_the_place_of_a_later_conjoined_act_ranks_after_the_triggers_own(pipeline, text: str) -> None:
    assert rule_place(pipeline, text, "captured") in ("Panama", "Afghanistan")
