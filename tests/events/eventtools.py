"""Helpers the event tests share: run the real pipeline on a sentence and pick an event out of it."""

from __future__ import annotations

from datetime import date

from lanner.events.factuality import factuality_of
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
