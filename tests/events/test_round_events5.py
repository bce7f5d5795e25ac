"""Actors named by their people and objects the parser strands, through the real pipeline.

Sentences are written for these tests in the style of wire reports of the 1980s-2000s. What they pin: groups
of earlier wars and separatists named by their people ("Karen guerrillas", "Chechen rebels") carry the country
they fight in, and a preposition whose noun the parser hangs on a reduced relative clause ("asylum to five
officers holed up in ...") still names the target.
"""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest
from eventtools import countries
from eventtools import event_by_trigger as event_published_by_trigger

from lanner.records import Article

PUBLISHED = date(1995, 3, 14)

event_by_trigger = partial(event_published_by_trigger, published=PUBLISHED)


@pytest.mark.parametrize(
    ("text", "trigger", "country"),
    [
        ("Government troops attacked Karen guerrillas near the border on Sunday.", "attacked", "MM"),
        ("Russian warplanes bombed Chechen rebels in the mountains south of Grozny.", "bombed", "RU"),
        ("Army units ambushed Renamo rebels in central Sofala province.", "ambushed", "MZ"),
        ("Police arrested three suspected members of ETA in Bilbao.", "arrested", "ES"),
    ],
)
def test_groups_named_by_their_people_carry_their_country(pipeline, text, trigger, country):
    event = event_by_trigger(pipeline, text, trigger)
    assert country in countries(pipeline, event.target), event.target


def test_a_preposition_before_a_reduced_relative_keeps_its_object(pipeline):
    text = "Peru has granted asylum to five Panamanian army officers holed up in its embassy since the invasion."
    event = event_by_trigger(pipeline, text, "granted")
    assert "PA" in countries(pipeline, event.target), event.target


def test_a_preposition_with_its_own_object_is_unchanged(pipeline):
    text = "Peru has granted asylum to two Panamanian officers, the embassy said."
    event = event_by_trigger(pipeline, text, "granted")
    assert "PA" in countries(pipeline, event.target), event.target


def test_who_comes_under_fire_is_the_target(pipeline):
    event = event_by_trigger(pipeline, "An Egyptian patrol came under fire from Israeli troops near Rafah.", "fire")
    assert event.type == "ASSAULT"
    assert countries(pipeline, event.source) == {"IL"}, event.source
    assert countries(pipeline, event.target) == {"EG"}, event.target


def test_who_is_placed_under_arrest_is_the_target(pipeline):
    text = "Former Pakistani prime minister Nawaz Sharif was placed under house arrest on Sunday."
    event = event_by_trigger(pipeline, text, "arrest")
    assert "PK" in countries(pipeline, event.target), event.target
    assert not event.source or "PK" in countries(pipeline, event.source)


def test_an_investigation_with_no_one_acting_is_the_states_where_it_happens(pipeline):
    text = "A US national has been put under investigation in Italy for her role in rioting."
    event = event_by_trigger(pipeline, text, "investigation")
    assert countries(pipeline, event.source) == {"IT"}, event.source
    assert countries(pipeline, event.target) == {"US"}, event.target


def test_a_named_investigator_is_kept(pipeline):
    text = "The French police opened an investigation in Italy into the smuggling ring."
    event = event_by_trigger(pipeline, text, "investigation")
    assert countries(pipeline, event.source) == {"FR"}, event.source


def test_a_blaze_is_no_attack(pipeline):
    events = pipeline(Article(text="A fire broke out in the market in Kano.", published=PUBLISHED)).events
    assert all(e.trigger.text.lower() != "fire" for e in events), [(e.trigger.text, e.type) for e in events]


@pytest.mark.parametrize(
    ("text", "trigger", "country"),
    [
        ("A Syrian newspaper accused Israel of stalling the talks.", "accused", "SY"),
        ("A newspaper based in Beirut has rejected the ban on its reporting.", "rejected", "LB"),
    ],
)
def test_a_newspaper_takes_the_country_its_phrase_names(pipeline, text, trigger, country):
    event = event_by_trigger(pipeline, text, trigger)
    assert country in countries(pipeline, event.source), event.source


@pytest.mark.parametrize(
    ("text", "trigger", "event_type"),
    [
        ("Iran ruled out talks with the United States.", "ruled", "REJECT"),
        ("Police rounded up 40 opposition activists in Nairobi.", "rounded", "COERCE"),
        ("Moscow scrapped the arms deal with Libya.", "scrapped", "REJECT"),
        ("The Egyptian president chided Israel for its stance on the talks.", "chided", "ACCUSE"),
    ],
)
def test_cameo_verbs_the_lexicon_lacked(pipeline, text, trigger, event_type):
    assert event_by_trigger(pipeline, text, trigger).type == event_type


