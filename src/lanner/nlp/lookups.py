"""Table-driven stand-ins for two of spaCy's rule components, with the same output and a fraction of the cost.

Profiling the English pipeline on news articles showed `attribute_ruler` taking about a fifth of spaCy's time
(about 9 ms for a 300-word article: its Matcher tries 179 patterns on every token and builds a Span for every
match) and `lemmatizer` about a tenth (Python per token). Both compute a pure function of a few token values:

- the attribute rules test a token's TAG, LOWER, IS_SPACE and DEP (the English models' eight two-token rules test
  the next token's too), so what they assign is read from a table keyed by those four values, filled on first
  sight of each key; a rule with Matcher operators or other attributes would still run on a Matcher of its own;
  every rule that applies to a token is applied in the original rules' order, so later rules win as in spaCy;
- the lemma of a token is a function of its ORTH, POS and MORPH (spaCy's own cache key), so it is read from a
  table keyed by those, filled by calling the model's own lemmatizer on first sight.

`use_lookup_components(nlp)` swaps them in place of the originals; `tests/nlp/test_lookups.py` checks the
annotations are identical to the stock pipeline's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import AttributeRuler, Lemmatizer
    from spacy.tokens import Doc

LOOKUP_ATTRIBUTES = "lanner_lookup_attributes"
LOOKUP_LEMMAS = "lanner_lookup_lemmas"

# The token values a rule may test and still be read from the table, in the key's order.
KEY_FIELDS = ("TAG", "LOWER", "IS_SPACE", "DEP")
UNNAMED = -1  # stands for any token value that no rule names (hashes are never negative)

# One field of a token's key: its value when some rule names it (else UNNAMED), and whether it matches each
# regular expression the rules apply to that field.
KeyPart = tuple[int, tuple[bool, ...]]
RuleKey = tuple[KeyPart, ...]
# A test on one field: (position in the key, "set" or "regex", accepted values or the regex's number, negated?)
Condition = tuple[int, str, Any, bool]
Pattern = list[list[Condition]]  # the conditions on each token of a pattern, in order


def _compile_pattern(pattern: list[dict[str, Any]], strings: Any, regexes: list[list[str]]) -> Pattern | None:
    """The conditions of a Matcher pattern, or None when it uses operators or tests attributes we do not read."""
    compiled: Pattern = []
    for token_spec in pattern:
        if not set(token_spec) <= set(KEY_FIELDS):
            return None
        conditions: list[Condition] = []
        for field, condition in token_spec.items():
            position = KEY_FIELDS.index(field)
            if field == "IS_SPACE" and isinstance(condition, bool):
                conditions.append((position, "set", frozenset({int(condition)}), False))
            elif field != "IS_SPACE" and isinstance(condition, str):
                conditions.append((position, "set", frozenset({strings.add(condition)}), False))
            elif field != "IS_SPACE" and isinstance(condition, dict) and len(condition) == 1:
                ((operator, values),) = condition.items()
                if operator in ("IN", "NOT_IN") and all(isinstance(value, str) for value in values):
                    accepted = frozenset(strings.add(value) for value in values)
                    conditions.append((position, "set", accepted, operator == "NOT_IN"))
                elif operator == "REGEX" and isinstance(values, str):
                    if values not in regexes[position]:
                        regexes[position].append(values)
                    conditions.append((position, "regex", regexes[position].index(values), False))
                else:
                    return None
            else:
                return None
        compiled.append(conditions)
    return compiled


def _holds(conditions: list[Condition], key: RuleKey) -> bool:
    """Whether a token whose key is `key` meets every condition of one token of a pattern."""
    for position, kind, payload, negate in conditions:
        value, regex_results = key[position]
        met = (value in payload) if kind == "set" else regex_results[payload]
        if met == negate:
            return False
    return True


class LookupAttributeRuler:
    """Assigns what a trained `AttributeRuler` assigns, with one table look-up per token.

    The table maps a token's key (its TAG, LOWER, IS_SPACE and DEP, reduced to what the rules can tell apart) to
    the one-token rules it meets, what they assign together, and the longer patterns it can start. Rules with
    operators or other attributes (none in the English models) would still run on a Matcher of their own.
    """

    def __init__(self, ruler: AttributeRuler) -> None:
        from spacy.matcher import Matcher

        self.vocab = ruler.vocab
        self.attrs: list[dict[Any, Any]] = list(ruler.attrs)
        self.regexes: list[list[str]] = [[] for _ in KEY_FIELDS]
        self.one_token_rules: list[tuple[int, list[Pattern]]] = []
        self.longer_patterns: list[tuple[int, Pattern, int]] = []  # rule, pattern, the token it assigns to
        self.matcher_rules = Matcher(self.vocab)
        self.matcher_indices: dict[int, int] = {}
        for rule_id, rule in enumerate(ruler.patterns):
            compiled = [_compile_pattern(pattern, self.vocab.strings, self.regexes) for pattern in rule["patterns"]]
            if None in compiled:
                self.matcher_rules.add(str(rule_id), rule["patterns"])
                self.matcher_indices[rule_id] = rule["index"]
                continue
            one_token = [pattern for pattern in compiled if pattern is not None and len(pattern) == 1]
            if one_token:
                self.one_token_rules.append((rule_id, one_token))
            for pattern in compiled:
                if pattern is not None and len(pattern) > 1:
                    self.longer_patterns.append((rule_id, pattern, rule["index"]))
        # A value no rule names passes and fails the same tests as any other such value (regular expressions
        # aside, which the key carries), so they share one table entry: a few hundred keys, not one per word.
        self.named_values: list[set[int]] = [set() for _ in KEY_FIELDS]
        for pattern in [p for _rule, patterns in self.one_token_rules for p in patterns] + [
            p for _rule, p, _index in self.longer_patterns
        ]:
            for conditions in pattern:
                for position, kind, payload, _negate in conditions:
                    if kind == "set":
                        self.named_values[position].update(payload)
        self._parts: list[dict[int, KeyPart]] = [{} for _ in KEY_FIELDS]
        self._entries: dict[RuleKey, tuple[list[int], dict[Any, Any], list[tuple[int, Pattern, int]]]] = {}

    def _key(self, values: list[int]) -> RuleKey:
        parts = []
        for position, value in enumerate(values):
            part = self._parts[position].get(value)
            if part is None:
                text = self.vocab.strings[value] if self.regexes[position] else ""
                part = self._parts[position][value] = (
                    value if value in self.named_values[position] else UNNAMED,
                    tuple(re.search(regex, text) is not None for regex in self.regexes[position]),
                )
            parts.append(part)
        return tuple(parts)

    def _entry(self, key: RuleKey) -> tuple[list[int], dict[Any, Any], list[tuple[int, Pattern, int]]]:
        """The one-token rules a key meets, in order, what they assign together (later rules win), and the
        longer patterns whose first token it matches."""
        found = self._entries.get(key)
        if found is None:
            rule_ids = [
                rule_id for rule_id, patterns in self.one_token_rules if any(_holds(p[0], key) for p in patterns)
            ]
            merged: dict[Any, Any] = {}
            for rule_id in rule_ids:
                merged.update(self.attrs[rule_id])
            starts = [longer for longer in self.longer_patterns if _holds(longer[1][0], key)]
            found = self._entries[key] = (rule_ids, merged, starts)
        return found

    def _longer_matches(self, doc: Doc, keys: list[RuleKey], entries: list[Any]) -> dict[int, list[int]]:
        """Rules of several tokens (and any left to the Matcher) that apply, by the token they assign to."""
        by_token: dict[int, list[int]] = {}
        for start, (_rules, _merged, starts) in enumerate(entries):
            for rule_id, pattern, index in starts:
                end = start + len(pattern)
                if end <= len(keys) and all(
                    _holds(conditions, keys[position])
                    for conditions, position in zip(pattern[1:], range(start + 1, end), strict=True)
                ):
                    by_token.setdefault(range(start, end)[index], []).append(rule_id)
        if self.matcher_indices:
            for match_id, start, end in self.matcher_rules(doc, allow_missing=True):
                rule_id = int(self.vocab.strings[match_id])
                by_token.setdefault(range(start, end)[self.matcher_indices[rule_id]], []).append(rule_id)
        return by_token

    def __call__(self, doc: Doc) -> Doc:
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
        from spacy.tokens._retokenize import set_token_attrs

        # every key is read, and every pattern matched, before anything is assigned, as spaCy does
        keys = [self._key(values) for values in doc.to_array([TAG, LOWER, IS_SPACE, DEP]).tolist()]
        entries = [self._entry(key) for key in keys]
        longer = self._longer_matches(doc, keys, entries)
        for index, (rule_ids, merged, _starts) in enumerate(entries):
            if index in longer:  # every rule that applies to this token, in the rules' order
                for rule_id in sorted({*rule_ids, *longer[index]}):
                    set_token_attrs(doc[index], self.attrs[rule_id])
            elif merged:
                set_token_attrs(doc[index], merged)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


class LookupLemmatizer:
    """Assigns what a trained rule `Lemmatizer` assigns, one table look-up per token.

    Like the original it leaves a lemma an earlier component set (unless the original overwrites). Its tables
    stay readable as `lookups` (the truecaser reads them as an English word list).
    """

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.lookups = lemmatizer.lookups
        self.overwrite = bool(lemmatizer.overwrite)
        self._lemmas: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        strings = doc.vocab.strings
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        lemmas = []
        for index, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma and not self.overwrite:
                lemmas.append(lemma)
                continue
            key = (orth, pos, morph)
            found = self._lemmas.get(key)
            if found is None:
                found = self._lemmas[key] = strings.add(self.lemmatizer.lemmatize(doc[index])[0])
            lemmas.append(found)
        if lemmas:
            import numpy

            doc.from_array([LEMMA], numpy.asarray(lemmas, dtype="uint64").reshape(-1, 1))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


def use_lookup_components(nlp: Language) -> Language:
    """Replace a trained `attribute_ruler` and rule `lemmatizer` with their table-driven stand-ins, in place,
    under the same names, so `nlp.pipe_names` reads as before."""
    from spacy.language import Language as SpacyLanguage
    from spacy.pipeline import AttributeRuler, Lemmatizer

    if not SpacyLanguage.has_factory(LOOKUP_ATTRIBUTES):
        SpacyLanguage.factory(
            LOOKUP_ATTRIBUTES,
            default_config={"source": "attribute_ruler"},
            func=lambda nlp, name, source: LookupAttributeRuler(nlp.get_pipe(source)),
        )
        SpacyLanguage.factory(
            LOOKUP_LEMMAS,
            default_config={"source": "lemmatizer"},
            func=lambda nlp, name, source: LookupLemmatizer(nlp.get_pipe(source)),
        )
    for name, component in list(nlp.pipeline):
        if isinstance(component, AttributeRuler):
            factory = LOOKUP_ATTRIBUTES
        elif isinstance(component, Lemmatizer) and component.mode == "rule":
            factory = LOOKUP_LEMMAS
        else:
            continue
        nlp.add_pipe(factory, name=f"{name}_lookup", after=name, config={"source": name})
        nlp.remove_pipe(name)
        nlp.rename_pipe(f"{name}_lookup", name)
    return nlp
