"""Exports for spreadsheets: CSV text that cannot run as a formula.

A cell beginning with ``=``, ``+``, ``-``, ``@`` (or a tab / carriage return)
is prefixed with ``'`` so Excel and WPS show it as text instead of running it
(spreadsheet formula injection); names come from other people's spreadsheets.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping

__all__ = ["csv_text", "neutralise"]

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """``'=cmd`` for ``=cmd``; numbers and other values unchanged.

    >>> neutralise("=HYPERLINK(1)"), neutralise(-3), neutralise("Li")
    ("'=HYPERLINK(1)", -3, 'Li')
    """
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def csv_text(rows: Iterable[Mapping[str, object]], columns: list[str]) -> str:
    """UTF-8 CSV (with BOM, so Excel reads Chinese correctly) of ``rows`` in ``columns`` order."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: neutralise(v) for k, v in row.items()})
    return buffer.getvalue()
