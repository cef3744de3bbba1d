"""The Cypher every feature shares: filling templates from the allow-list, and the per-label node statements.

Values always travel as ``$parameters``. Labels and relationship types cannot
be parameters in Cypher, so statements that vary by label are templates
filled only from the model's allow-lists (``graph.domain.relations``) and
built once at import time into dictionaries of constants. The statements of
each feature live beside this module (``write_cypher``, ``account_cypher``,
``history_cypher``, ``record_cypher``; server-specific schema in ``schema``),
and ``statements.query_name`` names any of them in an error message.

Whole-graph reads (the portfolio, group list and company names) come back as
one row of columns, one list per field: both drivers decode a long list
several times faster than as many rows (50,000 companies: 0.15 s instead of
1.1 s on Neo4j). No value is joined into a text, so nothing a spreadsheet
holds can break a row apart, and every column that may be unset is
``coalesce``d to a value no stored record has (an empty id or date, tier 0),
so the lists stay aligned; ``column_rows.columns`` turns those back into ``None``.
"""

from __future__ import annotations

from graph.domain.relations import EDGES, NODE_LABELS

__all__ = [
    "ANY_NODE",
    "ANY_OF_LABEL",
    "COUNT_LABEL",
    "COUNT_TYPE",
    "DELETE_SOME",
    "EXISTING_IDS",
    "FETCH_NODES",
    "PING",
    "fill",
]

ALLOWED_IDENTIFIERS = frozenset(NODE_LABELS) | {spec.type for spec in EDGES.values()}
NODE_COLUMNS = "RETURN labels(n)[0] AS label, properties(n) AS props"
"""How a statement returns whole nodes: the rows ``subgraph.to_networkx`` takes."""
EDGE_COLUMNS = (
    "RETURN labels(a)[0] AS source_label, a.id AS source, type(r) AS type, "
    "properties(r) AS props, labels(b)[0] AS target_label, b.id AS target"
)
"""How a statement returns relationships: ends by label and id."""


def fill(template: str, **identifiers: str) -> str:
    """Put allow-listed labels or types into a template; refuse anything else.

    >>> fill("MATCH (n:<label>) RETURN n.id AS id", label="Rep")
    'MATCH (n:Rep) RETURN n.id AS id'
    """
    text = template
    for slot, identifier in identifiers.items():
        if identifier not in ALLOWED_IDENTIFIERS:
            raise ValueError(f"not an allowed label or type: {identifier!r}")
        text = text.replace(f"<{slot}>", identifier)
    return text


PING = "RETURN 1 AS ok"

FETCH_NODES: dict[str, str] = {
    label: fill("MATCH (n:<label>) WHERE n.id IN $ids RETURN n.id AS id, properties(n) AS props", label=label)
    for label in NODE_LABELS
}
EXISTING_IDS: dict[str, str] = {
    label: fill("MATCH (n:<label>) WHERE n.id IN $ids RETURN n.id AS id", label=label) for label in NODE_LABELS
}
ANY_OF_LABEL: dict[str, str] = {
    label: fill("MATCH (n:<label>) RETURN n.id AS id LIMIT 1", label=label) for label in NODE_LABELS
}
ANY_NODE = "MATCH (n) RETURN n.id AS id LIMIT 1"

DELETE_SOME = "MATCH (n) WITH n LIMIT $batch DETACH DELETE n RETURN count(*) AS deleted"
"""Empties the graph a batch at a time (``python -m ingest demo --reset``, test isolation): one statement over
every node would need the whole graph in one transaction's memory on Neo4j."""

COUNT_LABEL: dict[str, str] = {
    label: fill("MATCH (n:<label>) RETURN count(n) AS n", label=label) for label in NODE_LABELS
}
"""Nodes of one label: both servers answer this from their label statistics, without a scan."""
COUNT_TYPE: dict[str, str] = {
    kind: fill("MATCH ()-[r:<type>]->() RETURN count(r) AS n", type=kind)
    for kind in sorted({spec.type for spec in EDGES.values()})
}
"""Relationships of one type, from the servers' statistics."""
