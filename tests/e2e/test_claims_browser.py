"""The claims desk in a real browser: search, file a claim from the answer, see it granted, read it back.

A second rep's claim on a branch of the same enterprise is refused naming the
first, and the decision chain then shows the holder above the map.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from graph.analysis.claim_book import claims_report
from graph.config.settings import Settings
from graph.servers.connect import open_store
from tests.e2e.conftest import SCREENSHOTS, ServedApp, screenshot, settle, use_name

pytestmark = pytest.mark.e2e
HQ_NAME = "华东电网集团有限公司"


def choose(page: Page, within: str, label: str, option: str) -> None:
    """Pick ``option`` in the selectbox labelled ``label`` inside the form ``within`` (typed: long lists scroll)."""
    form = page.locator("[data-testid='stForm']", has_text=within).first
    form.get_by_label(label, exact=True).click()
    page.keyboard.type(option)
    page.get_by_role("option", name=option, exact=True).click()
    page.wait_for_timeout(300)


def test_file_a_claim_from_the_search_and_read_it_back(served_app: ServedApp, browser: Browser) -> None:
    page = screenshot(browser, served_app.url, "claims-start", "Overview")
    use_name(page, "运营 Ops")
    page.get_by_role("link", name="Claims").click()
    page.get_by_text("Needs attention").first.wait_for(timeout=60_000)
    settle(page)
    page.get_by_label("Is it already protected? Company name or contact phone").fill("华东电网")
    page.keyboard.press("Enter")
    settle(page)
    page.get_by_role("button", name=f"Claim {HQ_NAME}").first.click()
    settle(page)
    choose(page, "File a claim", "For rep", "李娜")
    page.get_by_role("button", name="File the claim").click()
    until = dt.date.today() + dt.timedelta(days=13)
    granted = f"Granted: 李娜 holds {HQ_NAME} with all its branches until {until}."
    page.get_by_test_id("stMainBlockContainer").get_by_text(granted).wait_for(timeout=30_000)
    page.screenshot(path=str(SCREENSHOTS / "claims-granted.png"), full_page=True)

    choose(page, "File a claim", "Enterprise", "华东电网宁波供电分公司")
    choose(page, "File a claim", "For rep", "陈辉")
    page.get_by_role("button", name="File the claim").click()
    page.get_by_test_id("stToastText").get_by_text(f"Refused: protected by 李娜 (direct) until {until}").wait_for()
    assert "Traceback" not in page.inner_text("body")

    page.get_by_role("link", name="Decision chain").click()
    page.get_by_text("Edit the map").wait_for(timeout=60_000)
    page.get_by_label("Customer group", exact=True).first.click()
    page.keyboard.type(HQ_NAME)
    page.get_by_role("option", name=HQ_NAME, exact=True).click()
    settle(page)
    page.get_by_text(f"Claim (报备): 李娜 (direct) until {until}").first.wait_for(timeout=60_000)
    page.frame_locator("iframe").first.locator("canvas").first.wait_for(timeout=30_000)
    page.wait_for_timeout(1500)
    page.screenshot(path=str(SCREENSHOTS / "claims-on-the-map.png"))
    page.get_by_role("tab", name="Export").click()
    with page.expect_download(timeout=30_000) as download:
        page.get_by_role("button", name="Download the map (HTML)").click()
    exported = Path(download.value.path()).read_text(encoding="utf-8")
    assert f"Claim (报备): 李娜 (direct) until {until}" in exported  # the file says who holds it
    page.close()

    store = open_store(Settings(kagraph_data_dir=served_app.data_dir))
    try:
        report = claims_report(store.subgraphs.claims(), dt.date.today())
        today = [c for c in report.claims if c.claimed_on == dt.date.today()]
        assert [(c.rep_id, c.status, c.reason) for c in today] == [
            ("rep-li", "live", ""),
            ("rep-chen", "refused", "held"),
        ]
        (change,) = store.history.changes_about([f"Claim:{today[0].id}"])
        assert (change.who, change.action.english, change.source) == ("运营 Ops", "file a claim", "claim")
    finally:
        store.close()


def test_settling_a_dispute_keeps_its_tab_open_in_either_language(served_app: ServedApp, browser: Browser) -> None:
    """A decision reruns the page and draws its outcome above the tabs; the tab it was made in stays open."""
    page = screenshot(browser, served_app.url, "claims-settle-start", "Overview")
    use_name(page, "运营 Ops")
    page.get_by_role("link", name="Claims").click()
    page.get_by_text("Needs attention").first.wait_for(timeout=60_000)
    settle(page)
    page.get_by_role("tab", name="Disputes").click()
    settle(page)
    page.get_by_text("split the credit").first.click()
    settle(page)
    page.get_by_text("The proposed split comes from each rep's own activity").wait_for(timeout=30_000)
    page.get_by_role("button", name="Record the decision").click()
    page.get_by_test_id("stMainBlockContainer").get_by_text("Settled: split the credit.").wait_for(timeout=30_000)
    settle(page)
    assert page.get_by_role("tab", name="Disputes").get_attribute("aria-selected") == "true"
    page.screenshot(path=str(SCREENSHOTS / "claims-settled-tab-kept.png"), full_page=True)
    page.get_by_text("简体中文").click()
    settle(page)
    assert page.get_by_role("tab", name="争议").get_attribute("aria-selected") == "true"
    page.close()
