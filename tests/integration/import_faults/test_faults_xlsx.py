"""Faults in workbooks (#15): a bad cell, headers below row 1, a sheet with no header; reported by sheet and row.

The check is ``fault_kit``'s, the same for every family: see ``test_fault_corpus``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.store import GraphStore
from tests.integration.import_faults.fault_kit import CONTACTS_HEADER, FileFault, check_file_fault, fault_name

pytestmark = pytest.mark.integration

FILE_FAULTS = [
    FileFault(
        "a workbook whose header is on row 3",
        {"book.xlsx": {"contacts": [["Contacts, as of October"], [], CONTACTS_HEADER, ["q2", "Good", "c1"]]}},
        None,
        ("contacts", "q2"),
    ),
    FileFault(
        "a bad row under a workbook header on row 3",
        {
            "book.xlsx": {
                "contacts": [
                    ["客户联系人"],
                    ["导出日期", "2026-10-01"],
                    CONTACTS_HEADER,
                    ["q1", "Q", "ghost"],
                    ["q2", "Good", "c1"],
                ]
            }
        },
        (
            "book.xlsx:contacts",
            4,
            "company_id",
            "refers to company 'ghost', which is neither in the import nor in the store",
        ),
        ("contacts", "q2"),
    ),
    FileFault(
        "a workbook sheet with no header in its first rows",
        {"book.xlsx": {"contacts": [["Contacts"], ["Zhang San", "13800000000"]]}},
        (
            "book.xlsx:contacts",
            1,
            "(header)",
            "no column of contacts found in the header (expected id, name, company_id, unit_id, …); nothing was read",
        ),
    ),
    FileFault(
        "a bad cell in a workbook",
        {"book.xlsx": {"companies": [["id", "name", "employees"], ["x1", "X", -5], ["g1", "Good", 5]]}},
        ("book.xlsx:companies", 2, "employees", "is too small (limit 0)"),
        ("companies", "g1"),
    ),
]


@pytest.mark.parametrize("fault", FILE_FAULTS, ids=fault_name)
def test_a_file_fault_is_reported_where_it_is_and_the_rest_lands(
    account: GraphStore, tmp_path: Path, fault: FileFault
) -> None:
    check_file_fault(account, tmp_path, fault)
