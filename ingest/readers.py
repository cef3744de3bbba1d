"""Read import files row by row: a folder of CSVs, an XLSX workbook, or JSON.

Rows stream (CSV, XLSX and JSON are never loaded whole), each tagged with the file
and the row number the user sees in their spreadsheet (the header is row 1).
Headers are mapped to canonical columns (English or Chinese aliases); cell
values come out as trimmed strings, with Excel dates as ISO dates and Excel
whole numbers without a trailing ``.0`` (phone numbers typed as numbers).
"""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import json
import os
import re
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from openpyxl import load_workbook

from ingest.columns import STEMS, canonical_header, canonical_stem
from ingest.csv_rows import RawRow, csv_rows
from ingest.json_stream import JsonShapeError, json_lists
from ingest.reasons import Reason
from ingest.sheet_merges import fill_down, header_merges
from ingest.sources import CellFault, ReadFailed, Source, SourceRow
from ingest.text_encodings import ENCODINGS, detect_encoding

CSV_FIELD_LIMIT = 64 * 1024 * 1024
"""Characters one CSV cell may hold before the file counts as unreadable. Python's default (131,072) would stop
an import at a long note with a traceback; a cell that long but within this limit is read, then refused by the
model's text limit with its row and column."""
csv.field_size_limit(CSV_FIELD_LIMIT)

__all__ = [
    "ENCODINGS",
    "CellFault",
    "ReadFailed",
    "Source",
    "SourceRow",
    "detect_encoding",
    "find_sources",
    "header_row",
    "read_rows",
    "unknown_headers",
]

_FORMULA_STARTS = ("=", "+", "-", "@")
_HEADER_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
"""Characters that are no part of a header's name (a NUL an export left in it), dropped before matching."""
HEADER_SEARCH_ROWS = 10
"""Rows at the top of a CSV file or sheet searched for the header: exports often carry a title or a date above it."""


def _fold(name: str) -> str:
    return unicodedata.normalize("NFKC", name).strip().casefold()


def find_sources(paths: list[Path]) -> list[Source]:
    """Every importable stem in ``paths`` (files or folders), in import order."""
    found: list[Source] = []
    for path in paths:
        if not path.exists():
            raise ReadFailed(f"{path}: no such file or folder")
        files = sorted(p for p in path.iterdir() if p.is_file()) if path.is_dir() else [path]
        for file in files:
            suffix = file.suffix.lower()
            stem = canonical_stem(file.stem)
            if suffix == ".csv" and stem is not None:
                encoding = detect_encoding(file)
                found.append(Source(file, stem, "csv", encoding.name, errors=encoding.errors))
            elif suffix in (".xlsx", ".xlsm"):
                found.extend(Source(file, stem, "xlsx") for stem in _workbook_stems(file))
            elif suffix == ".json":
                found.extend(_json_sources(file))
    return sorted(_named_apart(found), key=lambda s: STEMS.index(s.stem))


def _named_apart(sources: list[Source]) -> list[Source]:
    """Files of one name from different folders named by their path from the folder they share
    (``a/contacts.csv``, ``b/contacts.csv``), so a report, and the check of duplicate ids, tells them apart."""
    paths = {s.path.resolve() for s in sources}
    clashes = Counter(p.name for p in paths)
    named: list[Source] = []
    for source in sources:
        same = sorted(str(p) for p in paths if p.name == source.path.name)
        if clashes[source.path.name] < 2:
            named.append(source)
            continue
        shared = os.path.commonpath(same)
        named.append(replace(source, name=Path(os.path.relpath(source.path.resolve(), shared)).as_posix()))
    return named


def _json_sources(path: Path) -> list[Source]:
    """One source per list of a known stem, numbered when a stem has several lists (none is dropped)."""
    stems = _json_stems(path)
    return [Source(path, stem, "json", part=stems[:index].count(stem) + 1) for index, stem in enumerate(stems)]


