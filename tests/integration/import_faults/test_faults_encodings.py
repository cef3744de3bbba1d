"""Faults of encoding (#15, #27): what cannot be read as UTF-8, UTF-16, UTF-32 or GBK is refused whole; a bad row
in a readable encoding is reported like any other; a byte sequence that is not UTF-8 in a UTF-8 file costs only
its row, shown escaped.

The check is ``fault_kit``'s, the same for every family: see ``test_fault_corpus``.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from graph.store import GraphStore
from ingest.importer import import_paths
from tests.integration.import_faults.fault_kit import FileFault, check_file_fault, fault_name

pytestmark = pytest.mark.integration

SHIFT_JIS_REFUSED = "contacts.csv: neither UTF-8 nor Chinese GBK/GB18030 text"
ACCEPTED = "encodings accepted: UTF-8, UTF-8 with BOM, UTF-16 or UTF-32 with BOM, GBK/GB18030"
GHOST = "refers to company 'ghost', which is neither in the import nor in the store"
NOT_UTF8 = "holds bytes that are not UTF-8 text ({}); type the cell again, the rest of the file is read"
UNICODE_TEXT = "id\tname\tcompany_id\ttitle\r\nq1\t张三\tghost\t经理\r\nq2\t李四\tc1\t总经理\r\n"
"""What Excel's "Unicode text" export writes: tab-separated, CRLF lines (in UTF-16 LE with its byte order mark)."""
MOSTLY_UTF8 = "id,name,company_id,title\nq1,Zh{}ang,c1,经理\nq2,李四光,c1,销售总监助理\n"
"""A UTF-8 file with Chinese text in it, and a cell of row 2 holding bytes that are not UTF-8 (pasted from
elsewhere)."""

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
        refused=ACCEPTED,
    ),
    FileFault(
        "Latin-1",
        {"contacts.csv": "id,name,company_id\nq1,Jürgen Müller,c1\n".encode("latin-1")},
        refused=ACCEPTED,
    ),
    FileFault(
        "bytes no encoding reads",
        {"contacts.csv": b"id,name,company_id\nq1,\xff\xfe,c1\n"},
        refused=ACCEPTED,
    ),
    FileFault(
        "Excel's Unicode text: UTF-16 LE with a byte order mark, tab-separated",
        {"contacts.csv": codecs.BOM_UTF16_LE + UNICODE_TEXT.encode("utf-16-le")},
        ("contacts.csv", 2, "company_id", GHOST),
        ("contacts", "q2"),
    ),
    FileFault(
        "UTF-16 BE with a byte order mark",
        {"contacts.csv": codecs.BOM_UTF16_BE + "id,name,company_id\nq1,张三,ghost\nq2,李四,c1\n".encode("utf-16-be")},
        ("contacts.csv", 2, "company_id", GHOST),
        ("contacts", "q2"),
    ),
    FileFault(
        "UTF-32 LE with a byte order mark",
        {"contacts.csv": codecs.BOM_UTF32_LE + UNICODE_TEXT.encode("utf-32-le")},
        ("contacts.csv", 2, "company_id", GHOST),
        ("contacts", "q2"),
    ),
    FileFault(
        "UTF-32 BE with a byte order mark",
        {"contacts.csv": codecs.BOM_UTF32_BE + "id,name,company_id\nq1,张三,ghost\nq2,李四,c1\n".encode("utf-32-be")},
        ("contacts.csv", 2, "company_id", GHOST),
        ("contacts", "q2"),
    ),
    FileFault(
        "a UTF-16 file that breaks off in the middle of a character",
        {"contacts.csv": codecs.BOM_UTF16_LE + "id,name,company_id\nq1,张三,c1\n".encode("utf-16-le")[:-1]},
        refused=f"contacts.csv: starts as UTF-16 text but does not decode as UTF-16; save it as UTF-8 and import it "
        f"again ({ACCEPTED})",
    ),
    FileFault(
        "a byte that is never UTF-8 in a UTF-8 file",
        {"contacts.csv": MOSTLY_UTF8.replace("{}", "\udcff").encode("utf-8", "surrogateescape")},
        ("contacts.csv", 2, "name", NOT_UTF8.format("\\xff")),
        ("contacts", "q2"),
    ),
    FileFault(
        "a UTF-8 character cut short in a UTF-8 file",
        {"contacts.csv": MOSTLY_UTF8.format("").encode().replace("经理".encode(), "经".encode() + "理".encode()[:2])},
        ("contacts.csv", 2, "title", NOT_UTF8.format("\\xe7\\x90")),
        ("contacts", "q2"),
    ),
    FileFault(
        "a stray byte in a long ASCII file",
        {"contacts.csv": b"id,name,company_id\nq1,Q\x81,c1\n" + b"".join(b"q%d,Good,c1\n" % n for n in range(2, 12))},
        ("contacts.csv", 2, "name", NOT_UTF8.format("\\x81")),
        ("contacts", "q2"),
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


def test_a_byte_that_is_not_utf8_costs_only_its_row_and_is_shown_escaped(account: GraphStore, tmp_path: Path) -> None:
    rows = "".join(f"q{n},李四{n},c1,总经理\n" for n in range(3, 9))
    text = MOSTLY_UTF8.replace("{}", "\udcff\udcfe") + rows
    (tmp_path / "contacts.csv").write_bytes(text.encode("utf-8", "surrogateescape"))
    report = import_paths(account, [tmp_path])
    errors = [(e.file, e.row, e.column, e.value) for e in report.errors]
    assert errors == [("contacts.csv", 2, "name", "Zh\\xff\\xfeang")]
    assert report.errors[0].reason == NOT_UTF8.format("\\xff\\xfe")
    assert report.stems["contacts"].landed == 7
    assert (account.records.node("Contact", "q8") or {}).get("name") == "李四8"
