"""Lookup keys for place names, so spelling variants of one name meet in one index entry.

Two keys are stored per name:

* `name_key`: case-, diacritic- and punctuation-insensitive, with a leading Arabic article dropped
  ("Ar-Raqqah" -> "raqqah", "Al Fallujah" -> "fallujah", "Deir ez-Zor" -> "deir ez zor").
* `loose_key`: `name_key` with every article token dropped and transliteration noise folded
  (q/k, doubled letters, a final "h" after a vowel, an article glued to the next word, spaces), so
  "Deir Ezzor" and "Deir ez-Zor" both give "deirzor" and "Falluja"/"Fallujah" give "faluja".
  It is only consulted when `name_key` finds nothing, and matches through it are trusted less.
"""

from __future__ import annotations

import re
import unicodedata

# Transliterated Arabic definite articles (with sun-letter assimilation) and their Latin cousins.
ARTICLES: frozenset[str] = frozenset(
    {"al", "el", "ar", "as", "ad", "an", "ash", "at", "az", "ez", "es", "ed", "er", "en", "ul", "um", "the"}
)
_APOSTROPHES = "'’‘`´ʻʼʿʾ"
_NON_WORD = re.compile(r"[^0-9a-z]+")
_DOUBLED = re.compile(r"(.)\1+")
# "Ezzor", "Assaf": an article glued to a sun letter it assimilated to.
_GLUED_ARTICLE = re.compile(r"^[ae](?=([bcdfghjklmnpqrstvwxz])\1\w{2})")


def fold(text: str) -> str:
    """Lower-case ASCII folding: drop diacritics and apostrophes, map other punctuation to spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch) and ch not in _APOSTROPHES)
    text = text.lower().replace("ß", "ss").replace("ø", "o").replace("ł", "l").replace("æ", "ae")
    return _NON_WORD.sub(" ", text).strip()


def name_key(text: str) -> str:
    """The exact lookup key: folded, a leading article dropped when more words follow."""
    tokens = fold(text).split()
    if len(tokens) > 1 and tokens[0] in ARTICLES:
        tokens = tokens[1:]
    return " ".join(tokens)


def loose_key(text: str) -> str:
    """The forgiving key for transliteration variants; empty when too short to be safe."""
    tokens = fold(text).split()
    kept = [t for t in tokens if t not in ARTICLES] or tokens
    kept = kept[:1] + [_GLUED_ARTICLE.sub("", t) for t in kept[1:]]
    joined = "".join(kept).replace("q", "k").replace("ou", "u").replace("ph", "f")
    joined = _DOUBLED.sub(r"\1", joined)
    if len(joined) > 3 and joined.endswith("h") and joined[-2] in "aeiou":
        joined = joined[:-1]
    return joined if len(joined) >= 5 else ""


def is_latin(text: str) -> bool:
    """True when every letter is Latin script; the articles we read are English."""
    return all(ord(ch) < 0x250 or not ch.isalpha() for ch in text)
