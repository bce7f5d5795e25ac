"""Truecasing for text sent in capitals (wire services, radio transcripts, MUC-4), so the parser can read it.

spaCy's tagger, parser and NER learnt from mixed-case text; in "GUERRILLAS ATTACKED SAN SALVADOR" every
word looks like a proper noun. The nlp stage therefore parses a truecased copy of each paragraph that is
mostly in capitals, and of each line-initial sentence in title case (a headline: "Syrian Army Kills 11 Militants
in Homs", where every capitalised verb reads as a proper noun): every letter is lower-cased, then these get
capitals back, in this order:

1. known proper names, with the spelling they are known by: the actor knowledge base's names and aliases
   and country names and demonyms ("FMLN" stays upper, "SALVADORAN" becomes "Salvadoran");
2. place names the gazetteer knows ("SAN SALVADOR"; a single English word only when the place is notable);
3. words that are not English (the spaCy model's lemmatizer tables serve as the English word list): short
   ones and ones with no vowel read as acronyms ("ERP", "FPMR"), longer ones as names ("CRISTIANI");
4. months and weekdays, the pronoun "I", initials and dotted acronyms ("U.S."), and sentence starts.

Only the case of letters changes, character by character, so the copy has the same length and every offset
into it is an offset into the original; `truecase` checks that before returning.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields, is_dataclass, replace
from typing import TYPE_CHECKING, Any, Protocol

from lanner.nlp.text import parsed_text
from lanner.records import Analysis

if TYPE_CHECKING:
    from spacy.language import Language

    from lanner.countries import CountryTable

UPPER_SHARE = 0.6  # a paragraph is "in capitals" when more than this share of its cased letters are upper
MIN_WORDS = 3  # and it has at least this many words: a lone "NATO" or "UPDATE" is not a capitals paragraph
# A sentence is a headline in title case ("Syrian Army Kills 11 Militants Near Homs") when at least this share of
# its words of four letters or more start with a capital, there are enough of them, and some capitalised ones are
# verbs, adjectives, adverbs or function words: names alone ("the Syrian Observatory for Human Rights") are not.
TITLE_SHARE = 0.75
TITLE_MIN_WORDS = 4
TITLE_MIN_COMMON = 2
TITLE_MAX_WORDS = 25  # a headline is short, has a comma at most and begins a line: a list of names and ranks
# ("Special Agent X, U.S. Air Force Office of Special Investigations") is none
MAX_PLACE_WORDS = 4
NOTABLE_POPULATION = 500_000  # a single English word ("Lima", "Reading") is a place name only this big
NOTABLE_FEATURES = frozenset({"country", "admin1", "continent", "region"})

_WORD = re.compile(r"[^\W\d_]+")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s|--\s|\n[ \t\r\f\v]*\n")
_LINE_OR_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s|\n")  # a headline may end at its line break alone
_VOWELS = frozenset("aeiouy")
_NAME_GAP = frozenset(" \n-'’.")
_POS_TABLES = ("noun", "verb", "adj", "adv")
_CLITICS = frozenset({"t", "s", "ll", "re", "ve", "d", "m"})
# Lower-case inside a name ("Juan de la Cruz", "Abu Bakr al-Baghdadi"), capitalised only at a sentence start.
PARTICLES = frozenset({"de", "del", "la", "las", "los", "el", "y", "da", "do", "dos", "das", "van", "von", "al"})
MONTHS = frozenset(
    {"january", "february", "april", "june", "july", "august", "september", "october", "november", "december"}
)
MONTH_ABBREVIATIONS = frozenset({"jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"})
AMBIGUOUS_MONTHS = frozenset({"may", "march", "mar"})  # months only beside a number or after "in", "since", ...
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
_BEFORE_MONTH = frozenset({"in", "since", "until", "till", "of", "early", "late", "mid", "last", "next", "by"})
# Titles written with a capital before a name ("President Alfredo Cristiani", "Gen. Ochoa").
TITLES = frozenset(
    {"president", "vice", "general", "gen", "colonel", "col", "lieutenant", "lt", "captain", "capt", "major", "maj",
     "sergeant", "sgt", "commander", "minister", "mayor", "governor", "senator", "deputy", "ambassador", "judge",
     "bishop", "archbishop", "monsignor", "msgr", "father", "doctor", "dr", "mr", "mrs", "ms", "comrade", "king",
     "queen", "prince", "pope", "attorney", "admiral", "adm", "chancellor", "prosecutor", "professor", "prof"}
)  # fmt: skip
# Abbreviations whose full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    {"mr", "mrs", "ms", "dr", "gen", "col", "lt", "sgt", "capt", "cpt", "maj", "cpl", "adm", "st", "no", "gov",
     "sen", "rep", "jr", "sr", "co", "corp", "inc", "ltd", "vs", "messrs", "rev", "prof", "fr", "mt", "ft"}
)  # fmt: skip


def fold_word(word: str) -> str:
    """Lower case without diacritics, one character for one ("MARTÍ" and "Marti" give "marti")."""
    lower = word.lower()
    return "".join(unicodedata.normalize("NFKD", ch)[0] for ch in lower) if len(lower) == len(word) else ""


def _upper(ch: str) -> str:
    up = ch.upper()
    return up if len(up) == 1 else ch


def _lower(ch: str) -> str:
    low = ch.lower()
    return low if len(low) == 1 else ch


def _cased_like(word: str, model: str) -> str:
    """`word` with the capitals of `model` (a spelling of the same letters), position by position."""
    if len(model) != len(word):
        return _title(word)
    return "".join(_upper(ch) if m.isupper() else _lower(ch) for ch, m in zip(word, model, strict=True))


def _title(word: str) -> str:
    return _upper(word[:1]) + "".join(_lower(ch) for ch in word[1:])


def _all_upper(word: str) -> str:
    return "".join(_upper(ch) for ch in word)


def _all_lower(word: str) -> str:
    return "".join(_lower(ch) for ch in word)


# ------------------------------------------------------------------------------------------ detection


def _cased_counts(text: str) -> tuple[int, int]:
    """Capitals and lower-case letters in `text` (str methods mapped in C: every article is checked)."""
    return sum(map(str.isupper, text)), sum(map(str.islower, text))


def is_mostly_upper(text: str, threshold: float = UPPER_SHARE) -> bool:
    """True when more than `threshold` of the cased letters are capitals and there are a few words."""
    upper, lower = _cased_counts(text)
    if upper + lower == 0 or upper / (upper + lower) <= threshold:
        return False
    return sum(1 for word in _WORD.finditer(text) if len(word.group()) > 1) >= MIN_WORDS


def capitals_paragraphs(text: str, threshold: float = UPPER_SHARE) -> list[tuple[int, int]]:
    """(start, end) of every paragraph (text between blank lines) that is mostly in capitals."""
    found: list[tuple[int, int]] = []
    start = 0
    for brk in (*_PARAGRAPH_BREAK.finditer(text), None):
        end = brk.start() if brk else len(text)
        if is_mostly_upper(text[start:end], threshold):
            found.append((start, end))
        start = brk.end() if brk else end
    return found


# ------------------------------------------------------------------------------------------ word lists


@dataclass(frozen=True)
class ProperNames:
    """Known spellings of proper names, keyed by their folded words ("farabundo", "marti", ...)."""

    phrases: Mapping[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)
    dotted: frozenset[tuple[str, ...]] = frozenset()  # names written with full stops ("U.S."): gaps may hold one
    longest: int = 0

    @classmethod
    def from_names(cls, names: Iterable[str], common: Callable[[str], bool] = lambda word: False,
                   stop_words: frozenset[str] = frozenset()) -> ProperNames:  # fmt: skip
        """Index names by their words. A one-word name is left out when it is a stop word, and an acronym when
        `common(lower-cased word)` is true ("CAR" is also "car"); of several spellings, all capitals win."""
        phrases: dict[tuple[str, ...], tuple[str, ...]] = {}
        dotted: set[tuple[str, ...]] = set()
        for name in names:
            words = tuple(_WORD.findall(name))
            if not words or not any(ch.isupper() for ch in name):
                continue
            key = tuple(fold_word(w) for w in words)
            if not all(key) or (len(words) == 1 and (key[0] in stop_words or (words[0].isupper() and common(key[0])))):
                continue
            known = phrases.get(key)
            if known is None or (len(words) == 1 and words[0].isupper() and not known[0].isupper()):
                phrases[key] = words
            if "." in name:
                dotted.add(key)
        return cls(phrases, frozenset(dotted), max((len(k) for k in phrases), default=0))


def country_names(countries: CountryTable) -> list[str]:
    """Every country name and demonym of the table (and its plural: "Colombians"), and the region adjectives."""
    names: list[str] = []
    for country in countries:
        plurals = [d + "s" for d in country.demonyms if d.isalpha() and d.endswith(("an", "i"))]
        names.extend((country.name, *country.names, *country.demonyms, *plurals))
    names.extend(countries.region_demonyms)
    names.extend(countries.region_demonyms.values())
    return names


class EnglishWords:
    """The spaCy model's lemmatizer tables as a word list: is a lower-case word (or an inflection) English?"""

    def __init__(self, index: Mapping[str, frozenset[str]], exceptions: frozenset[str],
                 rules: Mapping[str, Sequence[tuple[str, str]]]) -> None:  # fmt: skip
        self.index = index
        self.exceptions = exceptions
        self.rules = rules
        from spacy.lang.en.stop_words import STOP_WORDS

        self.stop_words = frozenset(STOP_WORDS)

    @classmethod
    def from_language(cls, nlp: Language | None) -> EnglishWords:
        """Read the tables of the pipeline's rule lemmatizer; a pipeline without one gives an empty list."""
        index: dict[str, frozenset[str]] = {}
        exceptions: set[str] = set()
        rules: dict[str, list[tuple[str, str]]] = {}
        if nlp is not None and "lemmatizer" in nlp.pipe_names:
            lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
            tables = set(lookups.tables) if lookups is not None else set()
            if {"lemma_index", "lemma_exc", "lemma_rules"} <= tables:
                for pos in _POS_TABLES:
                    index[pos] = frozenset(lookups.get_table("lemma_index").get(pos, []))
                    exc = lookups.get_table("lemma_exc").get(pos, {})
                    exceptions.update(exc)
                    rules[pos] = [(old, new) for old, new in lookups.get_table("lemma_rules").get(pos, [])]
        return cls(index, frozenset(exceptions), rules)

    def __bool__(self) -> bool:
        return bool(self.index)

    def tables(self, word: str) -> set[str]:
        """The parts of speech ("noun", "verb", ...) under which `word` or its lemma is listed."""
        found = {pos for pos, words in self.index.items() if word in words}
        for pos, rules in self.rules.items():
            if pos in found:
                continue
            words = self.index[pos]
            if any(word.endswith(old) and word[: len(word) - len(old)] + new in words for old, new in rules if old):
                found.add(pos)
        return found

    def is_english(self, word: str) -> bool:
        return word in self.stop_words or word in self.exceptions or bool(self.tables(word))

    def is_common(self, word: str) -> bool:
        """A function word, verb, adjective or adverb: never a name on its own ("is", "fan", "nice")."""
        if word in self.stop_words or word in self.exceptions:
            return True
        return bool(self.tables(word) - {"noun"})


