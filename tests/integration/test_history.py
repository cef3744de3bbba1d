"""The change history against a real store: the demo's month of edits, imports, handovers, the "as of" map."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from graph.analysis.history import rewind
from graph.domain.access import local_viewer
from graph.domain.actions import Action, ActionCode
from graph.domain.changes import Author, Change, ChangeSource
from graph.services.account_views import account_timeline, company_graph_as_of, contact_timeline, hand_over
from graph.store import GraphStore
from graph.store.rows import graph_rows
from graph.store.write_cypher import RECORD_CHANGE
from ingest.demo import demo_records
from ingest.demo_history import demo_edits, demo_start
from ingest.demo_ids import DEMO_TODAY
from ingest.importer import import_paths
from ingest.load_demo import load_demo

pytestmark = pytest.mark.integration

WENZHOU = "co-hd-wz"
MONTH_BACK = DEMO_TODAY - dt.timedelta(days=31)


def _state(graph: nx.MultiDiGraph[str]) -> tuple[dict[str, dict[str, Any]], dict[tuple[str, str, str], dict[str, Any]]]:
    """Nodes and relationships with their properties, leaving out the store's write counter."""
    nodes = {k: {a: v for a, v in d.items() if a != "version"} for k, d in graph.nodes(data=True)}
    edges = {(u, v, k): dict(d) for u, v, k, d in graph.edges(keys=True, data=True)}
    return nodes, edges


def _differences(then: nx.MultiDiGraph[str], now: nx.MultiDiGraph[str]) -> set[tuple[str, ...]]:
    then_nodes, then_edges = _state(then)
    now_nodes, now_edges = _state(now)
    found: set[tuple[str, ...]] = set()
    for key in then_nodes.keys() | now_nodes.keys():
        if key not in then_nodes:
            found.add(("new node", key))
        elif key not in now_nodes:
            found.add(("gone node", key))
        else:
            old, new = then_nodes[key], now_nodes[key]
            found |= {("changed", key, name) for name in old.keys() | new.keys() if old.get(name) != new.get(name)}
    for edge in then_edges.keys() | now_edges.keys():
        if edge not in then_edges:
            found.add(("new edge", *edge))
        elif edge not in now_edges:
            found.add(("gone edge", *edge))
        elif then_edges[edge] != now_edges[edge]:
            found.add(("changed edge", *edge))
    return found


def test_the_demo_a_month_back_differs_exactly_by_the_edits_made_since(store: GraphStore) -> None:
    """The whole 华东电网 group, not only 温州: nothing else may move."""
    load_demo(store)
    now = store.subgraphs.group(WENZHOU)
    then = company_graph_as_of(store, WENZHOU, MONTH_BACK, whole_group=True)
    assert len(now) > 300
    assert _differences(then, now) == {
        ("changed", "Contact:ct-hd-wz-008", "stance"),
        ("new node", "Contact:ct-hd-wz-027"),
        ("new edge", "Contact:ct-hd-wz-027", "OrgUnit:ou-hd-wz-finance", "WORKS_IN:"),
        ("new edge", "Contact:ct-hd-wz-027", "Contact:ct-hd-wz-006", "REPORTS_TO:"),
        ("new edge", "Contact:ct-hd-wz-005", "Contact:ct-hd-wz-001", "INFLUENCES:informal"),
        ("gone edge", "Contact:ct-hd-wz-006", "Contact:ct-hd-wz-002", "REPORTS_TO:"),
        ("new edge", "Contact:ct-hd-wz-006", "Contact:ct-hd-wz-003", "REPORTS_TO:"),
        ("changed", "Contact:ct-hd-wz-004", "status"),
        ("gone edge", "Contact:ct-hd-wz-009", "Contact:ct-hd-wz-001", "INFLUENCES:advice"),
        ("changed", "Contact:ct-hd-wz-012", "unit_id"),
        ("gone edge", "Contact:ct-hd-wz-012", "OrgUnit:ou-hd-wz-infra", "WORKS_IN:"),
        ("new edge", "Contact:ct-hd-wz-012", "OrgUnit:ou-hd-wz-sec", "WORKS_IN:"),
    }


