"""The events stage: one PLOVER event per trigger (or group of same-type triggers) in a sentence.

For each sentence: find trigger words from the lexicon, merge same-type triggers that the parse joins
("killed 12 in a suicide bombing" is one event), then read each event's roles, mode, place, date,
fatalities and factuality from the parse, and keep the sentence as evidence.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from lanner.events.factuality import factuality_of
from lanner.events.fatalities import fatalities_in
from lanner.events.lexicon import TriggerLexicon, TriggerSense
from lanner.events.place import event_place, not_an_event_sense, takes_no_ground
from lanner.events.plover import ACLED_TYPES, acled_category
from lanner.events.roles import (
    CLASH_NOUNS,
    Roles,
    attack_attributions,
    attribute_claims,
    noun_roles,
    phrase_tokens,
    purpose_targets,
    responsibility_claims,
    verb_roles,
)
from lanner.geo.recognize import FEATURE_WORDS
from lanner.nlp.text import WordForms
from lanner.records import (
    Actor,
    Analysis,
    DateMention,
    DateRange,
    Event,
    EventDate,
    EventPlace,
    Place,
    PlaceMention,
    Span,
)
from lanner.time.anchor import date_rank

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from lanner.actors import ActorKnowledgeBase

FALLBACK_WINDOW_DAYS = 7  # with no date in its sentence, an event is dated to the week before publication
TERRITORY_VERBS = frozenset(
    {
        "capture",
        "seize",
        "overrun",
        "take",
        "recapture",
        "retake",
        "regain",
        "gain",
        "reclaim",
        "recover",  # "recovered the town from Boko Haram"; weapons recovered are seized (DISRUPT_VERBS)
        "wrest",
        "liberate",
        "free",
        "occupy",
        "clear",
    }
)
# Verbs whose object is ground gone to, through or from ("entered Kabul", "fled Baghdad"): a capital there is
# the city, not its government. With the lexicon's attack verbs ("shelled Kabul"), see `EventStage`.
GROUND_VERBS = TERRITORY_VERBS | {
    "enter", "reach", "leave", "flee", "cross", "evacuate", "approach", "surround", "encircle", "besiege",
}  # fmt: skip
# What a territory verb takes when no place name is its object: "recaptured the village of X", "took control of".
# Not "storm": "gunmen stormed a village and killed 15" is an attack; ground taken needs a word of taking. Not a
# checkpoint: overrunning one is a fight over a post (ACLED: armed clash), not control of a place.
TERRITORY_NOUNS = frozenset(
    {
        "territory",
        "village",
        "town",
        "city",
        "area",
        "district",
        "region",
        "control",
        "neighbourhood",
        "neighborhood",
        "hill",
        "airport",
        "airbase",
        "base",
        "province",
        "countryside",
        "outpost",
        "stronghold",
        "post",
        "position",
        "crossing",
        "ground",
        "height",
        "heights",
        "port",
        "harbour",
        "harbor",
        "oilfield",
        "field",
        "island",
        "valley",
        "mountain",
        "bridge",
        "dam",
        "highway",
        "suburb",
        "quarter",
        "hamlet",
        "settlement",
        "enclave",
        "border",
        "county",
        "governorate",
        "municipality",
        "locality",
        "frontline",
        "front",
        "junction",
        "garrison",
        "centre",  # "captured the district centre"
        "center",
        "capital",
        "barracks",
        "headquarters",
        "fort",
    }
)
TERRITORY_SENSE = TriggerSense(type="ASSAULT", mode=None, weight=0.9)
# "set up an observation post", "established a base": a MOBILIZE event ACLED codes as a base established.
BASE_VERBS = frozenset({"establish", "set", "create", "build", "construct", "erect", "open"})
BASE_NOUNS = frozenset({"base", "post", "point", "headquarters", "outpost", "camp", "garrison", "airbase"})
BASE_SENSE = TriggerSense(type="MOBILIZE", mode="troops", weight=0.9)
# "seized a cache of arms", "defused a bomb": security forces stop a weapon being used (ACLED: disrupted weapons use).
DISRUPT_VERBS = frozenset(
    {
        "seize",
        "confiscate",
        "discover",
        "find",
        "recover",
        "uncover",
        "defuse",
        "dismantle",
        "intercept",
        "unearth",
        "impound",
        "capture",
        "neutralize",
        "neutralise",
        "destroy",
        "clear",
        "remove",
        "demine",
        "disarm",
        "deactivate",
    }
)
WEAPON_NOUNS = frozenset(
    {
        "cache",
        "arm",
        "arms",
        "weapon",
        "ammunition",
        "firearm",
        "explosive",
        "ied",
        "grenade",
        "landmine",
        "mine",
        "bomb",
        "munition",
        "rifle",
        "gun",
        "detonator",
        "device",
        "stockpile",
        "rocket",
        "mortar",
        "pistol",
        "tnt",
        "arsenal",
        "ammo",
        "missile",  # "intercepted a ballistic missile", "shot down two drones": ACLED's disrupted weapons use
        "drone",
        "projectile",
        "warhead",
    }
)
DISRUPT_SENSE = TriggerSense(type="COERCE", mode="seize", weight=0.9)
FOIL_VERBS = frozenset({"thwart", "foil", "avert", "frustrate"})
# Participles that say what a thing seized or found holds: "a truck loaded with ammunition", "a tunnel used to
# store weapons", "a bag containing explosives".
CARGO_PARTICIPLES = frozenset(
    {"load", "use", "contain", "carry", "fill", "pack", "store", "hide", "stock", "stuff", "laden", "rig"}
)
# Weapons in flight an air defence brings down (a warplane shot down is an attack on its crew).
INTERCEPTED_WEAPONS = frozenset({"missile", "drone", "rocket", "projectile", "warhead"})
# Words in a sentence that make its ASSAULT a chemical attack, whatever else the sentence names.
CHEMICAL_WORDS = frozenset(
    {
        "chemical",
        "sarin",
        "chlorine",
        "mustard",
        "nerve",
        "poison",
        "poisonous",
        "toxic",
        "asphyxia",
        "asphyxiation",
        "suffocation",
        "vx",
    }
)
NOT_CHEMICAL_HEADS = frozenset({"plant", "factory", "engineer", "industry", "company", "troop", "protection", "waste"})
# Nouns a weapon word can modify without naming a weapon ("gas field", "air base", "car park").
NOT_WEAPON_HEADS = frozenset(
    {
        "hub",
        "field",
        "station",
        "pipeline",
        "park",
        "plant",
        "company",
        "price",
        "supply",
        "export",
        "import",
        "reserve",
        "deal",
        "leak",
        "facility",
        "sector",
        "industry",
        "base",
        "port",
        "space",
        "traffic",
        "line",
        "bill",
    }
)
# Grenades that are crowd-control gear, not weapons.
NON_LETHAL_GRENADE = frozenset({"smoke", "stun", "flash", "flashbang", "sound", "tear", "teargas", "pepper"})
# Words that make a demonstration violent: the demonstrators' own violence, not the police's.
RIOT_WORDS = frozenset(
    {
        "violent",
        "violently",
        "clash",
        "riot",
        "rioter",
        "torch",
        "ablaze",
        "loot",
        "vandalize",
        "vandalise",
        "stone",
        "molotov",
        "firebomb",
        "projectile",
        "smash",
        "rampage",
        "arson",
        "aggressive",
        "throw",
        "hurl",
        "pelt",
    }
)
# Words that say the authorities stepped into a protest (ACLED: protest with intervention), and the ones that make
# that intervention lethal (excessive force against protesters).
INTERVENTION_WORDS = frozenset(
    {
        "arrest",
        "arrested",
        "detain",
        "detained",
        "disperse",
        "dispersed",
        "tear",
        "teargas",
        "cannon",
        "baton",
        "truncheon",
        "rubber",
        "pepper",
        "crackdown",
        "suppress",
        "suppressed",
        "clamp",
    }
)
LETHAL_FORCE_WORDS = frozenset(
    {"kill", "killed", "live", "dead", "death", "die", "died", "fatally", "shot", "shoot", "violently", "brutally"}
)
PROTEST_WORDS = frozenset(
    {"protest", "demonstration", "rally", "march", "sit-in", "protester", "demonstrator", "vigil"}
)
MOB_WORDS = frozenset({"mob", "vigilante", "vigilantism", "lynch"})
# Who is a mob only as the one doing the violence: "an angry crowd beat a thief" (not "police fired on the crowd",
# "militants killed five villagers").
MOB_SUBJECT_WORDS = frozenset({"crowd", "villager", "mob"})
# ACLED's excessive force: "lethal violence or violence resulting in serious injuries".
LETHAL_WORDS = frozenset(
    {
        "kill",
        "live",
        "dead",
        "death",
        "die",
        "shoot",
        "violently",
        "brutally",
        "excessive",
        "beat",
        "fatally",
        "brutal",
        "injure",
        "injury",
        "wound",
    }
)
# People an attack harms who are not named as an actor ("bomb blast kills six people", "four women were killed"):
# ACLED and FA-KES code them as civilians.
VICTIM_NOUNS = frozenset(
    {
        "people",
        "person",
        "civilian",
        "resident",
        "villager",
        "passenger",
        "woman",
        "child",
        "man",
        "worshipper",
        "student",
        "family",
        "pedestrian",
        "shopper",
        "boy",
        "girl",
        "farmer",
        "patient",
        "mourner",
        "guest",
        "customer",
        "bystander",
        "teenager",
        "infant",
        "employee",
        "worker",
        "inhabitant",
        "citizen",
        "teacher",
        "doctor",
        "nurse",
        "trader",
        "businessman",
        "shopkeeper",
        "engineer",
        "driver",
        "tourist",
        "priest",
        "pastor",
        "activist",
        "journalist",
        "schoolgirl",
        "pupil",
        "chief",
        "elder",
        "imam",
        "cleric",
        "lawyer",
        "judge",
        "councillor",
        "mayor",
        "politician",
        "official",
    }
)
CIVILIANS_ID = "generic.civilians"
# A toll summed over a war ("170,000 people have been killed in Syria's civil war since 2011") is not one attack's.
CUMULATIVE_WORDS = frozenset({"war", "conflict", "since", "uprising", "turmoil", "revolution", "crisis"})
# "X said Y must withdraw": a reported obligation put on someone else is X's demand of Y (CAMEO 10, PLOVER REQUEST).
DEMAND_SENSE = TriggerSense(type="REQUEST", mode=None, weight=0.9)
OBLIGATION_MODALS = frozenset({"must"})
REPORTING_VERBS = frozenset(
    {
        "say",
        "tell",
        "add",
        "state",
        "announce",
        "reiterate",
        "insist",
        "stress",
        "declare",
        "report",
        "quote",
        "claim",
        "confirm",
        "note",
        "write",
        "believe",
        "think",
        "indicate",
        "assert",
        "argue",
        "emphasize",
        "emphasise",
        "maintain",
    }
)
# Clause links that put a trigger below the sentence's main predication. Each one lowers an event's
# confidence, so the main clause's event leads ("agreed to lift sanctions": AGREE, not CONCEDE);
# a clause reported by a speech verb ("X said Y attacked Z") is the main event and is not lowered.
SUBORDINATE_DEPS = frozenset({"advcl", "relcl", "acl", "ccomp", "xcomp", "pcomp", "csubj", "parataxis"})
CLAUSE_DECAY = 0.8
# Nouns a trigger noun can modify and still be the event: "a mediation effort", "a peace mission".
EFFORT_NOUNS = frozenset({"effort", "bid", "mission", "process", "initiative", "campaign", "attempt", "drive"})
# PLOVER AGREE: "cooperative actions of types CONSULT, SUPPORT, COOPERATE and AID reported in future tense
# are also taken to imply intentions and should be coded as AGREE" ("will visit Albania", "would meet").
INTENT_TYPES = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
INTENT_FACTUALITY = frozenset({"future", "hypothetical"})
# PLOVER THREATEN: "the mode is the content of the threat". Restrictions and sanctions announced for the future
# or held out as possible are threats; violence keeps its type, so a planned attack still carries its ACLED type.
THREAT_TYPES = frozenset({"COERCE", "SANCTION"})
THREAT_MODES = {
    "restrict": "restrict",
    "curfew": "restrict",
    "martial-law": "restrict",
    "censor": "restrict",
    "boycott": "restrict",
    "arrest": "arrest",
    "deport": "expel",
    "expel": "expel",
    "discontinue": "relations",
    "withdraw": "relations",
    "seize": "territory",
}
# Who is expelled makes an expulsion SANCTION 'expel' (diplomats, peacekeepers, NGOs) rather than a deportation.
EXPEL_SANCTION_NOUNS = frozenset(
    {
        "diplomat",
        "ambassador",
        "envoy",
        "inspector",
        "observer",
        "monitor",
        "peacekeeper",
        "mission",
        "embassy",
        "attache",
        "attaché",
        "staff",
        "delegation",
    }
)
EXPEL_SENSE = TriggerSense(type="SANCTION", mode="expel", weight=0.9)
# "ordered X to appear": an order given to someone is a demand (PLOVER REQUEST).
ORDER_VERBS = frozenset({"order", "instruct", "direct", "command", "summon"})
ORDER_SENSE = TriggerSense(type="REQUEST", mode=None, weight=0.8)
# "strengthened its forces in Lebanon", "boosted its military presence": MOBILIZE troops.
BUILDUP_VERBS = frozenset({"strengthen", "bolster", "boost", "increase", "beef", "augment", "expand", "double"})
FORCE_NOUNS = frozenset({"force", "troop", "presence", "garrison", "military", "contingent", "deployment"})
BUILDUP_SENSE = TriggerSense(type="MOBILIZE", mode="troops", weight=0.8)
# "Land forces were formed", "set up a new brigade": a new armed force is a change to the group (ACLED:
# Change to group/activity), read only when the formed thing is a force, not a government or committee.
FORM_VERBS = frozenset({"form", "create"})
FORMED_FORCE_NOUNS = frozenset(
    {"force", "troop", "brigade", "battalion", "regiment", "militia", "army", "unit", "forces", "troops"}
)  # plurals too: "Land Forces" is a proper noun the model does not lemmatise
# "sent troops to the border", "dispatched warships": moving forces is MOBILIZE (CAMEO 15), not AID.
SEND_VERBS = frozenset({"send", "dispatch", "deploy", "rush", "fly", "move", "redeploy", "despatch"})
UNIT_NOUNS = frozenset(
    {
        "troop",
        "soldier",
        "force",
        "unit",
        "battalion",
        "brigade",
        "reinforcement",
        "commando",
        "marine",
        "police",
        "policeman",
        "officer",
        "paratrooper",
        "contingent",
        "division",
        "regiment",
        "militia",
        "fighter",
    }
)
WEAPON_PLATFORMS = frozenset(
    {"warship", "ship", "tank", "jet", "aircraft", "carrier", "submarine", "missile", "bomber"}
)
SEND_TROOPS_SENSE = TriggerSense(type="MOBILIZE", mode="troops", weight=0.9)
SEND_WEAPONS_SENSE = TriggerSense(type="MOBILIZE", mode="weapons", weight=0.9)
# "used tear gas", "deployed water cannon": the weapon makes these verbs crowd control (PLOVER ASSAULT mode).
USE_VERBS = frozenset({"use", "deploy", "employ", "spray", "lob", "throw"})
CROWD_CONTROL_SENSE = TriggerSense(type="ASSAULT", mode="crowd-control", weight=0.9)
CROWD_WEAPONS = {"gas": "tear", "cannon": "water", "bullet": "rubber", "canister": "tear", "spray": "pepper"}


def _object_of(token: Token, verbs: frozenset[str]) -> bool:
    """Is a noun the object of one of `verbs`, itself or as a later conjunct ("launched artillery, mortar and
    rocket fire")?"""
    for _ in range(6):
        if token.dep_ != "conj" or token.head.i == token.i:
            break
        token = token.head
    return token.dep_ == "dobj" and token.head.lemma_.lower() in verbs


def _crowd_control_object(objects: list[Token]) -> bool:
    """Is an object a crowd-control weapon: tear gas, water cannon, rubber bullets, teargas?"""
    for obj in objects:
        lemma = obj.lemma_.lower()
        if lemma in ("teargas", "tear-gas"):
            return True
        needed = CROWD_WEAPONS.get(lemma)
        if needed and any(c.lemma_.lower() == needed or c.lower_ == needed for c in obj.children):
            return True
    return False


# "recalled its ambassador", "withdrew its observers": PLOVER SANCTION 'withdraw' (non-military resources).
WITHDRAW_VERBS = frozenset({"withdraw", "recall", "pull"})
ENVOY_NOUNS = frozenset(
    {
        "ambassador",
        "envoy",
        "diplomat",
        "observer",
        "monitor",
        "aid",
        "mission",
        "delegation",
        "inspector",
        "staff",
        "representative",
        "embassy",
        "peacekeeper",
        "funding",
        "support",
        "mediator",
    }
)
WITHDRAW_SANCTION_SENSE = TriggerSense(type="SANCTION", mode="withdraw", weight=0.9)
# "handed over their weapons", "turned in their arms": RETREAT; "restored diplomatic ties": SUPPORT (CAMEO 05).
HAND_OVER_VERBS = frozenset({"hand", "turn", "give"})
DISARM_SENSE = TriggerSense(type="RETREAT", mode="disarm", weight=0.9)
CEDE_SENSE = TriggerSense(type="RETREAT", mode="withdraw", weight=0.9)
TIES_VERBS = frozenset({"restore", "resume", "establish", "normalize", "normalise", "reestablish", "re-establish"})
TIES_NOUNS = frozenset({"relation", "tie", "ties", "relations"})
TIES_SENSE = TriggerSense(type="SUPPORT", mode=None, weight=0.9)
HOST_VERBS = frozenset({"receive", "greet"})
PEACEKEEPING_WORDS = frozenset({"peacekeeper", "peacekeeping", "blue", "helmet", "peace-keeping", "peace-keeper"})
PEACEKEEPING_SENSE = TriggerSense(type="AID", mode=None, weight=0.9)
TRUCE_BREACH_SENSE = TriggerSense(type="ASSAULT", mode=None, weight=0.9)
HOSTAGE_SENSE = TriggerSense(type="ASSAULT", mode="abduct", weight=1.0)
# "set fire to a school", "set the houses ablaze", "set the office on fire": arson (ACLED: property destruction
# unless a crowd did it), not the gunfire "fire" names elsewhere.
ARSON_SENSE = TriggerSense(type="ASSAULT", mode="destroy", weight=0.9)
BLAZE_WORDS = frozenset({"ablaze", "alight", "afire", "fire", "flame", "flames"})
# "launched a missile at the city", "fired two rockets": the weapon, the object, names the mode.
LAUNCH_VERBS = frozenset({"launch", "fire", "lob"})
LAUNCHED_WEAPONS = frozenset({"missile", "rocket", "mortar", "shell", "projectile", "grenade", "drone"})
LAUNCH_SENSE = TriggerSense(type="ASSAULT", mode=None, weight=0.9)
# "demonstrators gathered in the square": who gathers makes a gathering a demonstration.
GATHER_VERBS = frozenset({"gather", "assemble", "converge", "congregate", "mass"})
DEMONSTRATOR_NOUNS = frozenset({"protester", "protestor", "demonstrator", "activist", "marcher", "picketer"})
GATHER_SENSE = TriggerSense(type="PROTEST", mode="demo", weight=0.8)
# "a bomb went off": an explosive's subject, not an object, says what exploded.
BLAST_SUBJECTS = frozenset({"bomb", "device", "explosive", "ied", "mine", "landmine", "grenade", "charge", "shell"})
BLAST_SENSE = TriggerSense(type="ASSAULT", mode="explosives", weight=0.9)
# What is burned when a burning is arson, not an attack on people.
BUILDINGS = frozenset(
    {"house", "home", "church", "mosque", "school", "office", "shop", "market", "building", "vehicle", "car", "hut"}
)
# "exchanged fire with the rebels", "traded gunfire": two sides shooting at each other, a clash.
EXCHANGE_VERBS = frozenset({"exchange", "trade"})
SHOOTING_NOUNS = frozenset({"fire", "gunfire", "shot", "shots", "bullet"})
EXCHANGE_FIRE_SENSE = TriggerSense(type="ASSAULT", mode=None, weight=0.8)
# "hacked to death", "stoned to death", "burned to death": killing with a blade, stones or fire.
TO_DEATH_VERBS = frozenset({"hack", "stone", "burn", "club", "bludgeon", "batter", "chop", "crush", "hammer"})
TO_DEATH_SENSE = TriggerSense(type="ASSAULT", mode="primitive", weight=1.0)
# "taken into custody", "placed in detention": an arrest.
CUSTODY_VERBS = frozenset({"take", "place", "put", "remand", "hold", "keep"})
CUSTODY_NOUNS = frozenset({"custody", "detention"})
CUSTODY_SENSE = TriggerSense(type="COERCE", mode="arrest", weight=0.9)
# "gunmen seized a local chief", "snatched two girls": people seized by someone other than the state are abducted.
SNATCH_VERBS = frozenset({"seize", "snatch", "grab"})
SNATCH_SENSE = TriggerSense(type="ASSAULT", mode="abduct", weight=0.9)
# The parts of speech a trigger can have, and the nouns `_sense` reads by rule besides the lexicon's.
TRIGGER_POS = frozenset({"VERB", "AUX", "ADJ", "NOUN", "PROPN"})
RULE_NOUNS = frozenset({"law", "fire", "strike", "chain", "in", "gas", "agent", "exposure", "exchange"})
# "exchanged prisoners", "a prisoner exchange": PLOVER RETREAT 'release' (ACLED: an agreement).
PRISONER_NOUNS = frozenset({"prisoner", "detainee", "captive", "hostage", "pow", "body", "remains"})
PRISONER_SWAP_SENSE = TriggerSense(type="RETREAT", mode="release", weight=0.9)
# "police baton-charged the crowd", "a lathi charge": police force on a crowd (South Asian news), not an accusation.
BATON_WORDS = frozenset({"baton", "lathi", "cane"})
# Verbs of talk that a telephone makes a call ("spoke by telephone with the Turkish president").
PHONE_TALK_VERBS = frozenset({"speak", "talk", "confer", "chat"})
# Verbs the table may lack that `EventStage._sense`'s own rules give a sense: its early exit must let them through.
SENSE_RULE_VERBS = frozenset({"charge", "warn"}) | PHONE_TALK_VERBS
BATON_CHARGE_SENSE = TriggerSense(type="ASSAULT", mode="crowd-control", weight=1.0)
# "formed a human chain": a demonstration.
HUMAN_CHAIN_SENSE = TriggerSense(type="PROTEST", mode="demo", weight=0.9)
DRILL_NOUNS = frozenset({"exercise", "drill", "manoeuvre", "maneuver", "wargame", "war-game"})
JOINT_WORDS = frozenset({"joint", "combined", "bilateral", "multinational", "trilateral"})
EXERCISE_SENSE = TriggerSense(type="COOPERATE", mode=None, weight=0.8)
DRILL_SENSE = TriggerSense(type="MOBILIZE", mode="troops", weight=0.7)
MARTIAL_LAW_SENSE = TriggerSense(type="COERCE", mode="martial-law", weight=1.0)
PHONE_SENSE = TriggerSense(type="CONSULT", mode="phone", weight=0.9)
OPEN_FIRE_SENSE = TriggerSense(type="ASSAULT", mode="firearms", weight=1.0)
# A protest stopped or banned is PLOVER COERCE (restrict), and outranks the protest it names.
STOP_VERBS = frozenset({"prevent", "ban", "forbid", "outlaw", "stop", "thwart", "foil", "bar", "prohibit"})
PROTEST_NOUNS = frozenset({"demonstration", "protest", "rally", "march", "sit-in", "vigil", "picket"})  # not "strike"
STOP_PROTEST_SENSE = TriggerSense(type="COERCE", mode="restrict", weight=1.0)
# Verbs whose object "fire" is shooting: "launched rocket fire", "unleashed fire". Not "exchanged fire", which
# reports the shooting of an operation (a raid, a bombing) that is itself the event.
FIRE_VERBS = frozenset({"launch", "direct", "unleash", "pour", "open"})
CUT_OFF_VERBS = frozenset({"cut", "shut", "switch", "turn"})
UTILITY_NOUNS = frozenset(
    {"electricity", "power", "water", "internet", "supply", "food", "fuel", "phone", "communication", "gas", "access"}
)
WITHHOLD_SENSE = TriggerSense(type="COERCE", mode="withhold", weight=0.9)
PRESS_VERBS = frozenset({"press", "push", "pressure", "pressurize", "pressurise"})
# PLOVER RETREAT: "observing a ceasefire", "allowing the entry of observers, peacekeepers, or humanitarian workers".
TRUCE_VERBS = frozenset({"declare", "observe", "implement", "respect", "honour", "honor", "announce", "begin"})
TRUCE_NOUNS = frozenset({"ceasefire", "cease-fire", "truce", "armistice"})
TRUCE_SENSE = TriggerSense(type="RETREAT", mode="ceasefire", weight=0.9)
ALLOW_VERBS = frozenset({"allow", "permit", "admit", "let"})
ACCESS_NOUNS = frozenset(
    {"inspector", "observer", "monitor", "peacekeeper", "access", "convoy", "journalist", "investigator", "mission"}
)
ACCESS_SENSE = TriggerSense(type="RETREAT", mode="access", weight=0.8)
HOST_SENSE = TriggerSense(type="CONSULT", mode="visit", weight=0.8)
# "went on strike", "a hunger strike", "a general strike": a strike that is a protest, not an attack.
LABOUR_STRIKE_WORDS = frozenset(
    {
        "hunger",
        "general",
        "labour",
        "labor",
        "worker",
        "nationwide",
        "national",
        "teacher",
        "doctor",
        "nurse",
        "union",
        "transport",
        "wildcat",
        "sympathy",
        "warning",
        "indefinite",
        "sit-down",
        "miner",
        "driver",
        "employee",
        "staff",
    }
)
STRIKE_ON_VERBS = frozenset({"go", "be", "remain", "stay", "come", "walk"})
# Weapon words that name a weapon only as a compound ("car bomb", "roadside bomb", "barrel bomb", "air strike").
COMPOUND_ONLY_MODIFIERS = frozenset({"car", "roadside", "barrel", "air"})
# Actors whose blocking a road is a restriction they impose (COERCE), not a protest.
STATE_KINDS = frozenset({"state_forces", "police"})
# Crowds whose restriction of others is a protest tactic (ACLED: road blocking by demonstrators).
CROWD_KINDS = frozenset({"protesters", "rioters"})
CROWD_VIOLENCE_MODES = frozenset({None, "destroy", "primitive", "beat"})


# Titles of office that name a country's government even when no country is attached to them
# ("President Omar al-Bashir ... in Sudan", "Judge Alejandro Rivera ... Chilean officials").
TITLE_WORDS = frozenset(
    {
        "president",
        "minister",
        "premier",
        "king",
        "emir",
        "sultan",
        "judge",
        "chancellor",
        "monarch",
        "queen",
        "prosecutor",
        "ambassador",
        "envoy",
        "governor",
    }
)
# Military ranks: a titled officer with no country of his own stands for that country's forces.
MILITARY_TITLES = frozenset({"general", "gen.", "colonel", "col.", "marshal", "admiral", "commander", "brigadier"})
# Words a title may carry before it without the pair being a person's name ("Prime Minister", "Vice President").
TITLE_PREFIXES = frozenset(
    {
        "prime",
        "vice",
        "deputy",
        "foreign",
        "defence",
        "defense",
        "interior",
        "finance",
        "former",
        "acting",
        "chief",
        "crown",
        "attorney",
        "lieutenant",
        "major",
        "brigadier",
        "field",
        "grand",
        "supreme",
        "outgoing",
        "incoming",
        "interim",
    }
)


# Plural nouns that "the two ..." or "both ..." make refer back to a pair of countries.
PAIR_NOUNS = frozenset({"countries", "nations", "states", "governments", "neighbours", "neighbors"})


@dataclass
class _Trigger:
    token: Token
    sense: TriggerSense


class _MentionIndex:
    """Token-indexed views of the mentions earlier stages found, built once per document."""

    def __init__(
        self,
        analysis: Analysis,
        doc: Doc,
        knowledge_base: ActorKnowledgeBase,
        demonyms: Demonyms | None = None,
        ground_verbs: frozenset[str] = GROUND_VERBS,
        word_forms: WordForms | None = None,
    ) -> None:
        token_range = _TokenRanges(doc)
        self.actors_at: dict[int, list[str]] = {}
        self.ground_verbs = ground_verbs
        self.places_at: dict[int, PlaceMention] = {}
        self.dates_at: dict[int, DateMention] = {}
        self.knowledge_base = knowledge_base
        self.demonyms = demonyms if demonyms is not None else demonym_countries(knowledge_base)
        for mention in analysis.actors:
            for i in token_range(mention.start, mention.end):
                self.actors_at.setdefault(i, []).append(mention.actor.actor_id)
        self.place_words: set[int] = set()  # every word of a place name, also inside another name
        for mention in analysis.places:
            words = token_range(mention.start, mention.end)
            self.place_words.update(words)
            if mention.reference != "name":  # "Iraqi forces" names an actor, not where it acted
                continue
            for i in words:
                self.places_at[i] = mention
        for mention in analysis.dates:
            for i in token_range(mention.start, mention.end):
                self.dates_at[i] = mention
        # the sentences once: `doc.sents` builds every sentence afresh, and `Token.sent` scans for its bounds
        self.sentences: list[SpacySpan] = list(doc.sents)
        self._sentence_at = {sentence.start: k for k, sentence in enumerate(self.sentences)}
        self._token_range = token_range
        self.sentence_country, self.sole_country = self._sentence_countries(doc, analysis)
        # Span.ents rebuilds every entity span of the document, and a sentence's words were re-read per
        # trigger: both once per document instead (they were a third of the events stage's time)
        self._ents = list(doc.ents)
        self._ent_starts = [ent.start for ent in self._ents]  # sorted, as spaCy keeps entities in order
        self._ents_by_sentence: dict[tuple[int, int], list[SpacySpan]] = {}
        self._actors_read: dict[int, list[str]] = {}  # `actors_for` of words no actor mention covers
        self._words: dict[int, frozenset[str]] = {}
        self._forms: tuple[list[str], list[str]] | None = None  # every word's lower-cased lemma and form
        self._word_forms = word_forms if word_forms is not None else WordForms()
        self._pos_ids: list[int] | None = None
        self._heads: list[int] | None = None  # every word's head, by position
        self._doc = doc
        self._named: dict[frozenset[str], bool] = {}
        self.sentence_memo: dict[tuple[str, int], Any] = {}

    def ents_in(self, sentence: SpacySpan) -> list[SpacySpan]:
        """The named entities inside `sentence`, in order: found by bisection and kept per sentence, since the
        place rule asks for every candidate place."""
        bounds = (sentence.start, sentence.end)
        found = self._ents_by_sentence.get(bounds)
        if found is None:
            found = []
            for k in range(bisect_left(self._ent_starts, sentence.start), len(self._ents)):
                ent = self._ents[k]
                if ent.start >= sentence.end:
                    break
                if ent.end <= sentence.end:
                    found.append(ent)
            self._ents_by_sentence[bounds] = found
        return found

    def next_sentence(self, sentence: SpacySpan) -> SpacySpan | None:
        """The sentence after `sentence`, built once: `Token.sent` scans the document for its bounds."""
        k = self._sentence_at.get(sentence.start)
        if k is not None and self.sentences[k].end == sentence.end:
            return self.sentences[k + 1] if k + 1 < len(self.sentences) else None
        doc = sentence.doc  # not one of the document's sentences
        return doc[sentence.end].sent if sentence.end < len(doc) else None

    def pos_ids(self, doc: Doc) -> list[int]:
        """The part-of-speech id of every word of the document, read once: asking a Token for it builds one."""
        if self._pos_ids is None:
            from spacy.attrs import POS

            self._pos_ids = doc.to_array(POS).tolist()
        return self._pos_ids

    def proper_nouns_in(self, sentence: SpacySpan) -> list[Token]:
        """The sentence's proper nouns, in order."""
        from spacy.parts_of_speech import IDS

        doc, pos_ids, proper_noun = sentence.doc, self.pos_ids(sentence.doc), IDS["PROPN"]
        return [doc[i] for i in range(sentence.start, sentence.end) if pos_ids[i] == proper_noun]

    def word_forms(self, doc: Doc) -> tuple[list[str], list[str]]:
        """Every word's lower-cased lemma and lower-case form (`token.lemma_.lower()`, `token.lower_`), by
        position, read once per document."""
        if self._forms is None:
            self._forms = self._word_forms.of(doc)
        return self._forms

    def names_any(self, words: frozenset[str]) -> bool:
        """Does any word of the document have one of these lower-case forms? Rules asked of every verb that need
        a rare word ("must") are let go at once in the many articles without it."""
        named = self._named.get(words)
        if named is None:
            named = self._named[words] = not words.isdisjoint(self.word_forms(self._doc)[1])
        return named

    def depth(self, token: Token) -> int:
        """How many heads up the parse's root is from `token` (at most 50), read from the heads' positions: walking
        `Token.head` builds a Token at every step."""
        if self._heads is None:
            from spacy.attrs import HEAD

            offsets = token.doc.to_array(HEAD).astype("int64").tolist()  # relative, stored unsigned
            self._heads = [i + offset for i, offset in enumerate(offsets)]
        heads, i, depth = self._heads, token.i, 0
        while heads[i] != i and depth < 50:
            i = heads[i]
            depth += 1
        return depth

    def words_of(self, sentence: SpacySpan) -> frozenset[str]:
        """The lower-cased lemmas and forms of the sentence's tokens."""
        words = self._words.get(sentence.start)
        if words is None:
            lemmas, lowers = self.word_forms(sentence.doc)
            start, end = sentence.start, sentence.end
            words = frozenset(lemmas[start:end]).union(lowers[start:end])
            self._words[sentence.start] = words
        return words

    def _sentence_countries(self, doc: Doc, analysis: Analysis) -> tuple[dict[int, str], dict[int, str]]:
        """Per sentence start: the one country the sentence names outside its actor mentions (place names,
        demonyms), and the one country it names at all, its actors' countries included. A country already
        named by an actor ("welcomed South African leader de Klerk") is that actor's; but when a sentence
        names one country only, through actors other than office-holders ("Fijian rebels said they will
        release Prime Minister Chaudhry"), an office with no country of its own is that country's."""
        actor_country: dict[int, str] = {}
        for mention in analysis.actors:
            if mention.actor.country and mention.actor.kind != "government":  # another office: a counterpart's
                for i in self._token_range(mention.start, mention.end):
                    actor_country[i] = mention.actor.country
        outside: dict[int, str] = {}
        sole: dict[int, str] = {}
        from spacy.attrs import ORTH

        # by position and word id: building a Token for every word of the article cost more than the look-ups
        words = doc.to_array(ORTH).tolist()
        demonyms = self.demonyms.by_id
        for sentence in self.sentences:  # by sentence: `token.sent` would rebuild the sentence for every token
            codes: set[str] = set()
            every: set[str] = set()
            for i in range(sentence.start, sentence.end):
                place = self.places_at.get(i)
                code = place.place.country if place is not None and place.place is not None else None
                code = code or demonyms.get(words[i])
                if i in self.actors_at:
                    code = actor_country.get(i)
                    if code:
                        every.add(code)
                    continue
                if code:
                    codes.add(code)
                    every.add(code)
            if len(codes) == 1:
                outside[sentence.start] = next(iter(codes))
            if len(every) == 1:
                sole[sentence.start] = next(iter(every))
        return outside, sole

    def actors_for(self, token: Token) -> list[str]:
        """Actors named by a token: an actor mention, or a country name standing for its government. Kept per
        word, since every role and place rule asks it of the same phrases' words (callers only read the list)."""
        found = self.actors_at.get(token.i)
        if found:
            return found
        found = self._actors_read.get(token.i)
        if found is None:
            found = self._actors_read[token.i] = self._read_actors(token)
        return found

    def _read_actors(self, token: Token) -> list[str]:
        """`actors_for` a word that no actor mention covers."""
        place = self.places_at.get(token.i)
        if (
            place
            and place.place
            and place.place.country
            and (
                (place.place.feature == "country" and not self._owns_place(token))
                or self._capital_as_actor(token, place.place)
            )
        ):
            actor = self.knowledge_base.state_actor(place.place.country, "government")
            if actor:
                return [actor.actor_id]
        return self._demonym_actor(token) or self._titled_official(token) or self._pair_of_countries(token)

    def _pair_of_countries(self, token: Token) -> list[str]:
        """ "Israel and Jordan signed a treaty; the two countries also agreed ...": "the two countries", "both
        nations" stand for the governments of the two countries named before them in their sentence."""
        if token.lower_ not in PAIR_NOUNS or not any(
            (child.dep_ == "nummod" and child.lower_ == "two")
            or (child.dep_ in ("det", "predet") and child.lower_ == "both")
            for child in token.children
        ):
            return []
        codes: list[str] = []
        for i in range(token.sent.start, token.i):
            if i in self.actors_at:
                found = [self.knowledge_base.get(actor_id) for actor_id in self.actors_at[i]]
                named = [actor.country for actor in found if actor is not None and actor.country]
            else:
                place = self.places_at.get(i)
                country = place.place if place is not None and place.place is not None else None
                named = [country.country] if country is not None and country.feature == "country" else []
            codes += [code for code in named if code not in codes]
        actors = [self.knowledge_base.state_actor(code, "government") for code in codes]
        return [actor.actor_id for actor in actors if actor is not None] if len(codes) == 2 else []

    def _titled_official(self, token: Token) -> list[str]:
        """ "President Omar al-Bashir ... in Sudan": a title of office with no country of its own stands for
        the government of the one country its sentence names."""
        title = token.lower_
        if (title not in TITLE_WORDS and title not in MILITARY_TITLES) or token.pos_ not in ("NOUN", "PROPN"):
            return []
        if any(
            c.dep_ in ("compound", "flat") and c.i < token.i and c.pos_ == "PROPN" and c.lower_ not in TITLE_PREFIXES
            for c in token.children
        ):
            return []  # "Tom King": a surname, not a title; "Prime Minister" is a title
        head = token
        while head.dep_ in ("compound", "flat", "amod") and head.head.i != head.i:
            head = head.head
        if any(t.i in self.actors_at for t in (*head.children, *_office_phrase(head))):
            # "British Defence Secretary Tom King", "General X, commander of Polish forces": the phrase or its
            # appositive already names whose office it is
            return []
        start = token.sent.start
        code = self.sentence_country.get(start) or self.sole_country.get(start)
        role = "state_forces" if title in MILITARY_TITLES else "government"
        actor = self.knowledge_base.state_actor(code, role) if code else None
        return [actor.actor_id] if actor else []

    def _owns_place(self, token: Token) -> bool:
        """ "an attack on Syria's Ghouta region", "in Syria's Idlib", "Syria's second city": a country that owns
        a place names where, not a government that acts or suffers."""
        head = token.head
        if token.dep_ != "poss" or head.i == token.i:
            return False
        if head.lemma_.lower() in FEATURE_WORDS:
            return True
        modifiers = [head]  # the place may be the owned phrase's head or a compound inside it ("Idlib city")
        while modifiers:
            current = modifiers.pop()
            if current.i in self.place_words and current.i != token.i:
                return True
            modifiers.extend(child for child in current.children if child.dep_ == "compound")
        return False

    def _capital_as_actor(self, token: Token, place: Place) -> bool:
        """ "Berlin rejected", "Tehran's response", "calls by Moscow", "accused Washington": a capital that acts
        or is acted on stands for its government (the PLOVER gold's readme codes a capital as subject or direct
        object so); "in Berlin" is a place."""
        if place.feature != "city" or not self.names_capital(token, place):
            return False
        head = token
        # "Seoul and Pyongyang agreed": a later conjunct fills the first one's role
        while head.dep_ in ("compound", "flat", "conj") and head.head.i != head.i:
            head = head.head
        if head.dep_ in ("nsubj", "nsubjpass", "poss"):
            return True
        if head.dep_ == "dobj":
            return head.head.lemma_.lower() not in self.ground_verbs
        return head.dep_ == "pobj" and head.head.lower_ == "by"

    def names_capital(self, token: Token, place: Place) -> bool:
        """Whether the place named at `token` is its country's capital, by its gazetteer name or as written
        ("New Delhi", which the gazetteer may resolve to Delhi)."""
        mention = self.places_at.get(token.i)
        names = {place.name, mention.text} if mention is not None else {place.name}
        return any(self.knowledge_base.countries.capital_of(name, place.country) for name in names)

    def _demonym_actor(self, token: Token) -> list[str]:
        """ "rejected the Israeli proposal": a demonym modifying a noun names that country's government.
        Not next to a hyphen ("Russian-made", "pro-Iranian"), where it says where a thing comes from or leans."""
        if token.dep_ not in ("amod", "compound", "nmod"):
            return []
        doc = token.doc
        first, code = self._demonym_ending_at(token)
        if code is None:
            return []
        if (token.i + 1 < len(doc) and doc[token.i + 1].text == "-") or (first > 0 and doc[first - 1].text == "-"):
            return []
        actor = self.knowledge_base.state_actor(code, "government")
        return [actor.actor_id] if actor else []

    def _demonym_ending_at(self, token: Token) -> tuple[int, str | None]:
        """The demonym whose last word `token` is, longest first ("rejected the North Korean offer", "a South
        African proposal": the last word alone names no country, or another one), as (its first word, country)."""
        doc = token.doc
        for width in (3, 2):
            first = token.i - width + 1
            # cheap checks before building the span; `token.sent` would rebuild the sentence on every call
            if first < 0 or not doc[first].is_title or any(doc[i].is_sent_start for i in range(first + 1, token.i + 1)):
                continue
            code = self.demonyms.by_word.get(doc[first : token.i + 1].text)
            if code is not None:
                return first, code
        return token.i, self.demonyms.by_word.get(token.text)


@dataclass(frozen=True)
class Demonyms:
    """Each demonym the knowledge base knows ("Syrian") with its country's code, by the word and by spaCy's
    id of the word."""

    by_word: dict[str, str]
    by_id: dict[int, str]


def demonym_countries(knowledge_base: ActorKnowledgeBase) -> Demonyms:
    from spacy.strings import get_string_id

    by_word = {demonym: country.code for country in knowledge_base.countries for demonym in country.demonyms}
    return Demonyms(by_word, {get_string_id(word): code for word, code in by_word.items()})


def _token_range(doc: Doc, start: int, end: int) -> range:
    span = doc.char_span(start, end, alignment_mode="expand")
    return range(span.start, span.end) if span is not None else range(0)


class _TokenRanges:
    """`_token_range` for many mentions of one document: the words a character span covers, found by bisecting
    the words' offsets instead of building a Span per mention. Where the words do not tile the text one after
    another (an empty word, a gap) spaCy's own search may pick another word, so it is asked instead."""

    def __init__(self, doc: Doc) -> None:
        from spacy.attrs import IDX, LENGTH, SPACY

        self._doc = doc
        offsets = doc.to_array([IDX, LENGTH, SPACY]).astype("int64")  # in numpy: one pass per column, not per word
        starts = offsets[:, 0]
        ends = starts + offsets[:, 1]  # where the word's own text ends
        reach = ends + offsets[:, 2]  # and its trailing space
        self._tiled = bool((reach > starts).all() and (reach[:-1] == starts[1:]).all())
        self._starts, self._ends, self._reach = starts.tolist(), ends.tolist(), reach.tolist()

    def __call__(self, start: int, end: int) -> range:
        if not self._tiled:
            return _token_range(self._doc, start, end)
        first = bisect_right(self._starts, start) - 1
        last = bisect_right(self._starts, end - 1) - 1
        if first < 0 or last < 0 or start >= self._reach[first] or end - 1 >= self._reach[last]:
            return _token_range(self._doc, start, end)  # outside the text: spaCy says None
        if start == self._ends[first]:
            first += 1  # expand mode: the space after a word does not make the word part of the span
        if first > last + 1:
            return _token_range(self._doc, start, end)
        return range(first, last + 1)


class EventStage:
    """Find PLOVER events in each sentence of the parsed article."""

    name = "events"
    needs: tuple[str, ...] = ("doc", "actors", "places", "dates")
    adds: tuple[str, ...] = ("events",)

    def __init__(self, knowledge_base: ActorKnowledgeBase, lexicon: TriggerLexicon | None = None) -> None:
        self.knowledge_base = knowledge_base
        self.lexicon = lexicon or TriggerLexicon.load()
        self._noun_words = frozenset(self.lexicon.nouns) | DRILL_NOUNS | RULE_NOUNS
        self._demonyms = demonym_countries(knowledge_base)  # once, not once per article
        self._word_forms = WordForms()  # the strings of word ids, kept across articles
        attack_verbs = {lemma for lemma, sense in self.lexicon.verbs.items() if sense.type == "ASSAULT"}
        self._ground_verbs = GROUND_VERBS | attack_verbs
        from spacy.parts_of_speech import IDS

        self._trigger_pos_ids = frozenset(IDS[pos] for pos in TRIGGER_POS)
        self._adjective_pos_id = IDS["ADJ"]
        self._noun_pos_ids = frozenset({IDS["NOUN"], IDS["PROPN"]})
        self._verb_pos_id, self._auxiliary_pos_id = IDS["VERB"], IDS["AUX"]
        # every verb lemma `_sense` can give a sense: the table's, the special rules', and those its rules name
        self._verb_words = frozenset(self.lexicon.verbs) | SPECIAL_SENSE_VERBS | SENSE_RULE_VERBS

    def __call__(self, analysis: Analysis) -> Analysis:
        doc = analysis.doc
        if doc is None:
            return analysis
        index = _MentionIndex(analysis, doc, self.knowledge_base, self._demonyms, self._ground_verbs, self._word_forms)
        events: list[Event] = []
        attacks: list[tuple[Event, bool, bool]] = []  # ASSAULT events in order: (event, kept, refers back)
        for sentence in index.sentences:
            for group in self._trigger_groups(sentence, index):
                event = self._event(analysis, sentence, group, index)
                kept = not _mentions_earlier_event(group, event)
                if event.type == "ASSAULT":
                    attacks.append((event, kept, _refers_back(group)))
                if kept:
                    events.append(_with_place_target(event, self.knowledge_base))
        events = _share_weapons(events, attacks)
        forms = index.word_forms(doc)
        claims = responsibility_claims(doc, index.actors_for, _asserted, forms)
        claims += attack_attributions(doc, index.actors_for, _asserted, forms)
        analysis.events = attribute_claims(events, claims)
        return analysis

    # -- triggers ---------------------------------------------------------------------------------
    def _sense(self, token: Token, index: _MentionIndex) -> TriggerSense | None:
        # Every token of every sentence is asked, so words that cannot trigger are let go first, before the
        # parse is read: other parts of speech, and nouns and adjectives no table or rule below knows.
        pos = token.pos_
        if pos not in TRIGGER_POS:
            return None
        lemma = token.lemma_.lower()
        if pos == "ADJ" and lemma not in self.lexicon.adjectives:
            return None
        if pos in ("NOUN", "PROPN") and lemma not in self._noun_words and token.lower_ not in self.lexicon.nouns:
            return None
        if token.pos_ == "VERB":
            lemma = self.lexicon.verb_lemma(token.lower_, lemma)  # "raped" is lemmatised "rap"
        if token.pos_ == "VERB" and (not_an_event_sense(token) or (lemma == "capture" and takes_no_ground(token))):
            return None  # "prices shot up", "killed the bill", "footage captured the blast", "captured the title"
        if token.pos_ == "VERB":
            special = _special_sense(token, lemma, index)
            if special is not None:
                return special
        if lemma == "charge" and any(c.lower_ in BATON_WORDS for c in token.children):
            return BATON_CHARGE_SENSE  # "baton-charged the protesters", "a lathi charge"
        if (
            token.dep_ == "compound"
            and token.head.pos_ in ("NOUN", "PROPN")
            and token.head.lemma_.lower() not in EFFORT_NOUNS
        ):
            return None  # "aid groups", "attack helicopters": a modifier, not an event
        if token.pos_ == "VERB" and token.dep_ == "amod" and token.head.dep_ != "ROOT":
            return None  # "banned munitions", "armed men", "wounded soldiers": a participle describing a thing
        if token.pos_ in ("VERB", "AUX") and index.names_any(OBLIGATION_MODALS) and _reported_obligation(token):
            return DEMAND_SENSE
        if token.pos_ == "ADJ":
            sense = self.lexicon.adjectives.get(lemma)
            # "ready to host", "willing to forgive": only with the clause that says what to do
            return sense if sense and any(child.dep_ == "xcomp" for child in token.children) else None
        if token.pos_ == "VERB":
            sense = self.lexicon.verbs.get(lemma)
            if lemma == "call" and any(child.dep_ == "dobj" for child in token.children):
                return None  # "called a general strike", "called the attack a crime": not "called for"
            if lemma == "warn" and any(
                child.dep_ in ("ccomp", "xcomp") and (own := self._sense(child, index)) and own.type in HOSTILE_TYPES
                for child in token.children
            ):
                return WARNING_SENSE  # "warned that they would attack the capital": a threat of violence
            if lemma in PHONE_TALK_VERBS and any(t.lemma_.lower() in ("telephone", "phone") for t in token.subtree):
                return PHONE_SENSE  # "spoke by telephone with the Turkish president"
            if lemma == "seek" and any(child.dep_ == "xcomp" for child in token.children):
                return None  # "sought to capture the town": an attempt, not a request
            if (
                sense
                and sense.requires_prep
                and not any(
                    child.dep_ in ("prep", "prt", "advmod") and child.lower_ in sense.requires_prep
                    for child in token.children
                )
            ):
                return None
            return sense
        if token.pos_ in ("NOUN", "PROPN") and token.tag_ != "NNP":
            if lemma in DRILL_NOUNS:  # joint exercises are cooperation, one army's are a show of force
                return EXERCISE_SENSE if _has_modifier(token, JOINT_WORDS) else DRILL_SENSE
            if lemma == "law" and _has_modifier(token, {"martial"}):
                return MARTIAL_LAW_SENSE
            if lemma == "chain":
                return HUMAN_CHAIN_SENSE if _has_modifier(token, {"human"}) else None
            if lemma in ("gas", "agent"):  # "exposed to poisonous gas", "a nerve agent" (not tear gas)
                return CHEMICAL_USE_SENSE if _has_modifier(token, CHEMICAL_WORDS) else None
            if lemma == "exposure":  # "symptoms consistent with exposure to sarin"
                exposed_to = {g.lemma_.lower() for c in token.children if c.lower_ == "to" for g in c.subtree}
                return CHEMICAL_USE_SENSE if exposed_to & CHEMICAL_WORDS else None
            if lemma == "exchange":  # "a prisoner exchange", "the exchange process of prisoners of war"
                return PRISONER_SWAP_SENSE if _prisoners_exchanged(token) else None
            if lemma == "in":  # "staged a sit-in", which the tokenizer splits into "sit - in"
                return self.lexicon.nouns.get("sit-in") if _has_modifier(token, {"sit"}) else None
            if lemma == "fire" and (
                (token.dep_ == "pobj" and token.head.lower_ == "under") or _object_of(token, FIRE_VERBS)
            ):
                return OPEN_FIRE_SENSE  # "came under fire", "launched rocket fire against": shooting, not a blaze
            if lemma == "strike" and _labour_strike(token):
                return HUNGER_STRIKE_SENSE if _has_modifier(token, {"hunger"}) else LABOUR_STRIKE_SENSE
            return self.lexicon.nouns.get(lemma) or self.lexicon.nouns.get(token.lower_)
        return None

    def _trigger_groups(self, sentence: SpacySpan, index: _MentionIndex) -> list[list[_Trigger]]:
        doc, pos_ids = sentence.doc, index.pos_ids(sentence.doc)
        lemmas, lowers = index.word_forms(doc)
        adjective, nouns = self._adjective_pos_id, self._noun_pos_ids
        verb, auxiliary, verb_words = self._verb_pos_id, self._auxiliary_pos_id, self._verb_words
        obligation = index.names_any(OBLIGATION_MODALS)
        triggers: list[_Trigger] = []
        for i in range(sentence.start, sentence.end):
            pos = pos_ids[i]
            if pos not in self._trigger_pos_ids:
                continue  # most words: no Token is built for them
            # the first checks of `_sense`, by position: nouns and adjectives no table knows build no Token either
            if pos == adjective and lemmas[i] not in self.lexicon.adjectives:
                continue
            if pos in nouns and lemmas[i] not in self._noun_words and lowers[i] not in self.lexicon.nouns:
                continue
            # a verb no table or rule knows, and an auxiliary, have a sense only as an obligation laid in reported
            # speech ("must"), or as a baton charge
            if pos == verb and not obligation and self.lexicon.verb_lemma(lowers[i], lemmas[i]) not in verb_words:
                continue
            if pos == auxiliary and not obligation and lemmas[i] != "charge":
                continue
            token = doc[i]
            sense = self._sense(token, index)
            if sense:
                triggers.append(_Trigger(token, sense))
        groups: list[list[_Trigger]] = []
        for trigger in triggers:
            for group in groups:
                if group[0].sense.type == trigger.sense.type and _joined(group[0].token, trigger.token):
                    group.append(trigger)
                    break
            else:
                groups.append([trigger])
        return groups

    # -- one event --------------------------------------------------------------------------------
    def _event(self, analysis: Analysis, sentence: SpacySpan, group: list[_Trigger], index: _MentionIndex) -> Event:
        by_depth = sorted(group, key=lambda trigger: index.depth(trigger.token))  # stable: ties keep text order
        head = by_depth[0]
        roles = _merge_roles(self._roles(t, index) for t in by_depth)
        event_type = head.sense.type
        if event_type != "THREATEN" and _on_condition(head.token):
            event_type = "THREATEN"  # "will withdraw its force unless ...": an action held over someone is a threat
        if not roles.target and event_type not in ("ASSAULT", "PROTEST"):
            roles = Roles(roles.source, _country_in(head.token, index, roles.source))  # "lifted a curfew in Montenegro"
        mode = self._mode(group, sentence, index) if event_type == head.sense.type else None
        factuality, _cue = factuality_of(head.token, sentence)
        if event_type in COOPERATIVE_TYPES and _refusal(head.token):
            # "will not withdraw", "would not lay down their arms": CAMEO 12 "refuse to yield", a REJECT that
            # the text asserts, not a cooperative act it negates
            event_type, mode, factuality = "REJECT", None, "asserted"
        elif event_type in INTENT_TYPES and factuality in INTENT_FACTUALITY:
            event_type, mode = "AGREE", None  # a cooperative act announced for the future is an intent
        elif event_type == "RETREAT" and factuality == "future" and roles.source and _reporting_verb(head.token):
            # PLOVER: "announced ... would withdraw troops" is RETREAT + future and is coded CONCEDE, a concession
            # announced, not yet a material retreat
            event_type, mode = "CONCEDE", None
        elif event_type in THREAT_TYPES and factuality in INTENT_FACTUALITY and roles.source:
            # "would blockade Paris", "will extend the curfew", "may halt mediation efforts": PLOVER codes a
            # restriction or sanction someone announces or holds out as THREATEN, its mode the content of the
            # threat; with no one holding it out ("journalists could be detained") it is only a possibility
            event_type, mode = "THREATEN", THREAT_MODES.get(mode or "")
        if head.sense.type == "RETREAT" and not roles.target:  # "withdraw its force from Chad"
            roles = Roles(roles.source, _from_country(head.token, index, roles.source))
        elif event_type == "REQUEST" and not roles.target:  # "demanded an apology from Tokyo": who is asked
            objects = [child for child in head.token.children if child.dep_ == "dobj"]
            roles = Roles(roles.source, _from_country(head.token, index, roles.source, objects))
        place = _event_place(sentence, head.token, roles, index)
        roles = _legal_source(head.token, event_type, mode, roles, place, self.knowledge_base)
        date = _event_date(analysis, sentence, head.token, index)
        event_tokens = _event_tokens(group) if event_type == "ASSAULT" else []  # once: a walk of every subtree
        fatalities = fatalities_in(event_tokens) if event_type == "ASSAULT" else None
        cumulative = _any_lemma(sentence, CUMULATIVE_WORDS, index)
        if (
            event_type == "ASSAULT"
            and not roles.target
            and not cumulative
            and not _battle(head.token, roles.source, self.knowledge_base)
            and (
                _unnamed_victims(event_tokens)
                or _civilian_place_attacked(group, index)
                or any(t.sense is TO_DEATH_SENSE for t in group)  # "a councillor was hacked to death": no fight
            )
        ):
            # "bomb blast kills six", "four women were killed", "gunmen attacked the village"; not the dead of a
            # battle ("X and Y clashed, killing several people"), whom either side may have killed
            roles = Roles(roles.source, (CIVILIANS_ID,))
        kinds = self._kinds
        # ground taken, not ground sought: "an attack to capture the positions" is the fight, not its outcome
        territory = any(t.sense is TERRITORY_SENSE and not _purpose(t.token) for t in group)
        source_kinds, target_kinds = kinds(roles.source), kinds(roles.target)
        if territory and not source_kinds & ARMED_KINDS and _state_forces_subject(group):
            source_kinds |= {"state_forces"}  # "the army units took control of the village": no named actor
        if territory and not roles.source and "armed_group" in target_kinds and "state_forces" not in target_kinds:
            source_kinds |= {"state_forces"}  # "the terrorists were driven out of the town": by the state's forces
        if (
            event_type == "PROTEST"
            and mode == "obstruct"
            and (source_kinds & STATE_KINDS or _state_forces_subject(group))
        ):
            event_type, mode = "COERCE", "restrict"  # "troops blocked the road": a restriction, not a protest
        elif event_type == "PROTEST" and mode == "demo" and _diplomatic(head.token, source_kinds):
            event_type, mode = "ACCUSE", "disapprove"  # PLOVER: a government's protest is a verbal one
        elif (
            event_type == "ASSAULT"
            and head.token.lemma_.lower() == "raid"
            and "police" in source_kinds
            and not target_kinds & ARMED_KINDS
            and fatalities is None
        ):
            event_type, mode = "COERCE", "seize"  # PLOVER COERCE 'seize': "police raided the newspaper's offices"
        elif event_type == "ASSAULT" and mode in CROWD_VIOLENCE_MODES and source_kinds & CROWD_KINDS:
            event_type, mode = "PROTEST", "riot"  # "rioters torched cars": PLOVER's violent riot (ACLED the same)
        elif event_type == "COERCE" and mode == "restrict" and source_kinds & CROWD_KINDS:
            event_type, mode = "PROTEST", "obstruct"  # "protesters shut down roads": obstruction, not repression
        if (
            event_type == "PROTEST"
            and mode == "demo"
            and _crowd_violence(sentence, RIOT_WORDS, index)
            and not _peaceful(head.token)
        ):
            mode = "riot"  # "violent protests", "protesters clashed with police", "threw stones"
        if (
            mode == "explosives"
            and source_kinds & {"state_forces", "government"}
            and "police" not in source_kinds
            and _plain_bombing(group)
        ):
            mode = (
                "aerial"  # "Israel bombed a missile base", "the coalition bombed a wedding": a state bombs from the air
            )
        cue = _acled_cue(sentence, group, event_type, fatalities, index)
        if cue == "mob" and _named_armed_source(roles.source, self.knowledge_base):
            cue = None  # "Boko Haram attacked three villages, according to vigilantes": the group's attack, no mob
        acled_type, acled_sub = acled_category(
            event_type, mode, source_kinds, target_kinds, territory=territory, cue=cue
        )
        if not roles.target and event_type == "PROTEST":
            # "went on hunger strike to protest against Sweden's decision": whom the protest is aimed at, added
            # after the ACLED type, which reads a target as someone who acted on the protest
            aimed_at = purpose_targets(head.token, index.actors_for)
            roles = Roles(roles.source, tuple(a for a in aimed_at if a not in roles.source))
        weight = max(t.sense.weight for t in group)
        confidence = weight * (0.55 + 0.25 * bool(roles.source) + 0.1 * bool(roles.target) + 0.1 * bool(place))
        if factuality != "asserted":
            confidence *= 0.9
        confidence *= CLAUSE_DECAY ** min(_clause_depth(head.token), 3)
        if _content_of_trigger(head.token, self, index):
            confidence *= CLAUSE_DECAY  # "rejected calls for aid": the call is what is rejected, not the event
        roles = _localised(roles, sentence, index, place)  # after the ACLED type, which reads generic subkinds
        trigger = head.token
        doc_text = analysis.article.text
        return Event(
            id=_event_id(trigger.idx, event_type),
            type=event_type,
            mode=mode,
            context=(),
            acled_event_type=acled_type,
            acled_sub_event_type=acled_sub,
            source=roles.source,
            target=roles.target,
            place=place,
            date=date,
            fatalities=fatalities,
            factuality=factuality,
            confidence=round(min(confidence, 1.0), 3),
            evidence=Span(sentence.start_char, sentence.end_char, doc_text[sentence.start_char : sentence.end_char]),
            trigger=Span(trigger.idx, trigger.idx + len(trigger.text), trigger.text),
        )

    @staticmethod
    def _roles(trigger: _Trigger, index: _MentionIndex) -> Roles:
        token = trigger.token
        if trigger.sense is DEMAND_SENSE:  # the speaker demands; the one who must act is the target
            speaker = _reporting_verb(token)
            source = verb_roles(speaker, index.actors_for).source if speaker is not None else ()
            subjects = [child for child in token.children if child.dep_ in ("nsubj", "nsubjpass")]
            target = tuple(a for a in dict.fromkeys(_phrase_actors(subjects, index)) if a not in source)
            return Roles(tuple(source), target)
        if token.pos_ == "ADJ":  # "Norway is ready to help": the copula's subject
            return verb_roles(token.head, index.actors_for) if token.head.i != token.i else Roles((), ())
        if token.pos_ in ("VERB", "AUX"):
            return verb_roles(token, index.actors_for, grievance=trigger.sense.type == "ACCUSE")
        return noun_roles(token, index.actors_for)

    def _kinds(self, actor_ids: tuple[str, ...]) -> frozenset[str]:
        kinds = set()
        for actor_id in actor_ids:
            actor: Actor | None = self.knowledge_base.get(actor_id)
            if actor:
                kinds.add(actor.kind)
            info = self.knowledge_base.info(actor_id)
            if info is not None and info.subkind:
                kinds.add(info.subkind)  # "protesters", "rioters": ACLED's riot and protest types need them
        return frozenset(kinds)

    def _mode(self, group: list[_Trigger], sentence: SpacySpan, index: _MentionIndex) -> str | None:
        """The most specific mode: a chemical named in the sentence, then a weapon named on a trigger
        ("suicide bombing") beats the trigger's own."""
        if group[0].sense.type == "ASSAULT":
            if _chemical(sentence, index):
                return "unconventional"  # "fired shells ... containing chlorine", "used mustard gas in an attack"
            if any(trigger.sense is CROWD_CONTROL_SENSE for trigger in group):
                return "crowd-control"  # "used tear gas and water cannon": the object already named the weapon
            if any(_reflexive_object(trigger.token) for trigger in group):
                return "suicide-attack"  # "blew himself up", "detonated explosives, killing themselves"
            if group[0].sense.mode == "abduct":
                return "abduct"  # "kidnapped advisers and exploded bombs": what was done, whatever the weapon
            lemmas, modifiers = index.word_forms(sentence.doc)[0], self.lexicon.modifiers
            for trigger in group:
                for token in [*trigger.token.children, *trigger.token.subtree]:
                    if lemmas[token.i] not in modifiers:
                        continue  # no weapon word: `_modifier_mode` would say None
                    mode = self._modifier_mode(token)
                    if mode and token.lemma_.lower() in COMPOUND_ONLY_MODIFIERS and token.dep_ != "compound":
                        continue  # "torched cars": a car is a weapon only in "car bomb"
                    if mode and (token.head == trigger.token or token.dep_ in ("compound", "amod", "pobj")):
                        return mode
            for trigger in group:  # "helicopters dropped barrel bombs, killing 12": the weapon is in the main clause
                head = trigger.token.head
                if trigger.token.dep_ == "acl" and head.pos_ == "NOUN":  # "shells fired by the rebels"
                    mode = self._modifier_mode(head)
                    if mode:
                        return mode
                # "the air force conducted strikes": the light verb's subject names the weapon
                light_verb_object = trigger.token.dep_ == "dobj" and trigger.token.pos_ == "NOUN"
                if (trigger.token.dep_ not in ("advcl", "xcomp", "conj") and not light_verb_object) or (
                    head.pos_ != "VERB"
                ):
                    continue
                for child in head.children:
                    if child.i == trigger.token.i or child.dep_ not in ("nsubj", "dobj", "nsubjpass", "prep"):
                        continue
                    near = [
                        child,
                        *child.children,
                        *(g for c in child.children if c.dep_ == "pobj" for g in c.children),
                    ]
                    for token in near:
                        mode = self._modifier_mode(token)
                        if mode:
                            return mode
        harmed = any(trigger.token.lemma_.lower() in HARM_VERBS for trigger in group)
        for trigger in group:
            if trigger.sense.mode == "destroy" and harmed:
                continue  # "killed a farmer and burned his house": the people harmed, not the house, type it
            if trigger.sense.mode:
                return trigger.sense.mode
        return None

    def _modifier_mode(self, token: Token) -> str | None:
        """A weapon word's mode, refined by its own modifier: "tear gas" is crowd control, not gas; "barrel
        bomb" is aerial; "rubber bullets" are not firearms."""
        mode = self.lexicon.modifiers.get(token.lemma_.lower())
        if mode is None:
            return None
        if token.dep_ in ("compound", "amod") and token.head.lemma_.lower() in NOT_WEAPON_HEADS:
            return None  # "gas hub", "car park", "air base": the word names a place or thing, not the weapon
        for child in token.children:
            if child.dep_ in ("compound", "amod", "nmod"):
                refined = self.lexicon.modifiers.get(child.lemma_.lower())
                if refined:
                    return refined
        return mode


def _asserted(verb: Token) -> bool:
    """Whether the writer vouches for a claim or blame verb ("did not claim", "may have been behind" do not)."""
    return factuality_of(verb)[0] == "asserted"


def _special_sense(token: Token, lemma: str, index: _MentionIndex) -> TriggerSense | None:
    """Verbs whose event type depends on their object: territory taken, a base set up, weapons seized."""
    if lemma not in SPECIAL_SENSE_VERBS:
        return None
    if lemma in GATHER_VERBS and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in DEMONSTRATOR_NOUNS for c in token.children
    ):
        return GATHER_SENSE  # "activists gathered in front of parliament": a demonstration
    if lemma == "go" and any(c.dep_ == "prt" and c.lower_ == "off" for c in token.children):
        subjects = {c.lemma_.lower() for c in token.children if c.dep_ == "nsubj"}
        return BLAST_SENSE if subjects & BLAST_SUBJECTS else None  # "an explosive device went off"
    objects = [child for child in token.children if child.dep_ in ("dobj", "nsubjpass")]
    if not objects:
        return None
    nouns = {child.lemma_.lower() for child in objects}
    if lemma == "expel" and nouns & EXPEL_SANCTION_NOUNS:
        return EXPEL_SENSE  # "expelled inspectors of the IAEA", "expelled the ambassador"
    if lemma in ORDER_VERBS and any(child.dep_ == "xcomp" for child in token.children):
        return ORDER_SENSE  # "ordered former president Menem to appear"
    if lemma in BUILDUP_VERBS and nouns & FORCE_NOUNS:
        return BUILDUP_SENSE
    if (
        lemma in FORM_VERBS
        and {g.lemma_.lower() for child in objects for g in phrase_tokens(child)} & FORMED_FORCE_NOUNS
    ):
        return BUILDUP_SENSE
    if lemma in USE_VERBS and _chemical_object(objects):
        return (
            CHEMICAL_USE_SENSE  # "used mustard gas against the army unit": a chemical attack (ACLED: chemical weapon)
        )
    if lemma in USE_VERBS and _crowd_control_object(objects):
        return CROWD_CONTROL_SENSE  # "deployed tear gas", "used water cannon": force against a crowd, not a move
    if lemma in SEND_VERBS:
        phrase = nouns | {g.lemma_.lower() for child in objects for g in phrase_tokens(child)}
        if phrase & PEACEKEEPING_WORDS:
            return PEACEKEEPING_SENSE  # CAMEO 0743: providing peacekeepers is aid
        if nouns & UNIT_NOUNS or (lemma != "deploy" and phrase & UNIT_NOUNS):
            return SEND_TROOPS_SENSE  # "sent 3,000 troops", "dispatched hundreds of soldiers"
        if nouns & WEAPON_PLATFORMS:
            return SEND_WEAPONS_SENSE  # "sent two warships to the Gulf"
    if lemma in WITHDRAW_VERBS and nouns & ENVOY_NOUNS:
        return WITHDRAW_SANCTION_SENSE
    if lemma in HAND_OVER_VERBS and any(c.dep_ == "prt" and c.lower_ in ("over", "in") for c in token.children):
        if nouns & WEAPON_NOUNS:
            return DISARM_SENSE  # "handed over their weapons": PLOVER RETREAT 'disarm'
        if nouns & (TERRITORY_NOUNS | {"authority"}) or any(child.i in index.places_at for child in objects):
            return CEDE_SENSE  # "handed over the town to the army"
    if lemma in TIES_VERBS and nouns & TIES_NOUNS:
        return TIES_SENSE
    named = nouns | {c.lemma_.lower() for child in objects for c in child.children if c.dep_ == "compound"}
    if lemma in ("violate", "breach", "break") and named & TRUCE_NOUNS:
        return TRUCE_BREACH_SENSE  # CAMEO 196 "violate ceasefire" is fighting
    if lemma in ("take", "hold", "seize", "keep") and any(
        word.lemma_.lower() in ("hostage", "captive")
        and word.dep_
        in ("oprd", "dobj", "attr", "xcomp", "advcl", "ccomp", "npadvmod", "advmod", "conj", "amod", "pobj")
        for word in (*token.children, *(g for obj in objects for g in obj.subtree))
    ):
        return HOSTAGE_SENSE  # "took 30 people hostage"; "held the crew of the ship hostage", parsed in the object
    preps = {(c.lower_, g.lemma_.lower()) for c in token.children if c.dep_ == "prep" for g in c.children}
    if lemma == "set" and (
        "fire" in nouns
        or any(
            c.dep_ in ("oprd", "acomp", "advmod", "xcomp", "amod") and c.lower_ in BLAZE_WORDS
            for c in (*token.children, *(g for obj in objects for g in obj.children))
        )
        or ("on", "fire") in preps
    ):
        return ARSON_SENSE  # "set fire to the school", "set the houses ablaze", "set a car on fire"
    if lemma in LAUNCH_VERBS and nouns & LAUNCHED_WEAPONS:
        return LAUNCH_SENSE  # "launched a missile at the city": the weapon (its object) gives the mode
    if lemma == "burn" and (any(c.dep_ == "prt" and c.lower_ == "down" for c in token.children) or nouns & BUILDINGS):
        return ARSON_SENSE  # "burned down a church", "burned the houses of the villagers"
    if lemma in EXCHANGE_VERBS and nouns & PRISONER_NOUNS:
        return PRISONER_SWAP_SENSE  # "the two sides exchanged prisoners"
    if lemma in EXCHANGE_VERBS and nouns & SHOOTING_NOUNS:
        return EXCHANGE_FIRE_SENSE  # "exchanged fire with the rebels"
    if lemma in TO_DEATH_VERBS and ("to", "death") in preps:
        return TO_DEATH_SENSE  # "hacked to death", "stoned to death"
    if lemma in CUSTODY_VERBS and (
        any((prep, noun) in preps for prep in ("into", "in") for noun in CUSTODY_NOUNS)
        or ("for", "question") in preps  # "held for questioning"
    ):
        return CUSTODY_SENSE  # "was taken into custody", "placed in detention"
    if lemma in SNATCH_VERBS and _people_seized(token, objects, index):
        return SNATCH_SENSE  # "armed men seized a local chief"
    if lemma in STOP_VERBS and nouns & PROTEST_NOUNS:
        return STOP_PROTEST_SENSE  # "police prevented the demonstration", "banned the rally"
    if lemma == "open" and "fire" in nouns:
        return OPEN_FIRE_SENSE  # "opened fire on the demonstrators"
    if lemma in CUT_OFF_VERBS and nouns & UTILITY_NOUNS and any(c.lower_ == "off" for c in token.children):
        return WITHHOLD_SENSE  # PLOVER COERCE 'withhold': "cut off electricity to the town"
    if lemma in PRESS_VERBS and any(child.dep_ == "xcomp" for child in token.children):
        return ORDER_SENSE  # "pressed Islamabad to act": a demand
    if lemma in TRUCE_VERBS and nouns & TRUCE_NOUNS:
        return TRUCE_SENSE  # "declared a unilateral ceasefire", "observed the truce"
    if lemma in ALLOW_VERBS and nouns & ACCESS_NOUNS:
        return ACCESS_SENSE  # "allowed UN inspectors into the site"
    if lemma in HOST_VERBS and any(child.i in index.actors_at for child in objects):
        return HOST_SENSE  # "received the Chinese envoy": a visit hosted (not "received aid")
    if lemma in FOIL_VERBS and {g.lemma_.lower() for child in objects for g in child.subtree} & (
        WEAPON_NOUNS | BLAST_NOUNS | {"bombing"}
    ):
        return DISRUPT_SENSE  # "thwarted a car bomb attack": a bombing prevented (ACLED: disrupted weapons use)
    if lemma in DISRUPT_VERBS or (lemma == "shoot" and any(c.lower_ == "down" for c in token.children)):
        phrase = nouns | {g.lemma_.lower() for child in objects for g in phrase_tokens(child)}
        phrase |= _cargo(objects)
        if lemma == "shoot":
            phrase = nouns & INTERCEPTED_WEAPONS  # "shot down a drone"; a jet shot down is an attack on it
        if phrase & WEAPON_NOUNS and not any(child.i in index.actors_at for child in objects):
            return DISRUPT_SENSE  # "seized a cache of firearms", "defused two IEDs"
    if lemma == "take" and "place" in nouns:
        return None  # "the clashes took place near the airport": an idiom, not ground taken
    taken = nouns & TERRITORY_NOUNS or any(child.i in index.places_at for child in objects)
    if lemma in EXPULSION_VERBS and _out_of_territory(token, index):
        return TERRITORY_SENSE  # "drove the militants out of three villages": the ground is taken from them
    if lemma in TERRITORY_VERBS and taken and (lemma != "gain" or nouns & {"control", "ground"}):
        return TERRITORY_SENSE  # "seized Mosul", "regained territory": taking ground is ASSAULT, not COERCE
    if lemma in ("enter", "occupy") and taken and _unopposed(token.sent):
        return TERRITORY_SENSE  # "entered the town without a fight": ground changes hands (ACLED: non-violent)
    set_up = lemma != "set" or any(child.dep_ == "prt" and child.lower_ == "up" for child in token.children)
    if lemma in BASE_VERBS and nouns & BASE_NOUNS and set_up:
        return BASE_SENSE  # "set up an observation post", "established a base"
    return None


