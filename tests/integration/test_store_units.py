"""Units of work on the real server: concurrent saves lose nobody's work unseen, a unit that fails half-way
leaves nothing behind, and a unit reads only through its own transaction.

Split from the store-promise tests (the others: ``test_store_bookkeeping``, ``test_store_values``); the
runners that break or watch the real one are in ``tests/integration/store_probes.py``.
"""

from __future__ import annotations

import datetime as dt
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from graph.config.settings import Settings
from graph.domain.errors import EditConflict, QueryFailed
from graph.servers.connect import open_store
from graph.services.editing import save_contact
from graph.store import GraphStore, write_cypher
from ingest.importer import import_paths
from tests.integration.store_probes import (
    FailingAtTheEnd,
    WatchingReads,
    by,
    change_ids,
    contact_values,
    contacts_and_their_edges,
    out_edges,
)
from tests.integration.test_store import account, dump

pytestmark = pytest.mark.integration


# 1. lost updates ---------------------------------------------------------

EDITORS = 8


def test_concurrent_saves_from_one_version_let_exactly_one_win(store: GraphStore, store_settings: Settings) -> None:
    """Eight people save the same contact, opened at the same version, at the same moment, each through
    their own connection: a lost update (two passing the version check) would silently drop someone's work.
    """
    store.unit_of_work(lambda uow: uow.write(account()))
    opened = contact_values(store, "p2")
    version = int(opened["version"])
    history_before = change_ids(store)
    start = threading.Barrier(EDITORS)

    def save(editor: int) -> BaseException | None:
        own = open_store(store_settings)
        try:
            values = {**opened, "title": f"title by editor {editor}"}
            start.wait(timeout=60)
            try:
                save_contact(own, values, by(f"editor {editor}"), version)
            except EditConflict as conflict:
                return conflict
            return None
        finally:
            own.close()

    with ThreadPoolExecutor(EDITORS) as pool:
        outcomes = list(pool.map(save, range(EDITORS)))

    winners = [editor for editor, outcome in enumerate(outcomes) if outcome is None]
    assert len(winners) == 1, f"editors {winners} all saved from version {version}"
    (winner,) = winners
    conflicts = [outcome for outcome in outcomes if outcome is not None]
    assert len(conflicts) == EDITORS - 1 and all(isinstance(c, EditConflict) for c in conflicts)
    stored = contact_values(store, "p2")
    assert stored["title"] == f"title by editor {winner}"
    assert int(stored["version"]) == version + 1
    for conflict in conflicts:
        assert isinstance(conflict, EditConflict)
        assert conflict.current["title"] == stored["title"]
        assert conflict.changed_by == f"editor {winner}"
    new = [c for c in store.history.changes_about(["Contact:p2"]) if c.id not in history_before]
    assert [c.who for c in new] == [f"editor {winner}"]
    assert change_ids(store) - history_before == {new[0].id}


# 2. atomic writes --------------------------------------------------------


def test_an_edit_whose_last_statement_fails_leaves_nothing_behind(store: GraphStore) -> None:
    """An edit is several statements (the contact, a new workplace and manager, the old ones dropped, its
    history entry); when the last fails, none of them may stay, or the map and its history disagree.
    """
    store.unit_of_work(lambda uow: uow.write(account()))
    values = contact_values(store, "p2")
    version = int(values["version"])
    edit = {**values, "title": "处长", "unit_id": "u-it", "reports_to": ("p3",)}
    before = dump(store)
    history_before = change_ids(store)
    assert out_edges(store, "p2") == {("WORKS_IN", "u-sec"), ("REPORTS_TO", "p1")}
    failing = FailingAtTheEnd(store.runner, "p2")

    with pytest.raises(QueryFailed):
        save_contact(GraphStore(failing), edit, by("Li"), version)

    assert failing.failed >= 1
    assert store.records.node("Contact", "p2") == {k: v for k, v in values.items() if k != "reports_to"}
    assert out_edges(store, "p2") == {("WORKS_IN", "u-sec"), ("REPORTS_TO", "p1")}
    assert change_ids(store) == history_before
    assert dump(store) == before
    # The same edit without the failing statement lands whole: what was checked above is what it writes.
    save_contact(store, edit, by("Li"), version)
    assert out_edges(store, "p2") == {("WORKS_IN", "u-it"), ("REPORTS_TO", "p3")}
    assert contact_values(store, "p2")["title"] == "处长"
    assert int(contact_values(store, "p2")["version"]) == version + 1
    assert len(change_ids(store) - history_before) == 1


