"""Time the portfolio (every group on one line) for 1,000 and 10,000 generated groups.

Each group is a root with 0–8 branches (some a level deeper), three contacts
per company (one decision maker), about one install per company from us or
one of three rivals in one of four categories, and reps who know and touch a
third of the decision makers. For each size: write the groups (500 per write)
into an empty store (the embedded FalkorDB, or with ``--store neo4j`` the
Neo4j in ``NEO4J_URI``), then time reading the server-side aggregates and
rolling them up (what ``python -m graph portfolio`` and the Portfolio page
do), the list of groups every page's group picker reads, and what a signed-in
rep's pages work out first on a team deployment: today's claims report and
the group roots (shared by every viewer), the accounts their team of five sees
in full (worked accounts and live claims), and their group list.

    .venv/bin/python -m bench.portfolio_scale [--sizes 1000 10000] [--runs 3] [--store falkordb|neo4j]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import time
from collections.abc import Iterator
from dataclasses import dataclass

from bench.stores import BenchServer, add_store_options, bench_server
from graph.analysis.claim_book import claims_report
from graph.analysis.decision_roles import DECISION_ROLES
from graph.analysis.portfolio_rows import portfolio
from graph.domain.access import Role, Viewer
from graph.domain.claim_policy import ClaimPolicy
from graph.domain.fields import Record
from graph.domain.model import Company, Competitor, Contact, Purchase, Relationship, Rep, Touch
from graph.services.visible_store import VisibleStore, viewer_full_view

TODAY = dt.date(2026, 11, 1)
CATEGORIES = ("security", "backup", "network", "crm")
RIVALS = ("rival-a", "rival-b", "rival-c")
CHUNK_GROUPS = 500


def generated_groups(groups: int, seed: int = 11, per_chunk: int = CHUNK_GROUPS) -> Iterator[list[Record]]:
    """``groups`` customer groups with people, installs, relationships and touches, ``per_chunk`` groups a list.

    The first list also holds the reps and rivals the others refer to. Each
    list is meant for one ``UnitOfWork.write``: one unit of work (one transaction
    on Neo4j, whose memory per transaction is capped), so 10,000 groups are
    written 500 at a time.
    """
    rng = random.Random(seed)
    records: list[Record] = [Rep(id=f"rep-{i}", name=f"Rep {i}") for i in range(50)]
    records += [Competitor(id=rival, name=rival.title()) for rival in RIVALS]
    for g in range(groups):
        if g and g % per_chunk == 0:
            yield records
            records = []
        root = f"g{g}"
        companies: list[tuple[str, str | None]] = [(root, None)]
        for b in range(rng.randint(0, 8)):
            companies.append((f"{root}-b{b}", rng.choice(companies)[0] if b > 2 else root))
        for company, parent in companies:
            records.append(
                Company(
                    id=company,
                    name=f"Group {g} {company}",
                    kind="hq" if parent is None else "branch",
                    parent_id=parent,
                    tier=rng.choice((1, 2, 3)),
                    employees=rng.randint(100, 20000),
                )
            )
            for p in range(3):
                person = f"{company}-p{p}"
                records.append(
                    Contact(
                        id=person,
                        name=f"Person {person}",
                        company_id=company,
                        level=p + 1,
                        buying_role="decision_maker" if p == 0 else "user",
                    )
                )
                if p == 0 and rng.random() < 0.33:
                    rep = f"rep-{rng.randrange(50)}"
                    records.append(
                        Relationship(
                            rep_id=rep, contact_id=person, closeness=3, solution_acceptance=3, price_acceptance=3
                        )
                    )
                    records.append(
                        Touch(date=TODAY - dt.timedelta(days=rng.randint(0, 400)), rep_id=rep, contact_id=person)
                    )
            if rng.random() < 0.9:
                category = rng.choice(CATEGORIES)
                records.append(
                    Purchase(
                        company_id=company,
                        product=f"{category} suite",
                        category=category,
                        vendor="us" if rng.random() < 0.4 else rng.choice(RIVALS),
                        since=TODAY - dt.timedelta(days=rng.randint(0, 1000)),
                        amount=float(rng.randint(50, 2000) * 1000),
                    )
                )
    yield records


@dataclass(frozen=True)
class PortfolioFigures:
    groups: int
    companies: int
    write_s: float
    portfolio_s: list[float]
    group_list_s: float
    claims_today_s: float
    """Today's claims report and every company's root: read once per 30 s, shared by every signed-in viewer."""
    full_view_s: float
    """A rep's (team of five) full view from those: their team's worked accounts and live claims."""
    rep_groups_s: float
    """That rep's group list (the groups with an own account), once the full view is known."""
    rep_groups: int


def measure(server: BenchServer, groups: int, runs: int) -> PortfolioFigures:
    """Write ``groups`` generated groups into an empty store, then time the portfolio ``runs`` times and the list."""
    store = server.fresh(f"portfolio_{groups}")
    started = time.perf_counter()
    for chunk in generated_groups(groups):
        store.unit_of_work(lambda uow: uow.write(chunk))  # noqa: B023 - run at once
    written = time.perf_counter() - started
    times, table = [], []
    for _ in range(runs):
        started = time.perf_counter()
        table = portfolio(**vars(store.portfolio.rows(DECISION_ROLES)), as_of=TODAY)
        times.append(time.perf_counter() - started)
    started = time.perf_counter()
    store.accounts.groups()
    listed = time.perf_counter() - started
    rep = Viewer(who="rep-0", role=Role.REP, rep_id="rep-0", team_reps=frozenset(f"rep-{i}" for i in range(5)))
    started = time.perf_counter()
    report, roots = claims_report(store.subgraphs.claims(), TODAY), store.accounts.company_roots()
    shared = time.perf_counter() - started
    started = time.perf_counter()
    full = viewer_full_view(store, rep, report, roots, ClaimPolicy())
    viewed = time.perf_counter() - started
    started = time.perf_counter()
    shown = VisibleStore(store, rep, full).groups()
    rep_listed = time.perf_counter() - started
    companies = sum(row.companies for row in table)
    return PortfolioFigures(groups, companies, written, times, listed, shared, viewed, rep_listed, len(shown))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    add_store_options(parser)
    args = parser.parse_args()
    with bench_server(args) as server:
        print(f"store: {server.address}")
        print(
            f"{'groups':>7} {'companies':>9} {'write s':>8} {'portfolio s (median)':>21} {'group list s':>13} "
            f"{'claims today s':>15} {'rep full view s':>16} {'rep group list s':>17} {'rep groups':>11}"
        )
        for size in args.sizes:
            f = measure(server, size, args.runs)
            print(
                f"{size:>7} {f.companies:>9} {f.write_s:>8.1f} {statistics.median(f.portfolio_s):>21.2f} "
                f"{f.group_list_s:>13.2f} {f.claims_today_s:>15.2f} {f.full_view_s:>16.2f} {f.rep_groups_s:>17.2f} "
                f"{f.rep_groups:>11}"
            )


if __name__ == "__main__":
    main()
