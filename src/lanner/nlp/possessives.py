"""Possessives written without their apostrophe: "Russias Aerospace Forces", "Assads forces", "in Syrias Idlib".

Some outlets' copy (and text whose apostrophes were lost on the way) glues the possessive "s" to the name. The
parser then reads "Russias" as an unknown proper noun, so "Russias Aerospace Forces" names no Russian forces and
"Syrias Idlib" may be read as one place. As spaCy does for "dont" (split into "do" + "nt" read as "not"), the
tokenizer splits each such form into the name and an "s" whose norm is "'s": the text and every offset stay as
they are, and the tagger, parser and the stages after them read a possessive.

Only proper names that do not pluralise are split (country names, organisations' one-word names, people's
surnames), and only when the glued form is not itself a word or a name ("Kurds", "Americas", "turkeys" as
the lemma tables list it, a place the gazetteer knows), nor the name a common English word ("Trumps").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

    from lanner.actors import ActorKnowledgeBase
    from lanner.nlp.truecase import EnglishWords

MIN_NAME_LENGTH = 4  # "IS" + "s", "US" + "s": too short to tell from an acronym's plural
BARE_POSSESSIVE_NORM = "'s"
# Places and states named in the plural: "the Americas", "the two Koreas", "both Sudans" are no possessives.
PLURAL_PLACE_NAMES = frozenset({"Americas", "Koreas", "Congos", "Sudans", "Yemens", "Germanys", "Chinas", "Vietnams"})


def possessor_names(knowledge_base: ActorKnowledgeBase) -> list[str]:
    """Names that take a possessive and never a plural: country names, the one-word names and aliases of
    named actors, and people's surnames (the last word of a person's name: "Assad", "Erdogan")."""
    names = [name for country in knowledge_base.countries for name in (country.name, *country.names)]
    for actor in knowledge_base.named_actors():
        spellings = (actor.name, *actor.aliases)
        names.extend(spelling for spelling in spellings if " " not in spelling)
        if actor.kind == "person":
            names.extend(spelling.split()[-1].split("-")[-1] for spelling in spellings)
    return list(dict.fromkeys(names))


def bare_possessives(names: Iterable[str], english: EnglishWords, is_known_name: Callable[[str], bool]) -> list[str]:
    """The glued possessive ("Russias") of each one-word name that can stand alone as a possessor: capitalised,
    alphabetic, not a common English word, and whose glued form is neither an English word nor a known name."""
    forms: list[str] = []
    for name in names:
        form = name + "s"
        if len(name) < MIN_NAME_LENGTH or not name.isalpha() or not name[0].isupper() or name.endswith("s"):
            continue
        if form in PLURAL_PLACE_NAMES:
            continue
        if english.is_common(name.lower()) or _listed(english, form.lower()) or is_known_name(form):
            continue
        forms.append(form)
    return list(dict.fromkeys(forms))


def _listed(english: EnglishWords, word: str) -> bool:
    """Is the word itself in the lemma tables (not only as an inflection of a listed word)?"""
    return word in english.exceptions or word in english.stop_words or any(word in w for w in english.index.values())


def add_bare_possessives(nlp: Language, forms: Iterable[str]) -> None:
    """Teach the tokenizer to split each glued form into the name and a possessive "s" (norm "'s")."""
    from spacy.attrs import NORM, ORTH

    for form in forms:
        nlp.tokenizer.add_special_case(form, [{ORTH: form[:-1]}, {ORTH: "s", NORM: BARE_POSSESSIVE_NORM}])
