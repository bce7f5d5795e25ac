"""Events read from hand-written sentences through the real pipeline: type, roles, factuality, place, date."""

from __future__ import annotations

from datetime import date

import pytest

from lanner.records import Article

PUBLISHED = date(2017, 7, 11)  # a Tuesday


def events_of(pipeline, text: str, published: date | None = PUBLISHED):
    return pipeline(Article(text=text, published=published)).events


def only(pipeline, text: str, event_type: str = "ASSAULT"):
    found = [e for e in events_of(pipeline, text) if e.type == event_type]
    assert len(found) == 1, [(e.type, e.trigger.text) for e in events_of(pipeline, text)]
    return found[0]


@pytest.mark.parametrize(
    ("text", "factuality"),
    [
        ("ISIS fighters attacked an army checkpoint near Tikrit on Monday.", "asserted"),
        ("ISIS did not attack the checkpoint.", "negated"),
        ("The Taliban denied that its fighters had attacked the checkpoint.", "negated"),
        ("Officials fear that ISIS fighters might return home to carry out attacks.", "hypothetical"),
        ("If the militants attack Kirkuk, the army will respond.", "hypothetical"),
        ("Al-Shabaab will attack the capital again, a spokesman said.", "future"),
        ("The group plans to attack the base.", "future"),
        ("The group has repeatedly detonated car bombs in Baghdad.", "generic"),
        ("Did ISIS attack the checkpoint?", "hypothetical"),
        ("The army said ISIS fighters attacked the checkpoint.", "asserted"),
    ],
)
def test_factuality(pipeline, text, factuality):
    assert only(pipeline, text).factuality == factuality


def test_an_event_the_article_only_talks_about_keeps_its_factuality(pipeline):
    events = events_of(pipeline, "Turkish jets bombed PKK positions. The government did not comment on the strikes.")
    assert [e.factuality for e in events if e.type == "ASSAULT"] == ["asserted"]


def test_roles_come_from_syntax_not_word_order(pipeline):
    active = only(pipeline, "Boko Haram attacked Nigerian soldiers in Borno State.")
    passive = only(pipeline, "Nigerian soldiers were attacked by Boko Haram in Borno State.")
    for event in (active, passive):
        assert event.source == ("boko_haram",)
        assert event.target == ("NG.state_forces",)


def test_nominal_event_with_possessive_source_and_on_target(pipeline):
    event = only(pipeline, "ISIS's attack on Iraqi forces in Mosul killed five soldiers.")
    assert event.source == ("islamic_state",)
    assert "IQ.state_forces" in event.target
    assert event.fatalities == 5
    assert event.place is not None and event.place.place.name == "Mosul"


def test_light_verb_gives_the_source(pipeline):
    event = only(pipeline, "Al-Shabaab carried out a suicide attack in Mogadishu.")
    assert event.source == ("al_shabaab",)
    assert event.mode == "suicide-attack"
    assert (event.acled_event_type, event.acled_sub_event_type) == ("Explosions/Remote violence", "Suicide bomb")
    assert event.place is not None and event.place.precision == 1


def test_fatalities_only_when_stated(pipeline):
    assert only(pipeline, "Gunmen killed at least 12 civilians in Kabul.").fatalities == 12
    assert only(pipeline, "Gunmen killed a dozen civilians in Kabul.").fatalities == 12
    assert only(pipeline, "Gunmen killed civilians in Kabul.").fatalities is None


def test_date_from_the_events_own_sentence_and_marked_fallback(pipeline):
    dated = only(pipeline, "ISIS seized Mosul three years ago.")
    assert dated.date.basis == "text"
    assert (dated.date.range.start, dated.date.range.end) == (date(2014, 1, 1), date(2014, 12, 31))
    undated = only(pipeline, "ISIS fighters attacked a checkpoint near Tikrit.")
    assert undated.date.basis == "published"
    assert undated.date.range.end == PUBLISHED
    no_date = events_of(pipeline, "ISIS fighters attacked a checkpoint near Tikrit.", published=None)[0]
    assert no_date.date.basis == "none" and no_date.date.range is None


