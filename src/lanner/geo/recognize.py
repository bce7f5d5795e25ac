"""Toponym recognition: which spans of a parsed article name places.

Two sources of spans:

* spaCy's entities labelled GPE, LOC or FAC (a leading "the" and a trailing "'s" trimmed; a trailing
  "province", "governorate", "city" ... kept out of the name and remembered as a feature hint; one that
  runs over a comma, "Thruxton, Hampshire", cut into its names);
* capitalised proper-noun sequences that the entity recogniser missed and that the gazetteer knows,
  accepted only when the name is hard to mistake (a country, a first-level division, an authored region,
  a city of 100,000 or more) or when it is a city in a country the article already mentions and a
  locative preposition stands before it.

Two kinds of reference that are not a place's own name but still point at one (GeoWebNews annotates
both as non-literal toponyms, and an analyst reading "Iraqi" wants Iraq's code):

* a demonym used as a modifier ("Iraqi forces", "European officials") refers to its country or region
  (`reference="demonym"`), unless it begins a place's own name ("the French Quarter", "the Irish Sea");
* a place name at the head of an organisation's name ("Nineveh Operations Command", "Toronto police") or
  after its "of" ("University of Toronto") refers to that place (`reference="embedded"`).

The event stage takes only `reference="name"` mentions as where an event happened.

Never places: tokens inside PERSON entities, common English words that are also place names ("Nice",
"Bar", "Of") unless the recogniser said GPE, and demonyms that are not modifiers ("he speaks Russian").
"""

from __future__ import annotations

import re
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lanner.geo.gazetteer import ALTERNATE, PRIMARY, Gazetteer
from lanner.nlp.text import fixed_word_ids, word_ids

if TYPE_CHECKING:
    from collections.abc import Iterator

    from spacy.tokens import Doc, Span, Token

PLACE_LABELS: frozenset[str] = frozenset({"GPE", "LOC", "FAC"})
# Words after (or before) a name that say what kind of place it is.
FEATURE_WORDS: dict[str, str] = {
    "province": "admin1", "governorate": "admin1", "state": "admin1", "oblast": "admin1", "region": "admin1",
    "prefecture": "admin1", "wilayat": "admin1", "emirate": "admin1",
    "district": "admin2", "county": "admin2", "parish": "admin2", "municipality": "admin2",
    "city": "city", "town": "city", "village": "city", "suburb": "city", "neighbourhood": "city",
    "neighborhood": "city", "camp": "city",
    "river": "water", "sea": "water", "lake": "water", "gulf": "water",
    "mountains": "landform", "mountain": "landform", "desert": "landform", "valley": "landform",
    "countryside": "region",
}  # fmt: skip
# English words that are also places, refused unless the recogniser itself says GPE.
COMMON_WORDS: frozenset[str] = frozenset({
    "of", "bar", "nice", "mobile", "reading", "split", "along", "hope", "unity", "liberty", "union",
    "independence", "victory", "justice", "paradise", "eden", "friendship", "enterprise", "commerce",
    "industry", "progress", "opportunity", "normal", "plain", "fair", "early", "midway", "grand",
    "best", "bath", "deal", "hamburger", "sale", "buffalo", "orange", "may", "march", "june", "august",
    "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "christmas", "easter",
    "god", "jesus", "allah", "street", "road", "avenue", "square", "park", "university", "college",
    "hospital", "church", "mosque", "airport", "north", "south", "east", "west", "central", "northern",
    "southern", "eastern", "western", "upper", "lower", "new", "old", "great", "mount", "lake", "river",
    "island", "islands", "valley", "beach", "bay", "port", "fort", "saint", "st", "san", "santa"
})  # fmt: skip
BARE_DIRECTIONS: frozenset[str] = frozenset({"west", "east", "north", "south", "western", "eastern"})
LOCATIVES: frozenset[str] = frozenset(
    {"in", "at", "near", "from", "to", "outside", "into", "around", "across", "towards", "toward", "of",
     "inside", "between", "and", "via", "through"}
)  # fmt: skip
_GLUE: frozenset[str] = frozenset({"-", "al", "el", "ez", "az", "ad", "ar", "as", "an", "ash", "ed", "es", "de", "du"})
_MISLABELLED = frozenset({"PERSON", "NORP", "ORG", "PRODUCT", "WORK_OF_ART", "LANGUAGE"})
# Labels whose names are places only right after a locative preposition or a verb: a person, a people or a
# language is named far more often than a town so mislabelled ("from Aleppo" as NORP, "in Aleppo's outskirts"
# as LANGUAGE, "he speaks Arabic" never).
_LOCATIVE_ONLY = frozenset({"PERSON", "NORP", "LANGUAGE"})
_MAX_TOKENS = 4
_BIG_CITY = 100_000
_SAFE_FEATURES = frozenset({"country", "admin1", "continent", "region", "water", "landform"})
# whose alternate names are as safe as their own: countries' other names ("DPRK") and the authored regions'
_TAIL_FEATURES = frozenset({"country", "admin1", "region", "continent"})


