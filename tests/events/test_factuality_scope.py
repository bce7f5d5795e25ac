"""Factuality scope: a cue decides an event only when it governs the event's trigger in the parse.

Sentences written for these tests (not taken from the case set), run through the trained spaCy model.
Each names the trigger word and the factuality an analyst would code; the asserted ones carry the
same cue words elsewhere in the sentence, so a rule that only looks for words would fail them.
"""

from __future__ import annotations

import pytest
from eventtools import factuality_of_word

NOT_ASSERTED = [
    # a denial or a foiled plan governs the event through a noun
    ("The ministry denied claims that its troops had looted the villages.", "looted", "negated"),
    ("Police foiled an attempt to bomb the cathedral.", "bomb", "negated"),
    ("The army denied plans to attack the port.", "attack", "negated"),
    ("Not a single shell was fired at the town overnight, monitors said.", "fired", "negated"),
    ("The rebels were unable to capture the bridge.", "capture", "negated"),
    ("The coalition has yet to retake the oil field.", "retake", "negated"),
    ("The militia withdrew from the port without firing a shot.", "firing", "negated"),
    # intents reached through a clause that is not a noun
    ("The group vowed to punish the town by attacking its market.", "attacking", "future"),
    ("The government said it would send troops to the border next week.", "send", "future"),
    ("The junta is expected to expel the UN envoy on Monday.", "expel", "future"),
    ("Rebels are scheduled to disarm and withdraw from the valley in May.", "withdraw", "future"),
    ("The fighters were on the verge of seizing the airport.", "seizing", "future"),
    # possibility
    ("The convoy could come under attack on the desert road.", "attack", "hypothetical"),
    ("A strike on the dam would be a disaster for the valley.", "strike", "hypothetical"),
    ("The cell is believed to have bombed the railway.", "bombed", "hypothetical"),
    ("If the militia attacks and the army fights back, thousands will flee.", "fights", "hypothetical"),
    # habits, with and without an adverb
    ("Abductions are common on the roads around Kaduna.", "Abductions", "generic"),
    ("Shelling of the old town has become routine.", "Shelling", "generic"),
    ("Insurgents tend to attack convoys during the harvest.", "attack", "generic"),
    ("Militiamen used to raid the villages at night.", "raid", "generic"),
    ("Guards at the camp are known to beat detainees.", "beat", "generic"),
    ("The militia has a history of kidnapping journalists.", "kidnapping", "generic"),
    ("The militia shoots anyone who tries to flee the town.", "shoots", "generic"),
    ("Such raids happen almost every night in the camps.", "raids", "generic"),
]

ASSERTED = [
    # the cue words sit in another clause, or the sentence only reports what happened
    ("Reuters could not verify the footage, but witnesses said jets bombed the bakery.", "bombed"),
    ("The militants, who had vowed to take the town, stormed it on Monday.", "stormed"),
    ("Nobody has claimed the bombing, which killed nine people at a bus stop.", "killed"),
    ("Officials said the blast, which could have been far worse, killed two guards.", "killed"),
    ("The army used helicopters to attack the camp.", "attack"),
    ("The raid was the deadliest in the province this year.", "raid"),
    ("The army did not retreat but shelled the ridge.", "shelled"),
    ("Police said gunmen killed three traders at the market.", "killed"),
    ("The minister did not comment on reports that soldiers killed four herders.", "killed"),
]


@pytest.mark.parametrize(("text", "word", "factuality"), NOT_ASSERTED)
def test_a_governing_cue_decides(nlp, text: str, word: str, factuality: str) -> None:
    assert factuality_of_word(nlp, text, word) == factuality


@pytest.mark.parametrize(("text", "word"), ASSERTED)
def test_a_cue_elsewhere_in_the_sentence_does_not(nlp, text: str, word: str) -> None:
    assert factuality_of_word(nlp, text, word) == "asserted"


def test_a_plan_noun_cues_only_its_to_clause(nlp) -> None:
    """ "effort" makes its to-clause an intent, but a mediation effort that was launched is under way."""
    assert factuality_of_word(nlp, "The rebels made an effort to storm the palace.", "storm") == "future"
    launched = "Qatar launched a mediation effort between the two sides on Saturday."
    assert factuality_of_word(nlp, launched, "mediation") == "asserted"
