"""Ties are broken by ids, never by the order rows came in (issue 27, item 1).

Each case builds one graph (or one set of rows) twice, from the same rows
added in opposite orders, as two servers may send them, and asks an analysis
where candidates score the same: equally warm paths, equally influential
people, sibling branches of one name, a rival's two installs, two touches of
one day, two groups of one name. The answers must be equal, down to the order
of every list.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from typing import Any

import networkx as nx
from pydantic import BaseModel

from graph.analysis.claim_book import ClaimsReport, claims_report
from graph.analysis.decision_roles import decision_chain
from graph.analysis.directory import companies, contacts
from graph.analysis.expansion import group_expansion
from graph.analysis.history import rewind, timeline
from graph.analysis.onboarding_digest import onboarding_digest
from graph.analysis.portfolio_rows import GroupRoot, PortfolioCompany, PortfolioPurchase, portfolio
from graph.analysis.protection import find_protection
from graph.analysis.strength import relationship_strengths
from graph.analysis.warm_path import team_reach, warm_paths
from graph.domain.actions import Action, ActionCode
from graph.domain.changes import Change, Entry
from graph.domain.hierarchy import group_roots
from graph.store.subgraph import to_networkx

DAY = dt.date(2026, 11, 10)
Node = tuple[str, dict[str, Any]]
Edge = tuple[str, str, str, dict[str, Any]]


def _node(label: str, node_id: str, **attrs: Any) -> Node:
    return f"{label}:{node_id}", {"label": label, "id": node_id, **attrs}


def _edge(source: str, target: str, edge_type: str, key: str = "", **attrs: Any) -> Edge:
    return source, target, f"{edge_type}:{key}", {"type": edge_type, **attrs}


def _build(nodes: list[Node], edges: list[Edge], **graph: Any) -> nx.MultiDiGraph[str]:
    built: nx.MultiDiGraph[str] = nx.MultiDiGraph(**graph)
    for key, attrs in nodes:
        built.add_node(key, **attrs)
    for source, target, key, attrs in edges:
        built.add_edge(source, target, key=key, **attrs)
    return built


def _plain(value: Any) -> Any:
    """An answer as JSON-like data, lists kept in their order."""
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _same_either_way(
    analysis: Callable[[nx.MultiDiGraph[str]], Any], nodes: list[Node], edges: list[Edge], **graph: Any
) -> Any:
    """The analysis over the rows as given and over the rows backwards: equal, and returned."""
    forwards = _plain(analysis(_build(nodes, edges, **graph)))
    backwards = _plain(analysis(_build(nodes[::-1], edges[::-1], **graph)))
    assert forwards == backwards
    return forwards


def _diamond() -> tuple[list[Node], list[Edge]]:
    """A rep who knows ``a``; ``a`` advises ``c`` and ``d`` alike, who both advise the CFO ``t``: two equal paths."""
    nodes = [
        _node("Company", "co", name="Co", tier=2),
        _node("Rep", "r", name="Rep", status="active"),
        _node("Contact", "a", name="A", company_id="co", level=3),
        _node("Contact", "c", name="C", company_id="co", level=2),
        _node("Contact", "d", name="D", company_id="co", level=2),
        _node("Contact", "t", name="T", company_id="co", level=1, title="CFO", buying_role="decision_maker"),
    ]
    knows = _edge("Rep:r", "Contact:a", "KNOWS", closeness=4, solution_acceptance=4, price_acceptance=4)
    advice = [
        _edge(f"Contact:{s}", f"Contact:{t}", "INFLUENCES", "advice", kind="advice", weight=0.5)
        for s, t in (("a", "c"), ("a", "d"), ("c", "t"), ("d", "t"))
    ]
    return nodes, [knows, *advice]


def test_equal_warm_paths_come_out_alike() -> None:
    nodes, edges = _diamond()
    best = _same_either_way(lambda g: warm_paths(g, "t", DAY, k=1), nodes, edges)
    assert best[0]["nodes"] == ["r", "a", "c", "t"]
    assert _same_either_way(lambda g: warm_paths(g, "t", DAY, k=3), nodes, edges)[1]["nodes"] == ["r", "a", "d", "t"]
    assert _same_either_way(lambda g: team_reach(g, DAY), nodes, edges)["t"]["nodes"] == ["r", "a", "c", "t"]


def test_the_decision_chain_of_equals() -> None:
    nodes, edges = _diamond()
    touches = [_edge("Rep:r", "Contact:c", "TOUCHED", f"t{n}", date=f"2026-1{n % 2}-0{n}", kind="call") for n in (1, 2)]
    chain = _same_either_way(lambda g: decision_chain(g, DAY), nodes, edges + touches, companies=["co"])
    assert chain["unverified"] == ["a", "c", "d", "t"]
    _same_either_way(lambda g: relationship_strengths(g, DAY), nodes, edges + touches)


def test_expansion_of_a_group_with_two_branches_of_one_name() -> None:
    nodes, edges = _diamond()
    nodes += [
        _node("Company", "b1", name="Branch", employees=100),
        _node("Company", "b2", name="Branch", employees=100),
        _node("Contact", "e", name="E", company_id="b1", level=1),
        _node("Contact", "f", name="F", company_id="b2", level=1),
        _node("Vendor", "us", name="us"),
    ]
    edges += [
        _edge("Company:b1", "Company:co", "BRANCH_OF"),
        _edge("Company:b2", "Company:co", "BRANCH_OF"),
        _edge("Contact:e", "Contact:a", "INFLUENCES", "advice", kind="advice", weight=0.5),
        _edge("Contact:f", "Contact:a", "INFLUENCES", "advice", kind="advice", weight=0.5),
        _edge("Company:co", "Vendor:us", "BUYS", "SG", product="SG", category="security", amount=5.0),
    ]
    result = _same_either_way(lambda g: group_expansion(g, DAY, ["security", "storage"]), nodes, edges, root="co")
    assert [c["id"] for c in result["companies"]] == ["co", "b1", "b2"]
    assert [(t["company_id"], t["product"]) for t in result["targets"]] == [
        ("co", "storage"),
        ("b1", "security"),
        ("b1", "storage"),
        ("b2", "security"),
        ("b2", "storage"),
    ]


def test_onboarding_with_a_rivals_two_installs_and_equal_people() -> None:
    nodes, edges = _diamond()
    nodes += [
        _node("Rep", "n", name="New", status="active"),
        _node("Vendor", "x", name="Rival"),
        _node("Competitor", "x", name="Rival"),
    ]
    edges += [
        _edge("Company:co", "Vendor:x", "BUYS", product, product=product, category=category, since="2025-01-01")
        for product, category in (("fw", "security"), ("db", "storage"), ("ids", "security"))
    ]
    edges += [_edge("Competitor:x", f"Contact:{c}", "KNOWS", strength=4) for c in ("c", "d")]
    digest = _same_either_way(lambda g: onboarding_digest(g, "n", DAY, ["r"]), nodes, edges, companies=["co"])
    installs = [(t["category"], t["product"]) for t in digest["threats"] if t["kind"] == "competitor_install"]
    assert installs == [("security", "fw"), ("security", "ids"), ("storage", "db")]


def test_claims_with_one_days_two_touches_and_two_settlements() -> None:
    nodes = [
        _node("Company", "hq", name="HQ", tier=2),
        _node("Contact", "p", name="P", company_id="hq"),
        _node("Rep", "holder", name="Holder", channel="direct", team="KA"),
        _node("Rep", "other", name="Other", channel="telesales", team="T"),
        _node("Claim", "k1", company_id="hq", rep_id="holder", channel="direct", claimed_on="2026-11-01"),
        _node("Claim", "k2", company_id="hq", rep_id="other", channel="telesales", claimed_on="2026-11-01"),
        *(
            _node("Settlement", s, claim_id="k1", other_rep_id="other", decision=d, settled_on="2026-11-06")
            for s, d in (("s1", "keep"), ("s2", "split"))
        ),
    ]
    edges = [
        _edge("Rep:other", "Contact:p", "TOUCHED", key, date="2026-11-05", kind=kind)
        for key, kind in (("t1", "visit"), ("t2", "call"))
    ]
    report = _same_either_way(lambda g: claims_report(g, DAY), nodes, edges)
    assert [c["kind"] for c in report["collisions"]] == ["call"]
    assert [d["settlement"]["decision"] for d in report["disputes"] if d["settlement"]] == ["split"]


def test_the_people_table_and_company_tree_of_namesakes() -> None:
    nodes = [
        _node("Company", "co", name="Co"),
        *(_node("Company", b, name="Branch", parent_id="co") for b in ("b1", "b2")),
        *(_node("Contact", c, name="Li Wei", company_id="co", level=2) for c in ("c1", "c2", "c3")),
    ]
    assert [r["id"] for r in _same_either_way(contacts, nodes, [])] == ["c1", "c2", "c3"]
    assert [r["id"] for r in _same_either_way(companies, nodes, [])] == ["co", "b1", "b2"]


def test_two_groups_of_one_name_in_the_portfolio() -> None:
    roots: list[GroupRoot] = [
        {"group_id": g, "name": "Same", "tier": None, "industry": None} for g in ("g2", "g1", "g3")
    ]
    firms: list[PortfolioCompany] = [{"company_id": g, "parent_id": None, "employees": 10} for g in ("g1", "g2", "g3")]
    buys: list[PortfolioPurchase] = [  # 1e16 + 1 + 1 is 1e16, 1 + 1 + 1e16 is not: sums must not follow row order
        {"company_id": "g1", "category": c, "vendor": "us", "amount": a, "since": None}
        for c, a in (("a", 1e16), ("b", 1.0), ("c", 1.0))
    ]

    def rows(order: Callable[[list[Any]], list[Any]]) -> Any:
        lines = portfolio(order(roots), order(firms), order(buys), [], [], [], [], {}, DAY)
        return [line.model_dump() for line in lines]

    forwards = rows(list)
    assert forwards == rows(lambda items: items[::-1])
    assert [line["group_id"] for line in forwards] == ["g1", "g2", "g3"]


def test_namesakes_found_by_the_protection_search() -> None:
    names = [
        {"id": cid, "name": name, "name_key": key}
        for cid, name, key in (
            ("c2", "Acme", "acme"),
            ("c1", "ACME", "acme"),
            ("c3", "Acne", "acne"),
            ("c4", "Acne", "acne"),
        )
    ]
    report = ClaimsReport(as_of=DAY, claims=[], collisions=[], disputes=[], pool=[])

    def hits(order: Callable[[list[Any]], list[Any]]) -> list[tuple[str, str]]:
        found = find_protection("acmi", order(names), {}, report, order(["c4", "c3"]))
        return [(h.company_id, h.matched_by) for h in found]

    assert hits(list) == hits(lambda items: items[::-1])
    assert hits(list)[:2] == [("c3", "phone"), ("c4", "phone")]


def test_a_parent_cycle_ends_at_the_same_company() -> None:
    parents: dict[str, str | None] = {"b": "a", "a": "b", "c": "a"}
    assert group_roots(parents) == group_roots(dict(reversed(parents.items())))


def test_two_changes_of_one_moment() -> None:
    at = dt.datetime(2026, 11, 5, 9, tzinfo=dt.UTC)
    changes = [
        Change(
            id=change_id,
            at=at,
            who="li",
            source="edit",
            action=Action.of(ActionCode.EDIT_CONTACT),
            entries=(Entry(entity="Contact", id="a", before={"stance": before}, after={"stance": after}),),
        )
        for change_id, before, after in (("x1", "neutral", "supporter"), ("x2", "supporter", "opponent"))
    ]
    lines = [[item.after for item in timeline(order, ["Contact:a"])] for order in (changes, changes[::-1])]
    assert lines[0] == lines[1] == [{"stance": "opponent"}, {"stance": "supporter"}]
    graph = _build([_node("Contact", "a", stance="opponent")], [])
    assert {
        rewind(graph, order, DAY - dt.timedelta(days=9)).nodes["Contact:a"]["stance"]
        for order in (changes, changes[::-1])
    } == {"neutral"}


def test_rows_in_any_order_make_the_same_graph() -> None:
    nodes = [{"label": "Contact", "props": {"id": c, "name": c.upper()}} for c in "abcdef"]
    edges = [
        {
            "source_label": "Contact",
            "source": s,
            "type": "INFLUENCES",
            "props": {"key": k, "weight": 0.5},
            "target_label": "Contact",
            "target": t,
        }
        for s, t in (("a", "b"), ("b", "c"), ("a", "c"), ("e", "f"))
        for k in ("advice", "friend")
    ]
    shuffle = random.Random(27)
    graphs = []
    for _ in range(3):
        graphs.append(to_networkx(shuffle.sample(nodes, len(nodes)), shuffle.sample(edges, len(edges))))
    orders = {(tuple(g.nodes), tuple(g.edges(keys=True))) for g in graphs}
    assert len(orders) == 1
    ((node_order, edge_order),) = orders
    assert list(node_order) == sorted(node_order) and list(edge_order) == sorted(edge_order)
