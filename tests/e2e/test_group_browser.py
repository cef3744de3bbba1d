"""The group tree and the Portfolio in a real browser: hostile names stay text; the pages draw."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import networkx as nx
import pytest
from playwright.sync_api import Browser

from graph.analysis.group_tree import group_tree
from graph.config.settings import Settings
from graph.domain.model import Company, Purchase
from graph.render.group_map import group_map_html
from graph.servers.connect import open_store
from tests.e2e.conftest import SCREENSHOTS, ServedApp, screenshot
from tests.e2e.test_map_browser import IMG, SCRIPT, hover, open_map

pytestmark = pytest.mark.e2e


def test_hostile_company_and_vendor_names_stay_text(browser: Browser, tmp_path: Path) -> None:
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph(root="hq")
    graph.add_node("Company:hq", label="Company", id="hq", name=IMG, employees=900)
    graph.add_node("Company:b", label="Company", id="b", name=SCRIPT, employees=100)
    graph.add_edge("Company:b", "Company:hq", key="BRANCH_OF:", type="BRANCH_OF")
    graph.add_node("Vendor:x", label="Vendor", id="x", name=IMG)
    graph.add_edge("Company:b", "Vendor:x", key="BUYS:fw", type="BUYS", product=SCRIPT, category="firewall")
    tree = group_tree(graph)
    page = open_map(browser, group_map_html(tree.companies, "firewall"), tmp_path)
    hover(page, "b")
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=10_000)
    page.screenshot(path=str(SCREENSHOTS / "group-map-hostile-names.png"))
    assert SCRIPT in tooltip.inner_text() and IMG in tooltip.inner_text()
    assert page.locator("div.vis-tooltip img").count() == 0
    assert page.evaluate("window.__pwned") is None
    labels = page.evaluate("network.body.data.nodes.get().map(n => n.label)")
    assert sorted(labels) == sorted([IMG, f"{SCRIPT}\n{IMG}"])
    page.close()


def test_group_portfolio_claims_and_onboarding_pages_draw(served_app: ServedApp, browser: Browser) -> None:
    store = open_store(Settings(kagraph_data_dir=served_app.data_dir))
    try:
        store.unit_of_work(
            lambda uow: uow.write(
                [
                    Company(id="hostile", name=IMG, employees=90_000),
                    Purchase(
                        company_id="hostile",
                        product="fw",
                        category="网络安全",
                        vendor="Apex Systems",
                        since=dt.date(2026, 1, 1),
                        amount=9_000_000.0,
                    ),
                ]
            )
        )
    finally:
        store.close()
    page = screenshot(browser, served_app.url, "overview-before-group", "Overview")
    page.get_by_role("link", name="Group expansion").click()
    page.get_by_text("HQ policy signals").wait_for(timeout=60_000)
    page.locator("[data-testid='stSelectbox']").first.click()
    page.get_by_role("option", name="华东电网集团有限公司").click()
    page.get_by_text("4 of 10 branches started buying").wait_for(timeout=60_000)
    page.frame_locator("iframe").first.locator("canvas").first.wait_for(timeout=30_000)
    page.wait_for_timeout(1500)
    page.screenshot(path=str(SCREENSHOTS / "group-expansion.png"), full_page=True)
    text = page.inner_text("body")
    assert "Traceback" not in text and "4 of 10 branches started buying Network security" in text
    page.get_by_text("Expansion targets").scroll_into_view_if_needed()
    page.wait_for_timeout(800)
    page.screenshot(path=str(SCREENSHOTS / "group-expansion-targets.png"))

    page.get_by_role("link", name="Portfolio").click()
    page.locator("[data-testid='stVegaLiteChart']").first.wait_for(timeout=60_000)
    page.wait_for_timeout(1500)
    page.screenshot(path=str(SCREENSHOTS / "portfolio.png"), full_page=True)
    text = page.inner_text("body")
    assert "Traceback" not in text and "Whitespace by group" in text
    grid = page.locator("[data-testid='stDataFrame'] .dvn-scroller").first
    assert grid.evaluate("e => e.scrollWidth <= e.clientWidth"), "the portfolio table fits: no sideways scroll"
    assert page.evaluate("window.__pwned") is None
    assert page.locator("img[src='x']").count() == 0

    page.get_by_role("link", name="Claims").click()
    page.get_by_text("Claims and collisions").wait_for(timeout=60_000)
    page.get_by_role("tab", name="Collisions").click()
    page.get_by_role("tabpanel", name="Collisions").locator("[data-testid='stDataFrame']").wait_for(timeout=30_000)
    page.wait_for_timeout(1000)
    page.screenshot(path=str(SCREENSHOTS / "claims.png"), full_page=True)
    assert "Traceback" not in page.inner_text("body")

    page.get_by_role("link", name="Onboarding").click()
    page.get_by_text("Meet these five first").wait_for(timeout=60_000)
    for index, option in enumerate(("华东电网集团有限公司", "华东电网嘉兴供电分公司", "李娜")):
        page.locator("[data-testid='stSelectbox']").nth(index).click()
        page.get_by_role("option", name=option, exact=True).click()
        page.wait_for_timeout(800)
    page.get_by_text("Previous owners: 赵建国").wait_for(timeout=60_000)
    page.wait_for_timeout(1000)
    page.screenshot(path=str(SCREENSHOTS / "onboarding.png"), full_page=True)
    assert "Traceback" not in page.inner_text("body")
    page.close()
