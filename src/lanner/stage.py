"""The stage protocol: a named callable, analysis in, analysis out, that declares what it reads and adds.

Field names are those of `lanner.records.Analysis` ("article", "doc", "places", "actors", "dates",
"events"). `lanner.pipeline.Pipeline` checks before it runs that every need has a producer.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from lanner.records import Analysis


@runtime_checkable
class Stage(Protocol):
    name: str
    needs: tuple[str, ...]
    adds: tuple[str, ...]

    def __call__(self, analysis: Analysis) -> Analysis: ...
