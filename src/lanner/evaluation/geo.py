"""Geoparsing evaluation on three news corpora (../shared/eval/geoparsing_news_gritta).

* GeoWebNews (GWN.xml): gold = toponyms with a GeoNames id and coordinates (the 2,401 of
  gwn_full_gold.txt); a prediction matches a gold toponym when their spans overlap.
* LGL (lgl.xml): gold = toponyms with a `gaztag` and coordinates (4,462); a prediction matches when
  the span midpoints are under 10 characters apart and the surface strings are equal (case-insensitive).
* TR-News (TR-News.xml): gold = toponyms with a `gaztag` and coordinates (1,275); spans overlap, as for
  GWN, because TR-News offsets, like GWN's, are sometimes a character off the surface string.

Matching follows score_geocoding.py: each gold toponym takes the first unused prediction that matches,
and only resolved predictions (with coordinates) take part, so unresolved names neither match nor count
as false positives. Geotag precision is matched / resolved predictions; it is understated, because
the gold leaves out many real toponyms (GWN and TR-News annotate demonyms, which we do not predict, and
leave some names out).

Splits are fixed by the article's position in its file: article index % 3 == 0 is "dev" (tune here),
the rest is "test" (report these); "all" is both.

Resolution figures are over matched toponyms: acc@161km, mean and median error in km, and AUC, the
trapezoid area under sorted log(1 + error km) divided by log(20039) * (n - 1) (Gritta et al. 2018;
lower is better).
"""

from __future__ import annotations

import math
import statistics
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lanner.errors import Code, EvalError
from lanner.evaluation.base import EvalReport, require_file
from lanner.geo.resolve import haversine_km
from lanner.records import Article

if TYPE_CHECKING:
    from lanner.pipeline import Pipeline

CORPUS_DIR = "geoparsing_news_gritta"
SPLITS = ("dev", "test", "all")
EARTH_HALF_CIRCUMFERENCE_KM = 20039

# Published and reproduced figures from the corpus README (acc@161 on each system's own matched set).
BASELINES: dict[str, dict[str, dict[str, Any]]] = {
    "gwn": {
        "Edinburgh Geoparser (reproduced)": {"geotag_f1": 0.682, "matched": 1380, "acc161": 0.903,
                                             "mean_km": 402, "auc": 0.087},
        "Yahoo! Placemaker (reproduced)": {"geotag_f1": 0.774, "matched": 1691, "acc161": 0.665,
                                           "mean_km": 356, "auc": 0.377},
        "EMM NewsBrief (reproduced)": {"geotag_f1": 0.644, "matched": 1621, "acc161": 0.470,
                                       "mean_km": 1311, "auc": 0.485},
        "Mordecai 3 (own held-out split, README)": {"matched": 474, "acc161": 0.941, "mean_km": 249,
                                                    "note": "trained on part of GWN"},
    },
    "lgl": {
        "CamCoder (published)": {"acc161": 0.76, "mean_km": 700, "auc": 0.22},
        "Edinburgh Geoparser (reproduced)": {"geotag_f1": 0.620, "matched": 2439, "acc161": 0.760,
                                             "mean_km": 754, "auc": 0.249},
        "CLIFF (reproduced)": {"geotag_f1": 0.644, "matched": 2459, "acc161": 0.719, "mean_km": 1095,
                               "auc": 0.244},
        "Yahoo! Placemaker (reproduced)": {"geotag_f1": 0.590, "matched": 2434, "acc161": 0.718,
                                           "mean_km": 565, "auc": 0.336},
        "CLAVIN (reproduced)": {"geotag_f1": 0.573, "matched": 1977, "acc161": 0.706, "mean_km": 1278,
                                "auc": 0.255},
        "GeoTxt (reproduced)": {"geotag_f1": 0.681, "matched": 2643, "acc161": 0.678, "mean_km": 1386,
                                "auc": 0.288},
        "Population baseline (published)": {"acc161": 0.70, "mean_km": 1200, "auc": 0.27},
        "Mordecai 3 (own held-out split, README)": {"matched": 967, "acc161": 0.827, "mean_km": 304,
                                                    "note": "trained on part of LGL"},
    },
    "trnews": {
        "Mordecai 3 (own held-out split, README)": {"matched": 274, "acc161": 0.873, "mean_km": 295,
                                                    "note": "trained on part of TR-News"},
    },
}  # fmt: skip


@dataclass(frozen=True)
class GoldToponym:
    start: int
    end: int
    text: str
    lat: float
    lon: float


@dataclass(frozen=True)
class GoldArticle:
    text: str
    toponyms: tuple[GoldToponym, ...]


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text is not None and text.strip() else None
    except ValueError:
        return None


def _parse(path: Path) -> ET.Element:
    try:
        return ET.parse(require_file(path)).getroot()
    except ET.ParseError as exc:
        raise EvalError(Code.EVAL_DATA_MISSING, f"cannot parse gold file {path}: {exc}") from exc


def read_gwn(path: Path) -> list[GoldArticle]:
    """GWN articles with their GeoNames-linked, coordinate-bearing toponyms."""
    articles = []
    for article in _parse(path).iter("article"):
        text = article.findtext("text") or ""
        gold = []
        for t in article.iter("toponym"):
            lat, lon = _float(t.findtext("latitude")), _float(t.findtext("longitude"))
            if lat is None or lon is None or not (t.findtext("geonamesID") or "").strip():
                continue
            start, end = int(t.findtext("start") or 0), int(t.findtext("end") or 0)
            gold.append(GoldToponym(start, end, t.findtext("extractedName") or text[start:end], lat, lon))
        articles.append(GoldArticle(text, tuple(gold)))
    return articles


