"""Reading a parsed `Doc` cheaply: the text it was made from without rebuilding it, and the ids of words to
compare with its word ids (`Doc.to_array`) without building a Token per word."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Doc

PARSED_TEXT = "lanner.parsed_text"  # key in Doc.user_data


def parsed_text(doc: Doc) -> str:
    """The text the model parsed (the article's, or its truecased copy). `Doc.text` rebuilds it by joining every
    token, about a millisecond an article each time a stage asks, so the nlp stage keeps the string it parsed."""
    text = doc.user_data.get(PARSED_TEXT)
    return text if isinstance(text, str) else doc.text


def word_ids(words: Iterable[str]) -> frozenset[int]:
    """spaCy's ids of `words` (hashes of their text), to compare with a document's ORTH, LOWER or LEMMA ids."""
    from spacy.strings import get_string_id

    return frozenset(get_string_id(word) for word in words)


@lru_cache(maxsize=16)
def fixed_word_ids(words: frozenset[str]) -> frozenset[int]:
    """`word_ids` of a fixed word list (a module's table, a stage's demonyms), computed once."""
    return word_ids(words)


class WordForms:
    """Every word's lower-cased lemma and lower-case form (`token.lemma_.lower()`, `token.lower_`), read from a
    document's word ids. Asking a Token builds it and two strings, and the string store builds a new string at
    every look-up, so each id's string is kept: an id names the same string in every document, and a stage keeps
    one `WordForms` for all the articles it reads."""

    def __init__(self) -> None:
        self._lemmas: dict[int, str] = {}
        self._lowers: dict[int, str] = {}

    def of(self, doc: Doc) -> tuple[list[str], list[str]]:
        """The lower-cased lemma and the lower-case form of every word of `doc`, by position."""
        from spacy.attrs import LEMMA, LOWER

        ids = doc.to_array([LEMMA, LOWER])
        lemma_ids, lower_ids = ids[:, 0].tolist(), ids[:, 1].tolist()
        strings, lemmas, lowers = doc.vocab.strings, self._lemmas, self._lowers
        for i in set(lemma_ids).difference(lemmas):
            lemmas[i] = strings[i].lower()
        for i in set(lower_ids).difference(lowers):
            lowers[i] = strings[i]
        return list(map(lemmas.__getitem__, lemma_ids)), list(map(lowers.__getitem__, lower_ids))
