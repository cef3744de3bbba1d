"""AppTest runs the real app.py against a real embedded server holding the demo data."""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Iterator

import pytest
import streamlit as st

from graph.config.settings import Settings
from graph.servers.connect import open_store
from graph.servers.embedded import EmbeddedServer
from tests.conftest import ON_NEO4J, neo4j_environment
from ui.cached_store import shared_store

APP_GRAPH = "apptest_demo"
WRITER = "测试员 Tester"


_neo4j_holds: list[str] = []
"""On the Neo4j pass there is one database, not one graph per name: what it holds now (a graph name)."""


def _point_app_at(server: EmbeddedServer, graph: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point the app at ``graph``: a graph of that name on the embedded server, or Neo4j's one database.

    Neo4j Community has a single database, so a test that asks for another
    graph than the one it holds gets it emptied first (the app then loads the
    demo again where it starts on an empty store).
    """
    for name in [n for n in os.environ if n.startswith(("NEO4J_", "KAGRAPH_"))]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("KAGRAPH_DATA_DIR", str(server.data_dir))
    monkeypatch.setenv("KAGRAPH_GRAPH", graph)
    for name, value in neo4j_environment().items():
        monkeypatch.setenv(name, value)
    if ON_NEO4J and _neo4j_holds != [graph]:
        store = open_store(Settings())
        store.clear()
        store.close()
        _neo4j_holds[:] = [graph]
    shared_store.clear()
    st.cache_data.clear()  # subgraphs cached for another graph must not leak into this one


@pytest.fixture
def app_env(embedded_server: EmbeddedServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Point the app at the session's embedded server; the demo loads on its first start."""
    _point_app_at(embedded_server, APP_GRAPH, monkeypatch)
    yield
    shared_store.clear()


@pytest.fixture
def import_env(embedded_server: EmbeddedServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A graph of its own for tests that write (imports, edits), so other app tests never see their rows.

    Writes are recorded with a user name, as ``KAGRAPH_USER`` gives one.
    """
    _point_app_at(embedded_server, f"apptest_import_{uuid.uuid4().hex[:8]}", monkeypatch)
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
