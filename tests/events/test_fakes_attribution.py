"""Who attacked, in the way Syrian-war reports say it: passive harm verbs with the means or the fight named,
headlines without auxiliaries, attacker words before an attack noun, and responsibility claimed elsewhere in
the article. Through the real pipeline; sentences written for these tests in the style of wire reports."""

from __future__ import annotations

from datetime import date

import pytest

from lanner.records import Article, Event

PUBLISHED = date(2016, 9, 19)


def attacks(pipeline, text: str) -> list[Event]:
    return [e for e in pipeline(Article(text=text, published=PUBLISHED)).events if e.type == "ASSAULT"]


def attack(pipeline, text: str, trigger: str) -> Event:
    found = [e for e in attacks(pipeline, text) if e.trigger.text == trigger]
    assert found, [(e.trigger.text, e.source) for e in attacks(pipeline, text)]
    return found[0]


@pytest.mark.parametrize(
    ("text", "trigger", "source", "target"),
    [
        # the side the victims fought is who killed them
        (
            "Ten Syrian soldiers were killed on Tuesday in clashes with Islamic State jihadists near Deir Ezzor.",
            "killed",
            "islamic_state",
            "SY.state_forces",
        ),
        # a time clause names the attacker of a passive killing
        (
            "Two Russian pilots were killed in Syria after Daesh shot down their helicopter near Palmyra.",
            "killed",
            "islamic_state",
            "RU.state_forces",
        ),
        (
            "At least ten people were killed in Syria on Sunday when barrel bombs were dropped by regime forces on "
            "an opposition-held town.",
            "killed",
            "SY.state_forces",
            None,
        ),
        # "in regime shelling", which the parser reads as "in regime" plus a clause
        (
            "Seven Syrian children were killed in Syria in regime shelling of a rebel-held area outside Damascus.",
            "killed",
            "SY.government",
            "SY.civilians",
        ),
        # the passive's agent is the attack, and the attack says who dropped it
        (
            "The town in Syria was hit by a vacuum bomb attack aerially dropped by the Syrian regime on Monday.",
            "hit",
            "SY.government",
            None,
        ),
    ],
)
def test_passive_killings_name_their_attacker(pipeline, text, trigger, source, target):
    event = attack(pipeline, text, trigger)
    assert event.source[:1] == (source,)
    if target:
        assert target in event.target
        assert target not in event.source


def test_a_headline_without_its_auxiliary_is_passive(pipeline):
    event = attack(pipeline, "Syria: 30 Islamic State fighters killed in Raqqa by Russian air strikes.", "killed")
    assert "islamic_state" not in event.source
    assert "islamic_state" in event.target


def test_a_participle_with_a_when_clause_names_its_victims(pipeline):
    text = "The Idlib province in Syria saw 25 Nusra Front fighters killed when a bomb exploded in a mosque."
    event = attack(pipeline, text, "killed")
    assert "al_nusra_front" in event.target
    assert "al_nusra_front" not in event.source


def test_an_active_killing_keeps_its_subject_as_source(pipeline):
    event = attack(pipeline, "Kurdish forces killed at least 16 ISIL terrorists in northeast Syria.", "killed")
    assert event.source == ("generic.kurdish_forces",)
    assert event.target == ("islamic_state",)


def test_an_intransitive_use_is_not_a_headline_passive(pipeline):
    event = attack(pipeline, "The militants killed and then fled.", "killed")
    assert event.source == ("generic.militants",)


@pytest.mark.parametrize(
    ("text", "trigger", "source"),
    [
        ("Rebel shelling kills four civilians in Damascus, Syria.", "kills", "SY.rebels"),
        (
            "At least 21 people were killed in a rebel mortar attack on regime-held districts of Aleppo in Syria.",
            "killed",
            "SY.rebels",
        ),
    ],
)
def test_rebel_before_an_attack_noun_names_the_attacker(pipeline, text, trigger, source):
    assert attack(pipeline, text, trigger).source == (source,)


def test_rebel_held_names_territory_not_an_attacker(pipeline):
    analysis = pipeline(Article(text="Shells fell on a rebel-held district of Aleppo.", published=PUBLISHED))
    assert not any(m.actor.actor_id.endswith("rebels") for m in analysis.actors)


def test_coordinated_attackers_come_in_text_order(pipeline):
    text = "At least 19 civilians were killed by a Syrian regime barrel bomb attack and rebel rocket fire in Aleppo."
    source = attack(pipeline, text, "killed").source
    assert source[0] == "SY.government"
    assert source[1].endswith("rebels")


@pytest.mark.parametrize(
    ("text", "trigger", "source"),
    [
        (
            "Assad regime forces have carried out a total of 18 airstrikes in the Houla region of Syria.",
            "airstrikes",
            "SY.state_forces",
        ),
        (
            "U.S.-led coalition aircraft unleashed a series of airstrikes on the Islamic State stronghold of Raqqa.",
            "airstrikes",
            "cjtf_oir",
        ),
        (
            "Activists said 75 people died from barrel bomb attacks carried out by the Syrian air force.",
            "attacks",
            "SY.state_forces",
        ),
    ],
)
def test_nominal_attacks_take_the_source_of_the_verb_or_clause_that_carries_them(pipeline, text, trigger, source):
    assert attack(pipeline, text, trigger).source[:1] == (source,)


def test_a_claim_of_responsibility_names_the_unnamed_bomber(pipeline):
    text = (
        "A suicide bomber on a motorcycle blew himself up in Hasakah city, killing 16 people. "
        "The Islamic State group claimed responsibility for the attack."
    )
    blast = attack(pipeline, text, "blew")
    assert blast.source[0] == "islamic_state"
    assert "generic.gunmen" in blast.source  # the bomber is still there, after the group


@pytest.mark.parametrize(
    "claim",
    [
        "No group has claimed responsibility for the attack.",
        "The Islamic State denied responsibility for the attack.",
        "The Islamic State did not claim responsibility for the attack.",
    ],
)
def test_no_asserted_claim_no_attribution(pipeline, claim):
    killing = attack(pipeline, f"A car bomb killed 12 people in Azaz. {claim}", "killed")
    assert "islamic_state" not in killing.source


def test_claims_by_two_groups_attribute_nothing(pipeline):
    text = (
        "A car bomb killed 12 people in Azaz. A roadside bomb killed three soldiers near Idlib. "
        "The Islamic State claimed responsibility for the first attack and the Nusra Front claimed "
        "responsibility for the second."
    )
    assert all(not e.source for e in attacks(pipeline, text) if e.trigger.text == "killed")
