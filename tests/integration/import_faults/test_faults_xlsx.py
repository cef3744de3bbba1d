"""Faults in workbooks (#15, #27): a bad cell, headers below row 1, a sheet with no header, a header merged over two
rows; reported by sheet and row.

The check is ``fault_kit``'s, the same for every family: see ``test_fault_corpus``.
"""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest

from graph.store import GraphStore
from tests.integration.import_faults.fault_kit import CONTACTS_HEADER, FileFault, check_file_fault, fault_name

pytestmark = pytest.mark.integration


def _merged_header_book() -> bytes:
    """A contacts sheet whose header takes two rows: ``id`` and ``name`` merged down over both, ``details`` merged
    across over ``company_id`` and ``phone``. Row 2 alone names two columns, row 1 two: without its merges read,
    the header loses ``company_id`` or ``id`` and every row is refused."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "contacts"
    rows: list[list[str | None]] = [
        ["id", "name", "details", None],
        [None, None, "company_id", "phone"],
        ["q1", "Q", "ghost", "13800000009"],
        ["q2", "Good", "c1", "13800000008"],
    ]
    for row in rows:
        sheet.append(row)
    for merged in ("A1:A2", "B1:B2", "C1:D1"):
        sheet.merge_cells(merged)
    return _saved(book)


def _title_merged_book() -> bytes:
    """A contacts sheet under a title merged across the header's three columns."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "联系人"
    for row in (["客户联系人"], CONTACTS_HEADER, ["q1", "Q"], ["q2", "Good", "c1"]):
        sheet.append(row)
    sheet.merge_cells("A1:C1")
    return _saved(book)


def _saved(book: openpyxl.Workbook) -> bytes:
    data = io.BytesIO()
    book.save(data)
    return data.getvalue()


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
    FileFault(
        "a workbook header merged over two rows",
        {"book.xlsx": _merged_header_book()},
        (
            "book.xlsx:contacts",
            3,
            "company_id",
            "refers to company 'ghost', which is neither in the import nor in the store",
        ),
        ("contacts", "q2,Good,c1"),
    ),
    FileFault(
        "a workbook title merged across the header's width",
        {"book.xlsx": _title_merged_book()},
        ("book.xlsx:contacts", 3, "company_id", "is required"),
        ("contacts", "q2,Good,c1"),
    ),
]


@pytest.mark.parametrize("fault", FILE_FAULTS, ids=fault_name)
def test_a_file_fault_is_reported_where_it_is_and_the_rest_lands(
    account: GraphStore, tmp_path: Path, fault: FileFault
) -> None:
    check_file_fault(account, tmp_path, fault)
