"""Where an event happened: of the places its sentence names, the one the trigger is located at.

A sentence often names several places and only one of them is where its event happened (Halterman 2019 makes
this a task of its own). The rule reads the dependency parse: a place governed by a locative preposition that
hangs from the trigger ("in", "at", "near", "north of"), or that the trigger acts on ("captured Jaffna"), is the
event's place; of several, the one nearest the trigger in the parse, then the most specific. A place named in
passing (an actor's country, "a US convoy", "bases in Turkey" in a relative clause, "according to Los Angeles
television") is not. Names no gazetteer knows count too ("the village of Tamthil", "Aziziyah district"): they
keep their span, with the point of a known place attached with them or with null coordinates.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from lanner.records import EventPlace, Place, PlaceMention, Span

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from lanner.events.roles import Roles


class MentionLookup(Protocol):
    """What the rule reads from the events stage's mention index."""

    places_at: dict[int, PlaceMention]
    actors_at: dict[int, list[str]]

    def actors_for(self, token: Token) -> list[str]: ...

    def ents_in(self, sentence: SpacySpan) -> list[SpacySpan]: ...


# Prepositions that put a place near, not at, the event: ACLED precision 2 for a town.
NEAR_PREPS = frozenset({"near", "outside", "around", "nearby", "outskirts", "close"})
LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "around", "across", "inside", "into", "on", "from"})
# "north of Karbala", "30 km south of Damascus": near the place, and where the event was
DIRECTION_WORDS = frozenset(
    {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "outskirts", "vicinity"}
)
PRECISION_BY_FEATURE = {
    "city": 1,
    "admin2": 2,
    "region": 2,
    "water": 2,
    "landform": 2,
    "admin1": 3,
    "country": 3,
}
FEATURE_SPECIFICITY = {
    "city": 0,
    "admin2": 1,
    "landform": 2,
    "water": 2,
    "admin1": 3,
    "region": 4,
    "country": 5,
}


@dataclass(frozen=True)
class _Candidate:
    mention: PlaceMention
    tier: int  # 0 attached to the trigger, 1 attached through a non-locative phrase, 2 in the clause only
    cost: int  # steps from the place phrase up to the trigger (0 when not attached)
    specificity: int
    near: bool


@dataclass(frozen=True)
class _Attachment:
    tier: int
    cost: int
    word: str  # the preposition that says where ("in", "near", "north"), or ""
    by_prep: bool  # through a locative preposition, not as the trigger's object