@dataclass
class Mention:
    """A recognised toponym span, before resolution."""

    start: int  # character offsets into the article text
    end: int
    text: str
    token_start: int
    token_end: int
    source: str  # "ner" or "gazetteer"
    hint: str | None = None  # a feature the surrounding words name ("province" -> admin1)
    named_kind: bool = False  # the hint word is part of the name itself ("Morris County")
    reference: str = "name"  # "name", "demonym" ("Iraqi forces") or "embedded" ("Toronto police")
    lookup: tuple[str, ...] = ()  # names to look up instead of the text: a demonym's country or region
    country: str | None = None  # the one country a demonym can mean
    # when set, only places in these countries may be meant: a name found by pattern alone ("the village of
    # X") is trusted only in a country the article names
    allowed_countries: frozenset[str] | None = None
    settlement: bool = False  # a settlement word marks it: "the village of X", "the X district"
    facility: bool = False  # the recogniser labelled it FAC: a square, a park, a bridge, a building


def _trim(span: Span) -> tuple[int, int, str | None]:
    """Token bounds of the name inside an entity span, and any feature word cut off its ends."""
    start, end = span.start, span.end
    doc = span.doc
    hint: str | None = None
    while start < end and (doc[start].lower_ in {"the", "a", "an"} or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].norm_ in {"'s", "’s", "'"} or doc[end - 1].is_punct):
        end -= 1
    if end - start > 1 and doc[end - 1].lower_ in FEATURE_WORDS:
        hint = FEATURE_WORDS[doc[end - 1].lower_]
        end -= 1
        if end - start > 1 and doc[end - 1].norm_ == "'s":
            end -= 1
    elif end - start > 2 and doc[start].lower_ in FEATURE_WORDS and doc[start + 1].lower_ == "of":
        hint = FEATURE_WORDS[doc[start].lower_]
        start += 2
    return start, end, hint


def _context_hint(doc: Doc, start: int, end: int) -> str | None:
    """A feature word right after the name ("Diyala province") or before it ("the city of Mosul")."""
    if end < len(doc) and doc[end].lower_ in FEATURE_WORDS:
        return FEATURE_WORDS[doc[end].lower_]
    if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in FEATURE_WORDS:
        return FEATURE_WORDS[doc[start - 2].lower_]
    return None


def _local_descriptor(doc: Doc, start: int, end: int, gazetteer: Gazetteer) -> bool:
    """ "The Old City", "the New Town": common words naming a part of the city the article is about.
    Some town elsewhere carries the name, but a confident guess there would be wrong; regions and seas
    with such names ("the North Sea") are kept."""
    if end - start < 2 or start == 0 or doc[start - 1].lower_ != "the":
        return False
    if not all(token.lower_ in COMMON_WORDS or token.lower_ in FEATURE_WORDS for token in doc[start:end]):
        return False
    candidates = gazetteer.candidates(doc[start:end].text)
    return bool(candidates) and all(place.feature == "city" for place in candidates)


def _joinable(token: Token, common: bool = False) -> bool:
    return token.pos_ == "PROPN" and token.text[:1].isupper() and (common or token.lower_ not in COMMON_WORDS)


# Lower-case particles and hyphens inside transliterated Arabic names: "Deir ez-Zor", "Ras al-Ain". Only those
# that are no English word: "as", "at", "an" would join "Paris at" to whatever follows.
_NAME_PARTICLES = frozenset({"al", "el", "ez", "ed", "ash", "az", "bin", "ibn"})


def _particle(token: Token) -> bool:
    """A particle of an Arabic name, or the hyphen after one ("ez" and "-" in "Deir ez-Zor"); a hyphen alone
    joins ranges and pairs ("Boston - New York"), not names."""
    if token.text == "-":
        return token.i > 0 and token.doc[token.i - 1].lower_ in _NAME_PARTICLES
    return token.lower_ in _NAME_PARTICLES


