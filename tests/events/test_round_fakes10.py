"""Round fakes10: possessives written without their apostrophe ("Russias Aerospace Forces", "Assads forces") are
read as possessives; a country that owns a place ("Syria's Idlib province") is where, not a victim; and the
FA-KES scorer reads the headline and passes over place names that only modify ("Damascus-backed"). Sentences
written for these tests in the style of wire reports, through the real pipeline."""

from __future__ import annotations

from datetime import date

from lanner.evaluation.fakes import headed_text, perpetrator_class, predicted_governorate
from lanner.records import Analysis, Article, Event, PlaceMention

PUBLISHED = date(2016, 5, 3)


def assaults(pipeline, text: str) -> list[Event]:
    return [e for e in pipeline(Article(text=text, published=PUBLISHED)).events if e.type == "ASSAULT"]


def test_glued_possessive_of_a_country_names_its_forces(pipeline) -> None:
    text = "Russias Aerospace Forces struck a convoy near Idlib on Monday, killing 12 fighters, the Kurds said."
    analysis = pipeline(Article(text=text, published=PUBLISHED))
    words = [token.text for token in analysis.doc]
    assert words[:2] == ["Russia", "s"]  # split, and read as "'s"
    assert "Kurds" in words  # a plural that is a word of its own stays whole
    struck = next(e for e in analysis.events if e.trigger.text == "struck")
    assert any(actor.startswith("RU.") for actor in struck.source)


def test_a_place_named_in_the_plural_is_no_possessive(pipeline) -> None:
    analysis = pipeline(
        Article(text="Talks between the two Koreas opened at the Americas summit.", published=PUBLISHED)
    )
    words = [token.text for token in analysis.doc]
    assert "Koreas" in words and "Americas" in words


def test_glued_possessive_of_a_leader_matches_the_alias(pipeline) -> None:
    text = "Assads forces shelled the town of Douma on Friday, killing nine civilians, a monitor in Syria said."
    shelled = next(e for e in assaults(pipeline, text) if e.trigger.text == "shelled")
    assert "SY.state_forces" in shelled.source


def test_country_owning_a_place_is_not_the_victim(pipeline) -> None:
    text = "At least 30 people were killed in an air strike on Syria's Idlib province on Monday, medics said."
    killed = next(e for e in assaults(pipeline, text) if e.trigger.text == "killed")
    assert "SY.government" not in killed.target


def test_headline_goes_above_a_content_stored_without_it() -> None:
    row = {"article_title": "Regime jets kill 12 in Idlib | Jordan Times", "article_content": "BEIRUT Twelve died."}
    assert headed_text(row) == "Regime jets kill 12 in Idlib\n\nBEIRUT Twelve died."
    row = {"article_title": "Regime jets kill 12 in Idlib", "article_content": "Regime jets kill 12 in Idlib. BEIRUT"}
    assert headed_text(row) == row["article_content"]


def test_a_place_that_only_modifies_is_not_where(pipeline) -> None:
    text = "Jets struck the Damascus-backed militia's base in the Golan Heights on Sunday, killing three fighters."
    assert predicted_governorate(pipeline(Article(text=text, published=PUBLISHED))) == "quneitra"


def test_the_governments_foreign_allies_are_its_side(pipeline) -> None:
    text = "Hezbollah and Kataib Hezbollah fighters killed 23 militants near Aleppo, a monitor in Syria said."
    killed = next(e for e in assaults(pipeline, text) if e.trigger.text == "killed")
    assert perpetrator_class(killed.source, pipeline) == "government"
    assert perpetrator_class(("IR.state_forces",), pipeline) == "government"


def test_headline_participle_with_an_agent_is_passive(pipeline) -> None:
    text = "Syrian airbase struck by US missiles, officials said."
    struck = next(e for e in assaults(pipeline, text) if e.trigger.text == "struck")
    assert any(actor.startswith("US.") for actor in struck.source)
    assert not any(actor.startswith("SY.") for actor in struck.source)


def test_an_unknown_town_followed_by_its_governorate_without_a_comma() -> None:
    text = "Gas was dropped on Kafr Zeitoun Hama province on Monday."
    start = text.index("Kafr")
    mention = PlaceMention(start=start, end=start + 17, text="Kafr Zeitoun Hama", place=None, confidence=0.5)
    assert predicted_governorate(Analysis(article=Article(text=text), places=[mention])) == "hama"


def test_a_photo_caption_does_not_say_where(pipeline) -> None:
    text = (
        "A boy walks past rubble in the city of Hasakeh on Monday (AFP photo). "
        "Air strikes killed 13 civilians in the northern province of Aleppo on Wednesday, a monitor said."
    )
    assert predicted_governorate(pipeline(Article(text=text, published=PUBLISHED))) == "aleppo"
