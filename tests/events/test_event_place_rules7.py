"""The event's own place, round 7: places a follow-on clause shares, names the recogniser mislabels, and the
capitalised kind of division written as part of a name. One rule per test, on sentences written for them.

Hand-written sentences through the real pipeline (real spaCy model, real gazetteer).
"""

from __future__ import annotations

from datetime import date

import pytest
from eventtools import event_by_trigger, rule_place

from lanner.records import Article

DAY = date(2024, 3, 1)


def place_of(pipeline, text: str, trigger: str) -> str | None:
    event = event_by_trigger(pipeline, text, trigger, DAY)
    place = event.place
    return place.mention.text if place is not None and place.mention is not None else None


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # a participle on the verb: the strike was in Basra, and so were the killings it caused
        ("Two bombs struck the southern city of Basra, killing six people.", "killing", "Basra"),
    ],
)
def test_a_subjectless_follow_on_clause_shares_the_place_of_its_verb(
    pipeline, text: str, trigger: str, expected: str
) -> None:
    assert place_of(pipeline, text, trigger) == expected


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # a verb conjoined to the participle, without a subject of its own
        ("A car bomb hit the town of Tikrit, killing four police officers and wounding nine.", "wounding", "Tikrit"),
        # a verb conjoined to the first without a subject of its own: the gunmen were in Kandahar for both
        ("On Friday, masked gunmen in Kandahar shot and killed a local cleric.", "killed", "Kandahar"),
        # a conjoined clause with a subject of its own is another event: Aleppo is the shelling's place only
        ("Rebels shelled Aleppo on Monday and the army killed ten fighters.", "killed", None),
    ],
)
def test_a_conjoined_verb_shares_the_place_only_without_a_subject_of_its_own(
    pipeline, text: str, word: str, expected: str | None
) -> None:
    assert rule_place(pipeline, text, word) == expected


def test_the_follow_on_clause_keeps_its_own_place_first(pipeline) -> None:
    """Its own place outranks the one it shares (tier 0 before tier 1)."""
    text = "A bomb exploded in Baghdad on Monday, killing three people in a nearby market in Karbala."
    assert place_of(pipeline, text, "killing") == "Karbala"


def test_a_big_city_the_recogniser_calls_a_work_of_art_is_still_a_place(pipeline) -> None:
    """The small model labels some cities WORK_OF_ART; the gazetteer vouches for them (a city of 100,000 or more),
    as it does for a city mislabelled an organisation."""
    text = "Riot police fired tear gas at students near the university in Thessaloniki on Wednesday."
    assert "Thessaloniki" in [m.text for m in pipeline(Article(text=text)).places]


@pytest.mark.parametrize("label", ["PRODUCT", "WORK_OF_ART"])
def test_an_entity_mislabelled_a_product_or_a_work_counts_only_when_the_gazetteer_vouches(
    nlp, gazetteer, label: str
) -> None:
    """A big city passes whatever the label; a name the gazetteer does not know stays out."""
    from spacy.tokens import Span

    from lanner.geo.recognize import ner_mentions

    doc = nlp("Shops closed in Peshawar and in Zorblatt on Sunday.")
    doc.ents = [Span(doc, 3, 4, label=label), Span(doc, 6, 7, label=label)]
    assert [m.text for m in ner_mentions(doc, gazetteer)] == ["Peshawar"]


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Gunmen killed four farmers in Helmand Province on Friday.", "killed", "Helmand Province"),
        ("Militants detonated a bomb in a school in Kandahar Municipality on Sunday.", "detonated", None),
        ("Two soldiers were killed in Kandahar Monday.", "killed", "Kandahar"),
    ],
)
def test_a_capitalised_kind_of_division_after_the_name_is_part_of_its_span(
    pipeline, text: str, trigger: str, expected: str | None
) -> None:
    """ "Helmand Province" as the text writes it; a capitalised word that is no kind of division ("Kandahar
    Monday") stays out."""
    found = place_of(pipeline, text, trigger)
    if expected is None:
        assert found is not None and found.endswith("Municipality")
    else:
        assert found == expected


def test_of_coordinated_places_the_span_starts_at_the_first(pipeline) -> None:
    """ "in Diyala, Anbar and Baghdad": the most specific alone (the city) would drop the provinces; the first of
    the list is chosen and the span runs on over the rest."""
    text = "Militants attacked police posts in Diyala, Anbar and Baghdad on Sunday."
    assert rule_place(pipeline, text, "attacked") == "Diyala, Anbar and Baghdad"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Six policemen were killed by a roadside bomb in Hawija district, in northern Iraq, on Monday.", "Hawija"),
        ("Six policemen were killed by a roadside bomb in Tarmiyah in the district of Kirkuk on Monday.", "Tarmiyah"),
    ],
)
def test_a_kind_of_place_between_two_places_still_puts_the_first_inside_the_second(
    pipeline, text: str, expected: str
) -> None:
    """ "in Hawija district, in northern Iraq", "in Tarmiyah in the district of Kirkuk": the narrower place is the
    event's, as with only "in" and a comma between."""
    assert rule_place(pipeline, text, "killed") == expected
