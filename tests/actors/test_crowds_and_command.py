"""Crowds as ACLED codes them ("Protesters (Iraq)") and forces a state commands ("Vietnamese-led forces")."""

from __future__ import annotations

import pytest

from lanner.actors import ActorKnowledgeBase, ActorStage
from lanner.records import Analysis, Article

pytestmark = pytest.mark.model


def mentions(stage: ActorStage, nlp, text: str) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    analysis = Analysis(article=Article(text=text))
    analysis.doc = nlp(text)
    return [(m.text, m.actor.actor_id) for m in stage(analysis).actors]


def test_every_country_has_its_protesters_and_rioters(kb: ActorKnowledgeBase) -> None:
    protesters = kb.state_actor("IQ", "protesters")
    rioters = kb.state_actor("LB", "rioters")
    assert protesters is not None and (protesters.name, protesters.kind) == ("Protesters (Iraq)", "other")
    assert rioters is not None and rioters.name == "Rioters (Lebanon)"
    # the subkind is what tells a riot from a protest downstream, as for the generic agents
    assert kb.info("IQ.protesters").subkind == "protesters"  # type: ignore[union-attr]
    assert kb.info("LB.rioters").subkind == "rioters"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iraqi protesters gathered in Tahrir Square.", [("Iraqi protesters", "IQ.protesters")]),
        ("Lebanese rioters set fire to banks.", [("Lebanese rioters", "LB.rioters")]),
        ("Iraqi civilians fled the town.", [("Iraqi civilians", "IQ.civilians")]),
    ],
)
def test_a_countrys_crowd(stage: ActorStage, nlp, text: str, expected: list[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    assert mentions(stage, nlp, text) == expected


def test_forces_a_state_leads_are_its_forces(stage: ActorStage, nlp) -> None:  # type: ignore[no-untyped-def]
    found = mentions(stage, nlp, "Vietnamese-led forces shelled the camps near the border.")
    assert found == [("Vietnamese-led forces", "VN.state_forces")]


def test_forces_a_state_backs_are_not_its_forces(stage: ActorStage, nlp) -> None:  # type: ignore[no-untyped-def]
    found = mentions(stage, nlp, "Iranian-backed forces shelled the camps near the border.")
    assert ("Iranian-backed forces", "IR.state_forces") not in found
    assert all(actor_id != "IR.state_forces" for _, actor_id in found)
