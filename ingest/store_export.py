"""Export the store in the import format: a folder of CSVs or one XLSX workbook.

What comes out goes back in unchanged (``python -m ingest`` on an export is a
no-op), so a team can edit in Excel and re-import. Cells that a spreadsheet
would run as a formula are prefixed with ``'`` (the importer strips it again).
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from graph.render.csv_cells import csv_text, neutralise
from graph.store import GraphStore
from ingest.columns import COLUMNS, STEMS

__all__ = ["export_csv", "export_xlsx"]


def _cell(value: object) -> object:
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    return value


def _rows(store: GraphStore, stem: str) -> list[dict[str, object]]:
    return [{k: _cell(v) for k, v in row.items()} for row in store.records.export_rows(stem)]


def export_csv(store: GraphStore, folder: Path) -> dict[str, int]:
    """Write ``<stem>.csv`` (UTF-8 with BOM) for every stem; returns rows written per stem."""
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for stem in STEMS:
        rows = _rows(store, stem)
        (folder / f"{stem}.csv").write_text(csv_text(rows, list(COLUMNS[stem])), encoding="utf-8")
        written[stem] = len(rows)
    return written


def export_xlsx(store: GraphStore, path: Path) -> dict[str, int]:
    """Write one workbook with a sheet per stem; returns rows written per stem."""
    book = Workbook(write_only=True)
    written = {}
    for stem in STEMS:
        sheet = book.create_sheet(stem)
        columns = list(COLUMNS[stem])
        sheet.append(columns)
        rows = _rows(store, stem)
        for row in rows:
            sheet.append([neutralise(row.get(c)) for c in columns])
        written[stem] = len(rows)
    book.save(path)
    return written
