"""Factuality: does the sentence assert that the event happened, or only deny, fear, plan or generalise it?

Read from the parse around the trigger: negation and denial, modal and conditional clauses, future
auxiliaries and verbs of intent, habitual adverbs, and questions. The first cue found on the path from
the trigger up to its clause's governing verbs decides; with no cue the event is asserted. A cue counts
only when it governs the trigger: cues in a relative clause, in a subject, or in a coordinated clause
with its own subject belong to another predicate ("Reuters could not confirm it, but residents said
jets bombed the market" asserts the bombing). Scope rules refine the walk: a hypothetical cue above a
future one wins ("a risk that ISIS will attack"), and so does a verb that undoes a plan ("foiled a plan
to bomb"); a noun event that is the subject of a clause rating it takes that clause's cue ("an attack
is likely", "kidnappings are common"); a that-clause of a noun is what the noun says, so the noun's
governor reaches it ("denied reports that troops had tortured detainees"), and a clause that calls the
report false denies it ("reports that soldiers had fired were false"). An explicit purpose is an aim ("in
order to disperse the crowd", "so as to deter an invasion"); a prevention that itself failed leaves the event asserted
("failed to prevent an attack"), as do "not only", "not ... until", a clause of reason ("because he was
killed"), a past adverbial clause ("nobody was hurt when the bomb exploded") and someone's part in an event
("denied responsibility for the bombing").
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

from lanner.events.roles import LIGHT_VERBS
from lanner.records import Factuality

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

HYPOTHETICAL_MODALS = frozenset({"may", "might", "could", "would", "should", "can", "must", "ought"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
NEGATORS = frozenset({"not", "n't", "never", "no", "without", "nor", "neither"})
# "almost killed the minister", "nearly captured the town": the event fell short of happening.
SHORTFALL_ADVERBS = frozenset({"almost", "nearly"})
# Verbs whose "from" clause is an act kept from happening ("were barred from entering the camp").
PREVENT_FROM_VERBS = frozenset({"keep", "bar", "block", "ban", "deter", "dissuade", "restrain", "prohibit", "hinder"})
# Verbs that keep an event from happening; negated or failed themselves ("failed to prevent the attack",
# "could not stop the gunmen from storming"), they leave it asserted.
PREVENTION_VERBS = frozenset({"prevent", "stop", "thwart", "foil", "avert", "forestall"}) | PREVENT_FROM_VERBS
# Verbs of belief whose that-clause the writer does not vouch for ("police believe the gunmen crossed").
BELIEF_CLAUSE_VERBS = frozenset({"believe", "think", "presume", "suppose", "assume", "reckon"})
# Verbs of change in number: an event noun in the plural as their subject is a trend ("attacks have increased").
TREND_VERBS = frozenset(
    {"increase", "rise", "surge", "decline", "decrease", "drop", "fall", "double", "triple", "soar", "spike"}
)
# Nouns whose "of" clause is an aim ("with the aim of capturing the town", "with the goal of toppling").
AIM_NOUNS = frozenset({"aim", "goal", "objective", "purpose", "intention", "intent", "hope"})
# Verbs of escaping whose verbal complement did not happen ("narrowly escaped being kidnapped").
ESCAPE_VERBS = frozenset({"escape", "evade", "dodge"})
# Times still to come that put a present verb in the future ("troops withdraw tomorrow", "march next week").
FUTURE_TIMES = frozenset({"tomorrow", "tonight"})
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
        "rarely",
        "seldom",
        "periodically",
        "intermittently",
        "continually",
        "persistently",
        "perpetually",
        "traditionally",
        "customarily",
        "normally",
        "ordinarily",
        "invariably",
        "annually",
        "monthly",
        "yearly",
    }
)
# Adverbs by which the writer says a claim is unproven ("the gunmen allegedly attacked"); a plain
# attribution ("police said", "reportedly") still asserts.
# Epistemic adverbs ("the militants probably killed the hostages", "perhaps", "possibly") put the event in doubt.
HEDGE_ADVERBS = frozenset(
    {
        "allegedly",
        "supposedly",
        "purportedly",
        "probably",
        "possibly",
        "perhaps",
        "maybe",
        "presumably",
        "conceivably",
        "likely",
    }
)
# Phrases of repetition that hang on the predicate ("has time and again attacked schools").
REPETITION_PHRASES = frozenset(
    {
        "time and again",
        "again and again",
        "time after time",
        "over and over",
        "from time to time",
        "now and then",
        "now and again",
        "every so often",
        "once in a while",
        "day after day",
        "night after night",
        "week after week",
        "month after month",
        "year after year",
        "as a rule",
    }
)
REPETITION_STARTS = frozenset(
    {"time", "again", "over", "from", "now", "so", "once", "day", "night", "week", "month", "year", "as"}
)
# "on a regular basis", "on a daily basis": a recurring manner.
BASIS_NOUNS = frozenset({"basis"})
# "once a week", "twice a month", "three times a year": a frequency.
PERIOD_NOUNS = frozenset({"day", "night", "week", "month", "year"})
# "on Fridays", "on weekends": a day in the plural recurs.
RECURRING_DAYS = frozenset(
    {"mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays", "weekends"}
)
# "every Friday", "each year": a recurring time makes the event a habit.
RECURRENCE_DETS = frozenset({"every", "each"})
# Verbs that only say an event noun takes place ("an attack could come at any time"): the noun takes their cues.
OCCURRENCE_VERBS = frozenset(
    {
        "happen",
        "occur",
        "come",
        "begin",
        "start",
        "resume",
        "erupt",
        "ensue",
        "follow",
        "recur",
        "continue",
        "materialise",
        "materialize",
    }
)
# Verbs whose object is the very act they perform ("regularly plant roadside bombs", "staged protests",
# "did not fire rockets"): their negation, mode and habit are the event's, as with light verbs.
PERFORMING_VERBS = frozenset({"plant", "detonate", "lay", "stage", "mount", "conduct", "fire", "hurl", "throw", "drop"})
# Verbs that, governing an event clause, make it unasserted.
DENIAL_VERBS = frozenset({"deny", "refute", "dismiss", "reject", "dispute", "rebut", "debunk"})
FAILURE_VERBS = frozenset(
    {
        "fail",
        "refuse",
        "avoid",
        "prevent",
        "stop",
        "thwart",
        "foil",
        "cancel",
        "abandon",
        "avert",
        "forestall",
        "refrain",
        "decline",
        "scrap",
        "shelve",
        "abort",
        "forgo",
        "forego",
    }
)
# Verbs that put an event off ("the offensive was postponed", "postponed the vote").
POSTPONE_VERBS = frozenset({"postpone", "delay", "defer"})
# Phrasal verbs that undo or exclude an event ("called off the offensive", "ruled out a strike"). Not "hold off":
# "held off an assault" repelled one that took place.
UNDOING_PARTICLES = frozenset(
    {
        ("call", "off"),
        ("rule", "out"),
        ("give", "up"),
        ("stave", "off"),
        ("head", "off"),
        ("hold", "back"),
        ("back", "away"),
        ("back", "off"),
        ("back", "out"),
    }
)
# Raising verbs of appearance ("the militants appear to have executed the hostages"): an inference, unproven.
SEEM_VERBS = frozenset({"seem", "appear"})
# Verbs of saying that do not vouch for what they report ("claimed that soldiers had killed 50"); a noun
# object is a different act ("claimed responsibility for the attack", "claimed the bombing") and asserts.
CLAIM_VERBS = frozenset({"claim", "purport"})
# Speech verbs whose conditional "would" is a threat, hence future ("warned they would attack if ...").
THREAT_SPEECH_VERBS = frozenset({"warn", "threaten", "vow", "pledge", "promise", "swear"})
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
        "dread",
        "foresee",
        "envisage",
        "envision",
        "weigh",
        "mull",
        "contemplate",
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
        "swear",
        "appeal",
        "vote",
        "approve",  # "the president approved airstrikes against the militants": authorised, not yet carried out
        "authorise",
        "authorize",
    }
)
INTENT_NOUNS = frozenset(
    {
        "plan",
        "plot",
        "threat",
        "risk",
        "fear",
        "possibility",
        "prospect",
        "danger",
        "bid",
        "chance",
        "likelihood",
        "probability",
        "spectre",
        "specter",
    }
)
RISK_NOUNS = frozenset(
    {"risk", "fear", "possibility", "prospect", "danger", "chance", "likelihood", "probability", "spectre", "specter"}
)
# Nouns whose to-clause is an act only tried or promised ("an attempt to bomb the church", "a vow to
# retaliate"); unlike the nouns above they cue nothing otherwise ("a mediation effort" is under way).
INTENT_CLAUSE_NOUNS = frozenset(
    {
        "attempt",
        "effort",
        "intention",
        "promise",
        "pledge",
        "vow",
        "proposal",
        "ultimatum",
        "order",
        "demand",
        "call",
        "appeal",
        "request",
        "decision",
        "readiness",
        "willingness",
        "determination",
        "commitment",
        "deadline",
    }
)
# Nouns whose that-clause is an unproven story ("rumours that militants had seized the dam").
DOUBT_NOUNS = frozenset({"rumour", "rumor", "speculation", "allegation", "claim", "suspicion", "hypothesis"})
# Adjectives by which a source or report is not vouched for ("according to unconfirmed reports").
UNVERIFIED_ADJ = frozenset({"unconfirmed", "unverified", "uncorroborated", "unsubstantiated"})
# Nouns of telling whose content its own clause may judge ("reports of an attack turned out to be false").
REPORT_NOUNS = frozenset({"report", "account", "story", "news", "rumour", "rumor", "claim", "allegation"})
# Adjectives by which a report or claim is said to be untrue ("reports that soldiers had fired were false").
FALSITY_ADJ = frozenset(
    {"false", "untrue", "baseless", "unfounded", "groundless", "fabricated", "fake", "bogus", "incorrect", "wrong"}
)
# Verbs of checking a report: not done ("could not be verified"), the report stays unproven.
VERIFY_VERBS = frozenset({"verify", "confirm", "corroborate", "substantiate"})
# Adjectives on an attempt or plan that say it came to nothing ("a failed attempt to storm the prison").
FAILED_ADJ = frozenset({"failed", "unsuccessful", "abortive", "botched", "foiled", "thwarted", "aborted"})
# Nouns of someone's part in an event ("denied responsibility for the bombing"): the event itself is given.
INVOLVEMENT_NOUNS = frozenset(
    {"responsibility", "involvement", "role", "part", "participation", "complicity", "link", "links", "blame"}
)
PLAN_NOUNS = INTENT_NOUNS | INTENT_CLAUSE_NOUNS
# "on the verge of seizing the town", "on the brink of attacking": about to happen.
IMMINENCE_NOUNS = frozenset({"verge", "brink", "point", "edge", "cusp", "threshold"})
# Adjectives on an event noun that say it has not (yet) happened ("possible clashes", "an imminent attack",
# "the foiled bombing"). Not "planned" or "expected": "the planned offensive began on Monday" happened; not
# "suspected": "a suspected drone strike killed five" happened, only its author is suspected. Frequency adjectives
# ("frequent attacks", "repeated shelling") are left out: the events they count happened, and the event sets read
# downstream (WikiEvents, MUC-4) count them as attacks; the verb's adverbs ("has repeatedly attacked") stay generic.
NOUN_MODIFIER_CUES: Mapping[str, Factuality] = MappingProxyType(
    {
        "possible": "hypothetical",
        "potential": "hypothetical",
        "feared": "hypothetical",
        "alleged": "hypothetical",
        "rumoured": "hypothetical",
        "rumored": "hypothetical",
        "purported": "hypothetical",
        "hypothetical": "hypothetical",
        "imminent": "future",
        "impending": "future",
        "looming": "future",
        "threatened": "future",
        "upcoming": "future",
        "proposed": "future",
        "foiled": "negated",
        "thwarted": "negated",
        "averted": "negated",
        "supposed": "hypothetical",
    }
)
# Verbs of attempting. PLOVER's ASSAULT `targeted` mode counts attempted assassinations, and ACLED codes
# attempted attacks as attacks: an attempt that was made ("tried to kill the governor") is an asserted event,
# whether or not it succeeded; one still to come ("will try to storm") is not.
ATTEMPT_VERBS = frozenset({"try", "attempt"})
# Nouns whose "for" names an act asked for, not done ("calls for attacks on embassies").
CALL_NOUNS = frozenset({"call", "demand", "appeal", "plea", "request"})
# "close to capturing the airport", "near to collapse": about to happen.
IMMINENCE_ADJ = frozenset({"close", "near"})
# Passive verbs that put the event on a timetable ("is expected to", "is scheduled to", "is slated to").
SCHEDULE_VERBS = frozenset({"expect", "schedule", "slate", "timetable"})
# Adjectives that say the event could not happen ("were unable to capture the town").
INABILITY_ADJ = frozenset({"unable", "powerless"})
# Passive verbs of belief that raise the subject of an unproven event ("is believed to have killed").
BELIEF_VERBS = frozenset({"believe", "think", "presume", "suppose", "rumour", "rumor", "suspect"})
# Verbs of saying whose passive with an infinitive passes on hearsay ("the rebels are said to have executed
# prisoners", "is reported to have fled"): nobody named vouches for it, unlike "police said the rebels executed".
HEARSAY_VERBS = frozenset({"say", "report", "allege", "claim", "rumour", "rumor"})
HYPOTHETICAL_ADJ = frozenset(
    {
        "possible",
        "likely",
        "unlikely",
        "able",
        "capable",
        "potential",
        "ready",
        "probable",
        "conceivable",
        "plausible",
        "liable",
    }
)
# "poised to", "determined to", "bound to": the subject is set on an act still to come. Not "willing",
# "eager", "keen" or "prepared": those are AGREE triggers themselves, whose to-clause the stage reads as the
# content of the intent (a future there would make a second AGREE of it).
FUTURE_ADJ = frozenset(
    {
        "set",
        "due",
        "poised",
        "about",
        "going",
        "imminent",
        "determined",
        "bound",
        "certain",
        "sure",
        "resolved",
    }
)
# Of those, the ones that cue only their to-clause ("sure to win", not "sure that they will be fired").
INFINITIVE_FUTURE_ADJ = frozenset({"determined", "bound", "certain", "sure", "resolved"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether", "lest"})
# Subordinators of reason and concession, whose clause the writer asserts ("because the rebels shelled the town").
REASON_MARKS = frozenset({"because", "since", "as", "although", "though", "whereas"})
# "whenever the army advances": the clause and the one it modifies both recur.
RECURRENCE_MARKS = frozenset({"whenever"})
# "at no point", "at no time", "under no circumstances": the clause's event never took place.
NEVER_NOUNS = frozenset({"point", "time", "stage", "moment", "circumstance", "circumstances"})
# The first word of a question that takes its event as given ("Who fired the rockets?", "Why did ...?").
WH_WORDS = frozenset({"who", "whom", "whose", "what", "which", "why", "where", "when", "how"})
# Adjectives that rate how often an event happens ("kidnappings are common", "shelling has become routine").
GENERIC_ADJ = frozenset(
    {
        "common",
        "frequent",
        "routine",
        "commonplace",
        "widespread",
        "rampant",
        "rife",
        "endemic",
        "rare",
        "regular",
        "unusual",
        "uncommon",
        "customary",
        "normal",
        "everyday",
        "prone",
        "apt",
    }
)
# Verbs and nouns that make the event in their clause a habit ("tend to strike", "a history of kidnapping").
HABIT_VERBS = frozenset({"tend"})
HABIT_NOUNS = frozenset({"history", "habit", "practice", "pattern", "tradition", "record"})
# Adjectives of reputation whose "for" names what the subject is in the habit of doing ("notorious for kidnapping").
REPUTATION_ADJ = frozenset({"notorious", "infamous", "known", "famous", "renowned"})
# Nouns whose "of" says the event is missing ("the absence of attacks", "a lack of fighting").
ABSENCE_NOUNS = frozenset({"absence", "lack"})
# Words of readiness for an event that may come, with the preposition that names it ("on high alert for
# attacks", "braced for protests", "on the lookout for", "guard against an attack").
ANTICIPATION_PREPS: Mapping[str, str] = MappingProxyType(
    {"alert": "for", "brace": "for", "lookout": "for", "guard": "against"}
)
# Verbs of supposing whose bare participle opens a condition ("assuming the rebels attack tonight").
SUPPOSITION_VERBS = frozenset({"assume", "suppose"})
# Modifiers on an "ahead of" event that say it was still to come ("ahead of a planned march").
PLANNED_ADJ = frozenset({"planned", "expected", "scheduled", "proposed", "anticipated", "upcoming"})
# Speech verbs: "would" under a past one is a future seen from the past ("said it would deploy troops").
REPORTING_VERBS = frozenset({"say", "announce", "tell", "state", "add", "confirm", "declare", "warn", "insist"})
# Quantifiers over anyone at all ("snipers shoot at anyone who crosses"): with a present verb, a habit.
UNIVERSAL_WORDS = frozenset({"anyone", "anybody", "everyone", "everybody", "whoever", "anything"})
UNIVERSAL_DETS = frozenset({"any", "every"})  # "shoot at any car that moves"
# Edges past which cues belong to another event: a noun's relative clause or a subject's verb
# ("villages that ISIS attacked could be rebuilt", "the attack could have been prevented").
# Every verb lemma a cue lexicon holds, to mend lemmas the lemmatiser cut short (`_cue_lemma`).
_CUE_VERB_LEMMAS = (
    FEAR_VERBS
    | INTENT_VERBS
    | DENIAL_VERBS
    | FAILURE_VERBS
    | BELIEF_VERBS
    | HEARSAY_VERBS
    | PREVENTION_VERBS
    | SCHEDULE_VERBS
    | ESCAPE_VERBS
    | POSTPONE_VERBS
)
STOP_DEPS = frozenset({"relcl", "acl", "appos", "nsubj", "nsubjpass", "csubj", "attr", "npadvmod"})
# Edges into reported speech: a cue above one is about the report ("did not confirm that ...").
REPORT_DEPS = frozenset({"ccomp", "parataxis"})


def _own_cue(token: Token) -> tuple[Factuality, str] | None:
    """A cue attached directly to one predicate: its negation, modals, future auxiliaries, habit adverbs."""
    if _past_habit(token):
        return "generic", "would"
    if _in_case_clause(token):
        return "hypothetical", "in case"  # "troops were deployed in case the militants raided the town"
    if token.dep_ in ("advcl", "conj") and _opened_by(token, ("rather", "than")):
        return "negated", "rather than"  # "rather than attack the town, the rebels besieged it"
    inverted = _inverted_condition(token)
    if inverted is not None:
        return "hypothetical", inverted.text  # "were the rebels to seize the dam", "had the army attacked"
    for child in token.children:
        lower, dep = child.lower_, child.dep_  # read once: each read builds a string
        if dep == "neg" or (dep in ("advmod", "det", "preconj") and lower in NEGATORS):
            if _not_only(child) or _not_until(token):
                continue  # "not only shelled the town but also looted it", "did not leave until Friday"
            return "negated", child.text
        if dep == "advmod" and lower == "longer" and any(g.lower_ == "no" for g in child.children):
            return "negated", "no longer"  # "the rebels no longer attack civilian targets"
        if dep == "prep" and lower == "on" and any(g.lower_ in RECURRING_DAYS for g in child.children):
            return "generic", child.text  # "the militants attack army posts on Fridays"
        if dep == "advmod" and lower == "long" and _perfect(token):
            return "generic", child.text  # "bandits have long preyed on travellers"
        if dep == "advmod" and lower in SHORTFALL_ADVERBS and token.pos_ == "VERB":
            return "negated", child.text  # "the bomb almost killed the minister"
        if dep in ("aux", "auxpass"):
            if lower in FUTURE_AUX or (lower == "would" and _future_in_the_past(token)):
                return "future", child.text
            if lower in ("could", "can") and _marked(token, "before"):
                return "negated", child.text  # "the bomb was defused before it could explode"
            if lower in HYPOTHETICAL_MODALS:
                return "hypothetical", child.text
            if lower == "going" or (child.lemma_ == "be" and any(g.lower_ == "going" for g in child.children)):
                return "future", child.text
        if dep == "mark" and lower in CONDITIONAL_MARKS:
            return "hypothetical", child.text
        if dep in ("mark", "advmod") and lower in RECURRENCE_MARKS:
            return "generic", child.text  # "whenever the army advances"
        if dep == "advcl" and _marked(child, *RECURRENCE_MARKS):
            return "generic", child.text  # "the rebels shell its supply lines whenever the army advances"
        if dep == "prep" and lower in ("at", "under") and _never(child):
            return "negated", child.text  # "at no point did the soldiers fire"
        if dep in ("advmod", "npadvmod") and lower in HABITUAL:
            return "generic", child.text
        if lower in REPETITION_STARTS and _repetition(child):
            return "generic", child.text  # "has time and again attacked", "from time to time", "now and then"
        if dep == "prep" and lower == "on" and _on_a_basis(child):
            return "generic", child.text  # "beat detainees on a regular basis"
        if dep in ("advmod", "npadvmod") and lower in ("once", "twice", "times") and _per_period(child):
            return "generic", child.text  # "raid the camp at least once a week"
        if dep == "advmod" and lower in HEDGE_ADVERBS:
            return "hypothetical", child.text
        if dep == "prep" and lower == "according" and _according_to_unverified(token):
            return "hypothetical", child.text
        if dep in ("npadvmod", "advmod") and any(  # "every Friday", "almost every week"
            grand.dep_ in ("det", "nummod") and grand.lower_ in RECURRENCE_DETS for grand in child.children
        ):
            return "generic", child.text
    present = token.tag_ in ("VBP", "VBZ") or (token.tag_ == "VB" and not any(c.dep_ == "aux" for c in token.children))
    if present and _universal_argument(token):
        return "generic", token.text
    progressive = token.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.lower_ in ("is", "are", "am") for c in token.children
    )
    if token.tag_ in ("VBP", "VBZ") and token.dep_ == "advcl" and _marked(token, "before"):
        return "future", "before"  # "gave residents 24 hours to leave before it shells the town"
    if (present or progressive) and (time := _future_time(token)) is not None:
        return "future", time.text  # "troops are withdrawing next week", "the rebels march on the capital tomorrow"
    if token.lemma_.lower() in TREND_VERBS and token.tag_ != "VBD" and _plural_event_subject(token) is not None:
        return "generic", token.text  # "attacks on aid workers have increased"
    # "No one was killed", "no civilians were hurt": a negative determiner on the subject or object.
    for child in token.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj") and any(
            grand.dep_ in ("det", "preconj") and grand.lower_ in ("no", "neither") for grand in child.children
        ):
            return "negated", "no"  # "no one was killed", "neither side fired", "neither the army nor the rebels"
        if child.dep_ in ("nsubj", "nsubjpass", "dobj"):  # "not a single rocket was fired", "not one shot"
            quantifiers = [child, *(g for g in child.children if g.dep_ in ("nummod", "det", "amod"))]
            negation = next((g for q in quantifiers for g in q.children if g.dep_ == "neg"), None)
            if negation is not None:
                return "negated", negation.text
        if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ in ("nobody", "none", "nothing"):
            return "negated", child.text
    return None


def _opened_by(clause: Token, words: tuple[str, str]) -> bool:
    """Do the two words open the clause, as its first words or right before it (where the parser may hang them
    on the other clause: "shelled the town rather than attack it")?"""
    doc, start = clause.doc, clause.left_edge.i
    if start + 1 < clause.i and (doc[start].lower_, doc[start + 1].lower_) == words:
        return True
    return start >= 2 and (doc[start - 2].lower_, doc[start - 1].lower_) == words


def _in_case_clause(clause: Token) -> bool:
    """ "in case the militants attack": the words "in case" open the clause, whether the parser hangs them on it
    or beside it on the verb it modifies. It reads the clause as adverbial, a complement, a conjunct or (when
    "In case" opens the sentence) an unlabelled dependent; the two words right before it decide."""
    if clause.dep_ not in ("advcl", "ccomp", "conj", "dep") or (clause.dep_ != "dep" and not _has_subject(clause)):
        return False
    return _opened_by(clause, ("in", "case"))


def _repetition(child: Token) -> bool:
    """A phrase of repetition that starts at the word or the one before it ("every so often", "day after day")."""
    doc = child.doc
    return any(
        doc[i : i + n].text.lower() in REPETITION_PHRASES for i in (child.i, child.i - 1) if i >= 0 for n in (3, 4)
    )


def _on_a_basis(prep: Token) -> bool:
    """ "on a regular basis", "on a daily basis"."""
    return any(
        obj.dep_ == "pobj"
        and obj.lemma_.lower() in BASIS_NOUNS
        and any(g.dep_ == "amod" and g.lower_ in HABITUAL | GENERIC_ADJ for g in obj.children)
        for obj in prep.children
    )


def _per_period(adverb: Token) -> bool:
    """ "once a week", "twice a month", "three times a year": a period with "a" or "every"."""
    return any(
        child.dep_ == "npadvmod"
        and child.lemma_.lower() in PERIOD_NOUNS
        and any(g.dep_ == "det" and g.lower_ in ("a", "an", "every", "per") for g in child.children)
        for child in adverb.children
    )


def _inverted_condition(clause: Token) -> Token | None:
    """A condition said by inversion, with no "if": "Were the rebels to seize the dam, ...", "Had the army attacked
    the town, ...", "Should the talks fail, ..."."""
    if clause.dep_ != "advcl" or any(child.dep_ == "mark" for child in clause.children):
        return None
    subject = next((child for child in clause.children if child.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None
    words = [clause, *(child for child in clause.children if child.dep_ in ("aux", "auxpass"))]
    return next((w for w in words if w.lower_ in ("were", "had", "should") and w.i < subject.i), None)


def _perfect(verb: Token) -> bool:
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)


def _adverbial(clause: Token) -> bool:
    """An adverbial clause; the parser also reads some that-clauses as adverbial ("ruled out that they used")."""
    return clause.dep_ == "advcl" and not _marked(clause, "that")


def _reason(clause: Token) -> bool:
    """A clause of reason or concession ("because ...", "as there is heavy shooting"); not "as long as"."""
    if _infinitive(clause):
        return False  # "so as to deter an invasion" is a purpose
    for mark in (c for c in clause.children if c.dep_ == "mark" and c.lower_ in REASON_MARKS):
        before = mark.doc[mark.i - 1].lower_ if mark.i > 0 else ""
        if mark.lower_ != "as" or before not in ("long", "soon", "far", "well", "as", "so"):
            return not any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in clause.children)
    return False