ARMED_KINDS = frozenset({"state_forces", "armed_group"})
# "drove the militants out of the town", "flushed them out of the area", "were pushed back from their strongholds".
EXPULSION_VERBS = frozenset({"drive", "push", "flush", "chase", "oust", "expel", "evict", "dislodge", "force"})
# Every verb `_special_sense` can give a sense of its own: it is asked of every verb of every sentence, and the
# others are let go before their objects are read. A new rule there must add its verbs here.
SPECIAL_SENSE_VERBS = (
    ALLOW_VERBS
    | BASE_VERBS
    | BUILDUP_VERBS
    | CUSTODY_VERBS
    | CUT_OFF_VERBS
    | DISRUPT_VERBS
    | EXCHANGE_VERBS
    | EXPULSION_VERBS
    | FOIL_VERBS
    | FORM_VERBS
    | GATHER_VERBS
    | HAND_OVER_VERBS
    | HOST_VERBS
    | LAUNCH_VERBS
    | ORDER_VERBS
    | PRESS_VERBS
    | SEND_VERBS
    | SNATCH_VERBS
    | STOP_VERBS
    | TERRITORY_VERBS
    | TIES_VERBS
    | TO_DEATH_VERBS
    | TRUCE_VERBS
    | USE_VERBS
    | WITHDRAW_VERBS
    | frozenset({"go", "expel", "violate", "breach", "break", "take", "hold", "seize", "keep", "set", "burn"})
    | frozenset({"shoot", "open", "enter", "occupy"})
)


