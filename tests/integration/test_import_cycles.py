"""No import closes a cycle in any hierarchy, within its own rows or together with what is already stored."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.store import GraphStore
from ingest.importer import import_paths
from tests.integration.test_store import dump

pytestmark = pytest.mark.integration
TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


@pytest.fixture
def templates(store: GraphStore) -> GraphStore:
    assert not import_paths(store, [TEMPLATES]).errors
    return store


CASES = [
    # stem, file, column, reason (substring)
    (
        "companies",
        "id,name,parent_id\nco-acme,Acme Holdings Ltd.,co-acme-sz\n",
        "parent_id",
        "branch lines form a cycle with what is stored: co-acme → co-acme-sz → co-acme",
    ),
    (
        "contacts",
        "id,name,company_id,reports_to\nct-ceo,Zhang Wei,co-acme,ct-sec\n",
        "reports_to",
        "reporting lines form a cycle with what is stored: ct-ceo → ct-sec",
    ),
    (
        "org_units",
        "id,company_id,name,parent_id\nou-acme-it,co-acme,IT,ou-acme-sec\n",
        "parent_id",
        "department lines form a cycle with what is stored: ou-acme-it → ou-acme-sec → ou-acme-it",
    ),
    (
        "reps",
        "id,name,manager_id\nrep-amy,Amy Chen,rep-bo\n",
        "manager_id",
        "rep manager lines form a cycle with what is stored: rep-amy → rep-bo → rep-amy",
    ),
    ("reps", "id,name,manager_id\nrep-amy,Amy Chen,rep-amy\n", "manager_id", "a rep cannot be their own manager"),
]


@pytest.mark.parametrize(("stem", "text", "column", "reason"), CASES)
def test_a_line_that_closes_a_cycle_with_the_store_is_refused_and_nothing_changes(
    templates: GraphStore, tmp_path: Path, stem: str, text: str, column: str, reason: str
) -> None:
    before = dump(templates)
    (tmp_path / f"{stem}.csv").write_text(text, encoding="utf-8")
    report = import_paths(templates, [tmp_path])
    assert [(e.row, e.column) for e in report.errors] == [(2, column)], report.errors
    assert reason in report.errors[0].reason, report.errors[0].reason
    assert dump(templates) == before
    assert [g["id"] for g in templates.accounts.groups()] == ["co-acme"], "the group still has its root"


def test_managers_separated_by_commas_are_checked_too(templates: GraphStore, tmp_path: Path) -> None:
    (tmp_path / "contacts.csv").write_text(
        'id,name,company_id,reports_to\nx1,X1,co-acme,"ct-ceo, x2"\nx2,X2,co-acme,x1\nx3,X3,co-acme,"ct-ceo，ct-cio"\n',
        encoding="utf-8",
    )
    report = import_paths(templates, [tmp_path])
    assert sorted(e.row for e in report.errors) == [2, 3]
    assert all("reporting lines form a cycle: x1 → x2 → x1" in e.reason for e in report.errors)
    assert templates.records.managers("x3") == ["ct-ceo", "ct-cio"]


def test_a_new_parent_that_replaces_the_stored_one_is_not_a_cycle(templates: GraphStore, tmp_path: Path) -> None:
    """Moving a branch under another branch is fine when the old line is the one being replaced."""
    (tmp_path / "companies.csv").write_text(
        "id,name,parent_id\nco-new,New Branch,co-acme\nco-acme-sz,Acme Shenzhen Branch,co-new\n", encoding="utf-8"
    )
    report = import_paths(templates, [tmp_path])
    assert not report.errors, report.errors
    assert templates.accounts.group_root("co-acme-sz") == "co-acme"
