"""The onboarding digest of a demo account printed to PDF by headless Chromium, as a user would print it."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from graph.domain.access import local_viewer
from graph.render.digest import digest_html
from graph.services.account_views import account_onboarding
from graph.services.visible_store import VisibleStore
from graph.store import GraphStore
from ingest.demo_ids import DEMO_TODAY
from ingest.load_demo import load_demo
from tests.e2e.conftest import SCREENSHOTS
from ui.digest_text import digest_document

pytestmark = pytest.mark.e2e


def test_digest_prints_to_pdf(store: GraphStore, browser: Browser) -> None:
    load_demo(store)
    digest = account_onboarding(VisibleStore(store, local_viewer("e2e"), None), "co-hd-jx", "rep-li", DEMO_TODAY)
    names = {c["id"]: c["name"] for c in store.accounts.company_names()}
    page = browser.new_page(viewport={"width": 900, "height": 1200})
    page.set_content(digest_html(digest_document(digest, names)))
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    pdf = SCREENSHOTS / "onboarding-digest.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    page.screenshot(path=str(SCREENSHOTS / "onboarding-digest.png"), full_page=True)
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 10_000
    text = page.inner_text("body")
    assert "Meet these five first" in text and "华东电网嘉兴供电分公司" in text and "赵建国" in text
    page.close()
