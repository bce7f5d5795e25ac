"""PLOVER's 16 event types and the documented mapping from a PLOVER event to ACLED's types.

The mapping (README, "ACLED mapping") follows ACLED's codebook (2023): ACLED codes political violence,
demonstrations and strategic developments, not verbal events, so verbal PLOVER types map to null.
"""

from __future__ import annotations

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)

ACLED_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}

_REMOTE_BY_MODE = {
    "aerial": "Air/drone strike",
    "drone": "Air/drone strike",
    "heavy-weapons": "Shelling/artillery/missile attack",
    "explosives": "Remote explosive/landmine/IED",
    "suicide-attack": "Suicide bomb",
    "unconventional": "Chemical weapon",
}
_ARMED_KINDS = frozenset({"armed_group", "state_forces"})
# Who retaking ground makes it the government's: its forces, or the government named as the actor.
_STATE_KINDS = frozenset({"state_forces", "government"})
# Actor subkinds (carried in the kinds sets next to the kind) that make an ASSAULT a riot rather than a fight.
_CROWD_SUBKINDS = frozenset({"protesters", "rioters"})
# ACLED distinctions PLOVER's modes do not draw, read by the events stage from the event's words:
# "grenade" (the weapon; the PLOVER mode stays explosives), "weapons_seized" (arms caches seized, bombs
# defused or detonated by bomb squads or in their makers' hands), "base" (a base or post set up), "mob" (a mob,
# or villagers doing violence), "lethal" (deadly or live-fire force), "intervention" (a protest the authorities
# broke up, arrested or tear-gassed), "unopposed" (territory taken without a fight, or left by a withdrawal to
# someone who takes it), "riot" (demonstrators who threw stones or clashed).
CUES = frozenset({"grenade", "weapons_seized", "base", "mob", "lethal", "intervention", "unopposed", "riot"})


def acled_category(
    event_type: str,
    mode: str | None,
    source_kinds: frozenset[str],
    target_kinds: frozenset[str],
    *,
    territory: bool = False,
    cue: str | None = None,
) -> tuple[str | None, str | None]:
    """ACLED (event_type, sub_event_type) for a PLOVER event, or (None, None) where ACLED codes nothing.

    Kinds sets may hold actor subkinds too ("protesters", "rioters"); `cue` is one of `CUES`."""
    if event_type == "ASSAULT":
        if cue == "weapons_seized":  # a controlled detonation, a bomb going off in its makers' hands
            return "Strategic developments", "Disrupted weapons use"
        if territory:  # ground taken is the event, whatever weapon took it or was destroyed on the way
            if cue == "unopposed":
                return "Strategic developments", "Non-violent transfer of territory"
            if source_kinds & _STATE_KINDS:  # "forces loyal to the government" name the government itself
                return "Battles", "Government regains territory"
            return "Battles", "Non-state actor overtakes territory"
        if cue == "grenade" and mode in (None, "explosives", "firearms"):
            return "Explosions/Remote violence", "Grenade"
        if mode in _REMOTE_BY_MODE:
            return "Explosions/Remote violence", _REMOTE_BY_MODE[mode]
        if mode == "abduct":
            return "Violence against civilians", "Abduction/forced disappearance"
        if mode == "sexual":
            return "Violence against civilians", "Sexual violence"
        if "rioters" in target_kinds and not source_kinds & _CROWD_SUBKINDS:
            return "Riots", "Violent demonstration"  # ACLED codes force used on rioters as the riot
        if target_kinds & {"protesters"} and not source_kinds & _CROWD_SUBKINDS:
            if cue == "riot":
                return "Riots", "Violent demonstration"  # ACLED: force met demonstrators' own violence
            if cue == "lethal" or mode == "firearms":
                return "Protests", "Excessive force against protesters"
            return "Protests", "Protest with intervention"
        if mode == "crowd-control":  # tear gas, water cannon: the crowd they were used on is not named
            if cue == "riot":
                return "Riots", "Violent demonstration"
            if cue == "lethal":
                return "Protests", "Excessive force against protesters"
            return "Protests", "Protest with intervention"
        if cue == "mob" or ("civilians" in source_kinds and not source_kinds & _ARMED_KINDS):
            return "Riots", "Mob violence"
        if source_kinds & _CROWD_SUBKINDS:
            return "Riots", "Violent demonstration"
        if mode == "destroy":
            return "Strategic developments", "Looting/property destruction"
        if "civilians" in target_kinds or (target_kinds and not target_kinds & _ARMED_KINDS):
            return "Violence against civilians", "Attack"
        return "Battles", "Armed clash"
    if event_type == "PROTEST":
        if mode == "riot" and cue == "mob":
            return "Riots", "Mob violence"
        if mode in ("riot", "obstruct"):
            return "Riots", "Violent demonstration"  # ACLED counts road-blocking with barricades as violent
        if cue == "lethal":
            return "Protests", "Excessive force against protesters"
        if cue == "intervention" or "state_forces" in target_kinds:
            return "Protests", "Protest with intervention"
        return "Protests", "Peaceful protest"
    if event_type == "COERCE":
        if cue == "weapons_seized":
            return "Strategic developments", "Disrupted weapons use"
        if mode == "arrest" and cue == "riot":
            return "Riots", "Violent demonstration"  # ACLED: arrests at a violent demonstration
        if mode == "arrest" and ("protesters" in target_kinds or cue == "intervention"):
            return "Protests", "Protest with intervention"  # ACLED: arrests at a peaceful protest
        if mode == "arrest":
            return "Strategic developments", "Arrests"
        if mode == "seize":
            return "Strategic developments", "Looting/property destruction"
        return "Strategic developments", "Other"
    if event_type in ("AGREE", "COOPERATE"):
        return "Strategic developments", "Agreement"
    if event_type == "CONSULT" and mode not in ("visit", "phone"):
        return "Strategic developments", "Agreement"  # ACLED counts peace talks; state visits are not coded
    if event_type == "RETREAT":
        if mode == "withdraw" and cue == "unopposed":  # ground another actor takes without a fight
            return "Strategic developments", "Non-violent transfer of territory"
        if mode in ("release", "disarm", "ceasefire"):
            return "Strategic developments", "Agreement"  # ACLED: prisoner releases and surrenders are agreements
        return "Strategic developments", "Change to group/activity"
    if event_type == "MOBILIZE":
        if cue == "base":
            return "Strategic developments", "Headquarters or base established"
        return "Strategic developments", "Change to group/activity"
    return None, None
