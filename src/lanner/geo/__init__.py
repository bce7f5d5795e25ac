"""Toponym recognition and resolution: find place names in an article and say which places they are."""

from lanner.geo.gazetteer import Gazetteer
from lanner.geo.stage import PlaceStage

__all__ = ["Gazetteer", "PlaceStage"]
