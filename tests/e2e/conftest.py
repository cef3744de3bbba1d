"""The real app, served by ``streamlit run`` on a free port, and a headless Chromium.

Playwright drives Debian's Chromium (a fresh profile per run, background
networking off). Screenshots land in ``out/screenshots/`` so a person can look
at what the browser saw; the tests assert on the rendered page.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.conftest import ON_NEO4J, neo4j_environment

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "out" / "screenshots"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--no-first-run", "--disable-sync",
]  # fmt: skip


@dataclass
class ServedApp:
    url: str
    data_dir: Path
    process: subprocess.Popen[bytes]

    def stop(self) -> int:
        """SIGTERM, as a service manager would; returns the exit code."""
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=30)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_for_http(url: str, process: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the app exited with {process.returncode} before serving")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {timeout:.0f} s")


def app_env(data_dir: Path) -> dict[str, str]:
    """The app's environment: a data folder of its own, and on the Neo4j pass the suite's ``NEO4J_*``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "KAGRAPH_"))}
    return {**env, **neo4j_environment(), "KAGRAPH_DATA_DIR": str(data_dir)}


def serve(data_dir: Path, fresh: bool = False) -> ServedApp:
    """Start the app the way run.sh does (demo if empty, then streamlit run).

    ``fresh`` starts from the demo alone: a new data folder gives the embedded
    store that by itself; Neo4j's one database is loaded anew.
    """
    env = app_env(data_dir)
    demo = ["--reset"] if fresh and ON_NEO4J else ["--if-empty"]
    subprocess.run([sys.executable, "-m", "ingest", "demo", *demo], cwd=ROOT, env=env, check=True, capture_output=True)
    port = _free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.headless",
            "true",
            "--server.port",
            str(port),
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    _wait_for_http(f"{url}/_stcore/health", process)
    return ServedApp(url=url, data_dir=data_dir, process=process)


@pytest.fixture
def served_app(tmp_path: Path) -> Iterator[ServedApp]:
    app = serve(tmp_path / "data", fresh=True)
    yield app
    if app.process.poll() is None:
        app.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless, driven by Playwright (which downloads no browser of its own)."""
    if CHROMIUM is None:
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


def screenshot(browser: Browser, url: str, name: str, wait_for: str) -> Page:
    """Open ``url``, wait until ``wait_for`` is visible, save ``out/screenshots/<name>.png``."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1440, "height": 1000})
    page.goto(url)
    page.get_by_text(wait_for, exact=False).first.wait_for(timeout=60_000)
    page.wait_for_timeout(800)  # let charts and iframes finish drawing
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
    return page


def settle(page: Page, timeout_ms: int = 60_000) -> None:
    """Wait until Streamlit has finished its rerun: no "running" status and no stale element left on the page.

    During a rerun the previous run's elements stay on screen marked ``data-stale``; a locator
    that matches one of them and one of the new run's finds two elements, or clicks a field that
    is about to disappear.
    """
    page.wait_for_function(
        "() => !document.querySelector(\"[data-testid='stStatusWidget']\")"
        " && !document.querySelector(\"[data-stale='true']\")",
        timeout=timeout_ms,
    )


def use_name(page: Page, name: str) -> None:
    """Choose the local name changes are recorded with (the sidebar's one-time choice)."""
    page.get_by_label("Your name (recorded with every change)").fill(name)
    page.get_by_role("button", name="Use this name").click()
    page.get_by_text("Your changes are recorded as").wait_for(timeout=30_000)
