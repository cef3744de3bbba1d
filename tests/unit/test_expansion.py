"""Group tree, HQ signal and expansion ranking on a hand-made group.

The group (employees in brackets)::

    hq (20000)
    ├── east (3000)         buys security from us,       2026-03-01, 100
    │   └── east-a (800)
    │       └── east-a1 (200)  no contacts; buys storage from Apex, 2026-01-01
    ├── west (2500)         buys security from Dingxin,  2026-04-10, 90
    ├── north (2000)        buys security from Apex,     2026-05-20, 80
    └── south (1500)        buys security from Dingxin,  2025-01-01, 70 (outside the window)

Rep ``r`` knows Ann at east; Ann advises Wu, west's general manager, and
Bo at north (not a decision maker). Cai at south left the company.
"""

from __future__ import annotations

import datetime as dt
import math

import networkx as nx
import pytest

from graph.analysis.expansion import OTHER_PEOPLE_FACTOR, WEIGHTS, expansion_targets, group_expansion
from graph.analysis.group_tree import group_tree
from graph.analysis.hq_signal import hq_signals

TODAY = dt.date(2026, 11, 1)
SIZES = {"hq": 20000, "east": 3000, "east-a": 800, "east-a1": 200, "west": 2500, "north": 2000, "south": 1500}
PARENTS = {"east": "hq", "east-a": "east", "east-a1": "east-a", "west": "hq", "north": "hq", "south": "hq"}


def buys(g: nx.MultiDiGraph[str], company: str, vendor: str, category: str, since: str, amount: float) -> None:
    names = {"us": "us", "dx": "Dingxin", "apex": "Apex"}
    g.add_node(f"Vendor:{vendor}", label="Vendor", id=vendor, name=names[vendor])
    g.add_edge(
        f"Company:{company}",
        f"Vendor:{vendor}",
        key=f"BUYS:{category}-{vendor}",
        type="BUYS",
        product=f"{vendor} {category}",
        category=category,
        since=since,
        amount=amount,
    )


def contact(g: nx.MultiDiGraph[str], cid: str, company: str, **attrs: object) -> None:
    g.add_node(f"Contact:{cid}", label="Contact", id=cid, name=cid.title(), company_id=company, **attrs)


def influence(g: nx.MultiDiGraph[str], source: str, target: str, weight: float) -> None:
    edge = {"key": "INFLUENCES:advice", "type": "INFLUENCES", "kind": "advice", "weight": weight}
    g.add_edge(f"Contact:{source}", f"Contact:{target}", **edge)


@pytest.fixture
def group() -> nx.MultiDiGraph[str]:
    g: nx.MultiDiGraph[str] = nx.MultiDiGraph(root="hq")
    for cid, staff in SIZES.items():
        g.add_node(f"Company:{cid}", label="Company", id=cid, name=cid.upper(), employees=staff)
    for child, parent in PARENTS.items():
        g.add_edge(f"Company:{child}", f"Company:{parent}", key="BRANCH_OF:", type="BRANCH_OF")
    buys(g, "east", "us", "security", "2026-03-01", 100)
    buys(g, "west", "dx", "security", "2026-04-10", 90)
    buys(g, "north", "apex", "security", "2026-05-20", 80)
    buys(g, "south", "dx", "security", "2025-01-01", 70)
    buys(g, "east-a1", "apex", "storage", "2026-01-01", 30)
    contact(g, "ann", "east", level=3)
    contact(g, "wu", "west", level=1, buying_role="decision_maker")
    contact(g, "bo", "north", level=4)
    contact(g, "cai", "south", level=1, status="left")
    contact(g, "hq-boss", "hq", level=1, buying_role="economic_buyer")
    g.add_node("Rep:r", label="Rep", id="r", name="Rep R", status="active")
    scores = {"closeness": 5, "solution_acceptance": 5, "price_acceptance": 5}
    g.add_edge("Rep:r", "Contact:ann", key="KNOWS:", type="KNOWS", **scores)
    influence(g, "ann", "wu", 0.8)
    influence(g, "ann", "bo", 0.5)
    influence(g, "ann", "cai", 0.9)
    return g


class TestGroupTree:
    def test_depth_first_from_the_root_any_depth(self, group: nx.MultiDiGraph[str]) -> None:
        tree = group_tree(group)
        assert [(c.id, c.depth, c.parent_id) for c in tree.companies] == [
            ("hq", 0, None),
            ("east", 1, "hq"),
            ("east-a", 2, "east"),
            ("east-a1", 3, "east-a"),
            ("north", 1, "hq"),
            ("south", 1, "hq"),
            ("west", 1, "hq"),
        ]

    def test_status_per_company_and_category(self, group: nx.MultiDiGraph[str]) -> None:
        tree = group_tree(group, categories=["crm"])
        assert tree.categories == ["crm", "security", "storage"]
        status = {(c.id, cat): (s.status, s.vendor_name) for c in tree.companies for cat, s in c.products.items()}
        assert status[("east", "security")] == ("ours", "us")
        assert status[("west", "security")] == ("competitor", "Dingxin")
        assert status[("north", "security")] == ("competitor", "Apex")
        assert status[("east-a", "security")] == ("untouched", None)
        assert status[("east-a1", "storage")] == ("competitor", "Apex")
        assert {s for (_, cat), (s, _) in status.items() if cat == "crm"} == {"untouched"}

    def test_roll_ups_at_every_level(self, group: nx.MultiDiGraph[str]) -> None:
        tree = group_tree(group)
        east = tree.company("east").rollup
        assert (east["storage"].companies, east["storage"].competitor, east["storage"].competitor_amount) == (3, 1, 30)
        assert (east["security"].ours, east["security"].untouched, east["security"].our_amount) == (1, 2, 100)
        top = tree.company("hq").rollup["security"]
        assert (top.companies, top.ours, top.competitor, top.untouched) == (7, 1, 3, 3)
        assert (top.our_amount, top.competitor_amount) == (100, 240)

    def test_a_group_without_a_root_mark_finds_its_root(self, group: nx.MultiDiGraph[str]) -> None:
        del group.graph["root"]
        assert group_tree(group).group == "hq"