class _Lookup(Protocol):
    """What `gazetteer_places` needs of a gazetteer: `lanner.geo.Gazetteer.lookup`."""

    def lookup(self, name: str, *, loose: bool = True) -> Sequence[Any]: ...


def gazetteer_places(gazetteer: _Lookup, min_population: int = NOTABLE_POPULATION) -> Callable[[str], bool]:
    """A place-name test from a gazetteer's exact lookups: a name of two or more words when any place has
    it, a single word only for a country, first-level division, region or city of `min_population`."""

    def is_place(name: str) -> bool:
        candidates = gazetteer.lookup(name, loose=False)
        if " " in name.strip():
            return bool(candidates)
        return any(
            c.place.feature in NOTABLE_FEATURES or (c.place.population or 0) >= min_population for c in candidates
        )

    return is_place


# ------------------------------------------------------------------------------------------ truecasing


@dataclass(frozen=True)
class _Word:
    start: int
    end: int
    text: str
    key: str  # folded


class Truecaser:
    """Truecase the paragraphs of a text that are in capitals; leave every other paragraph as it is."""

    def __init__(self, english: EnglishWords, names: ProperNames | None = None,
                 is_place: Callable[[str], bool] | None = None, threshold: float = UPPER_SHARE) -> None:  # fmt: skip
        self.english = english
        self.names = names or ProperNames()
        self.is_place = is_place
        self.threshold = threshold

    @classmethod
    def build(cls, nlp: Language | None, names: Iterable[str] = (), is_place: Callable[[str], bool] | None = None,
              countries: CountryTable | None = None) -> Truecaser:  # fmt: skip
        """A truecaser knowing `names` (actor names and aliases, say) and every country name and demonym."""
        from lanner.countries import CountryTable

        english = EnglishWords.from_language(nlp)
        table = countries if countries is not None else CountryTable.load()
        known = ProperNames.from_names([*names, *country_names(table)], english.is_english, english.stop_words)
        return cls(english, known, is_place)

    def truecase(self, text: str) -> str:
        """`text` with its capitals paragraphs and title-case headlines truecased: same length, only letter case
        changed."""
        capitals = capitals_paragraphs(text, self.threshold)
        headlines = self.title_case_sentences(text)
        paragraphs = capitals + [(a, b) for a, b in headlines if not any(a < e and s < b for s, e in capitals)]
        if not paragraphs:
            return text
        chars = list(text)
        for start, end in paragraphs:
            for word, cased in self._paragraph(text, start, end):
                chars[word.start : word.end] = cased
        result = "".join(chars)
        if len(result) != len(text) or result.lower() != text.lower():
            raise AssertionError("truecasing must change letter case only")
        return result

    def title_case_sentences(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of every sentence written in title case, as headlines are ("ISIL Kills 20 FSA Members on
        Qalamoun Barrens"): the parser reads each capitalised verb there as a proper noun and finds no event."""
        if not self.english:
            return []
        found: list[tuple[int, int]] = []
        start = 0
        for brk in (*_LINE_OR_SENTENCE_END.finditer(text), None):
            end = brk.start() + 1 if brk else len(text)
            line_start = start == 0 or text[start - 1] == "\n"
            words = [m.group() for m in _WORD.finditer(text, start, end)] if line_start else []
            long = [word for word in words if len(word) > 3]
            if len(long) >= TITLE_MIN_WORDS and len(words) <= TITLE_MAX_WORDS and text.count(",", start, end) <= 1:
                capitals = [word for word in long if word[0].isupper() and not word.isupper()]
                if len(capitals) >= TITLE_SHARE * len(long) and (
                    sum(self.english.is_common(fold_word(word)) for word in capitals) >= TITLE_MIN_COMMON
                ):
                    found.append((start, end))
            start = brk.end() if brk else end
        return found

    # --- one paragraph ---------------------------------------------------------------------------

    def _paragraph(self, text: str, start: int, end: int) -> Iterator[tuple[_Word, str]]:
        words = [_Word(m.start(), m.end(), m.group(), fold_word(m.group())) for m in _WORD.finditer(text, start, end)]
        cased: list[str | None] = [None] * len(words)
        self._known_names(text, words, cased)
        self._places(text, words, cased)
        for i in range(len(words)):
            if cased[i] is None:
                cased[i] = self._word(text, words, i)
        for i in range(len(words) - 2, -1, -1):  # right to left: "VICE PRESIDENT FRANCISCO MERINO"
            following = cased[i + 1] or ""
            if words[i].key in TITLES and following[:1].isupper() and self._joined(text, words, i, 2, True):
                cased[i] = _title(words[i].text)
        for i in self._sentence_starts(text, words, start):
            value = cased[i] or words[i].text
            cased[i] = _upper(value[:1]) + value[1:]
        for word, value in zip(words, cased, strict=True):
            yield word, value or _all_lower(word.text)

    @staticmethod
    def _joined(text: str, words: Sequence[_Word], i: int, n: int, dots: bool) -> bool:
        """Whether words i..i+n-1 stand together as one name: short gaps of spaces, hyphens, apostrophes."""
        for a, b in zip(words[i : i + n - 1], words[i + 1 : i + n], strict=True):
            gap = text[a.end : b.start]
            if not gap or len(gap) > 3 or not set(gap) <= _NAME_GAP or gap.count("\n") > 1:
                return False
            if "." in gap and not dots:
                return False
        return True

    def _known_names(self, text: str, words: Sequence[_Word], cased: list[str | None]) -> None:
        phrases, longest = self.names.phrases, self.names.longest
        i = 0
        while i < len(words):
            for n in range(min(longest, len(words) - i), 0, -1):
                key = tuple(w.key for w in words[i : i + n])
                model = phrases.get(key)
                if model is None or not self._joined(text, words, i, n, key in self.names.dotted):
                    continue
                if n == 1 and self._inside_word(text, words[i]):
                    continue
                for j in range(n):
                    cased[i + j] = _cased_like(words[i + j].text, model[j])
                i += n - 1
                break
            i += 1

    @staticmethod
    def _inside_word(text: str, word: _Word) -> bool:
        """A letter run glued to another by an apostrophe ("'S" of "ARMY'S") is not a word of its own."""
        before = text[word.start - 1 : word.start]
        return before in ("'", "’") and word.start >= 2 and text[word.start - 2].isalpha()

    def _places(self, text: str, words: Sequence[_Word], cased: list[str | None]) -> None:
        if self.is_place is None:
            return
        stop = self.english.stop_words
        i = 0
        while i < len(words):
            matched = 0
            for n in range(min(MAX_PLACE_WORDS, len(words) - i), 0, -1):
                span = words[i : i + n]
                if any(cased[i + j] is not None for j in range(n)) or span[0].key in stop or span[-1].key in stop:
                    continue
                if n == 1 and (len(span[0].key) < 4 or self.english.is_common(span[0].key)):
                    continue
                if not self._joined(text, words, i, n, False):
                    continue
                if self.is_place(" ".join(w.text for w in span)):
                    for j, word in enumerate(span):
                        particle = j > 0 and word.key in PARTICLES
                        cased[i + j] = _all_lower(word.text) if particle else _title(word.text)
                    matched = n
                    break
            i += matched or 1

    def _word(self, text: str, words: Sequence[_Word], i: int) -> str:
        """The case of a word no name list decided."""
        word = words[i]
        key, raw = word.key, word.text
        after = text[word.end : word.end + 1]
        before = text[word.start - 1 : word.start] if word.start else ""
        if len(raw) == 1:
            if key == "i" and not before.isalpha() and before not in ("'", "’", ".") and after != ".":
                return "I"
            if (
                after == "."
                or (after in ("'", "’") and self._names_after(text, words, i))
                or self._numbered(text, word)
            ):
                return raw.upper()  # initials, "U.S.", "O'CONNOR", "M-19"
            return _all_lower(raw)
        if self._inside_word(text, word):
            return _all_lower(raw)
        if key in MONTHS or key in WEEKDAYS or (key in MONTH_ABBREVIATIONS and self._dated(text, words, i)):
            return _title(raw)
        if key in AMBIGUOUS_MONTHS:
            return _title(raw) if self._dated(text, words, i) else _all_lower(raw)
        if key in PARTICLES or not self.english:
            return _all_lower(raw)
        probe = key[:-1] if key.endswith("n") and self._clitic_after(text, words, i) else key  # "DIDN'T"
        if self.english.is_english(probe):
            return _all_lower(raw)
        if len(key) <= 3 or not (_VOWELS & set(key)):
            return _all_upper(raw)  # an acronym: "ERP", "FPMR"
        return _title(raw)

    @staticmethod
    def _numbered(text: str, word: _Word) -> bool:
        """ "M-19", "G-3": a letter joined to a number by a hyphen."""
        return text[word.end : word.end + 1] == "-" and text[word.end + 1 : word.end + 2].isdigit()

    @staticmethod
    def _clitic_after(text: str, words: Sequence[_Word], i: int) -> bool:
        if i + 1 >= len(words):
            return False
        nxt = words[i + 1]
        return text[words[i].end : nxt.start] in ("'", "’") and nxt.key in _CLITICS

    def _names_after(self, text: str, words: Sequence[_Word], i: int) -> bool:
        if i + 1 >= len(words) or text[words[i].end : words[i + 1].start] not in ("'", "’"):
            return False
        return len(words[i + 1].key) > 2 and not self.english.is_english(words[i + 1].key)

    @staticmethod
    def _dated(text: str, words: Sequence[_Word], i: int) -> bool:
        """ "9 MAY", "MAY 1990", "IN MARCH": a month, not the verb."""
        before = text[max(0, words[i].start - 3) : words[i].start]
        after = text[words[i].end : words[i].end + 3]
        if any(ch.isdigit() for ch in before + after):
            return True
        return i > 0 and words[i - 1].key in _BEFORE_MONTH

    @staticmethod
    def _sentence_starts(text: str, words: Sequence[_Word], start: int) -> list[int]:
        """Indices of words that begin a sentence: the paragraph's first word, a word after a full stop
        (not after an initial or an abbreviation), after a dateline's "--", and the first word after an
        editor's bracketed tag at a sentence start ("[TEXT] THE ...")."""
        starts: list[int] = []
        previous_end = start
        in_tag = False
        for i, word in enumerate(words):
            gap = text[previous_end : word.start]
            opening = gap.rstrip().endswith(("[", "("))
            if i == 0:
                begins = True
            elif in_tag and ("]" in gap or ")" in gap):
                begins, in_tag = True, False
            else:
                prev = words[i - 1]
                ended = bool(_SENTENCE_END.search(gap + " "))
                begins = ended and not (gap.startswith(".") and (len(prev.key) == 1 or prev.key in ABBREVIATIONS))
            if begins and opening:
                # "[TEXT] THE ...", "-- [PASSAGE OMITTED] THE ...": the tag's first word is capitalised only
                # at a paragraph start or after a dateline; the sentence starts after the tag
                in_tag = True
                begins = i == 0 or "--" in gap
            if begins:
                starts.append(i)
            previous_end = word.end
        return starts


# ------------------------------------------------------------------------------------------ mapping back


def restore_original_text(analysis: Analysis) -> Analysis:
    """Give every record's `text` the article's own characters at its offsets.

    When the nlp stage parsed a truecased copy, the stages took mention texts from that copy ("Fmln"
    for "FMLN" in the worst case); offsets are the same in both, so the article's text is put back.
    Any record with `start`, `end` and `text` fields is fixed, however deep in an event it sits.
    """
    doc = analysis.doc
    text = analysis.article.text
    if doc is None or parsed_text(doc) == text:
        return analysis
    for item in fields(analysis):
        value = getattr(analysis, item.name)
        if isinstance(value, list) and item.name not in ("article", "doc"):
            setattr(analysis, item.name, [_restore(record, text) for record in value])
    return analysis


def _restore(record: Any, text: str) -> Any:
    if isinstance(record, tuple):
        return tuple(_restore(item, text) for item in record)
    if isinstance(record, list):
        return [_restore(item, text) for item in record]
    if not is_dataclass(record) or isinstance(record, type):
        return record
    changes: dict[str, Any] = {}
    names = {f.name for f in fields(record)}
    if {"start", "end", "text"} <= names and isinstance(record.start, int) and isinstance(record.text, str):
        original = text[record.start : record.end]
        if original != record.text:
            changes["text"] = original
    for name in names - {"text"}:
        value = getattr(record, name)
        if is_dataclass(value) or isinstance(value, tuple | list):
            restored = _restore(value, text)
            if restored is not value and restored != value:
                changes[name] = restored
    return replace(record, **changes) if changes else record
