"""The repository against a real server: upserts, idempotence, subgraphs, errors."""

from __future__ import annotations

from typing import Any

import pytest

from graph.domain.changes import ChangeSource
from graph.domain.errors import NotFound, QueryFailed
from graph.domain.fields import Record
from graph.domain.model import Company, Contact, Influence, OrgUnit, Purchase, Relationship, Rep, Touch
from graph.domain.relations import NODE_LABELS
from graph.store import GraphStore
from graph.store.rows import EdgeRow, GraphRows, NodeRow
from tests.authors import script_author

pytestmark = pytest.mark.integration

DUMP_NODES = "MATCH (n) RETURN labels(n)[0] AS label, properties(n) AS props"
DUMP_EDGES = "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, properties(r) AS props, b.id AS b"


def dump(store: GraphStore, with_history: bool = True) -> tuple[list[Any], list[Any]]:
    """Everything stored, in a canonical order, to compare two states of the store.

    ``with_history=False`` leaves out the change history and write counters:
    two different runs that end in the same data compare equal.
    """
    rows = store.runner.read(DUMP_NODES)
    if not with_history:
        rows = [
            {"label": r["label"], "props": {k: v for k, v in r["props"].items() if k != "version"}}
            for r in rows
            if r["label"] != "Change"
        ]
    nodes = sorted((r["label"], sorted(r["props"].items())) for r in rows)
    edges = sorted(
        (r["a"], r["type"], sorted(r["props"].items()), r["b"])
        for r in store.runner.read(DUMP_EDGES)
        if with_history or r["type"] != "ABOUT"
    )
    return nodes, edges


def account() -> list[Record]:
    return [
        Company(id="g", name="华东电网集团有限公司", tier=1, employees=12000),
        Company(id="b1", name="杭州供电分公司", parent_id="g", kind="branch"),
        Company(id="b11", name="萧山供电所", parent_id="b1", kind="branch"),
        OrgUnit(id="u-it", company_id="b1", name="信息中心"),
        OrgUnit(id="u-sec", company_id="b1", name="网络安全处", parent_id="u-it"),
        Contact(id="p1", name="张伟", company_id="b1", unit_id="u-it", level=2, buying_role="decision_maker"),
        Contact(id="p2", name="王芳", company_id="b1", unit_id="u-sec", level=3, reports_to=("p1",)),
        Contact(id="p3", name="李强", company_id="b11", level=3),
        Influence(from_id="p3", to_id="p1", kind="former_colleague", weight=0.8),
        Rep(id="r1", name="Li Wei"),
        Relationship(rep_id="r1", contact_id="p2", closeness=4, solution_acceptance=3, price_acceptance=2),
        Touch(date="2026-10-02", rep_id="r1", contact_id="p2", kind="visit", note="演示"),
        Purchase(company_id="b1", product="安全网关", category="网络安全", vendor="us", amount=380000.0),
    ]


def test_repeated_write_changes_nothing(store: GraphStore) -> None:
    first = store.unit_of_work(lambda uow: uow.write(account()))
    before = dump(store)
    second = store.unit_of_work(lambda uow: uow.write(account()))
    assert first.created == 22 and first.updated == 0
    assert (second.created, second.updated) == (0, 0)
    assert dump(store) == before


def test_changed_value_updates_only_that_property(store: GraphStore) -> None:
    store.unit_of_work(lambda uow: uow.write(account()))
    report = store.unit_of_work(
        lambda uow: uow.write([Contact(id="p2", name="王芳", company_id="b1", unit_id="u-sec", level=3, title="处长")])
    )
    assert report.nodes["Contact"].updated == 1
    assert report.created == 0
    props = store.runner.read("MATCH (c:Contact {id: 'p2'}) RETURN properties(c) AS p")[0]["p"]
    assert props["title"] == "处长" and props["level"] == 3 and props["name"] == "王芳"


def test_the_store_reports_exactly_what_differs_and_what_it_held(store: GraphStore) -> None:
    """The comparison runs in the store: equal numbers of either type, and absent versus empty, count as Python's."""
    store.unit_of_work(lambda uow: uow.write(account()))
    rows = GraphRows(
        nodes=[
            NodeRow("Contact", "p1", {"id": "p1", "name": "张伟", "level": 2.0, "title": None}),
            NodeRow("Contact", "p2", {"id": "p2", "name": "王芳", "level": 4, "buying_role": None}),
        ],
        edges=[
            EdgeRow("Contact-INFLUENCES->Contact", "p3", "p1", "former_colleague", {"weight": 0.5}),
            EdgeRow("Contact-REPORTS_TO->Contact", "p2", "p1"),
        ],
    )
    report = store.unit_of_work(
        lambda uow: uow.write_rows(rows, author=script_author("tester", "test", ChangeSource.EDIT))
    )
    counts = report.nodes["Contact"]
    assert (counts.created, counts.updated, counts.unchanged) == (0, 1, 1)
    lines = report.edges["Contact-INFLUENCES->Contact"], report.edges["Contact-REPORTS_TO->Contact"]
    assert [(c.updated, c.unchanged) for c in lines] == [(1, 0), (0, 1)]
    (change,) = [c for c in store.history.changes_about(["Contact:p2"]) if c.who == "tester"]
    assert {(e.entity, e.id or e.source): (e.before, e.after) for e in change.entries} == {
        ("Contact", "p2"): ({"level": 3, "buying_role": "unknown"}, {"level": 4, "buying_role": None}),
        ("Contact-INFLUENCES->Contact", "p3"): ({"weight": 0.8}, {"weight": 0.5}),
    }