def _extend(doc: Doc, start: int, end: int, gazetteer: Gazetteer) -> tuple[int, int]:
    """The entity widened over the name tokens next to it when the gazetteer knows the longer name: the
    recogniser cuts "Baja California" in two, takes "Vista" for an organisation after "Boa", and leaves
    "Virgin Islands" out of "U.S. Virgin Islands" and "ez-Zor" out of "Deir ez-Zor". A lower-case word may
    join on the right only when the longer name is a province's ("Deir ezzor", as often spelt) and the word is
    no common or feature word ("Washington state"): a province's name is no accident."""
    best = (start, end)
    for left in range(3):
        for right in range(4):
            a, b = start - left, end + right
            if (left == right == 0) or a < 0 or b > len(doc) or b - a <= best[1] - best[0]:
                continue
            if right == 3 and not any(doc[i].text == "-" for i in range(end, b)):
                continue  # three words more only over a hyphenated particle: "Deir" + "ez", "-", "Zor"
            # common words may join ("U.S. Virgin Islands"): the longer name must still be one the gazetteer knows
            if not all(_joinable(doc[i], common=True) for i in range(a, start)):
                continue
            right_words = [doc[i] for i in range(end, b)]
            lower = [t for t in right_words if not (_joinable(t, common=True) or _particle(t))]
            if any(not t.is_alpha or t.lower_ in COMMON_WORDS or t.lower_ in FEATURE_WORDS for t in lower):
                continue
            found = [c for c in gazetteer.lookup(doc[a:b].text, loose=False) if c.kind in (PRIMARY, ALTERNATE)]
            if found and (not lower or any(c.place.feature == "admin1" for c in found)):
                best = (a, b)
    return best


_SIDES = frozenset({"far", "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                    "northeast", "northwest", "southeast", "southwest", "north-east", "north-west", "south-east",
                    "south-west", "northeastern", "northwestern", "southeastern", "southwestern"})  # fmt: skip
_SIDE_FEATURES = frozenset({"country", "admin1", "admin2", "city"})


def _past_directions(doc: Doc, start: int, end: int, gazetteer: Gazetteer) -> int:
    """Where the name starts once the direction words before it are left out, when only the rest is a name the
    gazetteer knows: "Far North Queensland", "West Wales", "South Venezuela" are parts of Queensland, Wales
    and Venezuela; "South Africa" and "West Virginia" are names of their own."""
    i = start
    while i < end - 1 and doc[i].lower_ in _SIDES:
        i += 1
    if i == start or gazetteer.lookup(doc[start:end].text, loose=False):
        return start
    rest = gazetteer.lookup(doc[i:end].text, loose=False)
    return i if any(c.kind == PRIMARY and c.place.feature in _SIDE_FEATURES for c in rest) else start


@dataclass(frozen=True)
class _Words:
    """One document's entities and word ids, read once: `doc.ents` builds every entity span anew on each call,
    and asking a Token for its text builds the Token, both many times per article across the recognisers."""

    doc: Doc
    ents: tuple[Span, ...]
    entities: tuple[Span, ...]  # `_entities`: place entities cut at inner commas
    orth: list[int]  # spaCy's id of each word as written
    lower: list[int]
    pos: list[int]


_reading = threading.local()  # the word table of the document `reading` is over, in this thread


@contextmanager
def reading(doc: Doc) -> Iterator[None]:
    """Within it, the recognisers share one word table of `doc`, which must not change meanwhile (the places
    stage runs them one after another on a parsed document)."""
    previous = getattr(_reading, "words", None)
    _reading.words = _read_words(doc)
    try:
        yield
    finally:
        _reading.words = previous


def _words(doc: Doc) -> _Words:
    """The word table of `doc`: the shared one inside `reading(doc)`, else read now."""
    shared = getattr(_reading, "words", None)
    return shared if shared is not None and shared.doc is doc else _read_words(doc)


def _read_words(doc: Doc) -> _Words:
    from spacy.attrs import LOWER, ORTH, POS

    ents = tuple(doc.ents)
    ids = doc.to_array([ORTH, LOWER, POS])
    return _Words(doc, ents, tuple(_split_entities(doc, ents)), *(ids[:, k].tolist() for k in range(3)))


