"""How much the stages after spaCy add to the NLP stage's time (issue target: events + actors + dates ≤ 30%).

Corpus: the FA-KES Syrian-war articles in ../shared/eval/fa_kes_syria/fakes.csv (first N, default 300).
Runs the nlp stage over all articles with `nlp.pipe`, then times each later stage on the parsed docs.
Prints the figures and writes them to benchmarks/results/pipeline_overhead.json. Asserts nothing.

    python benchmarks/pipeline_overhead.py [N]
"""

from __future__ import annotations

import csv
import json
import platform
import subprocess
import sys
import time
from pathlib import Path

from lanner.config import Config, default_eval_dir
from lanner.pipeline import Pipeline
from lanner.records import Analysis, Article

HERE = Path(__file__).resolve().parent


def load_articles(limit: int) -> list[Article]:
    path = default_eval_dir() / "fa_kes_syria" / "fakes.csv"
    with path.open(encoding="cp1252", errors="replace", newline="") as handle:
        rows = list(csv.DictReader(handle))
    texts = [row.get("article_content") or "" for row in rows]
    return [Article(text=text) for text in texts if text.strip()][:limit]


def main() -> None:
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    articles = load_articles(limit)
    pipeline = Pipeline.build(Config())
    nlp_stage, *later = pipeline.stages
    words = sum(len(a.text.split()) for a in articles)

    started = time.perf_counter()
    analyses: list[Analysis] = list(nlp_stage.pipe(Analysis(article=a) for a in articles))  # type: ignore[attr-defined]
    nlp_seconds = time.perf_counter() - started

    stage_seconds: dict[str, float] = {}
    for stage in later:
        started = time.perf_counter()
        for analysis in analyses:
            stage(analysis)
        stage_seconds[stage.name] = time.perf_counter() - started

    budgeted = sum(stage_seconds[name] for name in ("actors", "dates", "events") if name in stage_seconds)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=HERE).stdout
    figures = {
        "commit": commit.strip(),
        "machine": platform.platform(),
        "articles": len(articles),
        "words": words,
        "nlp_seconds": round(nlp_seconds, 3),
        "nlp_words_per_second": round(words / nlp_seconds, 1),
        "stage_seconds": {name: round(seconds, 3) for name, seconds in stage_seconds.items()},
        "events_found": sum(len(a.events) for a in analyses),
        "actors_dates_events_over_nlp": round(budgeted / nlp_seconds, 3),
        "all_later_stages_over_nlp": round(sum(stage_seconds.values()) / nlp_seconds, 3),
    }
    print(json.dumps(figures, indent=2))
    out = HERE / "results" / "pipeline_overhead.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(figures, indent=2) + "\n")


if __name__ == "__main__":
    main()
