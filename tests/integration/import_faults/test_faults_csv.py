"""Faults of a CSV's shape (#15, #27): separators, title lines above the header, a header with no known column, a
quote that never closes, a NUL byte in the header.

The check is ``fault_kit``'s, the same for every family: see ``test_fault_corpus``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.store import GraphStore
from ingest.importer import import_paths
from tests.integration.import_faults.fault_kit import FileFault, check_file_fault, fault_name
from tests.integration.test_store import dump

pytestmark = pytest.mark.integration

UNCLOSED = (
    'opens a quote (") that is never closed, so the rest of the file would run into this cell: close it, or write '
    'a quote inside a cell as two ("")'
)
GHOST = "refers to company 'ghost', which is neither in the import nor in the store"

FILE_FAULTS = [
    FileFault(
        "a CSV whose header is under a title line",
        {"contacts.csv": "Contacts export\nid,name,company_id\nq1,Q,\nq2,Good,c1\n"},
        ("contacts.csv", 3, "company_id", "is required"),
        ("contacts", "q2"),
    ),
    FileFault(
        "a bad row in a tab-separated file",
        {"contacts.csv": "id\tname\tcompany_id\tlevel\nq1\tQ\tc1\t0\nq2\tGood\tc1\t2\n"},
        ("contacts.csv", 2, "level", "is too small (limit 1)"),
        ("contacts", "q2"),
    ),
    FileFault(
        "a quote that never closes",
        {"contacts.csv": 'id,name,company_id\nq1,"Big Boss,c1\nq2,Good,c1\n'},
        ("contacts.csv", 2, "name", UNCLOSED),
        ("contacts", "q2"),
    ),
    FileFault(
        "a quote that never closes, in the last column of the last row",
        {"contacts.csv": 'id,name,company_id\nq2,Good,c1\nq1,Q,"c1'},
        ("contacts.csv", 3, "company_id", UNCLOSED),
        ("contacts", "q2"),
    ),
    FileFault(
        "a quote that never closes, under a row whose quotes close",
        {"contacts.csv": 'id,name,company_id,title\nq3,"Three, Jr.",c1,"ok"\nq1,Q,c1,"never closed\nq2,Good,c1,\n'},
        ("contacts.csv", 3, "title", UNCLOSED),
        ("contacts", "q2"),
    ),
    FileFault(
        "a NUL byte in the header row",
        {"contacts.csv": "id\x00,name,company_id\x00\nq1,Q,ghost\nq2,Good,c1\n"},
        ("contacts.csv", 2, "company_id", GHOST),
        ("contacts", "q2"),
    ),
]


@pytest.mark.parametrize("fault", FILE_FAULTS, ids=fault_name)
def test_a_file_fault_is_reported_where_it_is_and_the_rest_lands(
    account: GraphStore, tmp_path: Path, fault: FileFault
) -> None:
    check_file_fault(account, tmp_path, fault)


def test_a_semicolon_separated_file_is_read(account: GraphStore, tmp_path: Path) -> None:
    (tmp_path / "contacts.csv").write_text("id;name;company_id\nq9;Semi Colon;c1\n", encoding="utf-8")
    report = import_paths(account, [tmp_path])
    assert not report.errors and report.stems["contacts"].landed == 1
    assert (account.records.node("Contact", "q9") or {}).get("name") == "Semi Colon"


def test_a_file_with_no_known_column_is_an_error_not_a_success(account: GraphStore, tmp_path: Path) -> None:
    before = dump(account)
    (tmp_path / "contacts.csv").write_text("who_field,what_field\nZhang San,1\n", encoding="utf-8")
    report = import_paths(account, [tmp_path])
    assert [(e.row, e.column) for e in report.errors] == [(1, "(header)")]
    assert "no column of contacts found" in report.errors[0].reason
    assert dump(account) == before


def test_the_rows_after_a_quote_that_never_closes_land(account: GraphStore, tmp_path: Path) -> None:
    rows = "".join(f"q{n},Good {n},c1\n" for n in range(3, 7))
    (tmp_path / "contacts.csv").write_text(f'id,name,company_id\nq1,"Big Boss,c1\n{rows}', encoding="utf-8")
    report = import_paths(account, [tmp_path])
    assert [(e.row, e.column, e.value) for e in report.errors] == [(2, "name", '"Big Boss,c1')]
    assert (report.stems["contacts"].landed, report.stems["contacts"].rejected) == (4, 1)
    assert (account.records.node("Contact", "q6") or {}).get("name") == "Good 6"
