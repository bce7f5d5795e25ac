"""Factuality: does the sentence assert that the event happened, or only deny, fear, plan or generalise it?

Read from the parse around the trigger: negation and denial, modal and conditional clauses, future
auxiliaries and verbs of intent, habitual adverbs, and questions. The first cue found on the path from
the trigger up to its clause's governing verbs decides; with no cue the event is asserted. Two scope
rules refine that: a hypothetical cue above a future one wins ("a risk that ISIS will attack"), and a noun
event that is the subject of a clause rating it takes that clause's cue ("an attack is likely").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lanner.events.roles import LIGHT_VERBS
from lanner.records import Factuality

if TYPE_CHECKING:
    from spacy.tokens import Token

HYPOTHETICAL_MODALS = frozenset({"may", "might", "could", "would", "should", "can", "must", "ought"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
NEGATORS = frozenset({"not", "n't", "never", "no", "without", "nor"})
HABITUAL = frozenset(
    {
        "repeatedly",
        "often",
        "frequently",
        "regularly",
        "usually",
        "routinely",
        "typically",
        "always",
        "constantly",
        "habitually",
        "sometimes",
        "generally",
        "commonly",
        "occasionally",
        "increasingly",
        "daily",
        "nightly",
        "weekly",
    }
)
# Adverbs by which the writer says a claim is unproven ("the gunmen allegedly attacked"); a plain
# attribution ("police said", "reportedly") still asserts.
HEDGE_ADVERBS = frozenset({"allegedly", "supposedly", "purportedly"})
# "every Friday", "each year": a recurring time makes the event a habit.
RECURRENCE_DETS = frozenset({"every", "each"})
# Verbs that only say an event noun takes place ("an attack could come at any time"): the noun takes their cues.
OCCURRENCE_VERBS = frozenset({"happen", "occur", "come", "begin", "start"})
# Verbs that, governing an event clause, make it unasserted.
DENIAL_VERBS = frozenset({"deny", "refute", "dismiss", "reject"})
FAILURE_VERBS = frozenset({"fail", "refuse", "avoid", "prevent", "stop", "thwart", "foil", "cancel", "abandon"})
FEAR_VERBS = frozenset(
    {
        "fear",
        "worry",
        "risk",
        "suspect",
        "speculate",
        "imagine",
        "consider",
        "wonder",
        "doubt",
        "predict",
        "expect",
        "hope",
        "anticipate",
        "forecast",
        "suggest",
        "question",
        "allege",
    }
)
INTENT_VERBS = frozenset(
    {
        "plan",
        "intend",
        "threaten",
        "vow",
        "pledge",
        "promise",
        "prepare",
        "aim",
        "seek",
        "want",
        "hope",
        "try",
        "attempt",
        "propose",
        "decide",
        "agree",
        "offer",
        "expect",
        "mean",
        "scheme",
        "plot",
        "wish",
        "warn",
        "call",
        "urge",
        "demand",
        "ask",
        "order",
        "need",
    }
)
INTENT_NOUNS = frozenset({"plan", "plot", "threat", "risk", "fear", "possibility", "prospect", "danger", "bid"})
HYPOTHETICAL_ADJ = frozenset({"possible", "likely", "unlikely", "able", "capable", "potential", "ready", "poised"})
FUTURE_ADJ = frozenset({"set", "due", "poised", "about", "going", "imminent"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether", "lest"})
# Edges past which cues belong to another event: a noun's relative clause or a subject's verb
# ("villages that ISIS attacked could be rebuilt", "the attack could have been prevented").
STOP_DEPS = frozenset({"relcl", "acl", "appos", "nsubj", "nsubjpass", "csubj", "attr", "npadvmod"})
# Edges into reported speech: a cue above one is about the report ("did not confirm that ...").
REPORT_DEPS = frozenset({"ccomp", "parataxis"})


def _own_cue(token: Token) -> tuple[Factuality, str] | None:
    """A cue attached directly to one predicate: its negation, modals, future auxiliaries, habit adverbs."""
    for child in token.children:
        lower = child.lower_
        if child.dep_ == "neg" or (child.dep_ in ("advmod", "det", "preconj") and lower in NEGATORS):
            return "negated", child.text
        if child.dep_ in ("aux", "auxpass"):
            if lower in FUTURE_AUX:
                return "future", child.text
            if lower in HYPOTHETICAL_MODALS:
                return "hypothetical", child.text
            if lower == "going" or (child.lemma_ == "be" and any(g.lower_ == "going" for g in child.children)):
                return "future", child.text
        if child.dep_ == "mark" and lower in CONDITIONAL_MARKS:
            return "hypothetical", child.text
        if child.dep_ in ("advmod", "npadvmod") and lower in HABITUAL:
            return "generic", child.text
        if child.dep_ == "advmod" and lower in HEDGE_ADVERBS:
            return "hypothetical", child.text
        if child.dep_ in ("npadvmod", "advmod") and any(
            grand.dep_ == "det" and grand.lower_ in RECURRENCE_DETS for grand in child.children
        ):
            return "generic", child.text
    # "No one was killed", "no civilians were hurt": a negative determiner on the subject or object.
    for child in token.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj") and any(
            grand.dep_ == "det" and grand.lower_ == "no" for grand in child.children
        ):
            return "negated", "no"
        if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ in ("nobody", "none", "nothing"):
            return "negated", child.text
    return None


def _governor_cue(head: Token, token: Token) -> tuple[Factuality, str] | None:
    """A cue from a predicate that governs the event clause: deny, fail, fear, plan, possible, set to."""
    lemma = head.lemma_.lower()
    if lemma == "go" and head.tag_ == "VBG" and token.dep_ == "xcomp":
        return "future", head.text  # "were going to attack"
    if head.pos_ in ("VERB", "AUX"):
        if lemma in DENIAL_VERBS:
            return "negated", head.text
        if lemma in FAILURE_VERBS:
            return "negated", head.text
        if lemma in FEAR_VERBS:
            return "hypothetical", head.text
        if lemma in INTENT_VERBS:
            return "future", head.text
    if head.pos_ == "NOUN" and lemma in INTENT_NOUNS:
        return (
            "hypothetical" if lemma in ("risk", "fear", "possibility", "prospect", "danger") else "future"
        ), head.text
    if head.pos_ == "ADJ":
        if lemma in HYPOTHETICAL_ADJ:
            return "hypothetical", head.text
        if lemma in FUTURE_ADJ:
            return "future", head.text
    return None


def _presupposed(token: Token, head: Token) -> bool:
    """A noun event that an ordinary verb only talks about ("did not comment on the strikes") happened
    regardless of that verb's negation or modality; only light verbs ("did not carry out attacks") pass them on."""
    if token.pos_ not in ("NOUN", "PROPN") and token.dep_ != "prep":
        return False
    if token.dep_ not in ("dobj", "pobj", "prep"):
        return False
    if head.pos_ in ("VERB", "AUX"):
        return head.lemma_.lower() not in LIGHT_VERBS
    return False


