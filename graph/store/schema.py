"""Schema statements: the one place where the two servers' Cypher differs.

Neo4j expresses uniqueness as ``CREATE CONSTRAINT … IF NOT EXISTS``;
FalkorDB needs a range index first and then ``GRAPH.CONSTRAINT CREATE``
(a command, not Cypher), and it has no ``IF NOT EXISTS``, so repeats are
recognised by their error text.
"""

from __future__ import annotations

import re

from graph.domain.relations import NODE_LABELS

__all__ = [
    "FALKOR_ALREADY_EXISTS",
    "FALKOR_CONSTRAINTS",
    "FALKOR_INDEXES",
    "FALKOR_INDEX_LIST",
    "LOOKUP_INDEXES",
    "NEO4J_INDEXES",
    "NEO4J_UNIQUE_IDS",
]

LOOKUP_INDEXES: tuple[tuple[str, str], ...] = (
    ("Company", "name_key"),
    ("Company", "parent_id"),
    ("OrgUnit", "company_id"),
    ("Contact", "company_id"),
    ("Contact", "phone"),
    ("Contact", "email"),
    ("Opportunity", "company_id"),
    ("Claim", "company_id"),
    ("Settlement", "company_id"),
    ("Change", "stamp"),
    ("Change", "seq"),
)
"""(label, property) pairs that reads filter on besides ``id``.

A timeline needs no index of its own: a change links to the records it
touched (``ABOUT``), so both servers reach it from the record's ``id``."""

FALKOR_ALREADY_EXISTS = ("already indexed", "already exists", "constraint already")


_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _fill(template: str, label: str, prop: str = "") -> str:
    """Put a known label and a plain property name into a schema template; refuse anything else."""
    if label not in NODE_LABELS or (prop and not _IDENTIFIER.match(prop)):
        raise ValueError(f"not an allowed label or property: {label!r} {prop!r}")
    return template.replace("<name>", label.lower()).replace("<label>", label).replace("<prop>", prop)


NEO4J_UNIQUE_IDS: dict[str, str] = {
    label: _fill("CREATE CONSTRAINT <name>_id IF NOT EXISTS FOR (n:<label>) REQUIRE n.id IS UNIQUE", label)
    for label in NODE_LABELS
}
"""``id`` is unique per label; on Neo4j the constraint also gives the lookup index."""
NEO4J_INDEXES: tuple[str, ...] = tuple(
    _fill("CREATE INDEX <name>_<prop> IF NOT EXISTS FOR (n:<label>) ON (n.<prop>)", label, prop)
    for label, prop in LOOKUP_INDEXES
)
FALKOR_INDEXES: dict[tuple[str, str], str] = {
    (label, prop): _fill("CREATE INDEX FOR (n:<label>) ON (n.<prop>)", label, prop) for label, prop in LOOKUP_INDEXES
}
FALKOR_INDEX_LIST = "CALL db.indexes() YIELD label, properties RETURN label, properties"
FALKOR_CONSTRAINTS = "CALL db.constraints() YIELD type, label, properties RETURN type, label, properties"
"""What exists already: FalkorDB counts even a refused ``CREATE INDEX`` as a write to the graph,
which would break every other client's watch (see ``falkordb_runner``), so only what is missing is created."""
