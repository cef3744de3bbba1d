"""Editing against a real store: every edit kind lands and is recorded, bad edits are refused, nothing is lost."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from graph.domain.access import local_viewer
from graph.domain.actions import Action, ActionCode
from graph.domain.changes import Author, ChangeSource
from graph.domain.enums import InfluenceKind
from graph.domain.errors import EditConflict, EditRefused
from graph.services.editing import (
    log_touch,
    mark_left,
    mark_verified,
    remove_influence,
    save_company,
    save_contact,
    save_influence,
    save_relationship,
    save_unit,
)
from graph.store import GraphStore
from ingest.importer import import_paths
from ingest.store_export import export_csv
from tests.integration.test_store import account, dump

pytestmark = pytest.mark.integration

ME = local_viewer("Li")
"""The machine's one user, who acts for every rep."""


def by(who: str, action: ActionCode = ActionCode.EDIT_CONTACT, why: str = "") -> Author:
    return Author(who=who, source=ChangeSource.EDIT, action=Action.of(action), why=why)


@pytest.fixture
def filled(store: GraphStore) -> GraphStore:
    store.unit_of_work(lambda uow: uow.write(account()))
    return store


def stored(store: GraphStore, label: str, node_id: str) -> dict[str, Any]:
    props = store.records.node(label, node_id)
    assert props is not None, f"no {label} {node_id}"
    return props


def contact(store: GraphStore, contact_id: str) -> dict[str, Any]:
    return {**stored(store, "Contact", contact_id), "reports_to": tuple(store.records.managers(contact_id))}


def refusal(error: pytest.ExceptionInfo[EditRefused]) -> list[tuple[str, str]]:
    return [(p.field, p.reason) for p in error.value.problems]


def test_a_second_save_of_the_same_contact_is_refused_with_the_current_values(filled: GraphStore) -> None:
    opened_by_li = contact(filled, "p2")
    opened_by_wang = contact(filled, "p2")
    version = int(opened_by_li["version"])
    save_contact(filled, {**opened_by_li, "stance": "supporter"}, by("Li"), version)
    before = dump(filled)
    with pytest.raises(EditConflict) as conflict:
        save_contact(filled, {**opened_by_wang, "stance": "opponent"}, by("Wang"), version)
    assert conflict.value.current["stance"] == "supporter"
    assert conflict.value.changed_by == "Li"
    assert "Li" in str(conflict.value)
    assert dump(filled) == before
    current = contact(filled, "p2")
    save_contact(filled, {**current, "stance": "opponent"}, by("Wang"), int(current["version"]))
    assert stored(filled, "Contact", "p2")["stance"] == "opponent"


def test_contact_edits_land_and_are_recorded_before_and_after(filled: GraphStore) -> None:
    values = contact(filled, "p2")
    changed = {**values, "title": "处长", "phone": "+86 138-0013-8000", "email": "Wang.Fang@Example.CN", "level": 2}
    save_contact(filled, changed, by("Li", why="met at the kick-off"), int(values["version"]))
    values = stored(filled, "Contact", "p2")
    assert (values["title"], values["phone"], values["email"], values["level"]) == (
        "处长",
        "13800138000",
        "wang.fang@example.cn",
        2,
    )
    change = filled.history.changes_about(["Contact:p2"])[0]
    assert (change.who, change.why) == ("Li", "met at the kick-off")
    entry = next(e for e in change.entries if e.entity == "Contact")
    assert entry.before == {"title": None, "phone": None, "email": None, "level": 3}
    assert entry.after == {"title": "处长", "phone": "13800138000", "email": "wang.fang@example.cn", "level": 2}


def test_clearing_a_field_removes_it(filled: GraphStore) -> None:
    values = contact(filled, "p1")
    save_contact(filled, {**values, "level": None}, by("Li"), int(values["version"]))
    assert "level" not in stored(filled, "Contact", "p1")


def test_a_new_contact_gets_an_id_and_managers(filled: GraphStore) -> None:
    new, report = save_contact(
        filled, {"name": "赵敏", "company_id": "b1", "unit_id": "u-sec", "reports_to": ("p2",)}, by("Li")
    )
    assert new.id.startswith("ct-")
    assert filled.records.managers(new.id) == ["p2"]
    assert report.change_id is not None
    graph = filled.subgraphs.company("b1")
    assert graph.has_edge(f"Contact:{new.id}", "OrgUnit:u-sec")


