"""Measure what a user waits for on first start: the embedded server and the demo load.

Prints, for a fresh data directory: server start-up (process start to first
answered query), demo generation, demo write into an empty store, a repeated
(idempotent) write, a restart on the same directory with the data on disk,
and the read of the largest group's subgraph.

    .venv/bin/python -m bench.startup [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from graph.config.settings import Settings
from graph.servers.connect import open_store
from graph.servers.embedded import ensure_server
from ingest.demo import demo_records
from ingest.demo_ids import CHINESE_GROUP_ID


def timed(action: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


def one_run() -> dict[str, float]:
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder)
        figures["server start (s)"], server = timed(lambda: ensure_server(data_dir))
        store = open_store(Settings(kagraph_data_dir=data_dir))
        figures["demo generate (s)"], records = timed(demo_records)
        figures["demo write, empty store (s)"], _ = timed(lambda: store.unit_of_work(lambda uow: uow.write(records)))
        figures["demo write again, no change (s)"], _ = timed(
            lambda: store.unit_of_work(lambda uow: uow.write(records))
        )
        store.close()
        server.stop()
        figures["restart with data (s)"], server = timed(lambda: ensure_server(data_dir))
        store = open_store(Settings(kagraph_data_dir=data_dir))
        figures["group subgraph read (s)"], _ = timed(lambda: store.subgraphs.group(CHINESE_GROUP_ID))
        figures["records"] = float(len(records))
        store.close()
        server.stop()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    runs = [one_run() for _ in range(parser.parse_args().runs)]
    print(f"{'figure':36} {'median':>9} {'min':>9} {'max':>9}")
    for name in runs[0]:
        values = [run[name] for run in runs]
        print(f"{name:36} {statistics.median(values):9.3f} {min(values):9.3f} {max(values):9.3f}")


if __name__ == "__main__":
    main()
