"""The one interface the store needs from a graph server.

Two implementations, one per server: ``Neo4jRunner`` (official neo4j driver)
and ``FalkorRunner`` (FalkorDB's own client over RESP). Both take the same
Cypher constants and return rows as plain Python dicts, so nothing above this
layer knows which server it is talking to.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

__all__ = ["Row", "Runner"]

Row = dict[str, Any]


class Runner(Protocol):
    kind: str
    """``neo4j`` or ``falkordb``."""
    address: str
    """Where the server is, as shown to the user."""

    def read(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        """Run a read-only statement."""
        ...

    def write(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        """Run a statement that may change data, as one transaction."""
        ...

    def ensure_schema(self, labels: tuple[str, ...]) -> None:
        """Create unique ``id`` constraints and lookup indexes; safe to repeat."""
        ...

    def close(self) -> None: ...
