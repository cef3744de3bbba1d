"""The one interface the store needs from a graph server.

Two implementations, one per server: ``Neo4jRunner`` (official neo4j driver)
and ``FalkorRunner`` (FalkorDB's own client over RESP). Both take the same
Cypher constants and return rows as plain Python dicts, so nothing above this
layer knows which server it is talking to.

Several statements that must land together (an edit with its history entry,
an import batch) go through ``Runner.unit``: a unit of work reads first and
queues its writes, which land whole or not at all when the work returns. The
two servers reach that differently (one transaction on Neo4j; on FalkorDB one
query under an optimistic watch, see ``falkordb_runner``), with one meaning:
reads in a unit see what was committed before it, writes are applied in the
order queued, and a unit that raises leaves nothing behind.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, Protocol, TypeVar

__all__ = ["Reader", "Row", "Runner", "Transaction"]

Row = dict[str, Any]
_T = TypeVar("_T")


class Reader(Protocol):
    """What a read model needs: a runner for reads on their own, or a unit of work's transaction."""

    def read(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]: ...


class Transaction(Protocol):
    """What a unit of work may do: read now, queue writes, lock versions before comparing them."""

    def read(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        """Run a read-only statement against what was committed before the unit began its writes."""
        ...

    def write(self, query: str, params: Mapping[str, Any] | None = None) -> None:
        """Queue a statement that changes data; it runs, in order with the others, when the work returns."""
        ...

    def versions(self, label: str, ids: Iterable[str]) -> dict[str, int]:
        """The stored ``version`` of each existing node, held so that no other unit changes it before this commits."""
        ...


class Runner(Protocol):
    kind: str
    """``neo4j`` or ``falkordb``."""
    address: str
    """Where the server is, as shown to the user."""

    def read(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        """Run a read-only statement."""
        ...

    def write(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        """Run one statement that may change data, as one transaction."""
        ...

    def unit(self, work: Callable[[Transaction], _T]) -> _T:
        """Run ``work`` as one unit of work: all its writes land, or none do.

        ``work`` may be called again when the server asks for a retry (a
        deadlock on Neo4j, a concurrent write on FalkorDB), so it must compute
        everything it writes from what it reads.
        """
        ...

    def ensure_schema(self, labels: tuple[str, ...]) -> None:
        """Create unique ``id`` constraints and lookup indexes; safe to repeat."""
        ...

    def close(self) -> None: ...
