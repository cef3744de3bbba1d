"""What the store promises its callers, checked on the real server (embedded FalkorDB, or Neo4j at ``NEO4J_URI``).

Each test pins one promise of ``graph.store`` that the two runners keep in
different ways: concurrent edits from one version lose nobody's work unseen,
a unit of work that fails half-way leaves nothing behind, retried statements
and repeated writes are no-ops, awkward spreadsheet values come back exactly,
the sidebar's cached counts follow the store's own writes, ``clear``
empties a graph larger than one batch, and a unit of work reads only through
its own transaction.
"""

from __future__ import annotations

import datetime as dt
import math
import threading
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import pytest

from graph.analysis.decision_roles import DECISION_ROLES
from graph.analysis.portfolio_rows import portfolio
from graph.config.settings import Settings
from graph.domain.changes import Author, Change, ChangeSource, Entry
from graph.domain.errors import EditConflict, QueryFailed
from graph.domain.model import Company, Competitor, Contact, Purchase, Relationship, Rep, Touch
from graph.servers.connect import open_store
from graph.services.editing import save_contact
from graph.store import GraphStore, cypher, repository, write_cypher
from graph.store.rows import GraphRows, NodeRow, graph_rows
from graph.store.runner import Row, Runner, Transaction
from graph.store.statements import query_name
from ingest.importer import import_paths
from tests.integration.test_store import account, dump

pytestmark = pytest.mark.integration

_T = TypeVar("_T")

DIVIDE_BY_ZERO = "MATCH (n:Contact {id: $id}) SET n.title = 1 / $zero"
"""A write both servers accept when queued and fail only while running it: the last statement of a doomed unit."""
CHANGE_IDS = "MATCH (c:Change) RETURN c.id AS id"
CONTACTS = "MATCH (n:Contact) RETURN n.id AS id, properties(n) AS props"
OUT_EDGES = "MATCH (:Contact {id: $id})-[r]->(b) RETURN type(r) AS type, b.id AS target"
CONTACT_EDGES = (
    "MATCH (a)-[r]->(b) WHERE (a:Contact OR b:Contact) AND type(r) <> 'ABOUT' "
    "RETURN a.id AS a, type(r) AS type, properties(r) AS props, b.id AS b"
)
ALL_NODES = "MATCH (n) RETURN count(n) AS n"
ALL_EDGES = "MATCH ()-[r]->() RETURN count(r) AS n"
HISTORY_LINKS = "MATCH ()-[r:ABOUT]->() RETURN count(r) AS n"


def by(who: str, action: str = "edit contact") -> Author:
    return Author(who=who, source=ChangeSource.EDIT, action=action)


def change_ids(store: GraphStore) -> set[str]:
    """Every ``Change`` node's id: the history as a set, to see what a write added to it."""
    return {str(r["id"]) for r in store.runner.read(CHANGE_IDS)}


def out_edges(store: GraphStore, contact_id: str) -> set[tuple[str, str]]:
    """(type, target id) of a contact's outgoing relationships."""
    return {(str(r["type"]), str(r["target"])) for r in store.runner.read(OUT_EDGES, {"id": contact_id})}


def contacts_and_their_edges(store: GraphStore) -> tuple[dict[str, dict[str, Any]], list[tuple[Any, ...]]]:
    """Every contact's properties (version included) and every relationship touching a contact, history aside."""
    nodes = {str(r["id"]): r["props"] for r in store.runner.read(CONTACTS)}
    edges = sorted((r["a"], r["type"], sorted(r["props"].items()), r["b"]) for r in store.runner.read(CONTACT_EDGES))
    return nodes, edges


def number(store: GraphStore, query: str) -> int:
    return int(store.runner.read(query)[0]["n"])


def contact_values(store: GraphStore, contact_id: str) -> dict[str, Any]:
    """What an edit form opens with: the stored contact and its managers."""
    props = store.records.node("Contact", contact_id)
    assert props is not None, f"no contact {contact_id}"
    return {**props, "reports_to": tuple(store.records.managers(contact_id))}


