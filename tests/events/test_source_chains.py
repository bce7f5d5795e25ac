"""Who acts when the trigger sits deep in its sentence, and actors named by a leader's name, through the real
pipeline.

Sentences are written for these tests in the style of wire reports. What they pin: a reported clause's pronoun
stands for whoever was quoted ("X was quoted as saying he would be ready to ..."); a gerund after a preposition
takes the subject of the clause it completes ("X and Y are guilty of violating"), but not when the governing
verb has an object ("condemned Israel for attacking": Israel attacked); heads of state and government carry
their country; "to X" parsed as a dative still names the target; an event noun's maker ("the demonstration
staged by students") is what is acted on.
"""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest
from eventtools import countries
from eventtools import event_by_trigger as event_published_by_trigger
from eventtools import events_of as events_published

PUBLISHED = date(2001, 3, 6)


events_of = partial(events_published, published=PUBLISHED)
event_by_trigger = partial(event_published_by_trigger, published=PUBLISHED)


def test_a_quoted_speakers_pronoun_is_the_speaker(pipeline):
    text = "King Hassan of Morocco was quoted today as saying he would be ready to host talks between Israel and Syria."
    event = event_by_trigger(pipeline, text, "host")
    assert countries(pipeline, event.source) == {"MA"}


def test_a_gerund_after_a_preposition_takes_the_clauses_subject(pipeline):
    text = "Both the Philippine army and the Moro Islamic Liberation Front are guilty of violating the ceasefire."
    event = event_by_trigger(pipeline, text, "violating")
    assert event.type == "ASSAULT"
    assert countries(pipeline, event.source) == {"PH"}


def test_a_gerund_after_an_object_is_not_the_subjects_act(pipeline):
    event = event_by_trigger(pipeline, "The UN condemned Israel for attacking the convoy.", "attacking")
    assert "united_nations" not in event.source


@pytest.mark.parametrize(
    ("text", "trigger", "source_country"),
    [
        ("President Francois Mitterrand gave a warm welcome to South African leader F.W. de Klerk.", "welcome", "FR"),
        ("Mubarak urged Arafat to return to the negotiating table.", "urged", "EG"),
        ("Yeltsin threatened to cut off gas supplies to Ukraine.", "threatened", "RU"),
    ],
)
def test_a_head_of_state_named_alone_carries_the_country(pipeline, text, trigger, source_country):
    assert countries(pipeline, event_by_trigger(pipeline, text, trigger).source) == {source_country}


def test_to_parsed_as_a_dative_is_still_the_target(pipeline):
    text = "President Francois Mitterrand gave a warm welcome to South African leader F.W. de Klerk."
    event = event_by_trigger(pipeline, text, "welcome")
    assert event.type == "CONSULT"
    assert countries(pipeline, event.target) == {"ZA"}


def test_a_participle_parsed_as_subject_leaves_the_speaker(pipeline):
    text = "The Red Cross operating in Iraq said US forces must ensure security for aid convoys."
    event = event_by_trigger(pipeline, text, "ensure")
    assert (event.type, event.source) == ("REQUEST", ("icrc",))


def test_people_named_by_their_occupation_take_the_country_of_their_phrase(pipeline):
    text = "Tens of thousands of students throughout Indonesia staged mass demonstrations on Saturday."
    event = event_by_trigger(pipeline, text, "demonstrations")
    assert event.type == "PROTEST"
    assert countries(pipeline, event.source) == {"ID"}


def test_strikers_are_the_source_of_their_strike(pipeline):
    event = event_by_trigger(pipeline, "Dock workers in Kenya went on strike on Monday.", "strike")
    assert (event.type, countries(pipeline, event.source)) == ("PROTEST", {"KE"})


def test_the_maker_of_what_is_prevented_is_the_target(pipeline):
    text = "Turkish police prevented a demonstration staged by students in Ankara."
    event = event_by_trigger(pipeline, text, "prevented")
    assert event.type == "COERCE"
    assert countries(pipeline, event.target) == {"TR"}


def test_a_name_in_a_hyphenated_modifier_does_not_act(pipeline):
    text = "NATO-member Norway is willing to send material to help defend Saudi Arabia."
    event = event_by_trigger(pipeline, text, "willing")
    assert event.source == ("NO.government",)


def test_former_country_names_keep_their_country(pipeline):
    text = "Vietnamese troops shelled Kampuchean guerrilla camps near the Thai border."
    event = event_by_trigger(pipeline, text, "shelled")
    assert "KH" in countries(pipeline, event.target)


@pytest.mark.parametrize(
    ("text", "trigger", "target_country"),
    [
        (
            "Up to 1,000 refugees began a hunger strike to protest against Sweden's decision to deport them.",
            "strike",
            "SE",
        ),
        (
            "Algerian farmers began a hunger strike to demand the return of land seized by Algerian troops.",
            "strike",
            "DZ",
        ),
    ],
)
def test_a_protest_is_aimed_at_whom_its_purpose_clause_names(pipeline, text, trigger, target_country):
    events = [e for e in events_of(pipeline, text) if e.type == "PROTEST"]
    assert events, [(e.type, e.trigger.text) for e in events_of(pipeline, text)]
    assert target_country in countries(pipeline, events[0].target)