def _entities(doc: Doc) -> tuple[Span, ...]:
    """The recogniser's entities, a place entity that runs over a comma cut in two: "Donington Park,
    Leicestershire" and "Thruxton, Hampshire" are a site and its county, each a name of its own."""
    return _words(doc).entities


def _split_entities(doc: Doc, ents: tuple[Span, ...]) -> list[Span]:
    from spacy.tokens import Span

    found: list[Span] = []
    for ent in ents:
        commas = [t.i for t in ent[1:-1] if t.text == ","] if ent.label_ in PLACE_LABELS else []
        start = ent.start
        for comma in commas:
            found.append(Span(doc, start, comma, label=ent.label_))
            start = comma + 1
        found.append(Span(doc, start, ent.end, label=ent.label_) if commas else ent)
    return found


def named_countries(doc: Doc, gazetteer: Gazetteer) -> set[str]:
    """Countries the article names, directly or through a first-level division ("Oregon" names the US)."""
    found: set[str] = set()
    for ent in _entities(doc):
        if ent.label_ not in PLACE_LABELS:
            continue
        start, end, _ = _trim(ent)
        for candidate in gazetteer.lookup(doc[start:end].text, loose=False)[:1]:
            if candidate.place.feature in {"country", "admin1"} and candidate.place.country:
                found.add(candidate.place.country)
    return found


def ner_mentions(doc: Doc, gazetteer: Gazetteer, countries: set[str] | None = None) -> list[Mention]:
    """Place entities from the recogniser, trimmed to the name.

    The small model sometimes labels a well-known place PERSON, NORP, ORG, PRODUCT, WORK_OF_ART or LANGUAGE ("from
    Aleppo" as NORP, "the university in Thessaloniki" as a work of art, "in Aleppo's outskirts" as a language).
    Such an entity counts when the recogniser calls the same name a place elsewhere in the article, or
    when its whole text is a name the gazetteer vouches for (see `_acceptable`; a town of one of the
    article's `countries` after a locative preposition passes), is no common word, and, for PERSON,
    NORP and LANGUAGE, a locative preposition or a verb stands right before it ("troops entered Falluja"). Demonyms
    ("Iraqi") never pass: they are not place names.
    """
    countries = countries or set()
    place_texts = {doc[a:b].text for a, b, _ in (_trim(e) for e in _entities(doc) if e.label_ in PLACE_LABELS) if a < b}
    found: list[Mention] = []
    consumed: set[int] = set()
    for ent in _entities(doc):
        if ent.label_ not in PLACE_LABELS and ent.label_ not in _MISLABELLED:
            continue
        if any(t.i in consumed for t in ent):
            continue
        start, end, hint = _trim(ent)
        if (
            start - 2 >= ent.start
            and doc[start - 1].lower_ == "of"
            and gazetteer.lookup(doc[start - 2 : end].text, loose=False)
        ):
            start, hint = start - 2, None  # "the Gulf of Mexico" is a name of its own, not Mexico
        named_kind = hint is not None
        if end - start > 1 and _lost_apostrophe_possessive(doc[start], gazetteer):
            start += 1  # "Syrias Idlib": "Syria's Idlib" with its apostrophe lost; the place is Idlib
        if start >= end:
            continue
        if ent.label_ in PLACE_LABELS and hint is None:
            start, end = _extend(doc, start, end, gazetteer)
            consumed.update(range(start, end))
            start = _past_directions(doc, start, end, gazetteer)
        span = doc[start:end]
        if not any(ch.isupper() for ch in span.text):
            continue
        if len(span) == 1 and span[0].lower_ in BARE_DIRECTIONS:
            continue  # "the West", "the North": a bloc or a side, not a place to put on a map
        previous = doc[start - 1].lower_ if start > 0 else ""
        if previous in _SIDES and start >= 2 and doc[start - 2].lower_ in LOCATIVES:
            previous = doc[start - 2].lower_  # "in northern Aleppo": the side word stands between
        after_verb = start > 0 and doc[start - 1].pos_ == "VERB"
        known = ent.label_ not in PLACE_LABELS and span.text in place_texts
        # a kind of place right by the name says it is one, whatever the label: "the Aleppo Governorate", "the
        # northern Aleppo countryside", "the town of Rastan" (the NER often calls such names a people)
        kind = _context_hint(doc, start, end) is not None
        if (
            ent.label_ in _LOCATIVE_ONLY
            and not known
            and (len(span) > 2 or not (previous in LOCATIVES or after_verb or kind))
        ):
            continue
        if (
            ent.label_ not in PLACE_LABELS
            and not known
            and (
                span.text.lower() in COMMON_WORDS
                # a person's name may be a town's ("in Klamath Falls"); an organisation's or a people's hardly
                or not _acceptable(
                    gazetteer, span.text, countries, (ent.label_ == "PERSON" and previous in LOCATIVES) or kind
                )
            )
        ):
            continue
        if _local_descriptor(doc, start, end + (1 if named_kind and end < ent.end else 0), gazetteer):
            continue
        hint = hint or _context_hint(doc, start, end)
        if end < len(doc) and doc[end].lower_ in FEATURE_WORDS:
            # "Idlib countryside", "Euphrates valley": the longer name when the gazetteer has it
            longer = doc[start : end + 1]
            if gazetteer.lookup(longer.text, loose=False):
                water = FEATURE_WORDS[doc[end].lower_] == "water"  # "the Red River" is a river, not its county
                span, end, hint, named_kind = longer, end + 1, "water" if water else None, water
        found.append(
            Mention(span.start_char, span.end_char, span.text, start, end, "ner", hint, named_kind,
                    facility=ent.label_ == "FAC")
        )  # fmt: skip
    return found