# Dependencies that open a clause of its own: a place inside one ("bases in Turkey" in "troops which have their
# bases in Turkey", "vowed to march into Kinshasa") is where that clause's action is, not the event's.
CLAUSE_DEPS = frozenset({"relcl", "acl", "ccomp", "parataxis", "csubj", "xcomp"})
# Links inside one place phrase: "the regional capital, Grozny", "Yala and Pattani", "the town of Qusayr".
TRANSPARENT_DEPS = frozenset({"compound", "appos", "conj", "flat", "amod", "nmod"})
# Prepositions that can say where, besides the locative ones: "patrolling no-fly zones over Iraq",
# "marched through Bangkok", "marched to the Sydney offices".
ROUTE_PREPS = frozenset({"over", "through", "along", "within", "off", "between", "throughout", "to", "via"})
# Prepositions under which a place is never where the event was, even loosely ("according to Los Angeles
# television", "protesting against the operation in Gaza", "a withdrawal from Bosnia").
NON_LOCATIVE_PREPS = frozenset(
    {
        "against", "by", "with", "for", "about", "despite", "according", "of", "to", "than", "like", "as",
        "during", "since", "after", "before", "over", "toward", "towards", "into", "from",
    }
)  # fmt: skip
# Nouns that are happenings, not places: "killed in Syria's civil war" is not located by "Syria".
EVENT_NOUNS = frozenset(
    {
        "war", "conflict", "crisis", "revolution", "uprising", "campaign", "occupation", "offensive",
        "operation", "election", "elections", "history", "government", "army", "forces", "insurgency",
        "attack", "explosion", "blast", "bombing", "clash", "fighting", "battle", "raid", "strike", "ambush",
        "shelling", "protest", "demonstration", "rally", "march", "violence", "incident", "standoff",
    }
)  # fmt: skip
# Verbs whose object is a territory even when a country names it: "captured much of Liberia", "destroyed Pakistan".
TERRAIN_VERBS = frozenset(
    {
        "capture", "seize", "overrun", "take", "recapture", "retake", "storm", "occupy", "invade", "liberate",
        "patrol", "destroy", "shell", "bomb", "attack", "raid", "control", "enter", "besiege", "clear",
    }
)  # fmt: skip
UNRESOLVED_SPECIFICITY = 0  # a name no gazetteer knows is most often a village, a district or a site
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def event_place(sentence: SpacySpan, trigger: Token, roles: Roles, index: MentionLookup) -> EventPlace | None:
    """The place the event happened: a place attached to the trigger (by a locative preposition, as its
    object, "captured Jaffna", or through "the village of ...") first, the nearest of those to the trigger,
    then the most specific."""
    candidates: list[_Candidate] = []
    role_actors = set(roles.source) | set(roles.target)
    for mention, tokens in _place_phrases(sentence, index):
        place = mention.place
        if (place is None or place.feature != "country") and any(t.i in index.actors_at for t in tokens):
            continue  # a name the actor stage read as an actor ("Hamas"), not a place
        head = _head_of_phrase(tokens.root)
        if place is not None and place.feature == "country" and _owner(tokens.root):
            continue  # "a US convoy", "the Iraq war": the country owns the thing, it is not where it is
        found = _attachment(head, trigger, passive_object=place is not None)
        if found is None:
            continue
        if (
            place is not None
            and role_actors & {a for t in tokens for a in index.actors_for(t)}
            and not (found.tier == 0 and (found.by_prep or trigger.lemma_.lower() in TERRAIN_VERBS))
        ):
            continue  # an actor here ("Syria accused Turkey"), unless the trigger happens in it or takes it
        near = found.word in NEAR_PREPS or found.word in DIRECTION_WORDS
        specificity = FEATURE_SPECIFICITY.get(place.feature, 6) if place is not None else UNRESOLVED_SPECIFICITY
        candidates.append(_Candidate(mention, found.tier, found.cost, specificity, near))
    if not candidates:
        return None
    best = min(candidates, key=lambda c: (c.tier, c.cost, c.specificity, abs(c.mention.start - trigger.idx)))
    return _located(best, candidates)


def _owner(token: Token) -> bool:
    """A country name modifying a noun that is not a place ("US convoy", "U.S. troops")."""
    head = token.head
    return token.dep_ in ("compound", "nmod", "amod") and head.pos_ == "NOUN" and head.lemma_.lower() not in PLACE_NOUNS


def _place_phrases(sentence: SpacySpan, index: MentionLookup) -> list[tuple[PlaceMention, SpacySpan]]:
    """The sentence's place names: the places stage's (resolved or not), and the named entities it left out
    that the NER calls a place ("Alexanderplatz", "the Saipatae-Yaha Road"), unresolved."""
    doc = sentence.doc
    found: list[tuple[PlaceMention, SpacySpan]] = []
    taken: set[int] = set()
    for token in sentence:
        mention = index.places_at.get(token.i)
        if mention is None or token.i in taken:
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        taken.update(range(span.start, span.end))
        found.append((mention, span))
    for ent in index.ents_in(sentence):
        if ent.label_ not in PLACE_LABELS or any(t.i in taken or t.i in index.actors_at for t in ent):
            continue
        if not any(t.pos_ == "PROPN" for t in ent):
            continue  # "the eastern coast": a description, not a name
        span = ent[1:] if ent[0].lower_ == "the" else ent
        start = span.start_char
        found.append((PlaceMention(start, start + len(span.text), span.text, None, 0.0), span))
        taken.update(range(span.start, span.end))
    for token in sentence:
        span = _named_by_place_noun(token)
        if span is None or any(t.i in taken or t.i in index.actors_at or t.ent_type_ in NOT_PLACE_LABELS for t in span):
            continue
        start = span.start_char
        found.append((PlaceMention(start, start + len(span.text), span.text, None, 0.0), span))
        taken.update(range(span.start, span.end))
    return found


# Nouns that say the name beside them is a place: "the village of Tamthil", "Aziziyah district", "the regional
# capital, Grozny". The NER often calls such names people or organisations, and no gazetteer may know them.
PLACE_NOUNS = frozenset(
    {
        "village", "town", "city", "district", "area", "neighborhood", "neighbourhood", "province", "region",
        "suburb", "countryside", "vicinity", "capital", "outskirts", "camp", "settlement", "governorate",
        "county", "municipality", "quarter", "island", "airport", "stadium", "hospital", "road", "street",
        "square", "market", "mosque", "port", "border", "crossing", "checkpoint", "plant", "hotel", "valley",
    }
)  # fmt: skip
NOT_PLACE_LABELS = frozenset({"DATE", "TIME", "NORP", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})


