"""Round plover10: actor and role errors found on the PLOVER gold-standard dev records, checked on sentences
written for these tests through the real pipeline, and the scorer's reading of the gold's reciprocal actors."""

from __future__ import annotations

from lanner.evaluation.plover import _country_codes, _source_actors
from lanner.records import Article, Event


def events(pipeline, text: str, event_type: str) -> list[Event]:
    return [e for e in pipeline(Article(text=text)).events if e.type == event_type]


def test_scorer_compares_reciprocal_actors_with_all_the_event_names(pipeline) -> None:
    # the gold's "SRC/TAR" actors are source and target alike, listed as the source with no target
    text = "The Greek foreign minister will visit Bulgaria next week."
    found = events(pipeline, text, "AGREE") + events(pipeline, text, "CONSULT")
    assert found
    record = {
        "textInfo": {"markup": "(SRC/TAR: Greek foreign minister) (EVT: will visit) (SRC/TAR: Bulgaria) next week."},
        "target": "",
    }
    assert _country_codes(_source_actors(found[0], record), pipeline) == frozenset({"GRC", "BGR"})
    directed = {"textInfo": {"markup": "(SRC: Greek foreign minister) (EVT: will visit) (TAR: Bulgaria)"}}
    assert _country_codes(_source_actors(found[0], directed), pipeline) == frozenset({"GRC"})
