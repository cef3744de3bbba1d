"""Write the demo data set into a store (``python -m ingest demo``, and the app's first start)."""

from __future__ import annotations

from graph.domain.actions import Action, ActionCode
from graph.domain.changes import Author, ChangeSource
from graph.store import GraphStore, WriteReport
from ingest.demo import demo_records
from ingest.demo_history import apply_demo_history

__all__ = ["load_demo"]


def load_demo(store: GraphStore, *, reset: bool = False) -> WriteReport:
    """Load the demo into an empty store with its month of edit history; ``reset`` empties the store first.

    Into a store that already holds data, the demo records are upserted as they
    stand today: a second load reports nothing created or updated.
    """
    if reset:
        store.clear()
    records = demo_records()
    if store.records.is_empty():
        return apply_demo_history(store, records)
    return store.unit_of_work(
        lambda uow: uow.write(
            records,
            author=Author(
                who="kagraph demo", source=ChangeSource.DEMO, action=Action.of(ActionCode.LOAD_THE_DEMO_DATA)
            ),
        )
    )