def _out_of_territory(verb: Token, index: _MentionIndex) -> bool:
    """Does the verb move someone out of ground ("out of three villages", "back from their strongholds")?"""
    particles = [c for c in verb.children if c.lower_ in ("out", "back")]
    if not particles:
        return False
    for child in (*verb.children, *(g for p in particles for g in p.children)):
        if child.dep_ == "prep" and child.lower_ in ("from", "of", "out"):
            grounds = [g for g in child.subtree if g.dep_ == "pobj"]
            if any(g.lemma_.lower() in TERRITORY_NOUNS or g.i in index.places_at for g in grounds):
                return True
    return False


# Whom a seizing takes when it takes people: a person named, an actor that is not a state, or people by role.
SEIZED_PEOPLE_NOUNS = VICTIM_NOUNS | frozenset(
    {"leader", "missionary", "foreigner", "national", "crew", "sailor", "contractor", "hostage"}
)


def _people_seized(verb: Token, objects: list[Token], index: _MentionIndex) -> bool:
    """Are people what the verb seizes, by someone other than a state's forces ("gunmen seized two aid workers";
    not "police seized the suspect", an arrest, nor "seized weapons" or "seized the town")?"""
    if _state_forces_subject([_Trigger(verb, SNATCH_SENSE)]):
        return False
    for obj in objects:
        if obj.lemma_.lower() in WEAPON_NOUNS | TERRITORY_NOUNS or obj.i in index.places_at:
            return False
        if obj.ent_type_ == "PERSON" or obj.lemma_.lower() in SEIZED_PEOPLE_NOUNS:
            return True
        kb = index.knowledge_base
        if any(kb.get(a) is not None and kb.get(a).kind == "civilians" for a in index.actors_at.get(obj.i, [])):
            return True
    return False