def test_managers_can_be_set_and_dropped(filled: GraphStore) -> None:
    values = contact(filled, "p2")
    save_contact(filled, {**values, "reports_to": ("p3",)}, by("Li"), int(values["version"]))
    assert filled.records.managers("p2") == ["p3"]
    removed = [e for e in filled.history.changes_about(["Contact:p2"])[0].entries if e.after is None]
    assert [(e.source, e.target) for e in removed] == [("p2", "p1")]


def test_a_reporting_cycle_is_refused_naming_the_other_people(filled: GraphStore) -> None:
    values = contact(filled, "p1")
    before = dump(filled)
    with pytest.raises(EditRefused) as refused:
        save_contact(filled, {**values, "reports_to": ("p2",)}, by("Li"), int(values["version"]))
    assert refusal(refused) == [("reports_to", "would form a cycle: 张伟 (p1) → 王芳 (p2) → 张伟 (p1)")]
    assert dump(filled) == before


def test_the_same_person_twice_is_refused_naming_the_other_record(filled: GraphStore) -> None:
    values = contact(filled, "p2")
    save_contact(filled, {**values, "phone": "13800138000"}, by("Li"), int(values["version"]))
    with pytest.raises(EditRefused) as refused:
        save_contact(filled, {"name": "王芳 (2)", "company_id": "b1", "phone": "+86 138 0013 8000"}, by("Li"))
    assert refusal(refused) == [("phone", "王芳 (p2) in this company has the same phone: one person, one record")]


def test_bad_values_get_the_importers_reasons(filled: GraphStore) -> None:
    with pytest.raises(EditRefused) as refused:
        save_contact(filled, {"name": "", "company_id": "b1", "level": 30, "stance": "maybe"}, by("Li"))
    assert sorted(refusal(refused)) == [
        ("level", "is too large (limit 20)"),
        ("name", "is empty"),
        ("stance", "must be one of supporter, neutral, opponent or unknown"),
    ]
    with pytest.raises(EditRefused) as unknown:
        save_contact(filled, {"name": "X", "company_id": "b1", "unit_id": "u-nowhere"}, by("Li"))
    assert refusal(unknown) == [("unit_id", "refers to department 'u-nowhere', which is not in the store")]
    with pytest.raises(EditRefused) as elsewhere:
        save_contact(filled, {"name": "X", "company_id": "b11", "unit_id": "u-it"}, by("Li"))
    assert refusal(elsewhere) == [("unit_id", "department 'u-it' belongs to another company (b1)")]


def test_moving_a_contact_between_units_replaces_the_old_link(filled: GraphStore) -> None:
    values = contact(filled, "p2")
    save_contact(filled, {**values, "unit_id": "u-it"}, by("Li"), int(values["version"]))
    graph = filled.subgraphs.company("b1")
    assert set(graph.successors("Contact:p2")) == {"OrgUnit:u-it", "Contact:p1"}


def test_left_and_verified(filled: GraphStore) -> None:
    mark_left(filled, "p3", by("Li"), int(stored(filled, "Contact", "p3")["version"]))
    mark_verified(filled, "p1", by("Li"), int(stored(filled, "Contact", "p1")["version"]), dt.date(2026, 11, 2))
    assert stored(filled, "Contact", "p3")["status"] == "left"
    assert stored(filled, "Contact", "p1")["last_verified"] == "2026-11-02"
    assert filled.subgraphs.company("b11").has_node("Contact:p3")


def test_influence_is_drawn_reweighted_and_removed(filled: GraphStore) -> None:
    line = {"from_id": "p2", "to_id": "p1", "kind": "advice", "weight": 0.3}
    save_influence(filled, line, by("Li"))
    save_influence(filled, {**line, "weight": 0.8}, by("Li"))
    graph = filled.subgraphs.company("b1")
    assert graph.edges["Contact:p2", "Contact:p1", "INFLUENCES:advice"]["weight"] == 0.8
    remove_influence(filled, "p2", "p1", InfluenceKind.ADVICE, by("Li", why="wrong person"))
    assert not filled.subgraphs.company("b1").has_edge("Contact:p2", "Contact:p1", "INFLUENCES:advice")
    removed = filled.history.changes_about(["Contact:p2"])[0].entries[0]
    assert (removed.before, removed.after) == ({"kind": "advice", "weight": 0.8}, None)
    with pytest.raises(EditRefused) as refused:
        save_influence(filled, {"from_id": "p1", "to_id": "p1"}, by("Li"))
    assert refusal(refused) == [("to_id", "a contact cannot influence themselves")]


