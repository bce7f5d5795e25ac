"""Factuality of constructions added in the eighth round: hearsay passives ("are said to have"), an event
with "any", a plan that is foiled or denied ("foiled a plot to", "had no plans to"), a report not verified, a
modal on a passive clause that rates an event, verbs that perform their object ("plant bombs"), "voted to" and a
lemma the lemmatiser cut short ("hopes" → "hop"); and the lookalikes that still assert.

Sentences written for these tests (not taken from the case set), run through the trained spaCy model.
"""

from __future__ import annotations

import pytest
from eventtools import factuality_of_word

NOT_ASSERTED = [
    ("The guards are said to have beaten the prisoners.", "beaten", "hypothetical"),
    ("Two aid workers are reported to have been abducted near the border.", "abducted", "hypothetical"),
    ("Any raid on the camp will be resisted, the militia said.", "raid", "hypothetical"),
    ("The rebels would answer any offensive with suicide bombings.", "offensive", "hypothetical"),
    ("An invasion of the island would be regarded as an act of war.", "invasion", "hypothetical"),
    ("Intelligence agents foiled a plot to bomb the airport.", "bomb", "negated"),
    ("The government said it had no plans to invade the north.", "invade", "negated"),
    ("Gangs routinely plant explosives under parked cars.", "explosives", "generic"),
    ("The insurgents did not detonate the bombs, police said.", "bombs", "negated"),
    ("Lawmakers voted to deploy troops to the border region.", "deploy", "future"),
    ("The militia hopes to seize the airport before the rains.", "seize", "hypothetical"),
    ("Reports of clashes near the dam could not be independently verified.", "clashes", "hypothetical"),
]

STILL_ASSERTED = [
    ("Police said gunmen had beaten the prisoners.", "beaten"),
    ("The rebels planted bombs along the road on Friday.", "bombs"),
    ("Troops launched the long-planned offensive at dawn.", "offensive"),
    ("The army sent reinforcements to retake the town.", "retake"),
    ("The raid was reported by state television.", "raid"),
    ("Reports of clashes near the dam were confirmed by the army.", "clashes"),
]


@pytest.mark.parametrize(("text", "word", "factuality"), NOT_ASSERTED)
def test_the_construction_decides(nlp, text: str, word: str, factuality: str) -> None:
    assert factuality_of_word(nlp, text, word) == factuality


@pytest.mark.parametrize(("text", "word"), STILL_ASSERTED)
def test_a_lookalike_still_asserts(nlp, text: str, word: str) -> None:
    assert factuality_of_word(nlp, text, word) == "asserted"