def _has_modal(clause: Token) -> bool:
    return any(c.dep_ == "aux" and (c.lower_ in HYPOTHETICAL_MODALS or c.lower_ in FUTURE_AUX) for c in clause.children)


def _not_only(negation: Token) -> bool:
    following = negation.doc[negation.i + 1] if negation.i + 1 < len(negation.doc) else None
    return negation.lower_ == "not" and following is not None and following.lower_ == "only"


def _not_until(verb: Token) -> bool:
    """ "did not leave until Friday", "not until the army arrived did they flee": it happened, then."""
    return any(
        (child.dep_ in ("prep", "mark", "advmod") and child.lower_ == "until")
        or (child.dep_ == "advcl" and _marked(child, "until"))
        for child in verb.children
    )


def _marked(clause: Token, *words: str) -> bool:
    return any(child.dep_ in ("mark", "advmod") and child.lower_ in words for child in clause.children)


def _never(prep: Token) -> bool:
    """ "at no point", "at no time", "under no circumstances" (but not "with no warning", "in no time")."""
    return any(
        obj.dep_ == "pobj"
        and obj.lemma_.lower() in NEVER_NOUNS
        and any(grand.dep_ == "det" and grand.lower_ == "no" for grand in obj.children)
        for obj in prep.children
    )


