"""Where an event happened: of the places its sentence names, the one the trigger is located at.

A sentence often names several places and only one of them is where its event happened (Halterman 2019 makes
this a task of its own). The rule reads the dependency parse: a place governed by a locative preposition that
hangs from the trigger ("in", "at", "near", "north of"), or that the trigger acts on ("captured Jaffna"), is the
event's place; of several, the one nearest the trigger in the parse, then the most specific. A place named in
passing (an actor's country, "a US convoy", "bases in Turkey" in a relative clause, "according to Los Angeles
television") is not. Names no gazetteer knows count too ("the village of Tamthil", "Aziziyah district", "march
from Alexanderplatz", "detonated on the Saipatae-Yaha Road"): they keep their span, with the point of a known
place attached with them or with null coordinates.

How English says where, as the rule reads it: "from" places an action after a verb ("marched from"), not a
person after a noun ("gunmen from Kandahar"); "on" gives a topic after nouns of saying and deciding ("a
statement on Iraq"); a place inside what the event is against or about is that thing's place ("protesting
against the operation in Gaza"); "during the occupation of Latvia" places the event in Latvia; a participle
clause on the trigger ("killed fighting in Qusayr") says where its subject was; a bearing ("100 km south of
Baghdad") ranks after the place the event was in. Places coordinated with the chosen one ("in Syria and Iraq")
extend its span as the text writes it, while the event's place record stays the first.

What is not the event's place: a building's owner ("Spain's embassy in Havana"), a name hyphened to a participle
("Syria-linked clashes", "US-led operations"), the aim of a purpose clause ("protested the plan to export gas to
Mexico"), the side a place was taken from ("captured the Golan from Syria"), the parties of a "between" after a
noun that is no place ("talks between Prodi and Putin"), the reference of a bearing the trigger does not hang on
("an ambush 20 miles south of Baghdad"), the place of another event set beside it (", while three were kidnapped in
Muqdadiyah") or of a gerund after a preposition ("for smugglers crossing into Israel"); a later conjoined act
("captured in Panama and extradited to the United States") places itself after the trigger, and where it takes its
participant ("captured and handed over to the United States") not at all. A province or a country that sets the
scene yields to a town a preposition of position puts the event at ("In the Gaza Strip, soldiers detonated a device
near the Sufa checkpoint"). A trigger in a sense that is no event ("prices shot up", "killed the bill") has no
place, and one that takes no ground ("footage captured the attack", "captured her 41st title", "demonstrated their
support") only one a preposition of position puts it at.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Protocol

from lanner.nlp.text import parsed_text
from lanner.records import EventPlace, Place, PlaceMention, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from lanner.events.roles import Roles


class MentionLookup(Protocol):
    """What the rule reads from the events stage's mention index."""

    places_at: dict[int, PlaceMention]
    actors_at: dict[int, list[str]]
    sentence_memo: dict[tuple[str, int], Any]  # per-sentence results, by what they are and the sentence's start

    def actors_for(self, token: Token) -> list[str]: ...

    def proper_nouns_in(self, sentence: SpacySpan) -> list[Token]: ...

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
    reference: bool  # given as a bearing ("100 miles northeast of Jammu"), not as where it was
    tokens: SpacySpan
    word: str = ""  # the preposition that says where, or ""
    by_prep: bool = False  # attached through a locative preposition, not as the trigger's object
    actor: bool = False  # names one of the event's actors too
    veto: str = ""  # why the rule never picks it: "actor", "owner", "word", "loose", "role"; "" when it may


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
# "marched through Bangkok", "marched to the Sydney offices". "between" only after a place noun (`_says_where`).
ROUTE_PREPS = frozenset(
    {
        "over", "through", "along", "within", "off", "throughout", "to", "via", "above", "below",
        "beneath", "under", "behind", "beside", "opposite", "past", "beyond", "amid", "among",
    }
)  # fmt: skip
# Prepositions under which a place is never where the event was, even loosely ("according to Los Angeles
# television", "protesting against the operation in Gaza", "a withdrawal from Bosnia").
NON_LOCATIVE_PREPS = frozenset(
    {
        "against", "by", "with", "for", "about", "despite", "according", "of", "to", "than", "like", "as",
        "during", "since", "after", "before", "over", "toward", "towards", "into", "from",
    }
)  # fmt: skip
# Prepositions that introduce what an event is about or aimed at: a place inside their phrase locates that thing,
# not the event ("protesting against the operation in Gaza", "arrested for the bombing in Bali").
TOPIC_PREPS = frozenset({"against", "about", "regarding", "concerning", "despite", "toward", "towards"})
# Prepositions whose phrase shares the event's place: "killed by gunmen in Kandahar", "clashes with troops in
# Aleppo", "killed during clashes in Deraa", "a clash between protesters and gunmen on the outskirts of Oaxaca".
# Through others ("a message on concerns ... in Palestine") a place locates something else.
DETOUR_PREPS = frozenset({"by", "with", "during", "amid", "after", "following", "including", "among", "for", "between"})
# Happenings that take the place they happen to after "of": "the occupation of Latvia", "the siege of Sarajevo".
SIEGE_NOUNS = frozenset(
    {
        "occupation", "siege", "bombardment", "shelling", "bombing", "invasion", "capture", "liberation", "fall",
        "battle", "storming", "blockade", "encirclement", "sack", "destruction",
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
# Happenings whose possessor is their maker or their owner, not their place: "Turkey's incursion", "Egypt's
# crackdown", "Syria's civil war".
OWNED_EVENT_NOUNS = EVENT_NOUNS | frozenset(
    {
        "crackdown", "incursion", "intervention", "invasion", "massacre", "bombardment", "airstrike", "assault",
        "onslaught", "unrest", "rebellion", "revolt", "coup", "killing", "siege", "skirmish", "firefight",
    }
)  # fmt: skip
# Verbs whose object is a territory even when a country names it: "captured much of Liberia", "destroyed Pakistan".
TERRAIN_VERBS = frozenset(
    {
        "capture", "seize", "overrun", "take", "recapture", "retake", "storm", "occupy", "invade", "liberate",
        "patrol", "destroy", "shell", "bomb", "attack", "raid", "control", "enter", "besiege", "clear",
    }
)  # fmt: skip
# Verbs that strike, hold or shut a place as their object: "hit Aleppo", "pounded Grozny", "blockade Nairobi".
STRIKE_VERBS = frozenset(
    {
        "hit", "target", "strike", "pound", "bombard", "surround", "cross", "reach", "rock", "secure", "hold",
        "defend", "blockade", "encircle", "cordon", "seal",
    }
)  # fmt: skip
# Verbs of taking after which "from" names the loser, not a place: "captured the islands from Jordan", "wrested the
# town from the rebels", "ousted Iraqi troops from Kuwait".
DISPOSSESSING_VERBS = frozenset(
    {"capture", "seize", "take", "recapture", "retake", "wrest", "win", "snatch", "grab", "oust", "expel", "liberate"}
)
UNRESOLVED_SPECIFICITY = 0  # a name no gazetteer knows is most often a village, a district or a site
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def event_place(sentence: SpacySpan, trigger: Token, roles: Roles, index: MentionLookup) -> EventPlace | None:
    """The place the event happened: a place attached to the trigger (by a locative preposition, as its
    object, "captured Jaffna", or through "the village of ...") first, the nearest of those to the trigger,
    then the most specific."""
    if not_an_event_sense(trigger):
        return None
    candidates, unattached, _vetoed = place_candidates(sentence, trigger, roles, index)
    if takes_no_ground(trigger):
        candidates = [c for c in candidates if c.tier == 0 and c.by_prep and _at_after(c, trigger)]
    if not candidates:
        return None
    best = min(candidates, key=lambda c: rule_key(c, trigger))
    best = _narrower_after(best, candidates, trigger)
    best = _first_conjunct(best, candidates)
    best = _innermost(best, candidates + unattached)
    return _located(best, candidates, index)


# What a recording "captures" ("footage captured the carnage") and what a winner does ("captured the title",
# "captured Europe's heart"): the verb then takes no ground.
RECORDING_NOUNS = frozenset(
    {
        "footage", "video", "camera", "photo", "photograph", "photographer", "image", "picture", "tape", "film",
        "lens", "recording", "cameraman", "snapshot", "documentary", "shot", "television", "tv",
    }
)  # fmt: skip
PRIZE_NOUNS = frozenset(
    {
        "title", "crown", "championship", "series", "medal", "prize", "trophy", "wicket", "heart", "imagination",
        "attention", "mood", "spirit", "essence", "award", "gold", "silver", "bronze", "cup", "scalp", "pole",
        "belt", "pennant",
    }
)  # fmt: skip
# What "shot" and "killed" take when they film or defeat something: "shot a film", "killed the bill".
FILM_NOUNS = frozenset({"film", "video", "footage", "scene", "movie", "picture", "photo", "documentary", "episode"})
MOTION_NOUNS = frozenset({"bill", "proposal", "motion", "plan", "deal", "legislation", "measure", "idea", "amendment"})


def not_an_event_sense(trigger: Token) -> bool:
    """The trigger in a sense that is no event at all, so that nothing it names is an event's place: "prices shot
    up", "shot a film", "killed the bill". A shooting goes no way "up"."""
    lemma = trigger.lemma_.lower()
    if lemma not in ("shoot", "kill"):
        return False  # the events stage asks this of every verb: let the others go before reading the parse
    children = list(trigger.children)
    objects = [c for c in children if c.dep_ in ("dobj", "nsubjpass")]
    if lemma == "shoot":
        if any(c.dep_ == "prt" and c.lower_ == "up" for c in children) and not objects:
            return True
        return any(c.lemma_.lower() in FILM_NOUNS for c in objects)
    return any(c.lemma_.lower() in MOTION_NOUNS for c in objects)  # "kill"


def _at_after(c: _Candidate, trigger: Token) -> bool:
    """A place a preposition of position puts the trigger at, after it ("captured her title in Rome"): not one
    the subject is in ("popularity in Japan was demonstrated"), nor a goal ("traveled to La Paz")."""
    return c.tokens.start > trigger.i and c.word not in ("", "to", "into", "from")


def takes_no_ground(trigger: Token) -> bool:
    """The trigger in a sense that takes no ground: a recording that "captured" a scene, a winner who "captured
    her 41st title", a crowd that "demonstrated its support" (a protest has no object). It may still happen at a
    place ("captured her title in Rome", "demonstrated their support in Khan Yunis"), so only a place a locative
    preposition puts it at counts, never a name it takes or one named near it."""
    lemma = trigger.lemma_.lower()
    children = list(trigger.children)
    if lemma == "capture":
        subjects = [c for c in children if c.dep_ == "nsubj"]
        subjects += [g for c in children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if trigger.dep_ == "acl":
            subjects.append(trigger.head)  # "footage captured seconds after the attacks": the footage captured it
        recorders = {w.lemma_.lower() for c in subjects for w in (c, *c.children) if w.dep_ != "relcl"}
        taken = [c for c in children if c.dep_ in ("dobj", "npadvmod", "nsubjpass")]
        return bool(recorders & RECORDING_NOUNS) or any(c.lemma_.lower() in PRIZE_NOUNS for c in taken)
    if lemma == "demonstrate":
        return any(c.dep_ in ("dobj", "nsubjpass", "ccomp") for c in children)
    return False


# Prepositions that put the event itself at a place: a town after one of them outranks a province or a country
# the sentence opens with.
POSITION_PREPS = frozenset({"in", "at", "near", "outside", "around", "inside", "on"})


def _narrower_after(best: _Candidate, candidates: list[_Candidate], trigger: Token) -> _Candidate:
    """A province, region or country sets the scene ("In the Gaza Strip, soldiers detonated a device near the Sufa
    checkpoint", "shelled positions around Irbil ... in northern Iraq"); a town or a district a preposition of
    position puts the event at after the trigger is where it happened, though the parse may hang it deeper."""
    if best.specificity < FEATURE_SPECIFICITY["admin1"] or best.mention.place is None:
        return best
    narrower = [
        c
        for c in candidates
        if c.tier == best.tier
        and not c.reference
        and c.specificity < FEATURE_SPECIFICITY["admin1"]
        and c.by_prep
        and c.word in POSITION_PREPS
        and c.tokens.start > trigger.i
    ]
    return min(narrower, key=lambda c: rule_key(c, trigger), default=best)


def rule_key(c: _Candidate, trigger: Token) -> tuple[int, bool, int, int, int]:
    """The hand rule's ranking: attached before loose, a bearing last, nearest in the parse, most specific."""
    return (c.tier, c.reference, c.cost, c.specificity, abs(c.mention.start - trigger.idx))


def place_candidates(
    sentence: SpacySpan, trigger: Token, roles: Roles, index: MentionLookup
) -> tuple[list[_Candidate], list[_Candidate], list[_Candidate]]:
    """The sentence's place phrases as the rule sorts them: those attached to the trigger (the candidates),
    those the parse left loose (one may lie inside the chosen one) and those the rule vetoes (an actor, a
    country owning a noun). benchmarks/train_event_place.py reads all three to fit and compare a learned ranker."""
    candidates: list[_Candidate] = []
    unattached: list[_Candidate] = []
    vetoed: list[_Candidate] = []
    role_actors = set(roles.source) | set(roles.target)
    shared = _sharing_verbs(trigger)
    for mention, tokens in _place_phrases(sentence, index):
        place = mention.place
        specificity = FEATURE_SPECIFICITY.get(place.feature, 6) if place is not None else UNRESOLVED_SPECIFICITY
        # by position: no Token per word
        if (place is None or place.feature != "country") and any(
            i in index.actors_at for i in range(tokens.start, tokens.end)
        ):
            # a name the actor stage read as an actor ("Hamas"), not a place
            vetoed.append(_Candidate(mention, UNATTACHED, 0, specificity, False, False, tokens, veto="actor"))
            continue
        if _no_name(tokens) or _modifies_named_noun(tokens, index):
            # "a Jewish neighborhood", "the highland city of Huancayo": a word describing a place, not its name
            vetoed.append(_Candidate(mention, UNATTACHED, 0, specificity, False, False, tokens, veto="word"))
            continue
        head = _head_of_phrase(tokens.root)
        if _owns_site(tokens.root) or _hyphen_modifier(tokens):
            # "Australia's embassy in Jakarta", "Haniya's office": the owner, not where the building is
            vetoed.append(_Candidate(mention, UNATTACHED, 0, specificity, False, False, tokens, veto="owner"))
            continue
        if place is not None and place.feature == "country" and _owner(tokens.root):
            # "a US convoy", "the Iraq war": the country owns the thing, it is not where it is
            vetoed.append(_Candidate(mention, UNATTACHED, 0, specificity, False, False, tokens, veto="owner"))
            continue
        surely_place = place is not None or _surely_place(tokens)
        happening = head.i != tokens.root.i and head.lemma_.lower() in HAPPENING_NOUNS  # "the Fallujah offensive"
        found = _attachment(head, trigger, surely_place, happening)
        titled = _titled_by_noun(tokens)
        if found is None and titled is not None:
            found = _attachment(titled, trigger, surely_place)  # "in the Togolese capital Lome": as "capital" hangs
        for verb in shared if found is None else ():
            inherited = _attachment(head, verb, surely_place, happening)
            if inherited is not None and inherited.tier < 2:
                found = replace(inherited, tier=1)  # "struck the city of Basra, killing six": where the strike was
                break
        actor = place is not None and bool(role_actors & {a for t in tokens for a in index.actors_for(t)})
        if found is None:
            loose = _Candidate(mention, UNATTACHED, 0, specificity, False, False, tokens, veto="loose")
            (vetoed if actor else unattached).append(loose)
            continue
        near = found.word in NEAR_PREPS or found.word in DIRECTION_WORDS
        reference = found.word in DIRECTION_WORDS
        candidate = _Candidate(
            mention, found.tier, found.cost, specificity, near, reference, tokens, found.word, found.by_prep, actor
        )
        if actor and not (found.tier == 0 and (found.by_prep or trigger.lemma_.lower() in TERRAIN_VERBS)):
            # an actor here ("Syria accused Turkey"), unless the trigger happens in it or takes it
            vetoed.append(replace(candidate, veto="role"))
            continue
        candidates.append(candidate)
    return candidates, unattached, vetoed


def _no_name(tokens: SpacySpan) -> bool:
    """A phrase that names no place though the gazetteer or the parse took it for one: a word for a people or a
    faith ("a Jewish neighborhood", which a gazetteer knows as a region; not "the Baltic sea", a place's adjective),
    or a lower-case word ("the highland city of", tagged a proper noun). A place's name is capitalised."""
    if all(t.ent_type_ == "NORP" and t.tag_ == "JJ" for t in tokens):
        return True  # an adjective the NER calls a people, not a name it mislabels so ("Samarra")
    return not any(character.isupper() for character in tokens.text)


def _titled_by_noun(tokens: SpacySpan) -> Token | None:
    """The lower-case place noun a name directly follows as its title ("the capital Lome", "the town Ariha"), which
    the parse often leaves the name loose from; None when there is none."""
    start = tokens.start
    if start - 1 <= tokens.sent.start:
        return None
    noun = tokens.doc[start - 1]
    return noun if noun.is_lower and noun.pos_ == "NOUN" and noun.lemma_.lower() in PLACE_NOUNS else None


def _modifies_named_noun(tokens: SpacySpan, index: MentionLookup) -> bool:
    """A name before a place noun that a known place then names ("the Togolese capital Lome", "the Sri Lankan
    capital Colombo"): the noun is that place, and the name before it only describes it."""
    end = tokens.end
    if end + 1 >= tokens.sent.end or tokens.root.dep_ not in ("compound", "amod", "nmod"):
        return False
    noun, name = tokens.doc[end], tokens.doc[end + 1]
    return noun.is_lower and noun.lemma_.lower() in PLACE_NOUNS and name.i in index.places_at


def _surely_place(tokens: SpacySpan) -> bool:
    """A name no gazetteer knows that is a place by its noun ("the Gilo neighborhood") or its entity label ("Utah
    Beach"), so that it may be what the trigger takes ("was captured"). A lone word the NER calls a GPE is as often
    a person's name ("Bishara was captured")."""
    label = tokens.root.ent_type_
    if label in ("LOC", "FAC") or (label == "GPE" and len(tokens) > 1):
        return True
    return _named_by_place_noun(tokens.root) is not None


# Happenings a place name may modify to say where they happened: "the Fallujah offensive", "the Bali bombing" (not
# "US forces", "the Kinshasa government": a country stays their owner).
HAPPENING_NOUNS = OWNED_EVENT_NOUNS - {"government", "army", "forces", "history", "election", "elections", "operation"}


def _sharing_verbs(trigger: Token) -> list[Token]:
    """The verbs whose place a subjectless follow-on clause shares, nearest first: "hit the town of Tikrit,
    killing four and wounding nine" (participles on the verb, and verbs conjoined to them), "gunmen in Kandahar
    shot and killed a cleric" (a verb conjoined without a subject of its own). Their places count for the trigger
    after the trigger's own (tier 1)."""
    verbs: list[Token] = []
    token = trigger
    for _ in range(3):
        head = token.head
        if head.i == token.i or head.pos_ != "VERB" or token.pos_ != "VERB":
            break
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "mark") for c in token.children):
            break
        if not ((token.dep_ == "advcl" and token.tag_ == "VBG") or token.dep_ == "conj"):
            break
        verbs.append(head)
        token = head
    return verbs


def _first_conjunct(best: _Candidate, candidates: list[_Candidate]) -> _Candidate:
    """The first of the coordinated places the chosen one is listed with ("across the West Bank, the Gaza Strip
    and Jerusalem"): they share its preposition and so its role, and the span runs on from the first over the rest
    (`_with_conjuncts`), where ranking by specificity alone would keep only the most specific of them."""
    for _ in range(8):
        root = best.tokens.root
        if root.dep_ != "conj":
            break
        head = root.head
        first = next((c for c in candidates if c.tokens.start <= head.i < c.tokens.end and c is not best), None)
        if first is None or first.tier != best.tier:
            break
        best = first
    return best


UNATTACHED = 3  # the tier of a place the parse did not tie to the trigger: never chosen for itself


def _innermost(best: _Candidate, candidates: list[_Candidate]) -> _Candidate:
    """The most specific place named inside the chosen one: "the village of Ashmi in the countryside of Kobane",
    "near al-Shaab Stadium in eastern Baghdad", "the Damascus suburb of Douma", "Mosul, Iraq". Annotators and
    coders give an event the narrowest place the text locates it at; the parse often hangs the wider place from
    the verb, so how the text names one inside the other decides, not the attachment."""
    for _ in range(4):
        inner = [c for c in candidates if c is not best and not c.reference and _contains(best, c)]
        if not inner:
            break
        found = min(inner, key=lambda c: (c.tier, c.cost, c.specificity, c.mention.start))
        # a place the parse left loose takes the attachment of the place it lies in ("in the Shiite-dominated
        # Sadr city in eastern Baghdad", "dominated" read as a verb taking "Sadr city")
        best = replace(found, tier=best.tier, cost=best.cost, near=best.near) if found.tier == UNATTACHED else found
    return best


def _named_noun(name: Token) -> Token | None:
    """The place noun a name may name: "the village of Ashmi", "the Ghat area" (not "of Doda district", which has a
    noun of its own). In "the Damascus suburb of Douma" both names may name the suburb; `_contains` decides."""
    head = name.head
    if name.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
        return head.head if _head_of_phrase(name).i == name.i else None
    noun = _head_of_phrase(name)
    return noun if noun.i != name.i and noun.pos_ == "NOUN" else None


MODIFIER_DEPS = frozenset({"compound", "nmod", "amod"})
# Words that may stand between a place and the wider place after it: "near Tikrit in northern Iraq".
CONTAINER_LINKS = frozenset({"in", ",", "of", "the"})
# Kinds of place that may stand between a place and the wider one it lies in: "in Raqqa province, in northeastern
# Syria", "the Karkh district of western Baghdad", "in Jdeideh in the commune of Mora".
KIND_LINKS = frozenset({"province", "district", "governorate", "county", "commune", "municipality", "region", "area"})
COMPASS_ADJECTIVES = frozenset(
    {
        "northern", "southern", "eastern", "western", "central", "northeastern", "northwestern", "southeastern",
        "southwestern", "north", "south", "east", "west", "downtown", "nearby", "neighbouring", "neighboring",
    }
)  # fmt: skip


def _contains(outer: _Candidate, inner: _Candidate) -> bool:
    """`outer` is the wider place `inner` is said to lie in: its phrase hangs from `inner`'s ("the village of
    Ashmi in ... Kobane", "the Ghat area of Doda district", "Mosul, Iraq"), both name one noun and `outer` is the
    wider ("the Damascus suburb of Douma"), or it follows `inner` with only "in", a comma and words of direction
    between ("near Tikrit in northern Iraq")."""
    named = {t.i for t in inner.tokens}
    noun = _named_noun(inner.tokens.root)
    if noun is not None:
        outer_noun = _named_noun(outer.tokens.root)
        if outer_noun is not None and outer_noun.i == noun.i:
            # "the Damascus suburb of Douma", "the Pulwama district of Kashmir": the wider is the less specific
            # name; at the same rank a name the gazetteer knows ("the al-Tarikh area of Jiddah": a district no
            # gazetteer lists lies in the city it does), and with none, the one before the noun (how a reporter
            # places a suburb in its city)
            if outer.specificity != inner.specificity:
                return outer.specificity > inner.specificity
            outer_known, inner_known = outer.mention.place is not None, inner.mention.place is not None
            if outer_known != inner_known:
                return outer_known
            return outer.tokens.start < inner.tokens.start
        named.add(noun.i)
    token = outer.tokens.root
    for _ in range(8):
        if token.i in named:
            return True
        if token.dep_ == "pobj" and token.head.lower_ in ("in", "of") and token.head.head.i != token.head.i:
            token = token.head.head
        elif token.dep_ in ("poss", "appos") or (token.dep_ in MODIFIER_DEPS and token.head.pos_ == "NOUN"):
            token = token.head  # "Syria's Aleppo", "Mosul, Iraq", "the Damascus suburb"; not "Kirkuk and Leschek"
        else:
            break
    doc = outer.tokens.doc
    between = doc[inner.tokens.end : outer.tokens.start]
    if not 0 < len(between) <= 4 or between[0].lower_ not in ("in", ",", *KIND_LINKS):
        return False
    if not all(
        t.lower_ in CONTAINER_LINKS or t.lower_ in COMPASS_ADJECTIVES or t.lower_ in KIND_LINKS or t.is_space
        for t in between
    ):
        return False
    known = outer.mention.place is not None and inner.mention.place is not None
    return not known or outer.specificity >= inner.specificity


def _owner(token: Token) -> bool:
    """A country name modifying a noun that is not a place ("US convoy", "U.S. troops")."""
    head = token.head
    return token.dep_ in ("compound", "nmod", "amod") and head.pos_ == "NOUN" and head.lemma_.lower() not in PLACE_NOUNS


# Buildings and belongings a possessor owns rather than contains: "Spain's embassy in Havana", "Deri's home".
OWNED_SITE_NOUNS = frozenset(
    {
        "embassy", "consulate", "office", "home", "house", "residence", "headquarters", "convoy", "car", "vehicle",
        "motorcade", "mission", "compound", "ship", "plane", "jet", "aircraft", "villa", "palace", "farm",
    }
)  # fmt: skip


def _owns_site(token: Token) -> bool:
    """A name possessing a building or a vehicle ("Spain's embassy", "Chalabi's convoy") names its owner: the
    building's place is given by its own phrase ("in central Havana"), if at all."""
    head = _head_of_phrase(token)
    return head.dep_ == "poss" and head.head.lemma_.lower() in OWNED_SITE_NOUNS


def _hyphen_modifier(tokens: SpacySpan) -> bool:
    """A name hyphened to a participle modifies a noun ("Syria-linked clashes", "US-led operations", "Turkey-backed
    rebels", "the Kinshasa-appointed governor"): who leads or backs it, not where it is."""
    doc = tokens.doc
    end = tokens.end
    # the hyphen first: finding the sentence's end scans the document
    if end + 1 >= len(doc) or doc[end].text != "-" or end + 1 >= tokens.sent.end:
        return False
    word = doc[end + 1]
    return word.is_lower and word.tag_ in ("VBN", "VBD", "JJ") and word.dep_ in ("amod", "compound", "acl")


def _place_phrases(sentence: SpacySpan, index: MentionLookup) -> list[tuple[PlaceMention, SpacySpan]]:
    """The sentence's place names (found once per sentence, however many events it has)."""
    key = ("place_phrases", sentence.start)
    found = index.sentence_memo.get(key)
    if found is None:
        found = index.sentence_memo[key] = _find_place_phrases(sentence, index)
    return found


def _find_place_phrases(sentence: SpacySpan, index: MentionLookup) -> list[tuple[PlaceMention, SpacySpan]]:
    """The sentence's place names: the places stage's (resolved or not), and the named entities it left out
    that the NER calls a place ("Alexanderplatz", "the Saipatae-Yaha Road"), unresolved."""
    doc = sentence.doc
    found: list[tuple[PlaceMention, SpacySpan]] = []
    taken: set[int] = set()
    for i in range(sentence.start, sentence.end):  # positions first: no Token is built where no place is
        mention = index.places_at.get(i)
        if mention is None or i in taken:
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        taken.update(range(span.start, span.end))
        found.append((mention, span))
    for ent in index.ents_in(sentence):
        if ent.label_ not in PLACE_LABELS or any(i in taken or i in index.actors_at for i in range(ent.start, ent.end)):
            continue
        if not any(t.pos_ == "PROPN" for t in ent):
            continue  # "the eastern coast": a description, not a name
        span = ent[1:] if ent[0].lower_ == "the" else ent
        start = span.start_char
        found.append((PlaceMention(start, start + len(span.text), span.text, None, 0.0), span))
        taken.update(range(span.start, span.end))
    for token in index.proper_nouns_in(sentence):  # both ways of naming a place start from a proper noun
        span = _named_by_place_noun(token) or _named_by_locative(token, index)
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
        "commune", "airbase", "airfield", "junction", "gorge", "sector", "locality", "township", "hamlet",
    }
)  # fmt: skip
# Stretches of ground that lie between two places: "the zone between Iraq and Kuwait".
BOUNDARY_NOUNS = frozenset({"zone", "frontier", "waters", "line", "corridor", "route", "highway", "strip", "buffer"})
# Nouns of saying and deciding, after which "on" gives the topic: "a statement on Iraq", "sanctions on Iran".
TOPIC_NOUNS = frozenset(
    {
        "statement", "report", "talk", "resolution", "sanction", "debate", "view", "policy", "position", "decision",
        "estimate", "stance", "law", "vote", "deal", "agreement", "information", "comment", "remark", "focus",
        "pressure", "embargo", "ban", "study", "book", "conference", "summit", "meeting", "speech", "message",
        "negotiation", "consultation", "briefing", "question", "warning", "concern", "opinion", "plan", "proposal",
        "restriction", "limit", "news", "update", "declaration", "referendum", "hearing", "inquiry", "investigation",
    }
)  # fmt: skip
NOT_PLACE_LABELS = frozenset({"DATE", "TIME", "NORP", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})


