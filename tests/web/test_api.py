"""The REST API and page twins in-process (FastAPI's TestClient) over databases built by the real pipeline,
and the read queries on both backends (SQLite and PostgreSQL) over hand-made rows."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from lanner.store import open_store
from lanner.store import read as R
from lanner.web import WebSettings, create_app
from lanner.web.render import highlight, safe_url


@pytest.fixture(scope="module")
def client(web_store):
    return TestClient(create_app(web_store))


def test_events_json_csv_and_geojson_twins_agree(client):
    body = client.get("/events.json?type=ASSAULT&factuality=all&limit=1000").json()
    assert body["ok"] is True and body["total"] == len(body["rows"]) > 0
    assert {row["type"] for row in body["rows"]} == {"ASSAULT"}
    table = list(csv.DictReader(io.StringIO(client.get("/events.csv?type=ASSAULT&factuality=all&limit=1000").text)))
    assert [row["id"] for row in table] == [row["id"] for row in body["rows"]]
    geo = client.get("/events.geojson?type=ASSAULT&factuality=all&limit=1000")
    assert geo.headers["content-type"].startswith("application/geo+json")
    assert len(geo.json()["features"]) == sum(row["lat"] is not None for row in body["rows"])


def test_filters_narrow_the_events(client):
    everything = client.get("/events.json?factuality=all&limit=1000").json()["rows"]
    asserted = client.get("/events.json?limit=1000").json()["rows"]
    assert asserted and {row["factuality"] for row in asserted} == {"asserted"}
    assert len(asserted) < len(everything)
    somalia = client.get("/events.json?country=so&factuality=all").json()["rows"]
    assert somalia and {row["country"] for row in somalia} == {"SO"}
    dated = client.get("/events.json?since=2020-01-01&until=2020-12-31&factuality=all").json()["rows"]
    assert dated and all(row["date_end"] >= "2020-01-01" and row["date_start"] <= "2020-12-31" for row in dated)
    shabaab = client.get("/events.json?actor=al_shabaab&factuality=all").json()["rows"]
    assert shabaab and all("al_shabaab" in row["source"] + row["target"] for row in shabaab)
    near = client.get("/events.json?near=2.04,45.34,50&factuality=all").json()["rows"]
    assert near and all(abs(row["lat"] - 2.04) < 0.5 and abs(row["lon"] - 45.34) < 0.5 for row in near)
    boxed = client.get("/events.json?bbox=40,-2,50,12&factuality=all").json()["rows"]
    assert {row["id"] for row in near} <= {row["id"] for row in boxed}


def test_paging_walks_through_every_row_once(client):
    total = client.get("/events.json?factuality=all&limit=1").json()["total"]
    seen, url = [], "/events.json?factuality=all&limit=7"
    while url:
        body = client.get(url).json()
        seen += [row["id"] for row in body["rows"]]
        url = body["next"]
    assert len(seen) == len(set(seen)) == total


@pytest.mark.parametrize(
    ("url", "status", "code", "parameter"),
    [
        ("/events.json?colour=red", 400, "E601", "colour"),
        ("/events.json?since=2020-02-30", 400, "E602", "since"),
        ("/events.json?until=yesterday", 400, "E602", "until"),
        ("/events.json?since=2021-01-01&until=2020-01-01", 400, "E602", "since"),
        ("/events.json?near=91,10,5", 400, "E602", "near"),
        ("/events.json?near=10,abc,5", 400, "E602", "near"),
        ("/events.json?bbox=10,20,30", 400, "E602", "bbox"),
        ("/events.json?bbox=-200,0,10,10", 400, "E602", "bbox"),
        ("/events.json?near=nan,1,5", 400, "E602", "near"),
        ("/events.json?type=EXPLODE", 400, "E602", "type"),
        ("/events.json?country=Iraq", 400, "E602", "country"),
        ("/events.json?offset=100000", 404, "E603", "offset"),
        ("/events.json?limit=1000000", 400, "E604", "limit"),
        ("/events.json?offset=99999999", 400, "E604", "offset"),
        ("/events.json?limit=0", 400, "E602", "limit"),
        ("/events.json?limit=ten", 400, "E602", "limit"),
        ("/events.json?sort=random()", 400, "E602", "sort"),
        ("/map.geojson?zoom=40", 400, "E602", "zoom"),
        ("/timeline.json?weeks=100000", 400, "E604", "weeks"),
        ("/network.json?edges=5000", 400, "E604", "edges"),
        ("/search.json?q=" + "a" * 300, 400, "E604", "q"),
        ("/events/nothing-here.json", 404, "E605", "id"),
        ("/documents/nothing-here.json", 404, "E605", "id"),
        ("/no/such/page.json", 404, "E605", None),
    ],
)
def test_bad_requests_get_the_error_envelope(client, url, status, code, parameter):
    response = client.get(url)
    assert response.status_code == status
    assert response.json() == {
        "ok": False,
        "error": {
            "status": status,
            "code": code,
            "message": response.json()["error"]["message"],
            "parameter": parameter,
        },
    }
    assert response.json()["error"]["message"]


def test_bad_request_to_a_page_gets_an_error_page(client):
    response = client.get("/events?since=not-a-date")
    assert response.status_code == 400
    assert "text/html" in response.headers["content-type"] and "E602" in response.text


def test_openapi_describes_filters_and_no_page_loads_from_a_cdn(client):
    spec = client.get("/openapi.json").json()
    names = {p["name"] for p in spec["paths"]["/events.json"]["get"]["parameters"]}
    assert {
        "since",
        "until",
        "type",
        "actor",
        "country",
        "factuality",
        "geo_precision",
        "bbox",
        "near",
        "limit",
    } <= names
    assert "/search.json" in spec["paths"] and "/map.geojson" in spec["paths"]
    for path in ("/", "/events", "/timeline", "/network", "/search?q=attack", "/api"):
        html = client.get(path).text
        assert "http://" not in html.split("<main>")[0] and "https://" not in html.split("<main>")[0], path
        assert "Content-Security-Policy" in client.get(path).headers


def test_search_finds_words_and_survives_query_syntax(client):
    body = client.get("/search.json?q=suicide bomber").json()
    assert body["events"] and all("suicide" in e["evidence_text"].lower() for e in body["events"])
    for nasty in ('"unbalanced', "NEAR(a b)", "a OR", "*", "^x", "col:value", "'; DROP TABLE events; --"):
        assert client.get("/search.json", params={"q": nasty}).status_code == 200


def test_event_page_marks_the_evidence_and_links_the_source(client):
    row = client.get("/events.json?type=ASSAULT&country=SO").json()["rows"][0]
    html = client.get(f"/events/{row['id']}").text
    assert '<mark class="evidence">' in html
    assert f'href="{row["document_url"]}"' in html
    document = client.get(f"/documents/{row['document_id']}.json").json()["document"]
    kinds = {m["kind"] for m in document["mentions"]}
    assert {"actor", "place"} <= kinds


def test_highlight_escapes_before_marking():
    marked = highlight('<b onclick="x()">Mosul</b> & more', [(0, 26, "evidence"), (17, 22, "place")])
    assert str(marked) == (
        '<mark class="evidence">&lt;b onclick=&#34;x()&#34;&gt;</mark><mark class="evidence place">Mosul</mark>'
        '<mark class="evidence">&lt;/b&gt;</mark> &amp; more'
    )
    assert safe_url("javascript:alert(1)") is None and safe_url("https://example.org/a") == "https://example.org/a"


# -- writing ---------------------------------------------------------------------------------------


def test_writes_are_off_by_default(client):
    response = client.post("/documents", data={"text": "Gunmen attacked a bus in Kabul.", "token": "x"})
    assert response.status_code == 403 and response.json()["error"]["code"] == "E606"


def test_writes_need_the_token_and_refuse_cross_site_posts(tmp_path, pipeline):
    with open_store(tmp_path / "w.db") as store:
        app = create_app(store, WebSettings(allow_writes=True, token="s3cret"), pipeline_factory=lambda: pipeline)
        client = TestClient(app)
        article = {"text": "Gunmen attacked a bus in Kabul on Monday, killing four people.", "published": "2022-05-02"}
        assert client.post("/documents", data=article).json()["error"]["code"] == "E607"
        assert client.post("/documents", data={**article, "token": "wrong"}).status_code == 401
        cross = client.post(
            "/documents", data={**article, "token": "s3cret"}, headers={"Origin": "https://evil.example"}
        )
        assert cross.status_code == 403 and cross.json()["error"]["code"] == "E608"
        fetch_site = client.post(
            "/documents", data={**article, "token": "s3cret"}, headers={"Sec-Fetch-Site": "cross-site"}
        )
        assert fetch_site.status_code == 403
        assert client.get("/events.json").json()["total"] == 0
        made = client.post(
            "/documents", data={**article, "title": "Bus attack"}, headers={"Authorization": "Bearer s3cret"}
        )
        assert made.status_code == 201 and made.json()["events"] >= 1
        rows = client.get("/events.json").json()["rows"]
        assert rows and rows[0]["document_title"] == "Bus attack" and rows[0]["type"] == "ASSAULT"
        upload = client.post(
            "/documents",
            data={"token": "s3cret"},
            files={"file": ("a.txt", b"Protesters marched in Baghdad on 3 May 2022.", "text/plain")},
        )
        assert upload.status_code == 201
        form = client.post(
            "/documents",
            data={"token": "s3cret", "text": "Police arrested ten protesters in Tunis on 4 May 2022."},
            headers={"Accept": "text/html"},
            follow_redirects=False,
        )
        assert form.status_code == 303 and form.headers["location"].startswith("/documents/")
        assert "Tunis" in client.get(form.headers["location"]).text
        assert client.get("/submit").status_code == 200


# -- read queries on both backends, over rows made by hand ----------------------------------------------


def _fill(store, weekly: dict[str, list[int]], start: date) -> None:
    """Documents and events with known weekly counts by type, spread over a grid of places."""
    with store.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO documents (id, title, url, published, source, text, processed_at) "
                "VALUES ('doc', 'Hand-made', NULL, '2020-01-01', 'test', 'Troops shelled the town of Alpha.', 'now')"
            )
        )
        for actor in ("army", "rebels"):
            conn.execute(text("INSERT INTO actors (actor_id, name, kind) VALUES (:a, :a, 'other')"), {"a": actor})
        n = 0
        for type_, counts in weekly.items():
            for week, count in enumerate(counts):
                for k in range(count):
                    n += 1
                    day = (start + timedelta(weeks=week, days=k % 7)).isoformat()
                    conn.execute(
                        text(
                            "INSERT INTO events (id, document_id, local_id, type, lat, lon, date_start, date_end, "
                            "date_precision, date_basis, factuality, confidence, evidence_start, evidence_end, "
                            "evidence_text, trigger_start, trigger_end, trigger_text, country) "
                            "VALUES (:id, 'doc', :id, "
                            ":type, :lat, :lon, :day, :day, 'day', 'text', 'asserted', 0.9, 0, 33, "
                            "'Troops shelled the town of Alpha.', 7, 14, 'shelled', 'IQ')"
                        ),
                        {"id": f"e{n}", "type": type_, "lat": 30 + (n % 20), "lon": 40 + (n % 30), "day": day},
                    )
                    conn.execute(
                        text(
                            "INSERT INTO event_actors (event_id, actor_id, role, position) VALUES "
                            "(:id, 'army', 'source', 0), (:id, 'rebels', 'target', 0)"
                        ),
                        {"id": f"e{n}"},
                    )


def test_timeline_counts_weeks_and_change_against_previous_four(store_url):
    start = date(2024, 1, 1)  # a Monday
    with open_store(store_url) as store:
        _fill(store, {"ASSAULT": [4, 4, 2, 6, 8], "PROTEST": [0, 0, 0, 0, 3]}, start)
        result = R.timeline(store, R.EventFilter(), weeks=1)
    assert result.types == ["ASSAULT", "PROTEST"]
    [last] = result.weeks
    assert last.week == start + timedelta(weeks=4)
    assert last.counts == {"ASSAULT": 8, "PROTEST": 3}
    assert last.change == {"ASSAULT": 100.0, "PROTEST": None}  # mean of 4, 4, 2, 6 is 4; no protests before


def test_map_clusters_on_the_server_and_counts_every_event(store_url):
    with open_store(store_url) as store:
        _fill(store, {"ASSAULT": [300, 300], "PROTEST": [100]}, date(2024, 1, 1))
        clusters = R.map_data(store, R.EventFilter(), zoom=2, point_limit=500)
        few = R.map_data(store, R.EventFilter(types=("PROTEST",)), zoom=2, point_limit=500)
        network = R.actor_network(store, R.EventFilter())
        found = R.search(store, "shelled alpha")
        page = R.list_events(store, R.EventFilter(types=("ASSAULT",)), limit=10, offset=590, count_cap=10_000)
        capped = R.list_events(store, R.EventFilter(), limit=10, count_cap=100)
        deep = R.list_events(store, R.EventFilter(), limit=10, offset=300, count_cap=100)
        last = R.list_events(store, R.EventFilter(), limit=10, offset=695, count_cap=100)
        pair = R.list_events(store, R.EventFilter(source_actor="army", target_actor="rebels"), limit=5, count_cap=100)
        reversed_pair = R.list_events(store, R.EventFilter(source_actor="rebels", target_actor="army"), limit=5)
    assert clusters.mode == "clusters" and clusters.total == 700
    assert sum(f["count"] for f in clusters.features) == 700
    assert len(clusters.features) < 700
    assert few.mode == "points" and len(few.features) == 100
    assert network.edges == [{"source": "army", "target": "rebels", "events": 700}]
    assert found.total_events == 700
    assert page.total == 600 and len(page.rows) == 10 and page.rows[0]["source"] == ["army"]
    assert (capped.total, capped.total_is_capped) == (100, True)  # counting stops at the cap
    assert (deep.total, deep.total_is_capped) == (310, True)  # at least what was paged through
    assert (last.total, last.total_is_capped, len(last.rows)) == (700, False, 5)  # the last page knows the total
    assert pair.total_is_capped and len(pair.rows) == 5 and reversed_pair.total == 0
