"""Time the portfolio (every group on one line) for 1,000 and 10,000 generated groups.

Each group is a root with 0–8 branches (some a level deeper), three contacts
per company (one decision maker), about one install per company from us or
one of three rivals in one of four categories, and reps who know and touch a
third of the decision makers. For each size: write the groups into a fresh
embedded store, then time reading the server-side aggregates and rolling them
up (what ``python -m graph portfolio`` and the Portfolio page do), and the
list of groups every page's group picker reads.

    .venv/bin/python -m bench.portfolio [--sizes 1000 10000] [--runs 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import tempfile
import time
from pathlib import Path

from graph.analysis.chain import DECISION_ROLES
from graph.analysis.portfolio import portfolio
from graph.connect import open_store
from graph.embedded import ensure_server
from graph.model import Company, Competitor, Contact, Purchase, Record, Relationship, Rep, Touch
from graph.settings import Settings

TODAY = dt.date(2026, 11, 1)
CATEGORIES = ("security", "backup", "network", "crm")
RIVALS = ("rival-a", "rival-b", "rival-c")


def generated_groups(groups: int, seed: int = 11) -> list[Record]:
    """``groups`` customer groups with people, installs, relationships and touches."""
    rng = random.Random(seed)
    records: list[Record] = [Rep(id=f"rep-{i}", name=f"Rep {i}") for i in range(50)]
    records += [Competitor(id=rival, name=rival.title()) for rival in RIVALS]
    for g in range(groups):
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
    return records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        server = ensure_server(Path(folder))
        try:
            print(f"{'groups':>7} {'companies':>9} {'write s':>8} {'portfolio s (median)':>21} {'group list s':>13}")
            for size in args.sizes:
                store = open_store(Settings(kagraph_data_dir=server.data_dir, kagraph_graph=f"portfolio_{size}"))
                records = generated_groups(size)
                started = time.perf_counter()
                store.write(records)
                written = time.perf_counter() - started
                times, table = [], []
                for _ in range(args.runs):
                    started = time.perf_counter()
                    table = portfolio(**vars(store.portfolio_rows(DECISION_ROLES)), as_of=TODAY)
                    times.append(time.perf_counter() - started)
                started = time.perf_counter()
                store.groups()
                listed = time.perf_counter() - started
                companies = sum(row.companies for row in table)
                print(f"{size:>7} {companies:>9} {written:>8.1f} {statistics.median(times):>21.2f} {listed:>13.2f}")
                store.clear()
                store.close()
        finally:
            server.stop()


if __name__ == "__main__":
    main()
