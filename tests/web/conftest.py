"""Fixtures for the web tests: a database built by the real pipeline (example articles plus articles
carrying every payload of the OWASP XSS cheat sheet), a live uvicorn server, and Debian's Chromium."""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"


def xss_payloads(shared_dir: Path) -> list[str]:
    """Every non-empty line inside the cheat sheet's fenced code blocks (read at test time, never copied)."""
    sheet = (shared_dir / "security" / "xss_filter_evasion_cheat_sheet.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```[^\n]*\n(.*?)^```", sheet, flags=re.S | re.M)
    return [line for block in blocks for line in block.splitlines() if line.strip()]


def xss_article_text(payload: str, number: int) -> str:
    """An article that yields an event whose evidence sentence carries the payload, and the payload again alone."""
    return (
        f"Gunmen attacked a market in Mosul on Monday, shouting {payload} and killing {number % 9 + 2} civilians, "
        f"police said.\n\nA leaflet left at the scene read: {payload}\n"
    )


@pytest.fixture(scope="session")
def payloads(shared_dir: Path) -> list[str]:
    found = xss_payloads(shared_dir)
    assert len(found) >= 130, "the cheat sheet should give about 139 payloads"
    return found


@pytest.fixture(scope="session")
def web_db(tmp_path_factory, pipeline, payloads) -> Path:
    """Example articles and one article per XSS payload (in its text, title, URL and source), ingested for real."""
    from lanner.api import ingest
    from lanner.records import Article
    from lanner.store import open_store

    path = tmp_path_factory.mktemp("web") / "web.db"
    with open_store(path) as store:
        ingest(
            [ROOT / "examples" / "news", ROOT / "examples" / "mosul-aftermath.txt"],
            store,
            pipeline=pipeline,
            published=None,
        )
        articles = [
            Article(
                text=xss_article_text(payload, i),
                title=payload,
                url=payload,
                source=payload,
                published=date(2021, 3, 1 + i % 28),
                input_id=f"xss-{i}",
            )
            for i, payload in enumerate(payloads)
        ]
        for analysis in pipeline.pipe(iter(articles)):
            store.write(analysis)
    return path


@pytest.fixture(scope="session")
def web_store(web_db: Path):
    from lanner.store import open_store

    store = open_store(web_db)
    yield store
    store.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def live_server(web_store) -> Iterator[str]:
    """The app served by uvicorn on a free loopback port, in a thread of this process."""
    import uvicorn

    from lanner.web import create_app

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(web_store), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (install with `apt-get install -y chromium`)."""
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: apt-get install -y chromium"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    yield opened
    context.close()
