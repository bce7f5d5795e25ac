"""The package's actor knowledge base and an actor stage over the session's spaCy model, shared by the tests here."""

from __future__ import annotations

import pytest

from lanner.actors import ActorKnowledgeBase, ActorStage


@pytest.fixture(scope="module")
def kb() -> ActorKnowledgeBase:
    return ActorKnowledgeBase.load()


@pytest.fixture(scope="module")
def stage(kb: ActorKnowledgeBase, nlp) -> ActorStage:  # type: ignore[no-untyped-def]
    return ActorStage(kb, nlp)
