"""The events stage: PLOVER events with source and target actors, place, date, factuality and evidence."""

from lanner.events.plover import ACLED_TYPES, PLOVER_TYPES, acled_category
from lanner.events.stage import EventStage

__all__ = ["ACLED_TYPES", "PLOVER_TYPES", "EventStage", "acled_category"]
