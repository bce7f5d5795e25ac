"""Factuality of constructions added in the third round: past habits, recurrence, "at no point", claims and
unverified sources, rated clauses, imminence, calls, event-noun modifiers, attempts and wh-questions.

Sentences written for these tests (not taken from the case set), run through the trained spaCy model. The
asserted ones hold the same cue words in a place where they do not govern the event, so a rule that only
looks for words fails them.
"""

from __future__ import annotations

import pytest
from eventtools import factuality_of_word

NOT_ASSERTED = [
    # habits: a past "would" with a recurring time, "whenever", a clause that rates how often
    ("Gunmen would ambush the buses every evening during the siege.", "ambush", "generic"),
    ("The army shells the camp whenever the rebels move.", "shells", "generic"),
    ("Whenever talks stall, the militias clash in the old city.", "clash", "generic"),
    ("It is common for bandits to kidnap travellers on this road.", "kidnap", "generic"),
    ("Abductions in the area often end in death.", "Abductions", "generic"),
    ("Troops shoot at any vehicle that approaches the checkpoint.", "shoot", "generic"),
    ("Pirates have again and again hijacked tankers in the strait.", "hijacked", "generic"),
    # it never happened
    ("The mine was cleared before it could explode.", "explode", "negated"),
    ("At no time did police beat the detainees, the ministry said.", "beat", "negated"),
    ("Under no circumstances will the army shell the city, the general said.", "shell", "negated"),
    ("The ministry rejected rumours that troops had shelled the camp.", "shelled", "negated"),
    ("Police arrested the cell behind the foiled bombing of the stadium.", "bombing", "negated"),
    ("Last-minute talks averted a battle for the town.", "battle", "negated"),
    ("The army denied that its soldiers had tried to kill the journalist.", "kill", "negated"),
    # unproven: a claim, an unverified source, a rumour, a rating, a possible event
    ("The militia claimed that its fighters had shot down a drone.", "shot", "hypothetical"),
    ("The rebels claimed to have captured the airport.", "captured", "hypothetical"),
    ("Unconfirmed reports said rebels had executed the mayor.", "executed", "hypothetical"),
    ("According to unverified accounts, soldiers looted the market.", "looted", "hypothetical"),
    ("Speculation that the army had bombed the bridge spread online.", "bombed", "hypothetical"),
    ("It is likely that the militia attacked the convoy.", "attacked", "hypothetical"),
    ("Clashes could resume at any time, monitors warned.", "Clashes", "hypothetical"),
    ("Aid groups worry about possible attacks on the camps.", "attacks", "hypothetical"),
    # still to come: a conditional threat, imminence, an ultimatum, a call, an attempt not yet made
    ("The commander warned that his men would storm the town if the army advanced.", "storm", "future"),
    ("The rebels are close to seizing the port.", "seizing", "future"),
    ("The council gave the militia an ultimatum to leave the port.", "leave", "future"),
    ("Clerics issued calls for attacks on the embassy.", "attacks", "future"),
    ("An imminent assault on the city has forced thousands to flee.", "assault", "future"),
    ("The gunmen will try to kill the witness, police said.", "kill", "future"),
]

ASSERTED = [
    # a question about who or why takes the event as given
    ("Who bombed the hospital in Aleppo last night?", "bombed"),
    ("Why did police fire on the mourners?", "fire"),
    # "claimed" with a noun object is a claim of responsibility, not a doubt
    ("The group claimed the bombing, which killed 14 people.", "killed"),
    ("The group claimed responsibility for the ambush.", "ambush"),
    # modifiers that do not make the event unreal
    ("A suspected drone strike killed five militants in North Waziristan.", "strike"),
    ("The planned offensive began on Monday with heavy shelling.", "offensive"),
    ("The militants attacked with no warning, killing six.", "attacked"),
    ("In no time, the rebels seized the town.", "seized"),
    # an attempt that was made is an attack (PLOVER's `targeted` mode counts attempted assassinations)
    ("Gunmen tried to kill the judge on Monday, wounding his driver.", "kill"),
    ("Militants had attempted to storm the base before dawn, the army said.", "storm"),
    # the cue words govern another clause
    ("Police said the attack, which could have killed hundreds, wounded three.", "wounded"),
    ("Despite rumours of a truce, the militias clashed again on Friday.", "clashed"),
    ("The mortar fell on the market, where it killed four shoppers before medics could arrive.", "killed"),
]


@pytest.mark.parametrize(("text", "word", "factuality"), NOT_ASSERTED)
def test_the_construction_decides(nlp, text: str, word: str, factuality: str) -> None:
    assert factuality_of_word(nlp, text, word) == factuality


@pytest.mark.parametrize(("text", "word"), ASSERTED)
def test_a_lookalike_still_asserts(nlp, text: str, word: str) -> None:
    assert factuality_of_word(nlp, text, word) == "asserted"
