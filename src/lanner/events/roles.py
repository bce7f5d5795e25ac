"""Who did it and to whom: source and target actors from the trigger's syntax, not from word order.

Handles active and passive clauses ("X attacked Y", "Y was attacked by X"), nominal triggers
("X's attack on Y", "an attack by X", "the X attack"), light verbs ("X carried out an attack"),
coordination ("X and Y attacked"), and clauses that inherit their subject ("X vowed to attack Y").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from lanner.actors.knowledge_base import is_generic

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from lanner.records import Event

# Verbs that carry a nominal trigger: "carried out an attack", "launched an offensive", "held talks".
LIGHT_VERBS = frozenset(
    {
        "carry",
        "press",
        "renew",
        "escalate",
        "try",
        "attempt",
        "plan",
        "threaten",
        "prepare",
        "fail",
        "launch",
        "conduct",
        "stage",
        "mount",
        "claim",
        "hold",
        "impose",
        "issue",
        "make",
        "express",
        "sign",
        "reach",
        "provide",
        "send",
        "deliver",
        "step",
        "lead",
        "begin",
        "start",
        "perpetrate",
        "commit",
        "order",
        "announce",
        "give",
        "grant",
        "offer",
        "extend",
        "voice",
        "level",
        "file",
        "open",
        "wage",
        "execute",
        "undertake",
        "organize",
        "organise",
        "call",
        "declare",
        "intensify",
        "continue",
        "resume",
        "unleash",
        "direct",
        "pour",
    }
)
# Verbs that put their subject in the state an "on" phrase names: "went on strike", "remain on hunger strike",
# "arrived on an official visit".
STATE_VERBS = frozenset({"go", "be", "remain", "stay", "come", "walk", "arrive", "travel", "fly", "head", "embark"})
# Nouns that count a trigger between a light verb and it: "carried out a series of airstrikes".
QUANTITY_NOUNS = frozenset({"total", "number", "series", "wave", "barrage", "string", "spate", "round", "volley"})
# Prepositions that introduce the target of an event ("attack on", "fired at", "met with").
TARGET_PREPS = frozenset({"on", "against", "at", "upon", "with", "to", "toward", "towards", "into", "of"})
# Phrase-internal dependencies: tokens reached through these belong to the same actor phrase.
PHRASE_DEPS = frozenset({"compound", "amod", "poss", "nmod", "det", "conj", "appos", "nummod", "quantmod"})
# Nouns for people who speak or act for a body named with "for" or "from": "a spokesman for the Kremlin" is the
# Kremlin, "a delegation from North Korea" North Korea's.
REPRESENTATIVE_NOUNS = frozenset(
    {
        "spokesman", "spokeswoman", "spokesperson", "representative", "envoy", "emissary", "negotiator", "official",
        "delegate", "delegation", "diplomat", "ambassador",
    }
)  # fmt: skip

# Nouns whose parties are named with "between"/"among": a mediator's or host's targets.
BETWEEN_NOUNS = frozenset({"mediation", "effort", "talks", "talk", "negotiation", "meeting", "dialogue", "contact"})
# Nouns a trigger noun can modify that carry its "between" phrase ("a mediation effort between X and Y").
BETWEEN_HEADS = frozenset({"effort", "efforts", "bid", "mission", "initiative", "attempt", "process", "role"})
# A passive harm verb names the attack that did it with these: "killed in regime shelling", "by an air strike".
MEANS_PREPS = frozenset({"in", "by", "during", "from", "after"})
# Nouns naming an attack by its means, whose modifiers and "by" phrase name who attacked.
MEANS_NOUNS = frozenset(
    {
        "strike",
        "airstrike",
        "raid",
        "shelling",
        "bombardment",
        "bombing",
        "attack",
        "assault",
        "offensive",
        "fire",
        "gunfire",
        "shell",
        "rocket",
        "missile",
        "barrel",
        "bomb",
        "sniper",
        "ambush",
        "operation",
        "warplane",
        "jet",
        "helicopter",
        "drone",
    }
)
# Harm verbs a headline uses as a passive without its auxiliary ("30 terrorists killed in Raqqa").
HEADLINE_PASSIVE_VERBS = frozenset({"kill", "injure", "wound", "execute", "behead", "massacre", "slaughter", "murder"})
# Conjunctions of a time clause that can say how victims were harmed: "killed when ...", "after ...".
ATTACK_CLAUSE_MARKS = frozenset({"when", "as", "after"})
# Nouns for fighting between sides: those killed in it were killed by the side named with "with".
CLASH_NOUNS = frozenset({"clash", "fighting", "battle", "confrontation", "skirmish", "firefight", "gunbattle"})
# Adjectives that tie people to the side they act for: "forces loyal to the president", "allied with".
ALLEGIANCE_WORDS = frozenset({"loyal", "allied", "affiliated", "aligned"})
# Nouns for a stance its holder takes towards doing something ("expressed willingness to cooperate"): the
# holder, their possessor or the subject of the verb they are the object of, is who would do it.
STANCE_NOUNS = frozenset(
    {
        "willingness", "readiness", "preparedness", "desire", "intention", "intent", "determination",
        "commitment", "wish", "resolve", "eagerness", "unwillingness", "reluctance", "refusal",
    }
)  # fmt: skip
# Nouns for a step taken towards doing something ("took steps to ease restrictions"): with a verb of taking or
# making them, the one who takes them does it.
ACTION_NOUNS = frozenset({"step", "measure", "move", "effort"})
ACTION_TAKING_VERBS = frozenset({"take", "make", "launch", "begin", "start", "announce", "adopt", "intensify"})
# Participles that state their subject's own stance after "is": "is opposed to", "is committed to".
STANCE_PARTICIPLES = frozenset({"oppose", "commit", "determine", "dedicate", "resolve", "prepare", "devote"})
# Accusations name what is complained of with these: "complained to the UN over Israeli air raids".
GRIEVANCE_PREPS = frozenset({"over", "about"})

ActorLookup = Callable[["Token"], list[str]]
# Verb forms the parser's lemmatiser gets wrong ("staged" → "stag"), read as the verb they are.
LEMMA_FIXES = {"staged": "stage", "staging": "stage"}


def verb_lemma(token: Token) -> str:
    """The lower-cased lemma of a verb, corrected where the lemmatiser is known to err."""
    return LEMMA_FIXES.get(token.lower_) or token.lemma_.lower()


@dataclass(frozen=True)
class Roles:
    source: tuple[str, ...]
    target: tuple[str, ...]


def phrase_tokens(head: Token, *, of_complements: bool = True) -> Iterable[Token]:
    """The noun phrase of `head`, with coordinated phrases and (unless told not to) "of"-complements and the
    "for" or "from" complement of a representative ("a spokesman for the Kremlin"), without clauses."""
    stack = [head]
    while stack:
        token = stack.pop()
        yield token
        for child in token.children:
            dep = child.dep_  # read once: each read builds a string
            if dep in PHRASE_DEPS and not _place_of_blast(child, token):
                stack.append(child)
            elif of_complements and dep == "prep" and _complement_names_whose(child, token):
                stack.extend(grand for grand in child.children if grand.dep_ == "pobj")


def _complement_names_whose(prep: Token, noun: Token) -> bool:
    """Whether a prepositional phrase on a noun names whom the noun's people belong to or speak for: "members of
    Hamas", "a spokesman for the Kremlin", "a delegation from North Korea" (but not "troops for Liberia", nor
    "refugees from Syria")."""
    return prep.lower_ == "of" or (prep.lower_ in ("for", "from") and noun.lemma_.lower() in REPRESENTATIVE_NOUNS)


def _phrase_actors(head: Token, lookup: ActorLookup) -> list[str]:
    """Actors a phrase names, in text order. "The Turkish and Greek sides of Cyprus": when the phrase names a
    specific actor before any "of", the "of"-complement says where or what they belong to, not who acts;
    "the government of Iraq", "members of Hamas" name their actor only there."""
    own = [a for t in sorted(phrase_tokens(head, of_complements=False), key=lambda t: t.i) for a in lookup(t)]
    if any(not is_generic(actor_id) for actor_id in own):
        return own
    return [actor_id for token in sorted(phrase_tokens(head), key=lambda t: t.i) for actor_id in lookup(token)]


def _actors_in(heads: Iterable[Token], lookup: ActorLookup) -> list[str]:
    found: list[str] = []
    for head in heads:
        # in text order: "a regime barrel bomb attack and rebel rocket fire" names the regime first
        here = _phrase_actors(head, lookup)
        if all(is_generic(actor_id) for actor_id in here):
            # "forces loyal to President Gbagbo", "militiamen loyal to Aidid": whose side they fight on
            here = _allegiance(head, lookup) or here
        if here and all(is_generic(actor_id) for actor_id in here):
            here = _named_origin(head, lookup) or here  # "jihadists from the Islamic State": the named group
        for actor_id in here:
            if actor_id not in found:
                found.append(actor_id)
    return found


def _allegiance(head: Token, lookup: ActorLookup) -> list[str]:
    """Named actors a phrase says its people are loyal or allied to ("fighters loyal to al-Zarqawi", "militias
    allied with the government"): the side they act for, a state's government included, unless a named group
    or person is there ("loyal to Iraq's al-Qaeda leader": the country only says where the group is)."""
    found = [
        actor_id
        for adjective in head.children
        if adjective.dep_ == "amod" and adjective.lemma_.lower() in ALLEGIANCE_WORDS
        for obj in _prep_objects(adjective, frozenset({"to", "with"}))
        for token in phrase_tokens(obj)
        for actor_id in lookup(token)
        if not is_generic(actor_id)
    ]
    named = [actor_id for actor_id in found if "." not in actor_id]  # state actor ids are "<country>.<role>"
    return named or found


def _named_origin(head: Token, lookup: ActorLookup) -> list[str]:
    """Named actors a generic agent's phrase says it comes from ("militants from ISIL", "gunmen of al-Shabaab");
    state actors are left out, since "refugees from Syria" are not Syria's government."""
    return [
        actor_id
        for obj in _prep_objects(head, frozenset({"from"}))
        for token in phrase_tokens(obj)
        for actor_id in lookup(token)
        if not is_generic(actor_id) and "." not in actor_id  # state actor ids are "<country>.<role>"
    ]


def _subjects(verb: Token) -> list[Token]:
    """The verb's subjects. "The Red Cross operating in Iraq said": the parser makes the participle the subject;
    the participle's own subject is who acts."""
    found: list[Token] = []
    for child in verb.children:
        if child.dep_ not in ("nsubj", "csubj", "expl"):
            continue
        inner = [g for g in child.children if g.dep_ == "nsubj"] if child.tag_ == "VBG" else []
        found += inner or [child]
    if not found and verb.pos_ in ("VERB", "AUX") and not any(c.dep_ == "nsubjpass" for c in verb.children):
        found = _fronted_subjects(verb)
    return found


def _fronted_subjects(verb: Token) -> list[Token]:
    """ "With the signing of a memorandum, the government and the rebels have agreed": the parser may join the
    subject to the fronted phrase as one more conjunct. A conjunct inside a phrase before the verb that opens
    after its comma and runs up to the verb (or its auxiliaries) is the verb's subject."""
    doc = verb.doc
    start = min([verb.i, *(c.i for c in verb.children if c.dep_ in ("aux", "neg") and c.i < verb.i)])
    for child in verb.children:
        if child.dep_ != "prep" or child.i > start:
            continue
        for token in child.subtree:
            if token.dep_ != "conj" or token.pos_ not in ("NOUN", "PROPN"):
                continue
            left = token.left_edge.i
            if left > 0 and doc[left - 1].text == "," and token.right_edge.i + 1 == start:
                return [token]
    return []


def _agents(verb: Token) -> list[Token]:
    return [
        grand
        for child in verb.children
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by")
        for grand in child.children
        if grand.dep_ == "pobj"
    ]


def _inherited_subjects(verb: Token) -> list[Token]:
    """Subjects a clause takes from the verb that governs it ("ISIS vowed to attack", "attacked and killed",
    "Turkey is opposed to", parsed as a copula with its participle)."""
    token = verb
    through_gerund = False
    for _ in range(5):
        noun = token.head.lemma_.lower() if _noun_infinitive(token) else ""
        if noun in STANCE_NOUNS:
            return _stance_holders(token.head)
        if noun in ACTION_NOUNS:
            taken = token.head.dep_ == "dobj" and token.head.head.lemma_.lower() in ACTION_TAKING_VERBS
            return _stance_holders(token.head) if taken else []
        if token.dep_ not in ("xcomp", "conj", "advcl", "ccomp", "acomp", "pcomp", "prep") or token.head.i == token.i:
            return []
        through_gerund |= token.dep_ == "pcomp"
        # "has been indicted by the court and will resign": a joined or controlled verb of its own voice has the
        # passive's subject; "was summoned by Egypt and asked to explain" shares the passive too (a bare participle)
        shares_subject = token.dep_ in ("conj", "xcomp") and not _shares_passive(token)
        token = token.head
        if token.dep_ == "prep" and token.head.pos_ in ("NOUN", "PROPN"):
            return []  # "the risk of attacking": a noun's complement has no subject to inherit
        if through_gerund and token.pos_ in ("VERB", "AUX") and any(c.dep_ == "dobj" for c in token.children):
            return []  # "condemned Israel for attacking", "accused X of killing": the object did it, not the subject
        patients = [c for c in token.children if c.dep_ == "nsubjpass"] if shares_subject else []
        if patients:
            return patients  # "X has been indicted by the court and will resign", "X was asked by Y to leave"
        subjects = _subjects(token) or _agents(token)
        if subjects:
            return subjects
    return []


def _reduced_conditional_passive(verb: Token) -> bool:
    """ "if attacked", "unless provoked", "when asked": a participle under a subordinating conjunction with no
    subject or object of its own is a passive whose subject is the governing clause's."""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBN"
        and any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "when", "once") for c in verb.children)
        and not any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "aux", "auxpass") for c in verb.children)
    )