class TestHqSignal:
    def test_three_branches_within_the_window_and_not_the_old_purchase(self, group: nx.MultiDiGraph[str]) -> None:
        (signal,) = hq_signals(group_tree(group))
        assert signal.category == "security"
        assert signal.companies == ["east", "west", "north"]
        assert (signal.first, signal.last, signal.window_days) == (dt.date(2026, 3, 1), dt.date(2026, 5, 20), 80)
        assert signal.vendors == ["Apex", "Dingxin", "us"]
        assert signal.remaining == ["hq", "east-a", "east-a1"]
        assert signal.hq_bought is False
        assert signal.estimated_value == pytest.approx(90 * 3)
        assert [(p.company_id, p.vendor_name) for p in signal.evidence] == [
            ("east", "us"),
            ("west", "Dingxin"),
            ("north", "Apex"),
        ]

    def test_the_window_boundary_is_inclusive(self, group: nx.MultiDiGraph[str]) -> None:
        tree = group_tree(group)
        assert hq_signals(tree, min_branches=3, min_share=1.0, window_days=80)
        assert hq_signals(tree, min_branches=3, min_share=1.0, window_days=79) == []

    def test_a_share_of_branches_can_be_the_bar(self, group: nx.MultiDiGraph[str]) -> None:
        tree = group_tree(group)
        assert hq_signals(tree, min_branches=4, min_share=1.0) == []
        (signal,) = hq_signals(tree, min_branches=10, min_share=0.5)
        assert len(signal.companies) == 3

    def test_the_old_purchase_joins_a_wide_enough_window(self, group: nx.MultiDiGraph[str]) -> None:
        (signal,) = hq_signals(group_tree(group), window_days=504)
        assert signal.companies == ["south", "east", "west", "north"]

    def test_one_branch_is_never_a_pattern(self, group: nx.MultiDiGraph[str]) -> None:
        assert [s.category for s in hq_signals(group_tree(group), min_branches=1, min_share=0.0)] == ["security"]


class TestTargets:
    def test_every_gap_once_and_ours_never(self, group: nx.MultiDiGraph[str]) -> None:
        result = group_expansion(group, TODAY)
        pairs = [(t.company_id, t.product) for t in result.targets]
        assert len(pairs) == len(set(pairs)) == 7 * 2 - 1
        assert ("east", "security") not in pairs and ("east-a1", "storage") in pairs
        assert [t.score for t in result.targets] == sorted((t.score for t in result.targets), reverse=True)

    def test_components_follow_the_documented_formula(self, group: nx.MultiDiGraph[str]) -> None:
        targets = {(t.company_id, t.product): t for t in group_expansion(group, TODAY).targets}
        west = targets[("west", "security")]
        assert west.components == {
            "path": pytest.approx(0.5 * 0.8),
            "size": pytest.approx(math.log1p(2500) / math.log1p(20000), abs=1e-4),
            "rival": 1.0,
            "hq": 1.0,
        }
        assert west.score == pytest.approx(100 * sum(WEIGHTS[k] * v for k, v in west.components.items()), abs=0.1)
        assert west.path is not None and west.path.nodes == ["r", "ann", "wu"]
        assert "Dingxin" in west.reason and "headquarters" in west.reason
        north = targets[("north", "security")]
        assert north.components["path"] == pytest.approx(0.5 * 0.5 * OTHER_PEOPLE_FACTOR)

    def test_a_warm_path_lifts_a_target_above_a_cold_one(self, group: nx.MultiDiGraph[str]) -> None:
        targets = [(t.company_id, t.product) for t in group_expansion(group, TODAY).targets]
        assert targets.index(("west", "security")) < targets.index(("south", "security"))

    def test_people_who_left_open_no_door(self, group: nx.MultiDiGraph[str]) -> None:
        south = next(t for t in group_expansion(group, TODAY).targets if t.company_id == "south")
        assert south.path is None and south.components["path"] == 0.0
        assert "no warm path" in south.reason

    def test_a_branch_without_contacts_is_still_a_target(self, group: nx.MultiDiGraph[str]) -> None:
        tree = group_tree(group)
        east_a1 = [t for t in expansion_targets(group, tree, [], TODAY) if t.company_id == "east-a1"]
        assert [(t.product, t.status, t.contact_id, t.components["path"]) for t in east_a1] == [
            ("storage", "competitor", None, 0.0),
            ("security", "untouched", None, 0.0),
        ]
