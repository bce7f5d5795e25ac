"""`admin1` is the first-level division's name, as the output contract shows ("Nineveh"), never a source's code."""

from __future__ import annotations

import pytest

from lanner.geo.sources import admin1_names, plain_division_name
from lanner.records import Article


def _places(pipeline, text: str) -> dict[str, tuple[str | None, str | None, str | None]]:
    analysis = pipeline(Article(text=text))
    return {m.text: (m.place.feature, m.place.country, m.place.admin1) for m in analysis.places if m.place}


def test_towns_carry_their_divisions_name(pipeline):
    places = _places(pipeline, "Shelling hit Douma and Aleppo, while police in Lexington, Ky., arrested two men.")
    assert places["Douma"] == ("city", "SY", "Rif-dimashq")
    assert places["Aleppo"] == ("city", "SY", "Aleppo")
    assert places["Lexington"] == ("city", "US", "Kentucky")


def test_a_division_names_itself(pipeline):
    places = _places(pipeline, "Police in Lexington, Ky., arrested two men.")
    assert places["Ky."] == ("admin1", "US", "Kentucky")


def test_no_resolved_town_keeps_a_bare_code(pipeline):
    text = "Fighting was reported in Mosul, Tikrit, Basra, Kirkuk, Kandahar, Maiduguri, Mogadishu and Sanaa."
    for feature, _country, admin1 in _places(pipeline, text).values():
        if feature == "city":
            assert admin1 and not admin1.isdigit() and len(admin1) > 2, admin1


def test_names_come_from_the_towns_of_each_code():
    names = admin1_names()
    assert len(names) > 3000
    assert names[("US", "KY")] == "Kentucky"
    assert names[("IQ", "18")] == "Salah ad Din"  # "Salah ad Din Governorate" in the source, affix dropped


@pytest.mark.parametrize(
    ("raw", "plain"),
    [
        ("Basra Governorate", "Basra"),
        ("Muhafazat Kirkuk", "Kirkuk"),
        ("Mayorality of Baghdad", "Baghdad"),
        ("Wilayat-e Baghlan", "Baghlan"),
        ("Aleppo", "Aleppo"),
        ("Governorate", "Governorate"),  # nothing left but the affix: kept whole
    ],
)
def test_affixes_are_dropped(raw, plain):
    assert plain_division_name(raw) == plain
