"""The servers kagraph runs itself (embedded FalkorDB, local Neo4j), their shared lifecycle, and opening the store.

May import ``graph.store``, ``graph.config`` and ``graph.domain``.
"""
