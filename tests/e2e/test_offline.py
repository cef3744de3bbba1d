"""Nothing from the internet: every page, in both languages, asks only the app itself for anything.

Users may be offline (or behind a firewall that drops foreign hosts), so a page
that fetches a font, a favicon or a script from elsewhere breaks or hangs for
them. The browser records every request of every page (frames included: the
maps are iframes) and the test fails on any host that is not loopback.
Screenshots of each page land in ``out/screenshots/pages-<lang>-<page>.png``.
"""

from __future__ import annotations

import re
import urllib.parse

import pytest
from playwright.sync_api import Browser, Page, Request

from tests.e2e.conftest import SCREENSHOTS, ServedApp, settle

pytestmark = pytest.mark.e2e

PAGES = ("", "decision_chain", "accounts", "group", "portfolio", "claims", "onboarding", "import_data")
LOCAL_SCHEMES = ("data", "blob", "about", "chrome-extension")
LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")


def outside(url: str) -> bool:
    """Whether ``url`` leaves this machine (``data:`` and ``blob:`` URLs never do)."""
    parts = urllib.parse.urlsplit(url)
    return parts.scheme not in LOCAL_SCHEMES and parts.hostname not in LOOPBACK


def drawn(page: Page, name: str) -> None:
    """Wait until the page has drawn, then save its screenshot."""
    page.locator("[data-testid='stSidebar']").wait_for(timeout=60_000)
    page.locator("h1").first.wait_for(timeout=60_000)
    settle(page)
    page.wait_for_timeout(1500)  # maps and charts draw, fonts and icons load
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("language", ["English", "简体中文"])
def test_no_page_fetches_anything_from_outside(served_app: ServedApp, browser: Browser, language: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    requests: list[tuple[str, str]] = []
    current = {"page": "overview"}
    page.on("request", lambda request: requests.append((current["page"], request.url)))
    page.on("requestfailed", lambda request: _note_failed(requests, current["page"], request))
    page.goto(served_app.url)
    drawn(page, "pages-start")
    if language != "English":
        page.get_by_text(language).click()
        settle(page)
    lang = "en" if language == "English" else "zh"
    for path in PAGES:
        current["page"] = path or "overview"
        page.locator(f"[data-testid='stSidebarNav'] a[href$='/{path}']").first.click()
        page.wait_for_url(re.compile(rf"^{re.escape(served_app.url)}/{path}(\?.*)?$"), timeout=30_000)
        drawn(page, f"pages-{lang}-{current['page']}")
    page.close()
    assert any(url.startswith(served_app.url) for _, url in requests), "nothing recorded: the recorder is broken"
    assert [(p, url) for p, url in requests if outside(url)] == []


def _note_failed(requests: list[tuple[str, str]], page: str, request: Request) -> None:
    """A blocked or failed request still counts (it may be the only trace of an outside fetch)."""
    requests.append((page, request.url))


def test_outside_tells_loopback_from_the_internet() -> None:
    assert not outside("http://127.0.0.1:8501/_stcore/health")
    assert not outside("data:image/svg+xml;base64,PHN2Zz4=")
    assert outside("https://fonts.gstatic.com/s/i/short-term/release/materialsymbolsrounded/hub/default/24px.svg")
