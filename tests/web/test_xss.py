"""Stored XSS: articles whose text, title, URL and source carry every payload of the OWASP XSS filter
evasion cheat sheet are ingested through the real pipeline; every page that shows them is rendered in
Chromium, and no script may run while each payload is shown as text."""

from __future__ import annotations

import json
import urllib.request
from urllib.parse import quote

import pytest
from webtools import screenshot

# Runs before any page script: records calls that the payloads make, and CSP violations (anything the
# page tried to run that the policy then had to stop counts as a failure of escaping too).
HOOKS = """
window.__xss = [];
(function () {
  var record = function (name) {
    return function () { window.__xss.push(name + ":" + Array.from(arguments).join(",")); };
  };
  window.alert = record("alert"); window.confirm = record("confirm"); window.prompt = record("prompt");
  document.addEventListener("securitypolicyviolation", function (e) {
    window.__xss.push("csp:" + e.violatedDirective + ":" + e.blockedURI);
  });
})();
"""

# Elements and attributes no Lanner page makes; finding one means article text became markup.
INJECTED = """
() => {
  const bad = [];
  for (const el of document.querySelectorAll("*")) {
    const tag = el.tagName.toLowerCase();
    const foreign = ["iframe", "frame", "frameset", "object", "embed", "img", "base", "meta", "xss", "bgsound",
                     "layer", "applet"];
    if (foreign.includes(tag) && !el.closest(".leaflet-pane")) {
      if (!(tag === "meta" && el.parentElement === document.head)) bad.push(tag);
    }
    if (tag === "script" && !(el.getAttribute("src") || "").startsWith("/static/")) bad.push("script");
    for (const attr of el.attributes) {
      if (attr.name.startsWith("on")) bad.push(tag + "@" + attr.name);
      if (/^\\s*(javascript|vbscript|livescript):/i.test(attr.value)) bad.push(tag + "@" + attr.name + "=js-url");
    }
  }
  return bad;
}
"""


def _json(url: str) -> dict:
    with urllib.request.urlopen(url) as response:
        return json.load(response)


@pytest.fixture(scope="module")
def xss_context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(HOOKS)
    dialogs: list[str] = []
    context.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    yield context, dialogs
    context.close()


def _check(page, dialogs: list[str]) -> None:
    page.wait_for_load_state("load")
    assert page.evaluate("window.__xss") == [], page.url
    assert dialogs == [], page.url
    assert page.evaluate(INJECTED) == [], page.url


def test_article_pages_show_each_payload_as_text(live_server, web_store, payloads, xss_context):
    from sqlalchemy import text

    context, dialogs = xss_context
    with web_store.connect() as conn:
        rows = conn.execute(
            text("SELECT id, title, url, source, text FROM documents WHERE input_id LIKE 'xss-%'")
        ).all()
    assert {row.title for row in rows} == set(payloads)  # every payload stored as it was given
    page = context.new_page()
    for number, (document_id, title, url, source, body) in enumerate(rows):
        page.goto(f"{live_server}/documents/{document_id}")
        _check(page, dialogs)
        assert page.locator("#document-title").text_content() == title
        assert page.locator("#document-source").text_content() == source
        assert page.locator("#document-url").text_content() == url
        assert page.locator("#article-text").text_content() == body
        if number == 0:
            screenshot(page, "xss-article")
    page.close()


def test_event_pages_show_payloads_in_evidence_as_text(live_server, web_store, xss_context):
    from sqlalchemy import text

    context, dialogs = xss_context
    with web_store.connect() as conn:
        events = conn.execute(
            text(
                "SELECT e.id, e.evidence_text, d.title FROM events e JOIN documents d ON d.id = e.document_id "
                "WHERE d.input_id LIKE 'xss-%'"
            )
        ).all()
    assert len(events) > 100
    page = context.new_page()
    carried = 0
    for event_id, evidence, title in events:
        page.goto(f"{live_server}/events/{event_id}")
        _check(page, dialogs)
        assert page.locator("#evidence").text_content() == evidence
        assert page.locator("a.document-link").text_content() == title
        marked = "".join(page.locator("#article-text mark.evidence").all_text_contents())
        assert marked == evidence
        carried += title.strip() in evidence
    assert carried > 50  # most evidence sentences carry their payload
    page.close()


@pytest.mark.parametrize(
    "path",
    [
        "/map?factuality=all",
        "/events?factuality=all&limit=1000",
        "/timeline?factuality=all&since=2021-01-01&until=2021-06-01",
        "/network?factuality=all",
        "/search?q=leaflet&limit=1000",
        "/search?q=market&limit=1000",
        "/api",
    ],
)
def test_list_pages_render_every_payload_without_running_it(live_server, path, xss_context):
    context, dialogs = xss_context
    page = context.new_page()
    page.goto(live_server + path)
    if path.startswith("/map"):
        page.wait_for_selector("#map[data-loaded]")
    _check(page, dialogs)
    if path.startswith("/events") or path.startswith("/search"):
        shown = page.locator("main").text_content()
        assert '<SCRIPT>alert("XSS")</SCRIPT>' in shown  # payloads appear as characters
    page.close()


def test_map_popups_show_payload_evidence_as_text(live_server, web_store, xss_context):
    from sqlalchemy import text

    context, dialogs = xss_context
    with web_store.connect() as conn:
        document_id, evidence = conn.execute(
            text(
                "SELECT d.id, e.evidence_text FROM events e JOIN documents d ON d.id = e.document_id "
                "WHERE d.input_id LIKE 'xss-%' AND e.lat IS NOT NULL AND e.evidence_text LIKE '%<SCRIPT>%' LIMIT 1"
            )
        ).one()
    page = context.new_page()
    page.goto(f"{live_server}/map?factuality=all&document={quote(document_id)}")
    page.wait_for_selector("#map[data-loaded=points]")
    page.locator("#map path.event-point").first.click(force=True)
    popup = page.locator(".leaflet-popup-content .evidence")
    popup.wait_for()
    assert popup.text_content() == evidence[:199] + ("…" if len(evidence) > 200 else evidence[199:])
    _check(page, dialogs)
    screenshot(page, "xss-map-popup")
    page.close()
