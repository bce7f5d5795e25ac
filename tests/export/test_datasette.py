"""The store file opens as it is in Datasette: facets, foreign keys shown as labelled links, full-text search."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

pytestmark = pytest.mark.model


def _get(path, url: str) -> Any:
    from datasette.app import Datasette

    async def fetch() -> Any:
        datasette = Datasette(files=[str(path)])
        return await datasette.client.get(url)

    # in a thread of its own: the browser tests' Playwright keeps an event loop running in the main thread
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, fetch()).result()


def test_facets_on_event_type_and_country(export_db):
    name = export_db.stem
    response = _get(export_db, f"/{name}/events.json?_facet=type&_facet=country&_shape=objects")
    assert response.status_code == 200
    facets = response.json()["facet_results"]
    types = {item["value"]: item["count"] for item in facets["type"]["results"]}
    countries = {item["value"]: item["count"] for item in facets["country"]["results"]}
    assert types["ASSAULT"] >= 5 and "PROTEST" in types
    assert {"AF", "IQ", "SO", "NG"} <= set(countries)
    filtered = _get(export_db, f"/{name}/events.json?type=PROTEST&_shape=objects").json()["rows"]
    assert filtered and {row["type"] for row in filtered} == {"PROTEST"}


def test_foreign_keys_show_as_labelled_links(export_db):
    name = export_db.stem
    rows = _get(export_db, f"/{name}/event_actors.json?_labels=on&_shape=objects&actor_id=boko_haram").json()["rows"]
    assert rows and rows[0]["actor_id"] == {"value": "boko_haram", "label": "Boko Haram"}
    page = _get(export_db, f"/{name}/event_actors?actor_id=boko_haram")
    assert page.status_code == 200
    assert f'href="/{name}/actors/boko_haram"' in page.text and f'href="/{name}/events/' in page.text
    events = _get(export_db, f"/{name}/events?type=PROTEST").text
    assert f'href="/{name}/documents/' in events


def test_search_box_finds_events_by_their_evidence(export_db):
    name = export_db.stem
    response = _get(export_db, f"/{name}/events.json?_search=checkpoint&_shape=objects")
    assert response.status_code == 200
    rows = response.json()["rows"]
    assert len(rows) >= 1 and all("checkpoint" in row["evidence_text"].lower() for row in rows)
    documents = _get(export_db, f"/{name}/documents.json?_search=Mogadishu&_shape=objects").json()["rows"]
    assert documents and all("Mogadishu" in (doc["title"] or "") + doc["text"] for doc in documents)
