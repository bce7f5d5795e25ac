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
