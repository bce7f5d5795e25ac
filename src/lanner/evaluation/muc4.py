"""`lanner eval muc4`: MUC-4 terrorism templates, scored in the spirit of the 1992 MUC scorer.

Gold: ../shared/eval/muc34_terrorism_templates (public domain, NIST MUC-3/4): texts/tst3-muc4 with
keys/key-tst3.v2 is test (the official MUC-4 test set); texts/tst2-muc4 with keys/key-tst2.v4 is dev.
The texts go in as they are (all capitals); the dateline's date is the publication date.

Lanner's templates: its asserted ASSAULT events, one template per incident type and place (an event with
no place joins the first template of its type). Slots filled:
INCIDENT: TYPE (abduction → KIDNAPPING; explosives, suicide bomb, grenade → BOMBING; burn/arson triggers →
ARSON; rob/loot triggers → ROBBERY; else ATTACK), INCIDENT: DATE (the first dated event's date),
INCIDENT: LOCATION (country and place), PERP: INDIVIDUAL ID (source actors that are generic agents:
"gunmen", "terrorists"), PERP: ORGANIZATION ID (named source actors), HUM TGT: NAME (target actors that
are persons) and HUM TGT: DESCRIPTION (other target actors), each as the actor's mention in the event's
sentence. Lanner has no physical-target field, so PHYS TGT: ID is not filled.

Scoring (simplified from scoring-guidelines.v7, which was interactive): templates are aligned per message
greedily by slot agreement, incident type first. Per slot: correct, partial (half credit), incorrect,
spurious, missing; recall = (COR + PAR/2) / (COR + PAR + INC + MIS), precision = (COR + PAR/2) /
(COR + PAR + INC + SPU). String fills: correct when equal to an alternative after dropping articles,
numbers and punctuation; partial when one's words contain the other's (a part of a name, or a response
with adjuncts). Dates: correct on the key's day or range; partial when Lanner's range overlaps the key's
(e.g. a week-long publication-date fallback containing the day). Location: correct when the most specific
name matches any named element of the key; partial when only the country does. Unmatched key templates
count their fills missing unless marked OPTIONAL; `?` fills are optional; templates in a message whose key
is `*` (irrelevant) are spurious. ALL-TEMPLATES is given twice: over the slots Lanner fills, and over
slots 2–24 as the 1992 figures are, where every key fill of a slot Lanner does not fill counts missing.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from lanner.errors import Code, EvalError
from lanner.evaluation.base import EvalReport, require_file
from lanner.records import Analysis, Article, Event

if TYPE_CHECKING:
    from lanner.pipeline import Pipeline

FOLDER = "muc34_terrorism_templates"
SETS = {"dev": [("tst2-muc4", "key-tst2.v4")], "test": [("tst3-muc4", "key-tst3.v2")]}
SETS["all"] = SETS["dev"] + SETS["test"]

TYPE, DATE, LOCATION = "INCIDENT: TYPE", "INCIDENT: DATE", "INCIDENT: LOCATION"
PERP_IND, PERP_ORG = "PERP: INDIVIDUAL ID", "PERP: ORGANIZATION ID"
HUM_NAME, HUM_DESC = "HUM TGT: NAME", "HUM TGT: DESCRIPTION"
FILLED_SLOTS = (TYPE, DATE, LOCATION, PERP_IND, PERP_ORG, HUM_NAME, HUM_DESC)
SCORED_FROM = 2  # slots 2..24 count in the official ALL TEMPLATES row

_SLOT_LINE = re.compile(r"^(\d+)\.\s+([A-Z ]+:\s?[A-Z ]+?)\s{2,}(.*)$")
_DOC_ID = re.compile(r"^((?:DEV|TST\d)-MUC\d-\d{4})\s*$", re.MULTILINE)
_KEY_DATE = re.compile(r"(\d{1,2}) ([A-Z]{3}) (\d{2})")
_DROP_WORDS = frozenset({"THE", "A", "AN", "SOME", "SEVERAL", "TWO", "THREE", "FOUR", "FIVE", "MANY", "ITS", "HIS"})
_ARSON = re.compile(r"burn|arson|set fire|torch|fire", re.IGNORECASE)
_ROBBERY = re.compile(r"rob|loot|steal|stole|hold-?up", re.IGNORECASE)
_BOMBING = frozenset({"Remote explosive/landmine/IED", "Suicide bomb", "Grenade"})
# Country names as the MUC keys write them, where pycountry's differ.
_COUNTRY_NAMES = {"BO": "BOLIVIA", "VE": "VENEZUELA", "US": "UNITED STATES", "GB": "UNITED KINGDOM"}


@dataclass
class KeyTemplate:
    message: str
    optional: bool
    slots: dict[str, list[tuple[list[str], bool]]] = field(default_factory=dict)  # slot → [(alternatives, optional)]


@dataclass
class Response:
    slots: dict[str, list[str]] = field(default_factory=dict)
    dates: list[tuple[date, date]] = field(default_factory=list)  # INCIDENT: DATE as a range
    place_key: str | None = None


@dataclass
class Tally:
    counts: dict[str, Counter[str]] = field(default_factory=dict)  # slot → COR/PAR/INC/SPU/MIS

    def add(self, slot: str, kind: str, n: int = 1) -> None:
        self.counts.setdefault(slot, Counter())[kind] += n


# ----------------------------------------------------------------------------------------------- reading


def read_texts(path: Path) -> dict[str, str]:
    """Message id → message text (the dateline and body)."""
    raw = require_file(path).read_text(encoding="latin-1")
    pieces = _DOC_ID.split(raw)
    return {pieces[i]: pieces[i + 1].strip() for i in range(1, len(pieces) - 1, 2)}


def _alternatives(value: str) -> list[str]:
    return [part.strip() for part in value.split(" / ") if part.strip()]


def read_keys(path: Path) -> dict[str, list[KeyTemplate]]:
    """Message id → its key templates (an empty list for an irrelevant message, key `*`)."""
    keys: dict[str, list[KeyTemplate]] = {}
    template: KeyTemplate | None = None
    slot = ""
    for line in require_file(path).read_text(encoding="latin-1").splitlines():
        match = _SLOT_LINE.match(line)
        if match:
            number, slot, value = int(match.group(1)), match.group(2).strip(), match.group(3).strip()
            if number == 0:
                template = KeyTemplate(message=value, optional=False)
                keys.setdefault(value, [])
                continue
            if template is None:
                continue
            if number == 1:
                if value.startswith("*"):
                    template = None
                    continue
                template.optional = "OPTIONAL" in value
                keys[template.message].append(template)
                continue
        elif line.startswith(" ") and line.strip() and template is not None and slot:
            value = line.strip()
        else:
            continue
        if template is None or value in ("-", "*"):
            continue
        optional = value.startswith("?")
        template.slots.setdefault(slot, []).append((_alternatives(value.lstrip("? ").strip()), optional))
    return keys


def dateline_date(text: str) -> date | None:
    """The date of the message's dateline ("SAN SALVADOR, 12 JAN 90 (RADIO ...) --")."""
    head = text.split("--", 1)[0]
    match = _KEY_DATE.search(head)
    return _parse_day(match.group(0)) if match else None


