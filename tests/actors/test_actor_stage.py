"""Recognition with the real spaCy model: names, acronyms, state actors, anaphors, exact offsets."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from lanner.actors import ActorKnowledgeBase, ActorStage
from lanner.actors.stage import alias_variants, is_case_sensitive
from lanner.errors import Code, DataError
from lanner.records import Analysis, Article
from lanner.stage import Stage

pytestmark = pytest.mark.model


def run(stage: ActorStage, nlp, text: str) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """(text, actor_id) of each mention, checking the offsets against the text on the way."""
    analysis = Analysis(article=Article(text=text))
    analysis.doc = nlp(text)
    result = stage(analysis)
    assert result is analysis
    previous_end = -1
    for mention in analysis.actors:
        assert text[mention.start : mention.end] == mention.text
        assert mention.start >= previous_end  # sorted, non-overlapping
        previous_end = mention.end
    return [(m.text, m.actor.actor_id) for m in analysis.actors]


def test_implements_the_stage_protocol(stage: ActorStage) -> None:
    assert isinstance(stage, Stage)
    assert (stage.name, stage.needs, stage.adds) == ("actors", ("doc",), ("actors",))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ISIS claimed the attack.", [("ISIS", "islamic_state")]),
        ("Daesh claimed the attack.", [("Daesh", "islamic_state")]),
        ("Da'esh and Da’esh are one group.", [("Da'esh", "islamic_state"), ("Da’esh", "islamic_state")]),
        ("The Islamic State claimed the attack.", [("Islamic State", "islamic_state")]),
        ("The Islamic State group claimed it.", [("Islamic State group", "islamic_state")]),
        ("IS fighters attacked a village that is near Mosul.", [("IS fighters", "islamic_state")]),
        ("This is what it is.", []),
        ("Hashd al-Shaabi units entered the town.", [("Hashd al-Shaabi units", "pmf")]),
        ("Fighters of Jabhat Fateh al-Sham withdrew.", [("Jabhat Fateh al-Sham", "jabhat_fateh_al_sham")]),
        ("Iraqi forces retook the district.", [("Iraqi forces", "IQ.state_forces")]),
        ("Turkish jets struck the villages.", [("Turkish jets", "TR.state_forces")]),
        ("The Iraqi government denied it.", [("Iraqi government", "IQ.government")]),
        ("Iraqi police arrested two men.", [("Iraqi police", "IQ.police")]),
        ("The US-led coalition struck Raqqa.", [("US-led coalition", "cjtf_oir")]),
        ("The U.S.-led coalition struck Raqqa.", [("U.S.-led coalition", "cjtf_oir")]),
        ("Wilayat Sinai claimed the bombing.", [("Wilayat Sinai", "islamic_state_sinai")]),
        ("Al Qaeda and al-Qaida are spelled differently.", [("Al Qaeda", "al_qaeda"), ("al-Qaida", "al_qaeda")]),
        ("The Houthi rebels fired a missile.", [("Houthi rebels", "houthis")]),
        ("The Taliban militants blew up a bridge.", [("Taliban militants", "taliban")]),
        ("The Security Council met.", [("Security Council", "un_security_council")]),
        ("Syrian regime forces shelled the town.", [("Syrian regime forces", "SY.state_forces")]),
        (
            "Iraq's army and the Government of Iraq agreed.",
            [("Iraq's army", "IQ.state_forces"), ("Government of Iraq", "IQ.government")],
        ),
        ("Iraqi and US troops raided the house.", [("Iraqi", "IQ.state_forces"), ("US troops", "US.state_forces")]),
        ("Turkish airstrikes hit PKK positions.", [("Turkish", "TR.state_forces"), ("PKK", "pkk")]),
        (
            "Nigerien soldiers and Nigerian soldiers met.",
            [("Nigerien soldiers", "NE.state_forces"), ("Nigerian soldiers", "NG.state_forces")],
        ),
        ("Afghan civilians fled.", [("Afghan civilians", "AF.civilians")]),
        (
            "Unidentified gunmen killed two civilians.",
            [("Unidentified gunmen", "generic.gunmen"), ("civilians", "generic.civilians")],
        ),
    ],
)
def test_recognition(stage: ActorStage, nlp, text: str, expected: list[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    assert run(stage, nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Turkish-backed fighters advanced.",
        "Russian-backed forces shelled Idlib.",
        "Pro-Iranian militias gathered.",
        "The Syrian general election was held.",
        "WHAT IS HAPPENING IN THE CITY?",
        "A terrorist attack shook the city.",
    ],
)
def test_modifiers_are_not_actors(stage: ActorStage, nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    found = run(stage, nlp, text)
    assert not any(actor_id.endswith((".state_forces", ".government")) for _, actor_id in found), found
    assert ("IS", "islamic_state") not in found
    assert not any(actor_id == "generic.militants" for _, actor_id in found)


def test_exact_offsets(stage: ActorStage, nlp) -> None:  # type: ignore[no-untyped-def]
    text = "On Monday, Wilayat Sinai said its fighters killed Egyptian soldiers near Arish."
    analysis = Analysis(article=Article(text=text))
    analysis.doc = nlp(text)
    stage(analysis)
    spans = [(m.start, m.end, m.actor.actor_id) for m in analysis.actors]
    assert spans == [
        (11, 24, "islamic_state_sinai"),
        (30, 42, "islamic_state_sinai"),
        (50, 67, "EG.state_forces"),
    ]


def test_the_group_resolves_to_the_salient_armed_group(stage: ActorStage, nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Wilayat Sinai attacked a checkpoint in North Sinai on Tuesday. "
        "The group said its fighters killed five soldiers. The militants then withdrew."
    )
    found = run(stage, nlp, text)
    assert ("The group", "islamic_state_sinai") in found
    assert ("its fighters", "islamic_state_sinai") in found
    assert ("The militants", "islamic_state_sinai") in found


def test_the_group_prefers_the_previous_subject(stage: ActorStage, nlp) -> None:  # type: ignore[no-untyped-def]
    found = run(stage, nlp, "ISIS attacked HTS positions near Idlib. The group said it killed ten fighters.")
    assert ("The group", "islamic_state") in found


def test_the_group_is_not_another_organisation(stage: ActorStage, nlp) -> None:  # type: ignore[no-untyped-def]
    found = run(stage, nlp, "Human Rights Watch accused al-Shabaab of abuses. The group said it documented cases.")
    assert ("The group", "al_shabaab") not in found


def test_anaphors_without_a_salient_group(stage: ActorStage, nlp) -> None:  # type: ignore[no-untyped-def]
    found = run(stage, nlp, "The group met in Paris. The militants were not identified.")
    assert found == [("The militants", "generic.militants")]


def test_salience_expires_after_a_few_sentences(stage: ActorStage, nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Boko Haram raided a village. Residents fled. Markets closed. Schools shut. Rain fell. "
        "The militants were later seen elsewhere."
    )
    assert ("The militants", "generic.militants") in run(stage, nlp, text)


def test_ambiguous_acronym_follows_the_article_country(stage: ActorStage, nlp) -> None:  # type: ignore[no-untyped-def]
    somalia = run(stage, nlp, "In Somalia, the SNA retook the town, Somali officials said.")
    syria = run(stage, nlp, "In northern Syria, the SNA shelled Manbij, Syrian activists said.")
    assert ("SNA", "SO.state_forces") in somalia
    assert ("SNA", "syrian_national_army") in syria


def test_user_aliases_are_recognised(nlp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "mine.yaml"
    path.write_text(
        "actors:\n  - {id: valley_group, name: Valley Defence Group, kind: armed_group, country: IQ, aliases: [VDG]}\n",
        encoding="utf-8",
    )
    stage = ActorStage(ActorKnowledgeBase.load([path]), nlp)
    assert run(stage, nlp, "The VDG and the Valley Defence Group are one.") == [
        ("VDG", "valley_group"),
        ("Valley Defence Group", "valley_group"),
    ]


def test_matchers_are_built_lazily_without_nlp(kb: ActorKnowledgeBase, nlp) -> None:  # type: ignore[no-untyped-def]
    stage = ActorStage(kb)
    assert run(stage, nlp, "Hezbollah fired rockets.") == [("Hezbollah", "hezbollah")]


def test_needs_a_doc(stage: ActorStage) -> None:
    with pytest.raises(DataError) as caught:
        stage(Analysis(article=Article(text="ISIS")))
    assert caught.value.code is Code.PIPELINE_INCOMPLETE


def test_stage_is_cheap_next_to_the_parse(stage: ActorStage, nlp) -> None:  # type: ignore[no-untyped-def]
    sentence = (
        "Iraqi forces backed by the US-led coalition and Hashd al-Shaabi fighters attacked ISIS positions near Mosul, "
        "while Turkish jets struck PKK targets and the group said its fighters killed 12 soldiers. "
    )
    text = sentence * 30  # about 1,000 words
    start = time.perf_counter()
    doc = nlp(text)
    parse = time.perf_counter() - start
    analysis = Analysis(article=Article(text=text))
    analysis.doc = doc
    start = time.perf_counter()
    stage(analysis)
    actors = time.perf_counter() - start
    assert len(analysis.actors) > 100
    assert actors < 0.25 * parse, (actors, parse)


def test_alias_variants() -> None:
    assert alias_variants("al-Qaeda") == ["al-Qaeda", "al Qaeda", "Qaeda"]
    assert "Da’esh" in alias_variants("Da'esh")
    assert "Shabaab" in alias_variants("al-Shabaab")
    assert alias_variants("ISIS") == ["ISIS"]


def test_case_sensitivity_rule() -> None:
    assert is_case_sensitive("IS") and is_case_sensitive("LeT") and is_case_sensitive("CJTF-OIR")
    assert not is_case_sensitive("Daesh") and not is_case_sensitive("Islamic State") and not is_case_sensitive("M23")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kenyan rebels seized the town.", [("Kenyan rebels", "KE.rebels")]),
        ("Chadian rebel leaders met on Friday.", [("Chadian rebel leaders", "TD.rebels")]),
        ("The Iraqis voted on Sunday.", [("Iraqis", "IQ.civilians")]),
        ("Somali detainees were freed.", [("Somali detainees", "SO.civilians")]),
        ("Ethiopian Foreign Secretary Abebe spoke.", [("Ethiopian Foreign Secretary", "ET.government")]),
        ("Sultan Qaboos of Oman arrived in Cairo.", [("Sultan Qaboos of Oman", "OM.government")]),
        (
            "The Ethiopian and Eritrean sides signed.",
            [("Ethiopian", "ET.government"), ("Eritrean sides", "ER.government")],
        ),
        ("Kenya's Vice Foreign Minister spoke.", [("Kenya's Vice Foreign Minister", "KE.government")]),
    ],
)
def test_demonym_people_titles_and_rebels(stage: ActorStage, nlp, text: str, expected) -> None:  # type: ignore[no-untyped-def]
    assert run(stage, nlp, text) == expected


def test_a_name_without_a_title_before_of_is_not_a_state(stage: ActorStage, nlp) -> None:  # type: ignore[no-untyped-def]
    assert run(stage, nlp, "Rivers of Norway are cold.") == []
