"""What every import-fault test shares: the account it imports into, the corpus's record types, the check.

Each fault is imported into a store that already holds a small account (the ``account`` fixture in this
folder's conftest). The check is the same for all: exactly the bad row is reported, at the right column
with the right reason; the good row lands; the store's export before and after shows nothing stored changed
or vanished.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import openpyxl
import pytest

from graph.store import GraphStore
from ingest.importer import import_paths
from ingest.readers import ReadFailed
from ingest.store_export import export_csv

__all__ = [
    "CONTACTS_HEADER",
    "DATE",
    "GOOD_CONTACT",
    "ROLES",
    "FileFault",
    "RowFault",
    "Sheets",
    "assert_nothing_lost",
    "assert_only_added",
    "check_file_fault",
    "check_row_fault",
    "exported",
    "fault_name",
    "json_text",
    "two_lists",
    "write_file",
]

DATE = "is not a date (use YYYY-MM-DD)"
ROLES = (
    "must be one of economic_buyer (拍板人/经济决策者), decision_maker (决策人/决策者), "
    "technical_evaluator (技术评估/技术评估者), user (使用者/用户), influencer (影响者), champion (内线/教练), "
    "gatekeeper (把关者/守门人), blocker (阻碍者/反对者) or unknown (未知)"
)
"""The reasons many faults share, written once."""
CONTACTS_HEADER: list[object] = ["id", "name", "company_id"]
GOOD_CONTACT = {"id": "q2", "name": "Good", "company_id": "c1"}


class RowFault(NamedTuple):
    """One CSV with a header, one bad row (spreadsheet row 2) and one good row (row 3), and what must be said."""

    stem: str
    header: str
    bad: str
    good: str
    column: str
    reason: str


Sheets = dict[str, list[list[object]]]
"""A workbook: sheet name → its rows."""


@dataclass(frozen=True)
class FileFault:
    """A fault that needs more than one CSV row: several files, JSON, a workbook, an encoding.

    ``error`` is the rejection expected (file, row, column, reason), ``None`` when everything must
    land, and ``more`` the ones after it when a fault costs its dependants too (each saying so); ``lands``
    is the good row that must land beside it (stem, text of its exported row: its id); ``refused`` a
    file-level refusal that stops the import before anything is written. ``imported`` names what is
    imported, as paths in the folder the files are written to (default: that folder).
    """

    name: str
    files: dict[str, str | bytes | Sheets]
    error: tuple[str, int, str, str] | None = None
    lands: tuple[str, str] | None = None
    refused: str = ""
    more: tuple[tuple[str, int, str, str], ...] = ()
    imported: tuple[str, ...] = ()


def json_text(**lists: object) -> str:
    return json.dumps(lists, ensure_ascii=False)


def two_lists(stem: str, first: list[object], second: list[object]) -> str:
    """A JSON object with the same key twice, as a careless export writes it (``json.dumps`` never would)."""
    return f'{{"{stem}": {json.dumps(first)}, "{stem}": {json.dumps(second)}}}'


def exported(store: GraphStore, folder: Path) -> dict[str, set[str]]:
    """The store's own export, per stem the set of its rows: what a user would see change."""
    export_csv(store, folder)
    return {path.stem: set(path.read_text(encoding="utf-8-sig").splitlines()[1:]) for path in folder.glob("*.csv")}


def assert_nothing_lost(before: dict[str, set[str]], after: dict[str, set[str]]) -> None:
    """Every row the store exported before exports unchanged after: nothing stored changed or vanished."""
    for stem, rows in before.items():
        assert rows <= after[stem], f"a stored {stem} row changed: {sorted(rows - after[stem])}"


def assert_only_added(before: dict[str, set[str]], after: dict[str, set[str]], stem: str) -> None:
    """Nothing stored changed or vanished, and the import added exactly one row, to ``stem``."""
    assert_nothing_lost(before, after)
    assert {k: len(after[k] - v) for k, v in before.items() if after[k] != v} == {stem: 1}


def write_file(folder: Path, name: str, content: str | bytes | Sheets) -> None:
    """Write one input file: a workbook from sheets, bytes as they are (encodings), text as UTF-8."""
    (folder / name).parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, dict):
        book = openpyxl.Workbook()
        book.remove(book.worksheets[0])
        for title, rows in content.items():
            sheet = book.create_sheet(title)
            for row in rows:
                sheet.append(row)
        book.save(folder / name)
    else:
        (folder / name).write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))


def fault_name(fault: FileFault) -> str:
    """The test id of a file fault: its name."""
    return fault.name


def check_row_fault(account: GraphStore, tmp_path: Path, fault: RowFault) -> None:
    """Exactly the bad row is rejected, with its column and reason; the good row lands; nothing stored changes."""
    stem, header, bad, good, column, reason = fault
    before = exported(account, tmp_path / "before")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / f"{stem}.csv").write_text(f"{header}\n{bad}\n{good}\n", encoding="utf-8")
    report = import_paths(account, [tmp_path / "in"])
    assert [(e.file, e.row, e.column, e.reason) for e in report.errors] == [(f"{stem}.csv", 2, column, reason)]
    assert (report.stems[stem].landed, report.stems[stem].rejected) == (1, 1)
    assert_only_added(before, exported(account, tmp_path / "after"), stem)


def check_file_fault(account: GraphStore, tmp_path: Path, fault: FileFault) -> None:
    """The expected rejection (or refusal) and nothing else; the good row beside it lands; nothing stored changes."""
    before = exported(account, tmp_path / "before")
    (tmp_path / "in").mkdir()
    for name, content in fault.files.items():
        write_file(tmp_path / "in", name, content)
    paths = [tmp_path / "in" / name for name in fault.imported] or [tmp_path / "in"]
    if fault.refused:
        with pytest.raises(ReadFailed, match=re.escape(fault.refused)):
            import_paths(account, paths)
        assert exported(account, tmp_path / "after") == before
        return
    report = import_paths(account, paths)
    errors = [(e.file, e.row, e.column, e.reason) for e in report.errors]
    assert errors == ([fault.error, *fault.more] if fault.error else [])
    after = exported(account, tmp_path / "after")
    assert_nothing_lost(before, after)
    if fault.lands:
        stem, text = fault.lands
        assert any(text in row for row in after[stem] - before[stem]), "the good row beside the fault landed"
    else:
        assert after == before
