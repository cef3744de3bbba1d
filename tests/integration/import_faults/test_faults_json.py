"""Faults in JSON files (#15): items that are not objects, lists or objects in a cell, values out of range.

The check is ``fault_kit``'s, the same for every family: see ``test_fault_corpus``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.store import GraphStore
from tests.integration.import_faults.fault_kit import (
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
        "a second JSON list of a stem with a bad row",
        {
            "data.json": two_lists(
                "contacts",
                [{**GOOD_CONTACT, "id": "q3"}],
                [{**GOOD_CONTACT, "id": "q1", "company_id": "ghost"}, GOOD_CONTACT],
            )
        },
        (
            "data.json:contacts (list 2)",
            1,
            "company_id",
            "refers to company 'ghost', which is neither in the import nor in the store",
        ),
        ("contacts", "q2"),
    ),
    FileFault(
        "a JSON item that is a number",
        {"data.json": json_text(contacts=[5, GOOD_CONTACT])},
        ("data.json:contacts", 1, "(row)", "is not a row: each item of a list must be an object, not a number"),
        ("contacts", "q2"),
    ),
    FileFault(
        "a JSON item that is a list",
        {"data.json": json_text(contacts=[["q1", "Q", "c1"], GOOD_CONTACT])},
        ("data.json:contacts", 1, "(row)", "is not a row: each item of a list must be an object, not a list"),
        ("contacts", "q2"),
    ),
    FileFault(
        "a JSON item that is a text",
        {"data.json": json_text(contacts=["q1,Q,c1", GOOD_CONTACT])},
        ("data.json:contacts", 1, "(row)", "is not a row: each item of a list must be an object, not a text"),
        ("contacts", "q2"),
    ),
    FileFault(
        "a JSON item that is null",
        {"data.json": json_text(contacts=[None, GOOD_CONTACT])},
        ("data.json:contacts", 1, "(row)", "is not a row: each item of a list must be an object, not null"),
        ("contacts", "q2"),
    ),
    FileFault(
        "a JSON item that is true",
        {"data.json": json_text(companies=[True, {"id": "g1", "name": "Good"}])},
        ("data.json:companies", 1, "(row)", "is not a row: each item of a list must be an object, not true/false"),
        ("companies", "g1"),
    ),
    FileFault(
        "an object in a JSON cell",
        {"data.json": json_text(contacts=[{"id": "q1", "name": {"first": "Q"}, "company_id": "c1"}, GOOD_CONTACT])},
        ("data.json:contacts", 1, "name", "holds an object: a cell takes text, a number or true/false"),
        ("contacts", "q2"),
    ),
    FileFault(
        "a list in a JSON cell",
        {
            "data.json": json_text(
                contacts=[{"id": "q1", "name": "Q", "company_id": "c1", "职务": ["CEO", "CFO"]}, GOOD_CONTACT]
            )
        },
        ("data.json:contacts", 1, "职务", "holds a list: a cell takes text, a number or true/false"),
        ("contacts", "q2"),
    ),
    FileFault(
        "an object in a JSON number cell",
        {
            "data.json": json_text(
                companies=[{"id": "x1", "name": "X", "employees": {"n": 5}}, {"id": "g1", "name": "Good"}]
            )
        },
        ("data.json:companies", 1, "employees", "holds an object: a cell takes text, a number or true/false"),
        ("companies", "g1"),
    ),
    FileFault(
        "a JSON value out of range",
        {"data.json": json_text(contacts=[{"id": "q1", "name": "Q", "company_id": "c1", "level": 0}, GOOD_CONTACT])},
        ("data.json:contacts", 1, "level", "is too small (limit 1)"),
        ("contacts", "q2"),
    ),
]


@pytest.mark.parametrize("fault", FILE_FAULTS, ids=fault_name)
def test_a_file_fault_is_reported_where_it_is_and_the_rest_lands(
    account: GraphStore, tmp_path: Path, fault: FileFault
) -> None:
    check_file_fault(account, tmp_path, fault)