def _shares_passive(verb: Token) -> bool:
    """A verb joined to a passive with neither an auxiliary nor an object of its own ("was attacked and burned",
    "was summoned and asked to explain", the tagger often reading a past tense) is read as passive too."""
    return verb.dep_ == "conj" and not any(c.dep_ in ("aux", "auxpass", "dobj") for c in verb.children)


def _noun_infinitive(verb: Token) -> bool:
    """Whether a verb is a to-clause hanging on a noun ("willingness to cooperate", "measures to restore")."""
    return verb.dep_ in ("acl", "relcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _stance_holders(noun: Token) -> list[Token]:
    """Who holds a stance noun: "Iran's willingness", or the subject of "Iran expressed its willingness"."""
    owners = [child for child in noun.children if child.dep_ == "poss" and child.lower_ not in POSSESSIVE_PRONOUNS]
    if owners or noun.dep_ != "dobj":
        return owners
    return _subjects(noun.head) or _inherited_subjects(noun.head)


PERSONAL_PRONOUNS = frozenset({"he", "she", "it", "they", "we"})
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "its", "their", "our"})


def _speaker_subjects(verb: Token) -> list[Token]:
    """ "X said they would meet Y": a pronoun subject of a reported clause stands for the reporting clause's
    subject (or agent: "X was quoted as saying he would ..."), the nearest one up the clause chain."""
    token = verb
    for _ in range(5):
        if token.head.i == token.i or token.dep_ not in (
            "ccomp",
            "xcomp",
            "advcl",
            "conj",
            "pcomp",
            "pobj",
            "acomp",
            "prep",
        ):
            return []
        token = token.head
        heads = [t for t in _subjects(token) + _agents(token) if t.lower_ not in PERSONAL_PRONOUNS]
        heads += [child for child in token.children if child.dep_ == "nsubjpass"] if not heads else []
        if heads:
            return heads
    return []


