"""Round case9: the main event of a snippet with several typed events. A fight or attack whose words name no
weapon, and an arrest, are fallbacks; a weapon's type, seized weapons, sexual violence or the demonstration
the force met is what ACLED codes instead."""

from __future__ import annotations

import pytest

from lanner.evaluation.case2021 import is_fallback, is_specific, snippet_label
from lanner.records import Article


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # arrests made while seizing weapons: Disrupted weapons use
        (
            "Four rifles and 200 rounds of ammunition were seized from the suspects, police said, adding that "
            "they were arrested in the village.",
            "DISR_WEAP",
        ),
        # an arrest for a sexual assault: the assault is the event
        ("Police have arrested a man in connection with two sexual assaults in the city last month.", "SEX_VIOL"),
        # police clashing with demonstrators: the demonstration, not an armed clash
        (
            "Clashes broke out between police and demonstrators protesting against the detention of the "
            "opposition leader.",
            "VIOL_DEMONSTR",
        ),
    ],
)
def test_specific_event_outranks_fallback(pipeline, text: str, label: str) -> None:
    assert snippet_label(pipeline(Article(text=text))) == label


def test_lone_fallback_keeps_its_type(pipeline) -> None:
    analysis = pipeline(Article(text="Soldiers clashed with militants near the border on Monday."))
    assert snippet_label(analysis) == "ARMED_CLASH"


def test_fallback_and_specific_predicates(pipeline) -> None:
    analysis = pipeline(Article(text="Police arrested three men after a grenade attack on a market."))
    by_type = {e.acled_sub_event_type: e for e in analysis.events}
    assert is_fallback(by_type["Arrests"])
    assert not is_specific(by_type["Arrests"])
    assert is_specific(by_type["Grenade"])
    assert not is_fallback(by_type["Grenade"])


@pytest.mark.parametrize(
    "text",
    [
        "Coastal Forces were formed in the navy of the republic, the ministry said.",
        "New groups of troops have been formed in three northern regions.",
    ],
)
def test_a_force_formed_is_a_change_to_the_group(pipeline, text: str) -> None:
    assert snippet_label(pipeline(Article(text=text))) == "CHANGE_TO_GROUP_ACT"


def test_a_government_formed_is_not_a_force(pipeline) -> None:
    events = pipeline(Article(text="The rebels formed a new government in the north.")).events
    assert not [e for e in events if e.type == "MOBILIZE"]


def test_territory_taken_by_the_government_as_actor_is_regained() -> None:
    from lanner.events.plover import acled_category

    kinds = frozenset({"government"})
    assert acled_category("ASSAULT", None, kinds, frozenset(), territory=True) == (
        "Battles",
        "Government regains territory",
    )
    assert acled_category("ASSAULT", None, frozenset({"armed_group"}), frozenset(), territory=True)[1] == (
        "Non-state actor overtakes territory"
    )
