"""Fixtures shared by every test layer.

Integration tests talk to a real server: a session-scoped embedded FalkorDB on
a temporary directory and a free port, or the Neo4j named by ``NEO4J_URI``
(tests empty it, so point it at a throwaway database). Each test gets an
empty graph of its own.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest

from graph.config.settings import Settings
from graph.servers.connect import open_store
from graph.servers.embedded import EmbeddedServer, ensure_server
from graph.store import GraphStore

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
