"""The actor knowledge base: named actors from package data and user files, plus generated state actors.

Actor ids follow one scheme, so a stored event stays meaningful when the data files change:

* named actors (groups, branches, coalitions, IGOs, state bodies): a lower-case snake_case slug of the
  English name, e.g. ``islamic_state``, ``islamic_state_sinai``, ``hayat_tahrir_al_sham``; never reused
  for another actor (a renamed group keeps its id or gets a new one that lists the old in ``affiliations``);
* state actors, generated for every ISO 3166 country: ``<ISO alpha-2>.<role>`` with role ``government``,
  ``state_forces``, ``police``, ``civilians``, ``rebels``, ``protesters`` or ``rioters``, e.g. ``IQ.government``,
  ``IQ.state_forces``;
* generic agents that name no organisation ("gunmen", "protesters"): ``generic.<noun>``.

Files are read in order (package data first, then user files): an entry whose id already exists
overrides the fields it gives and adds its ``aliases`` (``drop_aliases`` removes some), so a user file
can correct or extend the package without touching it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, cast

import yaml

from lanner.countries import CountryTable
from lanner.errors import Code, DataError
from lanner.records import Actor, ActorKind

ACTOR_KINDS: tuple[str, ...] = ("armed_group", "state_forces", "government", "person", "igo", "civilians", "other")
PACKAGE_ACTOR_FILES: tuple[str, ...] = ("actors_generic.yaml", "actors.yaml")
GENERIC_PREFIX = "generic."
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")
_QID = re.compile(r"^Q[1-9][0-9]*$")
_FIELDS = frozenset(
    {
        "id",
        "name",
        "kind",
        "subkind",
        "country",
        "wikidata",
        "aliases",
        "drop_aliases",
        "parent",
        "affiliations",
        "active_from",
        "active_to",
        "note",
    }
)


@dataclass(frozen=True)
class StateRole:
    """One generated actor per country: its id suffix, kind, display name and parent role."""

    role: str
    kind: ActorKind
    name: str  # format string over the country's name
    parent: str | None
    subkind: str | None = None
    article: bool = False  # "Government of the United States", but "Civilians (United States)"


STATE_ROLES: tuple[StateRole, ...] = (
    StateRole("government", "government", "Government of {country}", None, article=True),
    StateRole("state_forces", "state_forces", "Military forces of {country}", "government", article=True),
    StateRole("police", "state_forces", "Police forces of {country}", "government", "police", article=True),
    StateRole("civilians", "civilians", "Civilians ({country})", None),
    # "Afghan rebels", "Fijian rebels": a country's non-state armed opposition, coded to that country.
    StateRole("rebels", "armed_group", "Rebels ({country})", None),
    # "demonstrators in Baghdad", "Iraqi protesters": ACLED's "Protesters (Iraq)" and "Rioters (Iraq)", with the
    # subkinds the events stage needs to tell a protest from a riot.
    StateRole("protesters", "other", "Protesters ({country})", None, "protesters"),
    StateRole("rioters", "other", "Rioters ({country})", None, "rioters"),
)
STATE_ROLE_NAMES: tuple[str, ...] = tuple(r.role for r in STATE_ROLES)


def state_actor_id(country: str, role: str) -> str:
    """The id of a generated state actor: "IQ.state_forces"."""
    return f"{country.upper()}.{role}"


@dataclass(frozen=True)
class ActorInfo:
    """What the knowledge base knows beyond the `Actor` record the output carries."""

    subkind: str | None = None  # finer than kind: "militia", "province", "coalition", "un_mission", ...
    affiliations: tuple[str, ...] = ()  # actor ids: allegiance, alliance, predecessor or successor
    active_from: int | None = None
    active_to: int | None = None
    origin: str = ""  # the file that last defined this actor, for messages
    generated: bool = False  # a state actor made from country data


@dataclass
class _Draft:
    """An actor while files are still being merged."""

    name: str
    kind: str
    origin: str
    country: str | None = None
    wikidata: str | None = None
    aliases: list[str] = field(default_factory=list)
    parent: str | None = None
    subkind: str | None = None
    affiliations: list[str] = field(default_factory=list)
    active_from: int | None = None
    active_to: int | None = None
    generated: bool = False
    entry_label: str = ""  # "actor entry 3 ('x')", for errors found after merging


class ActorKnowledgeBase:
    """All actors by id, with the country table their state actors were made from. Immutable once built."""

    def __init__(self, actors: Mapping[str, Actor], info: Mapping[str, ActorInfo], countries: CountryTable) -> None:
        self._actors = dict(actors)
        self._info = dict(info)
        self.countries = countries

    # --- building -----------------------------------------------------------------------------

    @classmethod
    def load(cls, extra_files: Sequence[Path] = ()) -> ActorKnowledgeBase:
        """Package data, then each user YAML file in order (later entries override earlier ones by id)."""
        countries = CountryTable.load()
        drafts: dict[str, _Draft] = {}
        for country in countries:
            for role in STATE_ROLES:
                drafts[state_actor_id(country.code, role.role)] = _Draft(
                    name=role.name.format(country=country.name_with_article if role.article else country.name),
                    kind=role.kind,
                    origin="<generated from country data>",
                    country=country.code,
                    parent=state_actor_id(country.code, role.parent) if role.parent else None,
                    subkind=role.subkind,
                    generated=True,
                )
        for name in PACKAGE_ACTOR_FILES:
            origin = f"lanner/data/{name}"
            text = resources.files("lanner").joinpath("data", name).read_text(encoding="utf-8")
            _merge(drafts, _parse(text, origin), origin, countries)
        for path in extra_files:
            path = Path(path)
            try:
                text = path.read_text(encoding="utf-8")
            except OSError as error:
                raise DataError(Code.NOT_FOUND, f"cannot read actor file: {error.strerror}", origin=str(path)) from None
            _merge(drafts, _parse(text, str(path)), str(path), countries)
        _check_links(drafts)
        actors: dict[str, Actor] = {}
        info: dict[str, ActorInfo] = {}
        for actor_id, draft in drafts.items():
            actors[actor_id] = Actor(
                actor_id=actor_id,
                name=draft.name,
                kind=cast(ActorKind, draft.kind),
                country=draft.country,
                wikidata=draft.wikidata,
                aliases=tuple(dict.fromkeys(draft.aliases)),
                parent=draft.parent,
            )
            info[actor_id] = ActorInfo(
                subkind=draft.subkind,
                affiliations=tuple(draft.affiliations),
                active_from=draft.active_from,
                active_to=draft.active_to,
                origin=draft.origin,
                generated=draft.generated,
            )
        return cls(actors, info, countries)

    # --- lookup -------------------------------------------------------------------------------

    def get(self, actor_id: str) -> Actor | None:
        return self._actors.get(actor_id)

    def info(self, actor_id: str) -> ActorInfo | None:
        """Subkind, affiliations, active years and origin file of an actor."""
        return self._info.get(actor_id)

    def actors(self) -> list[Actor]:
        """Every actor, generated state actors first, then in file order."""
        return list(self._actors.values())

    def named_actors(self) -> list[Actor]:
        """Actors that name an organisation or body: neither generated state actors nor generic agents."""
        return [a for a in self._actors.values() if not self._info[a.actor_id].generated and not is_generic(a.actor_id)]

    def __len__(self) -> int:
        return len(self._actors)

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self._actors

    def state_actor(self, country: str, kind: str = "government") -> Actor | None:
        """The generated actor of a country (ISO alpha-2) for a role (government, state_forces, ..., rebels)."""
        if kind not in STATE_ROLE_NAMES:
            raise ValueError(f"unknown state actor role {kind!r}; expected one of {', '.join(STATE_ROLE_NAMES)}")
        if not country:
            return None
        return self._actors.get(state_actor_id(country, kind))

    def parent_chain(self, actor_id: str) -> list[str]:
        """Ancestors of an actor, nearest first: Wilayat Sinai → ["islamic_state"]. Empty for unknown ids."""
        chain: list[str] = []
        actor = self._actors.get(actor_id)
        while actor is not None and actor.parent and actor.parent not in chain:
            chain.append(actor.parent)
            actor = self._actors.get(actor.parent)
        return chain


def is_generic(actor_id: str) -> bool:
    """Generic agents ("gunmen", "civilians") name no organisation and never act as a salient group."""
    return actor_id.startswith(GENERIC_PREFIX)


# --- parsing and merging ------------------------------------------------------------------------


def _parse(text: str, origin: str) -> list[Any]:
    """The list of entries in one actor file: a mapping with `actors:` or a bare list."""
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise DataError(Code.BAD_DATA_FILE, f"not valid YAML: {error}", origin=origin) from None
    if raw is None:
        return []
    if isinstance(raw, dict):
        unknown = set(raw) - {"actors"}
        if unknown or "actors" not in raw:
            raise DataError(
                Code.BAD_DATA_FILE,
                f"expected a top-level `actors:` list (found keys {sorted(map(str, raw))})",
                origin=origin,
            )
        raw = raw["actors"] or []
    if not isinstance(raw, list):
        raise DataError(Code.BAD_DATA_FILE, "expected a list of actor entries under `actors:`", origin=origin)
    return raw


def _merge(drafts: dict[str, _Draft], entries: Iterable[Any], origin: str, countries: CountryTable) -> None:
    """Apply one file's entries: new ids are created, known ids are overridden field by field."""
    seen: set[str] = set()
    for index, entry in enumerate(entries, start=1):
        label = f"actor entry {index}"
        if not isinstance(entry, dict):
            raise DataError(Code.BAD_DATA_FILE, f"{label}: expected a mapping with at least `id`", origin=origin)
        actor_id = entry.get("id")
        if not isinstance(actor_id, str) or not _ID.match(actor_id):
            raise DataError(
                Code.BAD_DATA_FILE,
                f"{label}: `id` must be a string of letters, digits, '_', '.' or '-' (got {actor_id!r})",
                origin=origin,
            )
        label = f"actor entry {index} ({actor_id!r})"

        def fail(problem: str, label: str = label) -> DataError:
            return DataError(Code.BAD_DATA_FILE, f"{label}: {problem}", origin=origin)

        if actor_id in seen:
            raise fail("this id appears twice in the file")
        seen.add(actor_id)
        unknown = set(entry) - _FIELDS
        if unknown:
            raise fail(f"unknown field(s) {', '.join(sorted(map(str, unknown)))}; known: {', '.join(sorted(_FIELDS))}")
        draft = drafts.get(actor_id)
        if draft is None:
            missing = [key for key in ("name", "kind") if entry.get(key) is None]
            if missing:
                raise fail(f"a new actor needs {' and '.join(missing)}")
            draft = _Draft(name="", kind="", origin=origin)
            drafts[actor_id] = draft
        draft.origin = origin
        draft.entry_label = label
        _apply(draft, entry, fail, countries)