def _workbook_stems(path: Path) -> list[str]:
    try:
        workbook = load_workbook(path, read_only=True)
    except Exception as error:  # openpyxl raises many kinds for a file that is not a workbook
        raise ReadFailed(f"{path.name}: not a readable Excel workbook ({error})") from error
    try:
        return [stem for stem in map(canonical_stem, workbook.sheetnames) if stem is not None]
    finally:
        workbook.close()


def _json_items(path: Path, stem: str | None = None) -> Iterator[tuple[str, Iterator[Any] | None]]:
    """``json_lists`` with its errors as ``ReadFailed`` naming the file."""
    try:
        for key, rows in json_lists(path):
            if stem is None or canonical_stem(key) == stem:
                yield canonical_stem(key) or _fold(key), rows
    except (OSError, UnicodeDecodeError, JsonShapeError) as error:
        raise ReadFailed(f"{path.name}: not readable JSON ({error})") from error


def _json_stems(path: Path) -> list[str]:
    return [stem for stem, _ in _json_items(path) if stem in STEMS]


def _json_rows(source: Source) -> Iterator[tuple[int, Any]]:
    """The items of a JSON stem's ``part``-th list numbered from 1, as the user counts them; streamed."""
    lists = (rows for _, rows in _json_items(source.path, source.stem))
    rows = next(itertools.islice(lists, source.part - 1, None), None)
    if rows is None:
        raise ReadFailed(f"{source.label}: expected a list of rows")
    try:
        yield from enumerate(rows, start=1)
    except (OSError, UnicodeDecodeError, JsonShapeError) as error:
        raise ReadFailed(f"{source.label}: not readable JSON ({error})") from error


def _text(value: object) -> str:
    """A cell as text: ISO dates, whole floats without ``.0``."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).strip()
    if text[:1] == "'" and text[1:2] in _FORMULA_STARTS:
        return text[1:]  # our exports quote formula-looking cells; the quote is not part of the value
    return text


def _header_text(value: object) -> str:
    return _HEADER_CONTROLS.sub("", _text(value)).strip()


def _columns(source: Source, header: list[object]) -> list[str | None]:
    return [canonical_header(source.stem, _header_text(h)) if h is not None else None for h in header]


def _rows(source: Source, header: list[object], rows: Iterator[RawRow]) -> Iterator[SourceRow]:
    columns = _columns(source, header)
    written = {c: _header_text(h) for c, h in zip(columns, header, strict=True) if c}
    for number, values, problems in rows:
        cells = {c: text for c, v in zip(columns, values, strict=False) if c and (text := _text(v))}
        faults = tuple(
            CellFault(_column_as_written(header, index), _text(values[index]), reason)
            for index, reason in problems.items()
            if reason.code != "not_utf8" or (index < len(columns) and columns[index])  # an ignored column's bytes
        )
        if cells or faults:
            yield SourceRow(source, number, cells, written, faults)


def _column_as_written(header: list[object], index: int) -> str:
    """A cell's column as its header writes it; a cell under no header is ``(row)``."""
    return (_header_text(header[index]) if index < len(header) else "") or "(row)"


def unknown_headers(source: Source) -> list[str]:
    """Headers in the file that are not columns of its stem (reported, then ignored)."""
    if source.kind == "json":
        items = (item for _, item in _json_rows(source) if isinstance(item, dict))
        header: list[object] = list(dict.fromkeys(k for item in items for k in item))
    else:
        header = _header(source, _raw_rows(source))[1]
    texts = [_header_text(h) for h in header if h is not None]
    return [text for text in texts if text and not canonical_header(source.stem, text)]


def header_row(source: Source) -> int:
    """The row a CSV file's or sheet's header is on (1 unless title rows stand above it); 1 for JSON (none)."""
    return 1 if source.kind == "json" else _header(source, _raw_rows(source))[0]


