"""Turning read results into HTML fragments, CSV and GeoJSON.

Highlighting escapes every piece of article text first and only then wraps it in markup, so text from
an article can never become markup, whatever it contains.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup, escape

from lanner.output.render import safe_cell

EVENT_CSV_COLUMNS: tuple[str, ...] = (
    "id",
    "document_id",
    "type",
    "mode",
    "acled_event_type",
    "acled_sub_event_type",
    "source",
    "target",
    "date_start",
    "date_end",
    "date_precision",
    "date_basis",
    "place_name",
    "country",
    "admin1",
    "lat",
    "lon",
    "geo_precision",
    "fatalities",
    "factuality",
    "confidence",
    "evidence_text",
    "document_title",
    "document_url",
)


def highlight(text: str, spans: Iterable[tuple[int, int, str]]) -> Markup:
    """The text as HTML with each span's characters wrapped in <mark class="…"> (classes of overlapping spans join).

    Offsets are Python string indices; spans outside the text are clipped.
    """
    spans = [(max(0, s), min(len(text), e), c) for s, e, c in spans if e > s and s < len(text)]
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    out: list[str] = []
    for start, end in itertools.pairwise(cuts):
        piece = str(escape(text[start:end]))
        classes = sorted({c for s, e, c in spans if s <= start and end <= e})
        out.append(f'<mark class="{" ".join(classes)}">{piece}</mark>' if classes else piece)
    return Markup("".join(out))


def mark_terms(text: str | None, terms: Sequence[str]) -> Markup:
    """Text with each whole-word occurrence of a search term marked."""
    if not text:
        return Markup("")
    if not terms:
        return Markup(escape(text))
    pattern = re.compile(r"\b(" + "|".join(re.escape(t) for t in terms) + r")\b", re.IGNORECASE)
    return highlight(text, [(m.start(), m.end(), "hit") for m in pattern.finditer(text)])


def safe_url(url: str | None) -> str | None:
    """The URL if it is a plain http(s) link a page may point to; anything else (javascript:, data:) stays text."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and parts.netloc and not re.search(r"[\s\"'<>`]", url.strip()):
        return url.strip()
    return None


def to_csv(rows: Iterable[dict[str, Any]], columns: Sequence[str]) -> str:
    """Rows as CSV text; cells a spreadsheet would run as formulas are escaped."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({column: safe_cell(row.get(column)) for column in columns})
    return buffer.getvalue()


def events_geojson(rows: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Events with coordinates as a GeoJSON FeatureCollection (events without a place are left out)."""
    features = []
    for row in rows:
        if row.get("lat") is None or row.get("lon") is None:
            continue
        properties = {k: v for k, v in row.items() if k not in ("lat", "lon")}
        features.append(
            {
                "type": "Feature",
                "id": row.get("id"),
                "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
                "properties": properties,
            }
        )
    return {"type": "FeatureCollection", "features": features}


def map_geojson(features: Iterable[dict[str, Any]], meta: dict[str, Any]) -> dict[str, Any]:
    """Map clusters or points as GeoJSON, with what the request asked for in `lanner`."""
    return {
        "type": "FeatureCollection",
        "lanner": meta,
        "features": [
            {
                "type": "Feature",
                "id": f.get("id"),
                "geometry": {"type": "Point", "coordinates": [f["lon"], f["lat"]]},
                "properties": {k: v for k, v in f.items() if k not in ("lat", "lon")},
            }
            for f in features
        ],
    }
