"""``python -m graph status`` against a misconfigured or failing Neo4j: one readable line, exit code 2.

Most cases need no server at all (an address that is no Bolt URI, a port on which
nothing listens). A wrong password and an unknown database need a real Neo4j: those
cases exist only when ``NEO4J_URI`` names one, and then use that server.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]
CLOSED_PORT = "{closed_port}"
"""Stands for a port on 127.0.0.1 that is bound but not listening: a stopped Neo4j (connection refused)."""


class Case(NamedTuple):
    env: dict[str, str]
    """NEO4J_* for the command; ``CLOSED_PORT`` in a value is replaced."""
    says: tuple[str, ...]
    """The line names all of these."""


CASES: dict[str, Case] = {
    "not-a-uri": Case({"NEO4J_URI": "notauri", "NEO4J_PASSWORD": "x"}, ("NEO4J_URI", "write bolt://notauri")),
    "http": Case(
        {"NEO4J_URI": "http://127.0.0.1:7474", "NEO4J_PASSWORD": "x"},
        ("NEO4J_URI", "HTTP", "write bolt://127.0.0.1:7687"),
    ),
    "https": Case({"NEO4J_URI": "https://db.example.com", "NEO4J_PASSWORD": "x"}, ("NEO4J_URI", "bolt+s://")),
    "other-scheme": Case({"NEO4J_URI": "redis://127.0.0.1:6379", "NEO4J_PASSWORD": "x"}, ("NEO4J_URI", "bolt://")),
    "bad-port": Case({"NEO4J_URI": "bolt://127.0.0.1:port", "NEO4J_PASSWORD": "x"}, ("NEO4J_URI", "port")),
    "no-host": Case({"NEO4J_URI": "bolt://:7687", "NEO4J_PASSWORD": "x"}, ("NEO4J_URI", "no host")),
    "default-password-look-alike-host": Case(
        {"NEO4J_URI": "bolt://localhost.evil.com:7687", "NEO4J_PASSWORD": "neo4j"},
        ("NEO4J_PASSWORD", "default password"),
    ),
    "stopped-bolt": Case(
        {"NEO4J_URI": f"bolt://127.0.0.1:{CLOSED_PORT}", "NEO4J_PASSWORD": "x"}, ("unreachable", "refused")
    ),
    "stopped-neo4j-routing": Case(
        {"NEO4J_URI": f"neo4j://127.0.0.1:{CLOSED_PORT}", "NEO4J_PASSWORD": "x"}, ("unreachable",)
    ),
}
if os.environ.get("NEO4J_URI"):  # these two need a real server: they exist only when there is one
    _uri = os.environ["NEO4J_URI"]
    _login = {"NEO4J_URI": _uri, "NEO4J_USER": os.environ.get("NEO4J_USER", "neo4j")}
    CASES["wrong-password"] = Case(
        _login | {"NEO4J_PASSWORD": "kagraph-test-wrong-password"},
        (f"store at {_uri}", "refused the login"),
    )
    CASES["unknown-database"] = Case(
        _login | {"NEO4J_PASSWORD": os.environ.get("NEO4J_PASSWORD", ""), "NEO4J_DATABASE": "nosuchdb"},
        (f"store at {_uri}", "'nosuchdb'"),
    )


@pytest.fixture
def closed_port() -> Iterator[int]:
    """A TCP port on 127.0.0.1 held bound without listening, so connecting to it is refused."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        yield int(sock.getsockname()[1])


def graph_status(values: dict[str, str], data_dir: Path) -> subprocess.CompletedProcess[str]:
    """``python -m graph status`` with none of the caller's NEO4J_*/KAGRAPH_* settings, only ``values``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KAGRAPH_", "NEO4J_"))}
    env |= {"KAGRAPH_DATA_DIR": str(data_dir)} | values
    return subprocess.run(
        [sys.executable, "-m", "graph", "status"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_a_bad_neo4j_setting_or_state_is_one_line_and_exit_code_2(case: Case, closed_port: int, tmp_path: Path) -> None:
    values = {name: value.replace(CLOSED_PORT, str(closed_port)) for name, value in case.env.items()}
    result = graph_status(values, tmp_path)
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("kagraph:"), result.stderr
    assert all(part in lines[0] for part in case.says), (case.says, lines[0])
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""


def test_the_cases_needing_a_server_exist_exactly_when_neo4j_uri_is_set() -> None:
    needs_server = {"wrong-password", "unknown-database"}
    assert needs_server & CASES.keys() == (needs_server if os.environ.get("NEO4J_URI") else set())
