"""The headline figures on both servers in one run, printed as a Markdown table: FalkorDB | Neo4j.

FalkorDB is an embedded server in a scratch folder. Neo4j is the server in
``NEO4J_URI`` / ``NEO4J_USER`` / ``NEO4J_PASSWORD`` when ``NEO4J_URI`` is set
(a database holding data is refused unless ``--wipe``: the bench empties it),
otherwise a local Neo4j that kagraph starts itself in a temporary data folder
(``graph.servers.neo4j_local.ensure_local_neo4j``; Java 17 and, the first time, Maven)
and stops at the end. Each figure runs on FalkorDB, then on Neo4j, every case
on an empty store:

- ``chain``: decision chain of ``--chain-contacts`` contacts: subgraph read,
  analysis, 3 warm paths and the map's HTML (median of ``--runs``; goal < 1 s);
- ``portfolio``: ``--portfolio-groups`` generated groups written 500 at a
  time, then the portfolio (median of ``--runs``; goal < 5 s);
- ``import``: the product's import of ``--import-contacts`` contacts (plus
  twice as many influence rows) against a bare ``UNWIND … MERGE`` of the same
  files on the same server (goal: ratio ≥ 0.8), its dry run, and a re-import;
- ``timeline``: ``--timeline-contacts`` contacts imported with their history,
  then the newest 50 lines of that company's timeline (median of ``--runs``).

On FalkorDB a query running over ``--query-timeout`` seconds (120) fails, and
its cell says so instead of the run waiting on it. Progress goes to stderr,
the table to stdout. The defaults took 11–12 minutes on a 2-core machine,
most of it the Neo4j side of ``portfolio`` and ``timeline``.

    .venv/bin/python -m bench.both [--figures chain portfolio import timeline] [--runs 3]
        [--chain-contacts 500] [--portfolio-groups 10000] [--import-contacts 20000] [--timeline-contacts 100000]
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import TypeVar

from bench import chain_draw, ingest, portfolio_scale
from bench.stores import QUERY_TIMEOUT_S, BenchServer, falkordb_server, neo4j_from_environment, neo4j_server
from graph.config.settings import Settings
from graph.domain.errors import QueryFailed, StoreUnavailable
from graph.servers.neo4j_local import ensure_local_neo4j, stop_local_neo4j

FIGURES = ("chain", "portfolio", "import", "timeline")
CHAIN_GOAL_S = 1.0
PORTFOLIO_GOAL_S = 5.0
RATIO_GOAL = 0.8

_T = TypeVar("_T")
Row = tuple[str, list[str]]
"""One line of the table: what was measured, then one cell per server."""


def say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def verdict(met: bool) -> str:
    return "met" if met else "not met"


def seconds(value: float) -> str:
    return f"{value:.2f} s" if value < 10 else f"{value:.1f} s"


@contextlib.contextmanager
def neo4j(wipe: bool) -> Iterator[BenchServer]:
    """The Neo4j in ``NEO4J_*`` when ``NEO4J_URI`` is set, else a local one in a temporary folder, stopped after."""
    if os.environ.get("NEO4J_URI"):
        server = neo4j_server(neo4j_from_environment(), wipe=wipe)
        try:
            yield server
        finally:
            server.close()
        return
    with tempfile.TemporaryDirectory(prefix="kagraph-bench-neo4j-") as folder:
        data_dir = Path(folder)
        try:
            say("starting a local Neo4j (a JVM: tens of seconds)")
            local = ensure_local_neo4j(data_dir, idle_s=600)
            settings = Settings(neo4j_uri=local.uri, neo4j_user=local.user, neo4j_password=local.password)
            server = neo4j_server(settings)
            try:
                yield server
            finally:
                server.close()
        finally:
            stop_local_neo4j(data_dir)


def neo4j_version(server: BenchServer) -> str:
    rows = server.fresh("version").runner.read(
        "CALL dbms.components() YIELD name, versions, edition RETURN name, versions[0] AS version, edition"
    )
    return " ".join(f"{r['name']} {r['version']} {r['edition']}" for r in rows)


def attempt(server: BenchServer, what: str, measure: Callable[[], _T]) -> _T | str:
    """``measure()``, or why the server could not answer it (a query over the time limit, a write refused)."""
    say(f"{server.name}: {what}")
    try:
        return measure()
    except (QueryFailed, StoreUnavailable) as error:
        say(f"{server.name}: {what} failed: {error}")
        return f"failed: {error}"


def cells(results: list[_T | str], cell: Callable[[_T], str], first: bool = True) -> list[str]:
    """One cell per server: ``cell(result)``, or the failure (in a figure's first row; a dash in the others)."""
    return [
        result if isinstance(result, str) and first else "–" if isinstance(result, str) else cell(result)
        for result in results
    ]


def _chain_totals(server: BenchServer, contacts: int, runs: int) -> list[float]:
    return chain_draw.measure_runs(server, contacts, runs)["server total"]


def chain_rows(servers: list[BenchServer], contacts: int, runs: int) -> list[Row]:
    totals = [
        attempt(
            server,
            f"decision chain of {contacts:,} contacts, {runs} runs",
            partial(_chain_totals, server, contacts, runs),
        )
        for server in servers
    ]

    def cell(t: list[float]) -> str:
        median = statistics.median(t)
        return f"{seconds(median)} ({verdict(median < CHAIN_GOAL_S)}; runs {seconds(min(t))}–{seconds(max(t))})"

    label = f"decision chain, {contacts:,} contacts: read + analyse + 3 paths + map HTML, median of {runs} (goal < 1 s)"
    return [(label, cells(totals, cell))]


def portfolio_rows(servers: list[BenchServer], groups: int, runs: int) -> list[Row]:
    figures = [
        attempt(
            server,
            f"portfolio of {groups:,} groups (writing them first, 500 per write)",
            partial(portfolio_scale.measure, server, groups, runs),
        )
        for server in servers
    ]
    companies = next((f"{f.companies:,}" for f in figures if not isinstance(f, str)), "?")

    def read(f: portfolio_scale.PortfolioFigures) -> str:
        median = statistics.median(f.portfolio_s)
        return f"{seconds(median)} ({verdict(median < PORTFOLIO_GOAL_S)})"

    return [
        (f"portfolio, {groups:,} groups ({companies} companies), median of {runs} (goal < 5 s)", cells(figures, read)),
        (
            f"list of groups for the pickers, {groups:,} groups",
            cells(figures, lambda f: seconds(f.group_list_s), first=False),
        ),
        (
            f"today's claims report and group roots, shared by every signed-in viewer, {groups:,} groups",
            cells(figures, lambda f: seconds(f.claims_today_s), first=False),
        ),
        (
            f"a signed-in rep's full view from them (team of 5: worked accounts, live claims), {groups:,} groups",
            cells(figures, lambda f: seconds(f.full_view_s), first=False),
        ),
        (
            f"that rep's list of groups, {groups:,} groups",
            cells(figures, lambda f: f"{seconds(f.rep_groups_s)} ({f.rep_groups:,} groups)", first=False),
        ),
        (
            f"writing the {groups:,} groups, 500 groups per write (no history)",
            cells(figures, lambda f: seconds(f.write_s), first=False),
        ),
    ]


def _import(server: BenchServer, contacts: int) -> ingest.ImportFigures:
    with tempfile.TemporaryDirectory(prefix="kagraph-bench-import-") as folder:
        return ingest.measure_import(server, contacts, Path(folder), with_timelines=False)


def import_rows(servers: list[BenchServer], contacts: int) -> list[Row]:
    figures = [
        attempt(
            server,
            f"import of {contacts:,} contacts: dry run, product, re-import, then the bare baseline",
            partial(_import, server, contacts),
        )
        for server in servers
    ]
    what = f"{contacts:,} contacts + {2 * contacts:,} influence rows"
    return [
        (
            f"import of {what}, first load, history recorded (product)",
            cells(figures, lambda f: f"{seconds(f.product_s)}, {f.rows / f.product_s:,.0f} rows/s"),
        ),
        (
            "bare `UNWIND … MERGE` of the same files, same server",
            cells(figures, lambda f: f"{seconds(f.base_s)}, {f.rows / f.base_s:,.0f} rows/s", first=False),
        ),
        (
            "import ratio, product / bare throughput (goal ≥ 0.8)",
            cells(figures, lambda f: f"{f.ratio:.2f} ({verdict(f.ratio >= RATIO_GOAL)})", first=False),
        ),
        (
            "dry run of the import (read, validate, check; no writes), and the ratio it leaves possible",
            cells(figures, lambda f: f"{seconds(f.checks_s)}; ceiling {f.ceiling:.2f}", first=False),
        ),
        (
            "re-import of the same files (nothing changed)",
            cells(
                figures,
                lambda f: f"{seconds(f.rerun_s)} ({f.rerun_created} created, {f.rerun_updated} updated)",
                first=False,
            ),
        ),
    ]


def _timelines(server: BenchServer, contacts: int, runs: int) -> tuple[float, ingest.Timelines]:
    with tempfile.TemporaryDirectory(prefix="kagraph-bench-timeline-") as folder:
        return ingest.measure_timelines(server, contacts, Path(folder), runs)


def timeline_rows(servers: list[BenchServer], contacts: int, runs: int) -> list[Row]:
    figures = [
        attempt(
            server,
            f"import of {contacts:,} contacts with history, then timelines",
            partial(_timelines, server, contacts, runs),
        )
        for server in servers
    ]
    return [
        (
            f"import of {contacts:,} contacts + {2 * contacts:,} influence rows (one company), history recorded",
            cells(figures, lambda f: f"{seconds(f[0])} ({f[1].changes:,} changes recorded)"),
        ),
        (
            f"newest 50 lines of the {contacts:,}-person company's timeline, median of {runs}",
            cells(figures, lambda f: f[1].account(), first=False),
        ),
        (f"a contact's timeline, median of {runs}", cells(figures, lambda f: seconds(f[1].person_s), first=False)),
    ]


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell: one line, pipes escaped."""
    return " ".join(text.split()).replace("|", "\\|")


def table(names: list[str], rows: list[Row]) -> str:
    lines = [f"| figure | {' | '.join(names)} |", f"|---|{'---|' * len(names)}"]
    lines += [f"| {label} | {' | '.join(_cell(c) for c in cells)} |" for label, cells in rows]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--figures", nargs="+", choices=FIGURES, default=list(FIGURES))
    parser.add_argument("--runs", type=int, default=3, help="repetitions of the chain, portfolio and timeline reads")
    parser.add_argument("--chain-contacts", type=int, default=500)
    parser.add_argument("--portfolio-groups", type=int, default=10_000)
    parser.add_argument("--import-contacts", type=int, default=20_000)
    parser.add_argument("--timeline-contacts", type=int, default=100_000)
    parser.add_argument(
        "--query-timeout",
        type=float,
        default=QUERY_TIMEOUT_S,
        help=f"seconds FalkorDB lets one query run before failing it (default {QUERY_TIMEOUT_S:.0f}; 0: no limit)",
    )
    parser.add_argument("--wipe", action="store_true", help="let the bench empty a NEO4J_URI database holding data")
    args = parser.parse_args()
    figures: dict[str, Callable[[list[BenchServer]], list[Row]]] = {
        "chain": lambda s: chain_rows(s, args.chain_contacts, args.runs),
        "portfolio": lambda s: portfolio_rows(s, args.portfolio_groups, args.runs),
        "import": lambda s: import_rows(s, args.import_contacts),
        "timeline": lambda s: timeline_rows(s, args.timeline_contacts, args.runs),
    }
    started = time.perf_counter()
    load_before = os.getloadavg()[1]
    rows: list[Row] = []
    with (
        tempfile.TemporaryDirectory(prefix="kagraph-bench-falkordb-") as folder,
        contextlib.closing(falkordb_server(Path(folder), args.query_timeout)) as falkor,
        neo4j(args.wipe) as neo,
    ):
        servers = [falkor, neo]
        version = neo4j_version(neo)
        say(f"FalkorDB: {falkor.address}; Neo4j: {neo.address} ({version})")
        for name in FIGURES:
            if name in args.figures:
                figure_started = time.perf_counter()
                rows += figures[name](servers)
                say(f"{name} done in {time.perf_counter() - figure_started:.0f} s")
    elapsed = time.perf_counter() - started
    print(
        f"Measured {dt.date.today().isoformat()} on {platform.node()} ({os.cpu_count()} CPUs), "
        f"{elapsed / 60:.0f} min in all (5-minute load average {load_before:.1f} at the start, "
        f"{os.getloadavg()[1]:.1f} at the end); Neo4j: {version}\n"
    )
    print(table(["FalkorDB", "Neo4j"], rows))


if __name__ == "__main__":
    main()
