"""Every table fits the page at 1440 px with the sidebar open, in both languages and on every tab (issue 26).

A data grid wider than its frame scrolls sideways: the last columns (a strength, a reason) are out of sight
and a reader does not know they are there. The check is the grid's own scroller, so it holds for any
column, any header's length in either language, and any table a page adds later.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from tests.e2e.conftest import ServedApp, settle

pytestmark = pytest.mark.e2e
PAGES = ("", "decision_chain", "accounts", "group", "portfolio", "claims", "onboarding")
"""Every page a rep or lead opens (the import page shows its tables only after an upload)."""
OVERFLOWING = """() => [...document.querySelectorAll("[data-testid='stDataFrame']")]
  .filter(frame => frame.offsetParent !== null)
  .map(frame => frame.querySelector('.dvn-scroller'))
  .filter(scroller => scroller && scroller.scrollWidth > scroller.clientWidth + 1)
  .map(scroller => scroller.scrollWidth + ' px wide in ' + scroller.clientWidth)"""
"""The visible grids that scroll sideways, with their widths."""


@pytest.mark.parametrize("language", ["en", "zh"])
def test_no_table_is_wider_than_the_page(served_app: ServedApp, browser: Browser, language: str) -> None:
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    cut: list[str] = []
    for path in PAGES:
        page.goto(f"{served_app.url}/{path}?lang={language}")
        page.get_by_test_id("stSidebarNav").wait_for(timeout=60_000)
        page.wait_for_timeout(1500)  # the first run draws after the navigation
        settle(page)
        cut += [f"/{path}: {grid}" for grid in page.evaluate(OVERFLOWING)]
        tabs = page.get_by_role("tab")
        for index in range(tabs.count()):
            tabs.nth(index).click()
            settle(page)
            cut += [f"/{path} tab {tabs.nth(index).inner_text()}: {grid}" for grid in page.evaluate(OVERFLOWING)]
    page.close()
    assert sorted(set(cut)) == []
