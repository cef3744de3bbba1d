"""In a real browser the chosen language holds: a jump to another page, a reload and a link keep it.

Streamlit forgets a widget's value when a run ends without drawing it, which a page jump does; the browser is
where that shows (AppTest keeps what it is given).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from tests.e2e.conftest import SCREENSHOTS, ServedApp, settle

pytestmark = pytest.mark.e2e


def test_a_page_jump_a_reload_and_a_link_keep_chinese(served_app: ServedApp, browser: Browser) -> None:
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    page.goto(served_app.url)
    page.locator("[data-testid='stSidebar']").wait_for(timeout=60_000)
    page.get_by_text("简体中文").click()
    settle(page)
    page.locator("[data-testid='stSidebarNav'] a[href$='/portfolio']").first.click()
    page.get_by_role("heading", name="客户组合").wait_for(timeout=60_000)
    settle(page)
    page.get_by_role("button", name="打开集团").click()
    page.get_by_role("heading", name="集团拓展").wait_for(timeout=60_000)
    settle(page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "language-kept-after-jump.png"), full_page=True)
    assert "lang=zh" in page.url, page.url
    page.reload()
    page.get_by_role("heading", name="集团拓展").wait_for(timeout=60_000)
    link = browser.new_page(viewport={"width": 1440, "height": 900})
    link.goto(f"{served_app.url}/claims?lang=zh")
    link.get_by_role("heading", name="报备与撞单").wait_for(timeout=60_000)
    page.close()
    link.close()