def _pos_id(tag: str) -> int:
    from spacy.parts_of_speech import IDS

    return IDS[tag]


def _lost_apostrophe_possessive(token: Token, gazetteer: Gazetteer) -> bool:
    """ "Syrias", "Iraqs": a country's possessive whose apostrophe was lost on the way (copied or scraped text),
    standing before the place it owns."""
    text = token.text
    if len(text) < 5 or not text.endswith("s") or not text[:1].isupper():
        return False
    return any(c.place.feature == "country" and c.kind == PRIMARY for c in gazetteer.lookup(text[:-1], loose=False))


def _startable(token: Token) -> bool:
    text = token.text
    return (
        token.pos_ == "PROPN"
        and len(text) > 1
        and text[0].isupper()
        and not token.is_stop
        and token.lower_ not in COMMON_WORDS
    )


def _acceptable(gazetteer: Gazetteer, text: str, countries: set[str], preceded_by_locative: bool) -> bool:
    """Whether a name the recogniser missed is safe to take as a place."""
    found = [c for c in gazetteer.lookup(text, loose=False) if c.kind in (PRIMARY, ALTERNATE)]
    if not found:
        return False
    best = max(found, key=lambda c: c.place.population)
    if any(c.place.feature in _SAFE_FEATURES for c in found):
        return True  # own names and alternate ones ("DPRK", "BC") alike: both come from curated tables
    if best.place.feature == "city" and best.place.population >= _BIG_CITY:
        return True
    last = text.rsplit(maxsplit=1)[-1].lower()
    if FEATURE_WORDS.get(last) in {"admin1", "admin2"} and any(c.place.feature in {"admin1", "admin2"} for c in found):
        return True  # "Edgar County", "Diyala Province": the name says it is a division, and there is one
    return preceded_by_locative and any(
        c.place.country in countries and c.place.population >= 1000 for c in found if c.place.feature == "city"
    )


def gazetteer_mentions(doc: Doc, gazetteer: Gazetteer, countries: set[str]) -> list[Mention]:
    """Capitalised proper-noun sequences outside every entity that the gazetteer can vouch for."""
    words = _words(doc)
    blocked = {i for ent in words.ents for i in range(ent.start, ent.end)}
    proper_noun = _pos_id("PROPN")
    found: list[Mention] = []
    i = 0
    n = len(doc)
    while i < n:
        if i in blocked or words.pos[i] != proper_noun or not _startable(doc[i]):
            i += 1
            continue
        # the longest run of name-like tokens starting here
        j = i + 1
        while j < n and j - i < _MAX_TOKENS and j not in blocked:
            token = doc[j]
            if (token.pos_ == "PROPN" and token.text[:1].isupper()) or (
                token.lower_ in _GLUE and j + 1 < n and doc[j + 1].pos_ == "PROPN"
            ):
                j += 1
            else:
                break
        previous = doc[i - 1].lower_ if i > 0 else ""
        matched = False
        for end in range(j, i, -1):
            if doc[end - 1].lower_ in _GLUE:
                continue
            span = doc[i:end]
            if _acceptable(gazetteer, span.text, countries, previous in LOCATIVES):
                hint = _context_hint(doc, i, end)
                found.append(Mention(span.start_char, span.end_char, span.text, i, end, "gazetteer", hint))
                i = end
                matched = True
                break
        if not matched:
            i += 1
    return found


