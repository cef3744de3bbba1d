"""The real app, served by ``streamlit run`` on a free port, and a headless Chromium.

Screenshots land in ``out/screenshots/`` so a person can look at what the
browser saw; the tests assert on the rendered DOM.
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

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "out" / "screenshots"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


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
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "KAGRAPH_"))}
    return {**env, "KAGRAPH_DATA_DIR": str(data_dir)}


def serve(data_dir: Path) -> ServedApp:
    """Start the app the way run.sh does (demo if empty, then streamlit run)."""
    env = app_env(data_dir)
    subprocess.run(
        [sys.executable, "-m", "ingest", "demo", "--if-empty"], cwd=ROOT, env=env, check=True, capture_output=True
    )
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
    app = serve(tmp_path / "data")
    yield app
    if app.process.poll() is None:
        app.stop()


def browse(url: str, name: str, tmp_path: Path, wait_ms: int = 15000) -> str:
    """Render ``url`` in headless Chromium: save a PNG screenshot, return the DOM."""
    if CHROMIUM is None:
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    common = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync", "--hide-scrollbars",
        "--window-size=1440,1000", f"--virtual-time-budget={wait_ms}",
    ]  # fmt: skip
    shot = subprocess.run(
        [
            *common,
            f"--user-data-dir={tmp_path / ('profile-shot-' + name)}",
            f"--screenshot={SCREENSHOTS / (name + '.png')}",
            url,
        ],
        capture_output=True,
        timeout=120,
    )
    assert shot.returncode == 0, shot.stderr.decode(errors="replace")[-2000:]
    dom = subprocess.run(
        [*common, f"--user-data-dir={tmp_path / ('profile-dom-' + name)}", "--dump-dom", url],
        capture_output=True,
        timeout=120,
    )
    assert dom.returncode == 0, dom.stderr.decode(errors="replace")[-2000:]
    return dom.stdout.decode("utf-8", errors="replace")
