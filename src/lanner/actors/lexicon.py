"""Word lists the actor stage matches around country demonyms and named groups.

Facts from: general English usage in conflict reporting (the nouns news agencies put after a demonym for a
state's forces or government, and the anaphors they use for a group already named). Written for Lanner.
Every table is an immutable mapping or frozenset of lower-cased token tuples, split the way spaCy's
English tokenizer splits them ("counter-terrorism" → counter, -, terrorism).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Final

_TOKEN = re.compile(r"\w+|[^\w\s]")


def token_tuple(phrase: str) -> tuple[str, ...]:
    """Lower-cased tokens of a short phrase, split on spaces and around punctuation."""
    return tuple(_TOKEN.findall(phrase.lower()))


def _split(text: str) -> list[str]:
    """A comma-separated word list, written as prose so it stays readable."""
    return [phrase.strip() for phrase in text.replace("\n", " ").split(",") if phrase.strip()]


def _table(groups: Mapping[str, str]) -> Mapping[tuple[str, ...], str]:
    return MappingProxyType({token_tuple(p): role for role, text in groups.items() for p in _split(text)})


def _set(phrases: Iterable[str]) -> frozenset[tuple[str, ...]]:
    return frozenset(token_tuple(p) for p in phrases)


_STATE_FORCES = """
    forces, force, army, armies, troops, soldiers, soldier, servicemen, serviceman, service members,
    servicemembers, military, militaries, jets, jet, fighter jets, warplanes, warplane, planes, aircraft,
    helicopters, helicopter, gunships, drones, drone, artillery, tanks, navy, naval forces, warships, warship,
    air force, air forces, airforce, air defences, air defenses, special forces, commandos, commando,
    paratroopers, marines, border guards, border guard, coast guard, national guard, gendarmes, gendarmerie,
    security forces, armed forces, military forces, ground forces, government forces, regime forces,
    government troops, army troops, defence forces, defense forces, battalion, battalions, brigade, brigades,
    division, units, unit, personnel, military personnel, officers, officer, commanders, commander, generals,
    general, intelligence, intelligence services, intelligence agency, peacekeepers, peacekeeper, contingent,
    convoy, convoys, patrol, patrols, military police, snipers, sniper, pilots, pilot, sailors, reservists,
    conscripts, recruits
"""
_GOVERNMENT = """
    government, governments, officials, official, authorities, ministry, ministries, minister, ministers,
    prime minister, president, vice president, foreign minister, defence minister, defense minister,
    interior minister, foreign ministry, defence ministry, defense ministry, interior ministry, cabinet, regime,
    administration, leader, leaders, leadership, parliament, lawmakers, legislators, diplomats, diplomat, envoy,
    ambassador, embassy, consulate, spokesman, spokeswoman, spokesperson, state media, state television,
    state tv, state news agency, junta, head of state, king, emir, crown prince, presidency, foreign office,
    delegation, negotiators, prosecutors, judiciary, courts, court, senate, congress, counterpart, counterparts,
    secretary, defence secretary, defense secretary, foreign secretary, home secretary, secretary of state,
    chancellor, premier, monarch, sultan, queen, ruler, rulers, negotiator, mediator, lawmaker, legislature,
    senators, senator, judge, judges, prosecutor, sides, statesman, head of government
"""
_REBELS = """
    rebels, rebel, rebel forces, rebel fighters, rebel leaders, rebel leader, rebel commanders, rebel groups,
    rebel group, guerrillas, guerrilla, guerillas, guerilla, insurgents, insurgent, separatists, separatist,
    militants, militant, mutineers, rebel soldiers
"""
_POLICE = """
    police, policemen, policeman, policewoman, police officers, police officer, police force, police forces,
    riot police, federal police, traffic police, police commandos, police units
"""
_CIVILIANS = """
    civilians, civilian, citizens, citizen, nationals, national, residents, villagers, journalists, journalist,
    reporters, reporter, aid workers, aid worker, farmers, fishermen, migrants, refugees, refugee, students,
    student, children, women, hostages, hostage, tourists, tourist, worshippers, pilgrims, doctors, medics,
    nurses, teachers, truck drivers, workers, worker, contractors, contractor, detainees, detainee, prisoners,
    prisoner, inmates, youths, youth, people, population, landowners, activists, immigrants, exiles, businessmen,
    traders, newspaper, newspapers, news agency
"""
_PROTESTERS = "protesters, protestors, demonstrators, marchers"
_RIOTERS = "rioters"
_FORCE_ACTIONS = """
    airstrikes, airstrike, air strikes, air strike, air raids, air raid, strikes, strike, drone strikes,
    drone strike, missile strikes, missile strike, shelling, bombardment, bombing, bombings, raid, raids,
    offensive, incursion, incursions, assault, operation, operations, counteroffensive, counter-offensive,
    invasion, occupation, blockade, fire, gunfire, missiles, rockets, shells
"""
_GOVERNMENT_ACTIONS = "sanctions, decree, statement, ultimatum, veto"
_MODIFIERS = """
    government, regime, pro-government, security, special, elite, federal, national, armed, military, army, air,
    ground, naval, navy, border, state, regular, local, senior, top, high-ranking, interim, transitional,
    caretaker, counter-terrorism, counterterrorism, counter-terror, anti-terror, anti-terrorism, defence,
    defense, interior, foreign, intelligence, allied, loyalist, coalition, uniformed, off-duty, deputy, acting,
    former, new, provincial, regional, royal, presidential, republican, marine, riot, airborne, mechanised,
    mechanized, infantry, armoured, armored, unarmed, innocent, displaced, foreign-born, vice, chief, supreme,
    religious, spiritual, angry, radical, young, exiled, ethnic, jailed, detained, hardline