def test_taking_a_town_is_an_assault(pipeline):
    event = only(pipeline, "ISIS seized Mosul in June 2014.")
    assert event.source == ("islamic_state",)
    assert event.date.range.precision == "month"


def test_evidence_is_the_sentence(pipeline):
    text = "Headline about Iraq\n\nTurkish jets struck PKK positions in northern Iraq on Sunday. Nothing else."
    event = only(pipeline, text)
    assert text[event.evidence.start : event.evidence.end] == event.evidence.text
    assert event.evidence.text.startswith("Turkish jets struck")
    assert text[event.trigger.start : event.trigger.end] == "struck"


def test_verbal_events_are_typed(pipeline):
    assert only(pipeline, "The United Nations condemned the bombing of the hospital.", "ACCUSE").source == (
        "united_nations",
    )
    assert only(pipeline, "Protesters rallied in Baghdad on Tuesday.", "PROTEST").place.place.country == "IQ"
    assert only(pipeline, "Iraqi police arrested two suspects in Basra.", "COERCE").mode == "arrest"


def test_reported_obligation_is_a_demand_of_the_third_party(pipeline):
    event = only(pipeline, "Kenya said on Monday that Somalia must hand back the seized trucks.", "REQUEST")
    assert event.source == ("KE.government",)
    assert event.target == ("SO.government",)


def test_a_speaker_binding_itself_is_not_a_demand(pipeline):
    assert not [e for e in events_of(pipeline, "Kenya said it must defend its border.") if e.type == "REQUEST"]


def test_intent_adjective_with_to_clause_is_agree(pipeline):
    event = only(pipeline, "Ghana is willing to help Mali.", "AGREE")
    assert event.source == ("GH.government",)
    assert event.target == ("ML.government",)


def test_main_clause_event_is_surer_than_subordinate_ones(pipeline):
    events = events_of(pipeline, "Chile agreed to lift the embargo on Peru after rebels attacked a convoy.")
    best = max(events, key=lambda e: e.confidence)
    assert best.type == "AGREE"
    assert best.target == ("PE.government",)  # the target of the announced action


def test_pronoun_subject_of_reported_clause_is_the_speaker(pipeline):
    # an announced release is a concession (PLOVER: RETREAT + future is coded CONCEDE)
    event = only(pipeline, "Ugandan rebels said they would release the hostages.", "CONCEDE")
    assert event.source == ("UG.rebels",)


def test_demonym_on_an_object_names_that_government(pipeline):
    event = only(pipeline, "Egypt rejected the Sudanese proposal.", "REJECT")
    assert event.target == ("SD.government",)
    assert only(pipeline, "Egypt rejected the pro-Sudanese proposal.", "REJECT").target == ()


def test_a_demonym_is_not_where_the_event_happened(pipeline):
    """ "Turkish" is a place reference (Turkey) in the places list, but the strike was in Afrin."""
    analysis = pipeline(Article(text="Turkish jets struck Kurdish fighters in Afrin on Monday."))
    assert any(p.reference == "demonym" and p.text == "Turkish" for p in analysis.places)
    event = next(e for e in analysis.events if e.type == "ASSAULT")
    assert event.place is not None and event.place.mention is not None and event.place.mention.text == "Afrin"
    event_without_town = only(pipeline, "Turkish jets bombed Kurdish fighters.")
    assert event_without_town.place is None or event_without_town.place.mention.text != "Turkish"


def test_a_capital_that_acts_stands_for_its_government(pipeline):
    denied = next(e for e in events_of(pipeline, "Tehran denied the report.") if e.type == "REJECT")
    assert denied.source == ("IR.government",)
    rejected = next(e for e in events_of(pipeline, "Berlin rejected the proposal.") if e.type == "REJECT")
    assert rejected.source == ("DE.government",)


def test_a_village_placed_at_its_area_is_the_events_place_at_precision_2(pipeline):
    event = only(pipeline, "Syrian forces stormed the village of Abu Allaj in western Raqqa, killing 12 militants.")
    assert event.place is not None and event.place.mention is not None
    assert (event.place.mention.text, event.place.precision) == ("Abu Allaj", 2)