def _prep_objects(token: Token, preps: frozenset[str]) -> list[Token]:
    """Objects of the token's prepositions; "gave a welcome to X" is parsed with "to" as a dative, not a prep."""
    found: list[Token] = []
    for child in token.children:
        if child.dep_ not in ("prep", "dative") or child.lower_ not in preps:
            continue
        objects = [grand for grand in child.children if grand.dep_ == "pobj"]
        found += objects or _stranded_object(child)
    return found


def _stranded_object(prep: Token) -> list[Token]:
    """ "granted asylum to five officers holed up in a residence": before a reduced relative clause the parser
    makes the preposition's noun the subject of the participle, leaving the preposition with no object."""
    doc = prep.doc
    for token in doc[prep.i + 1 : min(prep.i + 7, len(doc))]:
        if token.pos_ in ("VERB", "AUX", "PUNCT", "ADP"):
            return []
        if (
            token.dep_ in ("nsubj", "nsubjpass")
            and token.head.i > token.i
            and token.head.tag_ in ("VBN", "VBD")
            and token.head.dep_ in ("advcl", "acl", "relcl", "conj", "ccomp")
        ):
            return [token]
    return []


def _quantified_objects(verb: Token) -> list[Token]:
    """ "kidnapped up to 16 Russian advisers": the parser hangs the object on "up to", not on the verb."""
    return [
        grand
        for child in verb.children
        if child.dep_ in ("prt", "advmod") and child.lower_ == "up"
        for prep in child.children
        if prep.dep_ == "prep" and prep.lower_ == "to"
        for grand in prep.children
        if grand.dep_ == "pobj"
    ]


