"""``python -m graph``: the store and its analyses from the command line, as JSON."""

from __future__ import annotations

import argparse

from graph.cli_support import print_json
from graph.connect import open_store
from graph.store.subgraph import subgraph_json

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m graph", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    status = commands.add_parser("status", help="which store is in use, and node counts")
    status.add_argument("--json", action="store_true", help="JSON output (the default; kept for scripts)")
    groups = commands.add_parser("groups", help="top-level companies (groups and stand-alone companies)")
    groups.add_argument("--json", action="store_true")
    subgraph = commands.add_parser("subgraph", help="a company's or its whole group's graph")
    subgraph.add_argument("--company", required=True, help="company id")
    subgraph.add_argument("--group", action="store_true", help="the whole group the company belongs to")
    subgraph.add_argument("--json", action="store_true")
    return parser


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    store = open_store()
    try:
        if args.command == "status":
            print_json({"store": store.kind, "address": store.address, "counts": store.counts()})
        elif args.command == "groups":
            print_json(store.groups())
        elif args.command == "subgraph":
            graph = store.group_subgraph(args.company) if args.group else store.company_subgraph(args.company)
            print_json(subgraph_json(graph))
    finally:
        store.close()
    return 0
