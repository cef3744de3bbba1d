"""``python -m ingest``: load data into the store from the command line."""

from __future__ import annotations

import argparse
import time

from graph.cli_support import print_json
from graph.connect import open_store
from ingest.load_demo import load_demo

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m ingest", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    demo = commands.add_parser("demo", help="write the deterministic demo data set")
    demo.add_argument("--reset", action="store_true", help="empty the store first (deletes everything in it)")
    demo.add_argument("--if-empty", action="store_true", help="only when the store holds nothing yet")
    demo.add_argument("--json", action="store_true", help="JSON report (the default; kept for scripts)")
    return parser


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    store = open_store()
    try:
        if args.if_empty and not store.is_empty():
            print_json({"loaded": False, "reason": "the store already holds data"})
            return 0
        started = time.perf_counter()
        report = load_demo(store, reset=args.reset)
        print_json(
            {
                "loaded": True,
                "created": report.created,
                "updated": report.updated,
                "seconds": round(time.perf_counter() - started, 2),
                **report.model_dump(),
            }
        )
    finally:
        store.close()
    return 0