def verb_roles(verb: Token, lookup: ActorLookup, *, grievance: bool = False) -> Roles:
    """Source and target of a trigger verb. With `grievance` (accusations), what is complained of ("over
    Israeli air raids") is the target rather than whom the complaint is made to ("to the United Nations")."""
    passive = any(child.dep_ in ("nsubjpass", "auxpass") for child in verb.children)
    if passive and verb.lemma_.lower() in STANCE_PARTICIPLES and not _agents(verb):
        passive = False  # "Israel is opposed to French mediation": a stance its subject takes, not a passive
    headline_passive = not passive and (_headline_passive(verb) or _agent_participle(verb))
    if passive or headline_passive:
        source_heads = _agents(verb)
        target_heads = [child for child in verb.children if child.dep_ in ("nsubjpass", "nsubj")]
    elif _reduced_conditional_passive(verb):
        passive = True  # "would retaliate if attacked": the governing clause's subject is who would be attacked
        source_heads = []
        target_heads = _subjects(verb.head) or _inherited_subjects(verb.head)
    elif verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.lemma_.lower() in HEADLINE_PASSIVE_VERBS:
        passive = True  # "30 IS fighters killed in Russian air strikes": the participle's noun is the victim
        source_heads = _agents(verb)
        target_heads = [verb.head]
    else:
        source_heads = _subjects(verb) or _inherited_subjects(verb)
        source_heads = source_heads or [child for child in verb.children if child.dep_ == "nsubjpass"]
        target_heads = [child for child in verb.children if child.dep_ in ("dobj", "dative")]
        target_heads += _quantified_objects(verb) or _shifted_objects(verb)
    target_heads += _prep_objects(verb, TARGET_PREPS - {"of"})
    # "halt mediation efforts among Serbia's republics": the parties of a mediation named as the object
    target_heads += [
        obj
        for head in target_heads
        if head.lemma_.lower() in BETWEEN_NOUNS or head.lemma_.lower() in BETWEEN_HEADS
        for obj in _prep_objects(head, frozenset({"between", "among", "amongst"}))
    ]
    # "granted asylum to X", "lifted sanctions on X": the object noun's own target phrase
    target_heads += _prep_objects_of(target_heads, frozenset({"to", "on", "against", "with", "toward", "towards"}))
    source = _actors_in(source_heads, lookup)
    if not source and source_heads and all(t.lower_ in PERSONAL_PRONOUNS for t in source_heads):
        source = _actors_in(_speaker_subjects(verb), lookup)
    if not source:  # "air strikes carried out by Russian warplanes killed 20", "were killed in regime shelling"
        # "killed and many injured in Russian air strikes": the means phrase may hang on the coordinated verb
        joined = [verb, *(child for child in verb.children if child.dep_ == "conj" and child.pos_ == "VERB")]
        means = (
            source_heads
            if not (passive or headline_passive)
            else source_heads + [obj for word in joined for obj in _prep_objects(word, MEANS_PREPS)]
        )  # the passive's agent may itself be the means: "hit by a bomb attack dropped by the regime"
        source = _actors_in(_means_agents(means), lookup)
    if not source and (passive or headline_passive):
        source = _actors_in(_attacking_clause_agents(verb), lookup)  # "killed when regime forces dropped bombs"
    target = [actor for actor in _actors_in(target_heads, lookup) if actor not in source]
    if grievance:
        complained_of = [actor for actor in _actors_in(_prep_objects(verb, GRIEVANCE_PREPS), lookup)]
        target = [actor for actor in complained_of if actor not in source] or target
    if not target:  # "suspended part of a military aid program for Bosnia": the object's beneficiary
        objects = [child for child in verb.children if child.dep_ in ("dobj", "dative")]
        inner = [obj for head in objects for obj in _prep_objects(head, frozenset({"of"}))]
        aimed = _prep_objects_of(inner, frozenset({"to", "on", "against", "with", "toward", "towards", "for"}))
        aimed += _prep_objects_of(objects, frozenset({"for"}))
        target = [actor for actor in _actors_in(aimed, lookup) if actor not in source]
    if not target:  # "rejected calls by Belarus": whoever made what is rejected, condemned, accepted
        makers = _prep_objects_of(target_heads, frozenset({"by"}))
        # "prevented the demonstration staged by students", "rejected the plan put forward by Iran"
        makers += [
            agent
            for head in target_heads
            for clause in head.children
            if clause.dep_ == "acl"
            for agent in _agents(clause)
        ]
        target = [actor for actor in _actors_in(makers, lookup) if actor not in source]
    if not target:
        target = [actor for actor in _intended_targets(verb, lookup) if actor not in source]
    if not target:  # "demanded that the Sudanese government end curbs": who is to act
        clauses = [child for child in verb.children if child.dep_ == "ccomp"]
        heads = [g for clause in clauses for g in clause.children if g.dep_ in ("nsubj", "nsubjpass")]
        target = [actor for actor in _actors_in(heads, lookup) if actor not in source]
    return Roles(tuple(source), tuple(target))


