"""`lanner eval fakes`: FA-KES, 804 Syrian-war articles with crowd-extracted event attributes.

Gold: ../shared/eval/fa_kes_syria/fakes.csv (cp1252; CC BY via Zenodo 2607278, Abu Salem et al. 2019): per
article a governorate, a perpetrator class (7 VDC categories), a cause of death and casualty counts. The
article's `date` is passed as its publication date. Split: articles at positions 0, 3, 6, ... are dev.

The article's main event: the first asserted ASSAULT event that has a source, else the first asserted ASSAULT,
else the surest asserted material event (one with an ACLED type); else none. (Chosen on dev over "the most
lethal": the largest toll in these articles is often the war's background count, "the conflict has killed
more than 280000 people", which has no perpetrator.)

* Governorate: the main event's place, if it is in Syria and has a governorate; otherwise the governorate
  named most often among the article's resolved Syrian places (first mention breaks ties). Both sides are
  normalised to one key per governorate (`GOVERNORATES`); Rif Dimashq (Damascus countryside, Ghouta) counts
  as "damascus" because the gold has no separate label for it and files its towns under Damascus.
* Perpetrator class: the main event's first source actor with a class (`perpetrator_class`: the actor,
  then its parents); "unknown" when there is none. Macro-F1 over the 7 gold classes, plus accuracy.
* Cause of death: from the main event's ACLED sub-event type, mode and trigger (`cause_of_death`): air,
  drone, shelling and missile strikes → shelling (VDC files aerial bombardment as shelling); explosives and
  suicide bombs → explosion; chemical → chemical and toxic gases; execution triggers → execution; other
  assaults → shooting; no main event → unknown.
* Civilian casualties: the largest fatality count among asserted events whose targets include civilians;
  0 when none. Exact match and within-10% rate against `nb_civilians`, and mean absolute error.

On the dev split the notes carry an error analysis per field (commonest confusions with article titles).
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from lanner.evaluation.base import EvalReport, in_split, require_file
from lanner.evaluation.case2021 import per_class_f1
from lanner.records import Analysis, Article, Event

if TYPE_CHECKING:
    from datetime import date

    from lanner.pipeline import Pipeline

FOLDER = "fa_kes_syria"

# One key per governorate (the gold's spelling) ← normalised spellings seen in the gold, GeoNames and news.
GOVERNORATES: dict[str, str] = {
    **dict.fromkeys(["aleppo", "halab"], "aleppo"),
    **dict.fromkeys(["damascus", "dimashq", "rifdimashq", "rifdimashk", "damascuscountryside", "rif"], "damascus"),
    **dict.fromkeys(["idlib", "idleb"], "idlib"),
    **dict.fromkeys(["deirezzor", "deirezor", "dayrazzawr", "deirezzour", "deirazzor", "dairezzor"], "deir ezzor"),
    **dict.fromkeys(["raqqa", "raqqah", "arraqqah", "raqa"], "raqqa"),
    **dict.fromkeys(["homs", "hims"], "homs"),
    **dict.fromkeys(["hasakeh", "hasakah", "hasaka", "alhasakah", "alhasakeh", "hassakeh", "hasakah"], "hasakeh"),
    **dict.fromkeys(["hama", "hamah"], "hama"),
    **dict.fromkeys(["daraa", "dara", "deraa", "dar'a"], "daraa"),
    **dict.fromkeys(["lattakia", "latakia", "latakiyah", "alladhiqiyah", "ladhiqiyah"], "lattakia"),
    **dict.fromkeys(["quneitra", "qunaytirah", "alqunaytirah"], "quneitra"),
    **dict.fromkeys(["tartous", "tartus", "tartous"], "tartous"),
    **dict.fromkeys(["suwayda", "sweida", "assuwayda", "suwaida", "alsuwayda"], "suwayda"),
}
# Syrian admin1 codes as Lanner's gazetteer carries them: GeoNames' numeric codes and ISO 3166-2:SY letters.
ADMIN1_CODES: dict[str, str] = {
    "01": "hasakeh", "02": "lattakia", "03": "quneitra", "04": "raqqa", "05": "suwayda", "06": "daraa",
    "07": "deir ezzor", "08": "damascus", "09": "aleppo", "10": "hama", "11": "homs", "12": "idlib",
    "13": "damascus", "14": "tartous",
    "HA": "hasakeh", "LA": "lattakia", "QU": "quneitra", "RA": "raqqa", "SU": "suwayda", "DR": "daraa",
    "DY": "deir ezzor", "RD": "damascus", "HL": "aleppo", "HM": "hama", "HI": "homs", "ID": "idlib",
    "DI": "damascus", "TA": "tartous",
}  # fmt: skip

PERPETRATOR_CLASSES: dict[str, str] = {
    "syrian government or russian troops": "government",
    "the organization of the islamic state in iraq and the levant - isis": "isis",
    "international coalition forces": "coalition",
    "armed opposition groups": "opposition",
    "self administration forces": "kurdish",
    "al-nusra front": "nusra",
    "unknown": "unknown",
}
# Named actors (or their parents) → class; state actors are classed by country below.
_ACTOR_CLASSES: dict[str, str] = {
    "islamic_state": "isis",
    "al_nusra_front": "nusra",
    "jabhat_fateh_al_sham": "nusra",
    "hayat_tahrir_al_sham": "nusra",
    "sdf": "kurdish",
    "ypg": "kurdish",
    "ypj": "kurdish",
    "asayish_rojava": "kurdish",
    "pyd": "kurdish",
    "cjtf_oir": "coalition",
    "free_syrian_army": "opposition",
    "syrian_national_army": "opposition",
    "SY.rebels": "opposition",
    "generic.rebels": "opposition",
}
_COALITION_COUNTRIES = frozenset({"US", "GB", "FR", "AU", "CA", "NL", "BE", "DK", "JO", "SA", "AE", "BH", "QA"})
_SHELLING = frozenset({"Air/drone strike", "Shelling/artillery/missile attack"})
_EXPLOSION = frozenset({"Remote explosive/landmine/IED", "Suicide bomb", "Grenade"})
_EXECUTION = re.compile(r"execut|behead|decapitat|hang", re.IGNORECASE)
CAUSES: dict[str, str] = {
    "shelling": "shelling",
    "explosion": "explosion",
    "chemical and toxic gases": "chemical",
    "shooting": "shooting",
    "execution": "execution",
    "unknown": "unknown",
}


def _fold(name: str) -> str:
    """Lower case, no accents, no article prefix, letters only: "Deir ez-Zor" → "deirezzor"."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"\b(governorate|province|muhafazat|countryside of)\b", " ", text)
    text = re.sub(r"^(al|ar|as|ad|el)[- ]", "", text.strip())
    return re.sub(r"[^a-z']", "", text)


