"""Benchmark the gazetteer and the places stage; prints and writes benchmarks/results/geo.json.

Measures: build time (in a fresh temporary cache), load time of the built index, size on disk, counts
of places, names and alternate names, and milliseconds per toponym for recognition plus resolution
(the places stage alone, over the parsed TR-News articles) and for resolution alone. Asserts nothing.

Run: python benchmarks/geo.py [--eval-dir ../shared/eval]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from lanner.evaluation.geo import CORPUS_DIR, read_gaztagged
from lanner.geo import Gazetteer, PlaceStage
from lanner.geo.recognize import gazetteer_mentions, ner_mentions
from lanner.nlp import load_language
from lanner.records import Analysis, Article


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=Path("../shared/eval"))
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "results" / "geo.json")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as cache:
        started = time.perf_counter()
        Gazetteer.open(Path(cache)).close()
        build_seconds = time.perf_counter() - started
        started = time.perf_counter()
        gazetteer = Gazetteer.open(Path(cache))
        load_seconds = time.perf_counter() - started
        info = gazetteer.info()

        nlp = load_language()
        texts = [a.text for a in read_gaztagged(args.eval_dir / CORPUS_DIR / "TR-News.xml")]
        docs = list(nlp.pipe(texts))
        stage = PlaceStage(gazetteer)
        started = time.perf_counter()
        toponyms = 0
        for text, doc in zip(texts, docs, strict=True):
            toponyms += len(stage(Analysis(Article(text=text), doc=doc)).places)
        stage_seconds = time.perf_counter() - started

        cold = PlaceStage(Gazetteer.open(Path(cache)))
        mentions = []
        for doc in docs:
            found = ner_mentions(doc, cold.gazetteer)
            found += gazetteer_mentions(doc, cold.gazetteer, set())
            mentions.append(sorted(found, key=lambda m: m.start))
        started = time.perf_counter()
        for doc, found in zip(docs, mentions, strict=True):
            cold.resolver.resolve(doc, found)
        resolve_seconds = time.perf_counter() - started
        resolved_count = sum(len(m) for m in mentions)

    results = {
        "gazetteer_build_seconds": round(build_seconds, 2),
        "gazetteer_load_seconds": round(load_seconds, 3),
        "gazetteer_size_mb": round(info["size_bytes"] / 1e6, 1),
        "places": info["places"],
        "names": info["names"],
        "alternate_names": info["alternate_names"],
        "sources": info["sources"],
        "articles": len(texts),
        "toponyms": toponyms,
        "ms_per_toponym_stage": round(1000 * stage_seconds / max(1, toponyms), 3),
        "ms_per_toponym_resolution_only": round(1000 * resolve_seconds / max(1, resolved_count), 3),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
