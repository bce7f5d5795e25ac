"""Unnamed state forces in an article about one country: "regime forces", "the army", "regime airstrikes"."""

from __future__ import annotations

import pytest

from lanner.actors import ActorKnowledgeBase, ActorStage
from lanner.records import Analysis, Article

pytestmark = pytest.mark.model

SYRIA = "Syria's war entered its sixth year. In Syria, "


@pytest.fixture(scope="module")
def stage(nlp) -> ActorStage:  # type: ignore[no-untyped-def]
    return ActorStage(ActorKnowledgeBase.load(), nlp)


def mentions(stage: ActorStage, nlp, text: str) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    analysis = Analysis(article=Article(text=text))
    analysis.doc = nlp(text)
    stage(analysis)
    for mention in analysis.actors:
        assert text[mention.start : mention.end] == mention.text
    return [(m.text, m.actor.actor_id) for m in analysis.actors]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("regime forces shelled the town of Saraqib.", ("regime forces", "SY.state_forces")),
        ("the army targeted militant positions near the airport.", ("army", "SY.state_forces")),
        ("regime airstrikes hit a market.", ("regime", "SY.state_forces")),
        ("the regime denied using chemical weapons.", ("regime", "SY.government")),
    ],
)
def test_unnamed_forces_belong_to_the_country_the_article_is_about(stage, nlp, sentence, expected) -> None:  # type: ignore[no-untyped-def]
    assert expected in mentions(stage, nlp, SYRIA + sentence)


@pytest.mark.parametrize(
    "text",
    [
        "Regime forces shelled the town.",  # no country named: no guess
        "Syria and Iraq traded accusations. Iraq and Syria closed the border. Regime forces shelled the town.",  # a tie
    ],
)
def test_no_home_country_no_guess(stage, nlp, text) -> None:  # type: ignore[no-untyped-def]
    assert ("Regime forces", "generic.security_forces") in mentions(stage, nlp, text)


def test_aircraft_alone_and_regime_held_ground_stay_unattributed(stage, nlp) -> None:  # type: ignore[no-untyped-def]
    found = mentions(stage, nlp, SYRIA + "warplanes struck regime-held districts and anti-regime protesters.")
    assert not any(actor_id.startswith("SY.") and text != "Syria" for text, actor_id in found), found
