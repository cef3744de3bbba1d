"""The real store, watched or broken on purpose, and small readers of what it holds: for the store-promise tests.

``test_store_units``, ``test_store_bookkeeping`` and ``test_store_values`` check
what ``graph.store`` promises on the real server; the runners here wrap the real
one (no mock of the database) to count, watch or fail its statements, and the
readers look at the graph around the store's own read models.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from graph.domain.actions import Action, ActionCode
from graph.domain.changes import Author, ChangeSource
from graph.store import GraphStore
from graph.store.runner import Row, Runner, Transaction
from graph.store.statements import query_name

_T = TypeVar("_T")

DIVIDE_BY_ZERO = "MATCH (n:Contact {id: $id}) SET n.title = 1 / $zero"
"""A write both servers accept when queued and fail only while running it: the last statement of a doomed unit."""
CHANGE_IDS = "MATCH (c:Change) RETURN c.id AS id"
CONTACTS = "MATCH (n:Contact) RETURN n.id AS id, properties(n) AS props"
OUT_EDGES = "MATCH (:Contact {id: $id})-[r]->(b) RETURN type(r) AS type, b.id AS target"
CONTACT_EDGES = (
    "MATCH (a)-[r]->(b) WHERE (a:Contact OR b:Contact) AND type(r) <> 'ABOUT' "
    "RETURN a.id AS a, type(r) AS type, properties(r) AS props, b.id AS b"
)
ALL_NODES = "MATCH (n) RETURN count(n) AS n"
ALL_EDGES = "MATCH ()-[r]->() RETURN count(r) AS n"
HISTORY_LINKS = "MATCH ()-[r:ABOUT]->() RETURN count(r) AS n"


def by(who: str, action: ActionCode = ActionCode.EDIT_CONTACT) -> Author:
    return Author(who=who, source=ChangeSource.EDIT, action=Action.of(action))


def change_ids(store: GraphStore) -> set[str]:
    """Every ``Change`` node's id: the history as a set, to see what a write added to it."""
    return {str(r["id"]) for r in store.runner.read(CHANGE_IDS)}


def out_edges(store: GraphStore, contact_id: str) -> set[tuple[str, str]]:
    """(type, target id) of a contact's outgoing relationships."""
    return {(str(r["type"]), str(r["target"])) for r in store.runner.read(OUT_EDGES, {"id": contact_id})}


def contacts_and_their_edges(store: GraphStore) -> tuple[dict[str, dict[str, Any]], list[tuple[Any, ...]]]:
    """Every contact's properties (version included) and every relationship touching a contact, history aside."""
    nodes = {str(r["id"]): r["props"] for r in store.runner.read(CONTACTS)}
    edges = sorted((r["a"], r["type"], sorted(r["props"].items()), r["b"]) for r in store.runner.read(CONTACT_EDGES))
    return nodes, edges


def number(store: GraphStore, query: str) -> int:
    return int(store.runner.read(query)[0]["n"])


def contact_values(store: GraphStore, contact_id: str) -> dict[str, Any]:
    """What an edit form opens with: the stored contact and its managers."""
    props = store.records.node("Contact", contact_id)
    assert props is not None, f"no contact {contact_id}"
    return {**props, "reports_to": tuple(store.records.managers(contact_id))}


class _Recording:
    """A unit's transaction that remembers which statements the work queued."""

    def __init__(self, inner: Transaction) -> None:
        self._inner = inner
        self.queued: list[str] = []

    def read(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        return self._inner.read(query, params)

    def write(self, query: str, params: Mapping[str, Any] | None = None) -> None:
        self.queued.append(query)
        self._inner.write(query, params)

    def versions(self, label: str, ids: Iterable[str]) -> dict[str, int]:
        return self._inner.versions(label, ids)


class FailingAtTheEnd:
    """The real runner, except that chosen units of work get one more queued write, which fails on the server.

    No mock of the database: the unit's own statements run on the real server
    exactly as always, then ``DIVIDE_BY_ZERO`` fails at run time. Whatever of
    the unit is left afterwards is what a failure half-way through a real
    unit would leave. ``fails`` picks the units by the statements their work
    queued (default: every unit that queued any).
    """

    def __init__(self, inner: Runner, contact_id: str, fails: Callable[[list[str]], bool] = bool) -> None:
        self.inner = inner
        self.kind = inner.kind
        self.address = inner.address
        self._contact_id = contact_id
        self._fails = fails
        self.failed = 0

    def read(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        return self.inner.read(query, params)

    def write(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        return self.inner.write(query, params)

    def unit(self, work: Callable[[Transaction], _T]) -> _T:
        def then_fail(tx: Transaction) -> _T:
            recording = _Recording(tx)
            result = work(recording)
            if self._fails(recording.queued):
                self.failed += 1
                tx.write(DIVIDE_BY_ZERO, {"id": self._contact_id, "zero": 0})
            return result

        return self.inner.unit(then_fail)

    def ensure_schema(self, labels: tuple[str, ...]) -> None:
        self.inner.ensure_schema(labels)

    def close(self) -> None:
        self.inner.close()


class CountingWrites:
    """The real runner, counting how often each single statement is written (how many batches ``clear`` took)."""

    def __init__(self, inner: Runner) -> None:
        self.inner = inner
        self.kind = inner.kind
        self.address = inner.address
        self.calls: list[str] = []

    def read(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        return self.inner.read(query, params)

    def write(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        self.calls.append(query)
        return self.inner.write(query, params)

    def unit(self, work: Callable[[Transaction], _T]) -> _T:
        return self.inner.unit(work)

    def ensure_schema(self, labels: tuple[str, ...]) -> None:
        self.inner.ensure_schema(labels)

    def close(self) -> None:
        self.inner.close()


class WatchingReads:
    """The real runner, noting every read that goes around a unit of work while one is open.

    Such a read is not the unit's: on Neo4j it runs in another transaction
    (and, routed for reading, may reach another member of a cluster), on
    FalkorDB it is outside what the unit's watch and lock stand for. What it
    answers may be newer than what the unit checked, or older.
    """

    def __init__(self, inner: Runner) -> None:
        self.inner = inner
        self.kind = inner.kind
        self.address = inner.address
        self.outside: list[str] = []
        self._open = 0

    def read(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        if self._open:
            self.outside.append(query_name(query))
        return self.inner.read(query, params)

    def write(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        return self.inner.write(query, params)

    def unit(self, work: Callable[[Transaction], _T]) -> _T:
        self._open += 1
        try:
            return self.inner.unit(work)
        finally:
            self._open -= 1

    def ensure_schema(self, labels: tuple[str, ...]) -> None:
        self.inner.ensure_schema(labels)

    def close(self) -> None:
        self.inner.close()