# Words that name a state's forces when no actor is resolved ("the army units", "government troops").
STATE_FORCE_WORDS = frozenset(
    {
        "army",
        "military",
        "government",
        "regime",
        "soldier",
        "troop",
        "gendarme",
        "gendarmerie",
        "police",
        "navy",
        "authority",
    }
)


def _state_forces_subject(group: list[_Trigger]) -> bool:
    """Does a trigger's subject (or passive agent) name state forces by their common nouns?"""
    for trigger in group:
        for child in trigger.token.children:
            heads = [child] if child.dep_ == "nsubj" else []
            if child.dep_ == "agent":
                heads = [g for g in child.children if g.dep_ == "pobj"]
            for head in heads:
                words = {
                    head.lemma_.lower(),
                    *(c.lemma_.lower() for c in head.children if c.dep_ in ("compound", "amod")),
                }
                if words & STATE_FORCE_WORDS:
                    return True
    return False


# Words that put a bomb on the ground: a bomb planted, not dropped.
GROUND_BOMB_WORDS = frozenset({"car", "roadside", "ied", "mine", "landmine", "plant", "suicide", "parcel"})


def _plain_bombing(group: list[_Trigger]) -> bool:
    """Is the event "bombed" or "a bombing" with no word that puts the bomb on the ground ("car bomb")?"""
    for trigger in group:
        token = trigger.token
        if token.lemma_.lower() not in ("bomb", "bombing"):
            return False
        if any(t.lemma_.lower() in GROUND_BOMB_WORDS for t in token.subtree):
            return False
    return True