def test_the_rewound_demo_equals_the_demo_as_loaded_before_the_edits(store: GraphStore) -> None:
    """Undoing the history must give back what was stored before it, value for value."""
    final = demo_records()
    store.unit_of_work(lambda uow: uow.write_rows(graph_rows(demo_start(final, demo_edits(final)))))
    before = store.subgraphs.company(WENZHOU)
    store.clear()
    load_demo(store)
    rewound = rewind(store.subgraphs.company(WENZHOU), store.history.changes_since(MONTH_BACK), MONTH_BACK)
    assert _differences(before, rewound) == set()
    assert _differences(rewound, store.subgraphs.company(WENZHOU)) != set()


def test_the_store_filters_changes_by_time(store: GraphStore) -> None:
    """Checked at the store, not only by ``rewind``: FalkorDB's index once answered ``<`` on text with everything."""
    load_demo(store)
    assert store.history.changes_since(DEMO_TODAY) == []
    assert [c.action.code for c in store.history.changes_since(MONTH_BACK)] == [
        e.action for e in demo_edits(demo_records())
    ]
    assert [c.source for c in store.history.changes_about(["Contact:ct-hd-wz-006"], as_of=MONTH_BACK)] == [
        ChangeSource.DEMO
    ]


def test_each_demo_edit_is_on_the_timeline_with_who_when_and_why(store: GraphStore) -> None:
    load_demo(store)
    items = contact_timeline(store, "ct-hd-wz-006")
    edit = next(i for i in items if i.source == ChangeSource.EDIT)
    assert (edit.who, edit.at.date(), edit.action.english) == ("李娜", dt.date(2026, 10, 20), "edit contact")
    assert "reorganisation" in edit.why
    account = account_timeline(store, WENZHOU)
    assert [i.at for i in account] == sorted((i.at for i in account), reverse=True)
    assert {i.action.code for i in account if i.source == ChangeSource.EDIT} == {
        e.action for e in demo_edits(demo_records())
    }


def test_an_import_records_its_changes_and_a_repeat_records_none(store: GraphStore, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "companies.csv").write_text("id,name\nco-a,Acme\n", encoding="utf-8")
    (folder / "contacts.csv").write_text("id,name,company_id,stance\nct-a,Li Na,co-a,neutral\n", encoding="utf-8")
    import_paths(store, [folder], who="ops")
    first = store.history.changes_about(["Contact:ct-a"])
    (folder / "contacts.csv").write_text("id,name,company_id,stance\nct-a,Li Na,co-a,supporter\n", encoding="utf-8")
    import_paths(store, [folder], who="ops", why="after the kick-off")
    import_paths(store, [folder], who="ops")
    items = contact_timeline(store, "ct-a")
    assert len(first) == 1
    assert [(i.what, i.who, i.before.get("stance"), i.after.get("stance")) for i in items if i.entity == "Contact"] == [
        ("changed", "ops", "neutral", "supporter"),
        ("created", "ops", None, "neutral"),
    ]
    assert items[0].why == "after the kick-off"


def test_a_handover_is_recorded(store: GraphStore) -> None:
    load_demo(store)
    lead = local_viewer("team lead")
    hand_over(store, "rep-sun", {"co-sj": "rep-ma"}, DEMO_TODAY, "team lead", "parental leave", viewer=lead)
    changes = store.history.changes_about(["Rep:rep-sun"])
    assert changes[0].source == ChangeSource.HANDOVER
    assert (changes[0].who, changes[0].why) == ("team lead", "parental leave")
    rep = next(e for e in changes[0].entries if e.entity == "Rep")
    assert (rep.before, rep.after) == (
        {"status": "active", "left_on": None},
        {"status": "left", "left_on": "2026-11-01"},
    )


def test_a_change_written_before_action_codes_reads_as_its_code(store: GraphStore) -> None:
    """A store from before codes holds only the English words (no ``action_params``): they read as the code."""
    legacy = Change.of(Author(who="李娜", source=ChangeSource.HANDOVER, action=Action.of(ActionCode.OTHER)), [])
    row = legacy.to_row() | {"action": "hand over 孙磊's accounts", "action_params": None}  # null: no property at all
    store.runner.write(RECORD_CHANGE, row)
    (read,) = store.history.changes_since(dt.date.today() - dt.timedelta(days=2))
    assert read.action == Action.of(ActionCode.HAND_OVER, who="孙磊")