class _Recording:
    """A unit's transaction that remembers which statements the work queued."""

    def __init__(self, inner: Transaction) -> None:
        self._inner = inner
        self.queued: list[str] = []

    def read(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        return self._inner.read(query, params)

    def write(self, query: str, params: Mapping[str, Any] | None = None) -> None:
        self.queued.append(query)
        self._inner.write(query, params)

    def versions(self, label: str, ids: Iterable[str]) -> dict[str, int]:
        return self._inner.versions(label, ids)


class FailingAtTheEnd:
    """The real runner, except that chosen units of work get one more queued write, which fails on the server.

    No mock of the database: the unit's own statements run on the real server
    exactly as always, then ``DIVIDE_BY_ZERO`` fails at run time. Whatever of
    the unit is left afterwards is what a failure half-way through a real
    unit would leave. ``fails`` picks the units by the statements their work
    queued (default: every unit that queued any).
    """

    def __init__(self, inner: Runner, contact_id: str, fails: Callable[[list[str]], bool] = bool) -> None:
        self.inner = inner
        self.kind = inner.kind
        self.address = inner.address
        self._contact_id = contact_id
        self._fails = fails
        self.failed = 0

    def read(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        return self.inner.read(query, params)

    def write(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        return self.inner.write(query, params)

    def unit(self, work: Callable[[Transaction], _T]) -> _T:
        def then_fail(tx: Transaction) -> _T:
            recording = _Recording(tx)
            result = work(recording)
            if self._fails(recording.queued):
                self.failed += 1
                tx.write(DIVIDE_BY_ZERO, {"id": self._contact_id, "zero": 0})
            return result

        return self.inner.unit(then_fail)

    def ensure_schema(self, labels: tuple[str, ...]) -> None:
        self.inner.ensure_schema(labels)

    def close(self) -> None:
        self.inner.close()


class CountingWrites:
    """The real runner, counting how often each single statement is written (how many batches ``clear`` took)."""

    def __init__(self, inner: Runner) -> None:
        self.inner = inner
        self.kind = inner.kind
        self.address = inner.address
        self.calls: list[str] = []

    def read(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        return self.inner.read(query, params)

    def write(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        self.calls.append(query)
        return self.inner.write(query, params)

    def unit(self, work: Callable[[Transaction], _T]) -> _T:
        return self.inner.unit(work)

    def ensure_schema(self, labels: tuple[str, ...]) -> None:
        self.inner.ensure_schema(labels)

    def close(self) -> None:
        self.inner.close()


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
    assert [c.action for c in added] == ["import companies.csv"]
    assert set(added[0].about()) == {"Company"}
    # Run again without the fault: the contacts land, so the batch above really held them.
    report = import_paths(store, [folder], who="importer")
    assert report.rejected == 0
    assert out_edges(store, "q1") == {("WORKS_IN", "n1"), ("REPORTS_TO", "p1")}
    assert (store.records.node("Contact", "p1") or {}).get("title") == "总经理"


# 3. retries are idempotent -----------------------------------------------


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
    author = Author(who="importer", source=ChangeSource.IMPORT, action="import")
    first = store.unit_of_work(lambda uow: uow.write_rows(graph_rows(account()), author=author))
    assert first.created == 22 and first.change_id is not None
    before = dump(store)
    second = store.unit_of_work(lambda uow: uow.write_rows(graph_rows(account()), author=author))
    assert (second.created, second.updated) == (0, 0)
    assert second.change_id is None
    assert change_ids(store) == {first.change_id}
    assert dump(store) == before


# 4. packed values --------------------------------------------------------

ODD = "a\x1fb|c,d;e \"quoted\" 'single' back\\slash\nnext line 😀 华东电网"
"""Text a spreadsheet cell may hold that a packed or joined row would mangle: separators, quotes, escapes."""
GROUP_NAME = f"集团|{ODD}"
BRANCH_NAME = f"分公司,{ODD};"
BARE_NAME = f"独立\\{ODD}\\"
RIVAL_NAME = f"鼎信科技 {ODD}"
OUR_CATEGORY = f"网络安全\x1f{ODD}"
PLAIN_CATEGORY = "0012"
RIVAL_CATEGORY = "null"


def odd_portfolio() -> GraphRows:
    """A group with one branch, and a stand-alone company with no tier, industry or name key at all."""
    records = [
        Company(id="g", name=GROUP_NAME, tier=1, industry=ODD, employees=12000),
        Company(id="b", name=BRANCH_NAME, parent_id="g", kind="branch", tier=2, employees=800),
        Competitor(id="x1", name=RIVAL_NAME),
        Rep(id="r1", name="Li Wei"),
        Contact(id="dm", name=ODD, company_id="b", buying_role="decision_maker", title=ODD),
        Relationship(rep_id="r1", contact_id="dm", closeness=4, solution_acceptance=3, price_acceptance=2),
        Touch(date="2026-10-02", rep_id="r1", contact_id="dm", kind="visit", note=ODD),
        Purchase(
            company_id="b", product=f"网关 {ODD}", category=OUR_CATEGORY, vendor="us", since="2026-01-01", amount=1234.5
        ),
        Purchase(company_id="bare", product="0.10", category=PLAIN_CATEGORY, vendor="us", amount=0.1),
        Purchase(company_id="g", product="x", category=RIVAL_CATEGORY, vendor="x1", since="2025-05-05", amount=0.1),
        Purchase(company_id="g", product="y", category=RIVAL_CATEGORY, vendor="x1", since="2025-06-06"),
    ]
    rows = graph_rows(records)
    rows.nodes.insert(0, NodeRow("Company", "bare", {"id": "bare", "name": BARE_NAME}))
    return rows


def by_key(rows: Iterable[Mapping[str, Any]], *keys: str) -> list[dict[str, Any]]:
    """Rows as plain dicts in a fixed order: the servers stream them in any order."""
    return sorted((dict(r) for r in rows), key=lambda r: tuple(str(r[k]) for k in keys))


def test_awkward_spreadsheet_values_come_back_exactly_from_every_portfolio_read(store: GraphStore) -> None:
    """Names and categories with separators, quotes, backslashes, newlines, emoji and Chinese, amounts like
    0.1 and unset tiers must read back as written, from the server's aggregates as from the use case.
    """
    report = store.unit_of_work(lambda uow: uow.write_rows(odd_portfolio()))
    assert not report.missing
    group_key, branch_key = Company(id="g", name=GROUP_NAME).name_key, Company(id="b", name=BRANCH_NAME).name_key

    rows = store.portfolio.rows(DECISION_ROLES)
    assert by_key(rows.roots, "group_id") == [
        {"group_id": "bare", "name": BARE_NAME, "tier": None, "industry": None},
        {"group_id": "g", "name": GROUP_NAME, "tier": 1, "industry": ODD},
    ]
    assert by_key(rows.companies, "company_id") == [
        {"company_id": "b", "parent_id": "g", "employees": 800},
        {"company_id": "bare", "parent_id": None, "employees": 0},
        {"company_id": "g", "parent_id": None, "employees": 12000},
    ]
    assert by_key(rows.purchases, "company_id", "category") == [
        {"company_id": "b", "category": OUR_CATEGORY, "vendor": "us", "amount": 1234.5, "since": "2026-01-01"},
        {"company_id": "bare", "category": PLAIN_CATEGORY, "vendor": "us", "amount": 0.1, "since": None},
        {"company_id": "g", "category": RIVAL_CATEGORY, "vendor": "x1", "amount": 0.1, "since": "2025-05-05"},
    ]
    assert rows.decision_makers == [{"company_id": "b", "people": 1}]
    assert rows.known_decision_makers == [{"company_id": "b", "people": 1}]
    assert rows.last_touches == [{"company_id": "b", "last_touch": "2026-10-02"}]
    assert by_key(rows.our_deals, "category") == [
        {"category": PLAIN_CATEGORY, "amount": 0.1, "employees": 0},
        {"category": OUR_CATEGORY, "amount": 1234.5, "employees": 800},
    ]
    assert rows.competitor_names == {"x1": RIVAL_NAME}
    assert store.accounts.our_categories() == sorted([OUR_CATEGORY, PLAIN_CATEGORY])

    groups: list[dict[str, Any]] = [
        {"id": "g", "name": GROUP_NAME, "tier": 1, "industry": ODD, "companies": 2, "contacts": 1},
        {"id": "bare", "name": BARE_NAME, "tier": None, "industry": None, "companies": 1, "contacts": 0},
    ]
    assert store.accounts.groups() == sorted(groups, key=lambda r: (str(r["name"]), str(r["id"])))  # by name, as listed
    assert by_key(store.accounts.company_names(), "id") == [
        {"id": "b", "name": BRANCH_NAME, "name_key": branch_key, "parent_id": "g", "tier": 2},
        {"id": "bare", "name": BARE_NAME, "name_key": "", "parent_id": None, "tier": None},
        {"id": "g", "name": GROUP_NAME, "name_key": group_key, "parent_id": None, "tier": 1},
    ]
    assert [c["name"] for c in store.accounts.group_companies("b")] == [GROUP_NAME, BRANCH_NAME]

    table = {r.group_id: r for r in portfolio(**vars(rows), as_of=dt.date(2026, 11, 1))}
    group, bare = table["g"], table["bare"]
    assert (group.name, group.tier, group.industry, group.companies, group.branches) == (GROUP_NAME, 1, ODD, 2, 1)
    assert (group.our_revenue, group.competitor_spend, group.competitors) == (1234.5, 0.1, [RIVAL_NAME])
    assert (group.decision_makers, group.decision_makers_known, group.coverage) == (1, 1, 1.0)
    assert (group.last_touch, group.days_since_touch, group.untouched_branches) == (dt.date(2026, 10, 2), 30, 0)
    assert (bare.name, bare.tier, bare.industry, bare.companies) == (BARE_NAME, None, None, 1)
    assert (bare.our_revenue, bare.competitor_spend, bare.competitors, bare.coverage) == (0.1, 0.0, [], None)


# 5. counts ---------------------------------------------------------------


def test_counts_leave_out_the_history_and_follow_the_stores_own_writes(store: GraphStore) -> None:
    """The sidebar's numbers are cached for a few seconds, but a write through the same store must show at once;
    the history's ``ABOUT`` links are bookkeeping, not relationships of the account.
    """
    assert store.accounts.counts() == {"relationships": 0}
    store.unit_of_work(lambda uow: uow.write(account(), author=by("Li", "load")))
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


# 6. clear ----------------------------------------------------------------

SMALL_BATCH = 7


def test_clear_empties_a_graph_larger_than_one_batch(store: GraphStore, monkeypatch: pytest.MonkeyPatch) -> None:
    """The demo reset and test isolation delete a batch at a time: every batch must go, not only the first."""
    monkeypatch.setattr(repository, "CLEAR_BATCH", SMALL_BATCH)
    people = [Contact(id=f"ct-{i:02d}", name=f"联系人 {i}", company_id="c") for i in range(40)]
    store.unit_of_work(lambda uow: uow.write([Company(id="c", name="C"), *people], author=by("Li", "load")))
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


# 5. a unit of work reads only through its own transaction ----------------


class WatchingReads:
    """The real runner, noting every read that goes around a unit of work while one is open.

    Such a read is not the unit's: on Neo4j it runs in another transaction
    (and, routed for reading, may reach another member of a cluster), on
    FalkorDB it is outside what the unit's watch and lock stand for. What it
    answers may be newer than what the unit checked, or older.
    """

    def __init__(self, inner: Runner) -> None:
        self.inner = inner
        self.kind = inner.kind
        self.address = inner.address
        self.outside: list[str] = []
        self._open = 0

    def read(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        if self._open:
            self.outside.append(query_name(query))
        return self.inner.read(query, params)

    def write(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        return self.inner.write(query, params)

    def unit(self, work: Callable[[Transaction], _T]) -> _T:
        self._open += 1
        try:
            return self.inner.unit(work)
        finally:
            self._open -= 1

    def ensure_schema(self, labels: tuple[str, ...]) -> None:
        self.inner.ensure_schema(labels)

    def close(self) -> None:
        self.inner.close()


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
