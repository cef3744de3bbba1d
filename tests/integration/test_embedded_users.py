"""Several processes on one embedded server: never two servers, never stopped under a user, never left orphaned."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.servers.lifecycle import alive
from tests.conftest import ON_NEO4J

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(
        ON_NEO4J,
        reason="the embedded server's own life: servers of its own, run on the first pass",
    ),
]
ROOT = Path(__file__).resolve().parents[2]
HOLD = "from graph.servers.connect import open_store; store = open_store(); print('ready', flush=True); input()"
"""A process that uses the store until its standard input closes."""


def embedded_env(data_dir: Path, **extra: str) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "KAGRAPH_"))}
    return {**clean, "KAGRAPH_DATA_DIR": str(data_dir), **extra}


def server_pid(data_dir: Path) -> int | None:
    try:
        return int(json.loads((data_dir / "falkordb.json").read_text())["pid"])
    except (OSError, ValueError, KeyError):
        return None


def status(data_dir: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "graph", "status"],
        cwd=ROOT,
        env=embedded_env(data_dir, **extra),
        capture_output=True,
        text=True,
        timeout=180,
    )


@pytest.fixture
def holder(tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    """A first process using the store of ``tmp_path``, which started its server."""
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD],
        cwd=ROOT,
        env=embedded_env(tmp_path, KAGRAPH_EMBEDDED_IDLE="2"),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None and process.stdout.readline().strip() == "ready"
    yield process
    if process.poll() is None:
        process.kill()
        process.wait()
    pid = server_pid(tmp_path)
    if pid is not None and alive(pid):
        os.kill(pid, signal.SIGCONT)
        os.kill(pid, signal.SIGTERM)


def servers_in(data_dir: Path) -> list[int]:
    """The redis-server processes working in ``data_dir`` (Redis rewrites its command line, not its cwd)."""
    found = subprocess.run(["pgrep", "redis-server"], capture_output=True, text=True).stdout.split()
    return [int(p) for p in found if Path(f"/proc/{p}/cwd").resolve() == data_dir.resolve()]


def wait_until_gone(pid: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while alive(pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    return not alive(pid)


def test_the_process_that_started_the_server_leaves_it_running_for_the_others(
    holder: subprocess.Popen[str], tmp_path: Path
) -> None:
    pid = server_pid(tmp_path)
    assert pid is not None and alive(pid)
    second = subprocess.Popen(
        [sys.executable, "-c", HOLD + "; print(store.accounts.counts(), flush=True)"],
        cwd=ROOT,
        env=embedded_env(tmp_path),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert second.stdout is not None and second.stdin is not None and holder.stdin is not None
    assert second.stdout.readline().strip() == "ready"
    assert server_pid(tmp_path) == pid, "the second process found the running server"
    holder.stdin.close()
    holder.wait(timeout=60)
    assert alive(pid), "the process that started the server stopped it under another user"
    assert status(tmp_path).returncode == 0, "a command in between neither fails nor stops it"
    assert alive(pid)
    second.stdin.write("\n")
    second.stdin.close()
    assert second.wait(timeout=60) == 0, "the second user could still read the store after the first left"
    assert "relationships" in second.stdout.read()
    assert wait_until_gone(pid, 20), "the last user leaving stops the server"
    assert server_pid(tmp_path) is None


def test_a_server_whose_users_were_all_killed_stops_itself(holder: subprocess.Popen[str], tmp_path: Path) -> None:
    pid = server_pid(tmp_path)
    assert pid is not None
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    assert alive(pid), "killed users cannot stop the server themselves"
    assert wait_until_gone(pid, 30), "the watchdog stops a server nobody alive uses"
    deadline = time.monotonic() + 10  # the watchdog removes the state file just after the process ends
    while server_pid(tmp_path) is not None and time.monotonic() < deadline:
        time.sleep(0.1)
    assert server_pid(tmp_path) is None
    again = status(tmp_path)
    assert again.returncode == 0, again.stderr


def test_a_stopped_server_is_waited_for_never_doubled(holder: subprocess.Popen[str], tmp_path: Path) -> None:
    pid = server_pid(tmp_path)
    assert pid is not None
    os.kill(pid, signal.SIGSTOP)
    try:
        result = status(tmp_path, KAGRAPH_EMBEDDED_ANSWER_TIMEOUT="3")
    finally:
        os.kill(pid, signal.SIGCONT)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "does not answer" in result.stderr and "none was started" in result.stderr
    assert server_pid(tmp_path) == pid
    assert servers_in(tmp_path) == [pid], "a second server was started on the same data folder"
    after = status(tmp_path)
    assert after.returncode == 0, after.stderr