def _named_by_place_noun(token: Token) -> SpacySpan | None:
    """The proper name a place noun introduces, if `token` heads one."""
    if token.pos_ != "PROPN":
        return None
    head = token.head
    named = (
        (token.dep_ in ("compound", "nmod") and head.i > token.i and head.lemma_.lower() in PLACE_NOUNS)
        or (token.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in PLACE_NOUNS)
        or (token.dep_ == "appos" and head.lemma_.lower() in PLACE_NOUNS)
    )
    if not named or head.pos_ == "PROPN":
        return None
    return _name_run(token)


def _name_run(token: Token) -> SpacySpan:
    """The whole name a proper-noun token is part of, across hyphens: "Bustan Al-Basha", "al-Thawra"."""
    doc = token.doc

    def part(i: int) -> bool:
        t = doc[i]
        if t.pos_ == "PROPN":
            return True
        hyphen_next = i + 1 < len(doc) and doc[i + 1].text == "-"
        return t.text == "-" or (t.is_lower and t.is_alpha and len(t) <= 3 and hyphen_next)  # "al-", "ez-"

    start, end = token.i, token.i + 1
    while start > token.sent.start and part(start - 1):
        start -= 1
    while end < token.sent.end and part(end):
        end += 1
    while doc[start].text == "-":
        start += 1
    while end > start + 1 and doc[end - 1].text == "-":
        end -= 1
    return doc[start:end]


def _attachment(head: Token, trigger: Token, passive_object: bool = True) -> _Attachment | None:
    """How a place phrase hangs from the trigger, or None when it does not say where the event was."""
    prep = _governing_prep(head)
    word = prep.lower_ if prep is not None else ""
    path = _path_up(head, trigger)
    if path is not None:
        cost = 0
        locative = False
        blocked = False
        detour = False  # a non-locative preposition above a locative one: "killed by locals in Mosul"
        for k, step in enumerate(path):
            if step.dep_ in CLAUSE_DEPS and not _describes_place(step, path[k + 1 :]):
                blocked = True
            if step.dep_ == "conj" and step.pos_ == "VERB" and _own_subject(step):
                blocked = True  # "..., and soldiers went into the town of Jenin": another clause, another event
            if step.dep_ == "poss" and step.head.lemma_.lower() in EVENT_NOUNS:
                blocked = True
            if step.dep_ in ("prep", "agent") or step.pos_ == "ADP":
                w = step.lower_
                if _says_where(step):
                    locative = True
                elif w != "of":
                    detour = detour or locative
                    blocked = blocked or not locative
            if step.dep_ not in TRANSPARENT_DEPS and step.lower_ != "of" and not _named_by_of(step):
                cost += 1
        top = path[-1] if path else head
        if not blocked and top.dep_ == "npadvmod" and top.pos_ == "PROPN":
            return _Attachment(0, cost, word, True)  # "captured off Mogadishu", parsed as a bare modifier
        if not blocked and (locative or _object_of(top, trigger, passive_object)):
            return _Attachment(1 if detour else 0, cost, word, locative)
    if prep is None or (word in NON_LOCATIVE_PREPS and word not in DIRECTION_WORDS):
        return None  # named in passing ("Los Angeles television"), an actor ("Syria accused"), "against Iraq"
    if _inside_other_clause(head, trigger):
        return None
    return _Attachment(2, 0, word, True)