def test_relationship_scores_and_touches(filled: GraphStore) -> None:
    scores = {"rep_id": "r1", "contact_id": "p1", "closeness": 4, "solution_acceptance": 3, "price_acceptance": 2}
    save_relationship(filled, scores, by("Li"), viewer=ME)
    touch = {"date": "2026-11-03", "rep_id": "r1", "contact_id": "p1", "kind": "visit", "note": "demo"}
    log_touch(filled, touch, by("Li"), viewer=ME)
    graph = filled.subgraphs.company("b1")
    assert graph.edges["Rep:r1", "Contact:p1", "KNOWS:"]["closeness"] == 4
    assert any(d.get("note") == "demo" for _, _, d in graph.edges("Rep:r1", data=True))
    with pytest.raises(EditRefused) as refused:
        save_relationship(filled, {**scores, "closeness": 9}, by("Li"), viewer=ME)
    assert refusal(refused) == [("closeness", "is too large (limit 5)")]
    with pytest.raises(EditRefused) as unknown:
        log_touch(filled, {"date": "2026-11-03", "rep_id": "r9", "contact_id": "p1"}, by("Li"), viewer=ME)
    assert refusal(unknown) == [("rep_id", "refers to rep 'r9', which is not in the store")]


def test_companies_branches_and_departments(filled: GraphStore) -> None:
    branch, _ = save_company(filled, {"name": "宁波供电分公司", "parent_id": "g", "kind": "branch"}, by("Li"))
    unit, _ = save_unit(filled, {"name": "信息中心", "company_id": branch.id}, by("Li"))
    assert filled.accounts.group_root(branch.id) == "g"
    assert stored(filled, "OrgUnit", unit.id)["company_id"] == branch.id
    group = stored(filled, "Company", "g")
    with pytest.raises(EditRefused) as refused:
        save_company(filled, {**group, "parent_id": "b11"}, by("Li"), int(group["version"]))
    assert refusal(refused) == [
        (
            "parent_id",
            "would form a cycle: 华东电网集团有限公司 (g) → 萧山供电所 (b11) → 杭州供电分公司 (b1) "
            "→ 华东电网集团有限公司 (g)",
        )
    ]
    with pytest.raises(EditRefused) as taken:
        save_company(filled, {"id": "g", "name": "Another"}, by("Li"))
    assert refusal(taken) == [("id", "is already used by 华东电网集团有限公司 (g)")]


def test_a_contact_id_an_edit_sets_reads_back_from_its_export(filled: GraphStore, tmp_path: Path) -> None:
    """An id with a space, set by an edit and named as a manager, survives export → import (#15)."""
    save_contact(filled, {"id": "ct 7", "name": "七号", "company_id": "b1"}, by("Li"))
    save_contact(filled, {"id": "ct 8", "name": "八号", "company_id": "b1", "reports_to": ("ct 7", "p1")}, by("Li"))
    export_csv(filled, tmp_path)
    exported = dump(filled, with_history=False)
    filled.clear()
    report = import_paths(filled, [tmp_path])
    assert not report.errors, report.errors
    assert filled.records.managers("ct 8") == ["ct 7", "p1"]
    assert dump(filled, with_history=False) == exported


@pytest.mark.parametrize("contact_id", ["ct;7", "ct,7", "ct、7", "ct，7"])
def test_an_id_the_importer_refuses_the_edit_refuses_in_the_same_words(
    filled: GraphStore, tmp_path: Path, contact_id: str
) -> None:
    before = dump(filled)
    with pytest.raises(EditRefused) as refused:
        save_contact(filled, {"id": contact_id, "name": "七号", "company_id": "b1"}, by("Li"))
    (tmp_path / "contacts.csv").write_text(f'id,name,company_id\n"{contact_id}",七号,b1\n', encoding="utf-8")
    report = import_paths(filled, [tmp_path])
    assert refusal(refused) == [("id", report.errors[0].reason)]
    assert [(e.row, e.column) for e in report.errors] == [(2, "id")]
    assert "separates managers" in report.errors[0].reason
    assert dump(filled) == before