def _shifted_objects(verb: Token) -> list[Token]:
    """ "denounced as an ugly crime Serbia's suppression of the unrest": a heavy object moved after its "as"
    phrase is parsed as that phrase's apposition; it is the verb's object."""
    if any(child.dep_ in ("dobj", "dative") for child in verb.children):
        return []
    return [
        appos
        for obj in _prep_objects(verb, frozenset({"as"}))
        for appos in obj.children
        if appos.dep_ == "appos" and appos.i > obj.i
    ]


def _agent_participle(verb: Token) -> bool:
    """ "Syrian airbase struck by US missiles": a headline's participle with a by-agent and no object is a
    passive without its auxiliary, though the parser calls its noun the subject; only a passive has an agent."""
    children = list(verb.children)
    return (
        verb.tag_ == "VBN"
        and verb.dep_ != "acl"  # "fighters killed by ...": the noun it modifies is the victim (see `verb_roles`)
        and any(child.dep_ == "agent" for child in children)
        and not any(child.dep_ in ("dobj", "aux") for child in children)
    )


def _headline_passive(verb: Token) -> bool:
    """ "70 ISIS terrorists killed in Syrian and Russian air strikes": a headline drops the auxiliary, and the
    parser reads the victims as the subject. A harm verb with a subject but no object, no auxiliary and no
    clause of its own, in a clause with no object either ("ISIS killed and wounded 20" has one), is passive."""
    if verb.lemma_.lower() not in HEADLINE_PASSIVE_VERBS or verb.tag_ not in ("VBD", "VBN"):
        return False
    if not any(child.dep_ == "nsubj" for child in verb.children):
        return False
    clause = [verb, *(child for child in verb.children if child.dep_ == "conj")]
    if verb.dep_ == "conj":
        clause.append(verb.head)
    blocking = ("dobj", "dative", "aux", "ccomp", "xcomp", "attr", "oprd", "prt")
    children = [child for word in clause for child in word.children]
    # with a phrase or clause saying where, by what or by whom ("killed in ...", "killed when a bomb exploded"):
    # "the militants killed and fled" stays active
    said_how = any(c.dep_ in ("prep", "agent") for c in children) or bool(_attacking_clause_agents(verb))
    return not any(child.dep_ in blocking for child in children) and said_how


def _attacking_clause_agents(verb: Token) -> list[Token]:
    """ "were killed when barrel bombs were dropped by regime forces", "killed after DAESH shot down a helicopter":
    a passive harm verb's time clause tells who attacked."""
    found: list[Token] = []
    for clause in verb.children:
        if clause.dep_ != "advcl" or not any(
            c.dep_ in ("mark", "advmod") and c.lower_ in ATTACK_CLAUSE_MARKS for c in clause.children
        ):
            continue
        if any(child.dep_ in ("nsubjpass", "auxpass") for child in clause.children):
            found += _agents(clause)
        else:
            found += _subjects(clause)
    return found


def _means_noun(token: Token) -> bool:
    """Whether a word names an attack by its means. A headline's capitals ("70 Killed in Syrian and Russian
    Airstrikes") make the tagger read a proper noun, whose lemma keeps its plural: still the attack noun."""
    lemma = token.lemma_.lower()
    if token.pos_ == "NOUN":
        return lemma in MEANS_NOUNS
    if token.pos_ != "PROPN" or not token.text[:1].isupper():
        return False
    return lemma in MEANS_NOUNS or (lemma.endswith("s") and lemma[:-1] in MEANS_NOUNS)


def _means_agents(heads: list[Token]) -> list[Token]:
    """Who wields the attack named as a verb's subject or means: "regime shelling", "Russian air strikes",
    "strikes by the coalition", "air strikes carried out by Syrian or Russian warplanes", "an attack believed to
    be by government jets"; and who fought the victims: "killed in clashes with IS"."""
    found: list[Token] = []
    for head in heads:
        lemma = head.lemma_.lower()
        if lemma in CLASH_NOUNS:
            found += _prep_objects(head, frozenset({"with", "against"}))
            continue
        if not _means_noun(head):
            following = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
            if head.dep_ == "pobj" and following is not None and following.lemma_.lower() in MEANS_NOUNS:
                found.append(head)  # "killed in regime shelling", parsed as "killed in regime" + a clause
            continue
        found += [child for child in head.children if child.dep_ in ("compound", "amod", "nmod", "poss")]
        found += _prep_objects(head, frozenset({"by", "from"}))
        for clause in (child for child in head.children if child.dep_ == "acl"):
            found += _agents(clause)
            for inner in (grand for grand in clause.children if grand.dep_ == "xcomp"):
                found += _agents(inner) or _prep_objects(inner, frozenset({"by"}))
                found += [agent for deeper in inner.children if deeper.dep_ == "xcomp" for agent in _agents(deeper)]
    return found


def _prep_objects_of(heads: list[Token], preps: frozenset[str]) -> list[Token]:
    return [obj for head in heads if head.pos_ in ("NOUN", "PROPN") for obj in _prep_objects(head, preps)]


def _intended_targets(verb: Token, lookup: ActorLookup) -> list[str]:
    """ "X threatened to cut ties with Y", "X agreed to lift the embargo on Y": a verb of intent takes the
    target of the action it announces (its to-clause, or the to-clause of its adjective)."""
    clauses = [child for child in verb.children if child.dep_ == "xcomp"]
    clauses += [
        grand for child in verb.children if child.dep_ == "acomp" for grand in child.children if grand.dep_ == "xcomp"
    ]
    # one level further down: "willing to send material to help defend Saudi Arabia"
    clauses += [grand for clause in clauses for grand in clause.children if grand.dep_ in ("xcomp", "advcl")]
    clauses += [grand for clause in clauses[-2:] for grand in clause.children if grand.dep_ == "xcomp"]
    for clause in clauses[:5]:
        if clause.pos_ not in ("VERB", "AUX"):
            continue
        heads = [child for child in clause.children if child.dep_ in ("dobj", "dative")]
        heads += _prep_objects(clause, TARGET_PREPS - {"of"})
        heads += _prep_objects_of(heads, frozenset({"to", "on", "against", "with", "toward", "towards"}))
        found = _actors_in(heads, lookup)
        if found:
            return found
    return []


