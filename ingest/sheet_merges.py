"""Merged cells at the top of a workbook sheet, so a two-row header with merged cells reads as one header.

A header merged over two rows ("id" in A1:A2, beside "contact" over B1:C1 with
"phone" and "email" under it) leaves the row under it blank where the merge is;
the reader picks the row naming the most columns, which would lose "id" and cost
every row. Filled down from its merge, that row names every column.

openpyxl's streaming reader (the only one that keeps a large workbook out of
memory) does not report merges, so they are read from the sheet's XML, where
they follow the cells: one pass of a regular expression over the bytes.
"""

from __future__ import annotations

import functools
import re
import zipfile
from pathlib import Path
from typing import IO
from xml.etree import ElementTree

from openpyxl.reader.workbook import WorkbookParser
from openpyxl.utils.cell import range_boundaries

from ingest.columns import canonical_stem

__all__ = ["Merge", "fill_down", "header_merges"]

Merge = tuple[int, int, int, int]
"""A merged range: first column, first row, last column, last row (from 1)."""
_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*?\bref=\"([A-Z]+[0-9]+(?::[A-Z]+[0-9]+)?)\"")
_CHUNK = 1 << 20
_OVERLAP = 256


def header_merges(path: Path, stem: str, rows: int) -> list[Merge]:
    """The merges that start in the first ``rows`` rows of the sheet ``stem`` is read from (the first whose name
    means it, as ``ingest.readers`` picks it); none when the workbook does not say.

    An import reads a sheet's header several times (survey, load, warnings): the
    answer is kept while the file is unchanged.
    """
    try:
        stat = path.stat()
    except OSError:
        return []
    return list(_header_merges(path, stem, rows, stat.st_mtime_ns, stat.st_size))


@functools.lru_cache(maxsize=64)
def _header_merges(path: Path, stem: str, rows: int, mtime_ns: int, size: int) -> tuple[Merge, ...]:
    """``header_merges`` for one version of the file (``mtime_ns`` and ``size`` tell versions apart)."""
    try:
        with zipfile.ZipFile(path) as archive:
            part = _sheet_part(archive, stem)
            if part is None:
                return ()
            with archive.open(part) as xml:
                refs = _refs(xml)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, ElementTree.ParseError):
        return ()  # the cells' own reading says what is wrong with the file
    merges = [tuple(int(n or 0) for n in range_boundaries(ref)) for ref in refs]
    return tuple((a, b, c, d) for a, b, c, d in merges if 0 < b <= rows)


def _refs(xml: IO[bytes]) -> list[str]:
    """Every ``mergeCell`` reference in the sheet's XML, read a megabyte at a time."""
    found: dict[str, None] = {}
    tail = b""
    while chunk := xml.read(_CHUNK):
        window = tail + chunk
        found.update((m.group(1).decode("ascii"), None) for m in _MERGE.finditer(window))
        tail = window[-_OVERLAP:]
    return list(found)


def _sheet_part(archive: zipfile.ZipFile, stem: str) -> str | None:
    """The archive member holding the cells of ``stem``'s sheet, found as openpyxl finds it (its own parser of
    the workbook's sheet list and relationships)."""
    parser = WorkbookParser(archive, "xl/workbook.xml")
    parser.parse()
    for sheet, relation in parser.find_sheets():
        if canonical_stem(sheet.name) == stem:
            return str(relation.target).lstrip("/")
    return None


def fill_down(rows: list[tuple[int, list[object]]], merges: list[Merge]) -> None:
    """Give the empty cells under a merge's first cell its value, in place: the header row under it names it.

    >>> rows = [(1, ["id", "name", "details"]), (2, [None, None, "company_id", "phone"])]
    >>> fill_down(rows, [(1, 1, 1, 2), (2, 1, 2, 2), (3, 1, 4, 1)])
    >>> rows[1][1]
    ['id', 'name', 'company_id', 'phone']
    """
    by_number = {number: cells for number, cells in rows}
    for first_col, first_row, _, last_row in merges:
        top = by_number.get(first_row)
        value = top[first_col - 1] if top is not None and len(top) >= first_col else None
        if value is None:
            continue
        for number in range(first_row + 1, last_row + 1):
            cells = by_number.get(number)
            if cells is None:
                continue
            cells.extend([None] * (first_col - len(cells)))
            if cells[first_col - 1] is None:
                cells[first_col - 1] = value
