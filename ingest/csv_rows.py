"""A CSV file's records, as the user's spreadsheet numbers them, with what is wrong in a cell found on the way.

Two faults are found while reading rather than while checking values, because
they are about the text itself: a byte sequence that is not UTF-8 in an
otherwise UTF-8 file (``ingest.text_encodings``), and a quote that opens a cell
and is never closed. Python's reader would run the rest of the file into that
one cell; here the row where it opens is rejected and the lines after it are
read again as rows of their own.
"""

from __future__ import annotations

import collections
import csv
import itertools
from collections.abc import Iterator
from typing import TextIO

from ingest.reasons import Reason
from ingest.sources import ReadFailed, Source
from ingest.text_encodings import bad_bytes, escaped

__all__ = ["RawRow", "csv_rows", "delimiter"]

RawRow = tuple[int, list[object], dict[int, Reason]]
"""A record as read: its row number, its cells, and column index → why that cell makes the row unreadable."""


def delimiter(header: str) -> str:
    r"""The separator of a CSV file, from its header: commas, or the semicolons or tabs of some Excel exports
    (tabs in its "Unicode text", which is UTF-16).

    >>> delimiter("id;name;company_id"), delimiter("id\tname"), delimiter("id,name;x"), delimiter("id")
    (';', '\t', ',', ',')
    """
    counts = {separator: header.count(separator) for separator in (",", ";", "\t")}
    best = max(counts, key=lambda separator: counts[separator])
    return best if counts[best] else ","


def csv_rows(source: Source) -> Iterator[RawRow]:
    """The records of a CSV source numbered from 1; ``ReadFailed`` for a file the reader cannot take at all."""
    with _opened(source) as handle:
        separator = delimiter(handle.readline())
        handle.seek(0)
        yield from _records(source, handle, separator, 0, 0)


def _opened(source: Source) -> TextIO:
    return open(source.path, encoding=source.encoding, errors=source.errors, newline="")


def _records(source: Source, lines: Iterator[str], separator: str, number: int, skipped: int) -> Iterator[RawRow]:
    """The records after row ``number`` read from ``lines``, which start at line ``skipped`` of the file; one is
    held back, as only the last can hold a quote that never closes (its lines are read again to tell)."""
    reader = csv.reader(lines, delimiter=separator)
    held: tuple[int, list[str], int] | None = None
    start = 0
    try:
        for fields in reader:
            if held:
                yield _checked(source, held[0], held[1])
            number += 1
            held, start = (number, fields, start), reader.line_num
    except csv.Error as error:
        raise ReadFailed(f"{source.label} row {number + 1}: not readable CSV ({error})") from error
    if held is None:
        return
    number, fields, start = held
    taken = _lines_from(source, skipped + start) if fields else []
    opening = _unclosed_quote(taken, fields, separator)
    if opening is None:
        yield _checked(source, number, fields)
        return
    line, text = opening
    cells: list[object] = [escaped(cell) for cell in fields[:-1]]
    yield number, [*cells, escaped(text)], {len(fields) - 1: Reason.of("unclosed_quote")}
    yield from _records(source, iter(taken[line + 1 :]), separator, number, skipped + start + line + 1)


def _lines_from(source: Source, skip: int) -> list[str]:
    """The file's lines from line ``skip`` (counted from 0) to its end: the last record's."""
    with _opened(source) as handle:
        collections.deque(itertools.islice(handle, skip), maxlen=0)
        return list(handle)


def _checked(source: Source, number: int, fields: list[str]) -> RawRow:
    """A record with each cell holding bytes that are not UTF-8 named, and those bytes shown escaped."""
    if source.errors == "strict":
        return number, list(fields), {}
    faults = {i: Reason.of("not_utf8", bytes=shown) for i, cell in enumerate(fields) if (shown := bad_bytes(cell))}
    return number, [escaped(cell) for cell in fields] if faults else list(fields), faults


def _unclosed_quote(taken: list[str], fields: list[str], separator: str) -> tuple[int, str] | None:
    """Where the last record's quote that never closes opens: (index of its line among ``taken``, the cell as
    written on that line); ``None`` when every quote closes.

    Read again strictly, such a record ends in "unexpected end of data". The cell's
    text runs from its opening quote to the end of the file, its doubled quotes
    read as one, which finds the quote in the lines.
    """
    if not fields or not any('"' in line for line in taken):
        return None
    try:
        list(csv.reader(taken, delimiter=separator, strict=True))
    except csv.Error as error:
        if "unexpected end of data" not in str(error):
            return None
    else:
        return None
    text = "".join(taken)
    opens = len(text) - len(fields[-1]) - fields[-1].count('"') - 1
    if opens < 0 or text[opens] != '"':
        return None
    start = 0
    for index, line in enumerate(taken):
        if opens < start + len(line):
            return index, line[opens - start :].rstrip("\r\n")
        start += len(line)
    return None
