"""The event's own place, round 11: rules drawn from error classes counted on one half of Halterman's
single-annotator news records and checked on the other (a bearing parsed as an adverb, a name cut at a hyphen, an
adjective read as a place, a name titled by a place noun, the ends of a stretch, a trip's destination, a later
act's place, "the Gulf of ...")."""

from __future__ import annotations

import pytest
from eventtools import rule_place

from lanner.evaluation.event_location import listed_places


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # the ends of a stretch are not where on it the patrol was
        ("Peacekeepers have been patrolling the buffer zone between Georgia and Armenia since May.", "patrolling"),
        # where a trip was bound, not where the capture was
        ("The smuggler was captured last year on a trip to Bolivia.", "captured"),
        # a road's course is not where the patrol was
        ("Police were patrolling the roads leading from Kibera into the city.", "patrolling"),
        # what befell the captive afterwards happened elsewhere
        ("The gunman was captured on Friday and is being held at Bagram.", "captured"),
        ("The reporter was shot in the leg and later died in a Paris hospital.", "shot"),
    ],
)
def test_no_place_of_the_event(pipeline, text: str, word: str) -> None:
    assert rule_place(pipeline, text, word) is None


@pytest.mark.parametrize(
    ("text", "word", "place"),
    [
        # a bearing the parse hung on the verb as an adverb still places the event near its reference
        ("Soldiers captured six gunmen on Tuesday in raids north of Kirkuk.", "captured", "Kirkuk"),
        # the gazetteer's shorter name does not cut the span at a hyphen
        ("Rebels captured the airport outside Mazar-e-Sharif on Monday.", "captured", "Mazar-e-Sharif"),
        # an adjective of a people is no place: the city it describes is
        ("Gunmen shot at homes in a Jewish neighborhood in Jerusalem on Tuesday.", "shot", "Jerusalem"),
        # a lower-case word the parse took for a name is no place either
        ("Troops captured the rebel leader near the highland city of Huancayo.", "captured", "Huancayo"),
        # "to" after ground that leads somewhere still says where
        ("Hundreds of people demonstrated at the entrance to Heathrow on Sunday.", "demonstrated", "Heathrow"),
        # a conjoined act of the same attack shares its place
        ("Gunmen shot dead a policeman and wounded five others in Fallujah.", "shot", "Fallujah"),
        # a name after a lower-case place noun is that place; the word before the noun only describes it
        ("Monks demonstrated in the Sri Lankan capital Colombo on Tuesday.", "demonstrated", "Colombo"),
        # a participle on the object says where the victim was when it was shot
        ("Gunmen shot dead a policeman walking near his home in the town of Tikrit.", "shot", "Tikrit"),
        # a capitalised kind and "of" open the name
        ("Two pirates were captured by sailors in the Gulf of Oman last week.", "captured", "Gulf of Oman"),
    ],
)
def test_the_place_of_the_event(pipeline, text: str, word: str, place: str) -> None:
    assert rule_place(pipeline, text, word) == place


def test_a_coordinated_place_span_is_scored_as_the_places_it_lists() -> None:
    """The events stage gives "Rome, Naples and Turin" one span; the gold marks each name, so the scorer reads
    the span as three and the commas and "and" between count for nothing."""
    text = "Students marched in Rome, Naples and Turin on Saturday."
    start = text.index("Rome")
    end = text.index("Turin") + len("Turin")
    spans = listed_places(text, start, end)
    assert [text[s:e] for s, e in spans] == ["Rome", "Naples", "Turin"]
    single = listed_places(text, start, start + len("Rome"))
    assert [text[s:e] for s, e in single] == ["Rome"]
