"""The local Neo4j's life: started once, reused by later processes, stopped when idle, and readable failures.

These tests start a server of their own in a temporary data folder (about ten
seconds of JVM start), whichever store the rest of the pass runs on.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import GraphDatabase

from graph.servers.neo4j_local import JAR, running_local_neo4j, stop_local_neo4j
from tests.conftest import ON_NEO4J

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(ON_NEO4J, reason="the local Neo4j's own life: servers of its own, run on the first pass"),
]
ROOT = Path(__file__).resolve().parents[2]
SETTING = "SHOW SETTINGS YIELD name, value WHERE name = $name RETURN value"


def local_env(data_dir: Path, **extra: str) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "KAGRAPH_"))}
    return {**clean, "KAGRAPH_STORE": "neo4j-local", "KAGRAPH_DATA_DIR": str(data_dir), **extra}


def cli(data_dir: Path, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "graph", *args],
        cwd=ROOT,
        env=local_env(data_dir, **extra),
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture
def neo4j_dir(tmp_path: Path) -> Iterator[Path]:
    yield tmp_path
    stop_local_neo4j(tmp_path)


def test_a_cli_call_starts_it_and_the_next_reuses_it_warm(neo4j_dir: Path) -> None:
    (neo4j_dir / "neo4j").mkdir()
    (neo4j_dir / "neo4j" / "neo4j.conf").write_text("dbms.cypher.min_replan_interval=17m\n", encoding="utf-8")
    first = cli(neo4j_dir, "status")
    assert first.returncode == 0, first.stderr
    assert "kagraph: starting the local Neo4j" in first.stderr, "a first start says what it is doing"
    server = running_local_neo4j(neo4j_dir)
    assert server is not None, "the server outlives the call that started it"
    built = JAR.stat().st_mtime
    second = cli(neo4j_dir, "status")
    assert second.returncode == 0, second.stderr
    assert "starting" not in second.stderr, "a warm call starts nothing"
    again = running_local_neo4j(neo4j_dir)
    assert again is not None and again.pid == server.pid, "the second call reuses the running server"
    assert JAR.stat().st_mtime == built, "a second start does not rebuild the launcher"
    assert oct((neo4j_dir / "neo4j" / "login").stat().st_mode & 0o777) == "0o600"
    with GraphDatabase.driver(server.uri, auth=(server.user, server.password)) as driver:
        read = driver.execute_query(SETTING, name="dbms.cypher.min_replan_interval").records
    assert [record["value"] for record in read] == ["17m"], "the server reads its own neo4j.conf"


def test_data_survives_a_stop_and_the_server_stops_itself_when_idle(neo4j_dir: Path) -> None:
    """Only command-line processes use this server, so once the last has ended it stops after its idle time."""
    loaded = subprocess.run(
        [sys.executable, "-m", "ingest", str(ROOT / "templates")],
        cwd=ROOT,
        env=local_env(neo4j_dir),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert loaded.returncode == 0, loaded.stderr
    assert stop_local_neo4j(neo4j_dir)
    assert running_local_neo4j(neo4j_dir) is None
    result = cli(neo4j_dir, "groups", KAGRAPH_NEO4J_IDLE="3")
    assert result.returncode == 0, result.stderr
    assert '"Acme Holdings Ltd."' in result.stdout
    assert running_local_neo4j(neo4j_dir) is not None
    deadline = time.monotonic() + 60
    while running_local_neo4j(neo4j_dir) is not None and time.monotonic() < deadline:
        time.sleep(0.5)
    assert running_local_neo4j(neo4j_dir) is None, "no user process is left, so the server stopped itself"


def test_without_java_one_line_says_what_to_install(tmp_path: Path) -> None:
    result = cli(tmp_path, "status", JAVA_HOME=str(tmp_path / "no-jdk"))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("kagraph: the local Neo4j needs Java 17 or newer")
    assert "apt-get install" in result.stderr
