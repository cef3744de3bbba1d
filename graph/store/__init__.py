"""The graph store: Cypher constants, schema, one runner per server, the repository."""

from graph.store.repository import GraphStore, WriteCounts, WriteReport

__all__ = ["GraphStore", "WriteCounts", "WriteReport"]