REFLEXIVES = frozenset({"himself", "herself", "themselves", "itself"})


def _reflexive_object(token: Token) -> bool:
    """ "blew himself up", "killing themselves": the attacker is among those the blast kills."""
    return any(child.dep_ in ("dobj", "nsubj") and child.lower_ in REFLEXIVES for child in token.children)


def _diplomatic(trigger: Token, source_kinds: frozenset[str]) -> bool:
    """ "Paris protested the decision", "lodged a protest": a government or IGO protesting in words."""
    if source_kinds & CROWD_KINDS:
        return False
    if trigger.pos_ != "VERB" and (
        trigger.head.lemma_.lower() in ("lodge", "file", "deliver") or _has_modifier(trigger, {"formal", "diplomatic"})
    ):
        return True
    return trigger.pos_ == "VERB" and bool(source_kinds & {"government", "igo"})


UNOPPOSED_NOUNS = frozenset({"resistance", "fight", "fighting", "clash", "battle", "gunshot", "shot", "bloodshed"})


def _crowd_violence(sentence: SpacySpan, words: frozenset[str], index: _MentionIndex) -> bool:
    """Does the sentence say a crowd was violent? "Riot police", "riot gear" name the police's kit, not a riot."""
    return not words.isdisjoint(index.words_of(sentence)) and any(
        (token.lemma_.lower() in words or token.lower_ in words)
        and not (token.lemma_.lower() == "riot" and token.dep_ in ("compound", "amod"))
        for token in sentence
    )


