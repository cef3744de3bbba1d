"""Import files into the store: every good row lands, every bad row is explained.

Two streaming passes over the files:

1. *Survey* (``ingest.import_survey``): the ids each file defines (duplicates inside the import are
   rejections), contacts' phones and e-mails (the same person twice in one
   company is merged into the first row, whose values stand; references to the
   duplicate are pointed at the first row, and the merge is reported), and reporting
   lines (a cycle rejects the contacts in it, ``ingest.import_cycles``).
2. *Load*: each row is validated (``ingest.import_rows``), its references are
   checked against the import and the store (``ingest.import_references``), and good rows are written in
   batches of ``batch_rows`` (``KAGRAPH_IMPORT_BATCH_ROWS``, ``ingest.import_batches``); a batch is one
   idempotent upsert, so a crash loses at most the batch in flight and a re-run completes the rest.

Relationships whose other end appears later in the files are sent again at
the end, once every node exists. This module runs the two passes and turns what stops them into the report.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterator
from pathlib import Path

from graph.config.local_user import local_user
from graph.config.settings import load_settings
from graph.domain.actions import Action, ActionCode
from graph.domain.changes import Author, ChangeSource
from graph.domain.errors import StoreError, StoreUnavailable
from graph.store import GraphStore
from graph.store.rows import EdgeRow, GraphRows
from ingest.import_batches import batch_author, flush
from ingest.import_fresh import Fresh
from ingest.import_report import ImportReport, StemCounts
from ingest.import_rows import Pending, no_known_column, prepared_rows
from ingest.import_survey import survey_sources
from ingest.readers import ReadFailed, Source, find_sources, header_row, unknown_headers

__all__ = ["import_paths"]


def import_paths(
    store: GraphStore,
    paths: list[Path],
    *,
    dry_run: bool = False,
    progress: Callable[[str, int], None] | None = None,
    who: str | None = None,
    why: str = "",
    batch_rows: int | None = None,
) -> ImportReport:
    """Import every stem found in ``paths``; raises ``ReadFailed`` when nothing can be read.

    ``progress(stem, rows)`` is called after each batch has landed (written and acknowledged), with the rows
    of ``stem`` read so far: between two units of work, where a caller may show progress, or a test stop the
    store (``tests/integration/test_import_stop.py``).

    Each written batch is recorded in the history as a change by ``who``
    (default: this machine's user, ``graph.config.local_user.local_user``) with the
    note ``why``. A batch holds ``batch_rows`` rows (default: the setting ``KAGRAPH_IMPORT_BATCH_ROWS``).
    """
    who = who or local_user()
    batch_rows = batch_rows or load_settings().kagraph_import_batch_rows
    sources = find_sources(paths)
    report = ImportReport(dry_run=dry_run)
    if not sources:
        report.warn("no_file")
        return report
    with _young_collections_only():
        try:
            _load(store, sources, report, dry_run=dry_run, progress=progress, who=who, why=why, batch_rows=batch_rows)
        except StoreUnavailable as error:  # the batch in flight may have committed before the answer was lost
            report.stopped = (
                f"{error}; the batch being written then may or may not have landed: run the same import again "
                "to finish it (what already landed stays as it is)"
            )
        except (StoreError, ReadFailed) as error:  # each batch lands whole or not at all: the counts so far hold
            report.stopped = str(error)
    report.rejected = sum(c.rejected for c in report.stems.values())
    return report


def _load(
    store: GraphStore,
    sources: list[Source],
    report: ImportReport,
    *,
    dry_run: bool,
    progress: Callable[[str, int], None] | None,
    who: str,
    why: str,
    batch_rows: int,
) -> None:
    """Survey the sources, then read, check and write them batch by batch into ``report``."""
    survey = survey_sources(sources, store)
    report.merged = [m.english for m in survey.merges]
    report.merge_notices = survey.merges
    fresh = Fresh.of(store, survey) if not dry_run else Fresh()
    retry: list[EdgeRow] = []
    for source in sources:
        counts = report.stems.setdefault(source.stem, StemCounts())
        first_error = len(report.errors)
        unknown = unknown_headers(source)
        if (header := header_row(source)) > 1:
            report.warn("header_below", file=source.label, row=header)
        for column in unknown:
            report.warn("unknown_column", file=source.label, column=column)
        batch: list[Pending] = []
        for item in prepared_rows(source, survey):
            counts.rows += 1
            if item.errors:
                report.errors.extend(item.errors)
                counts.rejected += 1
                survey.reject(item.row, item.errors)
                continue
            if item.merged:
                counts.landed += 1  # merged: the first row with this phone or e-mail stands for the person
                continue
            batch.append(Pending(item.row, item.records))
            if len(batch) >= batch_rows:
                retry += flush(store, survey, batch, report, counts, dry_run, fresh, batch_author(who, why, source))
                batch = []
                if progress:
                    progress(source.stem, counts.rows)
        retry += flush(store, survey, batch, report, counts, dry_run, fresh, batch_author(who, why, source))
        if progress:
            progress(source.stem, counts.rows)
        if not counts.rows and unknown:
            report.errors.append(no_known_column(source, unknown))
        report.errors[first_error:] = sorted(report.errors[first_error:], key=lambda e: e.row)  # as the file runs
    if retry and not dry_run:
        links = Author(who=who, source=ChangeSource.IMPORT, action=Action.of(ActionCode.IMPORT_LINKS))
        final = store.unit_of_work(
            lambda uow: uow.write_rows(GraphRows(edges=retry), fresh.labels, fresh.specs, author=links)
        )
        report.add(final)
        for link in final.missing:
            report.warn("not_linked", link=link)


@contextlib.contextmanager
def _young_collections_only() -> Iterator[None]:
    """Leave the collector's full passes until the import is done.

    An import makes millions of short-lived objects while it holds large
    long-lived ones (the survey's id sets, the reporting-line graph); the
    collector's passes over those took about half of the import's Python
    time. Each batch collects the young generations (``ingest.import_batches.flush``), which is
    where reference cycles of an import arise (a rejected row's caught
    ``ValidationError``), so memory stays bounded.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
