"""The dates stage over documents: by hand (no model) and with the trained spaCy pipeline."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from lanner.errors import DataError
from lanner.records import Analysis, Article, DateRange
from lanner.stage import Stage
from lanner.time import DateResolver, DateStage

PUBLISHED = date(2017, 7, 11)


def test_is_a_stage() -> None:
    stage = DateStage()
    assert isinstance(stage, Stage)
    assert (stage.name, stage.needs, stage.adds) == ("dates", ("doc",), ("dates",))


def test_shares_a_given_resolver() -> None:
    resolver = DateResolver()
    assert DateStage(resolver).resolver is resolver


def test_needs_a_doc() -> None:
    with pytest.raises(DataError):
        DateStage()(Analysis(article=Article(text="x")))


def _hand_made(words: list[str], ents: list[tuple[int, int, str]], published: date | None) -> Analysis:
    doc = Doc(Vocab(), words=words)
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in ents]
    return Analysis(article=Article(text=doc.text, published=published), doc=doc)


def test_hand_made_doc_without_model() -> None:
    words = ["Rebels", "attacked", "on", "Monday", "night", "after", "nine", "months", "at", "10", "a.m."]
    analysis = _hand_made(words, [(3, 5, "TIME"), (6, 8, "DATE"), (9, 11, "TIME")], PUBLISHED)
    dates = DateStage()(analysis).dates
    # the unresolvable TIME ("10 a.m.") is left out; the DATE that is a length stays, unresolved
    assert [(m.text, m.range) for m in dates] == [
        ("Monday night", DateRange(date(2017, 7, 10), date(2017, 7, 10), "day")),
        ("nine months", None),
    ]
    for mention in dates:
        assert analysis.article.text[mention.start : mention.end] == mention.text


def test_time_entities_can_be_left_out() -> None:
    analysis = _hand_made(["Monday", "night"], [(0, 2, "TIME")], PUBLISHED)
    assert DateStage(include_time=False)(analysis).dates == []


def test_relative_dates_without_publication_stay_unresolved() -> None:
    analysis = _hand_made(["last", "year", "and", "2014"], [(0, 2, "DATE"), (3, 4, "DATE")], None)
    ranges = [m.range for m in DateStage()(analysis).dates]
    assert ranges == [None, DateRange(date(2014, 1, 1), date(2014, 12, 31), "year")]


TEXT = (
    "Militants attacked a checkpoint near Mosul on Tuesday, killing three soldiers. "
    "The group seized the town three years ago and held it for nine months. "
    "Fighting has intensified in recent weeks, and in the first half of this year more than 200 people died. "
    "The war, which began in March 2011, has killed 400,000 people over the past decade. "
    "A 25-year-old man was arrested on Monday night. The next day, rebels withdrew."
)

EXPECTED = {
    "Tuesday": DateRange(date(2017, 7, 11), date(2017, 7, 11), "day"),
    "three years ago": DateRange(date(2014, 1, 1), date(2014, 12, 31), "year"),
    "nine months": None,
    "recent weeks": DateRange(date(2017, 6, 14), date(2017, 7, 11), "month"),
    "the first half of this year": DateRange(date(2017, 1, 1), date(2017, 6, 30), "year"),
    "March 2011": DateRange(date(2011, 3, 1), date(2011, 3, 31), "month"),
    "the past decade": DateRange(date(2007, 7, 12), date(2017, 7, 11), "year"),
    "25-year-old": None,
    "Monday night": DateRange(date(2017, 7, 10), date(2017, 7, 10), "day"),
    "The next day": None,
}


@pytest.mark.model
def test_with_the_trained_model(nlp) -> None:
    article = Article(text=TEXT, published=PUBLISHED)
    analysis = DateStage()(Analysis(article=article, doc=nlp(TEXT)))
    found = {m.text: m.range for m in analysis.dates}
    for mention in analysis.dates:
        assert TEXT[mention.start : mention.end] == mention.text
        assert (mention.start, mention.end) in {(e.start_char, e.end_char) for e in analysis.doc.ents}
    for text, expected in EXPECTED.items():
        assert text in found, f"spaCy did not tag {text!r}: {sorted(found)}"
        assert found[text] == expected, text
    assert found["Tuesday"] is not None and TEXT.index("Tuesday") == next(
        m.start for m in analysis.dates if m.text == "Tuesday"
    )
