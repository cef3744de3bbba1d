"""Editing in a real browser: choose a name once, change a contact's stance, see it in the timeline and the store."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page

from graph.config.settings import Settings
from graph.servers.connect import open_store
from tests.e2e.conftest import SCREENSHOTS, ServedApp, screenshot, settle, use_name

pytestmark = pytest.mark.e2e


def choose(page: Page, label: str, option: str) -> None:
    """Pick ``option`` in the selectbox labelled ``label`` (typed first: long option lists are virtualised)."""
    page.get_by_label(label, exact=True).first.click()
    page.keyboard.type(option)
    page.get_by_role("option", name=option, exact=True).click()
    page.wait_for_timeout(300)
    settle(page)


def test_edit_a_contact_and_read_its_timeline(served_app: ServedApp, browser: Browser) -> None:
    page = screenshot(browser, served_app.url, "editing-start", "Overview")
    use_name(page, "王磊")
    page.get_by_role("link", name="Decision chain").click()
    page.get_by_text("Edit the map").wait_for(timeout=60_000)
    choose(page, "Customer group", "华东电网集团有限公司")
    choose(page, "Company", "华东电网温州供电分公司")
    page.get_by_text("Edit the map").scroll_into_view_if_needed()
    choose(page, "Contact", "龚辉")
    form = page.locator("[data-testid='stForm']").first
    form.get_by_label("Stance", exact=True).click()
    page.get_by_role("option", name="supporter", exact=True).click()
    form.get_by_label("Why (optional, kept in the history)").fill("backs the pilot after the demo")
    form.get_by_role("button", name="Save").click()
    page.get_by_text("Saved 龚辉.").wait_for(timeout=30_000)
    page.get_by_text("Edit the map").scroll_into_view_if_needed()
    page.wait_for_timeout(1000)
    page.screenshot(path=str(SCREENSHOTS / "editing-contact.png"))
    page.get_by_role("tab", name="Timeline").click()
    timeline = page.get_by_role("tabpanel", name="Timeline").locator("[data-testid='stTable']")
    timeline.wait_for(timeout=30_000)  # a static table: the why and before → after wrap instead of being cut
    assert "backs the pilot after the demo" in timeline.inner_text()
    page.wait_for_timeout(1500)
    page.get_by_role("tab", name="Timeline").scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / "editing-timeline.png"))
    assert "Traceback" not in page.inner_text("body")

    page.get_by_text("Settings and filters").click()
    as_of = page.get_by_label("As of", exact=True)  # a date field of year, month and day segments
    for segment, value in (("year", "2026"), ("month", "10"), ("day", "01")):
        as_of.locator(f"[role=spinbutton][aria-label^='{segment}']").click()
        page.keyboard.type(value)
    page.get_by_role("heading", name="Decision chain").click()  # the field commits its value when it loses focus
    settle(page)
    page.get_by_text("The map as it was at the end of 2026-10-01").wait_for(timeout=60_000)
    page.frame_locator("iframe").first.locator("canvas").first.wait_for(timeout=30_000)
    page.wait_for_timeout(2000)
    page.get_by_text("The map as it was at the end of 2026-10-01").scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / "editing-as-of.png"))
    assert "You are looking at the past" in page.inner_text("body")
    page.close()
    store = open_store(Settings(kagraph_data_dir=served_app.data_dir))
    try:
        assert store.records.node("Contact", "ct-hd-wz-010")["stance"] == "supporter"  # type: ignore[index]
        change = store.history.changes_about(["Contact:ct-hd-wz-010"])[0]
        assert (change.who, change.why) == ("王磊", "backs the pilot after the demo")
    finally:
        store.close()
