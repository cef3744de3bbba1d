"""The same data gives the same answer whatever order the server sends its rows in (issue 27, item 1).

FalkorDB and Neo4j return rows in orders of their own; where two candidates
score the same, an answer that kept the first one met named "Lawyer 35" on
one server and "Lawyer 58" on the other. Here every command of
``python -m graph`` that reads the store answers twice over the same graph:
once over the store as it is, once over the same store with every read's rows
reversed or shuffled (``reordered_reads``). The JSON must be the same, byte
for byte. The data holds ties on purpose: the demo, and Lazega's law firm,
where one rep knows every Hartford lawyer equally well and many equally warm
paths lead into Boston.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json

import networkx as nx
import pytest

from graph.analysis.warm_path import team_reach
from graph.cli.commands import _HANDLERS, answer
from graph.store import GraphStore
from ingest.demo_ids import CHINESE_GROUP_ID, COLLISION_COMPANY_ID, DEMO_TODAY, ENGLISH_GROUP_ID
from ingest.load_demo import load_demo
from tests.integration.reordered_reads import Order, reordered, reversed_order, shuffled_order
from tests.integration.test_expansion_lazega import lazega_group

pytestmark = pytest.mark.integration

WRITES = frozenset({"claim", "release", "settle", "handover"})
"""Commands that change the store: they decide, and are checked by the claims desk's and the handover's tests."""
DAY = DEMO_TODAY.isoformat()
NOW = dt.date.today().isoformat()
"""The Lazega records are written today: a chain or strength as of an earlier day would undo them."""
BOSTON_PARTNERS = ("law-1", "law-2", "law-4", "law-9", "law-13", "law-17")


def _commands() -> list[list[str]]:
    """Every reading command, on the demo and on the law firm, with the ties each can stumble on."""
    demo = [
        ["status"],
        ["groups"],
        ["subgraph", "--company", CHINESE_GROUP_ID, "--group", "--as-of", DAY],
        ["subgraph", "--company", "co-hd-wz", "--as-of", "2026-10-01"],
        ["history", "--company", "co-hd-wz", "--as-of", DAY],
        ["history", "--contact", "ct-hd-wz-006", "--as-of", DAY],
        ["access-log", "--since", "2026-01-01"],
        ["chain", "--company", COLLISION_COMPANY_ID, "--as-of", DAY],
        ["chain", "--company", "co-hd-jx", "--opportunity", "opp-hd-jx-sec", "--as-of", DAY],
        ["strength", "--company", COLLISION_COMPANY_ID, "--as-of", DAY],
        ["path", "--to", "ct-hd-hq-001", "--k", "5", "--as-of", DAY],
        ["expansion", "--group", "co-hd-nb", "--as-of", DAY],
        ["expansion", "--group", ENGLISH_GROUP_ID, "--as-of", DAY],
        ["portfolio", "--as-of", DAY],
        ["claims", "--as-of", DAY],
        ["attention", "--as-of", DAY],
        ["attention", "--rep", "rep-sun", "--as-of", DAY],
        ["onboarding", "--company", "co-hd-jx", "--new-owner", "rep-li", "--as-of", DAY],
        ["onboarding", "--company", CHINESE_GROUP_ID, "--group", "--new-owner", "rep-li", "--as-of", DAY],
        ["protected", "华东电网", "--as-of", DAY],
        ["protected", "Northwind", "--as-of", DAY],
    ]
    firm = [
        ["expansion", "--group", "providence", "--as-of", NOW],
        ["chain", "--company", "boston", "--as-of", NOW],
        ["strength", "--company", "hartford", "--as-of", NOW],
        ["onboarding", "--company", "boston", "--group", "--new-owner", "rep-h", "--as-of", NOW],
        ["portfolio", "--as-of", NOW],
        *(["path", "--to", partner, "--k", "4", "--as-of", NOW] for partner in BOSTON_PARTNERS),
    ]
    return demo + firm


def test_every_reading_command_is_asked() -> None:
    """A new command that reads the store (search, risk …) must be added here, or it could answer by row order."""
    asked = {argv[0] for argv in _commands()}
    assert asked == set(_HANDLERS) - WRITES


@pytest.fixture
def tied(store: GraphStore, monkeypatch: pytest.MonkeyPatch, tmp_path) -> GraphStore:
    """The demo and Lazega's law firm in one store; the default claim policy, whatever the machine's data folder."""
    monkeypatch.setenv("KAGRAPH_CLAIM_POLICY", str(tmp_path / "no-policy.toml"))
    load_demo(store)
    records, _ = lazega_group(serve_hartford=True)
    store.unit_of_work(lambda uow: uow.write(records))
    return store


def _differences(store: GraphStore, orders: dict[str, Order]) -> list[str]:
    """One line (and the start of a diff) for each command and order whose JSON differs from the store's own."""
    found = []
    for argv in _commands():
        expected = answer(store, argv)
        for name, order in orders.items():
            got = answer(reordered(store, order), argv)
            if got != expected:
                diff = difflib.unified_diff(expected.splitlines(), got.splitlines(), "as read", name, lineterm="", n=1)
                found.append(f"{' '.join(argv)} ({name}):\n" + "\n".join(list(diff)[:30]))
    return found


def test_rows_in_another_order_give_the_same_json(tied: GraphStore) -> None:
    differences = _differences(tied, {"reversed": reversed_order, "shuffled": shuffled_order(27)})
    assert not differences, "\n\n".join(differences)


def _strongest_tie(graph: nx.MultiDiGraph[str], a: str, b: str) -> float:
    """The strongest influence between two contacts, either way: what a warm path walks between them."""
    ends = ((f"Contact:{a}", f"Contact:{b}"), (f"Contact:{b}", f"Contact:{a}"))
    weights = [
        float(tie["weight"])
        for u, v in ends
        for tie in (graph.get_edge_data(u, v) or {}).values()
        if tie["type"] == "INFLUENCES"
    ]
    return max(weights, default=0.0)


def test_the_law_firm_has_ties_to_break(tied: GraphStore) -> None:
    """The check above means something: the way into Boston it names is one of several equally warm ones."""
    graph = tied.subgraphs.group("boston")
    reach = team_reach(graph, dt.date.fromisoformat(NOW))
    office = {c: graph.nodes[f"Contact:{c}"]["company_id"] for c in reach}
    best = max(p.score for c, p in reach.items() if office[c] == "boston")
    assert sum(p.score == best for c, p in reach.items() if office[c] == "boston") >= 2
    expansion = json.loads(answer(tied, ["expansion", "--group", "boston", "--as-of", NOW]))
    path = next(t["path"] for t in expansion["targets"] if t["company_id"] == "boston")
    _, through, into = path["nodes"]
    equally_warm = {
        other
        for other in reach
        if office[other] == "hartford"
        and reach[other].score == reach[through].score
        and _strongest_tie(graph, other, into) == path["edges"][-1]["strength"]
    }
    assert through in equally_warm and len(equally_warm) >= 2, equally_warm
