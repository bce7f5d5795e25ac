"""The ACLED layout as an analyst reads it: ACLED's columns in ACLED's order, its codes, one row per event."""

from __future__ import annotations

import csv
import io
import time

import pytest

from lanner.export import export_events
from lanner.export.acled import ActorFacts, inter_code, interaction, load_regions
from lanner.store import EventQuery, open_store

pytestmark = pytest.mark.model

# Written out from ACLED's codebook rather than imported, so a change to the code cannot move the goalposts.
ACLED_HEADER = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
]
ACLED_REGIONS = {
    "Western Africa", "Middle Africa", "Eastern Africa", "Southern Africa", "Northern Africa", "Middle East",
    "South Asia", "Southeast Asia", "East Asia", "Caucasus and Central Asia", "Europe", "Central America",
    "South America", "Caribbean", "North America", "Oceania", "Antarctica",
}  # fmt: skip


def _export(db, query: EventQuery | None = None, **options) -> tuple[list[str], list[dict[str, str]], object]:
    out = io.StringIO()
    with open_store(db) as store:
        summary = export_events(store, query or EventQuery(), layout="acled", fmt="csv", out=out, **options)
    reader = csv.DictReader(io.StringIO(out.getvalue()))
    rows = list(reader)
    return list(reader.fieldnames or []), rows, summary


def _row(rows: list[dict[str, str]], words: str) -> dict[str, str]:
    found = [row for row in rows if words in row["notes"]]
    assert len(found) == 1, [row["notes"] for row in rows]
    return found[0]


def test_header_is_acleds_31_columns_in_acleds_order(export_db):
    header, rows, _ = _export(export_db)
    assert header == ACLED_HEADER
    assert len(header) == 31 and rows


def test_suicide_bombing_in_kabul_reads_as_acled_codes_it(export_db):
    _, rows, _ = _export(export_db)
    row = _row(rows, "A suicide bomber killed 15 people at a police checkpoint in Kabul")
    assert row["event_date"] == "2018-04-22" and row["year"] == "2018" and row["time_precision"] == "1"
    assert (row["disorder_type"], row["event_type"], row["sub_event_type"]) == (
        "Political violence",
        "Explosions/Remote violence",
        "Suicide bomb",
    )
    assert (row["country"], row["iso"], row["region"]) == ("Afghanistan", "4", "South Asia")
    assert row["event_id_cnty"].startswith("AFG") and row["event_id_cnty"][3:].isdigit()
    assert row["location"] == "Kabul" and row["geo_precision"] == "1"
    assert abs(float(row["latitude"]) - 34.53) < 0.1 and abs(float(row["longitude"]) - 69.17) < 0.1
    assert row["fatalities"] == "15" and row["source"] == "Example Wire"
    assert row["actor1"] == "Unidentified armed group (Afghanistan)" and row["inter1"] == "3"
    # "killed 15 people": victims named only as people are civilians, as ACLED codes them
    assert row["actor2"] == "Civilians (Afghanistan)" and row["interaction"] == "37"
    assert row["civilian_targeting"] == "Civilian targeting"
    assert "factuality=asserted" in row["tags"] and "plover=ASSAULT" in row["tags"]
    assert abs(int(row["timestamp"]) - time.time()) < 24 * 3600  # processed during this test session


def test_attack_on_villagers_is_civilian_targeting_between_rebels_and_civilians(export_db):
    _, rows, _ = _export(export_db)
    row = _row(rows, "Boko Haram militants attacked the village of Konduga")
    assert (row["actor1"], row["inter1"]) == ("Boko Haram", "2")
    assert (row["actor2"], row["inter2"]) == ("Civilians (Nigeria)", "7")
    assert row["interaction"] == "27" and row["civilian_targeting"] == "Civilian targeting"
    assert row["event_type"] == "Violence against civilians" and row["fatalities"] == "8"