def _past_habit(token: Token) -> bool:
    """ "Would" with a recurring time is a past habit ("soldiers would raid the villages every night"),
    not a possibility, unless a condition makes it one ("would attack every convoy if ...")."""
    if not any(child.dep_ == "aux" and child.lower_ == "would" for child in token.children):
        return False
    if any(child.dep_ == "aux" and child.lower_ == "have" for child in token.children):
        return False
    if any(child.dep_ == "advcl" and _marked(child, *CONDITIONAL_MARKS) for child in token.children):
        return False
    return any(
        (child.dep_ in ("advmod", "npadvmod") and child.lower_ in HABITUAL)
        or (
            child.dep_ in ("npadvmod", "advmod")
            and any(grand.dep_ == "det" and grand.lower_ in RECURRENCE_DETS for grand in child.children)
        )
        for child in token.children
    )


def _future_in_the_past(token: Token) -> bool:
    """ "Would" in what a past speech verb reports is its future ("said it would deploy troops next week"),
    unless the clause is itself conditional or perfect ("would have", "would ... if")."""
    clause = token
    while clause.dep_ == "conj" and clause.head.i != clause.i:  # "... would prohibit aid and would deny entry"
        clause = clause.head
    head = clause.head
    threat = head.lemma_.lower() in THREAT_SPEECH_VERBS
    if clause.dep_ != "ccomp" or (head.lemma_.lower() not in REPORTING_VERBS and not threat) or head.tag_ != "VBD":
        return False
    if any(child.lower_ == "have" and child.dep_ == "aux" for child in token.children):
        return False
    return threat or not any(
        child.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in CONDITIONAL_MARKS for g in child.children)
        for child in token.children
    )


