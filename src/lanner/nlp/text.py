"""The text a parsed `Doc` was made from, without rebuilding it."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

PARSED_TEXT = "lanner.parsed_text"  # key in Doc.user_data


def parsed_text(doc: Doc) -> str:
    """The text the model parsed (the article's, or its truecased copy). `Doc.text` rebuilds it by joining every
    token, about a millisecond an article each time a stage asks, so the nlp stage keeps the string it parsed."""
    text = doc.user_data.get(PARSED_TEXT)
    return text if isinstance(text, str) else doc.text