def test_police_dispersing_a_crowd_puts_protesters_first_and_the_state_second(export_db):
    _, rows, _ = _export(export_db)
    row = _row(rows, "fired tear gas to disperse the crowd")
    assert row["sub_event_type"] == "Protest with intervention" and row["disorder_type"] == "Demonstrations"
    assert row["actor1"].startswith("Protesters") and row["inter1"] == "6"
    assert row["actor2"] == "Military forces of Iraq" and row["inter2"] == "1"
    assert row["interaction"] == "16"
    # dated by the publication week, not by the text: ACLED's "week" precision
    assert row["time_precision"] == "2"


def test_verbal_and_unasserted_events_are_left_out_by_default(export_db):
    _, rows, summary = _export(export_db)
    assert all(row["event_type"] for row in rows)
    assert summary.without_acled_type > 0 and summary.rows == summary.events - summary.without_acled_type
    assert all("factuality=asserted" in row["tags"] for row in rows)
    _, everything, _ = _export(export_db, EventQuery(factuality=()))
    assert any("factuality=negated" in row["tags"] for row in everything) and len(everything) > len(rows)


def test_filters_apply_to_the_export(export_db):
    _, rows, _ = _export(export_db, EventQuery(country="SO"))
    assert rows and {row["country"] for row in rows} == {"Somalia"}
    assert {row["region"] for row in rows} == {"Eastern Africa"}


def test_monadic_gives_one_row_per_actor_side(export_db):
    _, dyadic, _ = _export(export_db)
    _, monadic, _ = _export(export_db, monadic=True)
    assert all(not row["actor2"] and not row["inter2"] for row in monadic)
    expected = sum(2 if row["actor1"] and row["actor2"] else 1 for row in dyadic)
    assert len(monadic) == expected
    konduga = [row for row in monadic if "Konduga" in row["notes"]]
    assert {(row["actor1"], row["inter1"]) for row in konduga} == {("Boko Haram", "2"), ("Civilians (Nigeria)", "7")}
    assert {row["interaction"] for row in konduga} == {"27"}


def test_cells_a_spreadsheet_would_run_are_escaped(export_db, formula_source):
    _, rows, _ = _export(export_db)
    row = _row(rows, "Taliban fighters attacked an army convoy near Kunduz")
    assert row["source"] == "'" + formula_source


@pytest.mark.parametrize(
    ("actor", "event_country", "code"),
    [
        (ActorFacts("IQ.state_forces", "Military forces of Iraq", "state_forces", None, "IQ"), "IQ", 1),
        (ActorFacts("US.state_forces", "Military forces of the United States", "state_forces", None, "US"), "IQ", 8),
        (ActorFacts("islamic_state", "Islamic State", "armed_group", "jihadist group"), "IQ", 2),
        (ActorFacts("pmf", "Popular Mobilization Forces", "armed_group", "state-sanctioned militia umbrella"), "IQ", 3),
        (ActorFacts("x", "Clan militia", "armed_group", "clan militia"), "SO", 4),
        (ActorFacts("generic.rioters", "Rioters", "other", "rioters"), "IQ", 5),
        (ActorFacts("generic.protesters", "Protesters", "other", "protesters"), "IQ", 6),
        (ActorFacts("generic.civilians", "Civilians", "civilians"), "IQ", 7),
        (ActorFacts("un", "United Nations", "igo"), "IQ", 8),
        (ActorFacts("wagner", "Wagner Group", "armed_group", "private military company", "RU"), "ML", 8),
    ],
)
def test_actor_kinds_map_to_acled_actor_types(actor, event_country, code):
    assert inter_code(actor, event_country) == code


def test_interaction_combines_codes_lower_first():
    assert interaction(2, 1) == 12 and interaction(1, 2) == 12
    assert interaction(6, None) == 60 and interaction(None, 7) == 70 and interaction(None, None) is None


def test_every_iso_country_has_an_acled_region():
    import pycountry

    regions = load_regions()
    assert set(regions.values()) <= ACLED_REGIONS
    missing = [c.alpha_2 for c in pycountry.countries if c.alpha_2 not in regions]
    assert not missing
    assert (regions["IQ"], regions["SY"], regions["AF"], regions["NG"], regions["SO"]) == (
        "Middle East",
        "Middle East",
        "South Asia",
        "Western Africa",
        "Eastern Africa",
    )
