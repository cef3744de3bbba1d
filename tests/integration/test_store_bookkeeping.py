"""What the store keeps count of, on the real server: retried statements and repeated writes add nothing to
the graph or its history, the sidebar's cached counts follow the store's own writes, and ``clear`` empties a graph
larger than one batch.
"""

from __future__ import annotations

import math

import pytest

from graph.domain.actions import Action, ActionCode
from graph.domain.changes import Author, Change, ChangeSource, Entry
from graph.domain.model import Company, Contact
from graph.store import GraphStore, cypher, repository, write_cypher
from graph.store.rows import graph_rows
from tests.integration.store_probes import (
    ALL_EDGES,
    ALL_NODES,
    HISTORY_LINKS,
    CountingWrites,
    by,
    change_ids,
    number,
)
from tests.integration.test_store import account, dump

pytestmark = pytest.mark.integration


# 1. retries are idempotent -----------------------------------------------


def test_a_retried_history_statement_records_one_change(store: GraphStore) -> None:
    """The server may run a statement again (a retried unit of work): the history must not gain a twin entry."""
    store.unit_of_work(lambda uow: uow.write(account()))
    change = Change.of(by("Li"), [Entry.of_node("Contact", "p1", {"title": None}, {"title": "总经理"})])
    row = change.to_row()
    link = {"change": change.id, "ids": ["p1"]}
    for _ in range(2):
        store.runner.write(write_cypher.RECORD_CHANGE, row)
        store.runner.write(write_cypher.LINK_CHANGE["Contact"], link)
    stored = store.runner.read(
        "MATCH (c:Change {id: $id}) OPTIONAL MATCH (c)-[l:ABOUT]->() RETURN properties(c) AS props, count(l) AS links",
        {"id": change.id},
    )
    assert len(stored) == 1
    assert stored[0]["props"] == row
    assert stored[0]["links"] == 1
    assert [c.id for c in store.history.changes_about(["Contact:p1"])] == [change.id]


def test_writing_the_same_records_twice_changes_and_records_nothing_the_second_time(store: GraphStore) -> None:
    """A repeated import or a re-sent edit must not count as changes, nor fill the history with empty entries."""
    author = Author(who="importer", source=ChangeSource.IMPORT, action=Action.of(ActionCode.IMPORT_FILE, file="import"))
    first = store.unit_of_work(lambda uow: uow.write_rows(graph_rows(account()), author=author))
    assert first.created == 22 and first.change_id is not None
    before = dump(store)
    second = store.unit_of_work(lambda uow: uow.write_rows(graph_rows(account()), author=author))
    assert (second.created, second.updated) == (0, 0)
    assert second.change_id is None
    assert change_ids(store) == {first.change_id}
    assert dump(store) == before


# 2. counts ---------------------------------------------------------------


def test_counts_leave_out_the_history_and_follow_the_stores_own_writes(store: GraphStore) -> None:
    """The sidebar's numbers are cached for a few seconds, but a write through the same store must show at once;
    the history's ``ABOUT`` links are bookkeeping, not relationships of the account.
    """
    assert store.accounts.counts() == {"relationships": 0}
    store.unit_of_work(lambda uow: uow.write(account(), author=by("Li", ActionCode.LOAD_THE_DEMO_DATA)))
    counts = store.accounts.counts()
    assert counts == {
        "Company": 3,
        "OrgUnit": 2,
        "Contact": 3,
        "Rep": 1,
        "Vendor": 1,
        "Change": 1,
        "relationships": 12,
    }
    history_links = number(store, HISTORY_LINKS)
    assert history_links > 0
    assert counts["relationships"] == number(store, ALL_EDGES) - history_links
    assert store.accounts.counts() == counts  # cached, and still right

    store.unit_of_work(
        lambda uow: uow.write_rows(graph_rows([Contact(id="p4", name="赵敏", company_id="b11")]), author=by("Li"))
    )

    after = store.accounts.counts()
    assert after == {**counts, "Contact": 4, "Change": 2, "relationships": 13}
    assert after["relationships"] == number(store, ALL_EDGES) - number(store, HISTORY_LINKS)


# 3. clear ----------------------------------------------------------------

SMALL_BATCH = 7


def test_clear_empties_a_graph_larger_than_one_batch(store: GraphStore, monkeypatch: pytest.MonkeyPatch) -> None:
    """The demo reset and test isolation delete a batch at a time: every batch must go, not only the first."""
    monkeypatch.setattr(repository, "CLEAR_BATCH", SMALL_BATCH)
    people = [Contact(id=f"ct-{i:02d}", name=f"联系人 {i}", company_id="c") for i in range(40)]
    store.unit_of_work(
        lambda uow: uow.write([Company(id="c", name="C"), *people], author=by("Li", ActionCode.LOAD_THE_DEMO_DATA))
    )
    total = number(store, ALL_NODES)
    assert total == 42 and number(store, ALL_EDGES) > SMALL_BATCH
    assert store.accounts.counts()["Contact"] == 40  # cached: clear must drop it
    spy = CountingWrites(store.runner)
    monkeypatch.setattr(store, "runner", spy)

    store.clear()

    assert spy.calls.count(cypher.DELETE_SOME) >= math.ceil(total / SMALL_BATCH)
    assert number(store, ALL_NODES) == 0
    assert number(store, ALL_EDGES) == 0
    assert store.records.is_empty()
    assert store.accounts.counts() == {"relationships": 0}
