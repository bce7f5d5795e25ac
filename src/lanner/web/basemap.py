"""The offline basemap: Natural Earth 1:110m country outlines, shipped as TopoJSON (npm `world-atlas`).

TopoJSON stores shared borders once, as quantised, delta-encoded arcs; decoding it here (rather than in
the browser) keeps the page's JavaScript small and gives the map plain GeoJSON.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

BASEMAP_FILE = "world-atlas-2.0.2-countries-110m.topo.json"


def _decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if transform is None:
            arcs.append([(float(x), float(y)) for x, y, *_ in arc])
            continue
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        x = y = 0
        points = []
        for dx, dy, *_ in arc:
            x, y = x + dx, y + dy
            points.append((round(x * sx + tx, 5), round(y * sy + ty, 5)))
        arcs.append(points)
    return arcs


def _ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[list[float]]:
    """Join a ring's arcs; a negative index ~i means arc i reversed; each arc repeats its predecessor's last point.

    Rings that cross the antimeridian are unwrapped (longitudes past ±180), so a web map draws them in
    one piece instead of a line across the whole world.
    """
    ring: list[list[float]] = []
    for index in indexes:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend([list(p) for p in (points[1:] if ring else points)])
    shift = 0.0
    for i in range(1, len(ring)):
        step = ring[i][0] + shift - ring[i - 1][0]
        if step > 180:
            shift -= 360
        elif step < -180:
            shift += 360
        ring[i][0] = round(ring[i][0] + shift, 5)
    return ring


def topojson_to_geojson(
    topology: dict[str, Any], object_name: str, skip: frozenset[str] = frozenset()
) -> dict[str, Any]:
    """One object of a TopoJSON topology (polygons and multipolygons) as a GeoJSON FeatureCollection."""
    arcs = _decode_arcs(topology)
    features = []
    for geometry in topology["objects"][object_name]["geometries"]:
        kind = geometry.get("type")
        if (geometry.get("properties") or {}).get("name") in skip:
            continue
        if kind == "Polygon":
            coordinates: Any = [_ring(ring, arcs) for ring in geometry["arcs"]]
        elif kind == "MultiPolygon":
            coordinates = [[_ring(ring, arcs) for ring in polygon] for polygon in geometry["arcs"]]
        else:
            continue
        features.append(
            {
                "type": "Feature",
                "id": geometry.get("id"),
                "properties": dict(geometry.get("properties") or {}),
                "geometry": {"type": kind, "coordinates": coordinates},
            }
        )
    return {"type": "FeatureCollection", "features": features}


def country_outlines() -> dict[str, Any]:
    """The shipped country outlines as GeoJSON."""
    raw = (resources.files("lanner.web") / "static" / "vendor" / BASEMAP_FILE).read_text(encoding="utf-8")
    # Antarctica reaches the pole, which a web-mercator map cannot show: it would draw as a band at the edge.
    return topojson_to_geojson(json.loads(raw), "countries", skip=frozenset({"Antarctica"}))
