"""Benchmark the web API on 1,000,000 synthetic events in SQLite; prints and writes benchmarks/results/web.json.

Builds (once, then reuses from the cache dir) a database with plausible distributions: ten years of
events growing over time, PLOVER types weighted as in conflict news, ~40 countries with a long tail,
points jittered around places, 80% asserted, one or two actors per event, and article rows behind
them. Rows go in with plain SQL (no NLP); the store's migrations (FTS triggers included) are live.

Then it measures, in-process through the app (FastAPI's TestClient: routing, parsing, SQL and JSON):
- filtered event lists (several filter mixes, 50 rows each, with their total): target p95 ≤ 100 ms
- the world map's data (server-side clusters at zoom 2): target ≤ 1 s
- the timeline (52 weeks, by type, with 4-week change): target ≤ 500 ms

Run: python benchmarks/web.py [--events 1000000] [--rounds 30] [--rebuild]
"""

from __future__ import annotations

import argparse
import itertools
import json
import platform
import random
import sqlite3
import statistics
import time
from datetime import date, timedelta
from pathlib import Path

from lanner.config import default_cache_dir

TYPES = {
    "ASSAULT": 34, "PROTEST": 14, "COERCE": 9, "ACCUSE": 6, "THREATEN": 5, "MOBILIZE": 5, "CONSULT": 5,
    "REQUEST": 4, "AGREE": 3, "SUPPORT": 3, "REJECT": 3, "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "SANCTION": 2, "CONCEDE": 1,
}  # fmt: skip
FACTUALITY = {"asserted": 80, "negated": 5, "hypothetical": 5, "future": 6, "generic": 4}
# (ISO code, approximate centre latitude, longitude, spread in degrees, weight)
COUNTRIES = [
    ("UA", 48.5, 35.0, 3, 120), ("SY", 35.0, 38.5, 1.5, 90), ("IQ", 33.5, 43.5, 2, 70), ("AF", 34.0, 66.0, 3, 70),
    ("YE", 15.5, 47.5, 2, 60), ("MX", 22.0, -101.0, 5, 55), ("IN", 23.0, 80.0, 6, 50), ("PK", 30.0, 70.0, 3, 45),
    ("NG", 9.5, 8.0, 3, 45), ("SO", 4.0, 45.5, 2.5, 40), ("CD", -2.0, 26.0, 4, 40), ("SD", 14.0, 30.0, 3, 35),
    ("ML", 16.0, -2.0, 3, 30), ("BF", 12.5, -1.5, 2, 30), ("MM", 20.0, 96.0, 3, 30), ("PS", 31.7, 35.1, 0.3, 30),
    ("IL", 31.5, 34.9, 0.6, 20), ("LB", 33.8, 35.8, 0.4, 15), ("LY", 29.0, 17.0, 4, 15), ("ET", 9.0, 39.0, 3, 25),
    ("CO", 4.5, -74.0, 3, 25), ("BR", -15.0, -50.0, 7, 20), ("PH", 12.0, 122.0, 4, 20), ("TR", 39.0, 35.0, 4, 20),
    ("CM", 5.5, 12.5, 2, 15), ("NE", 16.0, 8.0, 3, 15), ("MZ", -16.0, 36.0, 3, 10), ("SS", 7.5, 30.0, 2, 12),
    ("CF", 6.5, 20.5, 2, 10), ("EG", 27.0, 30.5, 3, 10), ("IR", 32.0, 53.0, 4, 10), ("US", 39.0, -98.0, 10, 15),
    ("FR", 46.5, 2.5, 2.5, 8), ("GB", 53.0, -1.5, 2, 6), ("VE", 7.5, -66.0, 3, 8), ("HT", 19.0, -72.5, 0.5, 8),
    ("KE", 0.5, 37.5, 2, 8), ("TD", 13.0, 19.0, 3, 6), ("RU", 55.5, 40.0, 6, 12), ("AZ", 40.3, 47.7, 1, 4),
]  # fmt: skip
ACTORS = 600
VERBS = ("attacked", "shelled", "protested against", "arrested", "accused", "threatened", "met", "raided", "struck")
NOUNS = ("the village", "a checkpoint", "the market", "a convoy", "the ministry", "a police station", "the town")