def _peaceful(trigger: Token) -> bool:
    """ "a peaceful protest", "marched peacefully": the text says the demonstrators were not violent."""
    return any(child.lower_ in ("peaceful", "peacefully", "non-violent", "nonviolent") for child in trigger.children)


def _unopposed(sentence: SpacySpan) -> bool:
    """ "without resistance", "without a fight", "without firing a shot"."""
    return any(
        token.lower_ == "without" and any(t.lemma_.lower() in UNOPPOSED_NOUNS for t in token.subtree)
        for token in sentence
    )


LABOUR_STRIKE_SENSE = TriggerSense(type="PROTEST", mode="strike", weight=1.0)
HUNGER_STRIKE_SENSE = TriggerSense(type="PROTEST", mode="hunger", weight=1.0)


COOPERATIVE_TYPES = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})


def _refusal(token: Token) -> bool:
    """ "will not withdraw", "would never release": a cooperative act its actor says it will not do."""
    children = list(token.children)
    negated = any(c.dep_ == "neg" or c.lower_ in ("never", "not", "n't") for c in children)
    willed = any(c.dep_ == "aux" and c.lower_ in ("will", "would", "wo", "shall") for c in children)
    return negated and willed


def _has_modifier(token: Token, words: frozenset[str] | set[str]) -> bool:
    return any(
        child.dep_ in ("compound", "amod", "nmod", "poss") and child.lemma_.lower() in words for child in token.children
    )


def _labour_strike(token: Token) -> bool:
    """Is the noun "strike" a walkout ("went on strike", "a general strike", "workers' strike") rather than an
    attack ("an air strike")?"""
    if _has_modifier(token, LABOUR_STRIKE_WORDS):
        return True
    return (
        token.dep_ == "pobj"
        and token.head.lower_ == "on"
        and token.head.head.lemma_.lower() in STRIKE_ON_VERBS
        and not any(child.dep_ in ("det", "compound", "amod") for child in token.children)
    )


HARM_VERBS = frozenset(
    {
        "kill",
        "injure",
        "wound",
        "hurt",
        "maim",
        "massacre",
        "slaughter",
        "murder",
        "shoot",
        "behead",
        "execute",
        "assassinate",
        "stab",
        "hack",
        "stone",
        "torture",
    }
)


# Places whose attack harms the people in them: ACLED codes an attack on a village or a market as one on civilians.
CIVILIAN_PLACE_NOUNS = frozenset(
    {"village", "community", "market", "church", "mosque", "school", "home", "house", "hospital", "shop", "bus"}
)
# Triggers that name a fight between sides: its dead are not said to be one side's victims.
BATTLE_LEMMAS = CLASH_NOUNS | frozenset({"fight", "battle", "skirmish"})


def _civilian_place_attacked(group: list[_Trigger], index: _MentionIndex) -> bool:
    """ "gunmen attacked Tse Ujoh community", "an attack on a village": the object is a place people live in."""
    for trigger in group:
        token = trigger.token
        objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")] if token.pos_ == "VERB" else []
        objects += [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("on", "against") for g in c.children]
        for obj in objects:
            if obj.lemma_.lower() in CIVILIAN_PLACE_NOUNS and not any(t.i in index.actors_at for t in obj.subtree):
                return True
    return False


def _battle(trigger: Token, source: tuple[str, ...], knowledge_base: ActorKnowledgeBase) -> bool:
    """Is the event a fight between sides: a clash word, or two armed actors acting together as its source?"""
    if trigger.lemma_.lower() in BATTLE_LEMMAS:
        return True
    kinds = [actor.kind for actor in map(knowledge_base.get, source) if actor is not None]
    return sum(kind in ARMED_KINDS for kind in kinds) >= 2


def _named_armed_source(source: tuple[str, ...], knowledge_base: ActorKnowledgeBase) -> bool:
    """Is a source a named armed group or a state's forces (not a generic "vigilantes" or "mob")?"""
    for actor_id in source:
        actor = knowledge_base.get(actor_id)
        if actor is not None and actor.kind in ARMED_KINDS and not actor_id.startswith("generic."):
            return True
    return False


# Words saying that ground changed hands because its holders left: taken after a withdrawal is taken unopposed.
WITHDRAWAL_WORDS = frozenset({"withdraw", "withdrawal", "withdrew", "withdrawn", "evacuate", "evacuation", "pullout"})


# Words saying someone else takes the ground a withdrawal leaves: "in the face of an advance by federal forces",
# "leaving it in the hands of opposition fighters", "handed over the town". Without them a pullout is the
# group's own move (ACLED: change to group/activity), not a transfer of territory.
TAKEOVER_WORDS = TERRITORY_VERBS | frozenset(
    {"enter", "advance", "hand", "handover", "takeover", "cede", "relinquish", "surrender", "replace"}
)


