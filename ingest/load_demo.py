"""Write the demo data set into a store (``python -m ingest demo``, and the app's first start)."""

from __future__ import annotations

from graph.store import GraphStore, WriteReport
from ingest.demo import demo_records

__all__ = ["load_demo"]


def load_demo(store: GraphStore, *, reset: bool = False) -> WriteReport:
    """Upsert the demo records; ``reset`` empties the store first.

    Idempotent without ``reset``: a second load reports nothing created or updated.
    """
    if reset:
        store.clear()
    return store.write(demo_records())
