"""Time the decision chain end to end for accounts of 50, 500 and 2,000 contacts.

For each size: write a synthetic account into a fresh embedded store, then
time the subgraph read, the analysis (influence, strengths, coverage,
findings), three warm paths to the top decision maker, the map's HTML, and
(when Debian's chromium is installed) the browser drawing it.

    .venv/bin/python -m bench.chain [--sizes 50 500 2000] [--runs 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from graph.analysis.chain import decision_chain
from graph.analysis.strength import strength_lookup
from graph.analysis.warm_path import warm_paths
from graph.connect import open_store
from graph.embedded import ensure_server
from graph.render.chain_map import chain_map_html
from graph.settings import Settings
from ingest.synthetic import synthetic_account

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


def measure(size: int, folder: Path) -> dict[str, float]:
    data_dir = folder / f"store-{size}"
    server = ensure_server(data_dir)
    store = open_store(Settings(kagraph_data_dir=data_dir))
    store.write(synthetic_account(size))
    figures: dict[str, float] = {}
    started = time.perf_counter()
    graph = store.company_subgraph("co-syn")
    figures["read subgraph"] = time.perf_counter() - started
    started = time.perf_counter()
    report = decision_chain(graph, TODAY)
    figures["analyse"] = time.perf_counter() - started
    started = time.perf_counter()
    warm_paths(graph, report.decision_makers[0], TODAY, k=3)
    figures["3 warm paths"] = time.perf_counter() - started
    started = time.perf_counter()
    html = chain_map_html(graph, {c.id: c.influence for c in report.contacts}, strength_lookup(report.strengths))
    figures["render html"] = time.perf_counter() - started
    figures["server total"] = sum(figures.values())
    drawn = browser_draw_seconds(html, folder)
    if drawn is not None:
        figures["browser draw"] = drawn
    store.close()
    server.stop()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 500, 2000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"{'contacts':>8} {'figure':16} {'median s':>9} {'min s':>7} {'max s':>7}")
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as folder:
            runs = [measure(size, Path(folder)) for _ in range(args.runs)]
        for name in runs[0]:
            values = [run[name] for run in runs]
            print(f"{size:>8} {name:16} {statistics.median(values):9.3f} {min(values):7.3f} {max(values):7.3f}")


if __name__ == "__main__":
    main()
