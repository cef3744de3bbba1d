"""Writing one batch of an import: its checks against the store, then one unit of work stamped in the history.

A batch is the import's unit of failure and of history: it is checked and
written whole, so a crash loses at most the batch in flight and a re-run
completes the rest, and each batch is its own change.
"""

from __future__ import annotations

import gc

from graph.domain.actions import Action, ActionCode
from graph.domain.changes import Author, ChangeSource
from graph.store import GraphStore
from graph.store.rows import EdgeRow, graph_rows
from ingest.import_fresh import Fresh
from ingest.import_references import misplaced, unknown_references
from ingest.import_report import ImportReport, StemCounts
from ingest.import_rows import Pending
from ingest.import_survey import DEFINES, Survey
from ingest.readers import Source

__all__ = ["batch_author", "flush"]


def batch_author(who: str, why: str, source: Source) -> Author:
    """A batch's stamp: each batch is its own change, timed when it is written."""
    return Author(
        who=who, source=ChangeSource.IMPORT, action=Action.of(ActionCode.IMPORT_FILE, file=source.label), why=why
    )


def flush(
    store: GraphStore,
    survey: Survey,
    batch: list[Pending],
    report: ImportReport,
    counts: StemCounts,
    dry_run: bool,
    fresh: Fresh,
    author: Author,
) -> list[EdgeRow]:
    """Check one batch's references, write the good rows; return edges to send again later."""
    if not batch:
        return []
    gc.collect(1)
    bad = unknown_references(store, survey, batch)
    bad |= misplaced(store, survey, batch, bad, fresh)
    found = bad
    while found:  # a row of this batch referring to one rejected just now is rejected too, saying why
        for index, errors in found.items():
            survey.reject(batch[index].row, errors)
        defining = any(DEFINES.get(batch[index].row.source.stem) for index in found)
        found = unknown_references(store, survey, batch, bad) if defining else {}
        bad |= found
    good = [p for i, p in enumerate(batch) if i not in bad]
    for index in sorted(bad):
        report.errors.extend(bad[index])
    counts.rejected += len(bad)
    if dry_run:
        counts.landed += len(good)
        return []
    records = (r for p in good for r in p.records)
    written = store.unit_of_work(
        lambda uow: uow.write_rows(graph_rows(records, partial=True), fresh.labels, fresh.specs, author=author)
    )
    counts.landed += len(good)
    report.add(written)
    return written.missing_rows