def purpose_targets(trigger: Token, lookup: ActorLookup) -> list[str]:
    """ "began a hunger strike to protest against Sweden's decision", "blocked a road to demand the return of
    property seized by government forces": whom a protest is aimed at, named in its clause of purpose."""
    verb = trigger
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("dobj", "pobj"):
        verb = trigger.head.head if trigger.dep_ == "pobj" else trigger.head  # "began a strike", "went on strike"
    clauses = [
        child
        for word in dict.fromkeys((verb, trigger))  # "a hunger strike to protest ..." hangs on the noun
        for child in word.children
        if child.dep_ in ("advcl", "xcomp", "acl", "relcl")
        and child.pos_ == "VERB"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
    ]
    for clause in clauses:
        heads = [child for child in clause.children if child.dep_ in ("dobj", "dative")]
        heads += _prep_objects(clause, TARGET_PREPS - {"of"})
        heads += _prep_objects_of(heads, frozenset({"for", "against", "of", "on", "over"}))
        heads += [
            agent
            for head in list(heads)
            for word in phrase_tokens(head)
            for acl in word.children
            if acl.dep_ == "acl"
            for agent in _agents(acl)
        ]  # "property seized by government forces"
        found = _actors_in(heads, lookup)
        if found:
            return found
    return []


# Nouns for a bomb going off: a place name before them says where, not who set it ("Syria car bomb").
BLAST_NOUNS = frozenset({"bomb", "bombing", "blast", "explosion", "bomber"})


def _place_of_blast(modifier: Token, noun: Token) -> bool:
    """ "12 dead in Syria car bomb", "Iraq bombings": a place name compounded with a bomb noun (or with the word
    the bomb noun heads: "Syria car bomb") says where it went off; bombs are seldom a state's weapon, and a
    demonym ("Syrian bombing") or possessive ("Syria's bombing") keeps its reading."""
    if modifier.dep_ != "compound" or modifier.pos_ != "PROPN" or modifier.ent_type_ not in ("GPE", "LOC"):
        return False
    return noun.lemma_.lower() in BLAST_NOUNS


def noun_roles(noun: Token, lookup: ActorLookup) -> Roles:
    source_heads = [
        child
        for child in noun.children
        if child.dep_ in ("poss", "compound", "amod", "nmod") and not _place_of_blast(child, noun)
    ]
    source_heads += _prep_objects(noun, frozenset({"by", "from"}))
    # "barrel bomb attacks carried out by the Syrian air force"
    source_heads += [agent for child in noun.children if child.dep_ == "acl" for agent in _agents(child)]
    head = noun.head
    carrier = noun  # the noun the verb governs: "carried out a total of 18 airstrikes" governs "total"
    # "launched artillery, mortar and rocket fire": the verb governs the first conjunct, a weapon. Only for
    # "fire": conjoined events ("airstrikes and shelling") keep their own reading.
    for _ in range(6 if noun.lemma_.lower() == "fire" else 0):
        if carrier.dep_ != "conj" or carrier.head.pos_ not in ("NOUN", "PROPN") or carrier.head.i == carrier.i:
            break
        carrier = carrier.head
        head = carrier.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in QUANTITY_NOUNS:
        carrier, head = head.head, head.head.head
    light_verb: Token | None = None
    if carrier.dep_ in ("dobj", "pobj", "attr") and verb_lemma(head) in LIGHT_VERBS | {"for"}:
        verb = head.head if head.dep_ == "prep" else head
        if head.lemma_.lower() == "for":  # "claimed responsibility for the attack"
            verb = head.head.head if head.head.dep_ == "dobj" else head.head
        subjects = _subjects(verb) or _agents(verb) or _inherited_subjects(verb)
        if subjects and all(t.lower_ in PERSONAL_PRONOUNS for t in subjects):
            subjects = _speaker_subjects(verb) or subjects  # "Gbagbo announced he will extend the curfew"
        source_heads += subjects
        light_verb = verb
    elif noun.dep_ == "nsubjpass" and head.lemma_.lower() in LIGHT_VERBS:  # "the attack was carried out by X"
        source_heads += _agents(head)
    elif carrier.dep_ == "pobj" and head.lower_ == "on" and head.head.lemma_.lower() in STATE_VERBS:
        source_heads += _subjects(head.head) or _inherited_subjects(head.head)  # "workers went on strike"
    undergone = _undergone_by(carrier)
    if undergone:  # "the patrol came under fire from Israeli troops", "was placed under arrest by the army"
        verb = carrier.head.head
        source_heads += _agents(verb) + _prep_objects(verb, frozenset({"from"}))
        return _roles_from(source_heads, undergone, lookup)
    target_heads = _prep_objects(noun, TARGET_PREPS)
    if not target_heads and noun.lemma_.lower() in BETWEEN_NOUNS:  # "mediation between the Emirates and Saudi Arabia"
        target_heads = _prep_objects(noun, frozenset({"between", "among", "amongst"}))
        if not target_heads and noun.dep_ == "compound" and noun.head.lemma_.lower() in BETWEEN_HEADS:
            target_heads = _prep_objects(noun.head, frozenset({"between", "among", "amongst"}))  # "mediation effort"
    if light_verb is not None and not target_heads:  # "gave a warm welcome to X": the phrase hangs on the verb
        target_heads = _prep_objects(light_verb, TARGET_PREPS - {"of"})
    found = _roles_from(source_heads, target_heads, lookup)
    source, target = list(found.source), list(found.target)
    if not target:  # "a suspension of air links with Serbia", "a military aid program for Bosnia"
        inner = _prep_objects_of(target_heads, frozenset({"to", "on", "against", "with", "toward", "towards", "for"}))
        target = [actor for actor in _actors_in(inner, lookup) if actor not in source]
    if not target:  # "demonstrations against violations by the Israeli military"
        makers = _prep_objects_of(target_heads, frozenset({"by"}))
        target = [actor for actor in _actors_in(makers, lookup) if actor not in source]
    if not source and not target and noun.lemma_.lower() in CLASH_NOUNS:
        # "clashes between police and protesters": the sides, the first named as source
        between = _prep_objects(noun, frozenset({"between"}))
        if not between and noun.dep_ == "nsubj":  # "clashes broke out between police and protesters"
            between = _prep_objects(noun.head, frozenset({"between"}))
        sides = _actors_in(between, lookup)
        source, target = sides[:1], sides[1:]
    return Roles(tuple(source), tuple(target))


