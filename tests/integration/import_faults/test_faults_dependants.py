"""Faults that cost their dependants (#27): a row refused because the manager, company or influence target it
names was refused in the same import says why that row was, so the user fixes one thing, not six.

Above or below the refused row, in the same batch or a later file, and through a chain of dependants (which
names the first refusal), each dependant's reason ends in the first refusal's. The check is ``fault_kit``'s, the
same for every family: see ``test_fault_corpus``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.store import GraphStore
from ingest.importer import import_paths
from tests.integration.import_faults.fault_kit import FileFault, check_file_fault, fault_name

pytestmark = pytest.mark.integration

CONTACTS = "id,name,company_id,reports_to\n"
CYCLE = "reporting lines form a cycle: a → b → a"
GHOST = "refers to company 'ghost', which is neither in the import nor in the store"
NOT_UTF8 = "holds bytes that are not UTF-8 text (\\xff); type the cell again, the rest of the file is read"

FILE_FAULTS = [
    FileFault(
        "a contact reporting to one in a cycle, below it",
        {"contacts.csv": CONTACTS + "a,A,c1,b\nb,B,c1,a\nd,D,c1,a\nq2,Good,c1,p1\n"},
        ("contacts.csv", 2, "reports_to", CYCLE),
        ("contacts", "q2"),
        more=(
            ("contacts.csv", 3, "reports_to", CYCLE),
            (
                "contacts.csv",
                4,
                "reports_to",
                f"refers to contact 'a', whose own row was rejected (contacts.csv row 2): {CYCLE}",
            ),
        ),
    ),
    FileFault(
        "a contact reporting to one in a cycle, above it",
        {"contacts.csv": CONTACTS + "d,D,c1,a\na,A,c1,b\nb,B,c1,a\nq2,Good,c1,p1\n"},
        (
            "contacts.csv",
            2,
            "reports_to",
            f"refers to contact 'a', whose own row was rejected (contacts.csv row 3): {CYCLE}",
        ),
        ("contacts", "q2"),
        more=(("contacts.csv", 3, "reports_to", CYCLE), ("contacts.csv", 4, "reports_to", CYCLE)),
    ),
    FileFault(
        "a chain of contacts above one in a cycle",
        {"contacts.csv": CONTACTS + "e,E,c1,d\nd,D,c1,a\na,A,c1,b\nb,B,c1,a\nq2,Good,c1,p1\n"},
        (
            "contacts.csv",
            2,
            "reports_to",
            "refers to contact 'd', whose own row was rejected (contacts.csv row 3) because of contacts.csv row 4: "
            + CYCLE,
        ),
        ("contacts", "q2"),
        more=(
            (
                "contacts.csv",
                3,
                "reports_to",
                f"refers to contact 'a', whose own row was rejected (contacts.csv row 4): {CYCLE}",
            ),
            ("contacts.csv", 4, "reports_to", CYCLE),
            ("contacts.csv", 5, "reports_to", CYCLE),
        ),
    ),
    FileFault(
        "a contact reporting to one refused in the same batch, above it",
        {"contacts.csv": "id,name,company_id,reports_to\nq1,Q,c1,m1\nm1,M,ghost,\nq2,Good,c1,p1\n"},
        (
            "contacts.csv",
            2,
            "reports_to",
            f"refers to contact 'm1', whose own row was rejected (contacts.csv row 3): {GHOST}",
        ),
        ("contacts", "q2"),
        more=(("contacts.csv", 3, "company_id", GHOST),),
    ),
    FileFault(
        "a contact reporting to one whose row holds bytes that are not UTF-8",
        {
            "contacts.csv": "id,name,company_id,reports_to,title\nm1,M\udcff,c1,,经理\nq1,Q,c1,m1,销售总监助理\n"
            "q2,Good,c1,p1,总经理\n".encode("utf-8", "surrogateescape")
        },
        ("contacts.csv", 2, "name", NOT_UTF8),
        ("contacts", "q2"),
        more=(
            (
                "contacts.csv",
                3,
                "reports_to",
                f"refers to contact 'm1', whose own row was rejected (contacts.csv row 2): {NOT_UTF8}",
            ),
        ),
    ),
    FileFault(
        "a contact of a company refused in its own file",
        {
            "companies.csv": "id,name,employees\nx1,X,-5\ng1,Good,5\n",
            "contacts.csv": "id,name,company_id\nq1,Q,x1\n",
        },
        ("companies.csv", 2, "employees", "is too small (limit 0)"),
        ("companies", "g1"),
        more=(
            (
                "contacts.csv",
                2,
                "company_id",
                "refers to company 'x1', whose own row was rejected (companies.csv row 2): is too small (limit 0)",
            ),
        ),
    ),
    FileFault(
        "an influence whose target is in a cycle",
        {
            "contacts.csv": CONTACTS + "a,A,c1,b\nb,B,c1,a\n",
            "influence.csv": "from_id,to_id,kind,weight\np1,a,advice,0.5\np2,p1,advice,0.5\n",
        },
        ("contacts.csv", 2, "reports_to", CYCLE),
        ("influence", "p2,p1,advice,0.5"),
        more=(
            ("contacts.csv", 3, "reports_to", CYCLE),
            (
                "influence.csv",
                2,
                "to_id",
                f"refers to contact 'a', whose own row was rejected (contacts.csv row 2): {CYCLE}",
            ),
        ),
    ),
]


@pytest.mark.parametrize("fault", FILE_FAULTS, ids=fault_name)
def test_a_file_fault_is_reported_where_it_is_and_the_rest_lands(
    account: GraphStore, tmp_path: Path, fault: FileFault
) -> None:
    check_file_fault(account, tmp_path, fault)


def test_a_refused_dependant_carries_the_first_refusal_as_codes(account: GraphStore, tmp_path: Path) -> None:
    """The app words the reason in the reader's language from codes: the cause's travel with the dependant's."""
    (tmp_path / "contacts.csv").write_text(CONTACTS + "d,D,c1,a\na,A,c1,b\nb,B,c1,a\n", encoding="utf-8")
    report = import_paths(account, [tmp_path])
    dependant = report.errors[0]
    assert (dependant.code, dependant.params["cause"], dependant.params["cause.loop"]) == (
        "rejected_reference",
        "cycle",
        "a → b → a",
    )