def _named_by_place_noun(token: Token) -> SpacySpan | None:
    """The proper name a place noun introduces, if `token` heads one."""
    if token.pos_ != "PROPN":
        return None
    if any(_names_kind_before(child, token) for child in token.lefts):
        return _name_run(token)
    head = token.head
    named = (
        (token.dep_ in ("compound", "nmod") and head.i > token.i and head.lemma_.lower() in PLACE_NOUNS)
        or (token.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in PLACE_NOUNS)
        or (token.dep_ == "appos" and head.lemma_.lower() in PLACE_NOUNS)
    )
    if not named or head.pos_ == "PROPN":
        return None
    return _name_run(token)


def _names_kind_before(word: Token, name: Token) -> bool:
    """A lower-case place noun standing as a title before the name: "at village Lassipora", "in oil city Port
    Harcourt", "in the southern province Pattani" (wire copy drops the "of" of "the village of ..."). The NER
    often calls such names people."""
    return (
        word.dep_ in ("compound", "nmod", "appos")
        and word.is_lower
        and word.i < name.i
        and word.lemma_.lower() in PLACE_NOUNS
        and all(t.pos_ == "PROPN" or t.text in ("-", "/") for t in name.doc[word.i + 1 : name.i])
    )


def _named_by_locative(token: Token, index: MentionLookup) -> SpacySpan | None:
    """A proper name a locative preposition puts an action or an attack at ("will march from Alexanderplatz",
    "detonated on the Saipatae-Yaha Road", "the attack on Sere Kaniye/Ras al-Ain"), or that a verb of taking or
    striking ground acts on ("captured Grahovo"): a place, though the NER may call it an organisation or a product,
    unless it is a person or an actor. After "in" or "near", and as the object of a verb that takes only ground
    ("stormed Najarah"), a person's name is no reading at all ("demonstrated in Lumbumbashi"), so the NER's person
    label is overruled there."""
    if token.pos_ != "PROPN":
        return None
    head = token.head
    if token.dep_ == "pobj" and head.lower_ in LOCATIVE_PREPS and _says_where(head):
        above = head.head
        if not (above.pos_ == "VERB" or above.lemma_.lower() in EVENT_NOUNS):
            return None
        allowed = NAME_LABELS | {"PERSON"} if head.lower_ in PERSONLESS_PREPS else NAME_LABELS
    elif token.dep_ == "dobj" and head.pos_ == "VERB" and head.lemma_.lower() in TERRAIN_VERBS:
        allowed = NAME_LABELS | {"PERSON"} if head.lemma_.lower() in GROUND_ONLY_VERBS else NAME_LABELS
    else:
        return None
    ent = next((e for e in index.ents_in(token.sent) if e.start <= token.i < e.end), None)
    if ent is None and head.lemma_.lower() in PEOPLE_TAKING_VERBS:
        return None  # "captured Hambali": "capture" takes people as often as towns; an entity label must say which
    if ent is not None and ent.label_ not in allowed:
        return None  # a person ("shot at Smith"), a date ("in May")
    span = ent if ent is not None else _name_run(token)
    if span[0].lower_ == "the":
        span = span[1:]
    return span if len(span) and not span.text.endswith("-") else None  # not "the Shiite- (dominated)"


