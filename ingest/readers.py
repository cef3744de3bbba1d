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
import itertools
import json
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO
from xml.etree import ElementTree

from openpyxl import load_workbook

from graph.domain.errors import KagraphError
from ingest.columns import STEMS, canonical_header, canonical_stem
from ingest.json_stream import JsonShapeError, json_lists
from ingest.reasons import Reason

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

_SAMPLE_BYTES = 1 << 20
_FORMULA_STARTS = ("=", "+", "-", "@")
ENCODINGS = "UTF-8, UTF-8 with BOM, GBK/GB18030"
"""The encodings a CSV may be in, as the refusal of any other names them."""
_GB2312_SHARE = 0.5
"""Of a GB18030 reading's non-ASCII characters, the share that must be everyday Chinese (GB2312) to trust it.

Any byte pairs decode as GB18030, so a Shift-JIS file (山田太郎) or a Big5 one reads as rare characters; a real
GBK export is nearly all GB2312 characters, a few rare ones in names aside."""
HEADER_SEARCH_ROWS = 10
"""Rows at the top of a CSV file or sheet searched for the header: exports often carry a title or a date above it."""


class ReadFailed(KagraphError):
    """A file cannot be read at all (missing, not a spreadsheet, broken JSON)."""


@dataclass(frozen=True)
class Source:
    """One stem's rows in one file (a CSV, a workbook sheet, or a JSON key)."""

    path: Path
    stem: str
    kind: str
    """``csv``, ``xlsx`` or ``json``."""
    encoding: str = "utf-8"
    """A CSV's encoding, detected once (``detect_encoding``)."""
    part: int = 1
    """Which list of this stem in a JSON file (a file may hold two ``contacts`` lists: both are read)."""

    @property
    def label(self) -> str:
        """How the user names it: ``contacts.csv``, ``book.xlsx:contacts`` or ``book.json:contacts (list 2)``."""
        if self.kind == "csv":
            return self.path.name
        return f"{self.path.name}:{self.stem}" + (f" (list {self.part})" if self.part > 1 else "")


@dataclass(frozen=True)
class CellFault:
    """Why a row read from a file cannot become a record, found while reading it (a JSON item that is no row)."""

    column: str
    value: str
    reason: Reason


@dataclass(frozen=True)
class SourceRow:
    source: Source
    row: int
    cells: dict[str, str]
    """Canonical column → non-empty text."""
    headers: dict[str, str] = field(default_factory=dict)
    """Canonical column → the header as written, for error messages."""
    faults: tuple[CellFault, ...] = ()
    """What makes the row unreadable as a record, at its column as written; such a row is rejected."""


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
                found.append(Source(file, stem, "csv", detect_encoding(file)))
            elif suffix in (".xlsx", ".xlsm"):
                found.extend(Source(file, stem, "xlsx") for stem in _workbook_stems(file))
            elif suffix == ".json":
                found.extend(_json_sources(file))
    return sorted(found, key=lambda s: STEMS.index(s.stem))


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


def detect_encoding(path: Path) -> str:
    """UTF-8 (with or without BOM) when every byte decodes as such, else GB18030 (covers GBK) when it reads as
    Chinese; anything else is refused (``ReadFailed`` naming the encodings accepted), never read as mojibake.

    The whole file is checked, a megabyte at a time (C speed: about a second per
    gigabyte): a GBK export whose first Chinese text comes after the first
    megabyte is GBK all the same.
    """
    with open(path, "rb") as handle:
        first = handle.read(len(codecs.BOM_UTF8))
        handle.seek(0)
        if _decodes(handle, "utf-8") is not None:
            return "utf-8-sig" if first == codecs.BOM_UTF8 else "utf-8"
        handle.seek(0)
        share = _decodes(handle, "gb18030")
    if share is not None and share >= _GB2312_SHARE:
        return "gb18030"
    raise ReadFailed(
        f"{path.name}: neither UTF-8 nor Chinese GBK/GB18030 text (Shift-JIS, Big5 or Latin-1 perhaps); "
        f"save it as UTF-8 and import it again (encodings accepted: {ENCODINGS})"
    )


def _decodes(handle: BinaryIO, encoding: str) -> float | None:
    """``None`` when the bytes do not decode; else the share of non-ASCII characters that are GB2312 (1.0 for none).

    Counted with the codecs alone (C speed): a GB2312 character takes two bytes in that encoding, ASCII one.
    """
    decoder = codecs.getincrementaldecoder(encoding)()
    wide = common = 0
    try:
        while chunk := handle.read(_SAMPLE_BYTES):
            text = decoder.decode(chunk, final=False)
            ascii_count = len(text.encode("ascii", "ignore"))
            wide += len(text) - ascii_count
            common += (len(text.encode("gb2312", "ignore")) - ascii_count) // 2
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return None
    return common / wide if wide else 1.0


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


def _columns(source: Source, header: list[object]) -> list[str | None]:
    return [canonical_header(source.stem, _text(h)) if h is not None else None for h in header]


def _rows(source: Source, header: list[object], rows: Iterator[tuple[int, list[object]]]) -> Iterator[SourceRow]:
    columns = _columns(source, header)
    written = {c: _text(h) for c, h in zip(columns, header, strict=True) if c}
    for number, values in rows:
        cells = {c: text for c, v in zip(columns, values, strict=False) if c and (text := _text(v))}
        if cells:
            yield SourceRow(source, number, cells, written)


def unknown_headers(source: Source) -> list[str]:
    """Headers in the file that are not columns of its stem (reported, then ignored)."""
    if source.kind == "json":
        items = (item for _, item in _json_rows(source) if isinstance(item, dict))
        header: list[object] = list(dict.fromkeys(k for item in items for k in item))
    else:
        header = _header(source, _raw_rows(source))[1]
    return [_text(h) for h in header if h is not None and _text(h) and not canonical_header(source.stem, _text(h))]


def header_row(source: Source) -> int:
    """The row a CSV file's or sheet's header is on (1 unless title rows stand above it); 1 for JSON (none)."""
    return 1 if source.kind == "json" else _header(source, _raw_rows(source))[0]


def _header(
    source: Source, raw: Iterator[tuple[int, list[object]]]
) -> tuple[int, list[object], Iterator[tuple[int, list[object]]]]:
    """The header row (number, cells) and the rows after it.

    The header is the row among the first ``HEADER_SEARCH_ROWS`` naming the most
    columns of the stem (the first such row), so a title above it is skipped;
    when none names any, the first row, whose unknown headers are then reported.
    """
    top = list(itertools.islice(raw, HEADER_SEARCH_ROWS))
    if not top:
        return 1, [], iter(())
    known = [sum(1 for c in _columns(source, cells) if c) for _, cells in top]
    at = known.index(max(known))
    number, header = top[at]
    return number, header, itertools.chain(top[at + 1 :], raw)


def _raw_rows(source: Source) -> Iterator[tuple[int, list[object]]]:
    if source.kind == "csv":
        with open(source.path, encoding=source.encoding, newline="") as handle:
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
