"""Events are dated from their own clause, resolved against the publication date, with precision.

Sentences written for these tests; the article is published on Thursday 14 March 2019. Runs the whole
pipeline (trained spaCy model), since the date an analyst sees is the event's, not the mention's.
"""

from __future__ import annotations

from datetime import date

import pytest

from lanner.records import Article, DateRange
from lanner.time.anchor import NOT_GOVERNED, date_rank

PUBLISHED = date(2019, 3, 14)  # a Thursday


def _event_date(pipeline, text: str, trigger: str):
    analysis = pipeline(Article(text=text, published=PUBLISHED))
    event = next(e for e in analysis.events if e.trigger.text == trigger)
    return event.date


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        (
            "Gunmen killed five soldiers at a checkpoint in Kunduz last year, officials said.",
            "killed",
            DateRange(date(2018, 1, 1), date(2018, 12, 31), "year"),
        ),
        (
            "The militants captured the town in June 2014 and held it for three years.",
            "captured",
            DateRange(date(2014, 6, 1), date(2014, 6, 30), "month"),
        ),
        (
            "Police said a suicide bomber attacked a mosque in Quetta on Tuesday.",
            "attacked",
            DateRange(date(2019, 3, 12), date(2019, 3, 12), "day"),
        ),
        (
            "Two days ago, gunmen stormed a hotel in Mogadishu.",
            "stormed",
            DateRange(date(2019, 3, 12), date(2019, 3, 12), "day"),
        ),
        (
            "Earlier this month, air strikes hit a market in Idlib.",
            "hit",
            DateRange(date(2019, 3, 1), date(2019, 3, 13), "month"),
        ),
        (
            "Rebels attacked the base on Thursday, the army said.",  # the publication's own weekday: that day
            "attacked",
            DateRange(PUBLISHED, PUBLISHED, "day"),
        ),
        (
            "The group kidnapped two aid workers in December.",  # a bare month: the latest begun by publication
            "kidnapped",
            DateRange(date(2018, 12, 1), date(2018, 12, 31), "month"),
        ),
    ],
)
def test_the_events_date_resolves_against_publication(pipeline, text: str, trigger: str, expected) -> None:
    event_date = _event_date(pipeline, text, trigger)
    assert (event_date.range, event_date.basis) == (expected, "text")


def test_a_date_in_a_relative_clause_dates_that_clause_not_the_main_event(pipeline) -> None:
    text = "The militants, who seized the town in 2014, attacked the army base on Tuesday."
    assert _event_date(pipeline, text, "attacked").range == DateRange(date(2019, 3, 12), date(2019, 3, 12), "day")
    assert _event_date(pipeline, text, "seized").range == DateRange(date(2014, 1, 1), date(2014, 12, 31), "year")


def test_the_events_own_date_beats_the_date_of_the_report(pipeline) -> None:
    text = "Police said on Wednesday that gunmen killed five people last week."
    assert _event_date(pipeline, text, "killed").range == DateRange(date(2019, 3, 4), date(2019, 3, 10), "week")


def test_since_runs_to_publication(pipeline) -> None:
    """spaCy leaves "since" out of the entity; without it "January" would be the month alone."""
    analysis = pipeline(Article(text="Since January, militants have killed 300 civilians.", published=PUBLISHED))
    assert [(m.text, m.range) for m in analysis.dates] == [
        ("Since January", DateRange(date(2019, 1, 1), PUBLISHED, "year"))
    ]


def test_with_no_date_in_the_sentence_the_publication_week_is_a_marked_fallback(pipeline) -> None:
    event_date = _event_date(pipeline, "Gunmen attacked a police station in Helmand.", "attacked")
    assert event_date.basis == "published"
    assert event_date.range is not None and event_date.range.end == PUBLISHED


def test_date_rank_counts_clause_boundaries(nlp) -> None:
    doc = nlp("The army, which shelled the town in May, withdrew on Friday.")
    withdrew, may, friday = (next(t for t in doc if t.text == word) for word in ("withdrew", "May", "Friday"))
    shelled = next(t for t in doc if t.text == "shelled")
    assert date_rank(friday, withdrew) == 0
    assert date_rank(may, withdrew) == 1  # through the relative clause
    assert date_rank(may, shelled) == 0
    assert date_rank(friday, shelled) == NOT_GOVERNED
