"""Lanner events as ACLED rows: ACLED's 31 columns, its precision codes, actor types and regions.

ACLED's codebook is the reference for every code written here; what Lanner cannot know is left empty rather
than guessed. admin2 is known for a town's point (geo precision 1, or 2 near a town) where GeoNames names the
district its town, or a town within 5 km, lies in (`lanner.geo.admin2`), and for a second-level division itself;
a province's or country's centroid keeps it empty, as a district there would be a false precision. admin3 and
source scale stay empty: no registry package Lanner reads names third-level divisions, and nothing says whether
a source is local, national or international. `docs/export.md` documents each column and mapping.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from importlib import resources
from typing import Any

from lanner.errors import Code, DataError

REGIONS_RESOURCE = "acled_regions.csv"

# Geo precisions at which a town's point is the event's point: the town itself (1) or near it (2).
TOWN_PRECISIONS = (1, 2)

Admin2Lookup = Callable[[float, float, str, str | None], str | None]  # (lat, lon, country, admin1) -> admin2

# ACLED's actor types (inter1/inter2).
STATE_FORCES = 1
REBELS = 2
POLITICAL_MILITIAS = 3
IDENTITY_MILITIAS = 4
RIOTERS = 5
PROTESTERS = 6
CIVILIANS = 7
EXTERNAL_OTHER = 8

TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3, "unknown": 3}
DISORDER_TYPES = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
# Sub-event types ACLED counts under both headings.
DUAL_DISORDER = {"Excessive force against protesters", "Mob violence"}
# Armed-group subkinds (knowledge base) that ACLED codes as identity militias: communal, ethnic, clan or settler groups.
_IDENTITY_WORDS = ("clan", "tribal", "ethnic", "communal", "settler", "self-defence", "self-defense", "vigilante")
# Armed-group subkinds that ACLED codes as political militias rather than rebels.
_MILITIA_WORDS = ("militia", "unidentified", "criminal", "paramilitary", "party", "security outfit")
_EXTERNAL_WORDS = ("private military", "pmc", "mercenar")


@dataclass(frozen=True)
class ActorFacts:
    """What the ACLED layout needs of an actor: display name, kind, finer subkind, home country."""

    actor_id: str
    name: str
    kind: str
    subkind: str | None = None
    country: str | None = None
    generic: bool = False  # named by role ("gunmen", "civilians"): ACLED adds the country to such names


@dataclass(frozen=True)
class DocumentFacts:
    source: str | None
    url: str | None
    processed_at: str | None  # ISO 8601


@dataclass(frozen=True)
class CountryFacts:
    name: str
    alpha3: str | None
    numeric: int | None
    region: str | None


def inter_code(actor: ActorFacts, event_country: str | None) -> int:
    """ACLED's actor type for one actor, where the event happened in `event_country`.

    State forces and governments acting outside their own country count as external forces, as in ACLED.
    """
    subkind = (actor.subkind or "").lower()
    if actor.kind in ("state_forces", "government"):
        if actor.country and event_country and actor.country != event_country:
            return EXTERNAL_OTHER
        return STATE_FORCES
    if actor.kind == "armed_group":
        if any(word in subkind for word in _EXTERNAL_WORDS):
            return EXTERNAL_OTHER
        if any(word in subkind for word in _IDENTITY_WORDS):
            return IDENTITY_MILITIAS
        if any(word in subkind for word in _MILITIA_WORDS):
            return POLITICAL_MILITIAS
        return REBELS
    if actor.kind == "civilians":
        return CIVILIANS
    if subkind == "protesters":
        return PROTESTERS
    if subkind == "rioters":
        return RIOTERS
    return EXTERNAL_OTHER  # igo, other, and persons with no known organisation


def interaction(code1: int | None, code2: int | None) -> int | None:
    """ACLED's interaction: the two actor types, lower first (12 for state forces and rebels); 10x for one actor."""
    codes = sorted(code for code in (code1, code2) if code is not None)
    if not codes:
        return None
    if len(codes) == 1:
        return codes[0] * 10
    return codes[0] * 10 + codes[1]


def event_day(start: str | None, end: str | None) -> date | None:
    """The day ACLED would record: the day itself, or the middle of a week or month range."""
    if not start:
        return None
    first = date.fromisoformat(str(start)[:10])
    last = date.fromisoformat(str(end)[:10]) if end else first
    return first + (last - first) / 2


def unix_seconds(timestamp: str | None) -> int | None:
    if not timestamp:
        return None
    moment = datetime.fromisoformat(str(timestamp))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return int(moment.timestamp())


