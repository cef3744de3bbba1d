"""kagraph's own exceptions: what went wrong, in words a user understands.

Client errors (neo4j driver, redis/falkordb client) never leave the store
layer raw; they are wrapped here, ``from`` the original so a developer still
has the chain. Pages and CLIs catch ``KagraphError`` and print ``str(error)``.
"""

from __future__ import annotations

__all__ = ["ConfigError", "KagraphError", "NotFound", "QueryFailed", "StoreError", "StoreUnavailable"]


class KagraphError(Exception):
    """Base of every error kagraph reports to a user."""


class StoreError(KagraphError):
    """Something went wrong talking to the graph store."""


class StoreUnavailable(StoreError):
    """The store cannot be reached or started."""


class QueryFailed(StoreError):
    """The store answered, but refused or failed a query."""


class NotFound(KagraphError):
    """A company, contact or other record asked for does not exist."""


class ConfigError(KagraphError):
    """The environment (NEO4J_*, KAGRAPH_*) holds a value kagraph cannot use."""
