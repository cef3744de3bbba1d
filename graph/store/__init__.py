"""The graph store: read models per feature, the unit of work, Cypher constants, schema, one runner per server.

May import ``graph.config`` and ``graph.domain``, and the database clients; nothing above it.
"""

from graph.store.repository import GraphStore
from graph.store.unit_of_work import UnitOfWork
from graph.store.write_results import Decided, WriteCounts, WriteReport

__all__ = ["Decided", "GraphStore", "UnitOfWork", "WriteCounts", "WriteReport"]
