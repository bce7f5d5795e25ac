"""The throughput bar: the whole pipeline with SQLite storage on 1 and 2 Dask workers, against the NLP floor.

Corpus: the 804 FA-KES articles (text column of ../shared/eval/fa_kes_syria/fakes.csv, cp1252), and
larger corpora that repeat them with a numbered last line, so every copy is a new text to the store.
For each size: the NLP floor (spaCy's `nlp.pipe` alone with the model's stock components, in a fresh process,
the pipeline's batch size), Lanner's own nlp stage alone (the same model with its table-driven attribute ruler
and lemmatizer, which assign the same values faster, and NumPy's matrix products instead of BLIS;
`--no-own-floor` skips it), then `ingest_distributed` into a fresh SQLite database with each worker count (cluster
start-up timed apart), with articles/s, words/s, peak RSS per worker and the ratio to the floor. For N > 1
workers the floor is also timed in N processes side by side, each over its share (`over_floor` compares with the
floor in as many processes; `over_ideal_floor` with the one-process floor divided by N, as if running side by
side cost nothing; `over_own_nlp_floor` with Lanner's own nlp stage so divided). With `--bracket` (the default)
each floor is timed both just before and just after the pipeline run it is compared with, and `over_floor` uses
their mean: the machine's speed drifts by several per cent within minutes, and a floor timed on one side only
charged that drift to the pipeline (one run's two-process floor used 7% less CPU per article than its
one-process floor). Both timings are kept (`floor_before`, `floor_after`). `--profile N` also profiles the
in-process path (analysis, Parquet round trip, store writes) over N articles and sums time by part.
Prints the figures and writes benchmarks/results/throughput.json. Asserts nothing.

    python benchmarks/throughput.py                       # 804 and 20,000 articles, 1 and 2 workers
    python benchmarks/throughput.py --sizes 804 --profile 200   # the quick run
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import json
import multiprocessing
import os
import platform
import pstats
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from lanner.config import Config, default_eval_dir
from lanner.records import Article

HERE = Path(__file__).resolve().parent
TARGETS = {"articles_per_second_2_workers": 25.0, "speedup_1_to_2": 1.8, "rss_gb_per_worker": 1.5, "over_floor": 1.3}


def fakes_texts() -> list[str]:
    """The FA-KES article texts, each once (15 of the 804 rows repeat another row's text)."""
    path = default_eval_dir() / "fa_kes_syria" / "fakes.csv"
    with path.open(encoding="cp1252", errors="replace", newline="") as handle:
        texts = [row.get("article_content") or "" for row in csv.DictReader(handle)]
    return list(dict.fromkeys(text for text in texts if text.strip()))


def corpus_texts(base: list[str], size: int) -> list[str]:
    """`size` texts: the base texts, then copies whose added last line makes each one a new document."""
    texts = base[:size]
    copy = 1
    while len(texts) < size:
        texts.extend(f"{text}\n\n(Copy {copy}.)" for text in base[: size - len(texts)])
        copy += 1
    return texts


def write_corpus(texts: list[str], folder: Path) -> Path:
    path = folder / f"corpus-{len(texts)}.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for number, text in enumerate(texts):
            handle.write(json.dumps({"id": f"a{number}", "text": text, "published": "2017-04-05"}) + "\n")
    return path


def parallel_floor(texts: list[str], batch_size: int, processes: int, stock: bool = True) -> dict[str, Any]:
    """spaCy alone in `processes` processes at once, each over its share of the texts, timed from the
    moment all have loaded the model: the floor for that many workers on this machine, including what
    running side by side costs (two cores sharing caches and memory bandwidth, the machine's other load).

    `stock` runs the model's own components (the floor the targets are measured against); `False` runs the nlp
    stage as Lanner runs it, with its table-driven attribute ruler and lemmatizer (`lanner.nlp.lookups`) and
    NumPy's matrix products (`lanner.nlp.load_language`)."""
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(processes), context.Queue()
    shares = [texts[number::processes] for number in range(processes)]
    children = [
        context.Process(target=_floor_share, args=(share, batch_size, stock, barrier, results)) for share in shares
    ]
    for child in children:
        child.start()
    timings = [results.get() for _ in children]
    for child in children:
        child.join()
    seconds = max(end for _start, end, _cpu in timings) - min(start for start, _end, _cpu in timings)
    words = sum(len(text.split()) for text in texts)
    return {
        "processes": processes,
        "seconds": round(seconds, 2),
        "cpu_seconds": round(sum(cpu for _start, _end, cpu in timings), 2),
        "articles_per_second": round(len(texts) / seconds, 1),
        "words_per_second": round(words / seconds, 1),
    }


def _floor_share(texts: list[str], batch_size: int, stock: bool, barrier: Any, results: Any) -> None:
    from lanner.nlp import load_language

    nlp = load_language(Config().model, lookup_components=not stock, numpy_matmul=not stock)
    barrier.wait()
    started, cpu = time.monotonic(), time.thread_time()  # CLOCK_MONOTONIC: one clock for all processes
    for _doc in nlp.pipe(texts, batch_size=batch_size):
        pass
    results.put((started, time.monotonic(), time.thread_time() - cpu))


def dask_run(corpus: Path, texts: list[str], workers: int, partition_size: int, folder: Path) -> dict[str, Any]:
    """One distributed ingest into a fresh SQLite file; start-up (cluster and pipeline load) timed apart."""
    from distributed import Client

    from lanner.scale import ingest_distributed, local_cluster, register_pipeline
    from lanner.store import open_store

    config = Config()
    db = folder / f"throughput-{len(texts)}-{workers}w.db"
    started = time.perf_counter()
    with local_cluster(workers) as cluster, Client(cluster) as client:
        register_pipeline(client, config)
        startup = time.perf_counter() - started
        with open_store(db) as store:
            started, cpu = time.perf_counter(), time.process_time()
            summary = ingest_distributed(
                [corpus], store, client=client, config=config, partition_size=partition_size, run_dir=folder
            )
            seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        rss = client.run(_peak_rss)
    words = sum(len(text.split()) for text in texts)
    per_worker: dict[str, float] = defaultdict(float)
    for partition in summary.partitions:
        per_worker[partition.worker] += partition.seconds
    return {
        "workers": workers,
        "startup_seconds": round(startup, 2),
        "seconds": round(seconds, 2),
        "articles": summary.articles_processed,
        "events": summary.events_stored,
        "articles_per_second": round(summary.articles_processed / seconds, 1),
        "words_per_second": round(words / seconds, 1),
        "peak_rss_mb_per_worker": sorted(round(value / 2**20) for value in rss.values()),
        "busy_seconds_per_worker": sorted(round(value, 1) for value in per_worker.values()),
        "worker_cpu_seconds": round(sum(partition.cpu_seconds for partition in summary.partitions), 2),
        "client_cpu_seconds": round(cpu, 2),  # reading, partitioning, merging into the store
    }


def _peak_rss() -> int:
    from lanner.scale.partitions import peak_rss_bytes

    return peak_rss_bytes()


GROUPS = (
    ("spacy (nlp)", ("spacy", "thinc", "numpy", "cymem", "preshed", "srsly", "blis")),
    ("lanner.events", ("lanner/events",)),
    ("lanner.geo", ("lanner/geo",)),
    ("lanner.actors", ("lanner/actors",)),
    ("lanner.time", ("lanner/time", "dateparser", "regex", "dateutil", "tzlocal", "pytz")),
    ("lanner.store + SQL", ("lanner/store", "sqlalchemy", "sqlite3")),
    ("lanner.scale + Parquet/JSON", ("lanner/scale", "lanner/records", "pyarrow", "json")),
)


def _group(filename: str) -> str:
    """The part of the code a profiled function belongs to, by its file (Cython files have relative paths)."""
    path = "/" + filename.replace("\\", "/")
    for name, needles in GROUPS:
        if any(f"/{needle}/" in path or f"/{needle}." in path for needle in needles):
            return name
    return "builtins" if filename.startswith(("~", "<")) else "other"


def profile_in_process(texts: list[str], folder: Path) -> dict[str, Any]:
    """cProfile the work one worker and the writer do for each article, in one process; own time by part."""
    from lanner.pipeline import Pipeline
    from lanner.scale import read_partition, write_partition
    from lanner.store import open_store

    pipeline = Pipeline.build(Config())
    articles = [Article(text=text) for text in texts]
    profiler = cProfile.Profile()
    with open_store(folder / "profile.db") as store:
        profiler.enable()
        write_partition(folder / "profile.parquet", pipeline.pipe(articles), "profile")
        for rows in read_partition(folder / "profile.parquet")[1]:
            store.write_rows(rows)
        profiler.disable()
    stats = pstats.Stats(profiler)
    by_group: dict[str, float] = defaultdict(float)
    top: list[tuple[float, str]] = []
    for (filename, line, function), (_cc, _nc, tottime, cumtime, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        by_group[_group(filename)] += tottime
        if "lanner/" in filename:
            top.append((cumtime, f"{filename.split('lanner/', 1)[1]}:{line} {function}"))
    total = sum(by_group.values())
    return {
        "articles": len(articles),
        "seconds": round(total, 2),
        "share_by_part": {
            name: round(value / total, 3) for name, value in sorted(by_group.items(), key=lambda kv: -kv[1])
        },
        "top_lanner_cumulative_seconds": [
            {"function": name, "seconds": round(seconds, 2)} for seconds, name in sorted(top, reverse=True)[:15]
        ],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="804,20000", help="comma-separated corpus sizes ('' for none)")
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts (default 1,2)")
    parser.add_argument("--partition-size", type=int, default=64)
    parser.add_argument(
        "--own-floor",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="also time the nlp stage as Lanner runs it (lookup components, NumPy matmul) in one process",
    )
    parser.add_argument(
        "--bracket",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="time each floor before and after the pipeline run it is compared with, and use the mean",
    )
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="also profile N articles in process")
    parser.add_argument("--out", type=Path, default=HERE / "results" / "throughput.json")
    args = parser.parse_args()
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, "1")  # the floor gets one core, as each Dask worker (and its nanny sets these)

    base = fakes_texts()
    batch_size = Config().batch_size
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=HERE).stdout
    figures: dict[str, Any] = {
        "commit": commit.strip(),
        "machine": platform.platform(),
        "cpus": os.cpu_count(),
        "load_average_at_start": [round(value, 2) for value in os.getloadavg()],
        "batch_size": batch_size,
        "partition_size": args.partition_size,
        "targets": TARGETS,
        "runs": [],
    }
    with tempfile.TemporaryDirectory(prefix="lanner-throughput-") as temporary:
        folder = Path(temporary)
        for size in (int(value) for value in args.sizes.split(",") if value):
            texts = corpus_texts(base, size)
            corpus = write_corpus(texts, folder)
            run: dict[str, Any] = {"articles": size, "words": sum(len(text.split()) for text in texts)}
            own = None
            if args.own_floor:  # how much of the gap is Lanner's own stages, now that its spaCy runs faster
                print(f"[{size} articles] Lanner's nlp stage alone ...", file=sys.stderr, flush=True)
                run["own_nlp_floor"] = own = parallel_floor(texts, batch_size, 1, stock=False)
            worker_counts = [int(value) for value in args.workers.split(",")]
            floor = None  # in one process: needed for 1 worker, and as the ideal for more
            if 1 in worker_counts or not args.bracket:
                print(f"[{size} articles] NLP floor ...", file=sys.stderr, flush=True)
                # in a fresh process, like a worker: measured in this process after the Dask runs of a smaller
                # size, spaCy ran about 14% slower, which flattered every ratio
                run["floor"] = floor = parallel_floor(texts, batch_size, 1)
            run["pipeline"] = []
            for workers in worker_counts:
                before = floor
                if workers > 1:  # the floor in as many processes, run side by side
                    print(f"[{size} articles] NLP floor in {workers} processes ...", file=sys.stderr, flush=True)
                    before = parallel_floor(texts, batch_size, workers) if args.bracket else None
                print(f"[{size} articles] {workers} worker(s) ...", file=sys.stderr, flush=True)
                result = dask_run(corpus, texts, workers, args.partition_size, folder)
                after = None
                if args.bracket or workers > 1:
                    print(f"[{size} articles] NLP floor again ...", file=sys.stderr, flush=True)
                    after = parallel_floor(texts, batch_size, workers)
                timed = [timing for timing in (before, after) if timing is not None]
                result["floor"] = _mean_floor(timed)
                result["floor_before"], result["floor_after"] = before, after
                result["over_floor"] = round(result["seconds"] / result["floor"]["seconds"], 3)
                # against the one-process floor spread perfectly over the workers: no cost for running side by side
                if floor is not None:
                    result["over_ideal_floor"] = round(result["seconds"] * workers / floor["seconds"], 3)
                if own is not None:  # against Lanner's own nlp stage in one process, spread over the workers
                    result["over_own_nlp_floor"] = round(result["seconds"] * workers / own["seconds"], 3)
                # all CPU the run spent (workers and the writing client) over the floor's: robust to a busy machine
                cpu = result["worker_cpu_seconds"] + result["client_cpu_seconds"]
                result["cpu_over_floor"] = round(cpu / result["floor"]["cpu_seconds"], 3)
                run["pipeline"].append(result)
            by_workers = {result["workers"]: result for result in run["pipeline"]}
            if 1 in by_workers and 2 in by_workers:
                run["speedup_1_to_2"] = round(by_workers[1]["seconds"] / by_workers[2]["seconds"], 2)
                two = by_workers[2]
                run["targets_met"] = {
                    "articles_per_second_2_workers": two["articles_per_second"]
                    >= TARGETS["articles_per_second_2_workers"],
                    "speedup_1_to_2": run["speedup_1_to_2"] >= TARGETS["speedup_1_to_2"],
                    "rss_gb_per_worker": max(two["peak_rss_mb_per_worker"]) / 1024 <= TARGETS["rss_gb_per_worker"],
                    "over_floor": max(r["over_floor"] for r in run["pipeline"]) <= TARGETS["over_floor"],
                }
            figures["runs"].append(run)
            print(json.dumps(run, indent=2), flush=True)
            _write(args.out, figures)  # after each size, so a long run that fails later keeps what it measured
        if args.profile:
            print(f"[profile] {args.profile} articles in process ...", file=sys.stderr, flush=True)
            figures["profile"] = profile_in_process(base[: args.profile], folder)
            print(json.dumps(figures["profile"], indent=2), flush=True)
    figures["load_average_at_end"] = [round(value, 2) for value in os.getloadavg()]
    _write(args.out, figures)


def _mean_floor(timings: list[dict[str, Any]]) -> dict[str, Any]:
    """One floor from its timings before and after a pipeline run: the mean time and CPU, so that a machine
    speeding up or slowing down steadily during the three measurements cancels out."""
    if len(timings) == 1:
        return timings[0]
    seconds = sum(timing["seconds"] for timing in timings) / len(timings)
    articles = timings[0]["articles_per_second"] * timings[0]["seconds"]
    words = timings[0]["words_per_second"] * timings[0]["seconds"]
    return {
        "processes": timings[0]["processes"],
        "seconds": round(seconds, 2),
        "cpu_seconds": round(sum(timing["cpu_seconds"] for timing in timings) / len(timings), 2),
        "articles_per_second": round(articles / seconds, 1),
        "words_per_second": round(words / seconds, 1),
        "timings": len(timings),
    }


def _write(path: Path, figures: dict[str, Any]) -> None:
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps(figures, indent=2) + "\n")


if __name__ == "__main__":
    main()
