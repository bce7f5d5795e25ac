"""Round case10: ACLED distinctions and news phrasings the CASE 2021 snippets showed Lanner missing. A crowd or
villagers are a mob only when they do the violence; a pullout with no one taking the ground is a change to the
group's activity, not a transfer of territory. Sentences written for these tests, through the real pipeline."""

from __future__ import annotations

import pytest

from lanner.evaluation.case2021 import snippet_label
from lanner.records import Article


def label(pipeline, text: str) -> str:
    return snippet_label(pipeline(Article(text=text)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Insurgents shot dead four villagers on the road to the market.", "ATTACK"),
        ("An angry crowd beat a suspected cattle thief to death in the village square.", "MOB_VIOL"),
    ],
)
def test_villagers_and_crowds_are_a_mob_only_as_attackers(pipeline, text: str, expected: str) -> None:
    assert label(pipeline, text) == expected


def test_a_withdrawal_transfers_territory_only_to_someone_who_takes_it(pipeline) -> None:
    assert label(pipeline, "British troops withdrew from their camp outside the provincial capital on Friday.") == (
        "CHANGE_TO_GROUP_ACT"
    )
    taken_over = [
        "Army units withdrew from the hilltop town, leaving it in the hands of the local militia.",
        "Police pulled out of the district on Tuesday. Armed youths entered it the next morning.",
    ]
    assert [label(pipeline, text) for text in taken_over] == ["NON_VIOL_TERRIT_TRANSFER"] * 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Unidentified men set a primary school ablaze overnight in the eastern district.", "PROPERTY_DISTRUCT"),
        ("Attackers set fire to two warehouses belonging to the ruling party.", "PROPERTY_DISTRUCT"),
        ("Border guards exchanged fire with smugglers near the river crossing.", "ARMED_CLASH"),
        ("A shopkeeper was hacked to death by suspected separatists on Monday.", "ATTACK"),
        ("The opposition spokesman was taken into custody at the airport on Thursday.", "ARREST"),
        ("Gunmen snatched three Turkish engineers from a road construction site.", "ABDUCT_DISSAP"),
        ("Pirates are holding the crew of the tanker hostage off the coast.", "ABDUCT_DISSAP"),
        ("The military said its forces neutralized eight terrorists near the border.", "ARMED_CLASH"),
    ],
)
def test_news_idioms_name_their_event(pipeline, text: str, expected: str) -> None:
    assert label(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ACLED's disrupted weapons use includes "the interception of explosives in the air"
        ("Saudi air defences intercepted a ballistic missile over Jazan on Friday.", "DISR_WEAP"),
        ("The army shot down three drones carrying explosives near the air base.", "DISR_WEAP"),
        # storming is an attack; ground taken needs a word of taking
        ("Militiamen stormed the village of Kuma and killed eleven farmers.", "ATTACK"),
        (
            "Al-Shabaab fighters captured the district centre after government troops fled.",
            "NON_STATE_ACTOR_OVERTAKES_TER",
        ),
        # police force on a crowd, and a demonstration, in South Asian news wording
        ("Police baton-charged a crowd outside the district court.", "PROTEST_WITH_INTER"),
        ("Thousands of farmers formed a human chain along the national highway on Sunday.", "PEACE_PROTEST"),
        # a state bombs from the air
        ("Turkey bombed Kurdish militant hideouts in the mountains on Wednesday.", "AIR_STRIKE"),
    ],
)
def test_acled_types_of_interceptions_storming_charges_and_state_bombing(pipeline, text: str, expected: str) -> None:
    assert label(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("An explosive device hidden in a rubbish bin went off outside the courthouse.", "REM_EXPLOS"),
        ("Rebels launched two missiles at the oil terminal overnight.", "ART_MISS_ATTACK"),
        ("Extremists beheaded a local teacher in front of his family.", "ATTACK"),
        ("Dozens of doctors staged a sit-in at the health ministry.", "PEACE_PROTEST"),
        ("Jets flew forty sorties over the northern mountains on Monday.", "AIR_STRIKE"),
        ("Residents fell ill after exposure to poisonous gas released over the town.", "CHEM_WEAP"),
    ],
)
def test_blasts_launches_sit_ins_gas_and_arson(pipeline, text: str, expected: str) -> None:
    assert label(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Soldiers drove the rebels out of two villages near the lake.", "GOV_REGAINS_TERIT"),
        ("The jihadists were pushed back from their positions near the dam.", "GOV_REGAINS_TERIT"),
        ("Government forces recovered the district from the rebels on Saturday.", "GOV_REGAINS_TERIT"),
        # ground taken outranks the fight that took it
        (
            "The army retook the village of Dara on Monday. Dozens of insurgents were killed and wounded, it said.",
            "GOV_REGAINS_TERIT",
        ),
        # overrunning a checkpoint is a fight, not control of a place
        ("The militants overran two army checkpoints, killing six soldiers.", "ARMED_CLASH"),
    ],
)
def test_ground_taken(pipeline, text: str, expected: str) -> None:
    assert label(pipeline, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Three insurgents were killed while planting a roadside bomb on the highway.",
        "Police carried out a controlled explosion of a suspect device at the station.",
    ],
)
def test_bombs_that_go_off_in_their_makers_hands_or_by_bomb_squads_are_disrupted(pipeline, text: str) -> None:
    assert label(pipeline, text) == "DISR_WEAP"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a blast that refers back to grenades thrown is the grenades'
        (
            "Two men hurled grenades at a police post on Friday night. The explosions wounded four officers.",
            "GRENADE",
        ),
        # petrol bombs are firebombs: demonstrators throwing them riot
        ("Demonstrators threw petrol bombs at riot police near the parliament.", "VIOL_DEMONSTR"),
        # a village chief or an official killed is a civilian attacked, not one side of a fight
        ("Gunmen killed a village elder outside his house on Sunday.", "ATTACK"),
        ("Three reporters were held by police for questioning over a report on corruption.", "ARREST"),
    ],
)
def test_grenade_blasts_firebombs_officials_and_questioning(pipeline, text: str, expected: str) -> None:
    assert label(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the weapon is named by the light verb's subject, or by the noun a participle describes
        ("The air force conducted strikes on rebel positions in the hills.", "AIR_STRIKE"),
        ("Mortar shells fired by the militia landed near a hospital.", "ART_MISS_ATTACK"),
        # prisoners exchanged: an agreement (PLOVER RETREAT 'release')
        ("The two armies exchanged prisoners at the border crossing on Sunday.", "AGREEMENT"),
        ("Officials oversaw a prisoner exchange between the rebels and the government.", "AGREEMENT"),
        ("Doctors said the victims suffered from exposure to chlorine.", "CHEM_WEAP"),
    ],
)
def test_light_verbs_participles_prisoner_swaps_and_exposure(pipeline, text: str, expected: str) -> None:
    assert label(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Armed men stole livestock from herders in the district on Tuesday.", "PROPERTY_DISTRUCT"),
        ("A court remanded the two activists for fifteen days.", "ARREST"),
    ],
)
def test_theft_by_force_and_remand(pipeline, text: str, expected: str) -> None:
    assert label(pipeline, text) == expected


