"""Faults of records that refer to themselves (#15): a company its own branch, a contact their own manager,
and reporting lines that go round in a cycle, in the import or with what is stored.

The check is ``fault_kit``'s, the same for every family: see ``test_fault_corpus``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.store import GraphStore
from ingest.importer import import_paths
from tests.integration.import_faults.fault_kit import RowFault, check_row_fault

pytestmark = pytest.mark.integration

CASES: list[tuple[str, str, str, str, str, str]] = [
    # stem, header, bad row, good row, column reported, reason
    ("companies", "id,name,parent_id", "x1,X,x1", "g1,Good,c1", "parent_id", "a company cannot be a branch of itself"),
    (
        "org_units",
        "id,company_id,name,parent_id",
        "v1,c1,IT,v1",
        "v2,c1,Ops,",
        "parent_id",
        "a department cannot be part of itself",
    ),
    (
        "contacts",
        "id,name,company_id,reports_to",
        "q1,Q,c1,q1",
        "q2,Good,c1,p1",
        "reports_to",
        "a contact cannot report to themselves",
    ),
    (
        "influence",
        "from_id,to_id,kind,weight",
        "p1,p1,advice,0.5",
        "p2,p1,advice,0.5",
        "to_id",
        "a contact cannot influence themselves",
    ),
    (
        "contacts",
        "id,name,company_id,reports_to",
        'q1,Q,c1,"p1;q1"',
        "q2,Good,c1,p1",
        "reports_to",
        "a contact cannot report to themselves",
    ),
    (
        "contacts",
        "id,name,company_id,reports_to",
        "p1,One,c1,p2",
        "q2,Good,c1,p1",
        "reports_to",
        "reporting lines form a cycle with what is stored: p1 → p2 → p1",
    ),
    ("reps", "id,name,manager_id", "s1,S,s1", "s2,Good,r1", "manager_id", "a rep cannot be their own manager"),
]


@pytest.mark.parametrize(("stem", "header", "bad", "good", "column", "reason"), CASES)
def test_bad_row_is_rejected_with_its_reason_and_the_good_row_lands(
    account: GraphStore, tmp_path: Path, stem: str, header: str, bad: str, good: str, column: str, reason: str
) -> None:
    check_row_fault(account, tmp_path, RowFault(stem, header, bad, good, column, reason))


def test_a_reporting_cycle_rejects_every_contact_in_it(account: GraphStore, tmp_path: Path) -> None:
    (tmp_path / "contacts.csv").write_text(
        "id,name,company_id,reports_to\na,A,c1,c\nb,B,c1,a\nc,C,c1,b\nd,D,c1,p1\n", encoding="utf-8"
    )
    report = import_paths(account, [tmp_path])
    assert {e.row for e in report.errors} == {2, 3, 4}
    assert {e.reason for e in report.errors} == {"reporting lines form a cycle: a → c → b → a"}
    assert report.stems["contacts"].landed == 1
