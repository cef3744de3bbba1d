"""A runner without a server that records every statement it is given: for checks of what the store sends.

It is its own unit of work's transaction (``unit`` calls the work once and
keeps the queued writes in order), answers reads from a few canned rules
(every id asked about exists, and so does every relationship to be removed,
every company is its own group root, every version is 1, the nodes given
are stored) and otherwise with no rows, so the store's code runs its whole way and the statements and
parameters it sends can be looked at.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from graph.store.account_cypher import CONTACT_COMPANY, GROUP_ROOT
from graph.store.cypher import DELETE_SOME, EXISTING_IDS, FETCH_NODES
from graph.store.runner import Row, Transaction
from graph.store.write_cypher import EDGE_PROPS

__all__ = ["RecordingRunner", "Sent"]

_T = TypeVar("_T")
Sent = tuple[str, dict[str, Any]]
_EXISTING = set(EXISTING_IDS.values())
_EDGE_PROPS = set(EDGE_PROPS.values())
_FETCH_NODES = {query: label for label, query in FETCH_NODES.items()}


class RecordingRunner:
    kind = "recording"
    address = "nowhere"

    def __init__(self, nodes: Mapping[str, Mapping[str, dict[str, Any]]] | None = None) -> None:
        self.nodes = nodes or {}
        """The stored nodes ``FETCH_NODES`` answers with: label → id → properties (none unless given)."""
        self.sent: list[Sent] = []
        """Every statement read or written, with its parameters, in order."""
        self.units: list[list[Sent]] = []
        """Per unit of work, the writes it queued."""
        self._queue: list[Sent] | None = None

    def read(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        values = dict(params or {})
        self.sent.append((query, values))
        if query in _EXISTING:
            return [{"id": node_id} for node_id in values["ids"]]
        if query in _FETCH_NODES:
            stored = self.nodes.get(_FETCH_NODES[query], {})
            return [{"id": i, "props": stored[i]} for i in values["ids"] if i in stored]
        if query in _EDGE_PROPS:
            return [{"source": r["source"], "target": r["target"], "props": {"key": r["key"]}} for r in values["rows"]]
        if query == GROUP_ROOT:
            return [{"id": values["id"]}]
        if query == CONTACT_COMPANY:
            return [{"company_id": "c"}]
        return []

    def write(self, query: str, params: Mapping[str, Any] | None = None) -> Any:
        self.sent.append((query, dict(params or {})))
        if self._queue is not None:
            self._queue.append((query, dict(params or {})))
            return None
        return [{"deleted": 0}] if query == DELETE_SOME else []

    def versions(self, label: str, ids: Iterable[str]) -> dict[str, int]:
        return {node_id: 1 for node_id in ids}

    def unit(self, work: Callable[[Transaction], _T]) -> _T:
        self._queue = []
        try:
            return work(self)
        finally:
            self.units.append(self._queue)
            self._queue = None

    def ensure_schema(self, labels: tuple[str, ...]) -> None:
        """Nothing to set up."""

    def close(self) -> None:
        """Nothing to close."""