DemonymTable = dict[str, tuple[tuple[str, ...], str | None]]
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod", "poss"})
_MAX_DEMONYM_TOKENS = 3


# Capitalised words that make a demonym before them part of a place's own name: "the French Quarter" lies in
# New Orleans and "the Irish Sea" is no part of Ireland.
PLACE_NAME_HEADS: frozenset[str] = frozenset({
    "quarter", "sea", "ocean", "gulf", "channel", "riviera", "alps", "coast", "peninsula", "plateau", "highlands",
    "village", "square", "street", "avenue", "bay", "island", "islands", "strait", "straits", "basin",
})  # fmt: skip


def _names_a_place(doc: Doc, i: int) -> bool:
    """Whether the capitalised word at `i` turns the demonym before it into a place name ("the Syrian Desert"),
    not an office or a body ("Chinese State Councilor", "Iraqi Army")."""
    if i >= len(doc) or not doc[i].text[:1].isupper():
        return False
    word = doc[i].lower_
    return word in PLACE_NAME_HEADS or FEATURE_WORDS.get(word) in {"water", "landform"}


def demonym_first_words(demonyms: DemonymTable) -> frozenset[str]:
    """The words demonyms begin with: a cheap test before any span is built."""
    return frozenset(re.split(r"[\s-]", demonym)[0] for demonym in demonyms)


def demonym_mentions(
    doc: Doc, demonyms: DemonymTable, taken: set[int], first_words: frozenset[str] | None = None
) -> list[Mention]:
    """Demonyms that modify a noun after them: "Iraqi forces", "the Central American caravan".

    Matching is case-sensitive (so "US" but not "us"), and the longest demonym wins ("South African",
    not "African"). A demonym standing alone ("Russians", "he speaks Russian") is not taken. A caller that
    reads many articles passes `demonym_first_words(demonyms)`, made once."""
    found: list[Mention] = []
    if first_words is None:
        first_words = demonym_first_words(demonyms)
    first_ids = fixed_word_ids(first_words)
    orth = _words(doc).orth
    i, n = 0, len(doc)
    while i < n:
        match = None
        if orth[i] not in first_ids:
            i += 1
            continue
        for size in range(min(_MAX_DEMONYM_TOKENS, n - i), 0, -1):
            span = doc[i : i + size]
            if any(t.i in taken for t in span) or span.text not in demonyms:
                continue
            last = span[-1]
            head = last.head
            if (
                head.i > last.i
                and head.i >= i + size
                and head.pos_ in {"NOUN", "PROPN"}
                and (last.dep_ in _MODIFIER_DEPS or last.pos_ == "ADJ")
                and not _names_a_place(doc, i + size)
            ):
                match = span
            break
        if match is None:
            i += 1
            continue
        names, country = demonyms[match.text]
        found.append(
            Mention(match.start_char, match.end_char, match.text, match.start, match.end, "demonym",
                    reference="demonym", lookup=names, country=country)
        )  # fmt: skip
        i = match.end
    return found


SITE_WORDS: frozenset[str] = frozenset({
    "university", "college", "institute", "school", "academy", "hospital", "clinic", "airport", "stadium",
    "church", "cathedral", "mosque", "museum", "zoo", "polytechnic", "seminary", "prison", "base",
})  # fmt: skip


def _big_city(gazetteer: Gazetteer, text: str) -> bool:
    found = [c for c in gazetteer.lookup(text, loose=False) if c.kind in (PRIMARY, ALTERNATE)]
    return (
        bool(found)
        and max(found, key=lambda c: c.place.population).place.feature == "city"
        and any(c.place.population >= _BIG_CITY for c in found)
    )


def _country_like(gazetteer: Gazetteer, text: str) -> bool:
    """Whether the name's likeliest sense is a country, a first-level division or an authored region."""
    found = [c for c in gazetteer.lookup(text, loose=False) if c.kind in (PRIMARY, ALTERNATE)]
    return bool(found) and max(found, key=lambda c: c.place.population).place.feature in _TAIL_FEATURES


