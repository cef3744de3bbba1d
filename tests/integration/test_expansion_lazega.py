"""Expansion on a real organisation: Lazega's law firm as a customer group.

The Boston office is headquarters, Hartford and Providence are branches; the
71 lawyers are contacts (partners as decision makers), cowork ties are
``coworker`` influence (0.8 when both name each other, else 0.5) and advice
ties are ``advice`` influence at 0.5, from the adviser to the one asking. We
serve Hartford: one of our reps knows every Hartford lawyer and Hartford buys
from us. Through the real store, the best ways into Boston must then run
through Hartford lawyers who cowork with Boston partners.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from graph.analysis.expansion import group_expansion
from graph.analysis.warm_path import team_reach
from graph.domain.fields import Record
from graph.domain.model import Company, Contact, Influence, Purchase, Relationship, Rep
from graph.store import GraphStore

pytestmark = pytest.mark.integration
DATA = Path(__file__).resolve().parents[3] / "shared" / "reference-data" / "lazega-lawfirm"
OFFICES = {"1": "boston", "2": "hartford", "3": "providence"}
TODAY = dt.date(2026, 11, 1)


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA / name, newline="") as handle:
        return list(csv.DictReader(handle))


def lazega_group(serve_hartford: bool) -> tuple[list[Record], dict[str, dict[str, str]]]:
    if not DATA.is_dir():
        pytest.fail(f"reference data not found at {DATA}")
    lawyers = {row["id"]: row for row in _rows("lawyers.csv")}
    records: list[Record] = [
        Company(id="boston", name="Lazega & Partners Boston", kind="hq", employees=48),
        Company(id="hartford", name="Lazega & Partners Hartford", kind="branch", parent_id="boston", employees=19),
        Company(id="providence", name="Lazega & Partners Providence", kind="branch", parent_id="boston", employees=4),
    ]
    for lawyer_id, row in lawyers.items():
        partner = row["status"] == "1"
        records.append(
            Contact(
                id=f"law-{lawyer_id}",
                name=f"Lawyer {lawyer_id}",
                company_id=OFFICES[row["office"]],
                level=1 if partner else 2,
                buying_role="decision_maker" if partner else "user",
            )
        )
    cowork = {(row["from"], row["to"]) for row in _rows("cowork.csv")}
    for a, b in cowork:
        weight = 0.8 if (b, a) in cowork else 0.5
        records.append(Influence(from_id=f"law-{a}", to_id=f"law-{b}", kind="coworker", weight=weight))
    for row in _rows("advice.csv"):
        records.append(Influence(from_id=f"law-{row['to']}", to_id=f"law-{row['from']}", kind="advice", weight=0.5))
    records.append(Purchase(company_id="boston", product="DocSafe", category="document security", vendor="us"))
    if serve_hartford:
        records.append(Rep(id="rep-h", name="Hartford rep"))
        records.append(Purchase(company_id="hartford", product="CaseFlow", category="practice management", vendor="us"))
        records += [
            Relationship(rep_id="rep-h", contact_id=f"law-{i}", closeness=4, solution_acceptance=4, price_acceptance=3)
            for i, row in lawyers.items()
            if row["office"] == "2"
        ]
    return records, lawyers


def test_the_best_ways_into_boston_run_through_hartford_coworkers(store: GraphStore) -> None:
    records, lawyers = lazega_group(serve_hartford=True)
    store.unit_of_work(lambda uow: uow.write(records))
    graph = store.subgraphs.group("providence")
    result = group_expansion(graph, TODAY, catalogue=["practice management"])
    assert result.group == "boston"
    boston = next(t for t in result.targets if t.company_id == "boston")
    assert boston.product == "practice management" and boston.status == "untouched"
    assert boston.path is not None

    office = {f"law-{i}": row["office"] for i, row in lawyers.items()}
    partner = {f"law-{i}" for i, row in lawyers.items() if row["status"] == "1"}
    reach = team_reach(graph, TODAY)
    into_boston = sorted(
        (path for contact, path in reach.items() if office[contact] == "1" and contact in partner),
        key=lambda p: -p.score,
    )
    assert len(into_boston) >= 10
    for path in [boston.path, *into_boston[:10]]:
        rep, *middle, last = path.nodes
        assert rep == "rep-h"
        assert middle and all(office[c] == "2" for c in middle), path.sentence
        assert office[last] == "1" and last in partner, path.sentence
        assert path.edges[-1].kind == "coworker", path.sentence


def test_without_hartford_there_is_no_way_in(store: GraphStore) -> None:
    records, _ = lazega_group(serve_hartford=False)
    store.unit_of_work(lambda uow: uow.write(records))
    result = group_expansion(store.subgraphs.group("boston"), TODAY, catalogue=["practice management"])
    assert {t.company_id for t in result.targets} == {"boston", "hartford", "providence"}
    assert all(t.path is None for t in result.targets)
