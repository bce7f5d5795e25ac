"""Factuality of constructions added in the fourth round: hedges, frequency phrases, negative quantifiers,
undoing and preventing verbs, purpose clauses, false reports, inverted conditions, commands, future times and
trends; and the lookalikes that still assert (an undone prevention, "not only", "not until", a past adverbial
clause, a past-tense conjunct of a modal verb, responsibility for an event).

Sentences written for these tests (not taken from the case set), run through the trained spaCy model.
"""

from __future__ import annotations

import pytest
from eventtools import factuality_of_word

NOT_ASSERTED = [
    # epistemic hedges, appearance, belief
    ("The militants probably killed the hostages last week.", "killed", "hypothetical"),
    ("Perhaps the army shelled the village by mistake.", "shelled", "hypothetical"),
    ("The soldiers seem to have fired on the crowd.", "fired", "hypothetical"),
    ("Police believe the gunmen crossed from Syria.", "crossed", "hypothetical"),
    ("Rights groups documented allegations of torture in the prison.", "torture", "hypothetical"),
    ("In the event of an invasion, the reserves will be mobilised.", "invasion", "hypothetical"),
    ("There is a real chance of clashes along the border.", "clashes", "hypothetical"),
    ("Any attack on the embassy would draw a strong response.", "attack", "hypothetical"),
    ("Were the rebels to seize the dam, the city would flood.", "seize", "hypothetical"),
    ("The group could be planning an attack on the capital.", "attack", "hypothetical"),
    # habits: rarer adverbs, frequency phrases, trends
    ("Bandits rarely attack convoys escorted by the army.", "attack", "generic"),
    ("Militants attack the checkpoint from time to time.", "attack", "generic"),
    ("Security forces beat detainees on a regular basis.", "beat", "generic"),
    ("Soldiers raid the camp at least once a week.", "raid", "generic"),
    ("The army has bombarded the city day after day.", "bombarded", "generic"),
    ("Attacks on aid workers have increased sharply this year.", "Attacks", "generic"),
    ("Kidnappings are on the rise in the north.", "Kidnappings", "generic"),
    # did not happen
    ("Neither side fired a shot during the night.", "fired", "negated"),
    ("Not one protester was arrested during the march.", "arrested", "negated"),
    ("The rebels refrained from attacking the town.", "attacking", "negated"),
    ("The government ruled out a military strike on the island.", "strike", "negated"),
    ("The planned assault on the city was cancelled after talks.", "assault", "negated"),
    ("Reports that soldiers had fired on the crowd were false, the ministry said.", "fired", "negated"),
    ("Reports of an attack on the convoy turned out to be false.", "attack", "negated"),
    ("Instead of attacking the base, the militants withdrew into the hills.", "attacking", "negated"),
    ("Rather than storm the building, police negotiated with the gunmen.", "storm", "negated"),
    ("The soldiers made a failed attempt to storm the prison.", "storm", "negated"),
    ("The army tried in vain to recapture the hill.", "recapture", "negated"),
    ("Security forces were barred from entering the camp.", "entering", "negated"),
    ("The bomb almost killed the minister.", "killed", "negated"),
    ("The journalist narrowly escaped being kidnapped.", "kidnapped", "negated"),
    # still to come: aims, purposes, commands, timetables
    ("The government deployed troops to the border so as to deter an invasion.", "deter", "future"),
    ("Police fired tear gas in order to disperse the crowd.", "disperse", "future"),
    ("The army launched the operation with the aim of capturing the town.", "capturing", "future"),
    ("The army is to withdraw from the town next week.", "withdraw", "future"),
    ("The rebels are determined to capture the capital.", "capture", "future"),
    ("The army is poised to launch an offensive.", "offensive", "future"),
    ("Troops are withdrawing from the city next week.", "withdrawing", "future"),
    ("A rally is planned for Friday in the capital.", "rally", "future"),
    ("Attack the convoys, the commander told his men.", "Attack", "future"),
]

ASSERTED = [
    ("Police failed to prevent an attack on the church.", "attack"),
    ("Guards could not stop the gunmen from storming the building.", "storming"),
    ("The army not only shelled the town but also looted it.", "shelled"),
    ("The rebels did not leave the town until Friday.", "leave"),
    ("Rebels denied responsibility for the bombing of the market.", "bombing"),
    ("The army said it would not tolerate attacks and then bombed the camp.", "bombed"),
    ("Nobody was hurt when the bomb exploded near the market.", "exploded"),
    ("In the case of the two worst explosions, warnings were given in advance.", "explosions"),
    ("Protests grew across the country on Friday.", "Protests"),
    ("It took troops three days to recapture the town.", "recapture"),
    ("Russia deployed warplanes to Syria to support the government.", "support"),
    ("The army killed at least 12 militants, possibly more.", "killed"),
    ("The attack was probably a propaganda ploy, police said.", "attack"),
    ("The insurgents said they were responsible for the attack on the base.", "attack"),
    ("Fighters are to blame for the shelling of the market, the army said.", "shelling"),
]


