"""``python -m ingest``: import spreadsheets, or load the demo data.

    python -m ingest PATH... [--dry-run] [--errors FILE] [--json]
    python -m ingest demo [--reset] [--if-empty]
    python -m ingest export FOLDER|FILE.xlsx

Exit codes for an import: 0 every row landed, 2 some rows were rejected (the
rest landed), 1 nothing could be read or the store cannot be reached.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from graph.cli.output import print_json
from graph.domain.errors import KagraphError
from graph.render.csv_cells import csv_text
from graph.servers.connect import open_store
from ingest.import_report import ImportReport
from ingest.importer import import_paths
from ingest.load_demo import load_demo
from ingest.readers import ReadFailed
from ingest.store_export import export_csv, export_xlsx

__all__ = ["main"]

EXIT_OK, EXIT_UNREADABLE, EXIT_REJECTED = 0, 1, 2


def _demo_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m ingest demo", description="load the deterministic demo data")
    parser.add_argument("--reset", action="store_true", help="empty the store first (deletes everything in it)")
    parser.add_argument("--if-empty", action="store_true", help="only when the store holds nothing yet")
    parser.add_argument("--json", action="store_true", help="JSON report (the default; kept for scripts)")
    return parser


def _import_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m ingest", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="+", type=Path, help="CSV folder(s), XLSX workbook(s) or JSON file(s)")
    parser.add_argument("--dry-run", action="store_true", help="validate and check references; write nothing")
    parser.add_argument("--errors", type=Path, help="write the rejected rows' errors to this CSV file")
    parser.add_argument("--json", action="store_true", help="print the full report as JSON")
    parser.add_argument("--why", default="", help="a note kept with the import in the change history")
    return parser


def _demo(argv: list[str]) -> int:
    args = _demo_parser().parse_args(argv)
    store = open_store()
    try:
        if args.if_empty and not store.records.is_empty():
            print_json({"loaded": False, "reason": "the store already holds data"})
            return EXIT_OK
        started = time.perf_counter()
        report = load_demo(store, reset=args.reset)
        seconds = round(time.perf_counter() - started, 2)
        print_json(
            {
                "loaded": True,
                "created": report.created,
                "updated": report.updated,
                "seconds": seconds,
                **report.model_dump(),
            }
        )
    finally:
        store.close()
    return EXIT_OK


def _export(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m ingest export", description="export the store in the import format"
    )
    parser.add_argument("target", type=Path, help="a folder for CSVs, or a .xlsx file")
    args = parser.parse_args(argv)
    store = open_store()
    try:
        if args.target.suffix.lower() == ".xlsx":
            written = export_xlsx(store, args.target)
        else:
            written = export_csv(store, args.target)
    finally:
        store.close()
    print_json({"target": str(args.target), "rows": written})
    return EXIT_OK


def _summary(report: ImportReport) -> str:
    lines = [
        f"{'dry run: ' if report.dry_run else ''}created: {report.created} · updated: {report.updated} · "
        f"unchanged: {report.unchanged} · rows rejected: {report.rejected}"
    ]
    for stem, counts in report.stems.items():
        lines.append(f"  {stem}: rows read: {counts.rows} · landed: {counts.landed} · rejected: {counts.rejected}")
    lines += [f"  merged: {m}" for m in report.merged]
    lines += [f"  warning: {w}" for w in report.warnings]
    lines += [f"  {e.file} row {e.row}, {e.column} = {_shown(e.value)}: {e.reason}" for e in report.errors[:50]]
    if len(report.errors) > 50:
        lines.append(f"  … and {len(report.errors) - 50} more (use --errors FILE for all)")
    return "\n".join(lines)


SHOWN_CHARACTERS = 80


def _shown(value: str) -> str:
    """A rejected value as the summary prints it: quoted, and cut short when long.

    >>> _shown("x" * 100)
    "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…' (100 characters)"
    """
    if len(value) <= SHOWN_CHARACTERS:
        return repr(value)
    return f"{value[:SHOWN_CHARACTERS]!r}"[:-1] + f"…' ({len(value):,} characters)"


def _import(argv: list[str]) -> int:
    args = _import_parser().parse_args(argv)
    try:
        store = open_store()
    except KagraphError as error:  # exit code 2 means "some rows rejected" here, so a dead store is a 1
        print(f"kagraph: {error}", file=sys.stderr)
        return EXIT_UNREADABLE
    try:

        def progress(stem: str, rows: int) -> None:
            print(f"\r{stem}: rows read: {rows:,}", end="", file=sys.stderr, flush=True)

        try:
            report = import_paths(store, args.paths, dry_run=args.dry_run, progress=progress, why=args.why)
        except ReadFailed as error:
            print(f"\nkagraph: {error}", file=sys.stderr)
            return EXIT_UNREADABLE
        print(file=sys.stderr)
    finally:
        store.close()
    if args.errors:
        rows = [e.model_dump() for e in report.errors]
        args.errors.write_text(csv_text(rows, ["file", "row", "column", "value", "reason"]), encoding="utf-8")
    print(report.model_dump_json(indent=2) if args.json else _summary(report))
    if report.stopped:  # the batches written before stay, whole; the report above says what they were
        print(f"kagraph: the import stopped before the end: {report.stopped}", file=sys.stderr)
        return EXIT_REJECTED
    if not report.stems:
        return EXIT_UNREADABLE
    return EXIT_REJECTED if report.rejected or report.errors else EXIT_OK


def main(argv: list[str]) -> int:
    if argv[:1] == ["demo"]:
        return _demo(argv[1:])
    if argv[:1] == ["export"]:
        return _export(argv[1:])
    return _import(argv)
