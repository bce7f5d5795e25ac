"""Diplomatic and political events (PLOVER's verbal types), titled officials and targets, through the real pipeline.

Sentences are written for these tests in the style of wire reports; expectations follow the PLOVER manual.
"""

from __future__ import annotations

from datetime import date

import pytest

from lanner.records import Article, Event

PUBLISHED = date(2001, 3, 6)


def events_of(pipeline, text: str) -> list[Event]:
    return pipeline(Article(text=text, published=PUBLISHED)).events


def main_event(pipeline, text: str) -> Event:
    """The surest event, preferring one with a source (how a coder reads a one-sentence report)."""
    found = events_of(pipeline, text)
    assert found, text
    return max(found, key=lambda e: (e.confidence + 0.2 * bool(e.source), -e.trigger.start))


@pytest.mark.parametrize(
    ("text", "event_type", "mode"),
    [
        ("Spain and Morocco upgraded their diplomatic ties to ambassadorial level on Monday.", "SUPPORT", None),
        ("North Korea expelled inspectors of the International Atomic Energy Agency.", "SANCTION", "expel"),
        ("Italy announced a suspension of air links with Serbia on Wednesday.", "SANCTION", "discontinue"),
        ("Israel has strengthened its forces in Lebanon.", "MOBILIZE", "troops"),
        ("A newspaper in Beirut violated a ban on reporting the talks.", "REJECT", None),
        ("A judge ordered the former president to appear for questioning.", "REQUEST", None),
        ("Demonstrators in Baghdad blocked a road for three hours.", "PROTEST", "obstruct"),
    ],
)
def test_diplomatic_and_political_triggers(pipeline, text, event_type, mode):
    event = main_event(pipeline, text)
    assert (event.type, event.mode) == (event_type, mode)


def test_soldiers_blocking_a_road_restrict_movement_rather_than_protest(pipeline):
    event = main_event(pipeline, "Turkish soldiers blocked the road to the border crossing.")
    assert (event.type, event.mode, event.source) == ("COERCE", "restrict", ("TR.state_forces",))


def test_a_road_blockade_by_protesters_is_an_acled_violent_demonstration(pipeline):
    blockade = main_event(pipeline, "Farmers blocked roads across the country.")
    assert blockade.type == "PROTEST"
    assert (blockade.acled_event_type, blockade.acled_sub_event_type) == ("Riots", "Violent demonstration")


def test_a_mediation_effort_is_consult_with_the_parties_as_targets(pipeline):
    event = main_event(pipeline, "Qatar launched a mediation effort between Egypt and Saudi Arabia on Saturday.")
    assert (event.type, event.mode) == ("CONSULT", "third-party")


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("German Foreign Minister Joschka Fischer will visit Albania in June.", ("AL.government",)),
        ("Norway would meet the rebels' envoys in Oslo if they disarmed.", ()),
    ],
)
def test_cooperation_announced_for_the_future_is_agree(pipeline, text, target):
    event = main_event(pipeline, text)
    assert event.type == "AGREE"
    assert event.factuality in ("future", "hypothetical")
    if target:
        assert event.target == target


def test_a_visit_that_happened_stays_consult(pipeline):
    event = main_event(pipeline, "German Foreign Minister Joschka Fischer visited Albania on Monday.")
    # the office and the person the knowledge base knows by name: both Germany's
    assert (event.type, event.source, event.target) == (
        "CONSULT",
        ("DE.government", "joschka_fischer"),
        ("AL.government",),
    )


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("President Salva Kiir lifted the state of emergency in South Sudan on Sunday.", ("SS.government",)),
        ("Vice-President Moody Awori declined to resign over the Kenya scandal.", ("KE.government",)),
        ("Judge Alejandro Rivera opened a fraud investigation in Santiago, Chile.", ("CL.government",)),
    ],
)
def test_a_titled_official_stands_for_the_government_of_the_one_country_named(pipeline, text, source):
    assert main_event(pipeline, text).source == source


def test_no_country_is_guessed_for_a_title_when_the_sentence_names_two(pipeline):
    event = main_event(pipeline, "Prime Minister Ehud Barak rejected the French plan for Syria.")
    assert not any(actor.startswith(("FR.", "SY.")) for actor in event.source)


def test_a_surname_that_is_a_title_word_is_not_a_title(pipeline):
    event = main_event(pipeline, "British Defence Secretary Tom King promised to continue military aid to Mozambique.")
    assert event.source == ("GB.government",)
    assert event.target == ("MZ.government",)


def test_a_country_named_by_an_actor_is_not_lent_to_a_title(pipeline):
    event = main_event(pipeline, "President Francois Mitterrand welcomed South African leader F.W. de Klerk.")
    assert "ZA.government" not in event.source


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # the government is Sudan's, so the people of the place are the target, not the government itself
        ("The government lifted the state of emergency in West Darfur on Sunday.", ("SD.civilians",)),
        ("Hamas threatened to resume attacks in Israel.", ("IL.government",)),
        ("Nigeria will withdraw its peacekeeping force from Chad unless a ceasefire is agreed.", ("TD.government",)),
    ],
)
def test_targets_from_where_the_action_lands(pipeline, text, target):
    event = main_event(pipeline, text)
    assert event.target == target


def test_european_community_is_an_igo(pipeline):
    event = main_event(pipeline, "European Community foreign ministers demanded the withdrawal of Serbian forces.")
    assert event.type == "REQUEST"
    assert event.source == ("european_community",)
    actor = pipeline.stage("events").knowledge_base.get("european_community")
    assert actor is not None and actor.kind == "igo"


@pytest.mark.parametrize(
    "text",
    [
        "The rebels said they will release the hostages on the weekend.",
        "The government announced that it would withdraw its troops from the border.",
    ],
)
def test_an_announced_retreat_is_a_concession(pipeline, text):
    """PLOVER: "announced ... would withdraw troops" is RETREAT + future, coded CONCEDE."""
    assert main_event(pipeline, text).type == "CONCEDE"


def test_a_retreat_that_happened_stays_retreat(pipeline):
    assert main_event(pipeline, "The rebels released the hostages on Sunday.").type == "RETREAT"


def test_a_retreat_stated_for_the_future_without_an_announcement_stays_retreat(pipeline):
    """The manual's rule is for announcements ("announced ... would withdraw"); a plain future stays RETREAT."""
    event = main_event(pipeline, "The army will withdraw its forces from the buffer zone by June.")
    assert (event.type, event.factuality) == ("RETREAT", "future")