def _future_time(verb: Token) -> Token | None:
    """ "tomorrow", "next week", "in the coming days" (not "the next day", a past narrative's)."""
    for child in verb.children:
        if child.dep_ in ("npadvmod", "advmod") and child.lower_ in FUTURE_TIMES:
            return child
        undated = child.dep_ == "npadvmod" and not any(g.dep_ == "det" for g in child.children)
        if undated and any(g.dep_ == "amod" and g.lower_ in ("next", "coming") for g in child.children):
            return child
        if child.dep_ == "prep" and child.lower_ in ("in", "within", "over"):  # "in the coming days"
            for obj in (g for g in child.children if g.dep_ == "pobj"):
                if any(g.dep_ == "amod" and g.lower_ in ("coming", "next") for g in obj.children):
                    return obj
    return None


def _plural_event_subject(verb: Token) -> Token | None:
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.tag_ != "NNS" or any(c.dep_ in ("det", "poss", "nummod") for c in subject.children):
        return None
    return subject


def _universal_argument(token: Token) -> bool:
    """An object over anyone at all ("shoot at anyone who crosses", "arrest whoever protests", "any car")."""
    objects = [child for child in token.children if child.dep_ == "dobj"]
    objects += [g for child in token.children if child.dep_ == "prep" for g in child.children if g.dep_ == "pobj"]
    return any(
        obj.lower_ in UNIVERSAL_WORDS or any(g.dep_ == "det" and g.lower_ in UNIVERSAL_DETS for g in obj.children)
        for obj in objects
    )


