"""The write engine's statements: compare, upsert, lock versions, replace and remove relationships, record history.

Everything here runs inside a unit of work (``unit_of_work.UnitOfWork``):
writes as ``UNWIND $rows AS row … MERGE`` in batches, and every write that
has an author ends with ``RECORD_CHANGE`` and its ``LINK_CHANGE`` links.
"""

from __future__ import annotations

from graph.domain.relations import EDGES, HISTORY_LABEL, NODE_LABELS
from graph.store.cypher import fill

__all__ = [
    "DELETE_EDGES",
    "DIFF_EDGES",
    "DIFF_NODES",
    "DROP_OTHER_EDGES",
    "EDGE_PROPS",
    "LINK_CHANGE",
    "LOCK_VERSIONS",
    "OTHER_EDGES",
    "PLACED",
    "READ_VERSIONS",
    "RECORD_ACCESS",
    "RECORD_CHANGE",
    "UPSERT_EDGES",
    "UPSERT_NODES",
]

_CHANGED_KEYS = (
    "WITH i, [k IN keys(row.props) "
    "WHERE NOT (old[k] = row.props[k]) OR (old[k] IS NULL) <> (row.props[k] IS NULL) | [k, old[k]]] AS before "
    "RETURN collect(i) AS found, collect(CASE WHEN size(before) > 0 THEN [i, before] END) AS changed"
)
"""Which of a row's properties differ from the stored ones, with the stored values.

Answered as one row of two lists (positions found; position and [key, stored value]
pairs where something differs): a re-import of unchanged data then reads back a list of
numbers instead of every record's properties, which took most of its time."""
_ROWS_BY_POSITION = "UNWIND range(0, size($rows) - 1) AS i WITH i, $rows[i] AS row "
_OTHER_EDGES_MATCH = (
    "UNWIND $rows AS row "
    "MATCH (a:<source> {id: row.source})-[r:<type>]->(b) "
    "WHERE NOT (b:<target> AND b.id = row.target) "
)
_GIVEN_EDGES_MATCH = (
    "UNWIND $rows AS row "
    "MATCH (a:<source> {id: row.source})-[r:<type>]->(b:<target> {id: row.target}) WHERE r.key = row.key "
)


def _per_label(template: str) -> dict[str, str]:
    return {label: fill(template, label=label) for label in NODE_LABELS}


def _per_edge(template: str, single_only: bool = False) -> dict[str, str]:
    return {
        name: fill(template, source=s.source, type=s.type, target=s.target)
        for name, s in EDGES.items()
        if s.single or not single_only
    }


UPSERT_NODES = _per_label(
    "UNWIND $rows AS row MERGE (n:<label> {id: row.id}) SET n += row.props, n.version = coalesce(n.version, 0) + 1"
)
LOCK_VERSIONS = _per_label(
    "MATCH (n:<label>) WHERE n.id IN $ids SET n.version = coalesce(n.version, 0) + 0 "
    "WITH n RETURN n.id AS id, n.version AS version"
)
"""Neo4j: take the nodes' write locks, then read their versions, so no other edit passes the same check."""
READ_VERSIONS = _per_label("MATCH (n:<label>) WHERE n.id IN $ids RETURN n.id AS id, coalesce(n.version, 0) AS version")
"""FalkorDB: the nodes' versions, read under the unit of work's watch of the graph."""
DIFF_NODES = _per_label(
    _ROWS_BY_POSITION + "MATCH (n:<label> {id: row.id}) WITH i, row, properties(n) AS old " + _CHANGED_KEYS
)
DIFF_EDGES = _per_edge(
    _ROWS_BY_POSITION
    + "MATCH (a:<source> {id: row.source})-[r:<type>]->(b:<target> {id: row.target}) WHERE r.key = row.key "
    "WITH i, row, properties(r) AS old " + _CHANGED_KEYS
)
UPSERT_EDGES = _per_edge(
    "UNWIND $rows AS row "
    "MATCH (a:<source> {id: row.source}) MATCH (b:<target> {id: row.target}) "
    "MERGE (a)-[r:<type> {key: row.key}]->(b) SET r += row.props"
)
OTHER_EDGES = _per_edge(
    _OTHER_EDGES_MATCH + "RETURN a.id AS source, labels(b)[0] AS target_label, b.id AS target, properties(r) AS props",
    single_only=True,
)
"""A single-valued relationship's other targets, which writing the new one replaces (read for the history)."""
DROP_OTHER_EDGES = _per_edge(_OTHER_EDGES_MATCH + "DELETE r", single_only=True)
PLACED = _per_edge(
    "UNWIND $ids AS id MATCH (a:<source> {id: id})-[:<type>]->() RETURN DISTINCT a.id AS id", single_only=True
)
"""Which of the given records already have a relationship of this type (a place), whatever its target."""
EDGE_PROPS = _per_edge(_GIVEN_EDGES_MATCH + "RETURN a.id AS source, b.id AS target, properties(r) AS props")
"""What given relationships hold, read before they are removed so the history can put them back."""
DELETE_EDGES = _per_edge(_GIVEN_EDGES_MATCH + "DELETE r")

RECORD_CHANGE = (
    "MERGE (c:Change {id: $id}) ON CREATE SET c.at = $at, c.who = $who, c.source = $source, c.action = $action, "
    "c.action_params = $action_params, c.why = $why, c.stamp = $stamp, c.entries = $entries"
)
"""One write's history entry (``Change.to_row``); ``MERGE``: a retried statement is a no-op."""
RECORD_ACCESS = RECORD_CHANGE + ", c.seq = $seq, c.prev = $prev, c.hash = $hash"
"""An access record, as a link of the access log's hash chain (``graph.domain.access_chain``); set once, on create."""
LINK_CHANGE: dict[str, str] = {
    label: fill(
        "MATCH (c:Change {id: $change}) UNWIND $ids AS id MATCH (n:<label> {id: id}) MERGE (c)-[:ABOUT]->(n)",
        label=label,
    )
    for label in NODE_LABELS
    if label != HISTORY_LABEL
}
"""What a change touched, as relationships to the records: a timeline is an index lookup on both servers."""
