"""Text in capitals is parsed from a truecased copy; outputs still quote the article's own characters."""

from __future__ import annotations

import re
from dataclasses import fields, is_dataclass
from typing import Any

import pytest

from lanner.actors import ActorKnowledgeBase
from lanner.nlp import NlpStage, Truecaser, gazetteer_places
from lanner.nlp.truecase import capitals_paragraphs, is_mostly_upper
from lanner.records import Analysis, Article

CAPS = (
    "SAN SALVADOR, 18 DEC 89 (EL DIARIO DE HOY) -- [TEXT] A TERRORIST ARRESTED BY THE\n"
    "SALVADORAN NATIONAL POLICE ON 9 DECEMBER HAS BEEN IDENTIFIED AS RUTH AGUILAR MARROQUIN.  I SAW THE FMLN ATTACK\n"
    "THE U.S. EMBASSY IN SAN SALVADOR WITH A CAR BOMB, SAID VICE PRESIDENT FRANCISCO MERINO."
)
MIXED = (
    "Gunmen attacked a police station in Kirkuk on Monday, killing three officers, the Iraqi interior\n"
    "ministry said. NATO and the US condemned the attack.\n\n"
    "Islamic State claimed responsibility in a statement on its Amaq news agency."
)


@pytest.fixture(scope="module")
def truecaser(nlp, gazetteer) -> Truecaser:
    kb = ActorKnowledgeBase.load()
    names = [n for a in kb.named_actors() for n in (a.name, *a.aliases)]
    names += ["Farabundo Marti National Liberation Front", "FMLN", "CAR"]  # "CAR" must not capitalise "car"
    return Truecaser.build(nlp, names, gazetteer_places(gazetteer), kb.countries)


def test_detects_paragraphs_in_capitals() -> None:
    assert is_mostly_upper(CAPS)
    assert not is_mostly_upper(MIXED)
    assert not is_mostly_upper("NATO")  # one word is an acronym, not a paragraph in capitals
    assert not is_mostly_upper("WASHINGTON (Reuters) - The US said on Monday that it would send more troops.")
    text = MIXED + "\n\n" + CAPS
    assert capitals_paragraphs(text) == [(len(MIXED) + 2, len(text))]


def test_only_case_changes_so_offsets_hold(truecaser: Truecaser) -> None:
    text = MIXED + "\n\n" + CAPS + "\n\nSTRAßE ÉLYSÉE DON'T İSTANBUL"
    cased = truecaser.truecase(text)
    assert len(cased) == len(text)
    assert all(a == b or a.lower() == b.lower() for a, b in zip(cased, text, strict=True))
    assert cased[: len(MIXED)] == MIXED


def test_proper_names_get_their_capitals_back(truecaser: Truecaser) -> None:
    cased = truecaser.truecase(CAPS)
    for expected in (
        "San Salvador, 18 Dec 89",  # a gazetteer place, a month abbreviation beside a number
        "[Text] A terrorist arrested by the\nSalvadoran",  # sentence start after the dateline's tag; a demonym
        "on 9 December has",
        "Aguilar Marroquin.",  # not English words: names ("RUTH" is also a noun and stays lower)
        "I saw the FMLN attack",  # the pronoun; an acronym the actor list knows keeps its capitals
        "the U.S. embassy in San Salvador with a car bomb",  # "CAR" is also "car": a common word stays lower
        "said Vice President Francisco",  # titles before a name
    ):
        assert expected in cased, (expected, cased)


def test_mixed_case_text_is_untouched(nlp, truecaser: Truecaser) -> None:
    assert truecaser.truecase(MIXED) == MIXED
    stage = NlpStage(nlp, truecaser=truecaser)
    analysis = stage(Analysis(article=Article(text=MIXED)))
    assert analysis.doc is not None and analysis.doc.text == MIXED


def test_mixed_case_output_is_the_same_with_or_without_truecasing(pipeline) -> None:
    from lanner.pipeline import Pipeline

    plain = Pipeline([NlpStage(pipeline.stages[0].nlp, truecase=False), *pipeline.stages[1:]])
    article = Article(text=MIXED)
    assert pipeline(article).to_dict() == plain(article).to_dict()


def _spans(record: Any) -> list[Any]:
    """Every record with start, end and text, however deep."""
    found = []
    if isinstance(record, list | tuple):
        for item in record:
            found += _spans(item)
    elif is_dataclass(record) and not isinstance(record, type):
        names = {f.name for f in fields(record)}
        if {"start", "end", "text"} <= names:
            found.append(record)
        for name in names - {"doc", "article"}:
            found += _spans(getattr(record, name))
    return found


def test_capitals_article_is_read_truecased_and_quoted_as_written(pipeline) -> None:
    article = Article(text=CAPS, origin="caps")
    analysis = pipeline(article)
    assert analysis.doc is not None and analysis.doc.text != CAPS  # the parser read the truecased copy
    spans = _spans([analysis.places, analysis.actors, analysis.dates, analysis.events])
    assert spans, "an all-caps article should still yield mentions"
    for span in spans:
        assert span.text == CAPS[span.start : span.end], span
    places = {(p.text, p.place.name if p.place else None) for p in analysis.places}
    assert ("SAN SALVADOR", "San Salvador") in places
    assert any(a.text == "SALVADORAN NATIONAL POLICE" and a.actor.actor_id == "SV.police" for a in analysis.actors)
    assert any(d.text.startswith("9 DECEMBER") for d in analysis.dates)


def test_without_truecasing_capitals_defeat_the_parser(pipeline) -> None:
    """Why this exists: parsed as it is, the all-caps text loses the place and the state actor."""
    from lanner.pipeline import Pipeline

    plain = Pipeline([NlpStage(pipeline.stages[0].nlp, truecase=False), *pipeline.stages[1:]])
    analysis = plain(Article(text=CAPS))
    assert not any(a.actor.actor_id == "SV.police" for a in analysis.actors)


def test_truecasing_recovers_the_case_of_muc4_tst4(truecaser: Truecaser, shared_dir) -> None:
    """TST4 ships in capitals and in its original mixed case: an accuracy gate on real wire text."""
    folder = shared_dir / "eval" / "muc34_terrorism_templates" / "texts"
    caps = (folder / "tst4-muc4").read_text(encoding="latin-1")
    mixed = (folder / "tst4-muc4.mixed-case").read_text(encoding="latin-1")
    cased = truecaser.truecase(caps)
    right = lowered = total = 0
    for match in re.finditer(r"[^\W\d_]+", caps):
        want = mixed[match.start() : match.end()]
        if want.lower() != match.group().lower():
            continue  # the two files differ in a few places
        total += 1
        right += cased[match.start() : match.end()] == want
        lowered += want == want.lower()
    assert total > 20_000
    assert right / total >= 0.92  # measured 0.933
    assert right / total > lowered / total + 0.12  # lower-casing everything gets 0.788
