"""Faults of references (#15): ids that point nowhere, departments of another company, manager lists
that cannot be split into ids.

The check is ``fault_kit``'s, the same for every family: see ``test_fault_corpus``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.store import GraphStore
from ingest.importer import import_paths
from tests.integration.import_faults.fault_kit import (
    GOOD_CONTACT,
    FileFault,
    RowFault,
    check_file_fault,
    check_row_fault,
    fault_name,
    json_text,
    write_file,
)

pytestmark = pytest.mark.integration

CASES: list[tuple[str, str, str, str, str, str]] = [
    # stem, header, bad row, good row, column reported, reason
    (
        "companies",
        "id,name,parent_id",
        "x1,X,nowhere",
        "g1,Good,c1",
        "parent_id",
        "refers to company 'nowhere', which is neither in the import nor in the store",
    ),
    (
        "org_units",
        "id,company_id,name",
        "v1,nowhere,IT",
        "v2,c1,Ops",
        "company_id",
        "refers to company 'nowhere', which is neither in the import nor in the store",
    ),
    (
        "org_units",
        "id,company_id,name,parent_id",
        "v1,c1,IT,ghost",
        "v2,c1,Ops,u1",
        "parent_id",
        "refers to department 'ghost', which is neither in the import nor in the store",
    ),
    (
        "contacts",
        "id,name,company_id,reports_to",
        "q1,Q,c1,ghost",
        "q2,Good,c1,p1",
        "reports_to",
        "refers to contact 'ghost', which is neither in the import nor in the store",
    ),
    (
        "contacts",
        "id,name,company_id,unit_id",
        "q1,Q,c1,ghost",
        "q2,Good,c1,u1",
        "unit_id",
        "refers to department 'ghost', which is neither in the import nor in the store",
    ),
    (
        "contacts",
        "id,name,company_id",
        "q1,Q,nowhere",
        "q2,Good,c1",
        "company_id",
        "refers to company 'nowhere', which is neither in the import nor in the store",
    ),
    (
        "influence",
        "from_id,to_id,kind,weight",
        "ghost,p2,advice,0.5",
        "p2,p1,advice,0.5",
        "from_id",
        "refers to contact 'ghost', which is neither in the import nor in the store",
    ),
    (
        "influence",
        "from_id,to_id,kind,weight",
        "p1,ghost,advice,0.5",
        "p2,p1,advice,0.5",
        "to_id",
        "refers to contact 'ghost', which is neither in the import nor in the store",
    ),
    (
        "reps",
        "id,name,manager_id",
        "s1,S,ghost",
        "s2,Good,r1",
        "manager_id",
        "refers to rep 'ghost', which is neither in the import nor in the store",
    ),
    (
        "relationships",
        "rep_id,contact_id,closeness,solution_acceptance,price_acceptance",
        "ghost,p1,3,3,3",
        "r1,p2,5,3,3",
        "rep_id",
        "refers to rep 'ghost', which is neither in the import nor in the store",
    ),
    (
        "relationships",
        "rep_id,contact_id,closeness,solution_acceptance,price_acceptance",
        "r1,ghost,3,3,3",
        "r1,p2,5,3,3",
        "contact_id",
        "refers to contact 'ghost', which is neither in the import nor in the store",
    ),
    (
        "interactions",
        "date,rep_id,contact_id,opportunity_id",
        "2026-10-01,r1,p1,ghost",
        "2026-10-01,r1,p2,o1",
        "opportunity_id",
        "refers to opportunity 'ghost', which is neither in the import nor in the store",
    ),
    (
        "interactions",
        "date,rep_id,contact_id",
        "2026-10-01,ghost,p1",
        "2026-10-01,r1,p2",
        "rep_id",
        "refers to rep 'ghost', which is neither in the import nor in the store",
    ),
    (
        "competitor_relationships",
        "competitor,contact_id,strength",
        "Apex,ghost,3",
        "Apex,p2,4",
        "contact_id",
        "refers to contact 'ghost', which is neither in the import nor in the store",
    ),
    (
        "purchases",
        "company_id,product,category,vendor",
        "ghost,X,Net,us",
        "c1,Y,Net,Apex",
        "company_id",
        "refers to company 'ghost', which is neither in the import nor in the store",
    ),
    (
        "opportunities",
        "id,company_id,name,owner_id",
        "n1,c1,N,ghost",
        "n2,c1,Good,r1",
        "owner_id",
        "refers to rep 'ghost', which is neither in the import nor in the store",
    ),
    (
        "opportunity_roles",
        "opportunity_id,contact_id,role",
        "ghost,p1,user",
        "o1,p2,user",
        "opportunity_id",
        "refers to opportunity 'ghost', which is neither in the import nor in the store",
    ),
    (
        "claims",
        "company_id,rep_id,channel,claimed_on",
        "c1,ghost,direct,2026-10-01",
        "c1,r1,direct,2026-10-02",
        "rep_id",
        "refers to rep 'ghost', which is neither in the import nor in the store",
    ),
    # a department of another company (c2's u2, stored)
    (
        "org_units",
        "id,company_id,name,parent_id",
        "v1,c1,IT,u2",
        "v2,c1,Ops,u1",
        "parent_id",
        "department 'u2' belongs to another company (c2), not to c1",
    ),
    (
        "contacts",
        "id,name,company_id,unit_id",
        "q1,Q,c1,u2",
        "q2,Good,c1,u1",
        "unit_id",
        "department 'u2' belongs to another company (c2), not to c1",
    ),
    (
        "contacts",
        "姓名,公司编号,联系人编号,部门编号",
        "Q,c2,q1,u1",
        "Good,c2,q2,u2",
        "部门编号",
        "department 'u1' belongs to another company (c1), not to c2",
    ),
    (
        "contacts",
        "id,name,company_id",
        "p1,One,c2",
        "q2,Good,c1",
        "company_id",
        "moves p1 to c2, but their department 'u1' belongs to c1: give unit_id too",
    ),
    (
        "org_units",
        "id,company_id,name",
        "u1,c2,IT",
        "v2,c1,Ops",
        "company_id",
        "department 'u1' belongs to c1; it cannot move to another company (add a new one)",
    ),
    # ids a list of managers cannot hold, and managers a list does not name
    (
        "contacts",
        "id,name,company_id",
        '"q;1",Q,c1',
        "q2,Good,c1",
        "id",
        "holds ';', which separates managers in a list: a contact id cannot hold ; , or 、",
    ),
    (
        "contacts",
        "id,name,company_id",
        '"q,1",Q,c1',
        "q2,Good,c1",
        "id",
        "holds ',', which separates managers in a list: a contact id cannot hold ; , or 、",
    ),
    (
        "contacts",
        "id,name,company_id",
        "q、1,Q,c1",
        "q2,Good,c1",
        "id",
        "holds '、', which separates managers in a list: a contact id cannot hold ; , or 、",
    ),
    (
        "contacts",
        "id,name,company_id,reports_to",
        "q1,Q,c1,p1 p2",
        "q2,Good,c1,p1",
        "reports_to",
        "refers to contact 'p1 p2', which is neither in the import nor in the store",
    ),
    (
        "interactions",
        "date,rep_id,contact_id",
        "2026-10-01,r1,ghost",
        "2026-10-01,r1,p2",
        "contact_id",
        "refers to contact 'ghost', which is neither in the import nor in the store",
    ),
    (
        "opportunities",
        "id,company_id,name",
        "n1,ghost,N",
        "n2,c1,Good",
        "company_id",
        "refers to company 'ghost', which is neither in the import nor in the store",
    ),
    (
        "opportunity_roles",
        "opportunity_id,contact_id,role",
        "o1,ghost,user",
        "o1,p2,user",
        "contact_id",
        "refers to contact 'ghost', which is neither in the import nor in the store",
    ),
    (
        "claims",
        "company_id,rep_id,channel,claimed_on",
        "ghost,r1,direct,2026-10-01",
        "c1,r1,direct,2026-10-02",
        "company_id",
        "refers to company 'ghost', which is neither in the import nor in the store",
    ),
]


@pytest.mark.parametrize(("stem", "header", "bad", "good", "column", "reason"), CASES)
def test_bad_row_is_rejected_with_its_reason_and_the_good_row_lands(
    account: GraphStore, tmp_path: Path, stem: str, header: str, bad: str, good: str, column: str, reason: str
) -> None:
    check_row_fault(account, tmp_path, RowFault(stem, header, bad, good, column, reason))


FILE_FAULTS = [
    FileFault(
        "a department of another company, defined in the import",
        {
            "org_units.csv": "id,company_id,name\nv9,c2,Audit\n",
            "contacts.csv": "id,name,company_id,unit_id\nq1,Q,c1,v9\nq2,Good,c1,u1\n",
        },
        ("contacts.csv", 2, "unit_id", "department 'v9' belongs to another company (c2), not to c1"),
        ("contacts", "q2"),
    ),
    FileFault(
        "a parent department of another company, both in the import",
        {"org_units.csv": "id,company_id,name,parent_id\nv8,c2,Audit,\nv9,c1,Ops,v8\nv7,c1,Good,u1\n"},
        ("org_units.csv", 3, "parent_id", "department 'v8' belongs to another company (c2), not to c1"),
        ("org_units", "v7"),
    ),
    FileFault(
        "a JSON row naming a department of another company",
        {
            "data.json": json_text(
                contacts=[{"id": "q1", "name": "Q", "company_id": "c1", "unit_id": "u2"}, GOOD_CONTACT]
            )
        },
        ("data.json:contacts", 1, "unit_id", "department 'u2' belongs to another company (c2), not to c1"),
        ("contacts", "q2"),
    ),
]


@pytest.mark.parametrize("fault", FILE_FAULTS, ids=fault_name)
def test_a_file_fault_is_reported_where_it_is_and_the_rest_lands(
    account: GraphStore, tmp_path: Path, fault: FileFault
) -> None:
    check_file_fault(account, tmp_path, fault)


def test_a_department_of_another_company_is_refused_in_a_first_import(store: GraphStore, tmp_path: Path) -> None:
    """Into an empty store the import reads nothing stored back (labels it creates are new): its own rows decide."""
    write_file(tmp_path, "companies.csv", "id,name\nc1,One Co\nc2,Two Co\n")
    write_file(tmp_path, "org_units.csv", "id,company_id,name,parent_id\nu1,c1,IT,\nu2,c2,Audit,\nu3,c1,Desk,u2\n")
    write_file(tmp_path, "contacts.csv", "id,name,company_id,unit_id\nq1,Q,c1,u2\nq2,Good,c1,u1\n")
    report = import_paths(store, [tmp_path])
    assert [(e.file, e.row, e.column, e.reason) for e in report.errors] == [
        ("org_units.csv", 4, "parent_id", "department 'u2' belongs to another company (c2), not to c1"),
        ("contacts.csv", 2, "unit_id", "department 'u2' belongs to another company (c2), not to c1"),
    ]
    assert store.records.node("Contact", "q2") is not None and store.records.node("Contact", "q1") is None