def governorate_key(name: str) -> str | None:
    """The governorate key for a name, or None when it names no Syrian governorate."""
    return GOVERNORATES.get(_fold(name))


def load_gold(eval_dir: Path) -> list[dict[str, str]]:
    """All articles in file order. The file is cp1252 with a few bytes cp1252 leaves undefined."""
    raw = require_file(eval_dir / FOLDER / "fakes.csv").read_bytes()
    return list(csv.DictReader(io.StringIO(raw.decode("cp1252", errors="replace"))))


def _published(value: str) -> date | None:
    from datetime import datetime

    try:
        return datetime.strptime(value.strip(), "%m/%d/%y").date()
    except ValueError:
        return None


def main_event(analysis: Analysis) -> Event | None:
    """The article's main event: first asserted ASSAULT with a source, else the first asserted ASSAULT, else
    the surest asserted material event."""
    asserted = [e for e in analysis.events if e.factuality == "asserted"]
    assaults = [e for e in asserted if e.type == "ASSAULT"]
    if assaults:
        return min(assaults, key=lambda e: (not e.source, e.trigger.start))
    material = [e for e in asserted if e.acled_event_type]
    return max(material, key=lambda e: (e.confidence, -e.trigger.start)) if material else None


def _place_governorate(country: str | None, admin1: str | None, name: str, feature: str) -> str | None:
    if country != "SY":
        return None
    if feature in ("admin1", "region") and governorate_key(name):
        return governorate_key(name)
    if admin1:
        return ADMIN1_CODES.get(admin1) or governorate_key(admin1)
    return governorate_key(name) if feature == "city" else None


