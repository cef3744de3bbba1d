"""Read import files row by row: a folder of CSVs, an XLSX workbook, or JSON.

Rows stream (CSV, XLSX and JSON are never loaded whole), each tagged with the file
and the row number the user sees in their spreadsheet (the header is row 1).
Headers are mapped to canonical columns (English or Chinese aliases); cell
values come out as trimmed strings, with Excel dates as ISO dates and Excel
whole numbers without a trailing ``.0`` (phone numbers typed as numbers).
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from openpyxl import load_workbook

from graph.errors import KagraphError
from ingest.columns import STEMS, canonical_header, canonical_stem
from ingest.json_stream import JsonShapeError, json_lists

CSV_FIELD_LIMIT = 64 * 1024 * 1024
"""Characters one CSV cell may hold before the file counts as unreadable. Python's default (131,072) would stop
an import at a long note with a traceback; a cell that long but within this limit is read, then refused by the
model's text limit with its row and column."""
csv.field_size_limit(CSV_FIELD_LIMIT)

__all__ = ["ReadFailed", "Source", "SourceRow", "find_sources", "read_rows"]

_SAMPLE_BYTES = 1 << 20
_FORMULA_STARTS = ("=", "+", "-", "@")


class ReadFailed(KagraphError):
    """A file cannot be read at all (missing, not a spreadsheet, broken JSON)."""


@dataclass(frozen=True)
class Source:
    """One stem's rows in one file (a CSV, a workbook sheet, or a JSON key)."""

    path: Path
    stem: str
    kind: str
    """``csv``, ``xlsx`` or ``json``."""

    @property
    def label(self) -> str:
        """How the user names it: ``contacts.csv`` or ``book.xlsx:contacts``."""
        return self.path.name if self.kind == "csv" else f"{self.path.name}:{self.stem}"


@dataclass(frozen=True)
class SourceRow:
    source: Source
    row: int
    cells: dict[str, str]
    """Canonical column → non-empty text."""
    headers: dict[str, str] = field(default_factory=dict)
    """Canonical column → the header as written, for error messages."""


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
                found.append(Source(file, stem, "csv"))
            elif suffix in (".xlsx", ".xlsm"):
                found.extend(Source(file, stem, "xlsx") for stem in _workbook_stems(file))
            elif suffix == ".json":
                found.extend(Source(file, stem, "json") for stem in _json_stems(file))
    return sorted(found, key=lambda s: STEMS.index(s.stem))


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


def _json_rows(source: Source) -> Iterator[tuple[int, dict[str, Any]]]:
    """A JSON stem's items numbered from 1, as the user counts them; streamed, never loaded whole."""
    for _, rows in _json_items(source.path, source.stem):
        if rows is None:
            raise ReadFailed(f"{source.label}: expected a list of rows")
        try:
            for number, item in enumerate(rows, start=1):
                yield number, item if isinstance(item, dict) else {}
        except (OSError, UnicodeDecodeError, JsonShapeError) as error:
            raise ReadFailed(f"{source.label}: not readable JSON ({error})") from error
        return


def detect_encoding(path: Path) -> str:
    """UTF-8 (with or without BOM) when every byte decodes as such, else GB18030 (covers GBK).

    The whole file is checked, a megabyte at a time (C speed: about a second per
    gigabyte): a GBK export whose first Chinese text comes after the first
    megabyte is GBK all the same.
    """
    decoder = codecs.getincrementaldecoder("utf-8")()
    with open(path, "rb") as handle:
        chunk = handle.read(_SAMPLE_BYTES)
        encoding = "utf-8-sig" if chunk.startswith(codecs.BOM_UTF8) else "utf-8"
        try:
            while chunk:
                decoder.decode(chunk, final=False)
                chunk = handle.read(_SAMPLE_BYTES)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return "gb18030"
    return encoding


def _delimiter(header: str) -> str:
    r"""The separator of a CSV file, from its header: commas, or the semicolons or tabs of some Excel exports.

    >>> _delimiter("id;name;company_id"), _delimiter("id\tname"), _delimiter("id,name;x"), _delimiter("id")
    (';', '\t', ',', ',')
    """
    counts = {separator: header.count(separator) for separator in (",", ";", "\t")}
    best = max(counts, key=lambda separator: counts[separator])
    return best if counts[best] else ","


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


def _rows(source: Source, header: list[object], rows: Iterator[tuple[int, list[object]]]) -> Iterator[SourceRow]:
    columns = [canonical_header(source.stem, _text(h)) if h is not None else None for h in header]
    written = {c: _text(h) for c, h in zip(columns, header, strict=True) if c}
    for number, values in rows:
        cells = {c: text for c, v in zip(columns, values, strict=False) if c and (text := _text(v))}
        if cells:
            yield SourceRow(source, number, cells, written)


def unknown_headers(source: Source) -> list[str]:
    """Headers in the file that are not columns of its stem (reported, then ignored)."""
    if source.kind == "json":
        header: list[object] = list(dict.fromkeys(k for _, item in _json_rows(source) for k in item))
    else:
        header = next(_raw_rows(source), (0, []))[1]
    return [_text(h) for h in header if h is not None and _text(h) and not canonical_header(source.stem, _text(h))]


def _raw_rows(source: Source) -> Iterator[tuple[int, list[object]]]:
    if source.kind == "csv":
        with open(source.path, encoding=detect_encoding(source.path), newline="") as handle:
            reader = csv.reader(handle, delimiter=_delimiter(handle.readline()))
            handle.seek(0)
            try:
                yield from enumerate((list(r) for r in reader), start=1)
            except csv.Error as error:
                raise ReadFailed(f"{source.label} row {reader.line_num}: not readable CSV ({error})") from error
    elif source.kind == "xlsx":
        workbook = load_workbook(source.path, read_only=True, data_only=True)
        number = 0
        try:
            sheet = next(workbook[n] for n in workbook.sheetnames if canonical_stem(n) == source.stem)
            for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
                yield number, list(cells)
        except (ElementTree.ParseError, zipfile.BadZipFile, OSError, KeyError, ValueError) as error:
            raise ReadFailed(f"{source.label}: the sheet is damaged after row {number} ({error})") from error
        finally:
            workbook.close()


def _json_source_rows(source: Source) -> Iterator[SourceRow]:
    """JSON rows may each carry other keys, so headers are mapped as they appear."""
    columns: dict[str, str | None] = {}
    written: dict[str, str] = {}
    for number, item in _json_rows(source):
        cells = {}
        for key, value in item.items():
            if key not in columns:
                columns[key] = canonical_header(source.stem, _text(key))
                if columns[key]:
                    written.setdefault(str(columns[key]), _text(key))
            column, text = columns[key], _text(value)
            if column and text:
                cells[column] = text
        if cells:
            yield SourceRow(source, number, cells, written)


def read_rows(source: Source) -> Iterator[SourceRow]:
    """Stream the rows of ``source`` with canonical columns; empty rows are skipped."""
    if source.kind == "json":
        yield from _json_source_rows(source)
        return
    raw = _raw_rows(source)
    try:
        _, header = next(raw)
    except StopIteration:
        return
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise ReadFailed(f"{source.label}: cannot be read ({error})") from error
    yield from _rows(source, header, raw)