# Verbs whose subject undergoes the action an "under" phrase names: "came under fire", "was put under arrest".
UNDERGO_VERBS = frozenset({"come", "put", "place", "be", "remain", "fall", "keep", "hold", "bring", "go"})


def _undergone_by(noun: Token) -> list[Token]:
    """Who undergoes a noun trigger after "under" ("X came under attack", "Y was placed under house arrest"):
    the verb's subject, who is the target, not the source; empty when the noun is not used so."""
    head = noun.head
    if noun.dep_ != "pobj" or head.lower_ != "under" or head.head.pos_ not in ("VERB", "AUX"):
        return []
    verb = head.head
    if verb.lemma_.lower() not in UNDERGO_VERBS:
        return []
    return [child for child in verb.children if child.dep_ in ("nsubj", "nsubjpass")] or _inherited_subjects(verb)


def _roles_from(source_heads: list[Token], target_heads: list[Token], lookup: ActorLookup) -> Roles:
    source: list[str] = []
    for token in source_heads:
        for actor_id in lookup(token) if token.dep_ in ("compound", "amod", "nmod") else _actors_in([token], lookup):
            if actor_id not in source:
                source.append(actor_id)
    target = [actor for actor in _actors_in(target_heads, lookup) if actor not in source]
    return Roles(tuple(source), tuple(target))


# Verbs that take "responsibility" as a claim of an attack: "claimed responsibility for the attack".
CLAIM_VERBS = frozenset({"claim", "accept", "assume", "admit", "bear"})
# Sources that say someone attacked without saying who: a claim names the group behind them.
UNNAMED_ATTACKERS = frozenset({"generic.gunmen", "generic.militants"})


@dataclass(frozen=True)
class Claim:
    """A named actor's claim of responsibility (or the blame for an attack laid on it), and where its sentence
    ends (a character offset); `referent` is where the attack noun it names starts ("... for the attack"), if any."""

    end: int
    claimants: tuple[str, ...]
    referent: int | None = None


def responsibility_claims(
    doc: Doc,
    lookup: ActorLookup,
    asserted: Callable[[Token], bool],
    forms: tuple[list[str], list[str]] | None = None,
) -> list[Claim]:
    """ "The Islamic State group claimed responsibility for the attack": who claimed an attack the article
    reports. Only asserted claims by named actors ("did not claim", "a group" are no claim of a named actor).
    `forms` are the document's `WordForms`, when the caller has read them."""
    from lanner.nlp.text import WordForms

    claims: list[Claim] = []
    lemmas, _ = forms or WordForms().of(doc)  # by position: a Token for every word of the article cost more
    for token in (doc[i] for i, lemma in enumerate(lemmas) if lemma == "responsibility"):
        if token.dep_ != "dobj":
            continue
        verb = token.head
        if verb.lemma_.lower() not in CLAIM_VERBS or not asserted(verb):
            continue
        claimants = [a for a in _actors_in(_subjects(verb) or _inherited_subjects(verb), lookup) if not is_generic(a)]
        if claimants:
            claims.append(Claim(verb.sent.end_char, tuple(claimants)))
    return claims


def attribute_claims(events: list[Event], claims: list[Claim]) -> list[Event]:
    """Article-level attribution: when one actor claims responsibility, the attacks reported before the claim
    whose attacker is unnamed ("a suicide bomber blew himself up", "16 people were killed") get the claimant as
    their first source. With claims by different actors nothing is attributed: which attack is whose is not said.
    The attack noun a claim names ("blaming IS for the attack") is the claimant's whatever the claims, since its
    sentence says so; the parse would otherwise give it the sentence's speaker."""
    referents = {claim.referent: claim.claimants for claim in claims if claim.referent is not None}
    events = [
        replace(event, source=referents[event.trigger.start])
        if event.type == "ASSAULT" and event.trigger.start in referents
        else event
        for event in events
    ]
    if not claims or len({claim.claimants for claim in claims}) != 1:
        return events
    claimants, end = claims[0].claimants, max(claim.end for claim in claims)
    return [
        replace(event, source=(*claimants, *(a for a in event.source if a not in claimants)))
        if event.type == "ASSAULT" and event.evidence.start < end and set(event.source) <= UNNAMED_ATTACKERS
        else event
        for event in events
    ]