def _with_next(sentence: SpacySpan, index: _MentionIndex) -> list[SpacySpan]:
    """The sentence and the one after it, which often says how the event it reports came about."""
    following = index.next_sentence(sentence)
    return [sentence, following] if following is not None else [sentence]


def _taken_over(sentence: SpacySpan, index: _MentionIndex) -> bool:
    """Does the sentence of a withdrawal, or the next one, say someone takes the ground ("Troops withdrew from
    the town. Rebels entered it hours later")?"""
    return any(_any_lemma(s, TAKEOVER_WORDS, index) for s in _with_next(sentence, index))


def _names_grenade(sentence: SpacySpan, index: _MentionIndex) -> bool:
    """Does the sentence name a grenade that is a weapon (not a stun or tear-gas grenade)?"""
    if "grenade" not in index.words_of(sentence):
        return False
    return any(
        token.lemma_.lower() == "grenade" and not any(child.lower_ in NON_LETHAL_GRENADE for child in token.children)
        for token in sentence
    )


def _after_withdrawal(sentence: SpacySpan) -> bool:
    """ "regained Marka after government forces withdrew", "following the withdrawal of the army"."""
    return any(
        token.lemma_.lower() in WITHDRAWAL_WORDS
        or (token.lemma_.lower() == "pull" and any(c.lower_ == "out" for c in token.children))
        for token in sentence
    )


CHEMICAL_USE_SENSE = TriggerSense(type="ASSAULT", mode="unconventional", weight=1.0)


def _chemical_object(objects: list[Token]) -> bool:
    """Is an object a chemical weapon: "mustard gas", "chemical weapons", "sarin", "chlorine"?"""
    for obj in objects:
        words = {obj.lemma_.lower(), *(c.lemma_.lower() for c in obj.children if c.dep_ in ("compound", "amod"))}
        if words & CHEMICAL_WORDS and obj.lemma_.lower() not in NOT_CHEMICAL_HEADS:
            return True
    return False


# Verbs whose objects are an attack's victims though not wounded: "opened fire, scattering terrified residents".
TERRORIZE_VERBS = frozenset({"scatter", "terrorize", "terrorise", "displace", "panic", "frighten", "rob"})


HARMING_VERBS = HARM_VERBS | TERRORIZE_VERBS


def _unnamed_victims(event_tokens: list[Token]) -> bool:
    """Does the event harm people the text names only as people, or only by number ("killing 10")?
    `event_tokens` are the event's `_event_tokens`."""
    for token in event_tokens:
        if token.dep_ not in ("dobj", "nsubjpass") or token.head.lemma_.lower() not in HARMING_VERBS:
            continue
        if token.lemma_.lower() in VICTIM_NOUNS or token.lower_ in VICTIM_NOUNS:
            return True
        if token.like_num or token.pos_ == "NUM":
            return True
    return False


def _on_condition(token: Token) -> bool:
    """ "X will withdraw unless Y ...": a clause of the trigger introduced by "unless"."""
    return any(
        child.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "unless" for g in child.children)
        for child in token.children
    )


def _country_in(trigger: Token, index: _MentionIndex, source: tuple[str, ...]) -> tuple[str, ...]:
    """The government of the country the trigger's own phrase puts the action in ("imposed a curfew in
    Montenegro", "lifted a state of emergency in West Darfur", "threatened to resume attacks in Israel")."""
    heads = {trigger.i} | {child.i for child in trigger.children if child.dep_ == "xcomp"}
    for token in trigger.subtree:
        if token.dep_ != "pobj" or token.head.lower_ != "in":
            continue
        if token.head.head.i not in heads and token.head.head.head.i not in heads:
            continue  # only "V in X" and "V the N in X"
        place = index.places_at.get(token.i)
        if place is None or place.place is None or not place.place.country:
            continue
        actor = index.knowledge_base.state_actor(place.place.country, "government")
        if actor is not None and actor.actor_id not in source:
            return (actor.actor_id,)
    return ()


# Generic agents that belong to the country they act in, and the state role each stands for there
# ("demonstrators in Baghdad" are Iraq's people, "a peace-keeping force in Liberia" is a force in Liberia).
# Gunmen, militants and militias may come from anywhere, so they stay generic.
LOCAL_ROLES = {
    "generic.civilians": "civilians",
    "generic.journalists": "civilians",
    "generic.aid_workers": "civilians",
    "generic.protesters": "protesters",
    "generic.rioters": "rioters",
    "generic.prisoners": "civilians",
    "generic.security_forces": "state_forces",
    "generic.police": "police",
    "generic.government": "government",
    "generic.rebels": "rebels",
}
# Participles that place a generic agent: "a newspaper based in Beirut", "troops stationed in Kosovo".
PLACED_PARTICIPLES = frozenset({"base", "station", "operate", "live", "headquarter", "deploy"})
# Prepositions that tie a generic agent to a place in its own phrase ("students throughout Indonesia").
PHRASE_PLACE_PREPS = frozenset({"in", "from", "throughout", "across", "inside", "at", "of"})


# Legal actions only a state takes, and the state body that takes them where no one is named as acting.
LEGAL_ACTORS = {("COERCE", "arrest"): "police", ("ACCUSE", "investigate"): "government"}


def _legal_source(
    trigger: Token,
    event_type: str,
    mode: str | None,
    roles: Roles,
    place: EventPlace | None,
    knowledge_base: ActorKnowledgeBase,
) -> Roles:
    """ "A US national was arrested in Italy", "was put under investigation in Italy": an arrest or an official
    investigation with no one named as acting is the act of the state where it happens (PLOVER codes Italy).
    An arrest only as a verb: "protests over the detention of X" name a grievance, not who acts in it."""
    role = LEGAL_ACTORS.get((event_type, mode or ""))
    if role is None or roles.source or place is None or not place.place.country:
        return roles
    if event_type == "COERCE" and trigger.pos_ != "VERB":
        return roles
    actor = knowledge_base.state_actor(place.place.country, role)
    if actor is None:
        return roles
    return Roles((actor.actor_id,), tuple(a for a in roles.target if a != actor.actor_id))


def _localised(roles: Roles, sentence: SpacySpan, index: _MentionIndex, place: EventPlace | None) -> Roles:
    """Generic agents with a country: the place their own phrase names, else where the event happened, else
    (civilians targeted only) the country of a state source in a sentence that names no other country
    ("Egyptian police dispersed demonstrators")."""
    if not any(actor in LOCAL_ROLES for actor in (*roles.source, *roles.target)):
        return roles
    kb = index.knowledge_base
    event_country = place.place.country if place is not None else None
    home = next(
        (a.country for a in map(kb.get, roles.source) if a is not None and a.country and a.kind != "armed_group"),
        None,
    )
    if home is not None and index.sole_country.get(sentence.start) != home and not _police_source(roles.source, kb):
        home = None  # only a state acting where its sentence names no other country acts at home; police
        # act at home wherever else the sentence names ("Turkish police stopped students protesting the war in Iraq")

    def local(actors: tuple[str, ...], fallback: str | None) -> tuple[str, ...]:
        out: list[str] = []
        for actor_id in actors:
            role = LOCAL_ROLES.get(actor_id)
            at_home = fallback if role in ("civilians", "protesters") else None  # not a state's own forces
            country = role and (_phrase_country(actor_id, sentence, index) or event_country or at_home)
            actor = kb.state_actor(country, role) if role and country else None
            chosen = actor.actor_id if actor is not None else actor_id
            if chosen not in out:
                out.append(chosen)
        return tuple(out)

    source = local(roles.source, None)
    target = tuple(a for a in local(roles.target, home) if a not in source)
    return Roles(source, target)


def _police_source(source: tuple[str, ...], knowledge_base: ActorKnowledgeBase) -> bool:
    """Is a state's police among the source? A police force acts in its own country, not across borders."""
    for actor_id in source:
        actor = knowledge_base.get(actor_id)
        police = knowledge_base.state_actor(actor.country, "police") if actor is not None and actor.country else None
        if police is not None and police.actor_id == actor_id:
            return True
    return False


def _phrase_country(actor_id: str, sentence: SpacySpan, index: _MentionIndex) -> str | None:
    """The country of a place named in the phrase of a generic agent's mention ("demonstrators in Baghdad")."""
    doc = sentence.doc
    for i in range(sentence.start, sentence.end):  # by position: a Token only where the actor is named
        if actor_id not in index.actors_at.get(i, ()):
            continue
        head = doc[i]
        while head.dep_ in ("compound", "amod", "nmod") and head.head.i != head.i:
            head = head.head
        # "students in Jakarta", and through a participle of place: "a newspaper based in Beirut"
        holders = [head, *(c for c in head.children if c.dep_ == "acl" and c.lemma_.lower() in PLACED_PARTICIPLES)]
        for prep in (child for holder in holders for child in holder.children):
            if prep.dep_ != "prep" or prep.lower_ not in PHRASE_PLACE_PREPS:
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                for word in phrase_tokens(obj):
                    mention = index.places_at.get(word.i)
                    if mention is not None and mention.place is not None and mention.place.country:
                        return mention.place.country
    return None


def _with_place_target(event: Event, knowledge_base: ActorKnowledgeBase) -> Event:
    """An event with no named target acts on the place it happens in ("imposed a curfew in the town of Cizre",
    "would blockade Paris"): its country's government, or its people when the government is the source.
    Added last, so the ACLED type and the confidence still say that no target was named."""
    if event.target or event.place is None or not event.place.place.country or event.type == "ASSAULT":
        return event  # whom an attack in a place hit is not said by the place: civilians, troops, a rival group
    for role in ("government", "civilians"):
        actor = knowledge_base.state_actor(event.place.place.country, role)
        if actor is not None and actor.actor_id not in event.source:
            return replace(event, target=(actor.actor_id,))
    return event


def _from_country(
    trigger: Token, index: _MentionIndex, source: tuple[str, ...], objects: list[Token] | None = None
) -> tuple[str, ...]:
    """ "withdraw its force from Chad": the country a withdrawal leaves is its target; "sought help from Japan",
    "demanded an apology from Tokyo" (the phrase on the verb or its `objects`): whom a request is made of. A
    capital there stands for its country (the PLOVER gold's readme codes it so)."""
    for child in (child for word in (trigger, *(objects or ())) for child in word.children):
        if child.dep_ != "prep" or child.lower_ != "from":
            continue
        for obj in child.children:
            found = [a for t in phrase_tokens(obj) for a in index.actors_for(t) if a not in source]
            found += [a for t in phrase_tokens(obj) if (a := _capital_government(t, index)) and a not in source]
            if found:
                return (found[0],)
    return ()


def _capital_government(token: Token, index: _MentionIndex) -> str | None:
    """The government of the country whose capital `token` names, if it names one."""
    mention = index.places_at.get(token.i)
    place = mention.place if mention is not None else None
    if place is None or not index.names_capital(token, place):
        return None
    actor = index.knowledge_base.state_actor(place.country, "government")
    return actor.actor_id if actor is not None else None


def _content_of_trigger(token: Token, stage: EventStage, index: _MentionIndex) -> bool:
    """Is a trigger the object of another trigger verb ("rejected calls", "offered concessions"), or the action
    a request or refusal is about ("asked Turkey to withdraw", "refused to release")?"""
    if token.pos_ == "VERB" and token.dep_ in ("xcomp", "ccomp") and token.head.pos_ == "VERB":
        sense = stage._sense(token.head, index)
        if sense is None or sense.type not in CONTENT_TAKERS:
            return False
        if token.head.lemma_.lower() in OPEN_PLEDGES:  # "vowed to attack" is a threat, "vowed to help" an intent
            own = stage._sense(token, index)
            return sense.type == "THREATEN" and own is not None and own.type in HOSTILE_TYPES
        return True
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    if token.dep_ == "pobj" and token.head.lower_ in NOMINAL_TOPIC_PREPS and token.head.head.pos_ == "NOUN":
        verb = token.head.head  # "an easing of sanctions", "a ban on protests", "an inquiry into the killings"
    elif token.dep_ == "pobj" and token.head.lower_ in TOPIC_PREPS and token.head.head.pos_ == "VERB":
        verb = token.head.head  # "is opposed to French mediation", "apologised for the killing", "protested over"
    elif token.dep_ in ("dobj", "nsubjpass"):
        verb = token.head
    else:
        return False
    sense = stage._sense(verb, index) if verb.i != token.i else None
    return sense is not None and sense.type != "ASSAULT" and verb.lemma_.lower() not in LIGHT_VERB_TRIGGERS


# Verbal types whose to-clause is their content, not an event of its own (PLOVER codes the request, the refusal).
CONTENT_TAKERS = frozenset({"REQUEST", "REJECT", "THREATEN"})
HOSTILE_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"})
WARNING_SENSE = TriggerSense(type="THREATEN", mode=None, weight=1.0)
# Prepositions whose object is what a verbal event is about: "agreed to talks", "apologised for the killing".
TOPIC_PREPS = frozenset({"to", "for", "over", "about"})
NOMINAL_TOPIC_PREPS = frozenset({"of", "for", "on", "into", "over", "against"})
# Pledges whose type is their content's: "vowed to cooperate" is AGREE, "vowed to attack" THREATEN.
OPEN_PLEDGES = frozenset({"vow", "seek"})
# Trigger verbs that only carry their noun ("offered an apology" is CONCEDE, not AGREE); see roles.LIGHT_VERBS.
LIGHT_VERB_TRIGGERS = frozenset({"offer", "give", "grant", "provide", "send", "deliver", "extend", "express", "sign"})


BLAST_NOUNS = frozenset({"explosion", "detonation", "blast"})
BLAST_VERBS = frozenset({"explode", "detonate", "go", "blow"})
# Handling a bomb: one that goes off "while planting it" killed its makers, not their target.
BOMB_HANDLING_VERBS = frozenset({"plant", "make", "assemble", "handle", "prepare", "build", "fix", "manufacture"})


def _disarmed_blast(sentence: SpacySpan, index: _MentionIndex) -> bool:
    """Is the sentence's blast one ACLED counts as disrupted weapons use: "a controlled explosion", "safely
    detonated", a bomb that "went off prematurely" or "while they were planting it"?"""
    if not index.words_of(sentence) & {"controlled", "safely", "prematurely", "premature", "accidentally", "while"}:
        return False
    for token in sentence:
        word = token.lower_
        if word == "controlled" and token.head.lemma_.lower() in BLAST_NOUNS:
            return True
        if word in ("safely", "prematurely", "accidentally") and token.head.lemma_.lower() in BLAST_VERBS:
            return True
        if word == "premature" and token.head.lemma_.lower() in BLAST_NOUNS:
            return True
        if (
            word == "while"
            and token.head.lemma_.lower() in BOMB_HANDLING_VERBS
            and token.head.head.lemma_.lower() in BLAST_VERBS | {"kill"}
        ):
            return True
    return False


