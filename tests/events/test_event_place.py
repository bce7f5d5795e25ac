"""The event's own place (lanner.events.place): of the places a sentence names, the one where its event happened.

Hand-written sentences through the real pipeline; each test is one rule of the place choice.
"""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest

from lanner.records import Article


def event(pipeline, text: str, event_type: str = "ASSAULT"):
    found = [e for e in pipeline(Article(text=text)).events if e.type == event_type]
    assert len(found) == 1, [(e.type, e.trigger.text) for e in pipeline(Article(text=text)).events]
    return found[0]


def place_text(pipeline, text: str, event_type: str = "ASSAULT") -> str | None:
    place = event(pipeline, text, event_type).place
    return place.mention.text if place is not None and place.mention is not None else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a town given as a reference point ("north of Baghdad") is not where the event was
        ("Militants killed five policemen in Mosul, north of Baghdad.", "Mosul"),
        # a locative phrase the parse hangs on the agent ("by gunmen in Kandahar") still places the event
        ("Two policemen were killed by gunmen in Kandahar.", "Kandahar"),
        # "a US convoy" names the convoy's owner, not a place
        ("A roadside bomb exploded near a US convoy in Kandahar.", "Kandahar"),
        # the name in apposition to a place noun ("the provincial capital, Ramadi")
        ("Two soldiers were shot dead outside the provincial capital, Ramadi, on Monday.", "Ramadi"),
        # a clause on the place where it happened still says where ("a market they had visited in Kabul")
        ("A suicide bomber killed 12 people at a market they had visited in Kabul.", "Kabul"),
        # a country the trigger takes is its place, even when it is also the target
        ("The rebels captured much of Liberia in 2003.", "Liberia"),
    ],
)
def test_the_place_attached_to_the_trigger_is_chosen(pipeline, text: str, expected: str) -> None:
    assert place_text(pipeline, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a source's town ("according to Damascus television") is not where the clash was
        "Clashes left two soldiers dead, according to Damascus television.",
        # "Syria's civil war" is a war, not a place
        "A soldier was killed in Syria's civil war.",
    ],
)
def test_a_place_named_in_passing_is_not_the_events_place(pipeline, text: str) -> None:
    assert place_text(pipeline, text) is None


def test_a_place_in_a_relative_clause_about_an_actor_is_not_the_events_place(pipeline) -> None:
    assert (
        place_text(pipeline, "The troops which have their bases in Jordan patrolled the border zone.", "MOBILIZE")
        is None
    )


def test_a_place_in_another_clause_belongs_to_that_clause(pipeline) -> None:
    """ "vowed to march into Kinshasa": the march is planned there, the shelling was not."""
    assert place_text(pipeline, "Rebels shelled the town and vowed to march into Kinshasa.") is None


def test_a_village_named_by_a_place_noun_wins_over_its_province(pipeline) -> None:
    """The NER does not call "Zorbalan" a place and no gazetteer knows it; "district" says it is one, and the
    event is placed at the province named with it, at the province's precision."""
    found = event(pipeline, "Gunmen killed two men in the Zorbalan district of Homs province.")
    assert found.place is not None and found.place.mention is not None
    assert found.place.mention.text == "Zorbalan"
    assert found.place.place.country == "SY" and found.place.place.lat is not None
    assert found.place.precision == 3


def test_an_unknown_place_keeps_its_span_with_null_coordinates(pipeline) -> None:
    found = event(pipeline, "Four fighters were killed in the vicinity of Qaryat Zorbalan on Friday.")
    assert found.place is not None and found.place.mention is not None
    assert found.place.mention.text == "Qaryat Zorbalan"
    assert (found.place.place.lat, found.place.place.lon, found.place.place.feature) == (None, None, None)


def test_an_event_at_an_unknown_place_is_valid_output(pipeline) -> None:
    """`lanner extract` output stays valid against the contract's schema when the event's place is unresolved."""
    schema = json.loads((resources.files("lanner") / "data" / "extract-output.schema.json").read_text())
    analysis = pipeline(Article(text="Four fighters were killed in the vicinity of Qaryat Zorbalan on Friday."))
    output = analysis.to_dict()
    jsonschema.Draft202012Validator(schema).validate(output)
    place = next(e["place"] for e in output["events"] if e["type"] == "ASSAULT")
    assert place["name"] == "Qaryat Zorbalan" and place["lat"] is None
