"""The run command's app, for real: HTTP, a browser, SIGTERM and a restart."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.conftest import ROOT, ServedApp, app_env, browse, serve

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


def test_app_serves_the_demo_in_a_browser(served_app: ServedApp, tmp_path: Path) -> None:
    dom = browse(served_app.url, "overview", tmp_path)
    assert "Overview" in dom
    assert "华东" in dom  # the Chinese demo group is listed
    assert "Traceback" not in dom


def test_sigterm_and_restart_lose_nothing(served_app: ServedApp, tmp_path: Path) -> None:
    browse(served_app.url, "before-restart", tmp_path)  # a session makes the app start its store
    assert (served_app.data_dir / "falkordb.json").exists()
    before = store_counts(served_app.data_dir)
    assert before["Contact"] >= 300
    assert served_app.stop() == 0
    assert not (served_app.data_dir / "falkordb.json").exists(), "the app left its store running"
    again = serve(served_app.data_dir)
    try:
        assert store_counts(again.data_dir) == before
    finally:
        again.stop()
