"""Small readers over a kagraph subgraph shared by the analyses (private).

They are where the analyses meet the stored attributes: labels and relationship
types, a person's status, dates kept as ISO text. An analysis asks them and
does not parse storage formats of its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Any

import networkx as nx

from graph.domain.enums import Status


def nodes_of(graph: nx.MultiDiGraph[str], label: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """``(key, attributes)`` of every node with this label."""
    return ((k, d) for k, d in graph.nodes(data=True) if d.get("label") == label)


def edges_of(graph: nx.MultiDiGraph[str], edge_type: str) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """``(source, target, attributes)`` of every relationship of this type."""
    return ((s, t, d) for s, t, d in graph.edges(data=True) if d.get("type") == edge_type)


def display_name(graph: nx.MultiDiGraph[str], key: str) -> str:
    data = graph.nodes[key]
    return str(data.get("name") or data.get("id") or key)


def is_active(data: Mapping[str, Any]) -> bool:
    """Whether a contact or rep is still there: a record without a status is active.

    >>> is_active({}), is_active({"status": "left"})
    (True, False)
    """
    return bool(data.get("status", Status.ACTIVE) == Status.ACTIVE)


def has_left(data: Mapping[str, Any]) -> bool:
    """Whether a contact or rep is on record as having left."""
    return bool(data.get("status") == Status.LEFT)


def day(value: object) -> dt.date:
    """A stored date as a date: the store keeps dates as ISO text, a timestamp's first ten characters are its day.

    >>> day("2026-03-01"), day("2026-03-01T09:30:00"), day(dt.date(2026, 3, 1))
    (datetime.date(2026, 3, 1), datetime.date(2026, 3, 1), datetime.date(2026, 3, 1))
    """
    return dt.date.fromisoformat(str(value)[:10])


def day_or_none(value: object) -> dt.date | None:
    """``day`` of a value that may be unset (``None`` or empty text)."""
    return day(value) if value else None
