"""The decision-chain map in a real browser: hostile names stay text; 2,000 people draw."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from graph.analysis.chain import decision_chain
from graph.analysis.strength import strength_lookup
from graph.render.chain_map import chain_map_html
from graph.store import GraphStore
from graph.store.subgraph import to_networkx
from ingest.synthetic import synthetic_account
from tests.e2e.conftest import SCREENSHOTS

pytestmark = pytest.mark.e2e

IMG = '<img src=x onerror="window.__pwned=1">'
SCRIPT = "</script><script>window.__pwned=2</script>"


def open_map(browser: Browser, html: str, folder: Path) -> Page:
    path = folder / "map.html"
    path.write_text(html, encoding="utf-8")
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    page.goto(path.as_uri())
    page.wait_for_function("typeof network !== 'undefined' && network.body.data.nodes.length > 0")
    return page


def hover(page: Page, key: str) -> None:
    """Move the mouse onto a node, where vis-network shows its tooltip."""
    point = page.evaluate(
        """key => {
            const p = network.canvasToDOM(network.getPositions([key])[key]);
            const box = document.getElementById('mynetwork').getBoundingClientRect();
            return {x: box.left + p.x, y: box.top + p.y};
        }""",
        key,
    )
    page.mouse.move(point["x"], point["y"])


def test_hostile_names_render_as_text_in_labels_and_tooltips(browser: Browser, tmp_path: Path) -> None:
    graph = to_networkx(
        [
            {"label": "Contact", "props": {"id": "a", "name": IMG, "level": 1, "company_id": "c"}},
            {"label": "Contact", "props": {"id": "b", "name": SCRIPT, "level": 2, "company_id": "c"}},
        ],
        [
            {
                "source_label": "Contact",
                "source": "b",
                "type": "REPORTS_TO",
                "props": {"key": ""},
                "target_label": "Contact",
                "target": "a",
            }
        ],
    )
    page = open_map(browser, chain_map_html(graph, {"a": 1.0, "b": 0.4}, {}), tmp_path)
    hover(page, "Contact:a")
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=10_000)
    page.screenshot(path=str(SCREENSHOTS / "map-hostile-names.png"))
    assert IMG in tooltip.inner_text()
    assert page.locator("div.vis-tooltip img").count() == 0
    assert page.evaluate("window.__pwned") is None
    labels = page.evaluate("network.body.data.nodes.get().map(n => n.label)")
    assert sorted(labels) == sorted([IMG, SCRIPT])
    page.close()


def test_a_two_thousand_person_account_draws(store: GraphStore, browser: Browser, tmp_path: Path) -> None:
    store.write(synthetic_account(2000))
    graph = store.company_subgraph("co-syn")
    report = decision_chain(graph, dt.date(2026, 11, 1))
    html = chain_map_html(graph, {c.id: c.influence for c in report.contacts}, strength_lookup(report.strengths))
    page = open_map(browser, html, tmp_path)
    assert page.evaluate("network.body.data.nodes.length") >= 2000
    assert page.evaluate("network.physics.options.enabled") is False
    page.wait_for_timeout(500)
    page.screenshot(path=str(SCREENSHOTS / "map-2000.png"))
    page.close()
