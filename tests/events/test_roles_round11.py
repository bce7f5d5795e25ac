"""Round 11 (plover): whose act an event is when the actor is named through a spokesperson, an appositive office
or a nominal the verb takes as its object; sentences written for these tests, run through the real pipeline."""

from __future__ import annotations

from lanner.records import Article, Event


def events(pipeline, text: str, event_type: str) -> list[Event]:
    return [e for e in pipeline(Article(text=text)).events if e.type == event_type]


def test_spokesperson_for_a_body_speaks_for_it(pipeline) -> None:
    found = events(pipeline, "A spokesman for the Kremlin rejected the Georgian demand.", "REJECT")
    assert found
    assert found[0].source == ("RU.government",)


def test_spokesperson_for_an_embassy_is_its_country(pipeline) -> None:
    found = events(pipeline, "A spokeswoman for the Australian embassy denied the charges.", "REJECT")
    assert found
    assert found[0].source == ("AU.government",)


def test_for_phrase_of_other_nouns_is_not_whose_they_are(pipeline) -> None:
    # "troops for Liberia" are not Liberia's troops: only a spokesperson's "for" names whom they speak for
    for event in pipeline(Article(text="Soldiers for the Liberian mission attacked the rebels.")).events:
        assert "LR.government" not in event.source


def test_object_nominals_agent_is_not_the_verbs_source(pipeline) -> None:
    # "the American accusations" are the target's; the one who denounces them is the source alone
    found = events(pipeline, "Tehran denounced the American accusations.", "ACCUSE")
    assert found
    assert found[0].source == ("IR.government",)
    assert found[0].target == ("US.government",)


def test_military_title_with_an_appositive_office_takes_its_country(pipeline) -> None:
    # the title's country is the appositive's, not the one other country the sentence names
    found = events(pipeline, "General Jan Kowalski, commander of Polish forces, threatened Russia.", "THREATEN")
    assert found
    assert found[0].source == ("PL.state_forces",)
    assert found[0].target == ("RU.government",)


def test_title_with_no_country_still_takes_its_sentences_country(pipeline) -> None:
    found = events(pipeline, "President Jan Kowalski said Poland would reject the Russian plan.", "REJECT")
    assert found
    assert "PL.government" in found[0].source


def test_delegation_from_a_country_is_its_governments(pipeline) -> None:
    found = events(pipeline, "A delegation from North Korea arrived in Beijing for talks.", "CONSULT")
    assert found
    assert found[0].source == ("KP.government",)


def test_people_from_a_country_are_not_its_government(pipeline) -> None:
    # "refugees from Syria" are Syrians, not Syria's government: only representatives speak for where they come from
    for event in pipeline(Article(text="Refugees from Syria protested in Beirut.")).events:
        assert "SY.government" not in event.source


def test_two_word_demonym_names_its_country(pipeline) -> None:
    # "North Korean", "South African": the last word alone names no country or another one
    found = events(pipeline, "Officials in Seoul welcomed the North Korean offer.", "SUPPORT")
    assert found
    assert found[0].target == ("KP.government",)
    found = events(pipeline, "Zimbabwe rejected the South African proposal.", "REJECT")
    assert found
    assert found[0].target == ("ZA.government",)