def _shared_cue(token: Token, conjunct: Token) -> tuple[Factuality, str] | None:
    """The cue a conjunct shares with its first conjunct. One predicate with two verbs ("ISIS could attack
    and kill") shares auxiliaries and adverbs, but not a negation, which stays with its own verb; a
    conjunct clause with its own subject shares only the subordinator ("if the rebels attack and the
    army responds"), not "could not" ("Reuters could not confirm it, but residents said ...")."""
    if _has_subject(conjunct):
        mark = next((c for c in token.children if c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS), None)
        return ("hypothetical", mark.text) if mark is not None else None
    cue = _own_cue(token)
    if cue and conjunct.tag_ == "VBD" and any(c.dep_ == "aux" and c.text == cue[1] for c in token.children):
        return None  # a past-tense verb takes no modal: "said it would not tolerate attacks and then bombed the camp"
    return cue if cue and cue[0] != "negated" else None


def _has_subject(token: Token) -> bool:
    return any(child.dep_ in ("nsubj", "nsubjpass", "expl") for child in token.children)


def _cue_lemma(token: Token) -> str:
    """The token's lemma, mended where the lemmatiser drops a verb's final "e" ("hopes" → "hop"): the cue
    lexicons hold the real lemma, and "hop", "plan" or "scar" would otherwise hide "hope", "plane", "scare"."""
    lemma = token.lemma_.lower()
    mended = lemma + "e"
    if token.pos_ in ("VERB", "AUX") and token.lower_.startswith(mended) and mended in _CUE_VERB_LEMMAS:
        return mended
    return lemma


def _governor_cue(head: Token, token: Token) -> tuple[Factuality, str] | None:
    """A cue from a predicate that governs the event clause: deny, fail, fear, plan, possible, set to."""
    lemma = _cue_lemma(head)
    if lemma == "go" and head.tag_ == "VBG" and token.dep_ == "xcomp":
        return "future", head.text  # "were going to attack"
    if head.pos_ in ("VERB", "AUX") and _particle(head) == ("gear", "up"):
        return "future", head.text  # "the insurgents are gearing up for an offensive"
    if head.pos_ in ("VERB", "AUX") and _particle(head) in UNDOING_PARTICLES:
        if any(child.dep_ == "neg" for child in head.children):
            return "hypothetical", head.text  # "it cannot be ruled out that the militants used chemical weapons"
        return "negated", head.text  # "called off the offensive", "ruled out a strike", "gave up plans to"
    if (
        head.pos_ == "NOUN"
        and lemma in AIM_NOUNS
        and token.lower_ == "of"
        and any(c.dep_ == "pcomp" for c in token.children)
    ):
        return "future", head.text  # "with the aim of capturing the town"
    if lemma in ESCAPE_VERBS and token.tag_ in ("VBG", "VBN") and token.dep_ in ("xcomp", "pcomp", "ccomp", "dobj"):
        return "negated", head.text  # "narrowly escaped being kidnapped"
    if lemma in PREVENT_FROM_VERBS and token.lower_ == "from" and any(c.dep_ == "pcomp" for c in token.children):
        return "negated", head.text  # "were barred from entering the camp", "kept from marching"
    if lemma in BELIEF_CLAUSE_VERBS and token.dep_ == "ccomp" and head.pos_ == "VERB" and _has_subject(head):
        return "hypothetical", head.text  # "police believe the gunmen crossed", "it is thought that ..."
    if head.pos_ in ("VERB", "AUX") and token.dep_ == "xcomp" and _infinitive(token):
        if lemma in SEEM_VERBS:
            return "hypothetical", head.text  # "the militants appear to have executed the hostages"
        if lemma == "be" and head.dep_ != "aux" and head.tag_ in ("VBZ", "VBP") and token.lemma_.lower() != "blame":
            return "future", head.text  # "the army is to withdraw next week" (not "fighters are to blame")
    if lemma == "short" and head.dep_ == "advmod" and token.lower_ == "of":
        return "negated", head.text  # "fell short of capturing the town", "stopped short of shelling"
    if head.pos_ == "NOUN" and lemma in PLAN_NOUNS and token.dep_ == "advcl" and _infinitive(token):
        return "future", head.text  # "set a deadline for the rebels to withdraw"
    if lemma in ("of", "than") and token.dep_ in ("pcomp", "pobj") and _instead(head):
        return "negated", head.text  # "instead of attacking the base", "rather than storm the building"
    # A bare infinitive of purpose ("sent reinforcements to retake the town") is left asserted: news uses it as
    # much for what was done ("deployed warplanes to support Assad") as for what was only aimed at, and reading
    # it as an aim cost the FA-KES floors (perpetrator_macro_f1, cause_of_death_accuracy). Only the explicit
    # markers of purpose count.
    if head.pos_ in ("VERB", "AUX") and token.dep_ == "advcl" and _infinitive(token) and _marked(token, "so", "as"):
        return "future", token.text  # "deployed troops so as to deter an invasion"
    if lemma == "order" and head.head.lower_ == "in" and token.dep_ == "acl" and _infinitive(token):
        return "future", head.text  # "in order to disperse the crowd"
    if head.pos_ == "NOUN" and _complement_of_noun(token):
        judged = next(
            (c.lower_ for c in head.children if c.dep_ == "amod" and c.lower_ in FALSITY_ADJ | UNVERIFIED_ADJ), None
        )
        if judged:
            return ("negated" if judged in FALSITY_ADJ else "hypothetical"), judged  # "false reports that ..."
    if head.dep_ == "pobj" and head.head.lower_ == "in" and token.lower_ == "of" and _in_case(head):
        return "hypothetical", head.text  # "in the event of an invasion", "in case of an attack"
    passive = any(child.dep_ == "auxpass" for child in head.children)
    if head.pos_ in ("VERB", "AUX") and token.dep_ == "xcomp":
        if lemma in SCHEDULE_VERBS and passive:
            return "future", head.text  # "the junta is expected to expel", "troops are scheduled to withdraw"
        if lemma == "know" and passive:
            return "generic", head.text  # "police are known to beat suspects"
        if lemma in BELIEF_VERBS and passive:
            return "hypothetical", head.text  # "the group is believed to have killed dozens"
        if lemma in HEARSAY_VERBS and passive and _infinitive(token):
            return "hypothetical", head.text  # "the rebels are said to have executed prisoners"
        if lemma in HABIT_VERBS or (lemma == "use" and head.tag_ == "VBD" and not _has_object(head)):
            return "generic", head.text  # "insurgents tend to strike", "militias used to attack"
        if lemma in ("have", "be") and any(child.dep_ == "advmod" and child.lower_ == "yet" for child in head.children):
            return "negated", head.text  # "the army has yet to retake the town", "is yet to be retaken"
    if head.pos_ in ("VERB", "AUX") and token.dep_ in ("ccomp", "xcomp"):
        if lemma in CLAIM_VERBS:
            return "hypothetical", head.text  # "claimed that soldiers had killed 50", "claimed to have downed"
        if lemma in REPORTING_VERBS and _unverified_source(head):
            return "hypothetical", head.text  # "unconfirmed reports said militants had seized the dam"
    if lemma == "be" and token.dep_ in ("advcl", "ccomp", "csubj"):
        rating = next((child for child in head.children if child.dep_ == "acomp" and child.pos_ == "ADJ"), None)
        rated = _governor_cue(rating, token) if rating is not None else None
        if rated:
            return rated  # "it is not unusual for militias to loot", "it is possible that the drone struck"
    if head.pos_ in ("VERB", "AUX"):
        if lemma in DENIAL_VERBS | FAILURE_VERBS and not _adverbial(token):
            return "negated", head.text  # but "will not stop until they capture the capital": a time, not an object
        if lemma in FEAR_VERBS:
            return "hypothetical", head.text
        if lemma in ATTEMPT_VERBS and token.dep_ == "xcomp" and _in_vain(head):
            return "negated", head.text  # "tried in vain to recapture the hill"
        if lemma in ATTEMPT_VERBS and token.dep_ == "xcomp" and _carried_out(head):
            return None  # "gunmen tried to kill the governor": the attempt was made; cues above still count
        if lemma in INTENT_VERBS and not (lemma == "call" and token.dep_ in ("dobj", "oprd")):
            return "future", head.text  # not "called the shelling a war crime", which names what happened
    if lemma == "without" and head.dep_ == "prep" and token.dep_ in ("pcomp", "pobj"):
        return "negated", head.text  # "left the town without firing a shot"
    if head.pos_ == "NOUN" and lemma in PLAN_NOUNS and any(c.dep_ == "det" and c.lower_ == "no" for c in head.children):
        return "negated", head.text  # "had no plans to bomb the city", "has no intention of attacking"
    if head.pos_ == "NOUN" and lemma in ABSENCE_NOUNS and token.lower_ == "of":
        return "negated", head.text  # "the absence of attacks", "a lack of fighting"
    if ANTICIPATION_PREPS.get(lemma) == token.lower_ and head.pos_ in ("NOUN", "VERB"):
        return "hypothetical", head.text  # "on high alert for attacks", "braced for protests"
    if lemma in REPUTATION_ADJ and head.pos_ in ("ADJ", "VERB") and token.lower_ == "for" and head.dep_ == "acomp":
        return "generic", head.text  # "the militia is notorious for kidnapping aid workers"
    if lemma in IMMINENCE_ADJ and token.lower_ == "to" and head.head.lemma_.lower() == "come":
        return "negated", head.text  # "the police came close to arresting the suspect": it fell short
    if lemma in SUPPOSITION_VERBS and head.tag_ == "VBG" and head.dep_ == "advcl" and not _has_subject(head):
        return "hypothetical", head.text  # "assuming the rebels attack tonight, ..."
    if lemma == "ahead" and token.lower_ == "of" and _still_to_come(head, token):
        return "future", head.text  # "ahead of a planned march on Friday", "ahead of protests tomorrow"
    if head.pos_ == "NOUN" and lemma in HABIT_NOUNS and token.lower_ == "of":
        return "generic", head.text  # "a history of kidnapping aid workers"
    if head.pos_ == "NOUN" and lemma in IMMINENCE_NOUNS and token.lower_ == "of":
        return "future", head.text  # "on the verge of seizing the town"
    if head.pos_ == "NOUN" and lemma in INTENT_CLAUSE_NOUNS and _complement_of_noun(token):
        if any(child.dep_ == "amod" and child.lower_ in FAILED_ADJ for child in head.children):
            return "negated", head.text  # "a failed attempt to storm the prison"
        return "future", head.text
    if head.pos_ == "NOUN" and lemma in CALL_NOUNS and token.lower_ == "for":
        return "future", head.text  # "calls for attacks on embassies"
    if head.pos_ == "NOUN" and lemma in DOUBT_NOUNS and (_complement_of_noun(token) or token.lower_ == "of"):
        return "hypothetical", head.text  # "rumours that militants had seized the dam", "allegations of torture"
    if head.pos_ == "NOUN" and lemma in INTENT_NOUNS:
        return ("hypothetical" if lemma in RISK_NOUNS else "future"), head.text
    participle = head.tag_ == "VBN" and token.dep_ == "xcomp" and _infinitive(token)
    if head.pos_ == "ADJ" or (
        participle and (head.dep_ == "acomp" or any(c.dep_ == "auxpass" for c in head.children))
    ):  # "is poised to launch", "are determined to capture", "is bound to strike"
        lemma = head.lower_ if head.pos_ != "ADJ" else lemma  # "poised", "determined": participles as adjectives
        if lemma in INABILITY_ADJ:
            return "negated", head.text
        if lemma in GENERIC_ADJ:
            return "generic", head.text
        if lemma in HYPOTHETICAL_ADJ:
            return "hypothetical", head.text
        if lemma in FUTURE_ADJ and (lemma not in INFINITIVE_FUTURE_ADJ or _infinitive(token)):
            return "future", head.text
        if lemma in IMMINENCE_ADJ and token.lower_ == "to":
            return "future", head.text  # "troops are close to capturing the airport"
    return None


