"""Influence ranking on a real organisation: Krackhardt's 21 high-tech managers.

Advice ("from asks to for advice") becomes an INFLUENCES edge to → from, and the
reporting lines are used as given, with no buying roles. The CEO (7) and the
vice-presidents (2, 14, 18, 21) should lead: they sit at the top of the
hierarchy (authority flows up the 20 reporting lines into them) and their
managers and peers go to them for advice, so both halves of the score agree.
"""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx
import pytest

from graph.analysis.influence import influence_scores

DATA = Path(__file__).resolve().parents[3] / "shared" / "reference-data" / "krackhardt-hightech"


def krackhardt() -> nx.MultiDiGraph[str]:
    if not DATA.is_dir():
        pytest.skip(f"reference data not found at {DATA}")
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    with open(DATA / "managers.csv", newline="") as handle:
        for row in csv.DictReader(handle):
            graph.add_node(
                f"Contact:{row['id']}",
                label="Contact",
                id=row["id"],
                name=f"M{row['id']}",
                level=int(row["level"]),
                company_id="hightech",
            )
    with open(DATA / "reports_to.csv", newline="") as handle:
        for row in csv.DictReader(handle):
            graph.add_edge(f"Contact:{row['from']}", f"Contact:{row['to']}", key="REPORTS_TO:", type="REPORTS_TO")
    with open(DATA / "advice.csv", newline="") as handle:
        for row in csv.DictReader(handle):
            graph.add_edge(
                f"Contact:{row['to']}",
                f"Contact:{row['from']}",
                key="INFLUENCES:advice",
                type="INFLUENCES",
                kind="advice",
                weight=0.5,
            )
    return graph


def test_ceo_and_vice_presidents_lead_the_ranking() -> None:
    top_five = influence_scores(krackhardt()).ranking[:5]
    assert top_five[0] == "7"
    assert len({"2", "14", "18", "21"} & set(top_five)) >= 3


def test_without_reporting_lines_advice_alone_still_finds_the_top() -> None:
    """The advice network alone is weaker evidence, but the CEO stays in the top five."""
    graph = krackhardt()
    graph.remove_edges_from(
        [(s, t, k) for s, t, k, d in graph.edges(keys=True, data=True) if d["type"] == "REPORTS_TO"]
    )
    assert "7" in influence_scores(graph).ranking[:5]