# Entities a place name can hide in: organisations, and the titles the small model makes of a headline's or
# dateline's run of capitalised words ("regime parts of Aleppo NGO AFP", "in Aleppo Syrias largest city").
EMBEDDING_LABELS = frozenset({"ORG", "WORK_OF_ART"})


def embedded_mentions(doc: Doc, gazetteer: Gazetteer, taken: set[int]) -> list[Mention]:
    """Place names inside organisation names (or inside runs of capitalised words the recogniser took for a
    title): at the head ("Nineveh Operations Command", "Toronto police"), after the last "of" ("University of
    Toronto", "Bank of England"), or a country or big city at the tail ("Air Zimbabwe", "the Syrian Capital
    Damascus").

    Only names the gazetteer vouches for without context (see `_acceptable`) count: an organisation's
    name is full of capitalised words that are also small towns somewhere."""
    found: list[Mention] = []
    for ent in _words(doc).ents:
        if ent.label_ not in EMBEDDING_LABELS or any(t.i in taken for t in ent):
            continue
        start, end = ent.start, ent.end
        while start < end and (doc[start].lower_ in {"the", "a", "an"} or doc[start].is_punct):
            start += 1
        windows: list[tuple[int, int]] = [(start, start + k) for k in range(min(3, end - start - 1), 0, -1)]
        of_at = [t.i for t in doc[start:end] if t.lower_ == "of"]
        after_of = (of_at[-1] + 1, end) if of_at and of_at[-1] + 1 < end else None
        if after_of:
            windows.insert(0, after_of)
        # "Colorado State University" stands somewhere in Colorado, often far from its centroid: inside a
        # site's name only a city is close enough to say where it is, or a state or country after its "of"
        # ("University of Alberta", a state's own university system, named for the state as a whole)
        site = any(t.lower_ in SITE_WORDS for t in doc[start:end])
        # "Air Zimbabwe", "FrontCounter BC": a country or province at the tail names the organisation's country;
        # a big city there is where it is ("the Syrian Capital Damascus")
        tails = [(end - k, end) for k in range(min(2, end - start - 1), 0, -1) if (end - k, end) not in windows]
        for a, b in windows + tails:
            if (a, b) in tails and not (_country_like(gazetteer, doc[a:b].text) or _big_city(gazetteer, doc[a:b].text)):
                continue
            span = doc[a:b]
            if not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in span):
                continue
            if span.text.lower() in COMMON_WORDS or not _acceptable(gazetteer, span.text, set(), False):
                continue
            if site and not (
                _big_city(gazetteer, span.text) or ((a, b) == after_of and _country_like(gazetteer, span.text))
            ):
                continue
            hint = FEATURE_WORDS.get(doc[b].lower_) if b < end else None
            found.append(Mention(span.start_char, span.end_char, span.text, a, b, "embedded", hint,
                                 named_kind=hint is not None, reference="embedded"))  # fmt: skip
            break
    return found


# Words that say the capitalised name next to them is a settlement or a part of one, even when no gazetteer
# knows the name: "the village of Ashmi", "the Aziziyah district", "Minutka district".
SETTLEMENT_WORDS: dict[str, str] = {
    "village": "city", "villages": "city", "town": "city", "towns": "city", "city": "city",
    "district": "city", "districts": "city", "neighbourhood": "city", "neighborhood": "city",
    "quarter": "city", "suburb": "city", "camp": "city", "area": "city", "areas": "city",
}  # fmt: skip


def _name_run(doc: Doc, start: int, step: int, taken: set[int]) -> tuple[int, int] | None:
    """The run of capitalised name tokens from `start` going forwards (step 1) or backwards (step -1)."""
    i, found = start, []
    while 0 <= i < len(doc) and len(found) < _MAX_TOKENS and i not in taken:
        token = doc[i]
        name_like = token.text[:1].isupper() and token.is_alpha and not token.is_stop
        glue = token.lower_ in _GLUE and bool(found) and 0 <= i + step < len(doc) and doc[i + step].text[:1].isupper()
        if not ((name_like and token.lower_ not in COMMON_WORDS) or glue):
            break
        found.append(i)
        i += step
    if not found:
        return None
    a, b = min(found), max(found) + 1
    while b > a and doc[b - 1].lower_ in _GLUE:
        b -= 1
    while a < b and doc[a].lower_ in _GLUE:
        a += 1
    return (a, b) if a < b else None


