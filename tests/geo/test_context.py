"""Recognition and ranking that lean on the rest of the article: names next to each other, abbreviations,
names inside organisations, later uses of a name. Real spaCy model, real gazetteer."""

from __future__ import annotations

import pytest

from lanner.geo import PlaceStage
from lanner.records import Analysis, Article, PlaceMention

pytestmark = pytest.mark.model


def places(nlp, stage: PlaceStage, text: str) -> list[PlaceMention]:  # type: ignore[no-untyped-def]
    return stage(Analysis(Article(text=text), doc=nlp(text))).places


def found(nlp, stage: PlaceStage, text: str) -> dict[str, PlaceMention]:  # type: ignore[no-untyped-def]
    return {p.text: p for p in places(nlp, stage, text)}


def test_neighbouring_towns_pick_each_other(nlp, place_stage: PlaceStage) -> None:  # type: ignore[no-untyped-def]
    # Berea, Ohio is the bigger Berea; with Richmond and Irvine in the same article it is Berea, Kentucky
    text = "A man from Berea and a woman from Richmond were treated in Irvine and released, police in Lancaster said."
    berea = found(nlp, place_stage, text)["Berea"]
    assert berea.place is not None and (berea.place.country, berea.place.admin1) == ("US", "Kentucky")


def test_county_in_an_organisation_name_places_its_town(nlp, place_stage: PlaceStage) -> None:  # type: ignore[no-untyped-def]
    text = "The crash near Paris injured two drivers from Chrisman and Kansas, officials in Edgar County said."
    by_text = found(nlp, place_stage, text)
    assert by_text["Edgar County"].place is not None and by_text["Edgar County"].place.feature == "admin2"
    paris = by_text["Paris"].place
    assert paris is not None and (paris.country, paris.admin1) == ("US", "Illinois")


def test_country_alternate_labelled_organisation(nlp, place_stage: PlaceStage) -> None:  # type: ignore[no-untyped-def]
    text = "China urged the DPRK and the United States to talk, and the foreign ministers met in Beijing."
    dprk = found(nlp, place_stage, text)["DPRK"]
    assert dprk.place is not None and dprk.place.country == "KP" and dprk.confidence > 0.8


def test_capitals_abbreviation_is_not_a_town_spelled_alike(nlp, place_stage: PlaceStage) -> None:  # type: ignore[no-untyped-def]
    eu = found(nlp, place_stage, "The EU said the measures would apply to all airlines from next year.")["EU"]
    assert eu.place is not None and eu.place.feature == "region"  # the union, not the town of Eu in Normandy
    wa = found(nlp, place_stage, "Wastewater in WA is diluted before it reaches the sea near Perth, Australia.")
    assert wa["WA"].place is None or wa["WA"].place.country != "GH"  # not Wa, Ghana


def test_country_at_the_end_of_an_organisation_name(nlp, place_stage: PlaceStage) -> None:  # type: ignore[no-untyped-def]
    zimbabwe = found(nlp, place_stage, "The ZTA chief said Air Zimbabwe had no plan to resume flights to London.")
    mention = zimbabwe["Zimbabwe"]
    assert mention.reference == "embedded" and mention.place is not None and mention.place.country == "ZW"


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Flooding hit the Tijuana River in Baja California, officials said.", "Baja California", "MX"),
        ("Refugees are living in Boa Vista, the state capital of Roraima, Brazil.", "Boa Vista", "BR"),
        ("Tickets are sold in 44 states, Washington, D.C., and the U.S. Virgin Islands.", "U.S. Virgin Islands", "VI"),
    ],
)
def test_entity_cut_short_is_widened_to_the_known_name(  # type: ignore[no-untyped-def]
    nlp, place_stage: PlaceStage, text: str, name: str, country: str
) -> None:
    by_text = found(nlp, place_stage, text)
    assert by_text[name].place is not None and by_text[name].place.country == country  # type: ignore[union-attr]
    assert "Baja" not in by_text and "Vista" not in by_text and "California" not in by_text


def test_later_uses_of_a_place_name_count(nlp, place_stage: PlaceStage) -> None:  # type: ignore[no-untyped-def]
    text = "Officials in Syria said the destruction of Aleppo went on. The gunman shouted about Aleppo in Turkish."
    aleppos = [p for p in places(nlp, place_stage, text) if p.text == "Aleppo"]
    assert len(aleppos) == 2
    assert all(p.place is not None and p.place.country == "SY" for p in aleppos)