IMPORT_COMPANIES = (
    "id,name,parent_id,kind,city,industry,tier,employees\n"
    "g,华东电网集团有限公司,,hq,杭州,能源,1,12000\n"
    "n1,宁波供电分公司,g,branch,宁波,,2,800\n"
)
IMPORT_CONTACTS = (
    "id,name,company_id,unit_id,title,level,reports_to,phone,email,buying_role,stance,status,last_verified\n"
    "p1,张伟,b1,u-it,总经理,2,,,,decision_maker,supporter,active,\n"
    "q1,赵敏,n1,,工程师,3,p1,13800000001,,user,neutral,active,2026-10-01\n"
)


def test_a_failing_import_batch_leaves_nothing_of_itself(store: GraphStore, tmp_path: Path) -> None:
    """An import batch is one unit: when the contacts batch fails at its end, the companies batch before it
    stays whole, and of the contacts batch (updates, new people, their links, its history entry) nothing does.
    """
    store.unit_of_work(lambda uow: uow.write(account()))
    folder = tmp_path / "import"
    folder.mkdir()
    (folder / "companies.csv").write_text(IMPORT_COMPANIES, encoding="utf-8")
    (folder / "contacts.csv").write_text(IMPORT_CONTACTS, encoding="utf-8")
    contacts_before = contacts_and_their_edges(store)
    history_before = change_ids(store)
    writes_contacts = write_cypher.UPSERT_NODES["Contact"]
    failing = FailingAtTheEnd(store.runner, "p1", fails=lambda queued: writes_contacts in queued)

    report = import_paths(GraphStore(failing), [folder], who="importer")

    assert report.stopped is not None and "nothing" in report.stopped and "saved" in report.stopped, report.stopped
    assert report.stems["contacts"].landed == 0, "the report counts nothing of the failed batch as landed"
    assert failing.failed >= 1
    assert contacts_and_their_edges(store) == contacts_before
    assert store.records.node("Contact", "q1") is None
    assert (store.records.node("Company", "g") or {}).get("industry") == "能源"
    assert store.accounts.group_root("n1") == "g"
    added = [c for c in store.history.changes_since(dt.date(2000, 1, 1)) if c.id not in history_before]
    assert [c.action.english for c in added] == ["import companies.csv"]
    assert set(added[0].about()) == {"Company"}
    # Run again without the fault: the contacts land, so the batch above really held them.
    report = import_paths(store, [folder], who="importer")
    assert report.rejected == 0
    assert out_edges(store, "q1") == {("WORKS_IN", "n1"), ("REPORTS_TO", "p1")}
    assert (store.records.node("Contact", "p1") or {}).get("title") == "总经理"


# 3. a unit of work reads only through its own transaction ----------------


def test_a_refused_save_reads_what_it_shows_inside_its_own_unit(store: GraphStore) -> None:
    """A save from an old version is refused with the current values and who changed them: the check and
    those reads must be one transaction's, or a save landing between them is not the one the refusal shows.
    """
    store.unit_of_work(lambda uow: uow.write(account()))
    opened = contact_values(store, "p2")
    version = int(opened["version"])
    save_contact(store, {**opened, "title": "title by Bo"}, by("Bo"), version)
    watching = WatchingReads(store.runner)
    late = GraphStore(watching)

    with pytest.raises(EditConflict) as refused:
        save_contact(late, {**opened, "title": "title by Al"}, by("Al"), version)

    assert watching.outside == [], "the unit of work read around its own transaction"
    assert refused.value.current["title"] == "title by Bo"
    assert int(refused.value.current["version"]) == version + 1
    assert refused.value.changed_by == "Bo"
    # A save that passes the check reads nothing around its unit either.
    save_contact(late, {**contact_values(store, "p2"), "title": "title by Al"}, by("Al"), version + 1)
    assert watching.outside == []
    assert contact_values(store, "p2")["title"] == "title by Al"
