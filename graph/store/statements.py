"""Every statement module of the store, and the name of each statement for error messages ("query X failed")."""

from __future__ import annotations

from types import ModuleType

from graph.store import account_cypher, cypher, history_cypher, record_cypher, subgraph_cypher, write_cypher

__all__ = ["STATEMENT_MODULES", "query_name", "statements"]

STATEMENT_MODULES: tuple[ModuleType, ...] = (
    cypher,
    write_cypher,
    account_cypher,
    subgraph_cypher,
    history_cypher,
    record_cypher,
)
"""Where the store's Cypher lives, each module's ``__all__`` naming its statements (and ``fill``).

The schema's statements (``schema``) differ per server and run once at start; they are checked on their own."""


def statements() -> dict[str, str]:
    """Every statement by its name: ``DELETE_SOME``, ``FETCH_NODES[Claim]`` (a dictionary's entries by key)."""
    named: dict[str, str] = {}
    for module in STATEMENT_MODULES:
        for name in module.__all__:
            value = getattr(module, name)
            if isinstance(value, str):
                named[name] = value
            elif isinstance(value, dict):
                named.update({f"{name}[{key}]": query for key, query in value.items()})
    return named


def query_name(query: str) -> str:
    """The constant's name for a statement, for error messages ("query X failed").

    >>> query_name(cypher.DELETE_SOME), query_name("RETURN 2")
    ('DELETE_SOME', 'ad-hoc query')
    """
    return _QUERY_NAMES.get(query, "ad-hoc query")


_QUERY_NAMES = {query: name for name, query in statements().items()}
