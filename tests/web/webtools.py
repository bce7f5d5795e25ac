"""Helpers the browser tests import by a name no other test folder uses (every folder has a conftest)."""

from __future__ import annotations

from pathlib import Path

SCREENSHOTS = Path(__file__).with_name("screenshots")


def screenshot(page, name: str) -> Path:  # type: ignore[no-untyped-def]
    """Save what the browser shows, for a person to look at (tests/web/screenshots/, not committed)."""
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    return path
