"""The pages in a real browser (Debian's Chromium via Playwright): load each, apply filters, and click
through map point → event → evidence. Screenshots go to tests/web/screenshots/."""

from __future__ import annotations

import csv
import io
import json
import urllib.request

from webtools import screenshot


def _json(url: str) -> dict:
    with urllib.request.urlopen(url) as response:
        return json.load(response)


def _errors(page) -> list[str]:
    found: list[str] = []
    page.on("pageerror", lambda error: found.append(str(error)))
    page.on("console", lambda message: found.append(message.text) if message.type == "error" else None)
    return found


def test_map_loads_with_outlines_and_points_then_filters_stay_in_the_url(page, live_server):
    errors = _errors(page)
    page.goto(live_server + "/")
    page.wait_for_selector("#map[data-loaded][data-basemap]")
    assert page.locator("#map path.leaflet-interactive, #map .marker-cluster").count() > 0
    assert page.locator("#map svg path").count() > 100  # the country outlines drawn from the shipped basemap
    assert "events" in page.locator("#map-status").inner_text()
    screenshot(page, "map-world")

    page.select_option("select[name=type]", "ASSAULT")
    page.select_option("select[name=factuality]", "all")
    page.click(".filters button[type=submit]")
    page.wait_for_selector("#map[data-loaded]")
    assert "type=ASSAULT" in page.url and "factuality=all" in page.url
    assert page.locator("select[name=type]").input_value() == "ASSAULT"  # the form is rebuilt from the URL
    shown = int(page.locator("#map-status").inner_text().split()[0])
    expected = _json(live_server + "/events.json?type=ASSAULT&factuality=all&limit=1000")
    with_place = [row for row in expected["rows"] if row["lat"] is not None]
    assert shown == len(with_place)
    screenshot(page, "map-filtered")
    assert errors == []


def test_click_map_point_then_event_then_evidence(page, live_server):
    chosen = next(
        row
        for row in _json(live_server + "/events.json?type=ASSAULT&limit=100")["rows"]
        if row["lat"] is not None
        and (row["document_url"] or "").startswith("https://example.org/")
        and row["place_name"] in row["evidence_text"]
    )
    page.goto(f"{live_server}/map?document={chosen['document_id']}&type=ASSAULT")
    page.wait_for_selector("#map[data-loaded=points]")
    point = page.locator(f"#map path.event-point[data-event='{chosen['id']}']")
    if point.count() == 0:  # several events at one place: open the cluster first
        page.locator("#map .marker-cluster").first.click()
        page.wait_for_timeout(600)
    point.first.click(force=True)
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert chosen["type"] in popup.inner_text()
    screenshot(page, "map-popup")

    popup.locator("a.event-link").click()
    page.wait_for_url(f"**/events/{chosen['id']}")
    assert page.locator("h1").inner_text().startswith(chosen["type"])
    evidence = page.locator("#article-text mark.evidence")
    assert evidence.count() >= 1
    assert "".join(evidence.all_inner_texts()).strip() == chosen["evidence_text"].strip()
    assert page.locator("#article-text mark.trigger").count() >= 1
    assert page.locator("#article-text mark.place").count() >= 1
    assert page.locator("a.source-link").get_attribute("href") == chosen["document_url"]
    evidence.first.scroll_into_view_if_needed()
    screenshot(page, "event-evidence")

    page.click("a.document-link")
    page.wait_for_url(f"**/documents/{chosen['document_id']}")
    assert page.locator("#document-title").inner_text() == chosen["document_title"]
    assert page.locator(f"a.event-link[href='/events/{chosen['id']}']").count() == 1


def test_timeline_shows_weekly_bars_and_change(page, live_server):
    page.goto(live_server + "/timeline?factuality=all&since=2017-01-01&until=2024-01-01")
    bars = page.locator("svg.chart rect")
    assert bars.count() > 0
    titles = " ".join(bars.locator("title").all_text_contents())
    assert "ASSAULT" in titles
    assert page.locator("table.change tbody tr").count() >= 1
    screenshot(page, "timeline")


def test_network_click_actor_filters_the_map(page, live_server):
    page.goto(live_server + "/network?factuality=all")
    nodes = page.locator("svg.network a.node")
    assert nodes.count() >= 2
    screenshot(page, "network")
    href = nodes.first.get_attribute("href")
    nodes.first.locator("circle").click()
    page.wait_for_url("**/map?actor=*")
    assert page.url.endswith(href)
    page.wait_for_selector("#map[data-loaded]")


def test_events_list_pages_and_search_marks_words(page, live_server):
    page.goto(live_server + "/events?factuality=all&limit=20")
    assert page.locator("table.events tbody tr").count() == 20
    page.click("a[rel=next]")
    assert "offset=20" in page.url
    assert page.locator("table.events tbody tr").count() >= 1

    page.fill("header input[name=q]", "suicide")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url("**/search?q=suicide")
    hits = page.locator("table.events mark.hit")
    assert hits.count() >= 1
    assert all(text.lower() == "suicide" for text in hits.all_inner_texts())
    screenshot(page, "search")


def test_twin_links_give_the_same_rows(page, live_server):
    page.goto(live_server + "/events?type=ASSAULT&factuality=all")
    json_link = page.locator("footer a.twin[data-format=json]").get_attribute("href")
    csv_link = page.locator("footer a.twin[data-format=csv]").get_attribute("href")
    rows = _json(live_server + json_link)["rows"]
    assert page.locator("table.events tbody tr").count() == len(rows)
    with urllib.request.urlopen(live_server + csv_link) as response:
        table = list(csv.DictReader(io.StringIO(response.read().decode())))
    assert [row["id"] for row in table] == [row["id"] for row in rows]