def settlement_mentions(doc: Doc, existing: list[Mention], countries: set[str]) -> list[Mention]:
    """Names that a settlement word marks as places though no gazetteer knows them: "the village of Ashmi",
    "the villages of Jumla and Diwan", "the Aziziyah district", "in al-Thawra areas". The gazetteer may
    place them only in a country the article names (`countries`); otherwise they take the point of a
    container named with them ("the village of Abu Allaj in western Raqqa") or stay unresolved."""
    found: list[Mention] = []
    by_tokens = {(m.token_start, m.token_end): m for m in existing}
    blocked: set[int] = set()
    settlement_ids = fixed_word_ids(frozenset(SETTLEMENT_WORDS))
    for token in (doc[i] for i, word in enumerate(_words(doc).lower) if word in settlement_ids):
        feature = SETTLEMENT_WORDS.get(token.lower_)
        if feature is None:
            continue
        runs: list[tuple[int, int]] = []
        if token.i + 2 < len(doc) and doc[token.i + 1].lower_ == "of":  # "the village of X (and Y)"
            first = _name_run(doc, token.i + 2, 1, blocked)
            if first:
                runs.append(first)
                if first[1] + 1 < len(doc) and doc[first[1]].lower_ == "and":
                    second = _name_run(doc, first[1] + 1, 1, blocked)
                    if second:
                        runs.append(second)
        elif token.i > 0:  # "the Aziziyah district", "in al-Thawra areas"
            run = _name_run(doc, token.i - 1, -1, blocked)
            if run and run[1] == token.i:
                runs.append(run)
        for a, b in runs:
            span = doc[a:b]
            if (a, b) in by_tokens:  # the recogniser found it already: only say it is a settlement
                by_tokens[(a, b)].settlement = True
                continue
            if any(t.ent_type_ in {"PERSON", "ORG", "NORP"} for t in span) or any(
                m.token_start < b and a < m.token_end for m in existing
            ):
                continue
            found.append(Mention(span.start_char, span.end_char, span.text, a, b, "pattern", feature,
                                 allowed_countries=frozenset(countries), settlement=True))  # fmt: skip
            blocked.update(range(a, b))
    return found


def _entity_of(doc: Doc, i: int) -> Span:
    """The entity that token `i` belongs to."""
    return next(ent for ent in _words(doc).ents if ent.start <= i < ent.end)


def repeated_mentions(doc: Doc, existing: list[Mention], taken: set[int]) -> list[Mention]:
    """Later uses of a name already taken as a place, which the recogniser mislabelled or skipped ("the
    destruction of Aleppo" as a place, then "shouted about Aleppo" as a people, "Winnipeg jail" as a product).
    A use inside a person's name ("Michael Jordan") is not one; inside an organisation's name ("CTV Winnipeg")
    it refers to the place (`reference="embedded"`)."""
    names: dict[str, list[tuple[str, ...]]] = {}
    for m in existing:
        if m.reference == "name" and m.source in ("ner", "gazetteer"):
            words = tuple(t.text for t in doc[m.token_start : m.token_end])
            if words and words[0][:1].isupper() and words not in names.get(words[0], []):
                names.setdefault(words[0], []).append(words)
    found: list[Mention] = []
    first_ids = word_ids(names)
    for token in (doc[i] for i, word in enumerate(_words(doc).orth) if word in first_ids):
        for words in names.get(token.text, ()):
            a, b = token.i, token.i + len(words)
            if b > len(doc) or any(i in taken for i in range(a, b)):
                continue
            if tuple(t.text for t in doc[a:b]) != words:
                continue
            if any(t.ent_type_ == "PERSON" for t in doc[a:b]):
                continue
            inside = doc[a].ent_type_ if doc[a].ent_type_ in {"ORG", "FAC"} else None
            if inside and any(t.lower_ in SITE_WORDS for t in _entity_of(doc, a)):
                continue  # "California State University" stands somewhere in California, not at its centroid
            if inside is None and any(
                0 <= i < len(doc) and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper() for i in (a - 1, b)
            ):
                continue  # part of a longer name nobody recognised
            span = doc[a:b]
            found.append(Mention(span.start_char, span.end_char, span.text, a, b, "repeat",
                                 reference="embedded" if inside else "name"))  # fmt: skip
            taken.update(range(a, b))
            break
    return found
