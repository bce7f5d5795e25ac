"""ACLED sub-event types and roles that depend on more than the trigger word, read through the real pipeline.

Each sentence is hand-written; each case is one rule of the events stage (weapons, crowds, territory, bases,
seized arms, chemical instruments, unnamed victims, conditions, targets named only by place or clause).
"""

from __future__ import annotations

import pytest

from lanner.events import acled_category
from lanner.records import Article


def events_of(pipeline, text: str):
    return pipeline(Article(text=text)).events


def sub_types(pipeline, text: str) -> set[str | None]:
    return {e.acled_sub_event_type for e in events_of(pipeline, text) if e.factuality == "asserted"}


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        ("Militants hurled a grenade at a police patrol in Shopian on Saturday, injuring three officers.", "Grenade"),
        ("Four people were killed in a hand grenade attack on a restaurant in Kabul.", "Grenade"),
        ("ISIS fighters used mustard gas in an attack on Kurdish positions near Mosul.", "Chemical weapon"),
        ("Rebels fired shells filled with chlorine into the town of Kafr Zita.", "Chemical weapon"),
        ("Police seized a cache of firearms and ammunition in Freeport.", "Disrupted weapons use"),
        ("Soldiers defused two roadside bombs near Kandahar.", "Disrupted weapons use"),
        ("The Turkish army has set up a new observation post near Ain Issa.", "Headquarters or base established"),
        ("The US military has established a new base in Deir ez-Zor.", "Headquarters or base established"),
        ("Iraqi forces recaptured the village of Imam Gharbi from ISIS on Monday.", "Government regains territory"),
        ("ISIS fighters took control of the town after heavy fighting.", "Non-state actor overtakes territory"),
        ("Violent protests erupted in Bogota on Tuesday.", "Violent demonstration"),
        ("Stone-throwing protesters clashed with police in Santiago.", "Violent demonstration"),
        ("A mob lynched two men accused of cattle theft in Jharkhand.", "Mob violence"),
        ("Police fired live ammunition at protesters in Nasiriyah, killing two.", "Excessive force against protesters"),
        ("Police fired tear gas at protesters in Hong Kong on Sunday.", "Protest with intervention"),
        ("A man molested a woman on a bus in Delhi, police said.", "Sexual violence"),
    ],
)
def test_acled_sub_event_type(pipeline, text, sub_type):
    assert sub_type in sub_types(pipeline, text), [
        (e.type, e.mode, e.acled_sub_event_type) for e in events_of(pipeline, text)
    ]


def test_smoke_grenades_are_not_a_grenade_attack(pipeline):
    found = sub_types(pipeline, "Police fired smoke grenades to disperse protesters in Tampa.")
    assert "Grenade" not in found
    assert "Protest with intervention" in found


def test_tear_gas_is_crowd_control_not_a_chemical_weapon(pipeline):
    events = [e for e in events_of(pipeline, "Police fired tear gas at the crowd.") if e.type == "ASSAULT"]
    assert events and all(e.mode == "crowd-control" for e in events)


def test_a_gas_hub_is_not_a_chemical_attack(pipeline):
    found = sub_types(pipeline, "The army attacked the rebels in the gas hub of Rio Grande.")
    assert "Chemical weapon" not in found


def test_a_peaceful_protest_stays_peaceful(pipeline):
    assert sub_types(pipeline, "Thousands of students protested peacefully in Jakarta on Saturday.") == {
        "Peaceful protest"
    }


@pytest.mark.parametrize(
    "text",
    [
        "Air raids killed 10 near a hospital in Idlib.",
        "A bomb blast killed six people in Aleppo on Sunday.",
        "Four women were killed when gunmen opened fire on a bus.",
    ],
)
def test_unnamed_victims_are_civilians(pipeline, text):
    """Civilians, of the country the attack happened in when the sentence places it ("Civilians (Syria)")."""
    knowledge_base = pipeline.stage("events").knowledge_base
    assaults = [e for e in events_of(pipeline, text) if e.type == "ASSAULT"]
    kinds = [knowledge_base.get(actor).kind for e in assaults for actor in e.target]
    assert "civilians" in kinds, [(e.trigger.text, e.target) for e in assaults]


def test_a_war_toll_names_no_civilian_target(pipeline):
    text = "More than 170,000 people have been killed in Syria's civil war since 2011."
    knowledge_base = pipeline.stage("events").knowledge_base
    targets = [actor for e in events_of(pipeline, text) for actor in e.target]
    assert all(knowledge_base.get(actor).kind != "civilians" for actor in targets), targets


def test_a_condition_makes_a_threat(pipeline):
    text = "Nigeria said it will withdraw its peacekeeping force from Chad unless the rebels agree to a ceasefire."
    types = {e.type for e in events_of(pipeline, text) if e.trigger.text == "withdraw"}
    assert types == {"THREATEN"}


def test_declining_is_rejecting(pipeline):
    events = events_of(pipeline, "The vice-president has declined to resign despite growing pressure.")
    assert max(events, key=lambda e: e.confidence).type == "REJECT"


def test_a_country_named_as_where_an_action_applies_is_its_target(pipeline):
    events = [e for e in events_of(pipeline, "Serbia lifted a night curfew in Montenegro.") if e.type == "CONCEDE"]
    assert events and events[0].target == ("ME.government",)


def test_the_maker_of_a_rejected_call_is_the_target(pipeline):
    events = events_of(pipeline, "Germany rejected calls by Belarus's rulers for immediate economic aid.")
    reject = [e for e in events if e.type == "REJECT"]
    assert reject and "BY.government" in reject[0].target


def test_who_must_act_in_a_demand_is_the_target(pipeline):
    events = events_of(pipeline, "Amnesty International demanded that the Sudanese government end curbs on the press.")
    request = [e for e in events if e.type == "REQUEST"]
    assert request and "SD.government" in request[0].target


def test_mapping_keeps_plover_mode_for_grenades():
    """The grenade is an ACLED distinction only: the PLOVER mode stays explosives, a suicide attack stays one."""
    assert acled_category("ASSAULT", "explosives", frozenset(), frozenset(), cue="grenade") == (
        "Explosions/Remote violence",
        "Grenade",
    )
    assert acled_category("ASSAULT", "suicide-attack", frozenset(), frozenset(), cue="grenade")[1] == "Suicide bomb"
