"""Time the decision chain end to end for accounts of 50, 500 and 2,000 contacts.

For each size: write a synthetic account into an empty store (the embedded
FalkorDB, or with ``--store neo4j`` the Neo4j in ``NEO4J_URI``), then
time the subgraph read, the analysis (influence, strengths, coverage,
findings), three warm paths to the top decision maker, the map's HTML, and
(when Debian's chromium is installed) the browser drawing it.

    .venv/bin/python -m bench.chain_draw [--sizes 50 500 2000] [--runs 3] [--store falkordb|neo4j]
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from bench.stores import BenchServer, add_store_options, bench_server
from graph.analysis.decision_roles import decision_chain
from graph.analysis.strength import strength_lookup
from graph.analysis.warm_path import warm_paths
from graph.render.chain_map import chain_map_html
from graph.store import GraphStore
from ingest.synthetic import synthetic_account
from ui.map_text import map_text

TODAY = dt.date(2026, 11, 1)


def browser_draw_seconds(html: str, folder: Path) -> float | None:
    """Load the map in headless Chromium and wait for vis to finish drawing."""
    chromium = shutil.which("chromium")
    if chromium is None:
        return None
    from playwright.sync_api import sync_playwright

    page_file = folder / "map.html"
    page_file.write_text(html, encoding="utf-8")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium, args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
        )
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        started = time.perf_counter()
        page.goto(page_file.as_uri())
        page.wait_for_function("typeof network !== 'undefined' && network.body.data.nodes.length > 0")
        page.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
        elapsed = time.perf_counter() - started
        browser.close()
    return elapsed


def measure(store: GraphStore, size: int, folder: Path | None = None) -> dict[str, float]:
    """Write a synthetic account of ``size`` contacts into the empty ``store`` and time the chain's steps.

    With a ``folder``, the map is also drawn in headless Chromium (when installed) and timed.
    """
    store.unit_of_work(lambda uow: uow.write(synthetic_account(size)))
    figures: dict[str, float] = {}
    started = time.perf_counter()
    graph = store.subgraphs.company("co-syn")
    figures["read subgraph"] = time.perf_counter() - started
    started = time.perf_counter()
    report = decision_chain(graph, TODAY)
    figures["analyse"] = time.perf_counter() - started
    started = time.perf_counter()
    warm_paths(graph, report.decision_makers[0], TODAY, k=3)
    figures["3 warm paths"] = time.perf_counter() - started
    started = time.perf_counter()
    influence = {c.id: c.influence for c in report.contacts}
    html = chain_map_html(graph, influence, strength_lookup(report.strengths), map_text("en")).html
    figures["render html"] = time.perf_counter() - started
    figures["server total"] = sum(figures.values())
    drawn = browser_draw_seconds(html, folder) if folder is not None else None
    if drawn is not None:
        figures["browser draw"] = drawn
    return figures


def measure_runs(server: BenchServer, size: int, runs: int, folder: Path | None = None) -> dict[str, list[float]]:
    """``runs`` measurements of one size, each on an empty store: every figure's values."""
    measured = [measure(server.fresh(f"chain_{size}"), size, folder) for _ in range(runs)]
    return {name: [run[name] for run in measured] for name in measured[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 500, 2000])
    parser.add_argument("--runs", type=int, default=3)
    add_store_options(parser)
    args = parser.parse_args()
    with bench_server(args) as server, tempfile.TemporaryDirectory() as folder:
        print(f"store: {server.address}")
        print(f"{'contacts':>8} {'figure':16} {'median s':>9} {'min s':>7} {'max s':>7}")
        for size in args.sizes:
            for name, values in measure_runs(server, size, args.runs, Path(folder)).items():
                print(f"{size:>8} {name:16} {statistics.median(values):9.3f} {min(values):7.3f} {max(values):7.3f}")


if __name__ == "__main__":
    main()
