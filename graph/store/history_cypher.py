"""Statements that read the history: changes since a moment, about given records, and the access log."""

from __future__ import annotations

from graph.domain.relations import HISTORY_LABEL, NODE_LABELS
from graph.store.cypher import fill

__all__ = ["ACCESS_CHAIN", "ACCESS_HEAD", "ACCESS_LOG", "ACCESS_UNCHAINED", "CHANGES_ABOUT", "CHANGES_SINCE"]

_CHANGE_PROPS = "c {.id, .at, .who, .source, .action, .action_params, .why, .entries} AS props, c.stamp AS stamp"
CHANGES_SINCE = "MATCH (c:Change) WHERE c.stamp >= $since RETURN " + _CHANGE_PROPS + " ORDER BY c.stamp, c.id"
"""Changes made from a moment on, oldest first (of one moment's, by id): what a view "as of" an earlier day undoes."""
ACCESS_LOG = (
    "MATCH (c:Change) WHERE c.stamp >= $since AND c.source = $source RETURN "
    + _CHANGE_PROPS
    + " ORDER BY c.stamp DESC, c.id DESC LIMIT $limit"
)
"""The newest access records (views outside one's own, downloads) from a moment on: the access log."""
ACCESS_HEAD = (
    "MATCH (c:Change) WHERE c.seq >= 0 RETURN c.id AS id, c.seq AS seq, c.hash AS hash ORDER BY seq DESC LIMIT 1"
)
"""The newest record of the access log's hash chain (``graph.domain.access_chain``), which the next one follows."""
ACCESS_CHAIN = (
    "MATCH (c:Change) WHERE c.seq >= 0 "
    "RETURN c {.id, .at, .stamp, .who, .source, .action, .action_params, .why, .entries, .seq, .prev, .hash} AS props "
    "ORDER BY c.seq"
)
"""Every chained access record, oldest first: what ``verify_chain`` walks."""
ACCESS_UNCHAINED = "MATCH (c:Change) WHERE c.source = $source AND c.seq IS NULL RETURN count(c) AS n"
"""Access records from before the chain."""
CHANGES_ABOUT: dict[str, str] = {
    label: fill(
        "UNWIND $ids AS id MATCH (:<label> {id: id})<-[:ABOUT]-(c:Change) "
        "WITH DISTINCT c WHERE c.stamp < $until RETURN " + _CHANGE_PROPS + " ORDER BY c.stamp DESC, c.id DESC "
        "LIMIT $limit",
        label=label,
    )
    for label in NODE_LABELS
    if label != HISTORY_LABEL
}
"""The newest changes that touched any of the given nodes of one label: a contact's or account's timeline.

The time filter comes after ``DISTINCT``: before it, FalkorDB plans from the ``Change`` stamp index and walks
every change's links once per person (a 100,000-person company's timeline took minutes instead of a second)."""
