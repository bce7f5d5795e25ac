"""Round fakes7: who attacked and where, in Syrian-war reports. Headlines written in title case are parsed from
a truecased copy; sentences written for these tests in the style of wire reports, through the real pipeline."""

from __future__ import annotations

from datetime import date

import pytest

from lanner.evaluation.fakes import predicted_governorate
from lanner.records import Article, Event

PUBLISHED = date(2016, 5, 3)


def assaults(pipeline, text: str) -> list[Event]:
    return [e for e in pipeline(Article(text=text, published=PUBLISHED)).events if e.type == "ASSAULT"]


@pytest.mark.parametrize(
    ("text", "trigger", "source"),
    [
        (
            "May 2 2016 Syrian Army Kills 14 ISIL Militants Near Palmyra. The army said the fighting went on.",
            "Kills",
            "SY.state_forces",
        ),
        (
            "Kurdish YPG Fighters Repel Daesh Attack on Their Positions in Hasakeh. Residents said it was calm.",
            "Repel",
            "ypg",
        ),
    ],
)
def test_a_title_case_headline_is_read_for_its_attacker(pipeline, text: str, trigger: str, source: str) -> None:
    found = [e for e in assaults(pipeline, text) if e.trigger.text == trigger]
    assert found and found[0].source[:1] == (source,), [(e.trigger.text, e.source) for e in assaults(pipeline, text)]


def test_title_case_sentences_are_found_only_where_a_headline_stands(pipeline) -> None:
    truecaser = pipeline.stages[0].truecaser
    headline = "Rebels Shell Government Districts of Aleppo Killing Five\n"
    prose = "The Syrian Observatory for Human Rights said rebels shelled two districts of Aleppo on Monday.\n"
    names = "Lieutenant Colonel Omar Haddad, Brigadier General Sami Nasser, Special Forces Command, Army Aviation\n"
    text = headline + prose + names
    assert truecaser.title_case_sentences(text) == [(0, len(headline))]
    cased = truecaser.truecase(text)
    assert cased.startswith("Rebels shell government districts of Aleppo killing five")
    assert cased[len(headline) :] == prose + names


@pytest.mark.parametrize(
    ("text", "governorate"),
    [
        ("Air strikes hit the city of Raqa on Sunday, a monitor said.", "raqqa"),
        ("Clashes broke out near the airport in Deir Ezour overnight.", "deir ezzor"),
        ("A car bomb exploded in al-Hassakeh on Monday, killing four people.", "hasakeh"),
        ("Barrel bombs fell on a market in northern Aleppo city, residents said.", "aleppo"),
        ("Shells landed on homes in Eastern Gouta, activists said.", "damascus"),
        # "Syria's Idlib" with its apostrophe lost in copying
        ("Russian jets struck a village in western Syrias Idlib province on Sunday.", "idlib"),
    ],
)
def test_syrian_places_under_their_news_spellings_are_found(pipeline, text: str, governorate: str) -> None:
    analysis = pipeline(Article(text=text, published=PUBLISHED))
    assert predicted_governorate(analysis) == governorate, [(m.text, m.place) for m in analysis.places]
