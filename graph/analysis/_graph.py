"""Small readers over a kagraph subgraph shared by the analyses (private).

They are where the analyses meet the stored attributes: labels and relationship
types, a person's status, dates kept as ISO text. An analysis asks them and
does not parse storage formats of its own.

They also hand out nodes and relationships in key order, never in the order
they were added: that order is the order a server returned its rows, which
differs between FalkorDB and Neo4j and between two runs. Wherever an analysis
keeps the first of equals (a path search among equal costs, a list of people
with equal scores), what it keeps must not depend on it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Any

import networkx as nx

from graph.domain.enums import Status


def nodes_of(graph: nx.MultiDiGraph[str], label: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """``(key, attributes)`` of every node with this label, by key (``Contact:a`` before ``Contact:b``).

    >>> g = nx.MultiDiGraph(); g.add_node("Contact:b", label="Contact"); g.add_node("Contact:a", label="Contact")
    >>> [key for key, _ in nodes_of(g, "Contact")]
    ['Contact:a', 'Contact:b']
    """
    found = [(k, d) for k, d in graph.nodes(data=True) if d.get("label") == label]
    return iter(sorted(found, key=lambda node: node[0]))


def edges_of(graph: nx.MultiDiGraph[str], edge_type: str) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """``(source, target, attributes)`` of every relationship of this type, by source, target and edge key.

    >>> g = nx.MultiDiGraph()
    >>> for s, t in (("b", "a"), ("a", "c"), ("a", "b")): _ = g.add_edge(s, t, key=f"KNOWS:{t}", type="KNOWS")
    >>> [(s, t) for s, t, _ in edges_of(g, "KNOWS")]
    [('a', 'b'), ('a', 'c'), ('b', 'a')]
    """
    found = [(s, t, k, d) for s, t, k, d in graph.edges(keys=True, data=True) if d.get("type") == edge_type]
    return ((s, t, d) for s, t, _, d in sorted(found, key=lambda edge: (edge[0], edge[1], str(edge[2]))))


def sorted_copy(graph: nx.DiGraph[str]) -> nx.DiGraph[str]:
    """A copy of a simple directed graph with its nodes and edges added in key order.

    networkx's path searches keep the first of equally short paths they meet,
    and they meet them in the order nodes and edges were added: a graph built
    from rows as a server sent them would give another path on another server.
    Searched in this copy, the same graph always gives the same path.

    >>> g = nx.DiGraph(); g.add_edge("b", "c"); g.add_edge("a", "c")
    >>> list(sorted_copy(g).edges)
    [('a', 'c'), ('b', 'c')]
    """
    ordered: nx.DiGraph[str] = nx.DiGraph(**graph.graph)
    ordered.add_nodes_from(sorted(graph.nodes(data=True), key=lambda node: node[0]))
    ordered.add_edges_from(sorted(graph.edges(data=True), key=lambda edge: (edge[0], edge[1])))
    return ordered


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