def _weighted(rng: random.Random, table: dict[str, int], n: int) -> list[str]:
    return rng.choices(list(table), weights=list(table.values()), k=n)


def build(path: Path, events: int, seed: int = 7) -> None:
    """Create the schema through the store, then insert synthetic rows in large transactions."""
    from lanner.store import open_store

    path.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    open_store(path).close()
    rng = random.Random(seed)
    db = sqlite3.connect(str(path), isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = OFF")
    db.execute("BEGIN")
    db.executemany(
        "INSERT INTO actors (actor_id, name, kind, country) VALUES (?, ?, ?, ?)",
        [
            (f"actor_{i}", f"Actor {i} {rng.choice(['Front', 'Army', 'Police', 'Brigade', 'Movement'])}",
             rng.choice(["armed_group", "state_forces", "government", "civilians", "other"]),
             rng.choice(COUNTRIES)[0])
            for i in range(ACTORS)
        ],
    )  # fmt: skip
    start, days = date(2015, 1, 1), 3652
    per_document = 10
    country_weights = [c[4] for c in COUNTRIES]
    actor_weights = list(itertools.accumulate(1 / (i + 1) for i in range(ACTORS)))  # Zipf: a few actors dominate
    batch_events: list[tuple] = []
    batch_actors: list[tuple] = []
    for n in range(events):
        if n % per_document == 0:
            doc = f"doc{n // per_document:07d}"
            published = start + timedelta(days=int(days * rng.random() ** 0.7))  # more news in later years
            db.execute(
                "INSERT INTO documents (id, title, url, published, source, text, processed_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (doc, f"Report {doc}", f"https://news.example.org/{doc}", published.isoformat(), "Synthetic Wire",
                 "Synthetic article text.", "2025-01-01T00:00:00+00:00"),
            )  # fmt: skip
        country, clat, clon, spread, _ = rng.choices(COUNTRIES, weights=country_weights)[0]
        type_ = _weighted(rng, TYPES, 1)[0]
        day = published - timedelta(days=rng.choice((0, 0, 1, 1, 2, 3, 6)))
        has_place = rng.random() > 0.12
        precision = rng.choices((1, 2, 3), weights=(60, 25, 15))[0]
        verb, noun = rng.choice(VERBS), rng.choice(NOUNS)
        evidence = f"Forces {verb} {noun} near site {n % 997} in {country} on {day.isoformat()}."
        batch_events.append(
            (
                f"ev{n:08d}", doc, f"ev-{n}", type_, None, "[]", None, None,
                f"Place {n % 5000}" if has_place else None, country if has_place else None,
                round(clat + rng.gauss(0, spread), 5) if has_place else None,
                round(clon + rng.gauss(0, spread), 5) if has_place else None,
                precision if has_place else None, day.isoformat(), day.isoformat(),
                rng.choices(("day", "week", "month"), weights=(70, 25, 5))[0], rng.choice(("text", "published")),
                int(rng.expovariate(0.3)) if type_ == "ASSAULT" else None, _weighted(rng, FACTUALITY, 1)[0],
                round(rng.uniform(0.4, 0.95), 2), 0, len(evidence), evidence, 7, 7 + len(verb), verb,
            )
        )  # fmt: skip
        source = f"actor_{rng.choices(range(ACTORS), cum_weights=actor_weights)[0]}"
        batch_actors.append((f"ev{n:08d}", source, "source", 0))
        if rng.random() < 0.6:
            target = f"actor_{rng.choices(range(ACTORS), cum_weights=actor_weights)[0]}"
            if target != source:
                batch_actors.append((f"ev{n:08d}", target, "target", 0))
        if len(batch_events) >= 50_000:
            _flush(db, batch_events, batch_actors)
    _flush(db, batch_events, batch_actors)
    db.execute("COMMIT")
    db.execute("ANALYZE")
    db.close()


