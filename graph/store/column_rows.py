"""Reading helpers every read model shares: batches of ids, and rows from a statement that answers columns."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, TypeVar

from graph.domain.errors import QueryFailed
from graph.store.cypher import EXISTING_IDS
from graph.store.runner import Reader
from graph.store.statements import query_name

__all__ = ["BATCH_SIZE", "batches", "columns", "existing_ids"]

BATCH_SIZE = 1000
_T = TypeVar("_T")


def batches(items: Sequence[_T], size: int = BATCH_SIZE) -> Iterator[Sequence[_T]]:
    """``items`` in slices of ``size``: what one statement's ``$rows`` or ``$ids`` gets.

    >>> [list(b) for b in batches([1, 2, 3], 2)]
    [[1, 2], [3]]
    """
    for start in range(0, len(items), size):
        yield items[start : start + size]


def columns(
    reader: Reader, query: str, params: Mapping[str, Any] | None = None, unset: Mapping[str, object] | None = None
) -> list[dict[str, Any]]:
    """Rows of a statement that answers one row of columns (see ``cypher``'s docstring).

    ``unset`` maps a column to the stand-in its statement puts for an unset value; that becomes ``None``.
    """
    answer = reader.read(query, {"blank": "", **(params or {})})
    if not answer:
        return []
    lists = answer[0]
    if len({len(values) for values in lists.values()}) > 1:
        raise QueryFailed(f"query {query_name(query)} answered columns of different lengths")
    names = list(lists)
    rows = [dict(zip(names, values, strict=True)) for values in zip(*lists.values(), strict=True)]
    for name, stand_in in (unset or {}).items():
        for row in rows:
            if row[name] == stand_in:
                row[name] = None
    return rows


def existing_ids(reader: Reader, label: str, ids: Iterable[str]) -> set[str]:
    """Which of ``ids`` exist as ``label`` nodes."""
    found: set[str] = set()
    for batch in batches(sorted(set(ids))):
        found.update(str(r["id"]) for r in reader.read(EXISTING_IDS[label], {"ids": list(batch)}))
    return found
