"""Lanner: news about armed conflict in, geolocated, dated, PLOVER-typed event data with evidence out."""

__version__ = "0.1.0"