"""
_HYPHEN_BLOCKERS = """
    backed, allied, aligned, funded, supported, sponsored, trained, armed, made, built, supplied, based,
    born, brokered, mediated, controlled, held, linked, affiliated, occupied, administered, run, owned,
    speaking, style, era, bound
"""
_LOCATIVES = """
    in, inside, into, across, throughout, from, to, at, near, within, around, over, toward, towards, through,
    out, via
"""
_MEMBER_NOUNS = """
    fighters, fighter, militants, militant, jihadists, jihadist, insurgents, insurgent, rebels, rebel, gunmen,
    gunman, members, member, loyalists, group, militia, militias, militiamen, forces, troops, operatives,
    commanders, commander, terrorists, extremists, cell, cells, affiliate, mercenaries, guerrillas, guerrilla,
    bombers, suicide bomber, suicide bombers, leader, leaders, leadership, spokesman, spokesperson, official,
    officials, movement, organisation, organization, units, unit, peacekeepers, peacekeeper, mission, envoy,
    soldiers, personnel, chief, emir, emirs, recruits, snipers, faction, factions, outfit, network
"""
_GROUP_ANAPHORS = """
    the group, the militant group, the jihadist group, the terror group, the terrorist group, the extremist group,
    the islamist group, the insurgent group, the armed group, the rebel group, the jihadi group, the militia,
    the organisation, the organization, the terrorist organisation, the terrorist organization,
    the terror organisation, the terror organization, the jihadist organisation, the jihadist organization,
    the outfit, the militant outfit, the terror outfit, the jihadist movement, the insurgency
"""

# Nouns after a demonym or country name that make it a state actor ("Iraqi forces" → IQ.state_forces).
ROLE_NOUNS: Final[Mapping[tuple[str, ...], str]] = _table(
    {
        "state_forces": _STATE_FORCES,
        "government": _GOVERNMENT,
        "police": _POLICE,
        "civilians": _CIVILIANS,
        "rebels": _REBELS,
        "protesters": _PROTESTERS,
        "rioters": _RIOTERS,
    }
)

# Action nouns: "Turkish airstrikes" is the Turkish military acting; the mention is the demonym alone.
ACTION_NOUNS: Final[Mapping[tuple[str, ...], str]] = _table(
    {"state_forces": _FORCE_ACTIONS, "government": _GOVERNMENT_ACTIONS}
)

# Words allowed between the demonym and its noun: "Iraqi government forces", "Syrian regime troops".
MODIFIERS: Final[frozenset[tuple[str, ...]]] = _set(_split(_MODIFIERS))

# "Turkish-backed forces" are not Turkish forces: a hyphenated participle turns the demonym into a modifier.
# "-led" is not among them: "Vietnamese-led forces", "Saudi-led troops" are commanded by that state, and coders
# (PLOVER's gold among them) give them its country.
HYPHEN_BLOCKERS: Final[frozenset[str]] = frozenset(_split(_HYPHEN_BLOCKERS))

# A country name after these is a place ("in Syria troops ..."), not a modifier.
LOCATIVE_PREPOSITIONS: Final[frozenset[str]] = frozenset(_split(_LOCATIVES))

# Nouns after a named group that still name the group ("IS fighters", "Houthi rebels", "UN peacekeepers").
MEMBER_NOUNS: Final[frozenset[tuple[str, ...]]] = _set(_split(_MEMBER_NOUNS))

# Anaphors that can stand for the salient group. "group" ones are blocked by a more recent organisation
# ("Human Rights Watch said ... the group"); "member" ones only fit armed groups. Each maps to the generic
# agent used when no named group is salient ("" = no mention then).
GROUP_ANAPHORS: Final[Mapping[str, str]] = MappingProxyType({p: "" for p in _split(_GROUP_ANAPHORS)})
MEMBER_ANAPHORS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "its fighters": "generic.militants",
        "its militants": "generic.militants",
        "its members": "",
        "its gunmen": "generic.gunmen",
        "its operatives": "",
        "its leader": "",
        "its leaders": "",
        "its commanders": "",
        "its jihadists": "generic.militants",
        "the group's fighters": "generic.militants",
        "the group's militants": "generic.militants",
        "the group's members": "",
        "the group's leader": "",
        "the group's leaders": "",
        "the group's commanders": "",
        "the militants": "generic.militants",
        "the jihadists": "generic.militants",
        "the jihadis": "generic.militants",
        "the insurgents": "generic.militants",
        "the extremists": "generic.militants",
        "the terrorists": "generic.militants",
        "the fighters": "generic.militants",
        "the gunmen": "generic.gunmen",
        "the attackers": "generic.gunmen",
        "the assailants": "generic.gunmen",
        "the rebels": "generic.rebels",
        "the militiamen": "generic.militia",
    }
)

# How far back (in sentences) a named group stays salient for an anaphor.
SALIENCE_SENTENCES: Final[int] = 3
SALIENCE_TOKENS: Final[int] = 120  # the same window when the document has no sentence boundaries
