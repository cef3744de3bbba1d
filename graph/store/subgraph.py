"""Store rows → networkx: the one bridge from the store to analysis code.

Ids are unique per label, not across labels, so a node's key is
``"<Label>:<id>"`` (``node_key``); its attributes are the stored properties
plus ``label``. Edges are keyed ``"<TYPE>:<key>"`` so parallel relationships
(two influence kinds, many touches) stay apart; attributes are the stored
properties plus ``type``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import networkx as nx

__all__ = ["node_key", "subgraph_json", "to_networkx"]


def node_key(label: str, node_id: str) -> str:
    """The networkx key of a stored node.

    >>> node_key("Contact", "c1")
    'Contact:c1'
    """
    return f"{label}:{node_id}"


def _add_node(graph: nx.MultiDiGraph, label: str, props: dict[str, Any]) -> str:
    key = node_key(label, str(props["id"]))
    if key not in graph:
        graph.add_node(key, label=label, **props)
    return key


def to_networkx(nodes: Iterable[dict[str, Any]], edges: Iterable[dict[str, Any]]) -> nx.MultiDiGraph:
    """Build a ``MultiDiGraph`` from ``SUBGRAPH_NODES`` and ``SUBGRAPH_EDGES`` rows.

    >>> g = to_networkx(
    ...     [{"label": "Contact", "props": {"id": "a", "name": "Li"}}],
    ...     [{"source_label": "Contact", "source": {"id": "a"}, "type": "REPORTS_TO",
    ...       "props": {"key": ""}, "target_label": "Contact", "target": {"id": "b"}}],
    ... )
    >>> sorted(g.nodes), list(g.edges(keys=True))
    (['Contact:a', 'Contact:b'], [('Contact:a', 'Contact:b', 'REPORTS_TO:')])
    """
    graph = nx.MultiDiGraph()
    for row in nodes:
        _add_node(graph, row["label"], row["props"])
    for row in edges:
        source = _add_node(graph, row["source_label"], row["source"])
        target = _add_node(graph, row["target_label"], row["target"])
        props = dict(row["props"])
        key = f"{row['type']}:{props.pop('key', '')}"
        graph.add_edge(source, target, key=key, type=row["type"], **props)
    return graph


def subgraph_json(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """``{"nodes": [...], "edges": [...]}`` with each node's key and attributes.

    >>> g = nx.MultiDiGraph(); g.add_edge("Contact:a", "Contact:b", key="REPORTS_TO:", type="REPORTS_TO")
    'REPORTS_TO:'
    >>> subgraph_json(g)["edges"]
    [{'source': 'Contact:a', 'target': 'Contact:b', 'type': 'REPORTS_TO'}]
    """
    return {
        **graph.graph,
        "nodes": [{"key": key, **attrs} for key, attrs in sorted(graph.nodes(data=True))],
        "edges": [
            {"source": source, "target": target, **attrs}
            for source, target, attrs in sorted(graph.edges(data=True), key=lambda e: (e[0], e[1], e[2]["type"]))
        ],
    }
