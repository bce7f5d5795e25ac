"""Turn analyses (extract) and stored event rows (events) into the formats users ask for.

Pure functions over records and rows that write to a text stream; no knowledge of where data came from.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import IO, Any

from lanner.records import Analysis

EXTRACT_FORMATS = ("json", "jsonl", "csv", "table")
EVENT_FORMATS = ("table", "csv", "jsonl", "geojson")
EXTRACT_CSV_COLUMNS = (
    "document_id",
    "title",
    "published",
    "event_id",
    "type",
    "mode",
    "acled_event_type",
    "acled_sub_event_type",
    "source",
    "target",
    "place",
    "country",
    "lat",
    "lon",
    "geo_precision",
    "date_start",
    "date_end",
    "date_precision",
    "date_basis",
    "fatalities",
    "factuality",
    "confidence",
    "evidence",
)
EVENT_CSV_COLUMNS = (
    "id",
    "document_id",
    "type",
    "mode",
    "acled_event_type",
    "acled_sub_event_type",
    "source",
    "target",
    "place_name",
    "country",
    "admin1",
    "lat",
    "lon",
    "geo_precision",
    "date_start",
    "date_end",
    "date_precision",
    "date_basis",
    "fatalities",
    "factuality",
    "confidence",
    "evidence_text",
    "document_title",
    "document_url",
)
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """A CSV cell that a spreadsheet will show, not run: text starting like a formula gets a quote."""
    if isinstance(value, str) and value.startswith(_FORMULA_PREFIXES):
        return "'" + value
    if isinstance(value, list | tuple):
        return ";".join(str(v) for v in value)
    return value


def extraction_csv_rows(analysis: Analysis) -> Iterable[dict[str, Any]]:
    """One row per event (or one row with the document only when it has none)."""
    article = analysis.article
    base = {
        "document_id": article.id,
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
    }
    if not analysis.events:
        yield base
        return
    for event in analysis.events:
        place = event.place
        yield {
            **base,
            "event_id": event.id,
            "type": event.type,
            "mode": event.mode,
            "acled_event_type": event.acled_event_type,
            "acled_sub_event_type": event.acled_sub_event_type,
            "source": list(event.source),
            "target": list(event.target),
            "place": place.place.name if place else None,
            "country": place.place.country if place else None,
            "lat": place.place.lat if place else None,
            "lon": place.place.lon if place else None,
            "geo_precision": place.precision if place else None,
            "date_start": event.date.range.start.isoformat() if event.date.range else None,
            "date_end": event.date.range.end.isoformat() if event.date.range else None,
            "date_precision": event.date.range.precision if event.date.range else "unknown",
            "date_basis": event.date.basis,
            "fatalities": event.fatalities,
            "factuality": event.factuality,
            "confidence": event.confidence,
            "evidence": event.evidence.text,
        }


def _write_csv(rows: Iterable[dict[str, Any]], columns: tuple[str, ...], out: IO[str]) -> None:
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: safe_cell(value) for key, value in row.items()})


def write_extractions(analyses: Iterable[Analysis], fmt: str, out: IO[str], *, single: bool) -> int:
    """Write analyses in an extract format; `single` means one article in, so JSON is one object."""
    count = 0
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=EXTRACT_CSV_COLUMNS, extrasaction="ignore")
        writer.writeheader()
    for analysis in analyses:
        count += 1
        if fmt == "json" and single:
            json.dump(analysis.to_dict(), out, ensure_ascii=False, indent=2)
            out.write("\n")
        elif fmt in ("json", "jsonl"):
            out.write(json.dumps(analysis.to_dict(), ensure_ascii=False) + "\n")
        elif fmt == "csv":
            for row in extraction_csv_rows(analysis):
                writer.writerow({key: safe_cell(value) for key, value in row.items()})
        else:
            out.write(_analysis_table(analysis))
        out.flush()
    return count


def _clip(text: str | None, width: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _analysis_table(analysis: Analysis) -> str:
    article = analysis.article
    lines = [
        f"# {article.title or article.origin}  ({article.published or 'no date'})  id {article.id[:12]}",
        f"  {len(analysis.events)} events, {len(analysis.actors)} actor mentions, {len(analysis.places)} places",
    ]
    for event in analysis.events:
        place = event.place
        where = f"{place.place.name} ({place.place.country or '?'}, precision {place.precision})" if place else "—"
        when = event.date.range
        date_text = f"{when.start}..{when.end} {when.precision}" if when else "unknown"
        if event.date.basis == "published":
            date_text += " (publication fallback)"
        lines.append(
            f"  {event.type:<9} {event.factuality:<12} {', '.join(event.source) or '—'} → "
            f"{', '.join(event.target) or '—'} | {where} | {date_text}"
            + (f" | {event.fatalities} killed" if event.fatalities is not None else "")
        )
        lines.append(f"      “{_clip(event.evidence.text, 110)}”")
    return "\n".join(lines) + "\n\n"


def event_rows_to_csv(rows: Iterable[dict[str, Any]], out: IO[str]) -> None:
    _write_csv(rows, EVENT_CSV_COLUMNS, out)


def event_rows_to_table(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    count = 0
    out.write(f"{'date':<10}  {'type':<9} {'source → target':<44} {'place':<24} {'fact.':<10} evidence\n")
    for row in rows:
        count += 1
        actors = f"{','.join(row['source']) or '—'} → {','.join(row['target']) or '—'}"
        place = f"{row['place_name'] or '—'} {row['country'] or ''}".strip()
        out.write(
            f"{row['date_start'] or '?':<10}  {row['type']:<9} {_clip(actors, 44):<44} {_clip(place, 24):<24} "
            f"{row['factuality'][:10]:<10} {_clip(row['evidence_text'], 70)}\n"
        )
    return count


def event_rows_to_geojson(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """A FeatureCollection of the events that have coordinates (others are counted in `skipped`)."""
    features = []
    skipped = 0
    for row in rows:
        if row.get("lat") is None or row.get("lon") is None:
            skipped += 1
            continue
        properties = {key: value for key, value in row.items() if key not in ("lat", "lon")}
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
                "properties": properties,
            }
        )
    json.dump(
        {"type": "FeatureCollection", "features": features, "skipped_without_coordinates": skipped},
        out,
        ensure_ascii=False,
    )
    out.write("\n")
    return len(features)