def predicted_governorate(analysis: Analysis, event: Event | None) -> str | None:
    """The main event's Syrian governorate, else the one named most often in the article."""
    if event is not None and event.place is not None:
        place = event.place.place
        found = _place_governorate(place.country, place.admin1, place.name, place.feature)
        if found:
            return found
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for mention in analysis.places:
        if mention.place is None:
            continue
        p = mention.place
        key = _place_governorate(p.country, p.admin1, p.name, p.feature)
        if key:
            counts[key] += 1
            first.setdefault(key, mention.start)
    if not counts:
        return None
    return max(counts, key=lambda k: (counts[k], -first[k]))


def perpetrator_class(actor_ids: tuple[str, ...], pipeline: Pipeline) -> str:
    """The first source actor's class (the actor or one of its parents), "unknown" if none has one."""
    knowledge_base = pipeline.stage("events").knowledge_base  # type: ignore[attr-defined]
    for actor_id in actor_ids:
        seen: set[str] = set()
        current: str | None = actor_id
        while current and current not in seen:
            seen.add(current)
            if current in _ACTOR_CLASSES:
                return _ACTOR_CLASSES[current]
            actor = knowledge_base.get(current)
            if actor is None:
                break
            if actor.kind in ("state_forces", "government"):
                if actor.country in ("SY", "RU"):
                    return "government"
                if actor.country in _COALITION_COUNTRIES:
                    return "coalition"
            current = actor.parent
    return "unknown"


def cause_of_death(event: Event | None) -> str:
    """The VDC cause-of-death category the main event stands for."""
    if event is None:
        return "unknown"
    sub_type = event.acled_sub_event_type or ""
    if sub_type == "Chemical weapon":
        return "chemical"
    if sub_type in _SHELLING:
        return "shelling"
    if sub_type in _EXPLOSION:
        return "explosion"
    if _EXECUTION.search(event.trigger.text):
        return "execution"
    if event.type == "ASSAULT":
        return "shooting"
    return "unknown"


def civilian_deaths(analysis: Analysis, pipeline: Pipeline) -> int:
    """The largest stated death toll among asserted events that hit civilians; 0 when there is none."""
    knowledge_base = pipeline.stage("events").knowledge_base  # type: ignore[attr-defined]

    def hits_civilians(event: Event) -> bool:
        actors = (knowledge_base.get(actor_id) for actor_id in event.target)
        return any(actor is not None and actor.kind == "civilians" for actor in actors)

    tolls = [e.fatalities or 0 for e in analysis.events if e.factuality == "asserted" and hits_civilians(e)]
    return max(tolls, default=0)


def _accuracy(pairs: list[tuple[str, str]]) -> float | None:
    return round(sum(g == p for g, p in pairs) / len(pairs), 4) if pairs else None


def _confusion_notes(field: str, pairs: list[tuple[str, str]], titles: list[str]) -> list[str]:
    confusions = Counter((g, p) for g, p in pairs if g != p)
    notes = [f"dev errors, {field}: {sum(confusions.values())} of {len(pairs)}"]
    for (gold, predicted), count in confusions.most_common(6):
        title = next(t for t, pair in zip(titles, pairs, strict=True) if pair == (gold, predicted))
        notes.append(f"  {gold}→{predicted}: {count}, e.g. {title[:100]!r}")
    return notes