def _cargo(objects: list[Token]) -> set[str]:
    """The words of what a seized or found thing holds or is used for ("a truck loaded with ammunition")."""
    words: set[str] = set()
    for obj in objects:
        for child in obj.children:
            if child.dep_ in ("acl", "relcl", "amod") and child.lemma_.lower() in CARGO_PARTICIPLES:
                words |= {g.lemma_.lower() for g in child.subtree}
    return words


def _prisoners_exchanged(noun: Token) -> bool:
    """Is an "exchange" one of prisoners: "prisoner exchange", "exchange of detainees", or, as a modifier of
    "process" or "deal", "the exchange process of prisoners of war"?"""
    words = {t.lemma_.lower() for t in noun.subtree}
    if noun.dep_ == "compound":
        words |= {t.lemma_.lower() for t in noun.head.subtree}
    return bool(words & PRISONER_NOUNS)


def _mob_subject(group: list[_Trigger]) -> bool:
    """Is a trigger's subject (or passive agent) a crowd or villagers: the mob that did the violence?"""
    for trigger in group:
        for child in trigger.token.children:
            heads = [child] if child.dep_ == "nsubj" else []
            if child.dep_ == "agent":
                heads = [g for g in child.children if g.dep_ == "pobj"]
            if any(head.lemma_.lower() in MOB_SUBJECT_WORDS for head in heads):
                return True
    return False


def _any_lemma(sentence: SpacySpan, words: frozenset[str], index: _MentionIndex) -> bool:
    return not words.isdisjoint(index.words_of(sentence))


def _chemical(sentence: SpacySpan, index: _MentionIndex) -> bool:
    """Does the sentence name a chemical weapon ("mustard gas", "chlorine", "nerve agent", "toxic gas")?"""
    if CHEMICAL_WORDS.isdisjoint(index.words_of(sentence)):
        return False
    for token in sentence:
        if token.lemma_.lower() in CHEMICAL_WORDS or token.lower_ in CHEMICAL_WORDS:
            if token.dep_ in ("compound", "amod") and token.head.lemma_.lower() in NOT_CHEMICAL_HEADS:
                continue  # "chemical plant", "Chemical Protection Troops"
            return True
    return False


def _acled_cue(
    sentence: SpacySpan, group: list[_Trigger], event_type: str, fatalities: object, index: _MentionIndex
) -> str | None:
    """The ACLED distinction the event's words draw beyond its PLOVER type and mode (see plover.CUES)."""
    if group[0].sense is DISRUPT_SENSE:
        return "weapons_seized"
    if event_type == "ASSAULT" and _disarmed_blast(sentence, index):
        return "weapons_seized"  # ACLED: a controlled detonation, or a bomb going off in its makers' hands
    if group[0].sense is BASE_SENSE:
        return "base"
    if event_type == "ASSAULT" and any(_names_grenade(s, index) for s in _with_next(sentence, index)):
        return "grenade"  # "an explosion at the market ... Police said the attackers used a hand grenade"
    territory = any(t.sense is TERRITORY_SENSE for t in group)
    words = index.words_of(sentence)
    if territory and (("without" in words and _unopposed(sentence)) or _after_withdrawal(sentence)):
        return "unopposed"  # "entered the town without a fight": ACLED's non-violent transfer of territory
    if event_type == "RETREAT" and group[0].sense.mode == "withdraw" and _taken_over(sentence, index):
        return "unopposed"  # "withdrew, allowing Daesh to seize it": ground handed to another (non-violent transfer)
    if event_type in ("ASSAULT", "PROTEST") and (_any_lemma(sentence, MOB_WORDS, index) or _mob_subject(group)):
        return "mob"
    if event_type == "COERCE" and group[0].sense.mode == "arrest" and _any_lemma(sentence, PROTEST_WORDS, index):
        # ACLED codes arrests at a demonstration as the demonstration: violent, or with intervention
        return "riot" if _crowd_violence(sentence, RIOT_WORDS, index) else "intervention"
    if event_type == "ASSAULT" and _crowd_violence(sentence, RIOT_WORDS - {"violently"}, index):
        return "riot"  # force used on demonstrators who threw stones or clashed: ACLED's violent demonstration
    if event_type == "ASSAULT" and (fatalities is not None or _any_lemma(sentence, LETHAL_WORDS, index)):
        return "lethal"
    if event_type == "PROTEST" and _any_lemma(sentence, INTERVENTION_WORDS, index):
        return "lethal" if _any_lemma(sentence, LETHAL_FORCE_WORDS, index) else "intervention"
    return None


ANAPHORIC_DETERMINERS = frozenset({"the", "this", "that", "these", "those", "such"})
# Nouns that refer back to an attack already reported ("The attacks were carried out with grenades").
ATTACK_ANAPHOR_NOUNS = frozenset(
    {"attack", "assault", "strike", "airstrike", "raid", "bombing", "blast", "explosion", "shelling", "incident"}
)
# ACLED sub-event types named by the weapon, and the ones a weapon named elsewhere makes more specific.
WEAPON_SUB_TYPES = frozenset(ACLED_TYPES["Explosions/Remote violence"])
UNSPECIFIC_SUB_TYPES = frozenset({"Armed clash", "Attack"})
# Explosives of a kind ACLED names apart: a blast an attack with one of them set off is of that kind.
EXPLOSIVE_KINDS = frozenset({"Grenade", "Suicide bomb", "Chemical weapon"})


def _refers_back(group: list[_Trigger]) -> bool:
    """Does the event's trigger, or the subject of its trigger verb, refer back to an attack already reported
    ("the attacks were carried out with grenades", "The attack hit a neighbourhood")?"""
    for trigger in group:
        token = trigger.token
        nouns = (
            [token]
            if token.pos_ in ("NOUN", "PROPN")
            else [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        )
        for noun in nouns:
            if noun.lemma_.lower() in ATTACK_ANAPHOR_NOUNS and any(
                c.dep_ == "det" and c.lower_ in ANAPHORIC_DETERMINERS for c in noun.children
            ):
                return True
    return False


def _share_weapons(events: list[Event], attacks: list[tuple[Event, bool, bool]]) -> list[Event]:
    """An attack and the sentences that refer back to it are one attack: the weapon one of them names (a grenade,
    a chemical) types the others that name none. "Synchronised attacks were launched in 11 locations. The
    attacks, mostly using grenades, ..." is a grenade attack, even when the second sentence adds nothing else."""
    chains: list[list[Event]] = []
    for event, _kept, refers_back in attacks:
        if refers_back and chains:
            chains[-1].append(event)
        else:
            chains.append([event])
    updates: dict[str, Event] = {}
    for chain in chains:
        refined = next((e for e in chain if e.acled_sub_event_type in EXPLOSIVE_KINDS), None)
        typed = refined or next((e for e in chain if e.acled_sub_event_type in WEAPON_SUB_TYPES), None)
        if typed is None or len(chain) < 2:
            continue
        for event in chain:
            # "hurled two grenades at soldiers. The explosions killed five": the blast is the grenades'
            generic_blast = refined is not None and event.acled_sub_event_type == "Remote explosive/landmine/IED"
            if event.acled_sub_event_type in UNSPECIFIC_SUB_TYPES or generic_blast:
                updates[event.id] = replace(
                    event,
                    mode=typed.mode,
                    acled_event_type=typed.acled_event_type,
                    acled_sub_event_type=typed.acled_sub_event_type,
                )
    return [updates.get(event.id, event) for event in events]


def _mentions_earlier_event(group: list[_Trigger], event: Event) -> bool:
    """ "Did not comment on the strikes": a definite noun that adds no actor, place, date or toll
    refers back to an event already coded, and is not a new one."""
    if len(group) > 1 or group[0].token.pos_ not in ("NOUN", "PROPN"):
        return False
    definite = any(
        child.dep_ in ("det", "poss") and child.lower_ in ANAPHORIC_DETERMINERS | {"its", "their"}
        for child in group[0].token.children
    )
    trigger = group[0].token
    subtree = list(trigger.subtree)
    start, end = subtree[0].idx, subtree[-1].idx + len(subtree[-1].text)
    place_here = (
        event.place is not None and event.place.mention is not None and start <= event.place.mention.start < end
    )
    adds_nothing = not (event.source or event.target or place_here or event.fatalities is not None)
    return definite and adds_nothing and event.date.basis != "text"


def _event_tokens(group: list[_Trigger]) -> list[Token]:
    """The words of an event's own clause: its triggers' subtrees, plus the verb a noun trigger hangs on
    ("the attack killed 12", "an attack that killed 12")."""
    seen: dict[int, Token] = {}
    for trigger in group:
        roots = [trigger.token]
        if trigger.token.pos_ in ("NOUN", "PROPN") and trigger.token.dep_ in ("nsubj", "nsubjpass"):
            roots.append(trigger.token.head)
        for root in roots:
            for token in root.subtree:
                seen.setdefault(token.i, token)
    return list(seen.values())


def _reporting_verb(token: Token) -> Token | None:
    """The speech verb a clause is reported by ("Russia said [that Sudan must return ...]"), or None."""
    if token.dep_ in ("ccomp", "parataxis") and token.head.lemma_.lower() in REPORTING_VERBS:
        return token.head
    return None


def _reported_obligation(token: Token) -> bool:
    """ "X said Y must return the helicopter": an obligation laid on a third party in reported speech.
    Not when the speaker binds itself ("we must defend ourselves") or names no one else."""
    if not any(child.dep_ == "aux" and child.lower_ in OBLIGATION_MODALS for child in token.children):
        return False
    speaker = _reporting_verb(token)
    if speaker is None:
        return False
    subjects = [child for child in token.children if child.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or any(s.lower_ in ("i", "we", "he", "she", "it", "they", "you") for s in subjects):
        return False
    speakers = {t.i for child in speaker.children if child.dep_ == "nsubj" for t in child.subtree}
    return not any(s.i in speakers for s in subjects)


def _phrase_actors(heads: list[Token], index: _MentionIndex) -> list[str]:
    return [actor for head in heads for token in phrase_tokens(head) for actor in index.actors_for(token)]


# Prepositions that date one event by another: "dispatched troops after ISIL's attack" reports the dispatch.
TIME_PREPS = frozenset({"after", "before", "since", "following", "prior"})


def _purpose(token: Token) -> bool:
    """Is a verb an infinitive of purpose or intent ("an attack to capture", "troops sent to retake")?"""
    return token.dep_ in ("acl", "advcl", "xcomp", "relcl") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children
    )


def _clause_depth(token: Token) -> int:
    """How many subordinate clauses deep a trigger sits; clauses reported by a speech verb do not count, and a
    noun that dates the main event ("after the attack") counts as one."""
    depth = int(token.dep_ == "pobj" and token.head.lower_ in TIME_PREPS)
    for _ in range(50):
        if token.head.i == token.i:
            break
        if token.dep_ in SUBORDINATE_DEPS and _reporting_verb(token) is None:
            depth += 1
        token = token.head
    return depth


def _joined(a: Token, b: Token) -> bool:
    """Two triggers of one type describe one event when one governs the other within a clause."""
    for upper, lower in ((a, b), (b, a)):
        token = lower
        for _ in range(4):
            if token.head.i == token.i or token.dep_ in ("ccomp", "relcl", "parataxis"):
                break
            purpose = token.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
            if token.dep_ == "advcl" and (
                (token.tag_ != "VBG" and not purpose) or any(c.dep_ == "nsubj" for c in token.children)
            ):
                break  # "attacked the village, killing eight" and "fired tear gas to disperse the crowd" are one
                # event each; "after a bomb exploded" is another
            token = token.head
            if token.i == upper.i:
                return True
    return False


def _office_phrase(head: Token) -> list[Token]:
    """The words of an office-holder's phrase that can say whose office it is, its appositive and "of"-complement
    included ("General X, commander of Polish forces"), but not a coordinated holder's ("X and Chinese Premier Y")."""
    words = []
    for word in phrase_tokens(head):
        current = word
        while current.i != head.i and current.dep_ != "conj":
            current = current.head
        if current.i == head.i:
            words.append(word)
    return words


def _merge_roles(all_roles: object) -> Roles:
    """The roles of a trigger group, the shallowest trigger's first. An actor a higher trigger takes as its target
    is not the group's source for being a lower one's agent: "Tehran denounced the American accusations" is
    Iran's act against the United States."""
    source: list[str] = []
    target: list[str] = []
    for roles in all_roles:  # type: ignore[attr-defined]
        source.extend(actor for actor in roles.source if actor not in source and actor not in target)
        target.extend(actor for actor in roles.target if actor not in target and actor not in source)
    return Roles(tuple(source), tuple(target))


def _event_id(trigger_start: int, event_type: str) -> str:
    return "ev-" + hashlib.sha1(f"{trigger_start}:{event_type}".encode()).hexdigest()[:10]


def _event_place(sentence: SpacySpan, trigger: Token, roles: Roles, index: _MentionIndex) -> EventPlace | None:
    """The place the event happened (the rule lives in `lanner.events.place`)."""
    return event_place(sentence, trigger, roles, index)


def _in_subtree(token: Token, root: Token) -> bool:
    for _ in range(8):
        if token.i == root.i:
            return True
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def _event_date(analysis: Analysis, sentence: SpacySpan, trigger: Token, index: _MentionIndex) -> EventDate:
    """The event's date from its own sentence; the publication week only as a marked fallback."""
    best: tuple[int, DateRange] | None = None
    seen: set[int] = set()
    for i in range(sentence.start, sentence.end):  # positions first: a Token is built only where a date is
        mention = index.dates_at.get(i)
        if mention is None or mention.range is None or mention.start in seen:
            continue
        seen.add(mention.start)
        rank = date_rank(sentence.doc[i], trigger)  # the date of the trigger's own clause first
        if best is None or rank < best[0]:
            best = (rank, mention.range)
    if best is not None:
        return EventDate(best[1], "text")
    published = analysis.article.published
    if published is not None:
        window = DateRange(published - timedelta(days=FALLBACK_WINDOW_DAYS - 1), published, "week")
        return EventDate(window, "published")
    return EventDate(None, "none")
