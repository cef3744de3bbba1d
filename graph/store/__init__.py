"""The graph store: Cypher constants, schema, one runner per server, the repository."""

from graph.store.repository import Decided, GraphStore, WriteCounts, WriteReport

__all__ = ["Decided", "GraphStore", "WriteCounts", "WriteReport"]
