"""AppTest runs the real app.py against a real embedded server holding the demo data."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator

import pytest

from graph.embedded import EmbeddedServer
from ui.store import shared_store

APP_GRAPH = "apptest_demo"


@pytest.fixture
def app_env(embedded_server: EmbeddedServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Point the app at the session's embedded server; the demo loads on its first start."""
    for name in [n for n in os.environ if n.startswith(("NEO4J_", "KAGRAPH_"))]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("KAGRAPH_DATA_DIR", str(embedded_server.data_dir))
    monkeypatch.setenv("KAGRAPH_GRAPH", APP_GRAPH)
    shared_store.clear()
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
