"""ACLED sub-event distinctions from the codebook that PLOVER's type and mode do not draw, through the real pipeline.

Sentences are written for these tests. Each case is one codebook rule: arrests and force at a demonstration are
coded as the demonstration (with intervention, excessive force, or violent when the demonstrators were);
prisoner releases, surrenders and peace talks are agreements; territory taken by state forces is the
government's, and taken without a fight is a non-violent transfer.
"""

from __future__ import annotations

import pytest

from lanner.events import acled_category
from lanner.records import Article


def sub_types(pipeline, text: str) -> set[str | None]:
    return {e.acled_sub_event_type for e in pipeline(Article(text=text)).events if e.factuality == "asserted"}


def surest_sub_type(pipeline, text: str) -> str | None:
    typed = [e for e in pipeline(Article(text=text)).events if e.acled_sub_event_type and e.factuality == "asserted"]
    return max(typed, key=lambda e: (e.confidence, -e.trigger.start)).acled_sub_event_type if typed else None


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        # arrests and force at a demonstration are coded as the demonstration
        (
            "Police detained dozens of activists during a protest against the new law in Minsk.",
            "Protest with intervention",
        ),
        (
            "Dozens were arrested at a demonstration in Bristol after protesters threw bottles at police.",
            "Violent demonstration",
        ),
        (
            "Police used tear gas and water cannon to disperse a peaceful march in Santiago.",
            "Protest with intervention",
        ),
        ("Police deployed tear gas against students rallying outside parliament.", "Protest with intervention"),
        (
            "Security forces brutally suppressed a peaceful protest in Khartoum, killing three demonstrators.",
            "Excessive force against protesters",
        ),
        (
            "Police fired rubber bullets while clashing with stone-throwing protesters in Beirut.",
            "Violent demonstration",
        ),
        ("Protesters shut down roads and government offices in Baghdad on Sunday.", "Violent demonstration"),
        # agreements: releases, surrenders, exchanges, talks
        ("The government released 30 rebel fighters in exchange for 16 soldiers.", "Agreement"),
        ("More than 150 Islamic State fighters surrendered to Afghan forces in Jawzjan.", "Agreement"),
        ("The rebels and the government began peace talks in Havana on Monday.", "Agreement"),
        # territory
        ("Government troops captured the port of Mokha on Monday.", "Government regains territory"),
        ("The army units took control of the village of Anbaj.", "Government regains territory"),
        ("Islamic militants seized two oil fields in Libya on Tuesday.", "Non-state actor overtakes territory"),
        ("Haftar's forces entered the town of Asaba without a fight.", "Non-violent transfer of territory"),
        # weapons
        ("Two suicide bombers blew themselves up at a checkpoint in Jeddah.", "Suicide bomb"),
        ("Chlorine munitions were dropped on a neighbourhood of the city in June.", "Chemical weapon"),
        ("Militants raped two women in the village, residents said.", "Sexual violence"),
    ],
)
def test_codebook_sub_event_type(pipeline, text, sub_type):
    assert surest_sub_type(pipeline, text) == sub_type, [
        (e.type, e.mode, e.acled_sub_event_type, e.trigger.text, e.confidence)
        for e in pipeline(Article(text=text)).events
    ]


def test_riot_police_do_not_make_a_riot(pipeline):
    """ "riot police" names the police's unit; the beating of a protester is force against a protest."""
    found = sub_types(pipeline, "Riot police beat a protester during a peaceful rally near the parliament in Beirut.")
    assert "Violent demonstration" not in found


def test_a_state_visit_is_not_an_acled_event(pipeline):
    assert sub_types(pipeline, "The French president visited Algeria on Monday.") <= {None}


def test_arrests_away_from_any_protest_stay_arrests(pipeline):
    assert "Arrests" in sub_types(pipeline, "Police arrested three men suspected of smuggling weapons in Karachi.")


def test_mapping_cues():
    """The cues the stage reads from the sentence, applied by the documented mapping."""
    none = frozenset()
    protesters = frozenset({"protesters"})
    assert acled_category("PROTEST", "demo", none, none, cue="intervention")[1] == "Protest with intervention"
    assert acled_category("PROTEST", "demo", none, none, cue="lethal")[1] == "Excessive force against protesters"
    assert acled_category("COERCE", "arrest", none, none, cue="riot")[1] == "Violent demonstration"
    assert acled_category("COERCE", "arrest", none, protesters)[1] == "Protest with intervention"
    assert acled_category("COERCE", "arrest", none, none)[1] == "Arrests"
    assert acled_category("ASSAULT", "crowd-control", none, protesters, cue="riot")[1] == "Violent demonstration"
    assert acled_category("ASSAULT", None, none, none, territory=True, cue="unopposed")[1] == (
        "Non-violent transfer of territory"
    )
    assert acled_category("RETREAT", "release", none, none)[1] == "Agreement"
    assert acled_category("RETREAT", "disarm", none, none)[1] == "Agreement"
    assert acled_category("RETREAT", "resign", none, none)[1] == "Change to group/activity"
    assert acled_category("CONSULT", None, none, none)[1] == "Agreement"
    assert acled_category("CONSULT", "visit", none, none) == (None, None)
