"""ACLED sub-event types that depend on who faces whom, through the real pipeline.

Sentences are hand-written in the style of wire reports; each case is one rule from ACLED's codebook: clashes
between police and demonstrators are the demonstration (violent), force used on rioters is the riot, the dead of
a battle are not civilians attacked, an attack on a village is violence against civilians, a named armed group's
attack is not mob violence because vigilantes are quoted, ground taken after its holders withdrew changes hands
without a fight, and using a chemical agent is a chemical-weapon attack.
"""

from __future__ import annotations

import pytest

from lanner.evaluation.case2021 import snippet_label
from lanner.records import Article


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Heavy clashes broke out between police and protesters outside the parliament in Beirut.", "VIOL_DEMONSTR"),
        ("Clashes erupted between riot police and demonstrators in central Manama on Friday.", "VIOL_DEMONSTR"),
        ("Police in Rotterdam used a water cannon and tear gas to disperse a crowd of rioters.", "VIOL_DEMONSTR"),
        ("Government forces and Kurdish fighters clashed in Hassakeh, killing several people.", "ARMED_CLASH"),
        ("Suspected gunmen attacked a farming community in Benue state, killing nine.", "ATTACK"),
        (
            "Boko Haram militants attacked three villages in Borno, leaving 30 dead, according to vigilantes.",
            "ATTACK",
        ),
        (
            "Al Shabaab fighters retook the town of Marka after government troops withdrew on Monday.",
            "NON_VIOL_TERRIT_TRANSFER",
        ),
        ("The militant group used mustard gas against an army unit, leaving 20 soldiers injured.", "CHEM_WEAP"),
    ],
)
def test_the_acled_sub_event_type_follows_the_sides(pipeline, text, label):
    analysis = pipeline(Article(text=text))
    assert snippet_label(analysis) == label, [(e.type, e.acled_sub_event_type, e.trigger.text) for e in analysis.events]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        (
            "Dozens of people were injured in Beirut as security forces fired rubber bullets and tear gas to "
            "disperse the crowd.",
            "FORCE_AGAINST_PROTEST",
        ),
        (
            "Dozens were wounded as security forces used tear gas in hard clashes with protesters armed with sticks.",
            "VIOL_DEMONSTR",
        ),
        ("Police fired tear gas to disperse the crowd outside the parliament.", "PROTEST_WITH_INTER"),
        (
            "Government forces captured two villages near the town where a chemical weapons attack took place in 2017.",
            "GOV_REGAINS_TERIT",
        ),
        ("Israeli planes bombed a missile base north of Damascus on Tuesday.", "AIR_STRIKE"),
    ],
)
def test_crowd_control_territory_and_aircraft(pipeline, text, label):
    """ACLED: injuries make force against a crowd excessive, a crowd's own violence makes it a riot; ground taken
    is the event whatever else the sentence names; what aircraft bomb is an air strike."""
    analysis = pipeline(Article(text=text))
    assert snippet_label(analysis) == label, [(e.type, e.acled_sub_event_type, e.trigger.text) for e in analysis.events]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        (
            "Security posts were hit by synchronised attacks in 13 locations in Pattani on Wednesday night. Officials "
            "said the attacks were carried out with grenades.",
            "GRENADE",
        ),
        (
            "Militants launched a chemical attack against a neighbourhood in the north, injuring scores of people. "
            "The attack hit the Al-Khalidiya district on Sunday.",
            "CHEM_WEAP",
        ),
    ],
)
def test_an_attack_referred_back_to_keeps_the_weapon_named_in_either_sentence(pipeline, text, label):
    analysis = pipeline(Article(text=text))
    assert snippet_label(analysis) == label, [(e.type, e.acled_sub_event_type, e.trigger.text) for e in analysis.events]


def test_a_new_attack_does_not_take_an_earlier_weapon(pipeline):
    text = "A roadside bomb killed two soldiers in Kandahar on Monday. Gunmen attacked a village in Helmand on Tuesday."
    events = [e for e in pipeline(Article(text=text)).events if e.trigger.text == "attacked"]
    assert events and events[0].acled_sub_event_type == "Attack"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        (
            "The militants' large-scale attack to capture army positions near the airbase was repelled by troops.",
            "ARMED_CLASH",
        ),
        (
            "Islamic State militants had gained ground inside the north-western part of the city.",
            "NON_STATE_ACTOR_OVERTAKES_TER",
        ),
        ("Hezbollah fighters retook crossings near the town of Arsal on Friday.", "NON_STATE_ACTOR_OVERTAKES_TER"),
        (
            "The army has dispatched hundreds of troops to the region after an IS attack against army positions.",
            "CHANGE_TO_GROUP_ACT",
        ),
    ],
)
def test_ground_taken_not_ground_sought_and_the_event_an_after_phrase_dates(pipeline, text, label):
    """An infinitive of purpose takes no ground yet; 'gained ground' and 'retook' take it; an attack named in an
    'after' phrase dates the reported event, it is not the event."""
    analysis = pipeline(Article(text=text))
    assert snippet_label(analysis) == label, [(e.type, e.acled_sub_event_type, e.trigger.text) for e in analysis.events]


def test_a_failed_capture_is_still_a_negated_attack(pipeline):
    events = pipeline(Article(text="The army failed to recapture the town.")).events
    assert [(e.type, e.factuality) for e in events] == [("ASSAULT", "negated")]