def _parse_day(value: str) -> date | None:
    try:
        return datetime.strptime(value.strip(), "%d %b %y").date()
    except ValueError:
        return None


# -------------------------------------------------------------------------------------------- responses


def incident_type(event: Event) -> str:
    if event.mode == "abduct":
        return "KIDNAPPING"
    if event.acled_sub_event_type in _BOMBING or event.mode in ("explosives", "suicide-attack"):
        return "BOMBING"
    if _ARSON.search(event.trigger.text):
        return "ARSON"
    if _ROBBERY.search(event.trigger.text):
        return "ROBBERY"
    return "ATTACK"


def _country_name(code: str | None) -> str | None:
    import pycountry

    if code is None:
        return None
    if code in _COUNTRY_NAMES:
        return _COUNTRY_NAMES[code]
    country = pycountry.countries.get(alpha_2=code)
    return country.name.upper() if country else None


def _mention_text(actor_id: str, event: Event, analysis: Analysis) -> str | None:
    mentions = [
        m
        for m in analysis.actors
        if m.actor.actor_id == actor_id and event.evidence.start <= m.start < event.evidence.end
    ]
    if not mentions:
        return None
    return min(mentions, key=lambda m: abs(m.start - event.trigger.start)).text


def responses(analysis: Analysis, pipeline: Pipeline) -> list[Response]:
    """Lanner's templates for one message: asserted ASSAULT events grouped by incident type and place."""
    knowledge_base = pipeline.stage("events").knowledge_base  # type: ignore[attr-defined]
    grouped: dict[tuple[str, str | None], Response] = {}
    for event in sorted(analysis.events, key=lambda e: e.trigger.start):
        if event.type != "ASSAULT" or event.factuality != "asserted":
            continue
        kind = incident_type(event)
        place_key = event.place.place.name.upper() if event.place is not None else None
        key = (kind, place_key)
        if place_key is None:
            key = next((k for k in grouped if k[0] == kind), key)
        response = grouped.setdefault(key, Response(place_key=key[1]))
        response.slots.setdefault(TYPE, [kind])
        if event.place is not None and LOCATION not in response.slots:
            place = event.place.place
            names = [n for n in (_country_name(place.country), _fold(place.name)) if n]
            response.slots[LOCATION] = [": ".join(dict.fromkeys(names))]
        if event.date.range is not None and not response.dates:
            response.dates.append((event.date.range.start, event.date.range.end))
            response.slots[DATE] = [event.date.range.start.isoformat()]
        for role, actor_ids in (("source", event.source), ("target", event.target)):
            for actor_id in actor_ids:
                actor = knowledge_base.get(actor_id)
                text = _mention_text(actor_id, event, analysis)
                if actor is None or text is None:
                    continue
                if role == "source":
                    slot = PERP_IND if actor_id.startswith("generic.") else PERP_ORG
                else:
                    slot = HUM_NAME if actor.kind == "person" else HUM_DESC
                fills = response.slots.setdefault(slot, [])
                if _fold(text) not in {_fold(f) for f in fills}:
                    fills.append(text)
    return list(grouped.values())