def event_admin2(event: Mapping[str, Any], lookup: Admin2Lookup) -> str | None:
    """ACLED's admin2 of a stored event: the division itself, or the district of the town whose point it has.

    Centroids of provinces, countries and regions get none: any district picked there would be a guess."""
    if event.get("feature") == "admin2":
        return event.get("place_name") or None
    lat, lon, country = event.get("lat"), event.get("lon"), event.get("country")
    if event.get("feature") != "city" or event.get("geo_precision") not in TOWN_PRECISIONS:
        return None
    if lat is None or lon is None or not country:
        return None
    return lookup(float(lat), float(lon), str(country), event.get("admin1") or None)


def default_admin2_lookup(lat: float, lon: float, country: str, admin1: str | None) -> str | None:
    """The geo package's cached lookup, imported on first use so loading the mapper stays cheap."""
    from lanner.geo.admin2 import admin2_at

    return admin2_at(lat, lon, country, admin1)


def load_regions() -> dict[str, str]:
    """ISO alpha-2 → ACLED region, from the package's data file."""
    origin = f"lanner/data/{REGIONS_RESOURCE}"
    text = resources.files("lanner").joinpath("data", REGIONS_RESOURCE).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    regions: dict[str, str] = {}
    for number, row in enumerate(csv.DictReader(lines), start=2):
        code, region = (row.get("iso2") or "").strip(), (row.get("region") or "").strip()
        if len(code) != 2 or not region:
            raise DataError(Code.BAD_DATA_FILE, f"data row {number}: expected iso2,region", origin=origin)
        regions[code.upper()] = region
    return regions