# Prepositions after which a name is no person, whatever the NER says: nothing happens "in Smith", and a verb's
# event happens "near" a person hardly ever ("gunmen shot a policeman near Bordj El-Kiffan").
PERSONLESS_PREPS = frozenset({"in", "near"})
# Verbs of taking ground that never take a person: "stormed Najarah" names a place, whatever the NER says.
GROUND_ONLY_VERBS = frozenset({"storm", "overrun", "occupy", "invade", "besiege", "recapture", "retake", "shell"})
# Verbs of taking ground that take people as often ("captured Hambali"): their unlabelled object is no place.
PEOPLE_TAKING_VERBS = frozenset({"capture", "take"})
# Entity labels a place's name may carry when the NER misreads it
NAME_LABELS = frozenset({"ORG", "FAC", "LOC", "GPE", "PRODUCT", "WORK_OF_ART"})


def _name_run(token: Token) -> SpacySpan:
    """The whole name a proper-noun token is part of, across hyphens and the slash between two names of one
    place: "Bustan Al-Basha", "al-Thawra", "Tel Abyad/Girespi". A capitalised word the tagger did not call a
    proper noun may open it ("Deir ez-Zor", "Deir" read as an adjective), unless the NER calls it a nationality."""
    doc = token.doc

    def opening(i: int) -> bool:
        t = doc[i]
        return t.is_title and t.pos_ in ("ADJ", "NOUN") and not t.is_sent_start and t.ent_type_ not in NOT_PLACE_LABELS

    def part(i: int) -> bool:
        t = doc[i]
        if t.pos_ == "PROPN":
            return True
        hyphen_next = i + 1 < len(doc) and doc[i + 1].text == "-"
        return t.text in ("-", "/") or (t.is_lower and t.is_alpha and len(t) <= 3 and hyphen_next)  # "al-", "ez-"

    start, end = token.i, token.i + 1
    sentence = token.sent  # once: `Token.sent` scans the document for its bounds
    while start > sentence.start and (part(start - 1) or opening(start - 1)):
        start -= 1
    while end < sentence.end and part(end):
        end += 1
    while doc[start].text in ("-", "/"):
        start += 1
    while end > start + 1 and doc[end - 1].text in ("-", "/"):
        end -= 1
    return doc[start:end]


