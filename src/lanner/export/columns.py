"""The columns of each export layout, in order, with the type each has in Parquet.

Descriptions live in `docs/export.md`; a test checks that every column here is documented there, so a
column cannot be added without saying what it holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ColumnKind = Literal["string", "int", "float", "date", "strings"]


@dataclass(frozen=True)
class Column:
    name: str
    kind: ColumnKind  # "strings" is a list of strings (joined with ";" in CSV)


def _columns(spec: str) -> tuple[Column, ...]:
    """Columns from "name:kind" words, so the order reads like the header it produces."""
    return tuple(Column(name, kind) for name, kind in (word.split(":") for word in spec.split()))  # type: ignore[misc]


# ACLED's 31 columns in ACLED's order (its codebook and API exports).
ACLED_COLUMNS: tuple[Column, ...] = _columns(
    """event_id_cnty:string event_date:date year:int time_precision:int disorder_type:string event_type:string
    sub_event_type:string actor1:string assoc_actor_1:string inter1:int actor2:string assoc_actor_2:string
    inter2:int interaction:int civilian_targeting:string iso:int region:string country:string admin1:string
    admin2:string admin3:string location:string latitude:float longitude:float geo_precision:int source:string
    source_scale:string notes:string fatalities:int tags:string timestamp:int"""
)

# Lanner's own event fields, as `lanner events --format jsonl` gives them (distance_km only with --near).
NATIVE_COLUMNS: tuple[Column, ...] = _columns(
    """id:string document_id:string local_id:string type:string mode:string context:strings
    acled_event_type:string acled_sub_event_type:string source:strings target:strings place_name:string
    geonames_id:int feature:string country:string admin1:string lat:float lon:float geo_precision:int
    date_start:date date_end:date date_precision:string date_basis:string fatalities:int factuality:string
    confidence:float evidence_start:int evidence_end:int evidence_text:string trigger_start:int trigger_end:int
    trigger_text:string document_title:string document_url:string document_published:date distance_km:float"""
)

LAYOUTS: dict[str, tuple[Column, ...]] = {"acled": ACLED_COLUMNS, "native": NATIVE_COLUMNS}
