"""Whose country an event's source and target are, through the real pipeline.

Sentences are written for these tests in the style of wire reports. What they pin: offices with no country
of their own take the one country the sentence names, places acted on stand for their country, generic
agents take the country they act in, stances ("is opposed to") keep their subject as source, and the means
of an attack ("regime shelling", "strikes carried out by X") names who attacked.
"""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest
from eventtools import countries
from eventtools import event_by_trigger as event_published_by_trigger
from eventtools import events_of as events_published

PUBLISHED = date(2003, 5, 12)


events_of = partial(events_published, published=PUBLISHED)
event_by_trigger = partial(event_published_by_trigger, published=PUBLISHED)


@pytest.mark.parametrize(
    ("text", "trigger", "country"),
    [
        # "Prime Minister" is a title, not a surname followed by a title; the sentence names Nepal only
        ("Maoist rebels in Nepal said they would free Prime Minister Ram Thapa on Sunday.", "free", "NP"),
        # a military rank stands for the forces of the sentence's one country
        ("Police in Lagos arrested two reporters on the orders of General Musa Bello.", "arrested", "NG"),
    ],
)
def test_an_office_without_a_country_takes_the_sentences_country(pipeline, text, trigger, country):
    event = event_by_trigger(pipeline, text, trigger)
    assert country in countries(pipeline, event.source + event.target), (event.source, event.target)


def test_an_office_is_not_given_a_country_when_the_sentence_names_several(pipeline):
    text = "The French envoy said that President Alain Mbeki would visit Italy and Spain next month."
    event = event_by_trigger(pipeline, text, "visit")
    assert "FR" not in countries(pipeline, event.source) or len(countries(pipeline, event.source)) == 1
    assert not {"IT", "ES"} & countries(pipeline, event.source)


@pytest.mark.parametrize(
    ("text", "trigger", "country"),
    [
        ("The Malian government imposed a curfew in the town of Gao after the riots.", "curfew", "ML"),
        ("Striking truck drivers said they would blockade Nairobi from Monday.", "blockade", "KE"),
    ],
)
def test_a_place_acted_on_stands_for_its_country(pipeline, text, trigger, country):
    event = event_by_trigger(pipeline, text, trigger)
    assert country in countries(pipeline, event.target), event.target


def test_an_attack_on_a_place_is_not_an_attack_on_its_government(pipeline):
    event = event_by_trigger(pipeline, "Gunmen attacked a market in Kano on Friday.", "attacked")
    assert not any(actor.endswith(".government") for actor in event.target), event.target


def test_the_ruling_government_is_not_its_own_target(pipeline):
    text = "The Sudanese government lifted a state of emergency in North Darfur on Sunday."
    event = event_by_trigger(pipeline, text, "lifted")
    assert event.source == ("SD.government",)
    assert event.target == ("SD.civilians",)


@pytest.mark.parametrize(
    ("text", "trigger", "role", "expected"),
    [
        ("Demonstrators in Baghdad blocked the main road to the airport.", "blocked", "source", "IQ.protesters"),
        ("Egyptian police fired tear gas to disperse demonstrators on Friday.", "fired", "target", "EG.protesters"),
    ],
)
def test_generic_agents_take_the_country_they_act_in(pipeline, text, trigger, role, expected):
    event = event_by_trigger(pipeline, text, trigger)
    assert expected in getattr(event, role), (event.source, event.target)


def test_a_protest_keeps_its_acled_type_when_its_crowd_gets_a_country(pipeline):
    text = "Riot police in Baghdad dispersed protesters with tear gas on Friday."
    event = event_by_trigger(pipeline, text, "dispersed")
    assert event.acled_event_type == "Protests", event.acled_sub_event_type


def test_foreign_forces_do_not_make_their_victims_compatriots(pipeline):
    text = "Kenyan troops shelled positions across the Somali border, killing 12 people."
    for event in events_of(pipeline, text):
        assert "KE.civilians" not in event.target, (event.trigger.text, event.target)


def test_a_stance_keeps_its_subject_as_source(pipeline):
    text = "Turkey is opposed to Russian mediation in the talks with Armenia, an official said."
    event = event_by_trigger(pipeline, text, "opposed")
    assert event.type == "REJECT"
    assert event.source == ("TR.government",)
    assert "RU.government" in event.target


@pytest.mark.parametrize(
    ("text", "trigger", "source"),
    [
        ("Air strikes carried out by Russian warplanes killed 14 people in Idlib.", "killed", "RU.state_forces"),
        ("Nine civilians were killed in Israeli shelling of the village.", "killed", "IL.state_forces"),
    ],
)
def test_the_means_of_an_attack_names_its_source(pipeline, text, trigger, source):
    event = event_by_trigger(pipeline, text, trigger)
    assert source in event.source, event.source


def test_generic_fighters_from_a_named_group_are_that_group(pipeline):
    text = "Militants from al-Shabaab attacked a police post near Mandera on Tuesday."
    event = event_by_trigger(pipeline, text, "attacked")
    assert event.source == ("al_shabaab",), event.source


def test_a_complaint_targets_what_it_is_about_not_its_addressee(pipeline):
    text = "Lebanon complained to the United Nations over Israeli air raids on its southern villages."
    event = event_by_trigger(pipeline, text, "complained")
    assert "IL.state_forces" in event.target and "united_nations" not in event.target, event.target


def test_a_quantity_does_not_hide_the_object(pipeline):
    text = "Rebels kidnapped up to 12 Chinese engineers near the dam on Monday."
    event = event_by_trigger(pipeline, text, "kidnapped")
    assert "CN" in countries(pipeline, event.target), event.target


@pytest.mark.parametrize(
    ("text", "trigger", "mode"),
    [
        ("The army said it would impose a curfew on the city if the riots continued.", "curfew", "restrict"),
        ("The European Union may suspend trade talks with Belarus, a diplomat said.", "suspend", "relations"),
    ],
)
def test_an_announced_restriction_or_sanction_is_a_threat(pipeline, text, trigger, mode):
    event = event_by_trigger(pipeline, text, trigger)
    assert (event.type, event.mode) == ("THREATEN", mode)
    assert event.factuality != "asserted"


def test_a_possible_restriction_with_no_one_behind_it_is_not_a_threat(pipeline):
    event = event_by_trigger(pipeline, "Journalists who cover the rally could be detained without charge.", "detained")
    assert event.type == "COERCE" and event.factuality == "hypothetical"


def test_a_planned_attack_keeps_its_type(pipeline):
    event = event_by_trigger(pipeline, "Al-Shabaab will attack the capital again, a spokesman said.", "attack")
    assert event.type == "ASSAULT"


def test_a_mediation_effort_targets_its_parties(pipeline):
    text = "Qatar's emir launched a mediation effort between Sudan and Chad on Saturday."
    found = {a for e in events_of(pipeline, text) if e.type in ("CONSULT", "AGREE") for a in e.target}
    assert {"SD.government", "TD.government"} <= found, found
