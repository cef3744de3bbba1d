"""Which server a benchmark runs on: the embedded FalkorDB (default) or a Neo4j.

Every bench takes ``--store falkordb|neo4j``. ``falkordb`` starts an embedded
server in a scratch folder of the bench's own; ``neo4j`` uses the server in
``NEO4J_URI`` / ``NEO4J_USER`` / ``NEO4J_PASSWORD`` and refuses, in one line,
when ``NEO4J_URI`` is unset. A local Neo4j for that:

    KAGRAPH_DATA_DIR=/tmp/bench-neo4j .venv/bin/python -m graph local-neo4j start --shell

The bench's FalkorDB fails a query that runs longer than ``--query-timeout``
seconds (120 unless told), so that one slow figure is reported as failed
rather than holding the run; Neo4j keeps its own settings.

Each case of a bench asks for an empty store (``BenchServer.fresh``): on
FalkorDB a graph of its own, on Neo4j (Community has one database) the one
database emptied. Because a Neo4j run empties that database, it refuses one
that already holds data unless ``--wipe`` is given, and empties it again when
it ends.
"""

from __future__ import annotations

import abc
import argparse
import atexit
import contextlib
import tempfile
from collections.abc import Iterator
from pathlib import Path

from falkordb import FalkorDB

from graph.config.settings import Settings, load_settings
from graph.domain.errors import ConfigError
from graph.servers.connect import open_store
from graph.servers.embedded import EmbeddedServer, ensure_server
from graph.store import GraphStore

__all__ = ["STORES", "BenchServer", "add_store_options", "bench_server", "falkordb_server", "neo4j_server"]

STORES = ("falkordb", "neo4j")
QUERY_TIMEOUT_S = 120.0
"""How long the bench's FalkorDB lets one query run: a figure that takes longer fails instead of holding the run
(the client would wait 300 s, and the server would go on working after that)."""
NAMES = {"falkordb": "FalkorDB", "neo4j": "Neo4j"}


def add_store_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--store",
        choices=STORES,
        default="falkordb",
        help="falkordb: an embedded server of the bench's own (default); neo4j: the server in NEO4J_URI etc.",
    )
    parser.add_argument(
        "--query-timeout",
        type=float,
        default=QUERY_TIMEOUT_S,
        help=f"seconds the bench's own FalkorDB lets one query run before failing it (default {QUERY_TIMEOUT_S:.0f}; "
        "0: no limit)",
    )
    parser.add_argument(
        "--wipe",
        action="store_true",
        help="with --store neo4j: empty a database that already holds data (refused otherwise)",
    )


class BenchServer(abc.ABC):
    """One server for a whole bench run; ``fresh`` hands each case an empty store on it."""

    def __init__(self, kind: str, address: str) -> None:
        self.kind = kind
        self.name = NAMES[kind]
        self.address = address
        self._stores: list[GraphStore] = []

    @abc.abstractmethod
    def fresh(self, case: str) -> GraphStore:
        """An empty store for one case (``case`` names the FalkorDB graph; Neo4j empties its one database)."""

    def close(self) -> None:
        for store in self._stores:
            store.close()
        self._stores.clear()


class _Falkor(BenchServer):
    def __init__(self, server: EmbeddedServer) -> None:
        super().__init__("falkordb", f"embedded FalkorDB on {server.host}:{server.port}")
        self._server = server
        self._cases = 0

    def fresh(self, case: str) -> GraphStore:
        self._cases += 1
        settings = Settings(
            kagraph_store="falkordb",
            neo4j_uri=None,  # whatever the environment says: this is the embedded server
            kagraph_data_dir=self._server.data_dir,
            kagraph_port=self._server.port,
            kagraph_graph=f"bench_{self._cases}_{case}",
        )
        store = open_store(settings)
        self._stores.append(store)
        return store

    def close(self) -> None:
        super().close()
        self._server.stop()
        atexit.unregister(self._server.stop)  # stopped already; at exit its scratch folder may be gone


class _Neo4j(BenchServer):
    def __init__(self, store: GraphStore) -> None:
        super().__init__("neo4j", f"Neo4j at {store.address}")
        self._store = store
        self._stores.append(store)

    def fresh(self, case: str) -> GraphStore:
        self._store.clear()
        return self._store

    def close(self) -> None:
        with contextlib.suppress(Exception):  # leave the scratch database empty, but never hide the bench's error
            self._store.clear()
        super().close()


def falkordb_server(folder: Path, query_timeout_s: float = QUERY_TIMEOUT_S) -> BenchServer:
    """An embedded FalkorDB with its data in ``folder``; ``query_timeout_s`` caps each query (0: no limit)."""
    server = ensure_server(folder)
    client = FalkorDB(host=server.host, port=server.port, password=server.password)
    try:
        client.config_set("TIMEOUT_DEFAULT", int(query_timeout_s * 1000))
    finally:
        client.close()
    return _Falkor(server)


def neo4j_server(settings: Settings, wipe: bool = False) -> BenchServer:
    """The Neo4j ``settings`` point at; ``SystemExit`` when it holds data and ``wipe`` is off."""
    store = open_store(settings)
    if not wipe and not store.records.is_empty():
        store.close()
        raise SystemExit(
            f"the Neo4j database at {store.address} holds data and the bench empties it; "
            "point NEO4J_URI at a scratch server or pass --wipe"
        )
    return _Neo4j(store)


def neo4j_from_environment() -> Settings:
    """Settings for ``--store neo4j``: exits with one line when ``NEO4J_URI`` is unset or bad."""
    try:
        settings = load_settings()
    except ConfigError as error:
        raise SystemExit(f"--store neo4j: {error}") from error
    if not settings.neo4j_uri:
        raise SystemExit(
            "--store neo4j needs NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD) set; for a local one: "
            "eval $(KAGRAPH_DATA_DIR=/tmp/bench-neo4j .venv/bin/python -m graph local-neo4j start --shell)"
        )
    return settings


@contextlib.contextmanager
def bench_server(args: argparse.Namespace) -> Iterator[BenchServer]:
    """The server ``--store`` chose, closed (and a scratch FalkorDB removed) when the bench ends."""
    if args.store == "neo4j":
        server = neo4j_server(neo4j_from_environment(), wipe=args.wipe)
        try:
            yield server
        finally:
            server.close()
        return
    with tempfile.TemporaryDirectory(prefix="kagraph-bench-") as folder:
        server = falkordb_server(Path(folder) / "falkordb", args.query_timeout)
        try:
            yield server
        finally:
            server.close()
