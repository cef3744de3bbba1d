"""Import throughput: the product's importer against a bare ``UNWIND … MERGE`` baseline.

Generates one company, N contacts (a reporting tree) and 2·N influence edges as
CSV files, then on the same embedded server:

- *product*: ``import_paths`` (survey pass, validation, reference checks,
  change detection, batched upserts);
- *dry run*: the product's import with ``dry_run=True``: everything but the
  writes, the floor under the product's time;
- *baseline*: the same CSVs read with ``csv`` and sent as ``UNWIND $rows …
  MERGE`` batches of 2,000 with no checks at all, writing the same graph the
  product writes: the company, the contacts, their workplace, reporting lines
  and influence.

Prints rows/s for both, their ratio, and the peak RSS of this process after
the product's import (before the baseline, which holds a whole file in memory),
then how long the change history takes to answer a contact's and the
company's timeline after the import.
``--format json`` converts the generated CSVs into one JSON file first and has
the product import that instead (the baseline still reads the CSVs).

    .venv/bin/python -m bench.ingest [--contacts 100000] [--format csv|json]
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from graph.connect import open_store
from graph.embedded import ensure_server
from graph.service import account_timeline, contact_timeline
from graph.settings import Settings
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--contacts", type=int, default=100_000)
    parser.add_argument("--format", choices=("csv", "json"), default="csv", help="what the product imports")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        rows = synthetic_csv(folder, args.contacts)
        source = csv_to_json(folder) if args.format == "json" else folder
        server = ensure_server(folder / "store")
        product_store = open_store(Settings(kagraph_data_dir=folder / "store", kagraph_graph="product"))
        started = time.perf_counter()
        import_paths(product_store, [source], dry_run=True)
        checks = time.perf_counter() - started
        started = time.perf_counter()
        report = import_paths(product_store, [source])
        product = time.perf_counter() - started
        product_peak_mb = peak_rss_mb()
        base_store = open_store(Settings(kagraph_data_dir=folder / "store", kagraph_graph="baseline"))
        started = time.perf_counter()
        baseline(base_store, folder)
        base = time.perf_counter() - started
        started = time.perf_counter()
        again = import_paths(product_store, [source])
        rerun = time.perf_counter() - started
        started = time.perf_counter()
        person = contact_timeline(product_store, "p1")
        person_seconds = time.perf_counter() - started
        started = time.perf_counter()
        account = account_timeline(product_store, "co-bench", limit=50)
        account_seconds = time.perf_counter() - started
        changes = product_store.counts().get("Change", 0)
        server.stop()
    print(f"rows: {rows:,} ({args.contacts:,} contacts, ~{2 * args.contacts:,} influence edges) from {args.format}")
    print(
        f"product : {product:8.1f} s  {rows / product:10,.0f} rows/s  ({report.created:,} created, "
        f"{report.rejected} rejected)"
    )
    print(f"baseline: {base:8.1f} s  {rows / base:10,.0f} rows/s")
    print(f"ratio product/baseline throughput: {base / product:.2f}")
    print(
        f"dry run (read, validate, check references; no writes): {checks:.1f} s; with writes as cheap as "
        f"the whole baseline on top, the ratio could not pass {base / (checks + base):.2f}"
    )
    print(f"re-import, nothing changed: {rerun:.1f} s ({again.created} created, {again.updated} updated)")
    print(f"peak RSS after the product's import: {product_peak_mb:,.0f} MB; after everything: {peak_rss_mb():,.0f} MB")
    print(
        f"history: {changes:,} changes recorded; a contact's timeline {person_seconds:.2f} s ({len(person)} lines), "
        f"the company's newest 50 {account_seconds:.2f} s ({len(account)} lines)"
    )


if __name__ == "__main__":
    main()