def _attachment(
    head: Token, trigger: Token, passive_object: bool = True, names_happening: bool = False
) -> _Attachment | None:
    """How a place phrase hangs from the trigger, or None when it does not say where the event was. With
    `names_happening` the place modifies a happening ("during the Fallujah offensive"), which it locates as "the
    offensive in Fallujah" would."""
    if head.dep_ == "npadvmod" and head.pos_ == "PROPN" and _after_comma(head) and head.left_edge.i >= 2:
        # "in Congo's capital, Kinshasa", the name an apposition the parse hung on the verb: it hangs as the noun
        # it names does, unless that noun is a bearing's reference ("north of the capital, Lusaka")
        described = _head_of_phrase(head.doc[head.left_edge.i - 2])
        if described.i == head.i or described.dep_ == "npadvmod":
            return None
        found = _attachment(described, trigger, passive_object)
        return found if found is not None and found.word not in DIRECTION_WORDS else None
    prep = _governing_prep(head)
    word = prep.lower_ if prep is not None else ""
    path = _path_up(head, trigger)
    if path is not None:
        cost = 0
        # "killed during the Fallujah offensive": the happening the name modifies hangs from the trigger by a
        # preposition; not the trigger itself (a nominal trigger's own modifier may be a name: "Boston Marathon
        # bombing"), nor a happening further away ("convicts a friend of the Boston bombing suspect")
        locative = names_happening and len(path) == 2 and path[1].dep_ == "prep"
        blocked = False
        detour = False  # a non-locative preposition above a locative one: "killed by locals in Mosul"
        for k, step in enumerate(path):
            if step.dep_ in CLAUSE_DEPS and not _describes_place(step, path[k + 1 :]):
                if _gapped(step):
                    pass  # "were killed and three civilians wounded in Kandahar": one clause, its auxiliary shared
                elif _circumstance(step, trigger) or _participant_doing(step, trigger):
                    detour = True  # "killed fighting in the town of Qusayr": where the victims were then
                else:
                    blocked = True
            if step.dep_ == "pcomp" and step.pos_ == "VERB" and not _circumstance(step, trigger):
                blocked = True  # "refrained from granting an exit to civilians in Idlib": that clause's place
            if step.dep_ == "advcl" and _contrasted(step):
                return None  # "killed in Baquba, while three were kidnapped in Muqdadiyah": another event's place
            if step.dep_ == "advcl" and _purpose(step):
                blocked = True  # "protested against the plan to export gas to Mexico": where the aim would be
            if step.dep_ == "conj" and step.pos_ == "VERB" and _own_subject(step):
                blocked = True  # "..., and soldiers went into the town of Jenin": another clause, another event
            elif step.dep_ == "conj" and step.pos_ == "VERB" and not _gapped(step) and step.i - step.head.i > 2:
                # "captured in Panama and extradited to the United States": the next act's place, after the
                # trigger's own; not "shot and killed near Kissufim", one act named twice
                if _sequel(step):
                    return None  # "captured and held at Bagram", "shot and later died in a Paris hospital"
                detour = True
                # where the next act takes its participant ("captured and handed over to the United States",
                # "shot and evacuated to South Africa") is no place of the trigger's at all
                blocked = blocked or word in GOAL_PREPS
            if step.dep_ == "poss" and step.head.lemma_.lower() in OWNED_EVENT_NOUNS:
                blocked = True
            if step.dep_ in ("advmod", "npadvmod") and step.head.pos_ == "VERB" and _bearing(step):
                # "captured ... north of Baghdad", the bearing parsed as an adverb of the verb: near the reference
                # (not "an ambush 20 miles south of Baghdad", which places the ambush)
                locative = True
            if step.dep_ in ("prep", "agent") or step.pos_ == "ADP":
                w = step.lower_
                if w == "of" and step.head.lemma_.lower() in SIEGE_NOUNS:
                    locative = True  # "during the occupation of Latvia", "in the bombardment of Aziziyah district"
                elif _says_where(step):
                    locative = True
                elif w in TOPIC_PREPS:
                    return None  # the place locates what the event is about ("against the operation in Gaza")
                elif w != "of":
                    detour = detour or locative
                    blocked = blocked or not locative or w not in DETOUR_PREPS
            if step.dep_ not in TRANSPARENT_DEPS and step.lower_ != "of" and not _named_by_of(step):
                cost += 1
        top = path[-1] if path else head
        if not blocked and top.dep_ == "npadvmod" and top.pos_ == "PROPN" and not _after_comma(top):
            return _Attachment(0, cost, word, True)  # "captured off Mogadishu", parsed as a bare modifier
        if not blocked and (locative or _object_of(top, trigger, passive_object)):
            return _Attachment(1 if detour else 0, cost, word, locative)
    if (
        prep is None
        or (word in NON_LOCATIVE_PREPS and word not in DIRECTION_WORDS)
        or (word != "including" and not _says_where(prep))
        or (word == "including" and prep.head.lemma_.lower() not in PLACE_NOUNS | TITLED_KINDS)
    ):
        # named in passing ("Los Angeles television"), an actor ("Syria accused"), "against Iraq"; "including"
        # lists places after a place noun ("patrolled the cities, including Kano"), not "warships from countries
        # including Britain"
        return None
    if _inside_other_clause(head, trigger) or word in DIRECTION_WORDS:
        return None  # a bearing not hung from the trigger places what it follows ("the town 70 km west of Mosul")
    return _Attachment(2, 0, word, True)


