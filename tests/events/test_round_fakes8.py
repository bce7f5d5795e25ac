"""Round fakes8: the attacker named in a later sentence that refers back to the attack (a claim, blame, "was
behind"), and which attack is the article's own. Sentences written for these tests in the style of wire
reports, through the real pipeline."""

from __future__ import annotations

from datetime import date

import pytest

from lanner.evaluation.fakes import main_event, predicted_governorate
from lanner.records import Article, Event

PUBLISHED = date(2016, 5, 3)


def assaults(pipeline, text: str) -> list[Event]:
    return [e for e in pipeline(Article(text=text, published=PUBLISHED)).events if e.type == "ASSAULT"]


def first_source(pipeline, text: str) -> tuple[str, ...]:
    found = assaults(pipeline, text)
    assert found, text
    return found[0].source


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # blame laid on a named actor for "the attack"
        (
            "A bomb exploded in a market in Homs, killing 12 people. The Syrian Observatory said on Friday, "
            "blaming the Islamic State group for the attack.",
            "islamic_state",
        ),
        # "blamed X of carrying out", with the "of" hung on the object
        (
            "Air strikes killed 61 people in Atareb. Rebels blamed Russian warplanes of carrying out Monday's attack.",
            "RU.state_forces",
        ),
        # a passive claim
        (
            "A car bomb killed 15 people in Homs. The attack was claimed by the Islamic State group.",
            "islamic_state",
        ),
        # a passive "carried out by", under a verb of belief
        (
            "Air strikes thought to be carried out by Russian forces killed at least 17 people in Idlib.",
            "RU.state_forces",
        ),
    ],
)
def test_attacker_named_in_a_sentence_referring_back(pipeline, text: str, source: str) -> None:
    assert source in first_source(pipeline, text)


@pytest.mark.parametrize(
    "text",
    [
        # a denial is no attribution
        "A car bomb killed 15 people in Homs. The Islamic State group denied it was behind the attack.",
        # "that attack" sets an earlier one apart: it is not the attack just reported
        "A car bomb killed 15 people in Homs on Monday. A bombing hit Damascus in May. That attack was claimed "
        "by the Islamic State group.",
        # blame for a different, new attack
        "A car bomb killed 15 people in Homs. Officials blamed the Islamic State group for an attack last year.",
    ],
)
def test_no_attacker_from_other_or_denied_attacks(pipeline, text: str) -> None:
    assert "islamic_state" not in first_source(pipeline, text)


def test_blamed_actor_not_the_speaker_is_the_referent_source(pipeline) -> None:
    """ "X said, blaming Y for the attack": the attack noun is Y's, not the speaker's."""
    text = "The Syrian Observatory said on Friday, blaming the Islamic State group for the attack."
    found = [e for e in assaults(pipeline, text) if e.trigger.text == "attack"]
    assert found and found[0].source == ("islamic_state",)


LEDE = (
    "{attack} in the town of Saraqib on Thursday, a monitor said. Rescue workers pulled bodies from the rubble. "
    "Hospitals in the area were overwhelmed. The toll was expected to rise. "
)


def test_main_event_is_the_ledes_attack_not_later_background(pipeline) -> None:
    """A later attack of another kind with a named attacker is background, not the article's incident."""
    text = LEDE.format(attack="A car bomb killed 15 people") + "Regime forces shelled rebel positions near Hama."
    event = main_event(pipeline(Article(text=text, published=PUBLISHED)))
    assert event is not None and event.trigger.text == "killed" and not event.source


def test_main_event_takes_a_later_attack_with_the_same_weapon(pipeline) -> None:
    """When the lede names no attacker, a later air strike with one stands for the lede's air strikes."""
    text = LEDE.format(attack="Air strikes killed 23 civilians") + "Russian warplanes bombed the market, it said."
    event = main_event(pipeline(Article(text=text, published=PUBLISHED)))
    assert event is not None and "RU.state_forces" in event.source


@pytest.mark.parametrize(
    ("text", "governorate"),
    [
        # the recogniser makes a title of the headline's run of capitalised words
        (
            "21 dead in rebel fire on regime parts of Aleppo NGO AFP Sunday. At least 21 people were killed and 50 "
            "hurt on Sunday in a rebel mortar attack, a monitor said.",
            "aleppo",
        ),
        # a province's name cut short by the recogniser: a lower-case spelling, and particles with hyphens
        ("US airstrikes kill 23 civilians in Syrias Deir ezzor.", "deir ezzor"),
        ("Jets struck the eastern bank of the Euphrates river near Deir ez-Zor Syria on Monday.", "deir ezzor"),
        # a big city at the tail of an organisation-like name
        (
            "The blast heard on Saturday in the Syrian Capital Damascus was due to a rocket, the correspondent said.",
            "damascus",
        ),
    ],
)
def test_place_the_recogniser_cut_short_or_hid_names_the_governorate(pipeline, text: str, governorate: str) -> None:
    assert predicted_governorate(pipeline(Article(text=text, published=PUBLISHED))) == governorate
