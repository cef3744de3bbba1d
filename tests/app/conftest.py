"""AppTest runs the real app.py against a real server holding the demo data.

The app no longer loads the demo itself (run.sh does), so the fixtures put it
there: loaded once per worker into a template graph, which a test that writes
gets a copy of (``GRAPH.COPY``, a few milliseconds). Neo4j Community has one
database, so there the demo is loaded anew whenever a test needs another graph
than the one the database holds.
"""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Iterator

import pytest
import streamlit as st
from falkordb import FalkorDB
from streamlit.components.v2 import manifest_scanner

from graph.config.settings import Settings
from graph.servers.connect import open_store
from graph.servers.embedded import EmbeddedServer
from ingest.load_demo import load_demo
from tests.conftest import ON_NEO4J, neo4j_environment
from ui.cached_store import shared_store

APP_GRAPH = "apptest_demo"
DEMO_TEMPLATE = "apptest_demo_template"
WRITER = "测试员 Tester"


_neo4j_holds: list[str] = []
"""On the Neo4j pass there is one database, not one graph per name: what it holds now (a graph name)."""


@pytest.fixture(scope="session", autouse=True)
def components_scanned_once() -> Iterator[None]:
    """Scan the installed packages for Streamlit components once per worker, not on every ``AppTest``.

    Each new ``AppTest`` reads the metadata of every installed package on its first run (about 2 s here, most
    of a page test); the packages do not change during a test session, so one scan answers for all of them.
    """
    scanned = manifest_scanner.scan_component_manifests()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(manifest_scanner, "scan_component_manifests", lambda max_workers=None: list(scanned))
        yield


@pytest.fixture(scope="session")
def demo_template(embedded_server: EmbeddedServer) -> EmbeddedServer:
    """The worker's embedded server with the demo in ``DEMO_TEMPLATE``, loaded once (not used on Neo4j)."""
    if not ON_NEO4J:
        store = open_store(Settings(kagraph_data_dir=embedded_server.data_dir, kagraph_graph=DEMO_TEMPLATE))
        load_demo(store, reset=True)
        store.close()
    return embedded_server


def _holding_demo(server: EmbeddedServer, graph: str) -> None:
    """Make ``graph`` hold the demo: a copy of the template, or on Neo4j the demo loaded into its one database."""
    if ON_NEO4J:
        if _neo4j_holds != [graph]:
            store = open_store(Settings())
            load_demo(store, reset=True)
            store.close()
            _neo4j_holds[:] = [graph]
        return
    client = FalkorDB(host=server.host, port=server.port, password=server.password)
    if graph not in client.list_graphs():
        client.select_graph(DEMO_TEMPLATE).copy(graph)
    client.connection.close()


def _point_app_at(server: EmbeddedServer, graph: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point the app at ``graph`` holding the demo: a graph of that name on the embedded server, or Neo4j's database."""
    for name in [n for n in os.environ if n.startswith(("NEO4J_", "KAGRAPH_"))]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("KAGRAPH_DATA_DIR", str(server.data_dir))
    monkeypatch.setenv("KAGRAPH_GRAPH", graph)
    for name, value in neo4j_environment().items():
        monkeypatch.setenv(name, value)
    _holding_demo(server, graph)
    shared_store.clear()
    st.cache_data.clear()  # subgraphs cached for another graph must not leak into this one


@pytest.fixture
def app_env(demo_template: EmbeddedServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Point the app at the worker's demo graph, which tests that only read share."""
    _point_app_at(demo_template, APP_GRAPH, monkeypatch)
    yield
    shared_store.clear()


@pytest.fixture
def import_env(demo_template: EmbeddedServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A copy of the demo of its own for tests that write (imports, edits), so other app tests never see their rows.

    Writes are recorded with a user name, as ``KAGRAPH_USER`` gives one.
    """
    _point_app_at(demo_template, f"apptest_import_{uuid.uuid4().hex[:8]}", monkeypatch)
    monkeypatch.setenv("KAGRAPH_USER", WRITER)
    yield
    shared_store.clear()


@pytest.fixture
def store_down_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """NEO4J_URI at a port where nothing speaks Bolt."""
    with socket.socket() as blocker:
        blocker.bind(("127.0.0.1", 0))
        monkeypatch.setenv("NEO4J_URI", f"bolt://127.0.0.1:{blocker.getsockname()[1]}")
        monkeypatch.setenv("NEO4J_PASSWORD", "irrelevant")
        shared_store.clear()
        yield
        shared_store.clear()