def test_repeated_name_inside_a_person_or_a_site_is_not_the_place(nlp, place_stage: PlaceStage) -> None:  # type: ignore[no-untyped-def]
    text = "Michael Jordan visited Amman, Jordan, last week. California voters and California State University agree."
    mentions = places(nlp, place_stage, text)
    assert [p.text for p in mentions if p.text == "Jordan"] == ["Jordan"]  # the country, once
    california = [p for p in mentions if p.text == "California"]
    assert all(text[p.end : p.end + 6] != " State" for p in california)


def test_town_labelled_as_a_person_after_a_preposition(nlp, place_stage: PlaceStage) -> None:  # type: ignore[no-untyped-def]
    klamath = found(nlp, place_stage, "In Klamath Falls, Oregon, a brewery makes use of geothermal heat.")[
        "Klamath Falls"
    ]
    assert klamath.place is not None and (klamath.place.country, klamath.place.admin1) == ("US", "Oregon")


def test_authored_peninsula(nlp, place_stage: PlaceStage) -> None:  # type: ignore[no-untyped-def]
    peninsula = found(nlp, place_stage, "Peace and stability on the Korean Peninsula matter to China.")[
        "Korean Peninsula"
    ]
    assert peninsula.place is not None and peninsula.place.feature == "landform"
    assert peninsula.place.lat is not None and 36 < peninsula.place.lat < 40


def test_the_articles_state_outweighs_a_nearer_namesake(nlp, place_stage: PlaceStage) -> None:  # type: ignore[no-untyped-def]
    # Pike County, Indiana lies beside the western Kentucky counties; the article's state is still Kentucky
    text = (
        "Kentucky lawmakers approved the school aid. Daviess County schools will be given $8,900; McLean County "
        "schools will be given $5,900; Muhlenberg County schools $3,000 and Ohio County schools $128,800. "
        "Pike County, a district harder hit, is set to receive $400,000."
    )
    pike = found(nlp, place_stage, text)["Pike County"].place
    assert pike is not None and (pike.country, pike.admin1) == ("US", "Kentucky")


def test_a_facility_is_not_a_faraway_town_of_its_name(nlp, place_stage: PlaceStage) -> None:  # type: ignore[no-untyped-def]
    text = (
        "New Orleans planners gave Elysian Fields great width and an adjacent park (Washington Square). "
        "The avenue runs from the river in Louisiana toward Lake Pontchartrain."
    )
    square = found(nlp, place_stage, text)["Washington Square"]
    # not the Philadelphia neighbourhood, nor Franklin Square, New York, which once bore the name
    assert square.place is None or square.place.admin1 == "Louisiana"


def test_the_capital_of_a_named_country_beats_a_nearby_namesake(nlp, place_stage: PlaceStage) -> None:  # type: ignore[no-untyped-def]
    text = (
        "GEORGETOWN, Ky. - A Georgetown doctor is in France on a family trip. A gunman opened fire on police in "
        "Paris on Thursday night. She will return to Kentucky next week."
    )
    paris = found(nlp, place_stage, text)["Paris"].place
    assert paris is not None and paris.country == "FR"  # not Paris, Kentucky, 30 km from Georgetown


def test_two_names_that_vouch_for_each_other_settle_together(nlp, place_stage: PlaceStage) -> None:  # type: ignore[no-untyped-def]
    # Edmonton is a district of north London beside Enfield; scored all at once, the two names traded senses
    # (Edmonton in Canada, Enfield in Nova Scotia) on every round
    text = (
        "A teenager was stabbed outside a school in Edmonton on Monday. Police said the boy lived in Edmonton "
        "with his mother. Enfield council leaders called for calm."
    )
    edmonton = found(nlp, place_stage, text)["Edmonton"].place
    assert edmonton is not None and edmonton.country == "GB"


def test_capitals_named_together_stand_for_their_governments(nlp, place_stage: PlaceStage) -> None:  # type: ignore[no-untyped-def]
    # Washington, a town of 67,000 in England, is near London; beside London it is still the US capital
    text = "Ministers from London and Washington met to discuss sanctions on Iran."
    washington = found(nlp, place_stage, text)["Washington"].place
    assert washington is not None and washington.country == "US"


def test_an_old_name_of_a_capital_is_not_lifted_by_other_capitals(nlp, place_stage: PlaceStage) -> None:  # type: ignore[no-untyped-def]
    # Salisbury was Harare's name; in a story about London and Moscow it is the city in England
    text = "Moscow denied that it poisoned the former spy in the English city of Salisbury, London said on Monday."
    salisbury = found(nlp, place_stage, text)["Salisbury"].place
    assert salisbury is not None and salisbury.country == "GB"