def read_gaztagged(path: Path) -> list[GoldArticle]:
    """LGL and TR-News: toponyms whose `gaztag` carries coordinates."""
    articles = []
    for article in _parse(path).iter("article"):
        text = article.findtext("text") or ""
        gold = []
        for t in article.iter("toponym"):
            tag = t.find("gaztag")
            if tag is None:
                continue
            lat, lon = _float(tag.findtext("lat")), _float(tag.findtext("lon"))
            if lat is None or lon is None:
                continue
            start, end = int(t.findtext("start") or 0), int(t.findtext("end") or 0)
            gold.append(GoldToponym(start, end, t.findtext("phrase") or text[start:end], lat, lon))
        articles.append(GoldArticle(text, tuple(gold)))
    return articles


def select(articles: list[GoldArticle], split: str) -> list[GoldArticle]:
    """The articles of one split: index % 3 == 0 is dev, the rest test."""
    if split not in SPLITS:
        raise EvalError(Code.EVAL_UNKNOWN, f"unknown split {split!r}; known: {', '.join(SPLITS)}")
    if split == "all":
        return articles
    return [a for i, a in enumerate(articles) if (i % 3 == 0) == (split == "dev")]


Match = Callable[[tuple[int, int, str], GoldToponym], bool]


def overlap(pred: tuple[int, int, str], gold: GoldToponym) -> bool:
    return pred[0] < gold.end and gold.start < pred[1]


def midpoint_and_surface(pred: tuple[int, int, str], gold: GoldToponym) -> bool:
    near = abs((pred[0] + pred[1]) / 2 - (gold.start + gold.end) / 2) < 10
    return near and pred[2].lower() == gold.text.lower()


def geocoding_figures(errors: list[float]) -> dict[str, float | None]:
    """acc@161km, mean and median error, and Gritta's AUC over matched toponyms."""
    if not errors:
        return {"acc161": None, "mean_km": None, "median_km": None, "auc": None}
    logs = sorted(math.log(e + 1) for e in errors)
    area = sum((logs[i] + logs[i + 1]) / 2 for i in range(len(logs) - 1))
    auc = area / (math.log(EARTH_HALF_CIRCUMFERENCE_KM) * (len(logs) - 1)) if len(logs) > 1 else 0.0
    return {
        "acc161": round(sum(e < 161 for e in errors) / len(errors), 4),
        "mean_km": round(statistics.fmean(errors), 1),
        "median_km": round(statistics.median(errors), 1),
        "auc": round(auc, 4),
    }


def score(pipeline: Pipeline, articles: list[GoldArticle], match: Match) -> dict[str, Any]:
    """Run the nlp and places stages over the articles and score them against the gold."""
    gold_count = predicted = matched = 0
    errors: list[float] = []
    analyses = pipeline.only("nlp", "places").pipe(Article(text=a.text) for a in articles)
    for gold_article, analysis in zip(articles, analyses, strict=True):
        preds = [
            (p.start, p.end, p.text, p.place.lat, p.place.lon)
            for p in analysis.places
            if p.place is not None and p.place.lat is not None and p.place.lon is not None
        ]
        predicted += len(preds)
        gold_count += len(gold_article.toponyms)
        for g in gold_article.toponyms:
            hit = next((p for p in preds if match((p[0], p[1], p[2]), g)), None)
            if hit is None:
                continue
            preds.remove(hit)
            matched += 1
            errors.append(haversine_km(g.lat, g.lon, float(hit[3]), float(hit[4])))  # type: ignore[arg-type]
    precision = matched / predicted if predicted else 0.0
    recall = matched / gold_count if gold_count else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "articles": len(articles),
        "gold_toponyms": gold_count,
        "predicted_resolved": predicted,
        "matched": matched,
        "recall": round(recall, 4),
        "geotag_precision": round(precision, 4),
        "geotag_f1": round(f1, 4),
        **geocoding_figures(errors),
    }


def _evaluate(name: str, corpus: str, articles: list[GoldArticle], match: Match, rule: str,
              pipeline: Pipeline, split: str) -> EvalReport:  # fmt: skip
    figures = score(pipeline, select(articles, split), match)
    notes = [
        f"matching rule: {rule}; only resolved predictions take part",
        "split: article index % 3 == 0 is dev, the rest test",
        "geocoding figures are over matched toponyms; baselines are each over its own matched set",
    ]
    return EvalReport(name=name, split=split, figures=figures, notes=notes, baselines=BASELINES[corpus])


def evaluate_gwn(pipeline: Pipeline, eval_dir: Path, split: str) -> EvalReport:
    articles = read_gwn(Path(eval_dir) / CORPUS_DIR / "GWN.xml")
    return _evaluate("geo-gwn", "gwn", articles, overlap, "spans overlap", pipeline, split)


def evaluate_lgl(pipeline: Pipeline, eval_dir: Path, split: str) -> EvalReport:
    articles = read_gaztagged(Path(eval_dir) / CORPUS_DIR / "lgl.xml")
    rule = "span midpoints < 10 chars apart and equal surface (case-insensitive)"
    return _evaluate("geo-lgl", "lgl", articles, midpoint_and_surface, rule, pipeline, split)


def evaluate_trnews(pipeline: Pipeline, eval_dir: Path, split: str) -> EvalReport:
    articles = read_gaztagged(Path(eval_dir) / CORPUS_DIR / "TR-News.xml")
    return _evaluate("geo-trnews", "trnews", articles, overlap, "spans overlap", pipeline, split)