def _still_to_come(ahead: Token, of: Token) -> bool:
    """ "ahead of" an event still to come: one the sentence calls planned or expected, or any when the main verb
    is not in the past ("police are deployed ahead of protests"); in a past narrative the event may have followed
    ("ahead of the attack, the gunmen cut the power")."""
    events = [child for child in of.children if child.dep_ in ("pobj", "pcomp")]
    if any(g.dep_ == "amod" and g.lower_ in PLANNED_ADJ for event in events for g in event.children):
        return True
    verb = ahead.head
    past = verb.tag_ == "VBD" or any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in ("was", "were", "had") for c in verb.children
    )
    return verb.pos_ in ("VERB", "AUX") and not past


def _future_possessor(noun: Token) -> Token | None:
    """ "next week's protest", "tomorrow's march": a possessor that dates the event in the future."""
    for child in noun.children:
        if child.dep_ != "poss":
            continue
        if child.lower_ in FUTURE_TIMES or any(
            g.dep_ == "amod" and g.lower_ in ("next", "coming") for g in child.children
        ):
            return child
    return None


def _unverified_source(verb: Token) -> bool:
    """The speaker is a report the writer marks unverified ("unconfirmed reports said")."""
    return any(
        child.dep_ == "nsubj" and any(g.dep_ == "amod" and g.lower_ in UNVERIFIED_ADJ for g in child.children)
        for child in verb.children
    )


def _according_to_unverified(verb: Token) -> bool:
    """ "According to unconfirmed reports, militants have seized the crossing": the clause is only a report."""
    for child in verb.children:
        if child.dep_ != "prep" or child.lower_ != "according":
            continue
        for obj in (g for to in child.children for g in to.children if g.dep_ == "pobj"):
            if any(g.dep_ == "amod" and g.lower_ in UNVERIFIED_ADJ for g in obj.children):
                return True
    return False