# ------------------------------------------------------------------------------------------------ scoring


def _fold(text: str) -> str:
    import unicodedata

    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().upper()
    return re.sub(r"[^A-Z0-9' ]+", " ", plain).strip()


def _words(text: str) -> list[str]:
    return [w for w in _fold(text.strip('"')).split() if w not in _DROP_WORDS and not w.isdigit()]


def string_score(response: str, alternatives: list[str]) -> float:
    """1 for an equal alternative, 0.5 when one's words contain the other's, else 0."""
    got = _words(response)
    best = 0.0
    for alternative in alternatives:
        want = _words(alternative)
        if not got or not want:
            continue
        if got == want:
            return 1.0
        if set(got) <= set(want) or set(want) <= set(got):
            best = 0.5
    return best


def _key_ranges(alternatives: list[str]) -> list[tuple[date | None, date | None]]:
    ranges = []
    for alternative in alternatives:
        text = alternative.strip("()")
        days = [_parse_day(m.group(0)) for m in _KEY_DATE.finditer(text)]
        if text.startswith("-") and days:
            ranges.append((None, days[0]))  # "- 13 NOV 89": on or before
        elif len(days) >= 2:
            ranges.append((days[0], days[1]))
        elif days:
            ranges.append((days[0], days[0]))
    return ranges


def date_score(predicted: tuple[date, date], alternatives: list[str]) -> float:
    best = 0.0
    for start, end in _key_ranges(alternatives):
        if predicted == (start, end) or (start is not None and predicted[0] == predicted[1] == start == end):
            return 1.0
        if start is None and end is not None and predicted[1] <= end and predicted[0] >= end - timedelta(days=7):
            best = max(best, 1.0 if predicted[0] == predicted[1] == end else 0.5)
        elif end is not None and predicted[0] <= end and (start is None or start <= predicted[1]):
            best = max(best, 0.5)
    return best


def location_score(response: str, alternatives: list[str]) -> float:
    parts = [p.strip() for p in response.split(":")]
    best = 0.0
    for alternative in alternatives:
        named = [re.sub(r"\s*\([A-Z ]+\)$", "", p.strip()) for p in alternative.split(":")]
        country = _fold(named[0])
        specific = {_fold(n) for n in named[1:]}
        if parts[-1] in specific or (not specific and len(parts) == 1 and parts[0] == country):
            return 1.0
        if parts[0] == country:
            best = 0.5
    return best


