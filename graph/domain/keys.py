"""How a stored node is named in a networkx graph and in the change history.

Ids are unique per label, not across labels, so a node's key is
``"<Label>:<id>"``. Its own module, so the history (``graph.domain.changes``) and
the store's subgraph builder share it without importing each other.
"""

from __future__ import annotations

__all__ = ["node_key"]


def node_key(label: str, node_id: str) -> str:
    """The networkx key of a stored node.

    >>> node_key("Contact", "c1")
    'Contact:c1'
    """
    return f"{label}:{node_id}"
