"""Helpers the event tests share: run the real pipeline on a sentence and pick an event out of it."""

from __future__ import annotations

from datetime import date

from lanner.events.factuality import factuality_of
from lanner.events.roles import Roles
from lanner.events.stage import _event_place, _MentionIndex
from lanner.records import Article, Event


def events_of(pipeline, text: str, published: date) -> list[Event]:
    return pipeline(Article(text=text, published=published)).events


def event_by_trigger(pipeline, text: str, trigger: str, published: date) -> Event:
    """The first event whose trigger is `trigger` (lower case); the assertion lists what was found instead."""
    found = [e for e in events_of(pipeline, text, published) if e.trigger.text.lower() == trigger]
    assert found, [(e.trigger.text, e.type) for e in events_of(pipeline, text, published)]
    return found[0]


def countries(pipeline, actor_ids: tuple[str, ...]) -> set[str | None]:
    """The knowledge base's country of each actor."""
    knowledge_base = pipeline.stage("events").knowledge_base
    return {knowledge_base.get(actor_id).country for actor_id in actor_ids}


def factuality_of_word(nlp, text: str, word: str) -> str:
    """The factuality the rules give the first token spelled `word` (any case) in `text`, parsed by `nlp`."""
    doc = nlp(text)
    trigger = next(token for token in doc if token.text.lower() == word.lower())
    return factuality_of(trigger)[0]


def rule_place(pipeline, text: str, word: str) -> str | None:
    """The event-place rule asked as `lanner eval event-location` asks it, with `word` as the trigger: the events
    stage folds "shot and killed" or "killing ... and wounding" into one event, but each verb has its place."""
    analysis = pipeline(Article(text=text))
    doc = analysis.doc
    trigger = next(t for t in doc if t.lower_ == word)
    index = _MentionIndex(analysis, doc, pipeline.stage("events").knowledge_base)
    place = _event_place(trigger.sent, trigger, Roles((), ()), index)
    return place.mention.text if place is not None and place.mention is not None else None
