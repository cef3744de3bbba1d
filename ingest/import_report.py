"""What an import tells its caller: counts per stem, every refused row, merges and warnings.

Kept apart from the import itself so the pages and the command line that show a
report depend on its shape only, not on how the files were read and written.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from graph.store import WriteReport
from ingest.reasons import Notice
from ingest.validate import RowError

__all__ = ["ImportReport", "StemCounts"]


class StemCounts(BaseModel):
    rows: int = 0
    landed: int = 0
    rejected: int = 0


class ImportReport(BaseModel):
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    """Rows that did not land."""
    dry_run: bool = False
    stems: dict[str, StemCounts] = Field(default_factory=dict)
    errors: list[RowError] = Field(default_factory=list)
    merged: list[str] = Field(default_factory=list)
    """Duplicate contacts folded into an earlier row, one English sentence each."""
    merge_notices: list[Notice] = Field(default_factory=list)
    """The same merges as codes with their parameters."""
    warnings: list[str] = Field(default_factory=list)
    """What the import skipped or could not do, in English (the command line)."""
    notices: list[Notice] = Field(default_factory=list)
    """The same warnings as codes with their parameters, for a page to word in its language."""
    stopped: str | None = None
    """Why the import ended before its last row (the store went away); the counts say what had landed by then."""

    def warn(self, code: str, **params: object) -> None:
        """Note one warning (``ingest.reasons.WARNINGS``), in English and as its code."""
        notice = Notice(code, {k: str(v) for k, v in params.items()})
        self.notices.append(notice)
        self.warnings.append(notice.english)

    def add(self, written: WriteReport) -> None:
        for counts in (*written.nodes.values(), *written.edges.values()):
            self.created += counts.created
            self.updated += counts.updated
            self.unchanged += counts.unchanged
