"""The store stopped in the middle of an import, at a chosen point: the report says what landed, exactly, and
running the same import again finishes it.

The stop point is the importer's ``progress`` callback, which runs after each batch has landed: stopping the
server there, between two units of work, makes the test deterministic under any load (no batch is in flight,
so "landed" is exact). Each pass stops a server of its own, on a data folder of its own: an embedded FalkorDB
on the first pass, a local Neo4j on the Neo4j pass (the shared one must keep serving the other tests).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from graph.config.settings import Settings
from graph.servers.connect import open_store
from graph.servers.embedded import ensure_server
from graph.servers.neo4j_local import stop_local_neo4j
from ingest.importer import import_paths
from ingest.synthetic import synthetic_csv
from tests.conftest import ON_NEO4J
from tests.integration.test_store import dump

pytestmark = pytest.mark.integration
BATCH_ROWS = 200
"""Small batches: what is tested is where the import stops, not how much it moves (the default is 2,000)."""
CONTACTS = 3 * BATCH_ROWS
STOP_AFTER = BATCH_ROWS
"""Contacts landed when the server is stopped: one batch of three."""


@dataclass(frozen=True)
class Server:
    """A store server this test may stop and start again: its settings and how to stop it now."""

    settings: Settings
    stop: Callable[[], object]


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    if ON_NEO4J:
        folder = tmp_path / "neo4j"
        yield Server(
            Settings(neo4j_uri=None, kagraph_store="neo4j-local", kagraph_data_dir=folder),
            lambda: stop_local_neo4j(folder),
        )
        stop_local_neo4j(folder)
    else:
        folder = tmp_path / "falkordb"
        settings = Settings(neo4j_uri=None, kagraph_store="falkordb", kagraph_data_dir=folder, kagraph_graph="stop")
        yield Server(settings, lambda: ensure_server(folder).stop())
        ensure_server(folder).stop()


def stop_after(server: Server, stem: str, rows: int) -> Callable[[str, int], None]:
    """A progress callback that stops the server once ``rows`` rows of ``stem`` have landed."""

    def progress(at_stem: str, landed: int) -> None:
        if (at_stem, landed) == (stem, rows):
            server.stop()

    return progress


def test_a_store_stopped_between_batches_reports_what_landed_and_a_rerun_finishes(
    server: Server, tmp_path: Path
) -> None:
    synthetic_csv(tmp_path, CONTACTS)
    store = open_store(server.settings)
    try:
        report = import_paths(
            store,
            [tmp_path],
            progress=stop_after(server, "contacts", STOP_AFTER),
            who="importer",
            batch_rows=BATCH_ROWS,
        )
    finally:
        store.close()
    assert report.stopped is not None and report.stopped.startswith("store unreachable"), report.stopped
    assert "run the same import again to finish it" in report.stopped
    assert report.stems["contacts"].landed == STOP_AFTER, "the report counts the batches that landed"
    assert "influence" not in report.stems, "nothing after the stop was read as if it had landed"

    store = open_store(server.settings)  # the server starts again
    try:
        assert store.accounts.counts().get("Contact", 0) == STOP_AFTER, "exactly what the report says landed is stored"
        batches = [c.action.english for c in store.history.changes_since(dt.date.today() - dt.timedelta(days=1))]
        assert batches.count("import contacts.csv") == STOP_AFTER // BATCH_ROWS, "each landed batch has its history"
        rerun = import_paths(store, [tmp_path], who="importer", batch_rows=BATCH_ROWS)
        assert rerun.stopped is None
        assert store.accounts.counts().get("Contact", 0) == CONTACTS
        resumed = dump(store, with_history=False)
        store.clear()
        import_paths(store, [tmp_path], who="importer", batch_rows=BATCH_ROWS)
        assert dump(store, with_history=False) == resumed, "stopped and re-run ends as one clean import does"
    finally:
        store.close()
