"""The onboarding digest of a demo account printed to PDF by headless Chromium, as a user would print it.

The print button is on the screen only; the app's print page shows nothing else on screen and the whole digest
on paper.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from graph.domain.access import local_viewer
from graph.render.digest import digest_html, digest_print_page
from graph.services.account_views import account_onboarding
from graph.services.visible_store import VisibleStore
from graph.store import GraphStore
from ingest.demo_ids import DEMO_TODAY
from ingest.load_demo import load_demo
from tests.e2e.conftest import SCREENSHOTS
from ui.digest_text import digest_document

pytestmark = pytest.mark.e2e


def test_digest_prints_to_pdf(store: GraphStore, browser: Browser, tmp_path: Path) -> None:
    load_demo(store)
    digest = account_onboarding(VisibleStore(store, local_viewer("e2e"), None), "co-hd-jx", "rep-li", DEMO_TODAY)
    names = {c["id"]: c["name"] for c in store.accounts.company_names()}
    document = digest_document(digest, names)
    printing = browser.new_page(viewport={"width": 900, "height": 1200})
    printing.add_init_script("window.print = function () { window.__prints = (window.__prints || 0) + 1; };")
    (tmp_path / "print.html").write_text(digest_print_page(document, 1, "again"), encoding="utf-8")
    printing.goto((tmp_path / "print.html").as_uri())
    printing.wait_for_function("window.__prints === 1")  # it opens the print dialog by itself
    assert printing.locator("h1").is_hidden() and printing.locator(".print-bar button").inner_text() == "again"
    printing.emulate_media(media="print")
    assert printing.locator("h1").is_visible() and printing.locator(".print-bar").is_hidden()
    printing.close()
    page = browser.new_page(viewport={"width": 900, "height": 1200})
    page.set_content(digest_html(document))
    assert page.locator("h1").is_visible() and page.locator(".print-bar button").inner_text() == "Print or save as PDF"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    pdf = SCREENSHOTS / "onboarding-digest.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    page.screenshot(path=str(SCREENSHOTS / "onboarding-digest.png"), full_page=True)
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 10_000
    page.emulate_media(media="print")
    assert page.locator(".print-bar").is_hidden()
    text = page.inner_text("main")
    assert "Meet these five first" in text and "华东电网嘉兴供电分公司" in text and "赵建国" in text
    page.close()