def _apply(draft: _Draft, entry: Mapping[str, Any], fail: Any, countries: CountryTable) -> None:
    """Validate and copy each field the entry gives."""
    if "name" in entry:
        draft.name = _text(entry["name"], "name", fail)
    if "kind" in entry:
        kind = entry["kind"]
        if kind not in ACTOR_KINDS:
            hint = " (a militia is kind armed_group, with subkind: militia)" if kind == "militia" else ""
            raise fail(f"kind {kind!r} is not one of {', '.join(ACTOR_KINDS)}{hint}")
        draft.kind = kind
    if "subkind" in entry:
        draft.subkind = None if entry["subkind"] is None else _text(entry["subkind"], "subkind", fail)
    if "country" in entry:
        country = entry["country"]
        if country is not None and (not isinstance(country, str) or country.upper() not in countries):
            raise fail(f"country {country!r} is not an ISO 3166-1 alpha-2 code (or null for transnational actors)")
        draft.country = country.upper() if isinstance(country, str) else None
    if "wikidata" in entry:
        qid = entry["wikidata"]
        if qid is not None and (not isinstance(qid, str) or not _QID.match(qid)):
            raise fail(f"wikidata {qid!r} is not a Q-id like Q2429253 (or null)")
        draft.wikidata = qid
    if "aliases" in entry:
        for alias in _text_list(entry["aliases"], "aliases", fail):
            if alias not in draft.aliases:
                draft.aliases.append(alias)
    if "drop_aliases" in entry:
        dropped = set(_text_list(entry["drop_aliases"], "drop_aliases", fail))
        draft.aliases = [a for a in draft.aliases if a not in dropped]
    if "parent" in entry:
        parent = entry["parent"]
        draft.parent = None if parent is None else _text(parent, "parent", fail)
    if "affiliations" in entry:
        draft.affiliations = list(dict.fromkeys(_text_list(entry["affiliations"], "affiliations", fail)))
    for key in ("active_from", "active_to"):
        if key in entry:
            year = entry[key]
            if year is not None and (not isinstance(year, int) or isinstance(year, bool) or not 1800 <= year <= 2100):
                raise fail(f"{key} must be a year (or null), got {year!r}")
            setattr(draft, key, year)
    if draft.active_from and draft.active_to and draft.active_from > draft.active_to:
        raise fail(f"active_from {draft.active_from} is after active_to {draft.active_to}")