# What befalls a participant after the event, elsewhere: custody, care, sentence, death ("captured and held at
# Bagram", "shot and treated at Harlem Hospital", "captured and deported to Mauthausen").
SEQUEL_VERBS = frozenset(
    {
        "hold", "treat", "die", "send", "deport", "transfer", "jail", "imprison", "sentence", "execute", "release",
        "extradite", "hand", "fly", "ship", "evacuate", "bring", "move", "detain", "interrogate", "try", "convict",
        "charge", "torture", "enslave", "become", "spend", "escape", "free", "return", "rush", "airlift",
        "hospitalize", "hospitalise", "bury", "question", "keep", "lock", "parade", "exchange", "swap",
    }
)  # fmt: skip
SEQUENCE_ADVERBS = frozenset({"later", "then", "subsequently", "eventually", "afterwards", "afterward"})


def _sequel(verb: Token) -> bool:
    """A conjoined act that follows the event rather than being part of it: what befell its participant afterwards
    ("and held at Bagram", "and later died in a Paris hospital"). Its place is where that happened, not where the
    event did; a tense of its own does not make it one ("20 were killed and 100 were injured near Itagui")."""
    return verb.lemma_.lower() in SEQUEL_VERBS or any(
        c.dep_ == "advmod" and c.lower_ in SEQUENCE_ADVERBS for c in verb.children
    )