def evaluate_fakes(pipeline: Pipeline, eval_dir: Path, split: str) -> EvalReport:
    """Run every article of the split and score governorate, perpetrator, cause and civilian toll."""
    rows = [row for i, row in enumerate(load_gold(eval_dir)) if in_split(i, split)]
    articles = (
        Article(
            text=row["article_content"],
            title=row["article_title"],
            published=_published(row["date"]),
            source=row["source"],
            origin=f"fakes unit {row['unit_id']}",
        )
        for row in rows
    )
    place_pairs: list[tuple[str, str]] = []
    actor_pairs: list[tuple[str, str]] = []
    cause_pairs: list[tuple[str, str]] = []
    civilian_pairs: list[tuple[int, int]] = []
    for row, analysis in zip(rows, pipeline.pipe(articles), strict=True):
        event = main_event(analysis)
        place_pairs.append((governorate_key(row["location"]) or row["location"], predicted_governorate(analysis, event)
                            or "none"))  # fmt: skip
        actor_pairs.append(
            (PERPETRATOR_CLASSES.get(row["actor"].strip(), "unknown"), perpetrator_class(event.source, pipeline)
             if event else "unknown")
        )  # fmt: skip
        cause_pairs.append((CAUSES.get(row["cause_of_death"].strip(), "unknown"), cause_of_death(event)))
        civilian_pairs.append((int(row["nb_civilians"] or 0), civilian_deaths(analysis, pipeline)))
    total = len(rows)
    actor_f1 = per_class_f1(actor_pairs, set(PERPETRATOR_CLASSES.values()))
    cause_f1 = per_class_f1(cause_pairs, set(CAUSES.values()))
    figures: dict[str, float | int | None] = {
        "articles": total,
        "governorate_accuracy": _accuracy(place_pairs),
        "governorate_coverage": round(sum(p != "none" for _, p in place_pairs) / total, 4) if total else None,
        "perpetrator_macro_f1": round(sum(actor_f1.values()) / len(actor_f1), 4),
        "perpetrator_accuracy": _accuracy(actor_pairs),
        **{f"perpetrator_f1_{label}": round(score, 4) for label, score in actor_f1.items()},
        "cause_of_death_accuracy": _accuracy(cause_pairs),
        "cause_of_death_macro_f1": round(sum(cause_f1.values()) / len(cause_f1), 4),
        "civilian_deaths_exact": round(sum(g == p for g, p in civilian_pairs) / total, 4) if total else None,
        "civilian_deaths_within_10pct": (
            round(sum(abs(g - p) <= 0.1 * g for g, p in civilian_pairs) / total, 4) if total else None
        ),
        "civilian_deaths_mae": round(sum(abs(g - p) for g, p in civilian_pairs) / total, 2) if total else None,
    }
    notes = [
        "main event: first asserted ASSAULT with a source, else first asserted ASSAULT, else surest material event",
        "Rif Dimashq (Damascus countryside) counts as damascus, as the gold files it",
        "split: articles 0, 3, 6, ... are dev, the rest test; no published extraction scores on FA-KES",
    ]
    if split == "dev":
        titles = [row["article_title"] for row in rows]
        notes += _confusion_notes("governorate", place_pairs, titles)
        notes += _confusion_notes("perpetrator", actor_pairs, titles)
        notes += _confusion_notes("cause of death", cause_pairs, titles)
        civil = [(str(g), str(p)) for g, p in civilian_pairs]
        zero_pred = sum(1 for g, p in civilian_pairs if g and not p)
        notes.append(f"dev errors, civilian deaths: {zero_pred} articles with civilian deaths where Lanner found none")
        notes += _confusion_notes("civilian deaths", civil, titles)[1:4]
    return EvalReport(name="fakes", split=split, figures=figures, notes=notes)