def test_insisting_that_something_is_so_is_no_demand(pipeline):
    text = "The United States insisted the unrest reflected old ethnic tensions."
    events = pipeline(Article(text=text, published=PUBLISHED)).events
    assert all(e.trigger.text.lower() != "insisted" for e in events), [(e.trigger.text, e.type) for e in events]


@pytest.mark.parametrize(
    ("text", "trigger", "country"),
    [
        ("Jonas Savimbi rejected the peace plan drawn up in Lusaka.", "rejected", "AO"),
        ("King Hassan criticised the Algerian leadership on Tuesday.", "criticised", "MA"),
        ("President Aristide condemned the killings in Port-au-Prince.", "condemned", "HT"),
    ],
)
def test_leaders_of_earlier_decades_carry_their_country(pipeline, text, trigger, country):
    event = event_by_trigger(pipeline, text, trigger)
    assert country in countries(pipeline, event.source), event.source


def test_the_un_secretary_general_acts_for_the_un(pipeline):
    event = event_by_trigger(pipeline, "Kofi Annan urged Israel to withdraw its troops.", "urged")
    assert event.source == ("united_nations",), event.source


def test_plundering_is_looting(pipeline):
    event = event_by_trigger(pipeline, "Militiamen plundered the market in Bunia on Friday.", "plundered")
    assert event.acled_sub_event_type == "Looting/property destruction", (event.type, event.mode)


@pytest.mark.parametrize(
    ("text", "trigger", "country"),
    [
        ("The United States suspended part of its military aid program for Bosnia.", "suspended", "BA"),
        ("Britain froze most of its development aid for Kenya.", "froze", "KE"),
    ],
)
def test_whom_an_objects_for_phrase_benefits_is_the_target(pipeline, text, trigger, country):
    event = event_by_trigger(pipeline, text, trigger)
    assert country in countries(pipeline, event.target), event.target


def test_launched_fire_is_an_attack_on_whom_it_is_aimed_at(pipeline):
    text = "Government forces launched artillery, mortar and rocket fire against Khmer Rouge camps on Monday."
    event = event_by_trigger(pipeline, text, "fire")
    assert event.type == "ASSAULT"
    assert countries(pipeline, event.target) == {"KH"}, event.target


@pytest.mark.parametrize(
    ("text", "trigger", "actor_id"),
    [
        (
            "The Organization of American States condemned the coup in Haiti.",
            "condemned",
            "organization_of_american_states",
        ),
        ("The U.N. war crimes tribunal indicted two Bosnian Serb commanders.", "indicted", "icty"),
        ("UNPROFOR accused Serb forces of shelling the enclave.", "accused", "unprofor"),
    ],
)
def test_igos_and_missions_of_earlier_decades(pipeline, text, trigger, actor_id):
    event = event_by_trigger(pipeline, text, trigger)
    assert actor_id in event.source, event.source
    assert pipeline.stage("events").knowledge_base.get(actor_id).kind == "igo"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Turkish police prevented the demonstration staged by students in Sivas.", "prevented"),
        ("The Egyptian government banned the rally planned for Friday in Cairo.", "banned"),
    ],
)
def test_a_protest_stopped_or_banned_is_coercion(pipeline, text, trigger):
    event = event_by_trigger(pipeline, text, trigger)
    assert (event.type, event.mode) == ("COERCE", "restrict")
    protests = [e for e in pipeline(Article(text=text, published=PUBLISHED)).events if e.type == "PROTEST"]
    assert all(p.confidence < event.confidence for p in protests), [(p.trigger.text, p.confidence) for p in protests]


@pytest.mark.parametrize(
    ("text", "trigger", "country"),
    [
        ("Serb forces shelled the Muslim enclave of Srebrenica.", "shelled", "RS"),
        ("Bosnian Serb forces attacked a convoy near Sarajevo.", "attacked", "BA"),
        ("The Yugoslav army withdrew from Slovenia.", "withdrew", "RS"),
    ],
)
def test_serb_croat_and_yugoslav_forces_carry_a_country(pipeline, text, trigger, country):
    event = event_by_trigger(pipeline, text, trigger)
    assert countries(pipeline, event.source) == {country}, event.source