def _bearing(word: Token) -> bool:
    """A direction word with its "of" reference ("north of Baghdad", "the outskirts of Homs")."""
    return word.lower_ in DIRECTION_WORDS and any(c.dep_ == "prep" and c.lower_ == "of" for c in word.children)


# Subordinators that set a clause beside the trigger's as another happening, not as its circumstance ("when
# militants hit the villages" says where the killing was; "while three were kidnapped in X" does not).
CONTRAST_MARKS = frozenset({"while", "whereas", "although", "though", "whilst"})


def _contrasted(clause: Token) -> bool:
    """An adverbial clause introduced by ", while" or "although" with a subject of its own: another event. A
    pronoun subject is the trigger's own participant ("shot him while he was riding in Trincomalee"): where it was."""
    mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ in CONTRAST_MARKS), None)
    if mark is None or not _own_subject(clause):
        return False
    if mark.lower_ in ("while", "whilst") and (mark.i == 0 or mark.nbor(-1).text != ","):
        return False  # "detonated while a patrol was passing near the park": at the same time, so the same place
    return not any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "PRON" for c in clause.children)


def _purpose(clause: Token) -> bool:
    """An infinitive clause of purpose on the trigger ("marched to demand ... in Geneva", "protested the plan to
    export gas to Mexico"): what it names is aimed at, not done, so its places are not the event's."""
    return clause.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def _after_comma(token: Token) -> bool:
    """A bare name right after a comma is an apposition the parse hung on the verb ("in Congo's capital,
    Kinshasa"), not a place the verb is at as a bare modifier ("captured off Mogadishu")."""
    name = token.left_edge
    return name.i > name.sent.start and name.nbor(-1).text == ","


