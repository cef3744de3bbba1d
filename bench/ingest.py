"""Import throughput: the product's importer against a bare ``UNWIND … MERGE`` baseline.

Generates one company, N contacts (a reporting tree) and 2·N influence edges as
CSV files, then on the same server (the embedded FalkorDB, or with
``--store neo4j`` the Neo4j in ``NEO4J_URI``; see ``bench.stores``):

- *product*: ``import_paths`` (survey pass, validation, reference checks,
  change detection, batched upserts);
- *dry run*: the product's import with ``dry_run=True``: everything but the
  writes, the floor under the product's time;
- *baseline*: the same CSVs read with ``csv`` and sent as ``UNWIND $rows …
  MERGE`` batches of 2,000 with no checks at all, writing the same graph the
  product writes: the company, the contacts, their workplace, reporting lines
  and influence.

Prints rows/s for both, their ratio, the time of a re-import of the same
files, and the peak RSS of this process after the product's import (before
the baseline, which holds a whole file in memory), then how long the change
history takes to answer a contact's timeline and the newest 50 lines of the
company's (every contact works there) after the import.
``--format json`` converts the generated CSVs into one JSON file first and has
the product import that instead (the baseline still reads the CSVs).

    .venv/bin/python -m bench.ingest [--contacts 100000] [--format csv|json] [--store falkordb|neo4j]
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import statistics
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.stores import BenchServer, add_store_options, bench_server
from graph.analysis.history import TimelineItem
from graph.domain.errors import QueryFailed, StoreUnavailable
from graph.services.account_views import account_timeline, contact_timeline
from graph.store import GraphStore
from ingest.importer import import_paths
from ingest.synthetic import synthetic_csv

BATCH = 2000
BASELINE_COMPANY = "UNWIND $rows AS row MERGE (c:Company {id: row.id}) SET c += row"
BASELINE_NODES = "UNWIND $rows AS row MERGE (c:Contact {id: row.id}) SET c += row"
BASELINE_WORKS_IN = (
    "UNWIND $rows AS row MATCH (a:Contact {id: row.a}) MATCH (b:Company {id: row.b}) MERGE (a)-[:WORKS_IN]->(b)"
)
BASELINE_REPORTS = (
    "UNWIND $rows AS row MATCH (a:Contact {id: row.a}) MATCH (b:Contact {id: row.b}) MERGE (a)-[:REPORTS_TO]->(b)"
)
BASELINE_INFLUENCE = (
    "UNWIND $rows AS row MATCH (a:Contact {id: row.a}) MATCH (b:Contact {id: row.b}) "
    "MERGE (a)-[r:INFLUENCES {key: row.kind}]->(b) SET r.weight = row.weight"
)


def _batches(rows: Iterator[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def baseline(store: GraphStore, folder: Path) -> None:
    """The fastest honest load: parameterised UNWIND MERGE, no validation, no diffing."""
    store.ensure_schema()
    with open(folder / "companies.csv", encoding="utf-8", newline="") as handle:
        companies = [{"id": r["id"], "name": r["name"], "tier": int(r["tier"])} for r in csv.DictReader(handle)]
    store.runner.write(BASELINE_COMPANY, {"rows": companies})
    with open(folder / "contacts.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for batch in _batches(
        {"id": r["id"], "name": r["name"], "company_id": r["company_id"], "level": int(r["level"]), "phone": r["phone"]}
        for r in rows
    ):
        store.runner.write(BASELINE_NODES, {"rows": batch})
    for batch in _batches({"a": r["id"], "b": r["company_id"]} for r in rows):
        store.runner.write(BASELINE_WORKS_IN, {"rows": batch})
    for batch in _batches({"a": r["id"], "b": r["reports_to"]} for r in rows if r["reports_to"]):
        store.runner.write(BASELINE_REPORTS, {"rows": batch})
    with open(folder / "influence.csv", encoding="utf-8", newline="") as handle:
        edges = (
            {"a": r["from_id"], "b": r["to_id"], "kind": r["kind"], "weight": float(r["weight"])}
            for r in csv.DictReader(handle)
        )
        for batch in _batches(edges):
            store.runner.write(BASELINE_INFLUENCE, {"rows": batch})


def csv_to_json(folder: Path) -> Path:
    """Write the generated CSVs as one ``{"stem": [rows…]}`` JSON file, row by row, and move the CSVs aside."""
    target = folder / "import" / "data.json"
    target.parent.mkdir()
    with open(target, "w", encoding="utf-8") as out:
        out.write("{")
        for number, stem in enumerate(("companies", "contacts", "influence")):
            out.write(f'{"," if number else ""}"{stem}": [')
            with open(folder / f"{stem}.csv", encoding="utf-8", newline="") as handle:
                for index, row in enumerate(csv.DictReader(handle)):
                    out.write(("," if index else "") + json.dumps(row, ensure_ascii=False))
            out.write("]")
        out.write("}")
    return target


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@dataclass(frozen=True)
class Timelines:
    """How long the change history takes to answer after an import."""

    changes: int
    person_s: float
    person_lines: int
    account_s: float | None
    """``None`` when the company's timeline failed: see ``account_problem``."""
    account_lines: int
    account_problem: str = ""

    def account(self) -> str:
        """The company's timeline as a figure: its time, or why it has none."""
        if self.account_s is None:
            return f"failed: {self.account_problem}"
        return f"{self.account_s:.2f} s"