def _header(source: Source, raw: Iterator[RawRow]) -> tuple[int, list[object], Iterator[RawRow]]:
    """The header row (number, cells) and the rows after it.

    The header is the row among the first ``HEADER_SEARCH_ROWS`` naming the most
    columns of the stem (the first such row), so a title above it is skipped;
    when none names any, the first row, whose unknown headers are then reported.
    In a workbook, a header merged over two rows names its column in both (``ingest.sheet_merges``).
    """
    top = list(itertools.islice(raw, HEADER_SEARCH_ROWS))
    if not top:
        return 1, [], iter(())
    if source.kind == "xlsx" and (merges := header_merges(source.path, source.stem, HEADER_SEARCH_ROWS)):
        named = [(number, list(cells)) for number, cells, _ in top]
        fill_down(named, merges)
        known = [sum(1 for c in _columns(source, cells) if c) for _, cells in named]
        at = known.index(max(known))
        return named[at][0], named[at][1], itertools.chain(top[at + 1 :], raw)
    known = [sum(1 for c in _columns(source, cells) if c) for _, cells, _ in top]
    at = known.index(max(known))
    number, header, _ = top[at]
    return number, header, itertools.chain(top[at + 1 :], raw)


def _raw_rows(source: Source) -> Iterator[RawRow]:
    if source.kind == "csv":
        yield from csv_rows(source)
    elif source.kind == "xlsx":
        workbook = load_workbook(source.path, read_only=True, data_only=True)
        number = 0
        try:
            sheet = next(workbook[n] for n in workbook.sheetnames if canonical_stem(n) == source.stem)
            for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
                yield number, list(cells), {}
        except (ElementTree.ParseError, zipfile.BadZipFile, OSError, KeyError, ValueError) as error:
            raise ReadFailed(f"{source.label}: the sheet is damaged after row {number} ({error})") from error
        finally:
            workbook.close()


def _json_source_rows(source: Source) -> Iterator[SourceRow]:
    """JSON rows may each carry other keys, so headers are mapped as they appear.

    An item that is not an object, or a known column holding a list or an object,
    is a row the user must see rejected: skipped, or stored as Python's
    ``repr``, it would pass as imported.
    """
    columns: dict[str, str | None] = {}
    written: dict[str, str] = {}
    for number, item in _json_rows(source):
        if not isinstance(item, dict):
            fault = CellFault("(row)", _shown(item), Reason.of("json_not_row", kind=_json_kind(item)))
            yield SourceRow(source, number, {}, written, (fault,))
            continue
        cells, faults = {}, []
        for key, value in item.items():
            if key not in columns:
                columns[key] = canonical_header(source.stem, _text(key))
                if columns[key]:
                    written.setdefault(str(columns[key]), _text(key))
            column = columns[key]
            if column and isinstance(value, dict | list):
                faults.append(CellFault(written[column], _shown(value), Reason.of("json_cell", kind=_json_kind(value))))
            elif column and (text := _text(value)):
                cells[column] = text
        if cells or faults:
            yield SourceRow(source, number, cells, written, tuple(faults))


def _json_kind(value: object) -> str:
    """What a JSON value is, as a code of ``reasons.JSON_KINDS`` (``number`` for the rest)."""
    kinds = {dict: "object", list: "list", str: "text", bool: "bool", type(None): "null"}
    return kinds.get(type(value), "number")


def _shown(value: object) -> str:
    """A JSON value as it was written, cut short (a rejected item can be large)."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 80 else text[:79] + "…"


def read_rows(source: Source) -> Iterator[SourceRow]:
    """Stream the rows of ``source`` with canonical columns; empty rows are skipped."""
    if source.kind == "json":
        yield from _json_source_rows(source)
        return
    try:
        _, header, rows = _header(source, _raw_rows(source))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise ReadFailed(f"{source.label}: cannot be read ({error})") from error
    yield from _rows(source, header, rows)
