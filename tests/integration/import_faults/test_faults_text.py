"""Faults of text values (#15): NUL characters, texts too long, names that are no names, phones and e-mails
that are neither.

The check is ``fault_kit``'s, the same for every family: see ``test_fault_corpus``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.store import GraphStore
from ingest.importer import import_paths
from tests.integration.import_faults.fault_kit import RowFault, check_row_fault
from tests.integration.test_store import dump

pytestmark = pytest.mark.integration

CASES: list[tuple[str, str, str, str, str, str]] = [
    # stem, header, bad row, good row, column reported, reason
    (
        "contacts",
        "id,name,company_id,email",
        "q1,Q,c1,not-mail",
        "q2,Good,c1,g@x.cn",
        "email",
        "not an e-mail address: 'not-mail'",
    ),
    (
        "contacts",
        "id,name,company_id,phone",
        "q1,Q,c1,call me",
        "q2,Good,c1,13800000009",
        "phone",
        "not a phone number: 'call me'",
    ),
    (
        "contacts",
        "姓名,公司编号,联系人编号,手机",
        "Q,c1,q1,1380000000a",
        "Good,c1,q2,13800000010",
        "手机",
        "not a phone number: '1380000000a'",
    ),
    (
        "companies",
        "id,name",
        "x1,X\x00Y",
        "g1,Good",
        "name",
        "holds a NUL character or half of a surrogate pair, which cannot be stored",
    ),
    (
        "contacts",
        "id,name,company_id,title",
        "q1,Q,c1,CE\x00O",
        "q2,Good,c1,CFO",
        "title",
        "holds a NUL character or half of a surrogate pair, which cannot be stored",
    ),
    (
        "contacts",
        "id,name,company_id,reports_to",
        "q1,Q,c1,p\x001",
        "q2,Good,c1,p1",
        "reports_to",
        "holds a NUL character or half of a surrogate pair, which cannot be stored",
    ),
    (
        "purchases",
        "company_id,product,category,vendor",
        "c1,X,Net,Ri\x00val",
        "c1,Y,Net,Apex",
        "vendor",
        "holds a NUL character or half of a surrogate pair, which cannot be stored",
    ),
    (
        "competitor_relationships",
        "competitor,contact_id,strength",
        "Ri\x00val,p1,3",
        "Apex,p1,3",
        "competitor",
        "holds a NUL character or half of a surrogate pair, which cannot be stored",
    ),
    (
        "interactions",
        "date,rep_id,contact_id,kind,note",
        "2026-10-01,r1,p1,visit," + "x" * 200_000,
        "2026-10-02,r1,p1,visit,ok",
        "note",
        "is too long (200,000 characters; limit 100,000)",
    ),
    # names that name nothing, and text no cell holds
    ("companies", "id,name", "x1,...", "g1,Good", "name", "is not a name: it has no letter or digit"),
    ("companies", "id,name", "x1,Ltd.", "g1,Good", "name", "is only a legal form, not a name"),
    ("companies", "id,name", "x1,有限公司", "g1,Good", "name", "is only a legal form, not a name"),
    ("companies", "id,name", "x1," + "N" * 301, "g1,Good", "name", "is too long"),
    (
        "companies",
        "id,name,city",
        "x1,X,Hang\x00zhou",
        "g1,Good,Ningbo",
        "city",
        "holds a NUL character or half of a surrogate pair, which cannot be stored",
    ),
    (
        "org_units",
        "id,company_id,name",
        "v1,c1,I\x00T",
        "v2,c1,Ops",
        "name",
        "holds a NUL character or half of a surrogate pair, which cannot be stored",
    ),
    (
        "contacts",
        "id,name,company_id,phone",
        "q1,Q,c1,123",
        "q2,Good,c1,13800000011",
        "phone",
        "not a phone number: '123'",
    ),
    (
        "contacts",
        "id,name,company_id,email",
        "q1,Q,c1,a@b",
        "q2,Good,c1,b@x.cn",
        "email",
        "not an e-mail address: 'a@b'",
    ),
    ("contacts", "id,name,company_id", "q1," + "N" * 301 + ",c1", "q2,Good,c1", "name", "is too long"),
    (
        "contacts",
        "id,name,company_id,title",
        "q1,Q,c1," + "T" * 100_001,
        "q2,Good,c1,CFO",
        "title",
        "is too long (100,001 characters; limit 100,000)",
    ),
    (
        "reps",
        "id,name",
        "s1,S\x00",
        "s2,Good",
        "name",
        "holds a NUL character or half of a surrogate pair, which cannot be stored",
    ),
    (
        "purchases",
        "company_id,product,category,vendor",
        "c1,X,Net,...",
        "c1,Y,Net,Apex",
        "vendor",
        "is not a name: it has no letter or digit",
    ),
]


@pytest.mark.parametrize(("stem", "header", "bad", "good", "column", "reason"), CASES)
def test_bad_row_is_rejected_with_its_reason_and_the_good_row_lands(
    account: GraphStore, tmp_path: Path, stem: str, header: str, bad: str, good: str, column: str, reason: str
) -> None:
    check_row_fault(account, tmp_path, RowFault(stem, header, bad, good, column, reason))


@pytest.mark.parametrize("name", ["...", "Ltd.", "有限公司", " -- "])
def test_a_placeholder_is_no_competitor_name(account: GraphStore, tmp_path: Path, name: str) -> None:
    before = dump(account)
    (tmp_path / "competitor_relationships.csv").write_text(
        f"competitor,contact_id,strength\n{name},p1,3\n", encoding="utf-8"
    )
    report = import_paths(account, [tmp_path])
    assert [(e.row, e.column) for e in report.errors] == [(2, "competitor")]
    assert dump(account) == before