class AcledMapper:
    """Turns stored event rows into ACLED rows. Holds the country table and the knowledge base it reads."""

    def __init__(
        self,
        countries: Mapping[str, CountryFacts],
        known_actors: Mapping[str, ActorFacts],
        admin2_lookup: Admin2Lookup = default_admin2_lookup,
    ) -> None:
        self.countries = countries
        self.known_actors = known_actors  # from the knowledge base: subkinds and names of ids the store lacks
        self.admin2_lookup = admin2_lookup

    @classmethod
    def load(cls) -> AcledMapper:
        """The package's country names, ISO codes, ACLED regions and actor knowledge base."""
        import pycountry

        from lanner.actors import ActorKnowledgeBase
        from lanner.actors.knowledge_base import is_generic

        regions = load_regions()
        knowledge_base = ActorKnowledgeBase.load()
        countries: dict[str, CountryFacts] = {}
        for country in knowledge_base.countries:
            record = pycountry.countries.get(alpha_2=country.code)
            countries[country.code] = CountryFacts(
                name=country.name,
                alpha3=record.alpha_3 if record else ("XKX" if country.code == "XK" else None),
                numeric=int(record.numeric) if record else None,
                region=regions.get(country.code),
            )
        actors: dict[str, ActorFacts] = {}
        for actor in knowledge_base.actors():
            info = knowledge_base.info(actor.actor_id)
            kind, subkind = actor.kind, info.subkind if info else None
            if kind == "person":  # a person acts for the organisation it belongs to
                for parent_id in knowledge_base.parent_chain(actor.actor_id):
                    parent, parent_info = knowledge_base.get(parent_id), knowledge_base.info(parent_id)
                    if parent is not None and parent.kind != "person":
                        kind, subkind = parent.kind, parent_info.subkind if parent_info else None
                        break
            actors[actor.actor_id] = ActorFacts(
                actor.actor_id, actor.name, kind, subkind, actor.country, generic=is_generic(actor.actor_id)
            )
        return cls(countries, actors)

    def actor(self, actor_id: str, stored: Mapping[str, Any] | None) -> ActorFacts:
        """The stored actor (what was true at ingest, including user actor files), filled in from the KB."""
        known = self.known_actors.get(actor_id)
        if stored is None or (stored.get("kind") == "other" and stored.get("name") == actor_id):
            return known or ActorFacts(actor_id, actor_id, "other")
        return ActorFacts(
            actor_id=actor_id,
            name=stored.get("name") or actor_id,
            kind=stored.get("kind") or "other",
            subkind=known.subkind if known else None,
            country=stored.get("country"),
            generic=known.generic if known else False,
        )

    def rows(
        self,
        event: Mapping[str, Any],
        actors: Mapping[str, Mapping[str, Any]],
        document: DocumentFacts | None,
        *,
        monadic: bool = False,
    ) -> list[dict[str, Any]]:
        """The ACLED rows of one stored event: one (dyadic) or one per actor side (monadic).

        Events whose PLOVER type has no ACLED counterpart (verbal events) give no rows.
        """
        event_type = event.get("acled_event_type")
        if not event_type:
            return []
        sub_event_type = event.get("acled_sub_event_type")
        code = (event.get("country") or "").upper() or None
        country = self.countries.get(code) if code else None
        country_name = country.name if country else None

        def side(ids: list[str]) -> list[tuple[str, int]]:
            named = []
            for actor_id in ids:
                facts = self.actor(actor_id, actors.get(actor_id))
                name = facts.name
                if facts.generic and "(" not in name and country_name:
                    name = f"{name} ({country_name})"
                named.append((name, inter_code(facts, code)))
            return named

        sources, targets = side(list(event.get("source") or [])), side(list(event.get("target") or []))
        # ACLED codes a demonstration's first actor as protesters (or rioters) of the country, with the groups
        # behind them as associated actors; whoever intervenes (police dispersing a crowd) is the second actor.
        crowd = {"Protests": ("Protesters", PROTESTERS), "Riots": ("Rioters", RIOTERS)}.get(event_type)
        if crowd is not None:
            label, crowd_code = crowd
            if event.get("type") != "PROTEST":  # an assault on a crowd, a coercion of it: the crowd was its target
                sources, targets = targets, sources
            targets = [(n, c) for n, c in targets if c not in (PROTESTERS, RIOTERS)]
            crowd_name = f"{label} ({country_name})" if country_name else label
            sources = [(crowd_name, crowd_code)] + [(n, c) for n, c in sources if c not in (PROTESTERS, RIOTERS)]
        day = event_day(event.get("date_start"), event.get("date_end"))
        precision = str(event.get("date_precision") or "unknown")
        inter1 = sources[0][1] if sources else None
        inter2 = targets[0][1] if targets else None
        civilians = event_type == "Violence against civilians" or any(c == CIVILIANS for _, c in targets)
        disorder = DISORDER_TYPES.get(event_type)
        if sub_event_type in DUAL_DISORDER:
            disorder = "Political violence; Demonstrations"
        tags = [f"plover={event.get('type')}"]
        if event.get("mode"):
            tags.append(f"mode={event.get('mode')}")
        tags += [f"factuality={event.get('factuality')}", f"date_basis={event.get('date_basis')}"]
        tags.append(f"lanner_id={event.get('id')}")
        base: dict[str, Any] = {
            "event_id_cnty": f"{(country.alpha3 if country else None) or 'XXX'}{int(str(event['id'])[:12], 16)}",
            "event_date": day,
            "year": day.year if day else None,
            "time_precision": TIME_PRECISION.get(precision, 3) if day else None,
            "disorder_type": disorder,
            "event_type": event_type,
            "sub_event_type": sub_event_type,
            "actor1": sources[0][0] if sources else None,
            "assoc_actor_1": "; ".join(name for name, _ in sources[1:]) or None,
            "inter1": inter1,
            "actor2": targets[0][0] if targets else None,
            "assoc_actor_2": "; ".join(name for name, _ in targets[1:]) or None,
            "inter2": inter2,
            "interaction": interaction(inter1, inter2),
            "civilian_targeting": "Civilian targeting" if civilians else None,
            "iso": country.numeric if country else None,
            "region": country.region if country else None,
            "country": country_name,
            "admin1": event.get("place_name") if event.get("feature") == "admin1" else event.get("admin1"),
            "admin2": event_admin2(event, self.admin2_lookup),
            "admin3": None,
            "location": event.get("place_name"),
            "latitude": event.get("lat"),
            "longitude": event.get("lon"),
            "geo_precision": event.get("geo_precision"),
            "source": _source(document),
            "source_scale": None,
            "notes": " ".join(str(event.get("evidence_text") or "").split()) or None,
            "fatalities": event.get("fatalities") or 0,
            "tags": "; ".join(tags),
            "timestamp": unix_seconds(document.processed_at) if document else None,
        }
        if not monadic:
            return [base]
        empty_other = {"actor2": None, "assoc_actor_2": None, "inter2": None}
        rows = [{**base, **empty_other}] if sources or not targets else []
        if targets:
            rows.append(
                {
                    **base,
                    "actor1": targets[0][0],
                    "assoc_actor_1": "; ".join(name for name, _ in targets[1:]) or None,
                    "inter1": inter2,
                    **empty_other,
                }
            )
        return rows


def _source(document: DocumentFacts | None) -> str | None:
    """The article's source; its web site when it names none."""
    if document is None:
        return None
    if document.source:
        return document.source
    if document.url:
        from urllib.parse import urlsplit

        return urlsplit(document.url).hostname
    return None