def _circumstance(clause: Token, trigger: Token) -> bool:
    """A participle clause on the trigger with no subject of its own ("killed fighting in Qusayr", "shot while
    filming a clash on the outskirts of Oaxaca") tells what its subject was doing, and so where, when it happened."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children):
        return False
    if clause.dep_ == "xcomp" and clause.head.i != trigger.i and clause.head.pos_ == "VERB":
        return _circumstance(clause.head, trigger)  # "shot while waiting to interview figures in Abidjan"
    return clause.dep_ in ("advcl", "xcomp") and clause.head.i == trigger.i and clause.lower_.endswith("ing")


def _participant_doing(clause: Token, trigger: Token) -> bool:
    """A participle on the trigger's object saying what it was doing or where it was ("captured rebels hiding in
    the hills of X", "shot an officer walking near his home in Y"): where the object was when the event reached
    it; not a road's course ("patrolled the roads leading from Kibera"), which names where the road goes."""
    return (
        clause.dep_ == "acl"
        and clause.tag_ == "VBG"
        and clause.lemma_.lower() not in ROUTE_VERBS
        and clause.head.dep_ == "dobj"
        and clause.head.head.i == trigger.i
    )


# Verbs that give a road's or a line's course: "the road leading to X", "the bridge linking X with Y".
ROUTE_VERBS = frozenset({"lead", "link", "connect", "join", "run", "stretch", "border", "overlook", "face"})


def _gapped(verb: Token) -> bool:
    """A participle whose auxiliary the first conjunct gave: "were captured and 16 police (were) killed", which
    the parse reads either as a conjoined verb or as a participle on a noun conjoined to the first verb."""
    if verb.tag_ != "VBN" or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    first = verb.head
    if verb.dep_ == "acl" and first.dep_ == "conj" and first.pos_ in ("NOUN", "PROPN", "NUM"):
        first = first.head
    elif verb.dep_ != "conj":
        return False
    return first.pos_ == "VERB" and any(c.dep_ in ("aux", "auxpass") for c in first.children)


def _own_subject(verb: Token) -> bool:
    """A conjoined verb with a subject of its own, other than the elliptic "(killed) and six (others) wounded"."""
    if _gapped(verb):
        return False
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
    head = prep.head
    if word == "from":
        # "marched from Alexanderplatz", "two kilometres away from Cali", not "gunmen from Kandahar" (their origin)
        # nor "captured the Golan Heights from Syria" (whom it was taken from)
        if head.pos_ == "VERB":
            return head.lemma_.lower() not in DISPOSSESSING_VERBS
        return head.lower_ == "away"
    if word == "on" and head.pos_ in ("NOUN", "PROPN"):
        # "an attack on Sere Kaniye", "a ferry on Manila Bay", not "a statement on Iraq" (what it is about)
        return head.lemma_.lower() not in TOPIC_NOUNS
    if word == "between":
        # the ends of a stretch, not where on it ("the buffer zone between Georgia and Abkhazia", "fighting on the
        # border between Iraq and Iran"), nor the parties of "talks between Prodi and Putin"
        return False
    if word in LOCATIVE_PREPS or word in DIRECTION_WORDS:
        return True
    if word != "to":
        return word in ROUTE_PREPS
    if head.pos_ == "NOUN":
        # "the entrance to Heathrow", "the road to Kandahar" (ground that leads there), not "a voyage to Cuba",
        # "a note to Britain" (where a trip or a message is bound)
        return head.lemma_.lower() in PLACE_NOUNS | BOUNDARY_NOUNS | WAY_NOUNS
    return head.pos_ == "VERB" and head.lower_ not in ("according", "adding", "due")


# Ground that leads to a place: "to" after it names where it is ("at the entrance to the camp").
WAY_NOUNS = frozenset({"entrance", "gate", "gates", "approach", "approaches", "access", "way", "door", "doorstep"})


def _describes_place(clause: Token, above: list[Token]) -> bool:
    """A clause on a noun the trigger is located at describes that place: "at a shop they ran in Colombo",
    "at the checkpoint leading to the airport"; not on a noun the event reaches ("attacks on people who ...")."""
    if clause.dep_ not in ("relcl", "acl") or not above:
        return False
    noun = above[0]
    if noun.lemma_.lower() in EVENT_NOUNS:
        return False  # "in Tuesday's attack, which was followed by another explosion in Colombo"
    return noun.dep_ == "pobj" and _says_where(noun.head) and noun.head.lower_ not in TARGET_PREPS


# Prepositions that give where a motion ends: under a later act conjoined to the trigger, where that act took
# its participant, not where the trigger's event was.
GOAL_PREPS = frozenset({"to", "into", "onto", "toward", "towards"})
# Prepositions that give what an event reaches or heads for, not where it is: a clause on their noun describes
# that target ("attacks on people who speak Hindi"), not the event's place.
TARGET_PREPS = frozenset({"on", "onto", "to", "into", "toward", "towards", "from", "against"})


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
    """The place sits in a clause that does not contain the trigger: a subordinate one, or the clause of a report
    whose complement the trigger is in, where the report was made ("..., the group said in Paris", "told
    reporters in Kabul"). A place fronted before the report ("In Baghdad, police said ...") sets the scene for
    all of it, and one in the reporters' own phrase ("police in Kandahar said") tells where they are, as a wire
    story places an event by its local sources."""
    trigger_ancestors = {t.i for t in trigger.ancestors} | {trigger.i}
    start = below = token
    while token.head.i != token.i:
        if token.i in trigger_ancestors:
            break
        if token.dep_ in CLAUSE_DEPS:
            return True
        below = token
        token = token.head
    if below.dep_ in ("nsubj", "nsubjpass"):
        return False  # "police in Kandahar said ...": local sources, where reporters place the event
    step = trigger
    while step.i != token.i and step.head.i != step.i:
        if step.dep_ in ("ccomp", "parataxis"):
            return not _fronted(start, token)
        step = step.head
    return False


