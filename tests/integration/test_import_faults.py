"""A corpus of broken rows: each is rejected with its documented reason, and the good row beside it lands.

Every case is one CSV with a header, one bad row (spreadsheet row 2) and one
good row (row 3), imported into a store that already holds a small account.
The check is the same for all: exactly the bad row is reported, at the right
column with the right reason; the good row lands; what was stored stays.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.model import Company, Competitor, Contact, Opportunity, OrgUnit, Rep
from graph.store import GraphStore
from ingest.importer import import_paths
from tests.integration.test_store import dump

pytestmark = pytest.mark.integration

DATE = "is not a date (use YYYY-MM-DD)"
CASES: list[tuple[str, str, str, str, str, str]] = [
    # stem, header, bad row, good row, column reported, reason (substring)
    ("companies", "id,name,tier", "x1,,1", "g1,Good,1", "name", "is required"),
    ("companies", "id,name,tier", "x1,X,4", "g1,Good,1", "tier", "not one of the allowed values"),
    ("companies", "id,name,tier", "x1,X,abc", "g1,Good,1", "tier", "not one of the allowed values"),
    ("companies", "id,name,employees", "x1,X,-5", "g1,Good,5", "employees", "too small"),
    ("companies", "id,name,employees", "x1,X,many", "g1,Good,5", "employees", "not a whole number"),
    ("companies", "id,name,kind", "x1,X,castle", "g1,Good,hq", "kind", "must be one of hq, branch or subsidiary"),
    ("companies", "id,name,parent_id", "x1,X,nowhere", "g1,Good,c1", "parent_id", "refers to company 'nowhere'"),
    ("companies", "id,name,parent_id", "x1,X,x1", "g1,Good,c1", "parent_id", "cannot be a branch of itself"),
    ("companies", "id,name", ",X", "g1,Good", "id", "is required"),
    ("org_units", "id,company_id,name", "v1,nowhere,IT", "v2,c1,Ops", "company_id", "refers to company 'nowhere'"),
    ("org_units", "id,company_id,name,parent_id", "v1,c1,IT,ghost", "v2,c1,Ops,u1", "parent_id", "refers to depart"),
    ("org_units", "id,company_id,name", "v1,c1,", "v2,c1,Ops", "name", "is required"),
    ("org_units", "id,company_id,name,parent_id", "v1,c1,IT,v1", "v2,c1,Ops,", "parent_id", "part of itself"),
    ("contacts", "id,name,company_id", "q1,,c1", "q2,Good,c1", "name", "is required"),
    ("contacts", "id,name,company_id", "q1,Q,", "q2,Good,c1", "company_id", "is required"),
    ("contacts", "id,name,company_id", ",Q,c1", "q2,Good,c1", "id", "is required"),
    ("contacts", "id,name,company_id,level", "q1,Q,c1,0", "q2,Good,c1,2", "level", "too small"),
    ("contacts", "id,name,company_id,level", "q1,Q,c1,99", "q2,Good,c1,2", "level", "too large"),
    ("contacts", "id,name,company_id,level", "q1,Q,c1,senior", "q2,Good,c1,2", "level", "not a whole number"),
    ("contacts", "id,name,company_id,email", "q1,Q,c1,not-mail", "q2,Good,c1,g@x.cn", "email", "not an e-mail"),
    ("contacts", "id,name,company_id,phone", "q1,Q,c1,call me", "q2,Good,c1,13800000009", "phone", "not a phone"),
    (
        "contacts",
        "id,name,company_id,buying_role",
        "q1,Q,c1,emperor",
        "q2,Good,c1,内线",
        "buying_role",
        "must be one of economic_buyer",
    ),
    ("contacts", "id,name,company_id,stance", "q1,Q,c1,love", "q2,Good,c1,支持", "stance", "must be one of supporter"),
    ("contacts", "id,name,company_id,status", "q1,Q,c1,gone", "q2,Good,c1,离职", "status", "must be one of active"),
    (
        "contacts",
        "id,name,company_id,last_verified",
        "q1,Q,c1,31/02/2026",
        "q2,Good,c1,2026/02/28",
        "last_verified",
        DATE,
    ),
    (
        "contacts",
        "id,name,company_id,last_verified",
        "q1,Q,c1,2026-13-01",
        "q2,Good,c1,2026年2月1日",
        "last_verified",
        DATE,
    ),
    (
        "contacts",
        "id,name,company_id,reports_to",
        "q1,Q,c1,ghost",
        "q2,Good,c1,p1",
        "reports_to",
        "refers to contact 'ghost'",
    ),
    (
        "contacts",
        "id,name,company_id,reports_to",
        "q1,Q,c1,q1",
        "q2,Good,c1,p1",
        "reports_to",
        "cannot report to themselves",
    ),
    ("contacts", "id,name,company_id,unit_id", "q1,Q,c1,ghost", "q2,Good,c1,u1", "unit_id", "refers to department"),
    ("contacts", "id,name,company_id", "q1,Q,nowhere", "q2,Good,c1", "company_id", "refers to company 'nowhere'"),
    (
        "contacts",
        "姓名,公司编号,联系人编号,手机",
        "Q,c1,q1,1380000000a",
        "Good,c1,q2,13800000010",
        "手机",
        "not a phone",
    ),
    (
        "influence",
        "from_id,to_id,kind,weight",
        "p1,p1,advice,0.5",
        "p2,p1,advice,0.5",
        "to_id",
        "cannot influence themselves",
    ),
    ("influence", "from_id,to_id,kind,weight", "p1,p2,advice,1.5", "p2,p1,advice,0.5", "weight", "too large"),
    ("influence", "from_id,to_id,kind,weight", "p1,p2,advice,-0.1", "p2,p1,advice,0.5", "weight", "too small"),
    ("influence", "from_id,to_id,kind,weight", "p1,p2,advice,heavy", "p2,p1,advice,0.5", "weight", "not a number"),
    ("influence", "from_id,to_id,kind,weight", "p1,p2,enemy,0.5", "p2,p1,前同事,0.5", "kind", "must be one of advice"),
    (
        "influence",
        "from_id,to_id,kind,weight",
        "ghost,p2,advice,0.5",
        "p2,p1,advice,0.5",
        "from_id",
        "refers to contact 'ghost'",
    ),
    (
        "influence",
        "from_id,to_id,kind,weight",
        "p1,ghost,advice,0.5",
        "p2,p1,advice,0.5",
        "to_id",
        "refers to contact 'ghost'",
    ),
    ("reps", "id,name,role", "s1,S,CEO", "s2,Good,AE", "role", "must be one of AE"),
    ("reps", "id,name,channel", "s1,S,carrier pigeon", "s2,Good,电销", "channel", "must be one of direct"),
    ("reps", "id,name,manager_id", "s1,S,ghost", "s2,Good,r1", "manager_id", "refers to rep 'ghost'"),
    ("reps", "id,name", "s1,", "s2,Good", "name", "is required"),
    (
        "relationships",
        "rep_id,contact_id,closeness,solution_acceptance,price_acceptance",
        "r1,p1,6,3,3",
        "r1,p2,5,3,3",
        "closeness",
        "too large",
    ),
    (
        "relationships",
        "rep_id,contact_id,closeness,solution_acceptance,price_acceptance",
        "r1,p1,0,3,3",
        "r1,p2,5,3,3",
        "closeness",
        "too small",
    ),
    (
        "relationships",
        "rep_id,contact_id,closeness,solution_acceptance,price_acceptance",
        "r1,p1,3,3,high",
        "r1,p2,5,3,3",
        "price_acceptance",
        "not a whole number",
    ),
    (
        "relationships",
        "rep_id,contact_id,closeness,solution_acceptance,price_acceptance",
        "r1,p1,3,,3",
        "r1,p2,5,3,3",
        "solution_acceptance",
        "is required",
    ),
    (
        "relationships",
        "rep_id,contact_id,closeness,solution_acceptance,price_acceptance",
        "ghost,p1,3,3,3",
        "r1,p2,5,3,3",
        "rep_id",
        "refers to rep 'ghost'",
    ),
    (
        "relationships",
        "rep_id,contact_id,closeness,solution_acceptance,price_acceptance",
        "r1,ghost,3,3,3",
        "r1,p2,5,3,3",
        "contact_id",
        "refers to contact 'ghost'",
    ),
    (
        "relationships",
        "rep_id,contact_id,closeness,solution_acceptance,price_acceptance,since",
        "r1,p1,3,3,3,yesterday",
        "r1,p2,5,3,3,2024-01-01",
        "since",
        DATE,
    ),
    ("interactions", "date,rep_id,contact_id,kind", ",r1,p1,call", "2026-10-01,r1,p2,拜访", "date", "is required"),
    ("interactions", "date,rep_id,contact_id,kind", "2026-02-30,r1,p1,call", "2026-10-01,r1,p2,call", "date", DATE),
    (
        "interactions",
        "date,rep_id,contact_id,kind",
        "2026-10-01,r1,p1,telepathy",
        "2026-10-01,r1,p2,call",
        "kind",
        "must be one of visit",
    ),
    (
        "interactions",
        "date,rep_id,contact_id,opportunity_id",
        "2026-10-01,r1,p1,ghost",
        "2026-10-01,r1,p2,o1",
        "opportunity_id",
        "refers to opportunity 'ghost'",
    ),
    (
        "interactions",
        "date,rep_id,contact_id",
        "2026-10-01,ghost,p1",
        "2026-10-01,r1,p2",
        "rep_id",
        "refers to rep 'ghost'",
    ),
    ("competitor_relationships", "competitor,contact_id,strength", "Apex,p1,9", "Apex,p2,4", "strength", "too large"),
    ("competitor_relationships", "competitor,contact_id,strength", ",p1,3", "Apex,p2,4", "competitor", "is required"),
    (
        "competitor_relationships",
        "competitor,contact_id,strength",
        "Apex,ghost,3",
        "Apex,p2,4",
        "contact_id",
        "refers to contact 'ghost'",
    ),
    (
        "purchases",
        "company_id,product,category,vendor,amount",
        "c1,X,Net,us,-1",
        "c1,Y,Net,us,10",
        "amount",
        "too small",
    ),
    ("purchases", "company_id,product,category,vendor", "c1,X,,us", "c1,Y,Net,我方", "category", "is required"),
    (
        "purchases",
        "company_id,product,category,vendor",
        "ghost,X,Net,us",
        "c1,Y,Net,Apex",
        "company_id",
        "refers to company 'ghost'",
    ),
    (
        "purchases",
        "company_id,product,category,vendor,since",
        "c1,X,Net,us,someday",
        "c1,Y,Net,us,2025-01-01",
        "since",
        DATE,
    ),
    ("opportunities", "id,company_id,name,stage", "n1,c1,N,dreaming", "n2,c1,Good,投标", "stage", "must be one of"),
    ("opportunities", "id,company_id,name,close_date", "n1,c1,N,soon", "n2,c1,Good,2027-01-01", "close_date", DATE),
    (
        "opportunities",
        "id,company_id,name,owner_id",
        "n1,c1,N,ghost",
        "n2,c1,Good,r1",
        "owner_id",
        "refers to rep 'ghost'",
    ),
    ("opportunities", "id,company_id,name,amount", "n1,c1,N,lots", "n2,c1,Good,100", "amount", "not a number"),
    ("opportunity_roles", "opportunity_id,contact_id,role", "o1,p1,boss", "o1,p2,拍板人", "role", "must be one of"),
    (
        "opportunity_roles",
        "opportunity_id,contact_id,role",
        "ghost,p1,user",
        "o1,p2,user",
        "opportunity_id",
        "refers to opportunity 'ghost'",
    ),
    (
        "claims",
        "company_id,rep_id,channel,claimed_on",
        "c1,r1,fax,2026-10-01",
        "c1,r1,直销,2026-10-02",
        "channel",
        "must be one of direct",
    ),
    (
        "claims",
        "company_id,rep_id,channel,claimed_on",
        "c1,r1,direct,next week",
        "c1,r1,direct,2026-10-02",
        "claimed_on",
        DATE,
    ),
    (
        "claims",
        "company_id,rep_id,channel,claimed_on",
        "c1,ghost,direct,2026-10-01",
        "c1,r1,direct,2026-10-02",
        "rep_id",
        "refers to rep 'ghost'",
    ),
    # cells no store keeps as written: they used to fail the whole batch's statement
    ("companies", "id,name,employees", "x1,X,99999999999999999999", "g1,Good,5", "employees", "too large"),
    ("companies", "id,name", "x1,X\x00Y", "g1,Good", "name", "NUL character"),
    ("contacts", "id,name,company_id,title", "q1,Q,c1,CE\x00O", "q2,Good,c1,CFO", "title", "NUL character"),
    ("contacts", "id,name,company_id,reports_to", "q1,Q,c1,p\x001", "q2,Good,c1,p1", "reports_to", "NUL character"),
    ("influence", "from_id,to_id,kind,weight", "p1,p2,advice,NaN", "p2,p1,advice,0.5", "weight", "finite"),
    ("influence", "from_id,to_id,kind,weight", "p1,p2,advice,inf", "p2,p1,advice,0.5", "weight", "finite"),
    (
        "purchases",
        "company_id,product,category,vendor,amount",
        "c1,X,Net,us,inf",
        "c1,Y,Net,us,100",
        "amount",
        "not a finite number",
    ),
    (
        "purchases",
        "company_id,product,category,vendor,amount",
        "c1,X,Net,us,1e309",
        "c1,Y,Net,us,100",
        "amount",
        "not a finite number",
    ),
    (
        "purchases",
        "company_id,product,category,vendor,amount",
        "c1,X,Net,us,Infinity",
        "c1,Y,Net,us,100",
        "amount",
        "not a finite number",
    ),
    (
        "purchases",
        "company_id,product,category,vendor,amount",
        "c1,X,Net,us,nan",
        "c1,Y,Net,us,100",
        "amount",
        "not a finite number",
    ),
    (
        "purchases",
        "company_id,product,category,vendor",
        "c1,X,Net,Ri\x00val",
        "c1,Y,Net,Apex",
        "vendor",
        "NUL character",
    ),
    (
        "competitor_relationships",
        "competitor,contact_id,strength",
        "Ri\x00val,p1,3",
        "Apex,p1,3",
        "competitor",
        "NUL character",
    ),
    (
        "interactions",
        "date,rep_id,contact_id,kind,note",
        "2026-10-01,r1,p1,visit," + "x" * 200_000,
        "2026-10-02,r1,p1,visit,ok",
        "note",
        "is too long (200,000 characters",
    ),
    (
        "opportunities",
        "id,company_id,name,amount",
        "o9,c1,Deal,-inf",
        "o8,c1,Deal,5",
        "amount",
        "finite",
    ),
]


@pytest.fixture
def account(store: GraphStore) -> GraphStore:
    store.write(
        [
            Company(id="c1", name="Existing Co", tier=1),
            OrgUnit(id="u1", company_id="c1", name="IT"),
            Contact(id="p1", name="One", company_id="c1", unit_id="u1", phone="13800000001"),
            Contact(id="p2", name="Two", company_id="c1", reports_to=("p1",)),
            Rep(id="r1", name="Rep One"),
            Opportunity(id="o1", company_id="c1", name="Deal"),
            Competitor(id="apex", name="Apex"),
        ]
    )
    return store


def test_the_corpus_has_sixty_distinct_faults() -> None:
    assert len({(stem, column, reason, bad) for stem, _, bad, _, column, reason in CASES}) >= 60


@pytest.mark.parametrize(("stem", "header", "bad", "good", "column", "reason"), CASES)
def test_bad_row_is_rejected_with_its_reason_and_the_good_row_lands(
    account: GraphStore, tmp_path: Path, stem: str, header: str, bad: str, good: str, column: str, reason: str
) -> None:
    before = dump(account)
    (tmp_path / f"{stem}.csv").write_text(f"{header}\n{bad}\n{good}\n", encoding="utf-8")
    report = import_paths(account, [tmp_path])
    rejected = [(e.row, e.column) for e in report.errors]
    assert rejected and all(row == 2 for row, _ in rejected), report.errors
    assert (2, column) in rejected
    assert any(reason in e.reason for e in report.errors if e.column == column), report.errors
    assert (report.stems[stem].landed, report.stems[stem].rejected) == (1, 1)
    after = dump(account)
    assert set(map(repr, before[0])) <= set(map(repr, after[0])), "a stored node changed or vanished"


def test_a_reporting_cycle_rejects_every_contact_in_it(account: GraphStore, tmp_path: Path) -> None:
    (tmp_path / "contacts.csv").write_text(
        "id,name,company_id,reports_to\na,A,c1,c\nb,B,c1,a\nc,C,c1,b\nd,D,c1,p1\n", encoding="utf-8"
    )
    report = import_paths(account, [tmp_path])
    assert {e.row for e in report.errors} == {2, 3, 4}
    assert {e.reason for e in report.errors} == {"reporting lines form a cycle: a → c → b → a"}
    assert report.stems["contacts"].landed == 1


def test_a_duplicate_id_keeps_the_first_row(account: GraphStore, tmp_path: Path) -> None:
    (tmp_path / "contacts.csv").write_text("id,name,company_id\np9,First,c1\np9,Again,c1\n", encoding="utf-8")
    report = import_paths(account, [tmp_path])
    assert [(e.row, e.column, e.reason) for e in report.errors] == [
        (3, "id", "duplicate id: contacts.csv row 2 has it too")
    ]
    assert account.company_subgraph("c1").nodes["Contact:p9"]["name"] == "First"


def test_a_semicolon_separated_file_is_read(account: GraphStore, tmp_path: Path) -> None:
    (tmp_path / "contacts.csv").write_text("id;name;company_id\nq9;Semi Colon;c1\n", encoding="utf-8")
    report = import_paths(account, [tmp_path])
    assert not report.errors and report.stems["contacts"].landed == 1
    assert (account.node("Contact", "q9") or {}).get("name") == "Semi Colon"


def test_a_file_with_no_known_column_is_an_error_not_a_success(account: GraphStore, tmp_path: Path) -> None:
    before = dump(account)
    (tmp_path / "contacts.csv").write_text("who_field,what_field\nZhang San,1\n", encoding="utf-8")
    report = import_paths(account, [tmp_path])
    assert [(e.row, e.column) for e in report.errors] == [(1, "(header)")]
    assert "no column of contacts found" in report.errors[0].reason
    assert dump(account) == before


@pytest.mark.parametrize("name", ["...", "Ltd.", "有限公司", " -- "])
def test_a_placeholder_is_no_competitor_name(account: GraphStore, tmp_path: Path, name: str) -> None:
    before = dump(account)
    (tmp_path / "competitor_relationships.csv").write_text(
        f"competitor,contact_id,strength\n{name},p1,3\n", encoding="utf-8"
    )
    report = import_paths(account, [tmp_path])
    assert [(e.row, e.column) for e in report.errors] == [(2, "competitor")]
    assert dump(account) == before
