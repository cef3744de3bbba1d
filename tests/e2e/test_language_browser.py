"""In a real browser the chosen language holds: a jump to another page, a reload and a link keep it.

Streamlit forgets a widget's value when a run ends without drawing it, which a page jump does; the browser is
where that shows (AppTest keeps what it is given).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page

from tests.e2e.conftest import SCREENSHOTS, ServedApp, settle

pytestmark = pytest.mark.e2e


def test_a_page_jump_a_reload_and_a_link_keep_chinese(demo_app: ServedApp, browser: Browser) -> None:
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    page.goto(demo_app.url)
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
    link.goto(f"{demo_app.url}/claims?lang=zh")
    link.get_by_role("heading", name="报备与撞单").wait_for(timeout=60_000)
    page.close()
    link.close()


def _chosen(page: Page) -> list[str]:
    """What each selectbox shows as chosen (the value of its combobox input)."""
    return [
        str(v) for v in page.locator("[data-testid='stSelectbox'] input").evaluate_all("els => els.map(e => e.value)")
    ]


def test_a_choice_worded_in_the_old_language_is_redrawn_in_the_new_one(demo_app: ServedApp, browser: Browser) -> None:
    """A selectbox keeps its choice as the words on screen: "everyone" must become 所有人, not stay."""
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    page.goto(f"{demo_app.url}/claims")
    page.get_by_role("heading", name="Claims and collisions").wait_for(timeout=60_000)
    settle(page)
    page.get_by_text("简体中文").click()
    page.get_by_role("heading", name="报备与撞单").wait_for(timeout=60_000)
    settle(page)
    shown = _chosen(page)
    assert any("所有人" in text for text in shown) and not any("everyone" in text for text in shown), shown
    page.locator("[data-testid='stSidebarNav'] a[href*='/decision_chain']").first.click()
    page.get_by_role("heading", name="决策链").wait_for(timeout=60_000)
    settle(page)
    page.get_by_text("English", exact=True).click()
    page.get_by_role("heading", name="Decision chain").wait_for(timeout=60_000)
    settle(page)
    page.screenshot(path=str(SCREENSHOTS / "language-switched-chain.png"), full_page=True)
    shown = _chosen(page)
    assert any("Whole account" in text for text in shown) and not any("整个客户" in text for text in shown), shown
    page.close()