def _flush(db: sqlite3.Connection, events: list[tuple], actors: list[tuple]) -> None:
    db.executemany(
        "INSERT INTO events (id, document_id, local_id, type, mode, context, acled_event_type, acled_sub_event_type, "
        "place_name, country, lat, lon, geo_precision, date_start, date_end, date_precision, date_basis, fatalities, "
        "factuality, confidence, evidence_start, evidence_end, evidence_text, trigger_start, trigger_end, "
        "trigger_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        events,
    )
    db.executemany("INSERT INTO event_actors (event_id, actor_id, role, position) VALUES (?, ?, ?, ?)", actors)
    events.clear()
    actors.clear()


def _timed(client, url: str, rounds: int) -> list[float]:
    timings = []
    for _ in range(rounds):
        began = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - began) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url}: {response.status_code} {response.text[:300]}")
    return timings


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))], 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--rebuild", action="store_true", help="Build the database again even if it is cached.")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "results" / "web.json")
    args = parser.parse_args()

    from fastapi.testclient import TestClient

    from lanner.store import open_store
    from lanner.web import create_app

    path = default_cache_dir() / "bench" / f"web-{args.events}.db"
    build_seconds = None
    if args.rebuild or not path.exists():
        began = time.perf_counter()
        build(path, args.events)
        build_seconds = round(time.perf_counter() - began, 1)
    store = open_store(path)  # applies any newer migrations (indexes) to a cached database
    client = TestClient(create_app(store))
    filtered = [
        "/events.json?type=ASSAULT&country=IQ&since=2020-01-01&limit=50",
        "/events.json?country=UA&factuality=all&limit=50",
        "/events.json?type=PROTEST&since=2023-01-01&until=2023-12-31&limit=50",
        "/events.json?actor=actor_3&limit=50",
        "/events.json?actor=actor_250&factuality=all&limit=50",
        "/events.json?source_actor=actor_1&target_actor=actor_2&limit=50",
        "/events.json?geo_precision=1&type=ASSAULT&min_fatalities=5&limit=50",
        "/events.json?bbox=40,30,50,38&since=2022-01-01&limit=50",
        "/events.json?near=33.3,44.4,100&limit=50",
        "/events.json?limit=50",
        "/events.json?type=ASSAULT&limit=50&offset=5000",
    ]
    client.get(filtered[0])  # warm the page cache once
    per_query = {url: _timed(client, url, args.rounds) for url in filtered}
    all_filtered = [t for timings in per_query.values() for t in timings]
    map_world = _timed(client, "/map.geojson?zoom=2", max(5, args.rounds // 3))
    map_all = _timed(client, "/map.geojson?zoom=2&factuality=all", max(5, args.rounds // 3))
    timeline = _timed(client, "/timeline.json", max(5, args.rounds // 3))
    timeline_full = _timed(client, "/timeline.json?since=2015-01-01", max(3, args.rounds // 10))
    search = _timed(client, "/search.json?q=convoy%20checkpoint&limit=50", max(5, args.rounds // 3))
    with store.connect() as conn:
        from sqlalchemy import text

        count = conn.execute(text("SELECT count(*) FROM events")).scalar_one()
    store.close()
    results = {
        "events": count,
        "database": str(path),
        "build_seconds": build_seconds,
        "machine": f"{platform.machine()} {platform.python_implementation()} {platform.python_version()}",
        "filtered_api_p95_ms": _p95(all_filtered),
        "filtered_api_median_ms": round(statistics.median(all_filtered), 1),
        "filtered_api_p95_ms_by_query": {url: _p95(t) for url, t in per_query.items()},
        "map_world_p95_ms": _p95(map_world),
        "map_world_all_factualities_p95_ms": _p95(map_all),
        "timeline_52_weeks_p95_ms": _p95(timeline),
        "timeline_ten_years_p95_ms": _p95(timeline_full),
        "search_p95_ms": _p95(search),
        "targets_ms": {"filtered_api_p95": 100, "map_world": 1000, "timeline": 500},
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
