"""Factuality round 11: contingencies, claims, absences, readiness, reputation and shortfalls.

Sentences written for these tests (not taken from the case set), run through the trained spaCy model. Each
non-asserted sentence has an asserted twin with the same words in another role, so a rule that only looks
for a word would fail one of the two.
"""

from __future__ import annotations

import pytest
from eventtools import factuality_of_word

NOT_ASSERTED = [
    # "in case" opens a contingency, whichever way the parser hangs it
    ("Troops stayed on alert in case militants attacked the base again.", "attacked", "hypothetical"),
    ("Guards were posted in case the rebels raided the depot.", "raided", "hypothetical"),
    # a bare participle of supposing opens a condition
    ("Assuming the rebels attack tonight, the army is ready.", "attack", "hypothetical"),
    # "purports to have" is a claim the writer does not vouch for
    ("The group purports to have captured the dam.", "captured", "hypothetical"),
    # an absent event
    ("The absence of attacks surprised observers.", "attacks", "negated"),
    # readiness for an event that may come
    ("Security forces are on high alert for attacks during the holiday.", "attacks", "hypothetical"),
    ("Police braced for protests on Friday.", "protests", "hypothetical"),
    # a reputation is a habit
    ("The militia is notorious for kidnapping aid workers.", "kidnapping", "generic"),
    # a shortfall
    ("The rebels came close to capturing the town.", "capturing", "negated"),
    # an event dated or planned ahead
    ("Next week's protest is expected to draw thousands.", "protest", "future"),
    ("Ahead of a planned march on Friday, police sealed off the square.", "march", "future"),
    ("Troops have been deployed ahead of Friday's march.", "march", "future"),
    # "no longer", "rather than", a day in the plural, a kind of event under "would"
    ("The rebels no longer attack civilian targets.", "attack", "negated"),
    ("Rather than attack the town, the rebels besieged it.", "attack", "negated"),
    ("The militants attack army posts on Fridays.", "attack", "generic"),
    ("The government warned that protests would not be tolerated.", "protests", "hypothetical"),
    # an authorised act, and a present tense after "before", are still to come
    ("The president approved airstrikes against the militants.", "airstrikes", "future"),
    ("The army gave residents 24 hours to leave before it shells the town.", "shells", "future"),
]

ASSERTED = [
    ("After the case was closed, militants attacked the court.", "attacked"),
    ("Police assumed control after the rebels attacked the town.", "attacked"),
    ("Despite the lack of evidence, soldiers arrested the journalist.", "arrested"),
    ("Police are on alert after the attack on the mosque.", "attack"),
    ("The militia kidnapped aid workers on Monday.", "kidnapped"),
    ("The rebels are close to the town they shelled on Monday.", "shelled"),
    ("Last week's protest drew thousands.", "protest"),
    ("Ahead of the attack, the gunmen cut the power.", "attack"),
    ("Police were deployed ahead of protests in the capital.", "protests"),
    ("It was no longer safe after the rebels attacked the town.", "attacked"),
    ("Rather than flee, the villagers attacked the gunmen.", "attacked"),
    ("The rebels attacked the town on Friday.", "attacked"),
    ("Officials called the shelling a war crime.", "shelling"),
    ("Residents fled before the army shelled the town.", "shelled"),
    ("Protests would later spread to other cities.", "Protests"),
    ("The president approved the budget after airstrikes hit the capital.", "airstrikes"),
]


@pytest.mark.parametrize(("text", "word", "factuality"), NOT_ASSERTED)
def test_round11_cue_decides(nlp, text: str, word: str, factuality: str) -> None:
    assert factuality_of_word(nlp, text, word) == factuality


@pytest.mark.parametrize(("text", "word"), ASSERTED)
def test_round11_twin_stays_asserted(nlp, text: str, word: str) -> None:
    assert factuality_of_word(nlp, text, word) == "asserted"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Extra police were sent in case protesters stormed the building.", "stormed"),
        ("Residents stocked food in case the army shelled the town.", "shelled"),
        ("In case the rebels attack, residents have been told to stay indoors.", "attack"),
    ],
)
def test_in_case_whatever_the_parse(nlp, text: str, word: str) -> None:
    """The parser hangs the clause after "in case" as a conjunct, a complement or an unlabelled dependent."""
    assert factuality_of_word(nlp, text, word) == "hypothetical"
