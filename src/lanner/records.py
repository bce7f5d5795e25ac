"""Typed records that cross stage boundaries.

One `Analysis` flows through the pipeline's ordered stages (like spaCy's `Doc`): the read stage
makes an `Article`, the nlp stage attaches a parsed `spacy.tokens.Doc`, and each later stage adds
its own list of records. `Analysis.to_dict()` renders the public contract of `lanner extract`
(see the JSON Schema in `lanner/data/extract-output.schema.json`).

All offsets are Python `str` indices into `Article.text`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field, fields, is_dataclass
from datetime import date
from functools import cache
from types import UnionType
from typing import TYPE_CHECKING, Any, Literal, TypeVar, Union, get_args, get_origin, get_type_hints

if TYPE_CHECKING:  # spaCy is heavy; records stay importable without it.
    from spacy.tokens import Doc

SCHEMA_VERSION = "0.1"

PlaceFeature = Literal["city", "admin1", "admin2", "country", "region", "water", "landform", "continent"]
ActorKind = Literal["armed_group", "state_forces", "government", "person", "igo", "civilians", "other"]
Factuality = Literal["asserted", "negated", "hypothetical", "future", "generic"]
DatePrecision = Literal["day", "week", "month", "year", "unknown"]

FACTUALITIES: tuple[str, ...] = ("asserted", "negated", "hypothetical", "future", "generic")

_R = TypeVar("_R")


def text_id(text: str) -> str:
    """The document id: sha256 of the exact text, so the same article always keys the same row."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Article:
    """One article as read from its source, before any analysis."""

    text: str
    title: str | None = None
    url: str | None = None
    published: date | None = None
    source: str | None = None
    input_id: str | None = None
    language: str = "en"
    origin: str = "<memory>"  # where it came from, for messages: "path", "path:line 3", "feed.xml item 2"
    text_is_extracted: bool = False  # True for HTML and feed input: the output then carries the text

    @property
    def id(self) -> str:
        return text_id(self.text)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Rebuild an article from `plain(article)`."""
        return _from_plain(cls, data)


@dataclass(frozen=True)
class Place:
    """A gazetteer entry: what a toponym resolves to."""

    name: str
    feature: PlaceFeature
    lat: float | None
    lon: float | None
    country: str | None = None  # ISO 3166-1 alpha-2
    admin1: str | None = None
    geonames_id: int | None = None
    population: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "geonames_id": self.geonames_id,
            "feature": self.feature,
            "country": self.country,
            "admin1": self.admin1,
            "lat": self.lat,
            "lon": self.lon,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Place:
        return _from_plain(cls, data)


@dataclass(frozen=True)
class PlaceMention:
    """A toponym in the text and what it resolved to (`place` is None when unresolved)."""

    start: int
    end: int
    text: str
    place: Place | None
    confidence: float  # 0..1: how sure the resolver is that `place` is the place meant
    # "name" (the place's own name), "demonym" ("Iraqi forces" -> Iraq) or "embedded" (a place name inside
    # an organisation's name: "Toronto police"); only "name" mentions can be where an event happened
    reference: str = "name"
    # the gazetteer does not know the name; `place` carries the point of the container named with it
    # ("the village of Abu Allaj in western Raqqa" -> Raqqa's point)
    approximate: bool = False

    def to_dict(self) -> dict[str, Any]:
        resolved = (
            self.place.to_dict()
            if self.place
            else {
                "name": self.text,
                "geonames_id": None,
                "feature": None,
                "country": None,
                "admin1": None,
                "lat": None,
                "lon": None,
            }
        )
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            **resolved,
            "confidence": round(self.confidence, 3),
            "reference": self.reference,
            "approximate": self.approximate,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PlaceMention:
        return _from_plain(cls, data)


@dataclass(frozen=True)
class Actor:
    """An entry of the actor knowledge base."""

    actor_id: str
    name: str
    kind: ActorKind
    country: str | None = None  # ISO 3166-1 alpha-2
    wikidata: str | None = None
    aliases: tuple[str, ...] = ()
    parent: str | None = None  # actor_id of the organisation this one belongs to

    def to_dict(self) -> dict[str, Any]:
        return {
            "actor_id": self.actor_id,
            "name": self.name,
            "kind": self.kind,
            "country": self.country,
            "wikidata": self.wikidata,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Actor:
        return _from_plain(cls, data)


@dataclass(frozen=True)
class ActorMention:
    """A span of text that names an actor of the knowledge base."""

    start: int
    end: int
    text: str
    actor: Actor

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, **self.actor.to_dict()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ActorMention:
        return _from_plain(cls, data)


@dataclass(frozen=True)
class DateRange:
    """A resolved time: inclusive start and end days, and how precise the text was."""

    start: date
    end: date
    precision: DatePrecision

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start.isoformat(), "end": self.end.isoformat(), "precision": self.precision}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DateRange:
        return _from_plain(cls, data)


@dataclass(frozen=True)
class DateMention:
    """A temporal expression in the text and the range it resolves to (None: could not resolve)."""

    start: int
    end: int
    text: str
    range: DateRange | None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DateMention:
        return _from_plain(cls, data)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Span:
        return _from_plain(cls, data)


@dataclass(frozen=True)
class EventPlace:
    """Where an event happened, with an ACLED-style precision code (1 town, 2 near/region, 3 admin1/country)."""

    place: Place
    precision: int
    mention: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {**self.place.to_dict(), "precision": self.precision}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EventPlace:
        return _from_plain(cls, data)


@dataclass(frozen=True)
class EventDate:
    """When an event happened; `basis` says whether the text said so or the publication date stood in."""

    range: DateRange | None
    basis: Literal["text", "published", "none"]

    def to_dict(self) -> dict[str, Any]:
        if self.range is None:
            return {"start": None, "end": None, "precision": "unknown", "basis": self.basis}
        return {**self.range.to_dict(), "basis": self.basis}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EventDate:
        return _from_plain(cls, data)


@dataclass(frozen=True)
class Event:
    """One PLOVER event read from one sentence."""

    id: str
    type: str
    mode: str | None
    context: tuple[str, ...]
    acled_event_type: str | None
    acled_sub_event_type: str | None
    source: tuple[str, ...]
    target: tuple[str, ...]
    place: EventPlace | None
    date: EventDate
    fatalities: int | None
    factuality: Factuality
    confidence: float
    evidence: Span
    trigger: Span

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "mode": self.mode,
            "context": list(self.context),
            "acled": {"event_type": self.acled_event_type, "sub_event_type": self.acled_sub_event_type},
            "source": list(self.source),
            "target": list(self.target),
            "place": self.place.to_dict() if self.place else None,
            "date": self.date.to_dict(),
            "fatalities": self.fatalities,
            "factuality": self.factuality,
            "confidence": round(self.confidence, 3),
            "evidence": self.evidence.to_dict(),
            "trigger": self.trigger.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        return _from_plain(cls, data)


@dataclass
class Analysis:
    """The article and everything the stages found in it. Each stage fills its own field."""

    article: Article
    doc: Doc | None = None
    places: list[PlaceMention] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The `lanner extract` contract for this article."""
        article = self.article
        document: dict[str, Any] = {
            "id": article.id,
            "title": article.title,
            "url": article.url,
            "published": article.published.isoformat() if article.published else None,
            "language": article.language,
        }
        if article.input_id is not None:
            document["input_id"] = article.input_id
        if article.source is not None:
            document["source"] = article.source
        if article.text_is_extracted:
            document["text"] = article.text
        return {
            "schema_version": SCHEMA_VERSION,
            "document": document,
            "places": [p.to_dict() for p in self.places],
            "actors": [a.to_dict() for a in self.actors],
            "events": [e.to_dict() for e in self.events],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        """Rebuild an analysis from `plain(analysis)`; the spaCy `doc` does not travel, so it is None."""
        return _from_plain(cls, data)


def plain(record: Any) -> Any:
    """Every field of a record, recursively, as JSON-ready values: the lossless form `from_dict` reads.

    Unlike `to_dict`, which renders the public contract (rounded confidences, flattened places), this keeps
    every field exactly, so a record sent through JSON or Parquet (e.g. from a Dask worker) comes back
    equal. An `Analysis`'s spaCy `doc` is left out: it is only needed while the stages run.
    """
    kind = type(record)
    if kind in _SCALARS:
        return record
    if kind is list or kind is tuple:
        return [plain(item) for item in record]
    if kind is date:
        return record.isoformat()
    if is_dataclass(record) and not isinstance(record, type):
        return {name: plain(getattr(record, name)) for name in _field_names(kind)}
    return record


_SCALARS = frozenset({str, int, float, bool, type(None)})


@cache  # facts about the code, the same for the whole process
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(item.name for item in fields(cls) if not (cls is Analysis and item.name == "doc"))


def _from_plain(cls: type[_R], data: dict[str, Any]) -> _R:
    """Build a record from its `plain` form, reading nested records, tuples and dates from the type hints.

    Keys the record does not know are ignored and missing keys take the field's default, so a file
    written before a field was added still reads.
    """
    return cls(**{name: decode(data[name]) for name, decode in _field_decoders(cls) if name in data})


@cache  # facts about the code, the same for the whole process: evaluating type hints is slow
def _field_decoders(cls: type) -> tuple[tuple[str, Callable[[Any], Any]], ...]:
    hints = get_type_hints(cls, localns={"Doc": object})
    return tuple((name, _decoder(hints[name])) for name in _field_names(cls))


def _keep(value: Any) -> Any:
    return value


def _decoder(hint: Any) -> Callable[[Any], Any]:
    """A function that turns a plain value back into a value of type `hint` (None stays None)."""
    origin = get_origin(hint)
    if origin in (Union, UnionType):
        options = [option for option in get_args(hint) if option is not type(None)]
        inner = _decoder(options[0]) if len(options) == 1 else _keep
        return _keep if inner is _keep else lambda value: None if value is None else inner(value)
    if origin is tuple or origin is list:
        item = _decoder(get_args(hint)[0])
        if origin is tuple:
            return tuple if item is _keep else lambda value: tuple(item(element) for element in value)
        return list if item is _keep else lambda value: [item(element) for element in value]
    if hint is date:
        return date.fromisoformat
    if isinstance(hint, type) and is_dataclass(hint):
        return hint.from_dict  # type: ignore[attr-defined]
    return _keep
