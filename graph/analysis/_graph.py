"""Small readers over a kagraph subgraph shared by the analyses (private)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import networkx as nx

ACTIVE = "active"


def nodes_of(graph: nx.MultiDiGraph[str], label: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """``(key, attributes)`` of every node with this label."""
    return ((k, d) for k, d in graph.nodes(data=True) if d.get("label") == label)


def edges_of(graph: nx.MultiDiGraph[str], edge_type: str) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """``(source, target, attributes)`` of every relationship of this type."""
    return ((s, t, d) for s, t, d in graph.edges(data=True) if d.get("type") == edge_type)


def contact_key(contact_id: str) -> str:
    return f"Contact:{contact_id}"


def display_name(graph: nx.MultiDiGraph[str], key: str) -> str:
    data = graph.nodes[key]
    return str(data.get("name") or data.get("id") or key)
