"""Round case10: ACLED distinctions and news phrasings the CASE 2021 snippets showed Lanner missing. A crowd or
villagers are a mob only when they do the violence; a pullout with no one taking the ground is a change to the
group's activity, not a transfer of territory. Sentences written for these tests, through the real pipeline."""

from __future__ import annotations

import pytest

from lanner.evaluation.case2021 import snippet_label
from lanner.records import Article


def label(pipeline, text: str) -> str:
    return snippet_label(pipeline(Article(text=text)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Insurgents shot dead four villagers on the road to the market.", "ATTACK"),
        ("An angry crowd beat a suspected cattle thief to death in the village square.", "MOB_VIOL"),
    ],
)
def test_villagers_and_crowds_are_a_mob_only_as_attackers(pipeline, text: str, expected: str) -> None:
    assert label(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("British troops withdrew from their camp outside the provincial capital on Friday.", "CHANGE_TO_GROUP_ACT"),
        (
            "Army units withdrew from the hilltop town, leaving it in the hands of the local militia.",
            "NON_VIOL_TERRIT_TRANSFER",
        ),
        (
            "Police pulled out of the district on Tuesday. Armed youths entered it the next morning.",
            "NON_VIOL_TERRIT_TRANSFER",
        ),
    ],
)
def test_a_withdrawal_transfers_territory_only_to_someone_who_takes_it(pipeline, text: str, expected: str) -> None:
    assert label(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Unidentified men set a primary school ablaze overnight in the eastern district.", "PROPERTY_DISTRUCT"),
        ("Attackers set fire to two warehouses belonging to the ruling party.", "PROPERTY_DISTRUCT"),
        ("Border guards exchanged fire with smugglers near the river crossing.", "ARMED_CLASH"),
        ("A shopkeeper was hacked to death by suspected separatists on Monday.", "ATTACK"),
        ("The opposition spokesman was taken into custody at the airport on Thursday.", "ARREST"),
        ("Gunmen snatched three Turkish engineers from a road construction site.", "ABDUCT_DISSAP"),
        ("Pirates are holding the crew of the tanker hostage off the coast.", "ABDUCT_DISSAP"),
        ("The military said its forces neutralized eight terrorists near the border.", "ARMED_CLASH"),
    ],
)
def test_news_idioms_name_their_event(pipeline, text: str, expected: str) -> None:
    assert label(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ACLED's disrupted weapons use includes "the interception of explosives in the air"
        ("Saudi air defences intercepted a ballistic missile over Jazan on Friday.", "DISR_WEAP"),
        ("The army shot down three drones carrying explosives near the air base.", "DISR_WEAP"),
        # storming is an attack; ground taken needs a word of taking
        ("Gunmen stormed a church in the village and killed nine worshippers.", "ATTACK"),
        (
            "Al-Shabaab fighters captured the district centre after government troops fled.",
            "NON_STATE_ACTOR_OVERTAKES_TER",
        ),
        # police force on a crowd, and a demonstration, in South Asian news wording
        ("Police baton-charged students marching towards the assembly building.", "PROTEST_WITH_INTER"),
        ("Thousands of farmers formed a human chain along the national highway on Sunday.", "PEACE_PROTEST"),
        # a state bombs from the air
        ("Turkey bombed Kurdish militant hideouts in the mountains on Wednesday.", "AIR_STRIKE"),
    ],
)
def test_acled_types_of_interceptions_storming_charges_and_state_bombing(pipeline, text: str, expected: str) -> None:
    assert label(pipeline, text) == expected
