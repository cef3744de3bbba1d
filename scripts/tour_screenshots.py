"""Take the README tour's screenshots (docs/tour/*.png): the app on a fresh demo, one page per role, 1440 px wide.

Run it after a change to one of these pages: ``.venv/bin/python scripts/tour_screenshots.py`` (Debian's chromium
needed). It serves the app on a scratch data folder, so your own data is not touched.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
TOUR = ROOT / "docs" / "tour"
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run",
]  # fmt: skip
STOPS = (
    ("key-account-manager", "decision_chain", "Edit the map"),
    ("team-lead", "group", "Group"),
    ("new-hire", "onboarding", "Meet these five first"),
    ("sales-ops", "claims", "Needs attention"),
)
"""(file name, page path, a text that shows the page has drawn)."""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _settled(page: Page) -> None:
    page.wait_for_function(
        "() => !document.querySelector(\"[data-testid='stStatusWidget']\")"
        " && !document.querySelector(\"[data-stale='true']\")",
        timeout=120_000,
    )
    page.wait_for_timeout(2500)  # maps draw inside their iframe after the page settles


def main() -> None:
    data = Path(tempfile.mkdtemp(prefix="kagraph-tour-"))
    port = _free_port()
    env = dict(os.environ, KAGRAPH_DATA_DIR=str(data), KAGRAPH_HTTP_PORT=str(port))
    subprocess.run([str(ROOT / ".venv/bin/python"), "-m", "ingest", "demo", "--if-empty"], env=env, check=True)
    app = subprocess.Popen(
        [str(ROOT / ".venv/bin/streamlit"), "run", "serve.py", "--server.headless=true", f"--server.port={port}"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2)
                break
            except OSError:
                time.sleep(1)
        TOUR.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_FLAGS)
            for name, path, drawn in STOPS:
                page = browser.new_page(viewport={"width": 1440, "height": 900})
                page.goto(f"http://127.0.0.1:{port}/{path}?lang=en")
                page.get_by_text(drawn, exact=False).first.wait_for(timeout=120_000)
                _settled(page)
                page.screenshot(path=str(TOUR / f"{name}.png"))
                page.close()
            browser.close()
    finally:
        app.terminate()
        app.wait(timeout=60)
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