def _fronted(token: Token, clause: Token) -> bool:
    """The place's phrase hangs from `clause` ahead of its subject ("In Lima today, sources reported ...")."""
    prep = _governing_prep(token)
    if prep is None or prep.head.i != clause.i:
        return False
    subjects = [c.left_edge.i for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    return prep.i < min([clause.i, *subjects])


def _located(best: _Candidate, candidates: list[_Candidate], index: MentionLookup) -> EventPlace:
    """The event's place record. A name no gazetteer knows keeps its span and takes the point of the most
    specific known place attached with it ("the village of Ashmi ... of Kobane"), at precision 2 or coarser;
    with none, its coordinates stay null."""
    mention = best.mention
    span = _with_conjuncts(best.tokens, mention, index)
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


def _with_conjuncts(tokens: SpacySpan, mention: PlaceMention, index: MentionLookup) -> Span:
    """The place's span as the text writes it: "in Syria and Iraq", "the towns of Nyabibwe and Dutu". The event's
    place record stays the first name; the span runs on over the places coordinated with it, which share its
    preposition and so its role. A coordinated name counts when the places stage read it as a place, or when a
    plural place noun ("towns", "districts") says every name in the list is one."""
    doc = tokens.doc
    listed = _plural_place_noun(tokens.root)
    end = tokens.end
    kind = doc[end] if end < tokens.sent.end and tokens.end_char == mention.end else None
    if kind is not None and kind.is_title and kind.lower_ in TITLED_KINDS:
        end += 1  # "Helmand Province", "the Karkh District": the capitalised kind is part of the name as written
    if end == tokens.end and tokens.end_char == mention.end:
        end = _hyphened_end(doc, end, tokens.sent.end, index.places_at)
    token = tokens.root
    for _ in range(8):
        following = [c for c in token.children if c.dep_ == "conj" and c.pos_ == "PROPN" and c.i >= end]
        if not following or following[0].i in index.actors_at:
            break
        token = following[0]
        place = index.places_at.get(token.i)
        if place is not None:
            last = doc.char_span(place.start, place.end, alignment_mode="expand")
            end = max(end, last.end if last is not None else token.i + 1)
        elif listed:
            run = _name_run(token)
            stop = next((t.i for t in run if t.i > token.i and t.ent_type_ in NOT_PLACE_LABELS), run.end)
            end = max(end, stop)
        else:
            break
    begin = _titled_kind_before(tokens, mention)
    if end == tokens.end and begin == mention.start:
        return Span(mention.start, mention.end, mention.text)
    last_token = doc[end - 1]
    stop_char = last_token.idx + len(last_token.text) if end > tokens.end else mention.end
    return Span(begin, stop_char, parsed_text(doc)[begin:stop_char])


# Capitalised kinds that open a name with "of": "the Gulf of Oman", "the Straits of Malacca", "the Bay of Bengal".
KINDS_BEFORE_OF = frozenset(
    {"gulf", "bay", "strait", "straits", "sea", "isle", "isles", "cape", "lake", "mount", "horn", "port"}
)


def _titled_kind_before(tokens: SpacySpan, mention: PlaceMention) -> int:
    """Where the name starts when a capitalised kind and "of" open it ("Gulf of" in "the Gulf of Oman", which
    the gazetteer may read as "Oman" alone): the kind is part of the name as written."""
    doc = tokens.doc
    start = tokens.start
    if start - 2 < tokens.sent.start or tokens.start_char != mention.start or doc[start - 1].lower_ != "of":
        return mention.start
    kind = doc[start - 2]
    return kind.idx if kind.is_title and kind.lower_ in KINDS_BEFORE_OF else mention.start


def _hyphened_end(doc: Doc, end: int, stop: int, places_at: dict[int, PlaceMention]) -> int:
    """Where a name runs on across hyphens the gazetteer's shorter name stopped at: "Mazar" of "Mazar-e-Sharif",
    "Port" of "Port-au-Prince". A part counts when it is capitalised, or a short particle hyphened on ("e-",
    "au-", "al-"); not "Syria-linked" (vetoed earlier as a modifier), nor a place of its own ("Gaza-Egypt")."""
    while end + 1 < stop and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_:
        part = doc[end + 1]
        if part.i in places_at:
            break
        particle = part.is_lower and part.is_alpha and len(part) <= 3 and not part.whitespace_
        joined = particle and end + 3 < stop and doc[end + 2].text == "-" and doc[end + 3].is_title
        if not ((part.is_title and part.is_alpha) or joined):
            break
        end += 2
    return end


# Kinds of place that, capitalised after a name, are part of it ("Helmand Province", "Basra City", "the Potomac
# River", "the Ural Mountains"); lowercase ("Basra city") they describe it and stay out of its span.
TITLED_KINDS = frozenset(
    {
        "province", "district", "governorate", "prefecture", "municipality", "city", "county", "region", "town",
        "village", "area", "camp", "river", "sea", "gulf", "bay", "lake", "coast", "island", "islands", "peninsula",
        "mountain", "mountains", "heights", "valley", "plateau", "strait", "straits", "castle", "canal", "desert",
    }
)  # fmt: skip


def _plural_place_noun(name: Token) -> bool:
    """ "the towns of X and Y", "the X and Y districts": the noun that names the list is a plural place noun."""
    head = name.head
    if name.dep_ == "pobj" and head.lower_ == "of":
        head = head.head
    return head.tag_ in ("NNS", "NNPS") and head.lemma_.lower() in PLACE_NOUNS | {"settlement", "site", "area"}


def _object_of(head: Token, trigger: Token, passive: bool = True) -> bool:
    """The place is what the trigger acts on: "captured Jaffna", "patrolled Venezuela's oil installations";
    with `passive`, also "Gibraltar was captured" (not for unknown names: "Kupczyk ... was shot")."""
    if head.dep_ == "poss" and head.head.i != head.i:
        head = head.head
    # a passive subject is the place only when the verb takes ground: "Gibraltar was captured", not "Urfa, Turkey
    # -- Commander ... was killed" (a dateline the parse made the subject)
    # and an object is a place only when the verb takes ground: "shot Oudeh" names a person the gazetteer knows as
    # a town
    if trigger.lemma_.lower() not in TERRAIN_VERBS | STRIKE_VERBS:
        return False
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


DATELINE_DASHES = ("--", "\u2014", "\u2013")  # "SAN SALVADOR, 12 JAN 90 (ACAN-EFE) --", "BAGHDAD, Iraq (AP) \u2014"
DATELINE_REACH = 150  # characters from the start of the text within which a dateline ends


def dateline_place(doc: Doc, places_at: dict[int, PlaceMention]) -> tuple[PlaceMention, int] | None:
    """The resolved place a dateline opens the article with, and where the dateline ends. Where a report was
    filed is often, not always, where its events happened: the events stage uses it only for an event whose
    own sentence names no place, and marks it as a fallback."""
    text = parsed_text(doc)[:DATELINE_REACH]
    ends = [i for i in (text.find(dash) for dash in DATELINE_DASHES) if i > 0]
    if not ends:
        return None
    end = min(ends)
    opening = len(text) - len(text.lstrip())
    for i in sorted(places_at):
        mention = places_at[i]
        if mention.start >= end or mention.start > opening:
            break
        if mention.start == opening and mention.place is not None and mention.place.feature in DATELINE_FEATURES:
            return mention, end
    return None


DATELINE_FEATURES = frozenset({"city", "admin2", "admin1"})  # "CLANDESTINE" and country-only datelines say little
