"""Reference points in GeoNames' convention for countries and first-level divisions, and towns that share a
state's name. Real gazetteer, real spaCy model."""

from __future__ import annotations

from pathlib import Path

import pytest

from lanner.geo import Gazetteer, PlaceStage
from lanner.geo.resolve import haversine_km
from lanner.geo.sources import iter_source_places, read_supplement, supplement_path
from lanner.records import Analysis, Article

HEADER = "name,alternates,feature,lat,lon,country,weight\n"


def test_division_row_without_weight_sets_the_point_and_with_weight_adds_a_place(tmp_path: Path) -> None:
    path = tmp_path / "supplement.csv"
    path.write_text(HEADER + "Queensland,Qld,admin1,-20.0,145.0,AU,\nAnbar,al-Anbar,admin1,33.4,42.0,IQ,1000000\n")
    supplement = read_supplement(path)
    assert supplement.division_points == {("AU", "Queensland"): (-20.0, 145.0)}
    assert supplement.division_names[("AU", "Queensland")] == ["Qld"]
    assert [p.name for p in supplement.places] == ["Anbar"]


def test_every_division_point_row_names_a_real_division() -> None:
    """A point for a division the packages do not list would vanish silently."""
    wanted = set(read_supplement(supplement_path()).division_points)
    found = {(p.country, p.name) for p in iter_source_places() if p.feature in {"admin1", "admin2"}}
    assert wanted and wanted <= found, sorted(wanted - found)


@pytest.mark.parametrize(
    ("name", "feature", "country", "lat", "lon"),
    [
        # countrystatecity puts these 245 km, 137 km and 114 km from the points GeoNames gives them
        ("Queensland", "admin1", "AU", -20.0, 145.0),
        ("Ontario", "admin1", "CA", 49.25, -84.5),
        ("Zimbabwe", "country", "ZW", -19.0, 29.75),
    ],
)
def test_big_places_sit_at_geonames_points(
    gazetteer: Gazetteer, name: str, feature: str, country: str, lat: float, lon: float
) -> None:
    place = next(c.place for c in gazetteer.lookup(name) if c.place.feature == feature and c.place.country == country)
    assert place.lat is not None and place.lon is not None
    assert haversine_km(place.lat, place.lon, lat, lon) < 5


@pytest.mark.model
def test_small_town_named_like_its_state_does_not_win_on_nearness(nlp, place_stage: PlaceStage) -> None:  # type: ignore[no-untyped-def]
    # Florida, New York (2,900 people) lies next to Riverdale, New Jersey and New York City; the lottery
    # winner "in Florida" still lives in the state
    text = (
        "The winning ticket was sold at a store in Riverdale, police in Morris County said. The last big jackpot "
        "was won in January, when a man in Florida won $451 million. New York players bought the most tickets."
    )
    analysis = place_stage(Analysis(Article(text=text), doc=nlp(text)))
    florida = next(p for p in analysis.places if p.text == "Florida")
    assert florida.place is not None and (florida.place.feature, florida.place.admin1) == ("admin1", "Florida")


@pytest.mark.model
def test_container_still_picks_the_town(nlp, place_stage: PlaceStage) -> None:  # type: ignore[no-untyped-def]
    text = "A fire destroyed a barn in Florida, New York, near the town of Warwick, officials said."
    analysis = place_stage(Analysis(Article(text=text), doc=nlp(text)))
    florida = next(p for p in analysis.places if p.text == "Florida")
    assert florida.place is not None and (florida.place.feature, florida.place.admin1) == ("city", "New York")
