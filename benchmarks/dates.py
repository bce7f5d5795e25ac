"""Benchmark date resolution; prints and writes benchmarks/results/dates.json.

Measures microseconds per resolution of ~50 typical news expressions: cold (every (text, published)
pair new, so the rules run), warm (the same pairs again, from the cache), the dateparser fallback
cold, and the one-off cost of loading dateparser on first need. Asserts nothing.

Run: python benchmarks/dates.py [--rounds 200]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from datetime import date, timedelta
from pathlib import Path

from lanner.time import DateResolver

TYPICAL = (
    "Monday", "Tuesday", "on Wednesday", "Friday's", "Saturday night", "early Sunday", "late Monday",
    "yesterday", "today", "last night", "this week", "last week", "earlier this week", "the weekend",
    "last month", "this month", "earlier this month", "late June", "mid-March 2011", "March 2011",
    "June 2014", "July 4, 2016", "4 July 2016", "2016-07-04", "August 21", "2014", "in 2016", "1988",
    "last year", "this year", "earlier this year", "three years ago", "two weeks ago", "just days ago",
    "recent days", "recent weeks", "recent months", "the past week", "the past decade",
    "the last three years", "in the past nine months", "the end of 2016", "early 2015", "mid-2017",
    "late 2016", "the first half of this year", "the first six months of 2016", "the summer of 2014",
    "the 1990s", "since 2011", "between 2014 and 2016", "the holy month of Ramadan",
    # understood as not dates
    "nine months", "two years", "several days", "a 25-year-old", "daily", "the next day",
)  # fmt: skip
FALLBACK = ("2 weeks ago today", "1 year, 2 months ago", "Thu, 06 Jul 2017", "2016 July 4", "4 Jul 16")
BASE = date(2017, 7, 11)


def _per_call_us(resolver: DateResolver, texts: tuple[str, ...], days: range) -> list[float]:
    """Microseconds per call for each round (one publication date per round)."""
    timings = []
    for offset in days:
        published = BASE + timedelta(days=offset)
        started = time.perf_counter()
        for text in texts:
            resolver.resolve(text, published)
        timings.append(1e6 * (time.perf_counter() - started) / len(texts))
    return timings


def _summary(timings: list[float]) -> dict[str, float]:
    ordered = sorted(timings)
    return {
        "mean_us": round(statistics.fmean(ordered), 2),
        "median_us": round(statistics.median(ordered), 2),
        "p95_us": round(ordered[int(0.95 * (len(ordered) - 1))], 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "results" / "dates.json")
    args = parser.parse_args()

    resolver = DateResolver()
    _per_call_us(resolver, TYPICAL, range(-5, 0))  # warm up the interpreter's caches, not ours
    resolver.cache_clear()
    cold = _per_call_us(resolver, TYPICAL, range(args.rounds))  # a new date each round: all misses
    warm = _per_call_us(resolver, TYPICAL, range(args.rounds))  # the same pairs again: all hits

    fallback = DateResolver()
    started = time.perf_counter()
    fallback.resolve(FALLBACK[0], BASE)
    first_load_ms = 1000 * (time.perf_counter() - started)
    fallback_cold = _per_call_us(fallback, FALLBACK, range(1, 1 + min(args.rounds, 50)))

    per_expression = {}
    for text in TYPICAL:
        single = DateResolver()
        started = time.perf_counter()
        for offset in range(args.rounds):
            single.resolve(text, BASE + timedelta(days=offset))
        per_expression[text] = round(1e6 * (time.perf_counter() - started) / args.rounds, 1)
    slowest = dict(sorted(per_expression.items(), key=lambda item: -item[1])[:5])

    results = {
        "expressions": len(TYPICAL),
        "rounds": args.rounds,
        "cold_rules": _summary(cold),
        "warm_cached": _summary(warm),
        "fallback_cold": _summary(fallback_cold),
        "fallback_first_call_ms": round(first_load_ms, 1),
        "slowest_cold_us": slowest,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