def _slot_scores(slot: str, response: Response, key: KeyTemplate) -> list[float]:
    """Credit for each response fill against its best key fill (used to align templates)."""
    fills = response.slots.get(slot, [])
    keyed = key.slots.get(slot, [])
    scores = []
    for index, fill in enumerate(fills):
        best = 0.0
        for alternatives, _ in keyed:
            if slot == DATE:
                best = max(best, date_score(response.dates[index], alternatives))
            elif slot == LOCATION:
                best = max(best, location_score(fill, alternatives))
            elif slot == TYPE:
                best = max(best, float(fill in alternatives))
            else:
                best = max(best, string_score(fill, alternatives))
        scores.append(best)
    return scores


def _score_slot(slot: str, response: Response | None, key: KeyTemplate | None, tally: Tally) -> None:
    """Count one slot of an aligned pair (either side may be absent)."""
    fills = response.slots.get(slot, []) if response else []
    keyed = list(key.slots.get(slot, [])) if key else []
    used: set[int] = set()
    leftovers = 0
    for index, fill in enumerate(fills):
        best, best_k = 0.0, -1
        for k, (alternatives, _) in enumerate(keyed):
            if k in used:
                continue
            if slot == DATE:
                credit = date_score(response.dates[index], alternatives)  # type: ignore[union-attr]
            elif slot == LOCATION:
                credit = location_score(fill, alternatives)
            elif slot == TYPE:
                credit = float(fill in alternatives)
            else:
                credit = string_score(fill, alternatives)
            if credit > best:
                best, best_k = credit, k
        if best_k >= 0:
            used.add(best_k)
            tally.add(slot, "COR" if best == 1.0 else "PAR")
        else:
            leftovers += 1
    unmatched_required = [k for k, (_, optional) in enumerate(keyed) if k not in used and not optional]
    incorrect = min(leftovers, len(unmatched_required))
    tally.add(slot, "INC", incorrect)
    tally.add(slot, "SPU", leftovers - incorrect)
    tally.add(slot, "MIS", len(unmatched_required) - incorrect)


def align(found: list[Response], keys: list[KeyTemplate]) -> list[tuple[Response | None, KeyTemplate | None]]:
    """Pair response and key templates greedily by slot credit, incident type first."""

    def agreement(response: Response, key: KeyTemplate) -> tuple[float, float]:
        same_type = sum(_slot_scores(TYPE, response, key))
        return same_type, sum(sum(_slot_scores(slot, response, key)) for slot in FILLED_SLOTS)

    candidates = sorted(
        ((agreement(r, k), i, j) for i, r in enumerate(found) for j, k in enumerate(keys)), reverse=True
    )
    pairs: list[tuple[Response | None, KeyTemplate | None]] = []
    taken_r: set[int] = set()
    taken_k: set[int] = set()
    for (_, total), i, j in candidates:
        if i in taken_r or j in taken_k or total <= 0:
            continue
        taken_r.add(i)
        taken_k.add(j)
        pairs.append((found[i], keys[j]))
    pairs += [(r, None) for i, r in enumerate(found) if i not in taken_r]
    pairs += [(None, k) for j, k in enumerate(keys) if j not in taken_k and not k.optional]
    return pairs


def _prf(counts: Counter[str]) -> tuple[float, float, float]:
    credit = counts["COR"] + 0.5 * counts["PAR"]
    possible = counts["COR"] + counts["PAR"] + counts["INC"] + counts["MIS"]
    actual = counts["COR"] + counts["PAR"] + counts["INC"] + counts["SPU"]
    recall = credit / possible if possible else 0.0
    precision = credit / actual if actual else 0.0
    f = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return round(100 * recall, 2), round(100 * precision, 2), round(100 * f, 2)


