"""Fixtures shared by every test layer.

Integration tests talk to a real server: a session-scoped embedded FalkorDB on
a temporary directory and a free port, or the Neo4j named by ``NEO4J_URI``
(tests empty it, so point it at a throwaway database). Each test gets an
empty graph of its own.

The suite runs on parallel workers (``pytest -n``, ``test.sh``). Every worker is
a session of its own, so it starts its own embedded FalkorDB; on the Neo4j pass
``test.sh`` starts one local Neo4j per worker under ``KAGRAPH_TEST_NEO4J_ROOT``
(Neo4j Community has a single database, which two workers would empty under
each other), and each worker points ``NEO4J_*`` at its own before any test
module reads them.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from graph.config.settings import Settings
from graph.servers.connect import open_store
from graph.servers.embedded import EmbeddedServer, ensure_server
from graph.servers.neo4j_local import running_local_neo4j
from graph.store import GraphStore


def _point_worker_at_its_neo4j() -> None:
    """On test.sh's Neo4j pass, ``NEO4J_*`` name this worker's own local Neo4j (``KAGRAPH_TEST_NEO4J_ROOT/gwN``)."""
    root = os.environ.get("KAGRAPH_TEST_NEO4J_ROOT")
    if not root:
        return
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    server = running_local_neo4j(Path(root) / worker)
    if server is None:
        raise RuntimeError(f"no local Neo4j serves {Path(root) / worker}: test.sh starts one per worker")
    os.environ.update({"NEO4J_URI": server.uri, "NEO4J_USER": server.user, "NEO4J_PASSWORD": server.password})


_point_worker_at_its_neo4j()

settings.register_profile("ci", derandomize=True, database=None, deadline=None, max_examples=300)
settings.register_profile("quick", derandomize=True, database=None, deadline=None, max_examples=40)
settings.load_profile(os.environ.get("KAGRAPH_HYPOTHESIS", "ci"))
"""Property and fuzz tests draw the same cases every run: the full count on ``ci`` (test.sh), fewer on ``quick``."""
ON_NEO4J = bool(os.environ.get("NEO4J_URI"))
"""The suite's second pass: every store-touching test against the Neo4j at ``NEO4J_URI`` (``test.sh``)."""


def neo4j_environment() -> dict[str, str]:
    """The ``NEO4J_*`` variables the suite runs with: empty on the embedded pass."""
    return {name: value for name, value in os.environ.items() if name.startswith("NEO4J_")} if ON_NEO4J else {}


@pytest.fixture(scope="session")
def embedded_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedServer]:
    server = ensure_server(tmp_path_factory.mktemp("falkordb"))
    yield server
    server.stop()


@pytest.fixture
def store_settings(embedded_server: EmbeddedServer) -> Settings:
    """Settings for an empty graph: a fresh graph name on the embedded server, or Neo4j."""
    if ON_NEO4J:
        return Settings()
    return Settings(kagraph_data_dir=embedded_server.data_dir, kagraph_graph=f"test_{uuid.uuid4().hex[:12]}")


@pytest.fixture
def store(store_settings: Settings) -> Iterator[GraphStore]:
    graph_store = open_store(store_settings)
    graph_store.clear()
    yield graph_store
    graph_store.clear()
    graph_store.close()


_SLOWEST_FIRST = {"e2e": 0, "app": 1, "integration": 2}
"""Layers by how long their tests take, seconds each for a browser down to milliseconds for a unit."""


def _layer(nodeid: str) -> str:
    parts = Path(nodeid.split("::", 1)[0]).parts
    return parts[1] if len(parts) > 2 and parts[0] == "tests" else "doctests"


_STORE_FIXTURES = frozenset(
    {"store", "store_settings", "app_env", "import_env", "served_app", "demo_app", "sign_in_app"}
)
"""What a page or browser test needs a store through; one that asks for none (a map drawn from a graph in memory,
the store-down message) means the same on either server."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run the slowest layers first, each in the order collected; on the Neo4j pass, skip the storeless pages.

    test.sh hands the workers one test at a time (``--maxschedchunk 1``): a browser test then starts while there is
    still plenty to share, and the last minute is unit tests spread over every worker instead of one worker alone
    with a long browser test.
    """
    items.sort(key=lambda item: _SLOWEST_FIRST.get(_layer(item.nodeid), len(_SLOWEST_FIRST)))
    if not ON_NEO4J:
        return
    storeless = pytest.mark.skip(reason="touches no store: the embedded pass ran it")
    for item in items:
        if _layer(item.nodeid) in ("app", "e2e") and not _STORE_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(storeless)


_LAYER_SECONDS: dict[str, float] = {}
"""Seconds spent per test layer (setup, call and teardown), summed over the workers: the README's figures."""


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    layer = _layer(report.nodeid)
    _LAYER_SECONDS[layer] = _LAYER_SECONDS.get(layer, 0.0) + report.duration


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _LAYER_SECONDS:
        figures = ", ".join(f"{layer} {seconds:.0f} s" for layer, seconds in sorted(_LAYER_SECONDS.items()))
        terminalreporter.write_line(f"time per layer, summed over the workers: {figures}")
