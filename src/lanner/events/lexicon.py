"""The trigger lexicon: which words signal which PLOVER event type and mode (data/event_triggers.yaml)."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import yaml

from lanner.errors import Code, DataError
from lanner.events.plover import PLOVER_TYPES


@dataclass(frozen=True)
class TriggerSense:
    type: str
    mode: str | None
    weight: float
    requires_prep: tuple[str, ...] = ()


@dataclass(frozen=True)
class TriggerLexicon:
    verbs: dict[str, TriggerSense]
    nouns: dict[str, TriggerSense]
    modifiers: dict[str, str]  # modifier lemma -> ASSAULT mode
    adjectives: dict[str, TriggerSense] = field(default_factory=dict)  # "ready to", "willing to"
    verb_forms: dict[str, str] = field(default_factory=dict)  # "raped" -> "rape", where the lemmatiser errs

    def verb_lemma(self, form: str, lemma: str) -> str:
        """The lemma to look a verb up by: the lexicon's correction for this form, else the model's lemma."""
        return self.verb_forms.get(form.lower(), lemma)

    @classmethod
    def load(cls) -> TriggerLexicon:
        source = resources.files("lanner") / "data" / "event_triggers.yaml"
        return cls.from_text(source.read_text(encoding="utf-8"))

    @classmethod
    def from_text(cls, text: str) -> TriggerLexicon:
        """A lexicon from the YAML text of a trigger file (the shipped one, or a test's)."""
        try:
            raw: dict[str, Any] = yaml.safe_load(text)
        except yaml.YAMLError as error:
            raise DataError(Code.BAD_DATA_FILE, f"event trigger lexicon is not valid YAML: {error}") from error
        verbs: dict[str, TriggerSense] = {}
        nouns: dict[str, TriggerSense] = {}
        adjectives: dict[str, TriggerSense] = {}
        for event_type, entries in raw["types"].items():
            if event_type not in PLOVER_TYPES:
                raise DataError(Code.BAD_DATA_FILE, f"event trigger lexicon names unknown type {event_type!r}")
            for pos, table in (("verbs", verbs), ("nouns", nouns), ("adjectives", adjectives)):
                for lemma, sense in (entries.get(pos) or {}).items():
                    if lemma in table:
                        raise DataError(Code.BAD_DATA_FILE, f"trigger {lemma!r} ({pos}) is listed twice")
                    preps = tuple(sense.get("requires_prep", ()))
                    if not all(isinstance(prep, str) for prep in preps):
                        # YAML 1.1 reads a bare on/off as a boolean, which would never match a word
                        raise DataError(Code.BAD_DATA_FILE, f"trigger {lemma!r}: quote its prepositions {preps!r}")
                    table[lemma] = TriggerSense(
                        type=event_type,
                        mode=sense.get("mode"),
                        weight=float(sense.get("weight", 1.0)),
                        requires_prep=preps,
                    )
        return cls(
            verbs=verbs,
            nouns=nouns,
            modifiers=dict(raw.get("modifiers") or {}),
            adjectives=adjectives,
            verb_forms={str(form): str(lemma) for form, lemma in (raw.get("verb_forms") or {}).items()},
        )
