"""What the readers hand the importer: the files found (``Source``) and their rows (``SourceRow``).

Kept apart from the readers themselves (``ingest.readers``, ``ingest.csv_rows``, ``ingest.sheet_merges``,
``ingest.text_encodings``) so each reader can name them without importing the others.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from graph.domain.errors import KagraphError
from ingest.reasons import Reason

__all__ = ["CellFault", "ReadFailed", "Source", "SourceRow"]


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
    """A CSV's encoding, detected once (``ingest.text_encodings.detect_encoding``)."""
    part: int = 1
    """Which list of this stem in a JSON file (a file may hold two ``contacts`` lists: both are read)."""
    errors: str = "strict"
    """``surrogateescape`` for a UTF-8 file with a few invalid byte sequences: each rejects only its row."""
    name: str = ""
    """How the file is named in reports when its bare name is not enough: ``a/contacts.csv`` beside
    ``b/contacts.csv`` from another folder of the same import. Empty: the file's name."""

    @property
    def label(self) -> str:
        """How the user names it: ``contacts.csv``, ``book.xlsx:contacts`` or ``book.json:contacts (list 2)``."""
        file = self.name or self.path.name
        if self.kind == "csv":
            return file
        return f"{file}:{self.stem}" + (f" (list {self.part})" if self.part > 1 else "")


@dataclass(frozen=True)
class CellFault:
    """Why a row read from a file cannot become a record, found while reading it (a JSON item that is no row,
    bytes that are not UTF-8, a quote never closed)."""

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
