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

from graph.domain.keys import node_key

__all__ = ["node_key", "subgraph_json", "to_networkx"]


def to_networkx(nodes: Iterable[dict[str, Any]], edges: Iterable[dict[str, Any]]) -> nx.MultiDiGraph[str]:
    """Build a ``MultiDiGraph`` from node rows (label, props) and edge rows (ends by label and id).

    Every edge end must be among the nodes: the repository fetches the ends
    outside the companies (reps, competitors, vendors) before calling this.

    >>> g = to_networkx(
    ...     [{"label": "Contact", "props": {"id": "a", "name": "Li"}}, {"label": "Contact", "props": {"id": "b"}}],
    ...     [{"source_label": "Contact", "source": "a", "type": "REPORTS_TO",
    ...       "props": {"key": ""}, "target_label": "Contact", "target": "b"}],
    ... )
    >>> sorted(g.nodes), list(g.edges(keys=True))
    (['Contact:a', 'Contact:b'], [('Contact:a', 'Contact:b', 'REPORTS_TO:')])
    """
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for row in nodes:
        graph.add_node(node_key(row["label"], str(row["props"]["id"])), label=row["label"], **row["props"])
    for row in edges:
        source, target = node_key(row["source_label"], row["source"]), node_key(row["target_label"], row["target"])
        if source not in graph or target not in graph:
            raise ValueError(f"edge {source} -> {target} has an end that is not among the nodes")
        props = dict(row["props"])
        key = f"{row['type']}:{props.pop('key', '')}"
        graph.add_edge(source, target, key=key, type=row["type"], **props)
    return graph


def subgraph_json(graph: nx.MultiDiGraph[str]) -> dict[str, Any]:
    """``{"nodes": [...], "edges": [...]}`` with each node's key and attributes.

    >>> g = nx.MultiDiGraph(); g.add_edge("Contact:a", "Contact:b", key="REPORTS_TO:", type="REPORTS_TO")
    'REPORTS_TO:'
    >>> subgraph_json(g)["edges"]
    [{'source': 'Contact:a', 'target': 'Contact:b', 'type': 'REPORTS_TO'}]
    """
    return {
        **graph.graph,
        "nodes": [{"key": key, **attrs} for key, attrs in sorted(graph.nodes.items())],
        "edges": [
            {"source": source, "target": target, **attrs}
            for source, target, attrs in sorted(graph.edges(data=True), key=lambda e: (e[0], e[1], e[2]["type"]))
        ],
    }
