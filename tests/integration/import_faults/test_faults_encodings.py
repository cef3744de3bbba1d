"""Faults of encoding (#15): what cannot be read as UTF-8 or GBK is refused whole; a bad row in a readable
encoding is reported like any other.

The check is ``fault_kit``'s, the same for every family: see ``test_fault_corpus``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.store import GraphStore
from tests.integration.import_faults.fault_kit import FileFault, check_file_fault, fault_name

pytestmark = pytest.mark.integration

SHIFT_JIS_REFUSED = "contacts.csv: neither UTF-8 nor Chinese GBK/GB18030 text"

FILE_FAULTS = [
    FileFault(
        "a bad row in a GBK file",
        {"contacts.csv": "id,name,company_id\nq1,张三,ghost\nq2,李四,c1\n".encode("gbk")},
        ("contacts.csv", 2, "company_id", "refers to company 'ghost', which is neither in the import nor in the store"),
        ("contacts", "q2"),
    ),
    FileFault(
        "a bad row in a UTF-8 file with a byte order mark",
        {"contacts.csv": "\ufeffid,name,company_id\nq1,张三,ghost\nq2,李四,c1\n".encode()},
        ("contacts.csv", 2, "company_id", "refers to company 'ghost', which is neither in the import nor in the store"),
        ("contacts", "q2"),
    ),
    FileFault(
        "Shift-JIS kanji",
        {"contacts.csv": "id,name,company_id\nq1,山田太郎,c1\n".encode("cp932")},
        refused=SHIFT_JIS_REFUSED,
    ),
    FileFault(
        "Shift-JIS kana",
        {"contacts.csv": "id,name,company_id\nq1,ヤマダ　タロウ,c1\nq2,すずき,c1\n".encode("cp932")},
        refused=SHIFT_JIS_REFUSED,
    ),
    FileFault(
        "Big5",
        {"contacts.csv": "id,name,company_id\nq1,臺灣積體電路製造,c1\n".encode("big5")},
        refused="encodings accepted: UTF-8, UTF-8 with BOM, GBK/GB18030",
    ),
    FileFault(
        "Latin-1",
        {"contacts.csv": "id,name,company_id\nq1,Jürgen Müller,c1\n".encode("latin-1")},
        refused="encodings accepted: UTF-8, UTF-8 with BOM, GBK/GB18030",
    ),
    FileFault(
        "bytes no encoding reads",
        {"contacts.csv": b"id,name,company_id\nq1,\xff\xfe,c1\n"},
        refused="encodings accepted: UTF-8, UTF-8 with BOM, GBK/GB18030",
    ),
    FileFault(
        "Shift-JIS beside a good file",
        {"companies.csv": "id,name\ng1,Good\n", "contacts.csv": "id,name,company_id\nq1,山田太郎,c1\n".encode("cp932")},
        refused=SHIFT_JIS_REFUSED,
    ),
]


@pytest.mark.parametrize("fault", FILE_FAULTS, ids=fault_name)
def test_a_file_fault_is_reported_where_it_is_and_the_rest_lands(
    account: GraphStore, tmp_path: Path, fault: FileFault
) -> None:
    check_file_fault(account, tmp_path, fault)
