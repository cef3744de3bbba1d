"""Statements that read the history: changes since a moment, about given records, and the access log."""

from __future__ import annotations

from graph.domain.relations import HISTORY_LABEL, NODE_LABELS
from graph.store.cypher import fill

__all__ = ["ACCESS_LOG", "CHANGES_ABOUT", "CHANGES_SINCE"]

_CHANGE_PROPS = "c {.id, .at, .who, .source, .action, .why, .entries} AS props, c.stamp AS stamp"
CHANGES_SINCE = "MATCH (c:Change) WHERE c.stamp >= $since RETURN " + _CHANGE_PROPS + " ORDER BY c.stamp"
"""Changes made from a moment on, oldest first: what a view "as of" an earlier day undoes."""
ACCESS_LOG = (
    "MATCH (c:Change) WHERE c.stamp >= $since AND c.source = $source RETURN "
    + _CHANGE_PROPS
    + " ORDER BY stamp DESC LIMIT $limit"
)
"""The newest access records (views outside one's own, downloads) from a moment on: the access log."""
CHANGES_ABOUT: dict[str, str] = {
    label: fill(
        "UNWIND $ids AS id MATCH (:<label> {id: id})<-[:ABOUT]-(c:Change) "
        "WITH DISTINCT c WHERE c.stamp < $until RETURN " + _CHANGE_PROPS + " ORDER BY stamp DESC LIMIT $limit",
        label=label,
    )
    for label in NODE_LABELS
    if label != HISTORY_LABEL
}
"""The newest changes that touched any of the given nodes of one label: a contact's or account's timeline.

The time filter comes after ``DISTINCT``: before it, FalkorDB plans from the ``Change`` stamp index and walks
every change's links once per person (a 100,000-person company's timeline took minutes instead of a second)."""