def test_people_terrorized_by_shooting_are_its_victims(pipeline) -> None:
    text = "Bandits rode into the settlement at dawn and opened fire, terrorizing the inhabitants."
    assert label(pipeline, text) == "ATTACK"


@pytest.mark.parametrize(
    "text",
    [
        "Police seized a van loaded with rifles and ammunition on the highway.",
        "Soldiers uncovered a cave used by the rebels to stockpile weapons.",
        "Intelligence officers foiled a bomb attack on the central station.",
    ],
)
def test_weapons_found_in_what_holds_them_and_bombings_foiled_are_disrupted(pipeline, text: str) -> None:
    assert label(pipeline, text) == "DISR_WEAP"


def test_a_grenade_named_in_the_next_sentence_types_the_blast(pipeline) -> None:
    text = (
        "A blast tore through a tea shop on Friday, wounding four men. "
        "Witnesses said a man on a bicycle threw a grenade."
    )
    assert label(pipeline, text) == "GRENADE"


def test_burning_down_is_arson_but_people_harmed_type_an_attack_that_does_both(pipeline) -> None:
    assert label(pipeline, "Attackers burned down a mosque in the town on Friday.") == "PROPERTY_DISTRUCT"
    assert label(pipeline, "Gunmen killed a trader and burned his shop in the night.") == "ATTACK"


def test_demonstrators_gathering_is_a_demonstration(pipeline) -> None:
    assert label(pipeline, "Activists gathered outside the justice ministry on Monday morning.") == "PEACE_PROTEST"