def _baselines(eval_dir: Path) -> dict[str, dict[str, float]]:
    import csv

    path = eval_dir / FOLDER / "official_scoring" / "MUC4_official_scores_summary.csv"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["test_set"] == "TST3"]
    rows.sort(key=lambda r: float(r["F_P&R"]), reverse=True)
    return {
        f"MUC-4 1992 {r['system']} (TST3)": {
            "all_templates_recall": float(r["all_templates_recall"]),
            "all_templates_precision": float(r["all_templates_precision"]),
            "all_templates_f": float(r["F_P&R"]),
            "incident_type_r_p": f"{r['inc_type_R']}/{r['inc_type_P']}",  # type: ignore[dict-item]
            "location_r_p": f"{r['inc_loc_R']}/{r['inc_loc_P']}",  # type: ignore[dict-item]
            "date_r_p": f"{r['inc_date_R']}/{r['inc_date_P']}",  # type: ignore[dict-item]
            "perp_org_r_p": f"{r['perp_org_id_R']}/{r['perp_org_id_P']}",  # type: ignore[dict-item]
        }
        for r in rows[:3]
    }


def evaluate_muc4(pipeline: Pipeline, eval_dir: Path, split: str) -> EvalReport:
    """Fill templates for every message of the split and score them against the answer keys."""
    if split not in SETS:
        raise EvalError(Code.EVAL_UNKNOWN, f"unknown split {split!r}; known: dev, test, all")
    folder = eval_dir / FOLDER
    messages: list[tuple[str, str, list[KeyTemplate]]] = []
    for text_file, key_file in SETS[split]:
        texts = read_texts(folder / "texts" / text_file)
        keys = read_keys(folder / "keys" / key_file)
        messages += [(mid, text, keys.get(mid, [])) for mid, text in texts.items()]
    articles = (Article(text=text, published=dateline_date(text), origin=f"muc4 {mid}") for mid, text, _ in messages)
    tally = Tally()
    all_slots = Tally()
    relevant_hits = relevant_predicted = relevant_gold = 0
    errors: Counter[str] = Counter()
    for (_, _, keys), analysis in zip(messages, pipeline.pipe(articles), strict=True):
        found = responses(analysis, pipeline)
        relevant_gold += bool(keys)
        relevant_predicted += bool(found)
        relevant_hits += bool(keys) and bool(found)
        for response, key in align(found, keys):
            for slot in FILLED_SLOTS:
                _score_slot(slot, response, key, tally)
            if key is not None:
                for slot, fills in key.slots.items():
                    if slot not in FILLED_SLOTS:
                        all_slots.add("other", "MIS", sum(1 for _, optional in fills if not optional))
            if split == "dev":
                errors[
                    "spurious template" if key is None else "missed template" if response is None else "aligned"
                ] += 1
    figures: dict[str, float | int | None] = {
        "messages": len(messages),
        "key_templates": sum(len(k) for _, _, k in messages),
    }
    for slot in FILLED_SLOTS:
        recall, precision, f = _prf(tally.counts.get(slot, Counter()))
        name = slot.lower().replace(": ", "_").replace(" ", "_")
        figures.update({f"{name}_recall": recall, f"{name}_precision": precision, f"{name}_f": f})
    filled_total: Counter[str] = sum(tally.counts.values(), Counter())
    recall, precision, f = _prf(filled_total)
    figures.update({"all_templates_recall": recall, "all_templates_precision": precision, "all_templates_f": f})
    every_slot = filled_total + all_slots.counts.get("other", Counter())
    recall, precision, f = _prf(every_slot)
    figures.update({"all_slots_recall": recall, "all_slots_precision": precision, "all_slots_f": f})
    figures["relevance_precision"] = round(relevant_hits / relevant_predicted, 4) if relevant_predicted else None
    figures["relevance_recall"] = round(relevant_hits / relevant_gold, 4) if relevant_gold else None
    notes = [
        "all_templates_* is over the slots Lanner fills; all_slots_* counts every other key fill as missing "
        "(the 1992 ALL TEMPLATES row scores slots 2-24, so all_slots_f is the comparable figure)",
        "split: TST2 is dev, TST3 test; scoring is automatic, a simplification of the interactive 1992 scorer",
    ]
    if split == "dev":
        notes.append("dev template alignment: " + ", ".join(f"{k} {n}" for k, n in errors.most_common()))
        for slot in FILLED_SLOTS:
            c = tally.counts.get(slot, Counter())
            notes.append(f"dev {slot}: " + ", ".join(f"{k} {c[k]}" for k in ("COR", "PAR", "INC", "SPU", "MIS")))
    return EvalReport(name="muc4", split=split, figures=figures, notes=notes, baselines=_baselines(eval_dir))
