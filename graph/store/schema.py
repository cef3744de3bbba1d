"""Schema statements: the one place where the two servers' Cypher differs.

Neo4j expresses uniqueness as ``CREATE CONSTRAINT … IF NOT EXISTS``;
FalkorDB needs a range index first and then ``GRAPH.CONSTRAINT CREATE``
(a command, not Cypher), and it has no ``IF NOT EXISTS``, so repeats are
recognised by their error text.
"""

from __future__ import annotations

__all__ = [
    "FALKOR_ALREADY_EXISTS",
    "LOOKUP_INDEXES",
    "falkor_index",
    "neo4j_index",
    "neo4j_unique_id",
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
)
"""(label, property) pairs that reads filter on besides ``id``."""

FALKOR_ALREADY_EXISTS = ("already indexed", "already exists", "constraint already")


def neo4j_unique_id(label: str) -> str:
    """``id`` is unique per label; the constraint also gives the lookup index."""
    return f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS FOR (n:`{label}`) REQUIRE n.id IS UNIQUE"


def neo4j_index(label: str, prop: str) -> str:
    return f"CREATE INDEX {label.lower()}_{prop} IF NOT EXISTS FOR (n:`{label}`) ON (n.`{prop}`)"


def falkor_index(label: str, prop: str) -> str:
    return f"CREATE INDEX FOR (n:`{label}`) ON (n.`{prop}`)"