@dataclass(frozen=True)
class ImportFigures:
    rows: int
    product_s: float
    created: int
    rejected: int
    checks_s: float
    base_s: float
    rerun_s: float
    rerun_created: int
    rerun_updated: int
    product_peak_mb: float
    timelines: Timelines | None

    @property
    def ratio(self) -> float:
        """Product throughput over the baseline's (the goal is 0.8 or more)."""
        return self.base_s / self.product_s

    @property
    def ceiling(self) -> float:
        """The ratio the product could not pass even with writes as cheap as the whole baseline."""
        return self.base_s / (self.checks_s + self.base_s)


def timelines(store: GraphStore, runs: int = 1) -> Timelines:
    """Time a contact's timeline and the newest 50 lines of the company's (``co-bench``, every contact in it).

    With ``runs`` above one, each is read that many times and the median
    kept. A company timeline the server fails to answer (a query time limit,
    a dropped connection) is reported as such, once.
    """
    person_times, account_times = [], []
    person: list[TimelineItem] = []
    account: list[TimelineItem] = []
    for _ in range(runs):
        started = time.perf_counter()
        person = contact_timeline(store, "p1")
        person_times.append(time.perf_counter() - started)
    problem = ""
    for _ in range(runs):
        started = time.perf_counter()
        try:
            account = account_timeline(store, "co-bench", limit=50)
        except (QueryFailed, StoreUnavailable) as error:
            problem = f"{error} (after {time.perf_counter() - started:.0f} s)"
            break
        account_times.append(time.perf_counter() - started)
    return Timelines(
        changes=store.accounts.counts().get("Change", 0),
        person_s=statistics.median(person_times),
        person_lines=len(person),
        account_s=None if problem else statistics.median(account_times),
        account_lines=len(account),
        account_problem=problem,
    )


def measure_import(
    server: BenchServer, contacts: int, folder: Path, fmt: str = "csv", with_timelines: bool = True
) -> ImportFigures:
    """Dry run, product import, re-import and timelines into one empty store, then the baseline into another.

    The baseline comes last so that, on Neo4j's one database, emptying the
    store for it does not take the product's graph away before its re-import.
    """
    rows = synthetic_csv(folder, contacts)
    source = csv_to_json(folder) if fmt == "json" else folder
    product_store = server.fresh("product")
    started = time.perf_counter()
    import_paths(product_store, [source], dry_run=True)
    checks = time.perf_counter() - started
    started = time.perf_counter()
    report = import_paths(product_store, [source])
    product = time.perf_counter() - started
    product_peak_mb = peak_rss_mb()
    started = time.perf_counter()
    again = import_paths(product_store, [source])
    rerun = time.perf_counter() - started
    history = timelines(product_store) if with_timelines else None
    base_store = server.fresh("baseline")
    started = time.perf_counter()
    baseline(base_store, folder)
    base = time.perf_counter() - started
    return ImportFigures(
        rows=rows,
        product_s=product,
        created=report.created,
        rejected=report.rejected,
        checks_s=checks,
        base_s=base,
        rerun_s=rerun,
        rerun_created=again.created,
        rerun_updated=again.updated,
        product_peak_mb=product_peak_mb,
        timelines=history,
    )


def measure_timelines(server: BenchServer, contacts: int, folder: Path, runs: int = 1) -> tuple[float, Timelines]:
    """Import ``contacts`` people into an empty store (history recorded) and time the timelines: (import s, them)."""
    synthetic_csv(folder, contacts)
    store = server.fresh("timeline")
    started = time.perf_counter()
    import_paths(store, [folder])
    imported = time.perf_counter() - started
    return imported, timelines(store, runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--contacts", type=int, default=100_000)
    parser.add_argument("--format", choices=("csv", "json"), default="csv", help="what the product imports")
    add_store_options(parser)
    args = parser.parse_args()
    with bench_server(args) as server, tempfile.TemporaryDirectory() as scratch:
        figures = measure_import(server, args.contacts, Path(scratch), args.format)
    rows, history = figures.rows, figures.timelines
    print(f"store: {server.address}")
    print(f"rows: {rows:,} ({args.contacts:,} contacts, ~{2 * args.contacts:,} influence edges) from {args.format}")
    print(
        f"product : {figures.product_s:8.1f} s  {rows / figures.product_s:10,.0f} rows/s  "
        f"({figures.created:,} created, {figures.rejected} rejected)"
    )
    print(f"baseline: {figures.base_s:8.1f} s  {rows / figures.base_s:10,.0f} rows/s")
    print(f"ratio product/baseline throughput: {figures.ratio:.2f}")
    print(
        f"dry run (read, validate, check references; no writes): {figures.checks_s:.1f} s; with writes as cheap as "
        f"the whole baseline on top, the ratio could not pass {figures.ceiling:.2f}"
    )
    print(
        f"re-import, nothing changed: {figures.rerun_s:.1f} s "
        f"({figures.rerun_created} created, {figures.rerun_updated} updated)"
    )
    print(
        f"peak RSS of this process after the product's import: {figures.product_peak_mb:,.0f} MB; "
        f"after everything: {peak_rss_mb():,.0f} MB"
    )
    if history is not None:
        print(
            f"history: {history.changes:,} changes recorded; a contact's timeline {history.person_s:.2f} s "
            f"({history.person_lines} lines), the company's newest 50: {history.account()} "
            f"({history.account_lines} lines)"
        )


if __name__ == "__main__":
    main()