def _predicate_cue(noun: Token) -> tuple[Factuality, str] | None:
    """The cue of the clause a noun event is the subject of, when that clause only rates the event:
    "an attack is likely", "a new offensive remains possible", "an attack could come at any time"."""
    head = noun.head
    for child in head.children:
        if child.dep_ in ("acomp", "oprd", "attr") and child.pos_ == "ADJ":
            cue = _governor_cue(child, noun)
            if cue:
                return cue
    takes_place = head.lemma_.lower() == "take" and any(child.lower_ == "place" for child in head.children)
    if head.lemma_.lower() in OCCURRENCE_VERBS or takes_place:
        return _own_cue(head)
    return None


def _outer_hypothetical(token: Token) -> tuple[Factuality, str] | None:
    """A hypothetical cue above a future one decides ("there is a risk that the group will attack"):
    a feared or conditional plan is not yet announced as going to happen."""
    for _ in range(12):
        head = token.head
        if head.i == token.i or (token.dep_ in STOP_DEPS and not _complement_of_noun(token)):
            return None
        cue = _governor_cue(head, token) or _own_cue(head)
        if cue and cue[0] == "hypothetical":
            return cue
        token = head
    return None


def _complement_of_noun(token: Token) -> bool:
    """A clause that says what a plan, threat or fear is ("a plan to attack", "the risk that ISIS will
    attack"), unlike a relative clause, which describes the noun by another event."""
    return (
        token.dep_ == "acl"
        and token.head.pos_ == "NOUN"
        and token.head.lemma_.lower() in INTENT_NOUNS
        and any(child.dep_ in ("mark", "aux") and child.lower_ in ("that", "to") for child in token.children)
    )


def factuality_of(trigger: Token) -> tuple[Factuality, str | None]:
    """The factuality of the event that `trigger` expresses, and the word that decided it.

    Walks from the trigger up the parse ("might return home to carry out attacks" reaches "might"),
    stopping at relative clauses and subjects, whose cues belong to another predicate.
    """
    token = trigger
    reported = False
    for _ in range(12):
        own = _own_cue(token)
        if own:
            if reported and own[0] in ("negated", "hypothetical"):
                return "hypothetical", own[1]
            if own[0] == "future":
                return _outer_hypothetical(token) or own
            return own
        head = token.head
        if token.i == trigger.i and token.dep_ in ("nsubj", "nsubjpass") and token.pos_ in ("NOUN", "PROPN"):
            predicate = _predicate_cue(token)
            if predicate:
                return predicate
        if head.i == token.i or (token.dep_ in STOP_DEPS and not _complement_of_noun(token)):
            break
        if token.dep_ == "conj":
            # "ISIS could attack and kill": a conjunct shares its first conjunct's auxiliaries, not its negation.
            inherited = _own_cue(head)
            if inherited and inherited[0] != "negated":
                return inherited
            token = head.head if head.dep_ not in STOP_DEPS and head.head.i != head.i else head
            if token.i == head.i:
                break
            continue
        governor = _governor_cue(head, token)
        if governor:
            if governor[0] == "future":
                return _outer_hypothetical(head) or governor
            return governor
        if _presupposed(token, head):
            break
        if token.dep_ in REPORT_DEPS:
            reported = True
        token = head
    if trigger.sent.text.rstrip().endswith("?"):
        return "hypothetical", "?"
    return "asserted", None
