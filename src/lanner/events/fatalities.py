"""Fatalities, only when the text states a number: "killed at least 12", "a dozen dead", "killing five"."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Token

WORD_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "dozen": 12,
    "a dozen": 12,
}
DEATH_VERBS = frozenset({"kill", "die", "slay", "massacre", "execute", "behead", "murder", "slaughter"})
DEATH_NOUNS = frozenset({"dead", "death", "fatality", "body", "corpse", "life", "toll"})
_DIGITS = re.compile(r"^\d{1,3}(,\d{3})*$|^\d+$")


def parse_number(token: Token) -> int | None:
    text = token.lower_
    if _DIGITS.match(text):
        return int(text.replace(",", ""))
    if text in WORD_NUMBERS:
        if text == "dozen" and any(child.lower_ in ("a", "one") for child in token.children):
            return 12
        return WORD_NUMBERS[text]
    if "-" in text:  # "twenty-five"
        tens, _, units = text.partition("-")
        if tens in WORD_NUMBERS and units in WORD_NUMBERS:
            return WORD_NUMBERS[tens] + WORD_NUMBERS[units]
    return None


def _number_near(token: Token) -> int | None:
    """A number that counts `token`'s noun phrase: its nummod, or the token itself."""
    value = parse_number(token)
    if value is not None and token.like_num:
        return value
    for child in token.children:
        if child.dep_ in ("nummod", "quantmod") or (child.like_num and child.dep_ in ("amod", "compound")):
            value = parse_number(child)
            if value is not None:
                return value
    return None


def fatalities_in(tokens: Iterable[Token]) -> int | None:
    """The largest stated count of people killed among `tokens` (an event's clause), or None when none is stated."""
    counts: list[int] = []
    for token in tokens:
        lemma = token.lemma_.lower()
        if token.pos_ in ("VERB", "AUX") and lemma in DEATH_VERBS:
            passive = any(child.dep_ in ("nsubjpass", "auxpass") for child in token.children)
            victim_deps = ("nsubjpass",) if passive else (("nsubj",) if lemma == "die" else ("dobj",))
            for child in token.children:
                if child.dep_ in victim_deps:
                    value = _number_near(child)
                    if value is not None:
                        counts.append(value)
        elif lemma in DEATH_NOUNS:
            if lemma == "life" and token.head.lemma_.lower() not in ("claim", "lose", "take"):
                continue
            value = _number_near(token)
            if value is None and token.head.like_num:
                value = parse_number(token.head)
            if value is None and lemma == "toll":  # "the death toll rose to 30"
                for ancestor_child in token.head.subtree:
                    if ancestor_child.like_num and ancestor_child.i > token.i:
                        value = parse_number(ancestor_child)
                        break
            if value is not None:
                counts.append(value)
    return max(counts) if counts else None
