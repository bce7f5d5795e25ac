"""A conflict verb in a sense that is no event makes no event: rising prices, a defeated bill, a recording, a
prize. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest
from eventtools import events_of

PUBLISHED = date(2024, 5, 2)

NO_EVENT = [
    ("Food prices shot up after the port was closed.", "shot"),
    ("The opposition killed the bill in committee on Tuesday.", "killed"),
    ("A crew shot a documentary about the siege last year.", "shot"),
    ("Street cameras captured the moment the car exploded.", "captured"),
    ("The striker captured his second league title in Madrid.", "captured"),
]

STILL_AN_EVENT = [
    ("Gunmen shot up a cafe in the old city.", "shot"),
    ("Soldiers killed two smugglers near the border.", "killed"),
    ("Rebels captured the town of Rastan after heavy fighting.", "captured"),
]


@pytest.mark.parametrize(("text", "word"), NO_EVENT)
def test_no_event_in_a_sense_that_is_no_event(pipeline, text: str, word: str) -> None:
    assert word not in [event.trigger.text.lower() for event in events_of(pipeline, text, PUBLISHED)]


@pytest.mark.parametrize(("text", "word"), STILL_AN_EVENT)
def test_the_conflict_sense_is_still_an_event(pipeline, text: str, word: str) -> None:
    assert word in [event.trigger.text.lower() for event in events_of(pipeline, text, PUBLISHED)]
