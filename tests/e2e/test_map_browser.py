"""The decision-chain map in a real browser: hostile names stay text; text is 12 px or more at the
opening zoom and no two cards overlap on the demo's accounts; 2,000 people draw."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from graph.analysis.decision_roles import decision_chain
from graph.analysis.strength import strength_lookup
from graph.render.chain_map import MIN_FONT, chain_map_html
from graph.render.chain_options import DealLine, MapOptions
from graph.store import GraphStore
from graph.store.subgraph import to_networkx
from ingest.demo_ids import DEMO_TODAY
from ingest.load_demo import load_demo
from ingest.synthetic import synthetic_account
from tests.e2e.conftest import SCREENSHOTS
from ui.map_text import map_text

pytestmark = pytest.mark.e2e

IMG = '<img src=x onerror="window.__pwned=1">'
SCRIPT = "</script><script>window.__pwned=2</script>"


FRAME_WIDTH = 978
"""The map's frame on the decision-chain page at 1440 × 900 with the sidebar open (measured)."""


def open_map(browser: Browser, html: str, folder: Path, width: int = 1200, height: int = 800) -> Page:
    path = folder / "map.html"
    path.write_text(html, encoding="utf-8")
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(path.as_uri())
    page.wait_for_function(  # the chain map says when it has fitted itself; the group map only draws
        "typeof network !== 'undefined' && network.body.data.nodes.length > 0"
        " && (window.kagraphMapReady === true || !document.getElementById('map-frame'))"
    )
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
    deal = DealLine(
        name=IMG,
        stage="bid",
        amount="¥1",
        close_date="2027-01-01",
        people="1 person in the deal",
        roles={"a": "champion"},
    )
    options = MapOptions(deal=deal, banner=SCRIPT)
    page = open_map(browser, chain_map_html(graph, {"a": 1.0, "b": 0.4}, {}, map_text("zh"), options).html, tmp_path)
    assert IMG in page.locator(".deal").inner_text() and SCRIPT in page.locator(".banner").inner_text()
    assert page.locator("#map-frame img").count() == 0
    hover(page, "Contact:a")
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=10_000)
    page.screenshot(path=str(SCREENSHOTS / "map-hostile-names.png"))
    assert IMG in tooltip.inner_text()
    assert page.locator("div.vis-tooltip img").count() == 0
    assert page.evaluate("window.__pwned") is None
    names = page.evaluate("network.body.data.nodes.get().map(n => n.card.name)")
    assert sorted(names) == sorted([IMG, SCRIPT])
    page.close()


def test_a_two_thousand_person_account_draws(store: GraphStore, browser: Browser, tmp_path: Path) -> None:
    store.unit_of_work(lambda uow: uow.write(synthetic_account(2000)))
    graph = store.subgraphs.company("co-syn")
    report = decision_chain(graph, dt.date(2026, 11, 1))
    influence = {c.id: c.influence for c in report.contacts}
    html = chain_map_html(graph, influence, strength_lookup(report.strengths), map_text("en")).html
    page = open_map(browser, html, tmp_path)
    assert page.evaluate("network.body.data.nodes.length") >= 2000
    assert page.evaluate("network.physics.options.enabled") is False
    page.wait_for_timeout(500)
    page.screenshot(path=str(SCREENSHOTS / "map-2000.png"))
    page.close()


DEMO_ACCOUNTS = ["co-hd-hq", "co-hd-hz", "co-nw-hq", "co-nw-hk", "co-sj"]


