"""Round 11 (plover): office-holders, leaders, legislatures and parties of the 1990s and 2000s that news of the period
names alone, found with their country in sentences written for these tests."""

from __future__ import annotations

import pytest

from lanner.actors import ActorKnowledgeBase, ActorStage
from lanner.records import Analysis, Article


def actor_countries(stage: ActorStage, nlp, text: str) -> dict[str, str | None]:  # type: ignore[no-untyped-def]
    analysis = stage(Analysis(article=Article(text=text), doc=nlp(text)))
    return {mention.text: mention.actor.country for mention in analysis.actors}


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Havel criticised the Slovak government on Monday.", "Havel", "CZ"),
        ("Iyad Allawi rejected the demands of the insurgents.", "Iyad Allawi", "IQ"),
        ("Jose Maria Aznar met the king on Tuesday.", "Jose Maria Aznar", "ES"),
        ("Sheikh Hamad bin Khalifa al-Thani arrived in Cairo.", "Sheikh Hamad bin Khalifa al-Thani", "QA"),
        ("Gro Harlem Brundtland opened the conference.", "Gro Harlem Brundtland", "NO"),
        ("The Knesset approved the budget.", "Knesset", "IL"),
        ("The Blue House rejected the claim.", "Blue House", "KR"),
        ("The BJP won the vote in Delhi.", "BJP", "IN"),
        ("Likud said it would leave the coalition.", "Likud", "IL"),
    ],
)
def test_office_holder_named_alone_has_a_country(stage: ActorStage, nlp, text: str, name: str, country: str) -> None:  # type: ignore[no-untyped-def]
    assert actor_countries(stage, nlp, text).get(name) == country


def test_surnames_that_are_common_words_or_places_are_not_aliases(kb: ActorKnowledgeBase) -> None:
    # "a downer", the Scottish town of Paisley, the Bemba people: not the people of those names
    for word in ("Downer", "Paisley", "Bemba", "BNP"):
        assert not any(word in actor.aliases for actor in kb.named_actors()), word


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Thousands of Greeks marched.", "Greeks", "GR"),
        ("Police arrested three Slovaks.", "Slovaks", "SK"),
        ("Two Cypriots were detained.", "Cypriots", "CY"),
    ],
)
def test_plural_demonym_names_the_people_of_its_country(
    stage: ActorStage, nlp, text: str, name: str, country: str
) -> None:  # type: ignore[no-untyped-def]
    assert actor_countries(stage, nlp, text).get(name) == country


def test_plural_of_a_demonym_ending_in_ne_is_not_a_people() -> None:
    # "Philippines" is the country, not its people
    from lanner.actors.stage import plural_demonyms

    assert plural_demonyms(["Philippine", "Greek", "Lebanese", "French"]) == ["Greeks"]
