"""Store rows → networkx: the one bridge from the store to analysis code.

Ids are unique per label, not across labels, so a node's key is
``"<Label>:<id>"`` (``node_key``); its attributes are the stored properties
plus ``label``. Edges are keyed ``"<TYPE>:<key>"`` so parallel relationships
(two influence kinds, many touches) stay apart; attributes are the stored
properties plus ``type``.

Nodes are added in key order and edges in (source, target, key) order, not in
the order the server sent its rows: networkx hands them back in the order they
were added, and its path searches keep the first of equal paths they meet, so
the same data must make the same graph on FalkorDB and on Neo4j, every time.
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
    Whatever order the rows come in, the graph is the same, down to its order.

    >>> g = to_networkx(
    ...     [{"label": "Contact", "props": {"id": "a", "name": "Li"}}, {"label": "Contact", "props": {"id": "b"}}],
    ...     [{"source_label": "Contact", "source": "a", "type": "REPORTS_TO",
    ...       "props": {"key": ""}, "target_label": "Contact", "target": "b"}],
    ... )
    >>> sorted(g.nodes), list(g.edges(keys=True))
    (['Contact:a', 'Contact:b'], [('Contact:a', 'Contact:b', 'REPORTS_TO:')])
    """
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    keyed = sorted(((node_key(row["label"], str(row["props"]["id"])), row) for row in nodes), key=lambda n: n[0])
    for key, row in keyed:
        graph.add_node(key, label=row["label"], **row["props"])
    ends = []
    for row in edges:
        source, target = node_key(row["source_label"], row["source"]), node_key(row["target_label"], row["target"])
        if source not in graph or target not in graph:
            raise ValueError(f"edge {source} -> {target} has an end that is not among the nodes")
        props = dict(row["props"])
        ends.append((source, target, f"{row['type']}:{props.pop('key', '')}", row["type"], props))
    for source, target, key, kind, props in sorted(ends, key=lambda e: e[:3]):
        graph.add_edge(source, target, key=key, type=kind, **props)
    return graph


def subgraph_json(graph: nx.MultiDiGraph[str]) -> dict[str, Any]:
    """``{"nodes": [...], "edges": [...]}`` with each node's key and attributes.

    >>> g = nx.MultiDiGraph(); g.add_edge("Contact:a", "Contact:b", key="REPORTS_TO:", type="REPORTS_TO")
    'REPORTS_TO:'
    >>> subgraph_json(g)["edges"]
    [{'source': 'Contact:a', 'target': 'Contact:b', 'type': 'REPORTS_TO'}]
    """
    edges = sorted(graph.edges(keys=True, data=True), key=lambda e: (e[0], e[1], str(e[2])))
    return {
        **graph.graph,
        "nodes": [{"key": key, **attrs} for key, attrs in sorted(graph.nodes.items())],
        "edges": [{"source": source, "target": target, **attrs} for source, target, _, attrs in edges],
    }