def test_demo_maps_open_legible_and_without_overlapping_cards(
    store: GraphStore, browser: Browser, tmp_path: Path
) -> None:
    """In the page's frame, at the zoom the map opens with: card text ≥ 12 px, every card apart, all in view."""
    load_demo(store)
    measured = {}
    for company in DEMO_ACCOUNTS:
        graph = store.subgraphs.company(company)
        report = decision_chain(graph, DEMO_TODAY)
        rendered = chain_map_html(
            graph, {c.id: c.influence for c in report.contacts}, strength_lookup(report.strengths), map_text("zh")
        )
        page = open_map(browser, rendered.html, tmp_path, FRAME_WIDTH, rendered.height_px)
        found = page.evaluate(
            """() => {
                const boxes = network.body.data.nodes.getIds().map(id => {
                    const b = network.getBoundingBox(id);
                    const tl = network.canvasToDOM({x: b.left, y: b.top});
                    const br = network.canvasToDOM({x: b.right, y: b.bottom});
                    return {id, left: tl.x, top: tl.y, right: br.x, bottom: br.y};
                });
                const box = document.getElementById('mynetwork');
                let overlaps = 0, outside = 0;
                for (let i = 0; i < boxes.length; i++) {
                    const a = boxes[i];
                    const w = box.clientWidth + 1, h = box.clientHeight + 1;
                    if (a.left < -1 || a.top < -1 || a.right > w || a.bottom > h) outside++;
                    for (let j = i + 1; j < boxes.length; j++) {
                        const b = boxes[j];
                        const across = a.left < b.right - 0.5 && b.left < a.right - 0.5;
                        if (across && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) overlaps++;
                    }
                }
                return {scale: network.getScale(), overlaps, outside, cards: boxes.length};
            }"""
        )
        page.screenshot(path=str(SCREENSHOTS / f"map-{company}.png"))
        page.close()
        measured[company] = found
        assert found["overlaps"] == 0, f"{company}: {found}"
        assert found["scale"] * MIN_FONT >= 12, f"{company}: text is {found['scale'] * MIN_FONT:.1f} px"
        if found["cards"] <= 50 + 10:  # up to 50 people (and our team): the whole account is in view
            assert found["outside"] == 0, f"{company}: {found}"
    print({k: round(v["scale"] * MIN_FONT, 1) for k, v in measured.items()})


def test_full_screen_fills_the_screen_and_fits_again(browser: Browser, tmp_path: Path) -> None:
    graph = to_networkx(
        [{"label": "Contact", "props": {"id": f"p{n}", "name": f"P{n}", "company_id": "c"}} for n in range(12)], []
    )
    page = open_map(browser, chain_map_html(graph, {}, {}, map_text("en")).html, tmp_path, FRAME_WIDTH, 600)
    before = page.evaluate("document.getElementById('mynetwork').clientHeight")
    page.get_by_role("button", name="Full screen").click()
    page.wait_for_function("document.fullscreenElement && document.fullscreenElement.id === 'map-frame'")
    page.wait_for_timeout(400)  # the frame resizes, the map fits again
    assert page.evaluate("document.getElementById('mynetwork').clientHeight") >= before
    assert page.evaluate("network.getScale()") * MIN_FONT >= 12
    page.screenshot(path=str(SCREENSHOTS / "map-full-screen.png"))
    page.close()


def test_two_long_names_with_one_given_name_stay_apart_on_their_cards(browser: Browser, tmp_path: Path) -> None:
    """Cut to the card's width "Nathan Bradley-Whitfield" and "Nathan Saunders-Kowalski" both read "Nathan …"."""
    people = ["Nathan Bradley-Whitfield", "Nathan Saunders-Kowalski", "张伟"]
    graph = to_networkx(
        [
            {"label": "Contact", "props": {"id": f"p{n}", "name": name, "company_id": "c"}}
            for n, name in enumerate(people)
        ],
        [],
    )
    page = open_map(browser, chain_map_html(graph, {}, {}, map_text("en")).html, tmp_path, FRAME_WIDTH, 600)
    drawn = page.evaluate(
        """names => {
            const ctx = document.createElement('canvas').getContext('2d');
            ctx.font = '700 22px ' + FONT;
            return names.map(n => cardName(ctx, n, MAP.cardW - 30));
        }""",
        people,
    )
    assert drawn[0] != drawn[1] and drawn[0].startswith("N. ") and drawn[1].startswith("N. S"), drawn
    assert drawn[2] == "张伟", "a name that fits is drawn whole"
    page.close()