def _own_subject(verb: Token) -> bool:
    """A conjoined verb with a subject of its own, other than the elliptic "(killed) and six (others) wounded"."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(c.pos_ != "NUM" and c.lower_ not in ("others", "another") for c in subjects)


def _named_by_of(token: Token) -> bool:
    """ "the village of Ashmi": the name is the village, one step, not two."""
    above = token.head.head
    return (
        token.dep_ == "pobj"
        and token.head.lower_ == "of"
        and above.pos_ == "NOUN"
        and above.lower_ not in DIRECTION_WORDS
    )


def _says_where(prep: Token) -> bool:
    """A preposition that places what it modifies. "to" does only after a verb or a noun ("marched to the Sydney
    offices", "the entrance to Heathrow"), not in "according to", "adding to the tension"."""
    word = prep.lower_
    if word in LOCATIVE_PREPS or word in DIRECTION_WORDS:
        return True
    if word != "to":
        return word in ROUTE_PREPS
    head = prep.head
    return head.pos_ in ("VERB", "NOUN") and head.lower_ not in ("according", "adding", "due")


def _describes_place(clause: Token, above: list[Token]) -> bool:
    """A clause on a noun the trigger is located at describes that place: "at a shop they ran in Colombo",
    "at the checkpoint leading to the airport"."""
    if clause.dep_ not in ("relcl", "acl") or not above:
        return False
    noun = above[0]
    if noun.lemma_.lower() in EVENT_NOUNS:
        return False  # "in Tuesday's attack, which was followed by another explosion in Colombo"
    return noun.dep_ == "pobj" and _says_where(noun.head)


def _path_up(token: Token, root: Token) -> list[Token] | None:
    """The tokens from `token` up to, not including, `root`; None when `root` does not govern `token`."""
    path: list[Token] = []
    for _ in range(30):
        if token.i == root.i:
            return path
        if token.head.i == token.i:
            return None
        path.append(token)
        token = token.head
    return None


def _inside_other_clause(token: Token, trigger: Token) -> bool:
    """The place sits in a subordinate clause that does not contain the trigger."""
    trigger_ancestors = {t.i for t in trigger.ancestors} | {trigger.i}
    while token.head.i != token.i:
        if token.i in trigger_ancestors:
            return False
        if token.dep_ in CLAUSE_DEPS:
            return True
        token = token.head
    return False


def _located(best: _Candidate, candidates: list[_Candidate]) -> EventPlace:
    """The event's place record. A name no gazetteer knows keeps its span and takes the point of the most
    specific known place attached with it ("the village of Ashmi ... of Kobane"), at precision 2 or coarser;
    with none, its coordinates stay null."""
    mention = best.mention
    span = Span(mention.start, mention.end, mention.text)
    place = mention.place
    if place is not None:
        precision = PRECISION_BY_FEATURE.get(place.feature, 2)
        if precision == 1 and (best.near or mention.approximate):
            precision = 2  # near a town, or a village placed at the point of the area named with it
        return EventPlace(place, precision, span)
    known = [c for c in candidates if c.mention.place is not None and c.tier == best.tier]
    container = min(known, key=lambda c: (c.specificity, c.cost), default=None)
    outer = container.mention.place if container is not None else None
    if outer is None:
        return EventPlace(Place(mention.text, None, None, None), 3, span)  # type: ignore[arg-type]
    if outer.feature in ("country", "continent", "water"):  # a country's centroid may be far from a village
        return EventPlace(Place(mention.text, None, None, None, country=outer.country), 3, span)  # type: ignore[arg-type]
    precision = max(2, PRECISION_BY_FEATURE.get(outer.feature, 2))
    unknown = Place(mention.text, None, outer.lat, outer.lon, country=outer.country, admin1=outer.admin1)  # type: ignore[arg-type]
    return EventPlace(unknown, precision, span)


def _object_of(head: Token, trigger: Token, passive: bool = True) -> bool:
    """The place is what the trigger acts on: "captured Jaffna", "patrolled Venezuela's oil installations";
    with `passive`, also "Gibraltar was captured" (not for unknown names: "Kupczyk ... was shot")."""
    if head.dep_ == "poss" and head.head.i != head.i:
        head = head.head
    deps = ("dobj", "nsubjpass") if passive else ("dobj",)
    return head.dep_ in deps and head.head.i == trigger.i and trigger.pos_ == "VERB"


def _head_of_phrase(token: Token) -> Token:
    for _ in range(4):
        if token.dep_ in ("compound", "amod", "nmod", "flat") and token.head.i != token.i:
            token = token.head
        else:
            break
    return token


def _governing_prep(token: Token) -> Token | None:
    """The preposition a place name hangs from, through appositions and compounds ("in Mosul, Iraq"), and
    through "of" after a place noun ("in the village of Jdeideh"): the outer preposition says where."""
    found: Token | None = None
    for _ in range(8):
        if token.dep_ == "pobj":
            found = token.head
            outer = found.head
            if found.lower_ == "of" and outer.i != found.i:
                if outer.lower_ in DIRECTION_WORDS:
                    return outer  # "north of Karbala"
                if outer.pos_ == "NOUN" and outer.dep_ in ("pobj", "dobj", "compound", "appos"):
                    token = outer  # "(in) the village of X", "(captured) the town of X"
                    continue
            return found
        if token.dep_ in ("compound", "appos", "conj", "amod", "nmod") and token.head.i != token.i:
            token = token.head
            continue
        return found
    return found