@pytest.mark.parametrize(("text", "word", "factuality"), NOT_ASSERTED)
def test_the_construction_decides(nlp, text: str, word: str, factuality: str) -> None:
    assert factuality_of_word(nlp, text, word) == factuality


@pytest.mark.parametrize(("text", "word"), ASSERTED)
def test_a_lookalike_still_asserts(nlp, text: str, word: str) -> None:
    assert factuality_of_word(nlp, text, word) == "asserted"


def test_what_a_copula_names_takes_its_negation(nlp) -> None:
    assert factuality_of_word(nlp, "Police said the fire was not an arson attack.", "attack") == "negated"
    assert factuality_of_word(nlp, "Police said the fire was an arson attack.", "attack") == "asserted"


@pytest.mark.parametrize(
    ("text", "word", "factuality"),
    [
        ("Diplomats headed off a confrontation between the two navies.", "confrontation", "negated"),
        ("What if the rebels attack the dam?", "attack", "hypothetical"),
        ("Troops will withdraw in the coming days.", "withdraw", "future"),
        ("The army withdraws its forces within the next month.", "withdraws", "future"),
        ("As a rule, the militia executes deserters.", "executes", "generic"),
        ("What happened when the rebels attacked the town?", "attacked", "asserted"),
        ("Over the next days, the army shelled the town.", "shelled", "asserted"),
    ],
)
def test_phrasal_undoing_what_if_coming_days_as_a_rule(nlp, text: str, word: str, factuality: str) -> None:
    assert factuality_of_word(nlp, text, word) == factuality


@pytest.mark.parametrize(
    ("text", "word", "factuality"),
    [
        ("The army fell short of capturing the town.", "capturing", "negated"),
        ("Soldiers held back from firing on the crowd.", "firing", "negated"),
        ("The rebels backed away from plans to attack the city.", "attack", "negated"),
        ("Residents dread a renewed offensive on the town.", "offensive", "hypothetical"),
        ("The militants are liable to attack at any time.", "attack", "hypothetical"),
        ("The rebels swore to avenge their commander.", "avenge", "future"),
        ("The ministry set a deadline for the rebels to withdraw.", "withdraw", "future"),
        ("Opposition groups appealed for a general strike.", "strike", "future"),
        ("Militias are prone to loot villages after battles.", "loot", "generic"),
        ("Kidnappings are an everyday occurrence in the capital.", "Kidnappings", "generic"),
        ("The militia held off an assault on the base.", "assault", "asserted"),
        ("Israel struck back at the militants on Sunday.", "struck", "asserted"),
    ],
)
def test_more_cue_words(nlp, text: str, word: str, factuality: str) -> None:
    assert factuality_of_word(nlp, text, word) == factuality


@pytest.mark.parametrize(
    ("text", "word", "factuality"),
    [
        ("Drivers should avoid the area, as there is heavy shooting near the university.", "shooting", "asserted"),
        ("The body will not be returned because he was killed in an army zone.", "killed", "asserted"),
        ("Police said the fire was not an attack.", "attack", "negated"),
        ("As long as the rebels shell the town, aid cannot reach it.", "shell", "hypothetical"),
    ],
)
def test_reasons_and_copulas(nlp, text: str, word: str, factuality: str) -> None:
    assert factuality_of_word(nlp, text, word) == factuality


@pytest.mark.parametrize(
    ("text", "word", "factuality"),
    [
        ("It cannot be ruled out that the militants used chemical weapons.", "used", "hypothetical"),
        ("The rebels will not stop until they capture the capital.", "capture", "future"),
        ("The government is weighing a ground offensive.", "offensive", "hypothetical"),
        ("Bandits have long preyed on travellers in the region.", "preyed", "generic"),
        ("The insurgents are gearing up for an offensive in the south.", "offensive", "future"),
    ],
)
def test_scope_of_undoing_and_duration(nlp, text: str, word: str, factuality: str) -> None:
    assert factuality_of_word(nlp, text, word) == factuality