def test_moving_a_contact_replaces_the_old_workplace(store: GraphStore) -> None:
    store.unit_of_work(lambda uow: uow.write(account()))
    store.unit_of_work(lambda uow: uow.write([Contact(id="p2", name="王芳", company_id="b1", unit_id="u-it")]))
    rows = store.runner.read("MATCH (:Contact {id: 'p2'})-[:WORKS_IN]->(u) RETURN u.id AS id")
    assert [r["id"] for r in rows] == ["u-it"]


def test_relationship_to_a_missing_contact_is_reported_not_written(store: GraphStore) -> None:
    store.unit_of_work(lambda uow: uow.write(account()))
    report = store.unit_of_work(
        lambda uow: uow.write([Influence(from_id="p1", to_id="nobody", kind="advice", weight=0.3)])
    )
    assert report.missing == ["Contact-INFLUENCES->Contact p1→nobody"]
    assert report.created == 0


@pytest.mark.parametrize(
    "name",
    ['O\'Brien "Bob"', "back\\slash", "<img src=x onerror=alert(1)>", "行1\n行2", "𠮷野家 😀", "$rows"],
)
def test_awkward_text_round_trips_exactly(store: GraphStore, name: str) -> None:
    store.unit_of_work(lambda uow: uow.write([Company(id="c", name="C"), Contact(id="x", name=name, company_id="c")]))
    graph = store.subgraphs.company("c")
    assert graph.nodes["Contact:x"]["name"] == name


def test_floats_keep_full_precision(store: GraphStore) -> None:
    store.unit_of_work(
        lambda uow: uow.write(
            [
                Company(id="c", name="C"),
                Contact(id="a", name="A", company_id="c"),
                Contact(id="b", name="B", company_id="c"),
            ]
        )
    )
    store.unit_of_work(lambda uow: uow.write([Influence(from_id="a", to_id="b", kind="advice", weight=0.123456789012)]))
    graph = store.subgraphs.company("c")
    assert graph.edges["Contact:a", "Contact:b", "INFLUENCES:advice"]["weight"] == 0.123456789012


def test_group_subgraph_reaches_every_depth_from_any_member(store: GraphStore) -> None:
    store.unit_of_work(lambda uow: uow.write(account()))
    graph = store.subgraphs.group("b11")
    assert graph.graph["root"] == "g"
    assert {"Company:g", "Company:b1", "Company:b11", "Contact:p3", "Rep:r1", "Vendor:us"} <= set(graph.nodes)
    assert graph.has_edge("Contact:p3", "Contact:p1", "INFLUENCES:former_colleague")
    assert graph.has_edge("Rep:r1", "Contact:p2", "KNOWS:")


def test_company_subgraph_keeps_ties_from_outside(store: GraphStore) -> None:
    store.unit_of_work(lambda uow: uow.write(account()))
    graph = store.subgraphs.company("b1")
    assert "Contact:p1" in graph and "Contact:p2" in graph
    assert graph.nodes["Contact:p3"]["company_id"] == "b11"  # influences p1 from a sub-branch
    touches = [d for _, _, d in graph.out_edges("Rep:r1", data=True) if d["type"] == "TOUCHED"]
    assert touches == [{"type": "TOUCHED", "date": "2026-10-02", "kind": "visit", "note": "演示"}]


def test_unknown_company_is_not_found(store: GraphStore) -> None:
    with pytest.raises(NotFound, match="no company with id 'nope'"):
        store.subgraphs.company("nope")


def test_counts_and_groups(store: GraphStore) -> None:
    assert store.records.is_empty()
    store.unit_of_work(lambda uow: uow.write(account()))
    counts = store.accounts.counts()
    assert counts["Company"] == 3 and counts["Contact"] == 3 and counts["relationships"] == 12
    assert [g["id"] for g in store.accounts.groups()] == ["g"]
    assert [c["id"] for c in store.accounts.group_companies("b11")] == ["g", "b1", "b11"]  # root, then by name
    assert not store.records.is_empty()


def test_bad_cypher_is_a_query_failure_with_position(store: GraphStore) -> None:
    with pytest.raises(QueryFailed, match="failed"):
        store.runner.read("MATCH (n RETURN n")


@pytest.mark.parametrize("label", NODE_LABELS)
def test_an_id_is_unique_within_its_label(store: GraphStore, label: str) -> None:
    """The schema ``open_store`` makes sure of: a second node of one label with one id is refused by the server."""
    create = f"CREATE (:{label} {{id: $id}})"  # a label from the allow-list, in a test of the schema itself
    store.runner.write(create, {"id": "twice"})
    with pytest.raises(QueryFailed):
        store.runner.write(create, {"id": "twice"})
    store.ensure_schema()  # again, on a schema that is complete: nothing to create, nothing refused
    with pytest.raises(QueryFailed):
        store.runner.write(create, {"id": "twice"})
