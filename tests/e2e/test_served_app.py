"""The run command's app, for real: HTTP, a browser, SIGTERM and a restart."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.conftest import ON_NEO4J
from tests.e2e.conftest import ROOT, SCREENSHOTS, ServedApp, app_env, screenshot, serve

pytestmark = pytest.mark.e2e


def store_counts(data_dir: Path) -> dict[str, int]:
    result = subprocess.run(
        [sys.executable, "-m", "graph", "status"],
        cwd=ROOT,
        env=app_env(data_dir),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    counts: dict[str, int] = json.loads(result.stdout)["counts"]
    return counts


def test_app_serves_the_demo_in_a_browser(demo_app: ServedApp, browser: Browser) -> None:
    page = screenshot(browser, demo_app.url, "overview", "Customer groups and stand-alone companies")
    text = page.inner_text("body")
    assert "Traceback" not in text
    assert "Contacts" in text and ("Neo4j" if ON_NEO4J else "embedded FalkorDB") in text
    page.close()


def test_accounts_page_in_chinese(demo_app: ServedApp, browser: Browser) -> None:
    page = screenshot(browser, demo_app.url, "overview-before-accounts", "Overview")
    page.get_by_role("link", name="Accounts").click()
    page.get_by_text("Companies in the group").wait_for(timeout=30_000)
    page.wait_for_timeout(800)
    page.screenshot(path=str(SCREENSHOTS / "accounts.png"), full_page=True)
    page.get_by_text("简体中文").click()
    page.get_by_text("集团内公司").wait_for(timeout=30_000)
    page.wait_for_timeout(800)
    page.screenshot(path=str(SCREENSHOTS / "accounts-zh.png"), full_page=True)
    assert "Traceback" not in page.inner_text("body")
    page.get_by_role("link", name="决策链").click()  # the language stays chosen across pages
    page.get_by_text("决策权覆盖率").wait_for(timeout=60_000)
    page.close()


def test_sigterm_and_restart_lose_nothing(served_app: ServedApp, browser: Browser) -> None:
    screenshot(browser, served_app.url, "before-restart", "Customer groups").close()  # the app opened its store
    assert ON_NEO4J or (served_app.data_dir / "falkordb.json").exists()
    before = store_counts(served_app.data_dir)
    assert before["Contact"] >= 300
    # uvicorn shuts down gracefully, then ends by the signal it was sent (a service manager counts that as clean)
    assert served_app.stop() in (0, -signal.SIGTERM)
    assert not (served_app.data_dir / "falkordb.json").exists(), "the app left its embedded store running"
    again = serve(served_app.data_dir)
    try:
        assert store_counts(again.data_dir) == before
    finally:
        again.stop()


def test_decision_chain_page_draws_the_map(demo_app: ServedApp, browser: Browser) -> None:
    page = screenshot(browser, demo_app.url, "overview-before-chain", "Overview")
    page.get_by_role("link", name="Decision chain").click()
    page.get_by_text("Findings").first.wait_for(timeout=60_000)
    frame = page.frame_locator("iframe").first
    frame.locator("canvas").first.wait_for(timeout=30_000)
    page.wait_for_timeout(1500)
    page.screenshot(path=str(SCREENSHOTS / "decision-chain.png"), full_page=True)
    text = page.inner_text("body")
    assert "Traceback" not in text and "Coverage of decision power" in text
    page.get_by_role("tab", name="Relationship heatmap").click()
    page.locator("[data-testid='stVegaLiteChart']").first.wait_for(timeout=30_000)
    page.wait_for_timeout(1500)
    page.screenshot(path=str(SCREENSHOTS / "decision-chain-heatmap.png"), full_page=True)
    page.close()


def test_import_page_checks_uploaded_templates(demo_app: ServedApp, browser: Browser) -> None:
    page = screenshot(browser, demo_app.url, "overview-before-import", "Overview")
    page.get_by_role("link", name="Import").click()
    page.get_by_text("Import spreadsheets").wait_for(timeout=30_000)
    page.locator("input[type=file]").set_input_files(sorted(str(p) for p in (ROOT / "templates").glob("*.csv")))
    page.get_by_text("Preview: contacts.csv").wait_for(timeout=30_000)
    page.get_by_role("button", name="Import").click()
    page.get_by_text("Dry run: rows that would land: 23 · rows rejected: 0").wait_for(timeout=60_000)
    page.wait_for_timeout(800)
    page.screenshot(path=str(SCREENSHOTS / "import.png"), full_page=True)
    assert "Traceback" not in page.inner_text("body")
    page.close()


def _status(url: str, method: str = "GET") -> int:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, method=method), timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as refused:
        return refused.code


def test_streamlits_metrics_are_closed_to_everyone_and_the_rest_answers(demo_app: ServedApp) -> None:
    """``/_stcore/metrics`` tells anyone who is using the app; ``ui.closed_routes`` refuses it in every spelling."""
    for path in ("/_stcore/metrics", "/_stcore/metrics/", "//_stcore//metrics"):
        for method in ("GET", "HEAD", "POST", "OPTIONS"):
            assert _status(f"{demo_app.url}{path}", method) == 404, (path, method)
    assert _status(f"{demo_app.url}/_stcore/health") == 200
    assert _status(f"{demo_app.url}/decision_chain") == 200