# Nouns by which a later sentence refers back to the article's attack ("blamed IS for the attack").
ATTACK_NOUNS = frozenset(
    {
        "attack", "bombing", "blast", "explosion", "strike", "airstrike", "raid", "shelling", "massacre", "assault",
        "bombardment", "ambush", "shooting", "killing", "bomb", "incident",
    }
)  # fmt: skip
# Verbs that name an attack as their object: "carried out the attack", "blamed X for carrying out the attack".
COMMIT_VERBS = frozenset({"carry", "launch", "conduct", "commit", "perpetrate", "stage", "mount"})
# Determiners of a new or no attack ("blamed X for an attack last year", "no attack"), not one referred back to;
# "That attack was claimed by IS" sets an earlier attack apart from the one just reported.
_NEW_DETERMINERS = frozenset({"a", "an", "any", "no", "another", "every", "each", "that", "those"})


def _attack_referent(token: Token) -> Token | None:
    """The attack noun `token` is or names as its object: "the attack", "carrying out Monday's attack"."""
    if token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() in ATTACK_NOUNS:
        if any(child.dep_ == "det" and child.lower_ in _NEW_DETERMINERS for child in token.children):
            return None
        return token
    if token.lemma_.lower() in COMMIT_VERBS:
        return next((found for c in token.children if c.dep_ == "dobj" and (found := _attack_referent(c))), None)
    return None


def _children(token: Token, deps: tuple[str, ...], word: str | None = None) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps and (word is None or c.lower_ == word)]


def _prep_referent(verb: Token, preps: tuple[str, ...]) -> Token | None:
    """The attack noun in a `preps` phrase of the verb or of its object (where the parser often hangs it):
    "blamed X for (carrying out) the attack", "accused X of the attack"."""
    for head in [verb, *_children(verb, ("dobj",))]:
        for child in head.children:
            if child.dep_ != "prep" or child.lower_ not in preps:
                continue
            for grand in _children(child, ("pobj", "pcomp")):
                found = _attack_referent(grand)
                if found is not None:
                    return found
    return None


def _blamed(token: Token) -> tuple[list[Token], Token | None]:
    """Who a sentence says did the attack it refers back to, and that attack's noun: "X claimed the attack",
    "the attack was claimed by X", "blamed X for the attack", "blamed the attack on X", "accused X of the
    attack", "X was behind the attack", "the attack was carried out by X"."""
    lemma = token.lemma_.lower()
    objects = _children(token, ("dobj",))
    if lemma == "claim" and token.pos_ in ("VERB", "AUX"):
        passive_subjects = _children(token, ("nsubjpass",))
        if token.dep_ == "acl":
            passive_subjects.append(token.head)  # "bomb blasts claimed by IS"
        referents = [r for t in passive_subjects if (r := _attack_referent(t)) is not None]
        if referents and _agents(token):
            return _agents(token), referents[0]
        referents = [r for t in objects if (r := _attack_referent(t)) is not None]
        if referents:
            return _subjects(token) or _inherited_subjects(token), referents[0]
    if lemma == "blame" and token.pos_ == "VERB":
        referent = _prep_referent(token, ("for", "of"))  # "blamed X for the attack", "blamed X of carrying out"
        if referent is not None and objects:
            return objects, referent
        referents = [r for t in objects if (r := _attack_referent(t)) is not None]
        if referents:
            return [o for c in _children(token, ("prep",), "on") for o in _children(c, ("pobj",))], referents[0]
    if lemma == "accuse" and token.pos_ == "VERB" and objects:
        referent = _prep_referent(token, ("of",))
        if referent is not None:
            return objects, referent
    if token.lower_ == "behind" and token.dep_ == "prep":
        referent = next((r for t in _children(token, ("pobj",)) if (r := _attack_referent(t)) is not None), None)
        if referent is not None:
            head = token.head
            return ([head] if head.pos_ in ("NOUN", "PROPN") else _subjects(head)), referent
    if lemma == "carry" and _children(token, ("prt",), "out") and _agents(token):
        subjects = _children(token, ("nsubjpass",)) + ([token.head] if token.dep_ == "acl" else [])
        if token.dep_ == "xcomp":  # "strikes thought to be carried out by X"
            subjects += _children(token.head, ("nsubj", "nsubjpass"))
        referent = next((r for t in subjects if (r := _attack_referent(t)) is not None), None)
        if referent is not None:
            return _agents(token), referent
    return [], None


_BLAME_WORDS = frozenset({"claim", "blame", "accuse", "behind", "carry"})


def _blames(lemma: str, lower: str) -> bool:
    return lemma in _BLAME_WORDS or lower in _BLAME_WORDS


def attack_attributions(
    doc: Doc,
    lookup: ActorLookup,
    asserted: Callable[[Token], bool],
    forms: tuple[list[str], list[str]] | None = None,
) -> list[Claim]:
    """Sentences that name who did an attack they refer back to, beyond claims of responsibility: "IS claimed
    the bombing", "the attack was claimed by IS", "activists blamed the regime for the attack", "the regime was
    behind the attack". FA-KES articles often name the attacker only there, sentences after the lede that
    reports the attack without one. Only named actors, in asserted sentences ("denied being behind it" is none).
    `forms` are the document's `WordForms`, when the caller has read them."""
    from lanner.nlp.text import WordForms

    found: list[Claim] = []
    lemmas, lowers = forms or WordForms().of(doc)  # by position, as `responsibility_claims`
    at = [i for i, (lemma, lower) in enumerate(zip(lemmas, lowers, strict=True)) if _blames(lemma, lower)]
    for token in (doc[i] for i in at):
        heads, referent = _blamed(token)
        if referent is None or not heads:
            continue
        verb = token.head if token.dep_ == "prep" else token
        if not asserted(verb):
            continue
        actors = tuple(a for a in _actors_in(heads, lookup) if not is_generic(a))
        if actors:
            found.append(Claim(token.sent.end_char, actors, referent.idx))
    return found