def _text(value: Any, key: str, fail: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise fail(f"`{key}` must be a non-empty string, got {value!r}")
    return value.strip()


def _text_list(value: Any, key: str, fail: Any) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise fail(f"`{key}` must be a list of strings, got {type(value).__name__}")
    for position, item in enumerate(value, start=1):
        if not isinstance(item, str) or not item.strip():
            raise fail(f"`{key}` item {position} must be a non-empty string, got {item!r}")
    return [item.strip() for item in value]


def _check_links(drafts: Mapping[str, _Draft]) -> None:
    """Parents and affiliations must name known actors, and parent links must not loop."""
    for actor_id, draft in drafts.items():
        for target, what in [(draft.parent, "parent")] + [(a, "affiliation") for a in draft.affiliations]:
            if target is not None and target not in drafts:
                raise DataError(
                    Code.BAD_DATA_FILE,
                    f"{draft.entry_label or actor_id}: {what} {target!r} is not a known actor id",
                    origin=draft.origin,
                )
        seen = [actor_id]
        parent = draft.parent
        while parent is not None:
            if parent in seen:
                raise DataError(
                    Code.BAD_DATA_FILE,
                    f"{draft.entry_label or actor_id}: parent links loop ({' → '.join([*seen, parent])})",
                    origin=draft.origin,
                )
            seen.append(parent)
            parent = drafts[parent].parent
