"""The event's place candidates (lanner.events.place.place_candidates): how the rule sorts a sentence's places.

benchmarks/train_event_place.py fits a learned ranker on these candidates and compares it with the rule's own
choice; these tests pin what it reads. Hand-written sentences through the real pipeline.
"""

from __future__ import annotations

from lanner.events.place import event_place, place_candidates, rule_key
from lanner.events.roles import Roles
from lanner.events.stage import _MentionIndex
from lanner.records import Article


def candidates_for(pipeline, text: str, verb: str):
    analysis = pipeline(Article(text=text))
    doc = analysis.doc
    trigger = next(t for t in doc if t.text == verb)
    index = _MentionIndex(analysis, doc, pipeline.stage("events").knowledge_base)
    return trigger, index, place_candidates(trigger.sent, trigger, Roles((), ()), index)


def test_the_place_where_it_happened_is_allowed_and_ranked_first(pipeline) -> None:
    """ "in Kandahar" places the bombing; "officials from Lahore" says where people came from, not where it was."""
    text = "A car bomb exploded in Kandahar on Monday, a week after officials from Lahore had visited the city."
    trigger, _index, (allowed, _loose, _vetoed) = candidates_for(pipeline, text, "exploded")
    assert allowed, "no candidate for the bombing"
    best = min(allowed, key=lambda c: rule_key(c, trigger))
    assert best.mention.text == "Kandahar"
    assert best.tier == 0 and best.by_prep and best.word == "in" and not best.veto
    assert all(c.mention.text != "Lahore" for c in allowed if c.tier == 0)


def test_a_country_owning_a_noun_is_vetoed_not_a_candidate(pipeline) -> None:
    """ "a US convoy": the country owns the convoy; the rule never picks it, the candidate split says why."""
    text = "Gunmen ambushed a US convoy on Tuesday."
    trigger, index, (allowed, _loose, vetoed) = candidates_for(pipeline, text, "ambushed")
    assert not allowed
    assert [c.veto for c in vetoed if c.mention.text in ("US", "U.S.")] == ["owner"]
    assert event_place(trigger.sent, trigger, Roles((), ()), index) is None  # no place: the event abstains


def test_event_place_takes_the_rule_key_minimum(pipeline) -> None:
    """The refactor keeps the rule: the event's place is the allowed candidate with the least key."""
    text = "Troops shelled villages near Hama, 40 kilometres north of Homs."
    trigger, index, (allowed, _loose, _vetoed) = candidates_for(pipeline, text, "shelled")
    found = event_place(trigger.sent, trigger, Roles((), ()), index)
    assert found is not None and found.mention is not None
    assert found.mention.text.startswith(min(allowed, key=lambda c: rule_key(c, trigger)).mention.text)
    assert found.mention.text.startswith("Hama")
