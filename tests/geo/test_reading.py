"""The recognisers share one read of a document's entities and word ids inside `reading`, and only there."""

from __future__ import annotations

import pytest

from lanner.geo.recognize import gazetteer_mentions, ner_mentions, reading, settlement_mentions

pytestmark = pytest.mark.model

TEXT = "Fighting reached the town of Kafranbel on Monday. Turkish troops also crossed into Idlib."


def _recognised(doc, gazetteer) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    mentions = ner_mentions(doc, gazetteer, {"SY"})
    mentions += gazetteer_mentions(doc, gazetteer, {"SY"})
    mentions += settlement_mentions(doc, mentions, {"SY"})
    return [(m.text, m.source) for m in mentions]


def test_the_shared_read_finds_what_separate_reads_find(nlp, gazetteer) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(TEXT)
    alone = _recognised(doc, gazetteer)
    with reading(doc):
        shared = _recognised(doc, gazetteer)
    assert shared == alone
    # "the town of Kafranbel": the NER's mislabel is read as a place (the kind word), or the pattern finds it
    assert any(text == "Kafranbel" for text, _ in alone) and any(text == "Idlib" for text, _ in alone)


def test_a_document_changed_after_reading_is_read_afresh(nlp, gazetteer) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(TEXT)
    with reading(doc):
        before = _recognised(doc, gazetteer)
    doc.ents = [ent for ent in doc.ents if ent.text != "Idlib"]
    after = _recognised(doc, gazetteer)
    assert any(text == "Idlib" for text, _ in before)
    assert after != before  # the entity list the recognisers read is the document's new one


def test_another_document_inside_reading_is_read_on_its_own(nlp, gazetteer) -> None:  # type: ignore[no-untyped-def]
    first, second = nlp(TEXT), nlp("Clashes broke out in Deir ez-Zor and Raqqa.")
    with reading(first):
        inside = _recognised(second, gazetteer)
    assert inside == _recognised(second, gazetteer)
    assert not any(text in ("Idlib", "Kafranbel") for text, _ in inside)
