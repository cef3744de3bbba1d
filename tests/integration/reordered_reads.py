"""The real store, with every read's rows handed on in another order: the same data as another server may send it.

FalkorDB and Neo4j return the rows of a statement without ``ORDER BY`` in
orders of their own, and either may change it from one run to the next. An
answer that depends on that order differs between the two servers (issue 27:
``expansion`` named one lawyer on FalkorDB and another on Neo4j, both at
0.24). ``reordered(store, order)`` runs every statement on the real server,
nothing mocked, and only reorders what comes back:

- rows of a statement without ``ORDER BY``, by ``order``;
- a statement that answers one row of columns (``collect(…)`` lists, see
  ``graph.store.cypher``), its lists together, by one permutation, so the
  values of one record stay together;
- a statement with ``ORDER BY`` is left as it is: its order is part of what
  it answers (newest first, a ``LIMIT``).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from graph.store import GraphStore
from graph.store.runner import Row, Runner, Transaction

__all__ = ["Order", "ReorderedRunner", "reordered", "reversed_order", "shuffled_order"]

_T = TypeVar("_T")
Order = Callable[[list[Any]], list[Any]]
"""A new order for a list (of rows, or of positions)."""


def reversed_order(items: list[Any]) -> list[Any]:
    """The rows last first.

    >>> reversed_order([1, 2, 3])
    [3, 2, 1]
    """
    return items[::-1]


def shuffled_order(seed: int) -> Order:
    """Rows shuffled by a generator of its own, seeded: the same reads in the same sequence shuffle alike every run.

    >>> shuffle = shuffled_order(7)
    >>> sorted(shuffle(list(range(5))))
    [0, 1, 2, 3, 4]
    """
    generator = random.Random(seed)

    def shuffle(items: list[Any]) -> list[Any]:
        moved = list(items)
        generator.shuffle(moved)
        return moved

    return shuffle


def _is_columns(query: str, rows: list[Row]) -> bool:
    """Whether the answer is one row of ``collect`` lists of one length (a column statement's)."""
    if len(rows) != 1 or "collect(" not in query or not rows[0]:
        return False
    values = list(rows[0].values())
    return all(isinstance(v, list) for v in values) and len({len(v) for v in values}) == 1


def reorder(query: str, rows: list[Row], order: Order) -> list[Row]:
    """``rows`` as ``query`` may have answered them on another server.

    >>> reorder("MATCH (n) RETURN n.id AS id", [{"id": "a"}, {"id": "b"}], reversed_order)
    [{'id': 'b'}, {'id': 'a'}]
    >>> reorder("MATCH (n) RETURN collect(n.id) AS id, collect(n.x) AS x", [{"id": ["a", "b"], "x": [1, 2]}],
    ...         reversed_order)
    [{'id': ['b', 'a'], 'x': [2, 1]}]
    >>> reorder("MATCH (n) RETURN n.id AS id ORDER BY id", [{"id": "a"}, {"id": "b"}], reversed_order)
    [{'id': 'a'}, {'id': 'b'}]
    """
    if "ORDER BY" in query.upper():
        return rows
    if _is_columns(query, rows):
        row = rows[0]
        places = order(list(range(len(next(iter(row.values()))))))
        return [{name: [values[i] for i in places] for name, values in row.items()}]
    return order(list(rows))


class _ReorderedTransaction:
    """A unit of work's transaction whose reads come back reordered."""

    def __init__(self, inner: Transaction, order: Order) -> None:
        self._inner = inner
        self._order = order

    def read(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        return reorder(query, self._inner.read(query, params), self._order)

    def write(self, query: str, params: Mapping[str, Any] | None = None) -> None:
        self._inner.write(query, params)

    def versions(self, label: str, ids: Iterable[str]) -> dict[str, int]:
        return self._inner.versions(label, ids)


class ReorderedRunner:
    """The real runner; what every read answers comes back in another order (``reorder``)."""

    def __init__(self, inner: Runner, order: Order) -> None:
        self.inner = inner
        self.kind = inner.kind
        self.address = inner.address
        self._order = order

    def read(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        return reorder(query, self.inner.read(query, params), self._order)

    def write(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        return self.inner.write(query, params)

    def unit(self, work: Callable[[Transaction], _T]) -> _T:
        return self.inner.unit(lambda tx: work(_ReorderedTransaction(tx, self._order)))

    def ensure_schema(self, labels: tuple[str, ...]) -> None:
        self.inner.ensure_schema(labels)

    def close(self) -> None:
        """Leave the real runner open: the store it belongs to closes it."""


def reordered(store: GraphStore, order: Order) -> GraphStore:
    """A store over ``store``'s own runner (same server, same graph) whose reads come back in ``order``."""
    return GraphStore(ReorderedRunner(store.runner, order))
