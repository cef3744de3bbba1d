"""Faults of duplicates (#15, #27): one id twice, in one file, across files of one stem (from one folder or two),
across CSV, JSON and workbooks; the first row wins.

The check is ``fault_kit``'s, the same for every family: see ``test_fault_corpus``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.store import GraphStore
from ingest.importer import import_paths
from tests.integration.import_faults.fault_kit import (
    CONTACTS_HEADER,
    GOOD_CONTACT,
    FileFault,
    check_file_fault,
    fault_name,
    json_text,
    two_lists,
)

pytestmark = pytest.mark.integration

FILE_FAULTS = [
    FileFault(
        "the same id in a CSV and a workbook of one stem",
        {
            "contacts.csv": "id,name,company_id\nq1,First,c1\n",
            "more.xlsx": {"contacts": [CONTACTS_HEADER, ["q1", "Again", "c1"], ["q2", "Good", "c1"]]},
        },
        ("more.xlsx:contacts", 2, "id", "duplicate id: contacts.csv row 2 has it too"),
        ("contacts", "q2"),
    ),
    FileFault(
        "the same id in two JSON lists of one stem",
        {
            "data.json": two_lists(
                "contacts",
                [{**GOOD_CONTACT, "id": "q1", "name": "First"}],
                [{**GOOD_CONTACT, "id": "q1", "name": "Again"}, GOOD_CONTACT],
            )
        },
        ("data.json:contacts (list 2)", 1, "id", "duplicate id: data.json:contacts row 1 has it too"),
        ("contacts", "q2"),
    ),
    FileFault(
        "the same id in a CSV and a JSON file",
        {
            "contacts.csv": "id,name,company_id\nq1,First,c1\n",
            "data.json": json_text(contacts=[{"id": "q1", "name": "Again", "company_id": "c1"}, GOOD_CONTACT]),
        },
        ("data.json:contacts", 1, "id", "duplicate id: contacts.csv row 2 has it too"),
        ("contacts", "q2"),
    ),
    FileFault(
        "the same company id in two workbooks",
        {
            "a.xlsx": {"companies": [["id", "name"], ["x1", "First"]]},
            "b.xlsx": {"companies": [["id", "name"], ["x1", "Again"], ["g1", "Good"]]},
        },
        ("b.xlsx:companies", 2, "id", "duplicate id: a.xlsx:companies row 2 has it too"),
        ("companies", "g1"),
    ),
    FileFault(
        "the same id in files of one name from two folders",
        {
            "a/contacts.csv": "id,name,company_id\nq1,First,c1\n",
            "b/contacts.csv": "id,name,company_id\nq1,Again,c1\nq2,Good,c1\n",
        },
        ("b/contacts.csv", 2, "id", "duplicate id: a/contacts.csv row 2 has it too"),
        ("contacts", "q2"),
        imported=("a", "b"),
    ),
    FileFault(
        "the same id in workbooks of one name from two folders",
        {
            "a/book.xlsx": {"companies": [["id", "name"], ["x1", "First"]]},
            "b/book.xlsx": {"companies": [["id", "name"], ["x1", "Again"], ["g1", "Good"]]},
        },
        ("b/book.xlsx:companies", 2, "id", "duplicate id: a/book.xlsx:companies row 2 has it too"),
        ("companies", "g1"),
        imported=("a/book.xlsx", "b"),
    ),
    FileFault(
        "the same relationship twice in one file",
        {"influence.csv": "from_id,to_id,kind,weight\np2,p1,advice,0.5\np2,p1,请教,0.7\n"},
        ("influence.csv", 3, "(row)", "the same relationship as row 2 of this file"),
        ("influence", "p2,p1,advice,0.5"),
    ),
]


@pytest.mark.parametrize("fault", FILE_FAULTS, ids=fault_name)
def test_a_file_fault_is_reported_where_it_is_and_the_rest_lands(
    account: GraphStore, tmp_path: Path, fault: FileFault
) -> None:
    check_file_fault(account, tmp_path, fault)


def test_a_duplicate_id_keeps_the_first_row(account: GraphStore, tmp_path: Path) -> None:
    (tmp_path / "contacts.csv").write_text("id,name,company_id\np9,First,c1\np9,Again,c1\n", encoding="utf-8")
    report = import_paths(account, [tmp_path])
    assert [(e.row, e.column, e.reason) for e in report.errors] == [
        (3, "id", "duplicate id: contacts.csv row 2 has it too")
    ]
    assert account.subgraphs.company("c1").nodes["Contact:p9"]["name"] == "First"


def test_the_first_of_two_folders_keeps_its_row(account: GraphStore, tmp_path: Path) -> None:
    for folder, name in (("a", "First"), ("b", "Again")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "contacts.csv").write_text(f"id,name,company_id\np9,{name},c1\n", encoding="utf-8")
    report = import_paths(account, [tmp_path / "a", tmp_path / "b"])
    assert [(e.file, e.row, e.reason) for e in report.errors] == [
        ("b/contacts.csv", 2, "duplicate id: a/contacts.csv row 2 has it too")
    ]
    assert account.subgraphs.company("c1").nodes["Contact:p9"]["name"] == "First"
