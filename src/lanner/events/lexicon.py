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

    @classmethod
    def load(cls) -> TriggerLexicon:
        source = resources.files("lanner") / "data" / "event_triggers.yaml"
        try:
            raw: dict[str, Any] = yaml.safe_load(source.read_text(encoding="utf-8"))
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
                    table[lemma] = TriggerSense(
                        type=event_type,
                        mode=sense.get("mode"),
                        weight=float(sense.get("weight", 1.0)),
                        requires_prep=tuple(sense.get("requires_prep", ())),
                    )
        return cls(verbs=verbs, nouns=nouns, modifiers=dict(raw.get("modifiers") or {}), adjectives=adjectives)
