"""The event's own place, round 10: rules drawn from error classes that recur in Halterman's single-annotator
records (what "from", "between" and a bearing say, a later act's goal, a district named before "area of", a scene
set by a country, a capitalised kind of place, a passive place subject, a place modifying a happening).

Hand-written sentences through the real pipeline (real spaCy model, real gazetteer).
"""

from __future__ import annotations

import pytest
from eventtools import rule_place


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # where the next act took the captive, not where the capture was
        ("Gunmen captured the engineer on Monday and took him to Somalia.", "captured"),
        # "from" after a verb of taking names the loser
        ("The hill was captured by Israel from Syria in the 1967 war.", "captured"),
        # "between" after a noun that is no place names its parties
        ("Police shot a man during a match between Brazil and Argentina.", "shot"),
        # "including" lists places only after a place noun; here the actors' countries
        ("Warships from several nations including Britain and France are patrolling the gulf.", "patrolling"),
        # a bearing the trigger does not hang on places what it follows
        ("The soldier was captured during an ambush about 20 miles south of Baghdad.", "captured"),
    ],
)
def test_no_place_of_the_event(pipeline, text: str, word: str) -> None:
    assert rule_place(pipeline, text, word) is None


@pytest.mark.parametrize(
    ("text", "word", "place"),
    [
        # the district no gazetteer knows lies in the known city named after "area of"
        ("A businessman was shot dead while driving in the al-Rawda area of Jiddah.", "shot", "al-Rawda"),
        # the country that sets the scene yields to the town the event was near
        ("In Pakistan, a policeman was shot dead in a clash near the town of Mardan.", "shot", "Mardan"),
        # a capitalised kind after the name is part of it
        ("Coast guard boats patrolled the Potomac River on Friday.", "patrolled", "Potomac River"),
        # a place by its noun, taken as the passive subject
        ("The Gilo neighborhood was captured by Israel in 1967.", "captured", "Gilo"),
        # a name modifying a happening says where it happened
        ("Two soldiers were killed during the Fallujah offensive in 2004.", "killed", "Fallujah"),
    ],
)
def test_the_place_of_the_event(pipeline, text: str, word: str, place: str) -> None:
    assert rule_place(pipeline, text, word) == place
