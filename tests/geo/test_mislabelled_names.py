"""A place name the NER labels a language counts after a locative preposition, as a person's or a people's does;
a language's own name does not."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from lanner.geo.recognize import ner_mentions

pytestmark = pytest.mark.model


def _labelled(nlp, text: str, word: str, label: str):  # type: ignore[no-untyped-def]
    """`text` parsed, with `word` as its only entity, labelled `label` (the NER's mistake, made certain)."""
    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    doc.ents = [Span(doc, token.i, token.i + 1, label=label)]
    return doc


def test_a_city_labelled_a_language_after_in_is_a_place(nlp, gazetteer) -> None:  # type: ignore[no-untyped-def]
    doc = _labelled(nlp, "Two fighters were killed in Aleppo on Sunday.", "Aleppo", "LANGUAGE")
    assert [m.text for m in ner_mentions(doc, gazetteer)] == ["Aleppo"]


def test_a_city_labelled_a_language_without_a_preposition_is_not(nlp, gazetteer) -> None:  # type: ignore[no-untyped-def]
    doc = _labelled(nlp, "Aleppo is what the officials wrote on Sunday.", "Aleppo", "LANGUAGE")
    assert ner_mentions(doc, gazetteer) == []


def test_a_language_is_no_place(nlp, gazetteer) -> None:  # type: ignore[no-untyped-def]
    doc = _labelled(nlp, "The statement was written in Arabic on Sunday.", "Arabic", "LANGUAGE")
    assert ner_mentions(doc, gazetteer) == []


def test_a_people_labelled_name_beside_a_kind_of_place_is_a_place(nlp, gazetteer) -> None:  # type: ignore[no-untyped-def]
    """ "the Aleppo Governorate": the kind of place says it is one, though no preposition stands before it."""
    doc = _labelled(nlp, "Rebels launched an offensive in the Aleppo Governorate on Wednesday.", "Aleppo", "NORP")
    assert [m.text for m in ner_mentions(doc, gazetteer)] == ["Aleppo"]


def test_a_people_beside_a_kind_of_place_is_no_place(nlp, gazetteer) -> None:  # type: ignore[no-untyped-def]
    doc = _labelled(nlp, "Rebels launched an offensive on the Kurdish town on Wednesday.", "Kurdish", "NORP")
    assert ner_mentions(doc, gazetteer) == []