def _carried_out(verb: Token) -> bool:
    """A past attempt made ("tried", "had attempted"), not one announced, ongoing or only possible."""
    auxiliaries = [child.lower_ for child in verb.children if child.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBD":
        return not auxiliaries
    return verb.tag_ == "VBN" and bool(auxiliaries) and set(auxiliaries) <= {"has", "have", "had"}


def _particle(verb: Token) -> tuple[str, str]:
    particle = next((child.lower_ for child in verb.children if child.dep_ == "prt"), "")
    if not particle:  # the parser may read the particle as an adverb: "held back from firing", "backed away from"
        words = {word for _, word in UNDOING_PARTICLES}
        particle = next((c.lower_ for c in verb.children if c.dep_ == "advmod" and c.lower_ in words), "")
    return verb.lemma_.lower(), particle


def _infinitive(clause: Token) -> bool:
    return any(child.dep_ == "aux" and child.lower_ == "to" for child in clause.children)


def _instead(prep: Token) -> bool:
    """ "instead of", "rather than" (the parser hangs the adverb above or below the preposition)."""
    return prep.head.lower_ in ("instead", "rather") or any(c.lower_ in ("instead", "rather") for c in prep.children)


def _in_case(noun: Token) -> bool:
    """ "in case of", "in the event of" (not "in the case of the two worst explosions", which names them)."""
    determiners = [child.lower_ for child in noun.children if child.dep_ == "det"]
    lemma = noun.lemma_.lower()
    return (lemma == "case" and not determiners) or (lemma == "event" and determiners == ["the"])


def _in_vain(verb: Token) -> bool:
    """ "tried in vain", "tried unsuccessfully": the attempt came to nothing."""
    return any(
        (child.dep_ == "advmod" and child.lower_ == "unsuccessfully")
        or (child.dep_ == "prep" and child.lower_ == "in" and any(g.lower_ == "vain" for g in child.children))
        for child in verb.children
    )


def _has_object(verb: Token) -> bool:
    return any(child.dep_ == "dobj" for child in verb.children)


def _presupposed(token: Token, head: Token, below: Token) -> bool:
    """A noun event that an ordinary verb only talks about ("did not comment on the strikes") happened
    regardless of that verb's negation or modality; only light verbs ("did not carry out attacks") pass them on."""
    if token.pos_ not in ("NOUN", "PROPN") and token.dep_ != "prep":
        return False
    if token.dep_ not in ("dobj", "pobj", "prep"):
        return False
    if token.dep_ == "prep" and below.dep_ == "pcomp":
        return False  # a clause, not a noun: "vowed to avenge him by attacking", "accused of attacking"
    if head.pos_ in ("VERB", "AUX"):
        lemma = head.lemma_.lower()
        return lemma not in LIGHT_VERBS | OCCURRENCE_VERBS | PERFORMING_VERBS  # "could come under attack"
    return False


def _predicate_cue(noun: Token) -> tuple[Factuality, str] | None:
    """The cue of the clause a noun event is the subject of, when that clause only rates the event:
    "an attack is likely", "a new offensive remains possible", "an attack could come at any time"."""
    head = noun.head
    if noun.dep_ == "nsubjpass" and head.pos_ == "VERB":
        lemma = head.lemma_.lower()
        if lemma in FAILURE_VERBS or _particle(head) in UNDOING_PARTICLES:
            return "negated", head.text  # "the planned assault was cancelled", "the strike was called off"
        if lemma in POSTPONE_VERBS or lemma in ("plan", "schedule", "slate"):
            return "future", head.text  # "the offensive was postponed", "the rally is planned for Friday"
    if noun.dep_ in ("nsubj", "nsubjpass") and any(
        c.dep_ == "det" and c.lower_ in ("a", "an", "any") for c in noun.children
    ):
        modal = next((c for c in head.children if c.dep_ == "aux" and c.lower_ in ("would", "could", "might")), None)
        if modal is not None and not any(c.dep_ == "aux" and c.lower_ == "have" for c in head.children):
            return "hypothetical", modal.text  # "an attack on the dam would cause a catastrophe", "any strike would"
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.tag_ == "NNS" and _bare(noun) and _answered(head):
        modal = next((c for c in head.children if c.dep_ == "aux" and c.lower_ == "would"), None)
        if modal is not None and not any(c.dep_ == "aux" and c.lower_ == "have" for c in head.children):
            return "hypothetical", modal.text  # "protests would not be tolerated": no protest in particular
    if (
        noun.tag_ == "NNS"
        and head.lemma_.lower() == "be"
        and any(  # "kidnappings are on the rise"
            child.dep_ == "prep"
            and child.lower_ == "on"
            and any(g.lemma_.lower() in ("rise", "increase") for g in child.children)
            for child in head.children
        )
    ):
        return "generic", head.text
    for child in head.children:
        if child.dep_ in ("acomp", "oprd", "attr") and child.pos_ == "ADJ":
            cue = _governor_cue(child, noun)
            if cue:
                return cue
        if child.dep_ == "attr" and any(  # "car bombings are a daily occurrence", "a common sight"
            grand.dep_ == "amod" and grand.lower_ in HABITUAL | GENERIC_ADJ for grand in child.children
        ):
            return "generic", child.text
    if head.lemma_.lower() == "be":  # "an attack on the capital would be a major escalation"
        rated = _own_cue(head)
        modal = rated is not None and any(c.dep_ == "aux" and c.text == rated[1] for c in head.children)
        if rated and modal and rated[0] in ("hypothetical", "future"):
            return rated  # not "the attack was probably a ploy", where only what the attack was is in doubt
    rated = _own_cue(head)
    if rated and rated[0] == "generic":  # "kidnappings in the region usually end with a ransom"
        return rated
    takes_place = head.lemma_.lower() == "take" and any(child.lower_ == "place" for child in head.children)
    takes_place |= head.lemma_.lower() == "go" and any(child.lower_ == "ahead" for child in head.children)
    if head.lemma_.lower() in OCCURRENCE_VERBS or takes_place:
        return _own_cue(head)
    return None


def _answered(verb: Token) -> bool:
    """A verb that says how events would be met ("would not be tolerated", "would be punished"), not one that
    tells how they went on: "attacks would later resume", "protests would erupt" narrate a past future."""
    if verb.lemma_.lower() in OCCURRENCE_VERBS or verb.lemma_.lower() in ("spread", "follow", "continue"):
        return False
    return not any(
        child.dep_ == "advmod" and child.lower_ in ("later", "soon", "eventually") for child in verb.children
    )


def _bare(noun: Token) -> bool:
    """A noun with no determiner, possessor or number: a kind of event, not a particular one."""
    return not any(child.dep_ in ("det", "poss", "nummod") for child in noun.children)


def _undone(verb: Token) -> bool:
    """A verb itself negated or failed ("did not prevent", "failed to stop", "were unable to stop")."""
    if any(child.dep_ == "neg" or child.lower_ in ("never",) for child in verb.children):
        return True
    head = verb.head
    return verb.dep_ == "xcomp" and (head.lemma_.lower() == "fail" or head.lemma_.lower() in INABILITY_ADJ)


def _judged_report(noun: Token) -> tuple[Factuality, str] | None:
    """A report or claim that its own clause calls false or unverified ("claims that ... are baseless")."""
    clause = noun.head
    if noun.dep_ == "nsubjpass" and clause.lemma_.lower() in VERIFY_VERBS and _undone(clause):
        return "hypothetical", clause.text  # "reports of fighting could not be independently verified"
    copula = next((c for c in clause.children if c.dep_ == "xcomp" and c.lemma_.lower() == "be"), None)
    for child in [*clause.children, *(copula.children if copula is not None else ())]:  # "turned out to be false"
        if child.dep_ in ("acomp", "oprd") and child.lower_ in FALSITY_ADJ:
            negation = any(g.dep_ == "neg" for g in noun.head.children)
            return ("hypothetical" if negation else "negated"), child.text
        if child.dep_ in ("acomp", "oprd") and child.lower_ in UNVERIFIED_ADJ:
            return "hypothetical", child.text
    return None


def _outer_cue(token: Token) -> tuple[Factuality, str] | None:
    """A hypothetical cue above a future one decides ("there is a risk that the group will attack"):
    a feared or conditional plan is not yet announced as going to happen. So does a verb that undoes
    the plan ("police foiled a plan to bomb the church"): the event did not happen."""
    for _ in range(12):
        head = _head(token)
        if head.i == token.i or (token.dep_ in STOP_DEPS and not _complement_of_noun(token)):
            return None
        governor = _governor_cue(head, token)
        if governor and governor[0] == "negated":
            return governor
        cue = governor or _own_cue(head)
        if cue and cue[0] == "hypothetical":
            return cue
        token = head
    return None


def _head(token: Token) -> Token:
    """The token's head, with one parser slip mended: a to-clause right after a plan noun that is a verb's
    object hangs on the verb ("police foiled a plot to assassinate the governor") but says what the plan is."""
    head = token.head
    if token.dep_ != "advcl" or head.pos_ not in ("VERB", "AUX") or not _infinitive(token):
        return head
    plan = next(
        (
            child
            for child in head.children
            if child.dep_ == "dobj"
            and child.lemma_.lower() in PLAN_NOUNS
            and child.right_edge.i + 1 == token.left_edge.i
        ),
        None,
    )
    return plan if plan is not None else head


def _complement_of_noun(token: Token) -> bool:
    """A clause that says what a plan, threat, fear or report is ("a plan to attack", "the risk that ISIS
    will attack", "reports that troops had tortured detainees"), unlike a relative clause, which describes
    the noun by another event (there "that" is the clause's subject or object, not its marker)."""
    if token.dep_ not in ("acl", "relcl", "ccomp") or token.head.pos_ != "NOUN":
        return False
    if any(child.dep_ == "mark" and child.lower_ == "that" for child in token.children):
        return True  # the parser also reads it as a relative clause or a ccomp ("reports that soldiers had fired")
    if token.dep_ != "acl":
        return False
    return token.head.lemma_.lower() in PLAN_NOUNS and any(
        child.dep_ == "aux" and child.lower_ == "to" for child in token.children
    )


def factuality_of(trigger: Token, sentence: Span | None = None) -> tuple[Factuality, str | None]:
    """The factuality of the event that `trigger` expresses, and the word that decided it.

    Walks from the trigger up the parse ("might return home to carry out attacks" reaches "might"),
    stopping at relative clauses and subjects, whose cues belong to another predicate. `sentence` is the
    trigger's sentence when the caller has it: `Token.sent` scans the document for its bounds.
    """
    token = below = trigger
    reported = False
    for _ in range(12):
        own = _own_cue(token) if token.i == trigger.i or below.dep_ != "conj" else _shared_cue(token, below)
        if own:
            if reported and own[0] in ("negated", "hypothetical"):
                return "hypothetical", own[1]
            if own[0] == "future":
                return _outer_cue(token) or own
            return own
        if token.i == trigger.i and token.pos_ == "NOUN":
            modifier = next((c for c in token.children if c.dep_ == "amod" and c.lower_ in NOUN_MODIFIER_CUES), None)
            if modifier is not None:  # "possible clashes", "an imminent attack"
                return NOUN_MODIFIER_CUES[modifier.lower_], modifier.text
            possessor = _future_possessor(token)
            if possessor is not None:
                return "future", possessor.text  # "next week's protest"
        head = _head(token)
        subject = token.dep_ in ("nsubj", "nsubjpass") and token.pos_ in ("NOUN", "PROPN")
        if token.i == trigger.i and (subject or (token.dep_ == "csubj" and token.tag_ == "VBG")):
            predicate = _predicate_cue(token)  # "attacks are common", "shelling has become routine"
            if predicate:
                return predicate
        told = below.lower_ == "of" and token.lemma_.lower() in REPORT_NOUNS | DOUBT_NOUNS  # "reports of an attack"
        if token.dep_ in ("nsubj", "nsubjpass") and token.i != trigger.i and (_complement_of_noun(below) or told):
            judged = _judged_report(token)  # "reports that soldiers had fired on the crowd were false"
            if judged:
                return judged
        if token.i == trigger.i and token.dep_ == "attr" and head.lemma_.lower() == "be":
            named = _own_cue(head)  # "the blast was not an attack"
            if named and named[0] == "negated":
                return named
            # A modal or condition on the copula doubts what the event was more than that it happened ("may have
            # been a terrorist attack", "unless there is an explosion"), and MUC-4's dev templates count those.
            break
        if head.i == token.i or (token.dep_ in STOP_DEPS and not _complement_of_noun(token)):
            break
        if token.dep_ == "advcl" and _reason(token) and not _has_modal(token):
            break  # a reason asserts its own event: "should avoid the area, as there is heavy shooting"
        if token.dep_ == "prep" and head.lemma_.lower() in INVOLVEMENT_NOUNS | {"responsible"}:
            break  # "denied responsibility for the bombing": the bombing is given, only the part in it is denied
        if token.dep_ == "conj":
            below, token = token, head
            continue
        if _adverbial(token) and token.tag_ == "VBD" and not any(c.dep_ == "aux" for c in token.children):
            break  # a past adverbial clause asserts its own event: "nobody was hurt when the bomb exploded"
        governor = _governor_cue(head, token)
        if governor and governor[0] == "negated" and head.lemma_.lower() in PREVENTION_VERBS and _undone(head):
            return "asserted", None  # "police failed to prevent an attack", "could not stop them from storming"
        if governor:
            if governor[0] == "future":
                own = _own_cue(head)
                if own and own[0] == "hypothetical":
                    return own  # "the group could be planning an attack"
                return _outer_cue(head) or governor
            if governor[0] == "hypothetical" and head.pos_ == "NOUN":  # "refuted allegations that they had shelled"
                judged = _judged_report(head) if head.dep_ in ("nsubj", "nsubjpass") else None
                if judged and judged[0] == "negated":
                    return judged  # "claims that the army shelled the hospital are baseless"
                outer = _outer_cue(head)
                return outer if outer and outer[0] == "negated" else governor
            return governor
        if _presupposed(token, head, below):
            break
        if token.dep_ in REPORT_DEPS or (token.dep_ == "acl" and head.lemma_.lower() not in PLAN_NOUNS):
            reported = True
        below, token = token, head
    sentence = trigger.sent if sentence is None else sentence
    if _imperative(trigger, sentence):
        return "future", trigger.text  # "Attack the convoys, the commander told his men"
    if trigger.pos_ == "NOUN" and any(child.dep_ == "det" and child.lower_ == "any" for child in trigger.children):
        return "hypothetical", "any"  # "any attack on the base will be met with force": no attack in particular
    if _ends_in_question(sentence) and not _wh_question(trigger, sentence):
        return "hypothetical", "?"
    return "asserted", None


def _ends_in_question(sentence: Span) -> bool:
    """Does the sentence end in a question mark? Read from its last words, not its text: building the
    sentence's text for every event was a fifth of the factuality check's time."""
    doc = sentence.doc
    for i in range(sentence.end - 1, sentence.start - 1, -1):
        text = doc[i].text.rstrip()
        if text:
            return text.endswith("?")
    return False


def _imperative(trigger: Token, sentence: Span) -> bool:
    """A command: a bare verb that opens its sentence or quotation, with no subject or auxiliary."""
    if trigger.tag_ != "VB" or trigger.dep_ not in ("ROOT", "ccomp", "advcl", "parataxis"):
        return False
    if any(child.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for child in trigger.children):
        return False
    before = trigger.doc[sentence.start : trigger.i]
    return all(token.is_punct or token.is_quote for token in before)


def _wh_question(trigger: Token, sentence: Span) -> bool:
    """A question about who, why or where takes its event as given ("Who fired the rockets?"), unlike a
    yes/no question, which asks whether it happened ("Did ISIS attack the checkpoint?"), or "what if", which
    asks about a supposition ("What if the rebels attack the dam?")."""
    first = next((token for token in sentence if not token.is_punct), None)
    if first is not None and first.lower_ == "what" and first.i + 1 < len(first.doc) and first.nbor().lower_ == "if":
        return False
    return first is not None and first.lower_ in WH_WORDS and first.tag_ in ("WP", "WRB", "WDT", "WP$")
