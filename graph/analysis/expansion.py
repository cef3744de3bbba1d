"""Expansion targets: every place in a group where a category is not ours yet, ranked.

Score (0–100) = 100 × (0.35·path + 0.25·size + 0.15·rival + 0.25·hq):

- *path*: the strongest warm path from our team into the company (0–1, the
  product of its tie strengths, see ``warm_path``), aimed at the people who
  decide: a path to an economic buyer, a decision maker or a level-1 contact
  counts fully, to anyone else at 60 %. Paths run through everything the
  group's graph knows: contacts in branches we serve who report to, advise or
  used to work with people there, and our reps who know someone there. They
  keep a rep's limits (no opponent in between, at most 3 hops, see
  ``warm_path``); a company no path within them reaches gets the best way in
  without them, marked so, counted at its strength.
- *size*: the company's employees, or failing that its known spend, on a log
  scale against the largest company of the group (0–1).
- *rival*: 1 when a competitor supplies the category there (the need and the
  budget are proven), else 0.
- *hq*: 1 when the category has an HQ policy signal in the group: the decision
  sits above the branch and a group agreement can carry it.

A warm way in weighs most because it is what turns a gap into a meeting;
size and the HQ signal say what the meeting is worth. Each target carries one
sentence saying why, and the path to act on.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict

import networkx as nx
from pydantic import BaseModel

from graph.analysis._graph import has_left, nodes_of
from graph.analysis.decision_roles import DECISION_ROLES
from graph.analysis.group_tree import GroupTree, TreeCompany, group_tree
from graph.analysis.hq_signal import (
    DEFAULT_MIN_BRANCHES,
    DEFAULT_MIN_SHARE,
    DEFAULT_WINDOW_DAYS,
    HqSignal,
    hq_signals,
)
from graph.analysis.strength import DEFAULT_HALF_LIFE_DAYS
from graph.analysis.warm_path import DEFAULT_MAX_HOPS, WarmPath, first_paths, team_reach
from graph.domain.keys import node_key

__all__ = [
    "OTHER_PEOPLE_FACTOR",
    "WEIGHTS",
    "ExpansionTarget",
    "GroupExpansion",
    "expansion_targets",
    "group_expansion",
]

WEIGHTS = {"path": 0.35, "size": 0.25, "rival": 0.15, "hq": 0.25}
OTHER_PEOPLE_FACTOR = 0.6


class ExpansionTarget(BaseModel):
    company_id: str
    company_name: str
    product: str
    """The product category."""
    status: str
    """``competitor`` or ``untouched``."""
    vendor_name: str | None
    amount: float | None
    score: float
    components: dict[str, float]
    reason: str
    contact_id: str | None
    """Whom the best path reaches."""
    path: WarmPath | None


def _best_contacts(
    graph: nx.MultiDiGraph[str], reach: dict[str, WarmPath], best: dict[str, tuple[float, str]]
) -> dict[str, tuple[float, str]]:
    """``best``, and for each company it lacks, the contact ``reach`` reaches best there: (weighted strength, id)."""
    chosen = dict(best)
    for _, data in nodes_of(graph, "Contact"):
        path, company = reach.get(str(data["id"])), str(data.get("company_id"))
        if path is None or has_left(data) or company in best:
            continue
        value = path.score * _weight(data)
        if company not in chosen or (value, data["id"]) > chosen[company]:
            chosen[company] = (value, str(data["id"]))
    return chosen


def _weight(data: dict[str, object]) -> float:
    """What a way in to this person counts for: fully to someone who decides, else ``OTHER_PEOPLE_FACTOR``."""
    senior = data.get("buying_role") in DECISION_ROLES or data.get("level") == 1
    return 1.0 if senior else OTHER_PEOPLE_FACTOR


def _best_ways_in(
    graph: nx.MultiDiGraph[str], today: dt.date, half_life_days: float, avoid_opponents: bool, max_hops: int
) -> dict[str, tuple[float, str, WarmPath]]:
    """Per company id: (weighted strength, contact id, path) of the best way in.

    One pass finds the best contact in every company within the limits, a
    second without them for the companies the first leaves out; the path shown
    is then the one the decision chain opens with at that contact
    (``first_paths``), which may break the limits, marked so.
    """
    chosen = _best_contacts(graph, team_reach(graph, today, half_life_days, avoid_opponents, max_hops), {})
    companies = {str(d.get("company_id")) for _, d in nodes_of(graph, "Contact") if not has_left(d)}
    if companies - set(chosen):
        chosen = _best_contacts(graph, team_reach(graph, today, half_life_days, False, None), chosen)
    paths = first_paths(graph, [c for _, c in chosen.values()], today, half_life_days, avoid_opponents, max_hops)
    people = dict(nodes_of(graph, "Contact"))
    return {
        company: (paths[contact].score * _weight(people[node_key("Contact", contact)]), contact, paths[contact])
        for company, (_, contact) in sorted(chosen.items())
        if contact in paths
    }


def _size(tree: GroupTree) -> dict[str, float]:
    """0–1 per company on a log scale: employees where known, else what it spends."""
    spend: dict[str, float] = defaultdict(float)
    for purchase in tree.purchases:
        spend[purchase.company_id] += purchase.amount or 0.0
    people = {c.id: float(c.employees) for c in tree.companies if c.employees}
    top_people, top_spend = max(people.values(), default=0.0), max(spend.values(), default=0.0)
    return {
        c.id: (
            math.log1p(people[c.id]) / math.log1p(top_people)
            if c.id in people
            else math.log1p(spend[c.id]) / math.log1p(top_spend)
            if spend[c.id] and top_spend
            else 0.0
        )
        for c in tree.companies
    }


def _reason(
    name: str, category: str, status: str, vendor: str | None, hq: bool, way_in: tuple[float, str, WarmPath] | None
) -> str:
    held = f"{vendor} supplies" if status == "competitor" else "nobody supplies"
    held = f"{held} {category} to {name}"
    wave = "; branches bought it together, so headquarters likely decides" if hq else ""
    if way_in is None:
        way = "; no warm path in yet"
    else:
        path = way_in[2]
        way = f"; best way in ({path.score:.2f}): {path.sentence}" + (f" ({path.why})" if path.why else "")
    return f"{held[0].upper()}{held[1:]}{wave}{way}."


def expansion_targets(
    graph: nx.MultiDiGraph[str],
    tree: GroupTree,
    signals: list[HqSignal],
    today: dt.date,
    half_life_days: float = DEFAULT_HALF_LIFE_DAYS,
    avoid_opponents: bool = True,
    max_hops: int = DEFAULT_MAX_HOPS,
) -> list[ExpansionTarget]:
    """Every (company, category) of the group that is not ours, best first.

    >>> from graph.analysis.group_tree import group_tree
    >>> g = nx.MultiDiGraph(root="hq")
    >>> for cid, staff in (("hq", 5000), ("b1", 300)):
    ...     _ = g.add_node(f"Company:{cid}", label="Company", id=cid, name=cid.upper(), employees=staff)
    >>> _ = g.add_edge("Company:b1", "Company:hq", type="BRANCH_OF")
    >>> _ = g.add_node("Vendor:us", label="Vendor", id="us")
    >>> _ = g.add_edge("Company:b1", "Vendor:us", type="BUYS", product="SG", category="security", amount=5.0)
    >>> [(t.company_id, t.product, t.status) for t in expansion_targets(g, group_tree(g), [], dt.date(2026, 1, 1))]
    [('hq', 'security', 'untouched')]
    """
    ways_in = _best_ways_in(graph, today, half_life_days, avoid_opponents, max_hops)
    size = _size(tree)
    waves = {s.category for s in signals}
    targets = []
    for company in tree.companies:
        way_in = ways_in.get(company.id)
        for category, status in company.products.items():
            if status.status == "ours":
                continue
            components = {
                "path": round(way_in[0] if way_in else 0.0, 4),
                "size": round(size[company.id], 4),
                "rival": 1.0 if status.status == "competitor" else 0.0,
                "hq": 1.0 if category in waves else 0.0,
            }
            score = 100 * sum(WEIGHTS[name] * value for name, value in components.items())
            targets.append(
                ExpansionTarget(
                    company_id=company.id,
                    company_name=company.name,
                    product=category,
                    status=status.status,
                    vendor_name=status.vendor_name,
                    amount=status.amount,
                    score=round(score, 1),
                    components=components,
                    reason=_reason(
                        company.name, category, status.status, status.vendor_name, category in waves, way_in
                    ),
                    contact_id=way_in[1] if way_in else None,
                    path=way_in[2] if way_in else None,
                )
            )
    return sorted(targets, key=lambda t: (-t.score, t.company_id, t.product))


class GroupExpansion(BaseModel):
    """What ``python -m graph expansion`` prints and the Group page shows."""

    group: str
    as_of: dt.date
    avoid_opponents: bool
    max_hops: int
    """The limits the ways in were asked to keep."""
    categories: list[str]
    companies: list[TreeCompany]
    hq_signals: list[HqSignal]
    targets: list[ExpansionTarget]


def group_expansion(
    graph: nx.MultiDiGraph[str],
    today: dt.date,
    catalogue: list[str] | tuple[str, ...] = (),
    min_branches: int = DEFAULT_MIN_BRANCHES,
    min_share: float = DEFAULT_MIN_SHARE,
    window_days: int = DEFAULT_WINDOW_DAYS,
    half_life_days: float = DEFAULT_HALF_LIFE_DAYS,
    avoid_opponents: bool = True,
    max_hops: int = DEFAULT_MAX_HOPS,
) -> GroupExpansion:
    """Tree, HQ signals and ranked targets of the group in ``graph`` in one call.

    ``catalogue`` lists the categories we sell anywhere, so a category no
    company of this group buys yet still shows up as whitespace.
    """
    tree = group_tree(graph, catalogue)
    signals = hq_signals(tree, min_branches, min_share, window_days)
    return GroupExpansion(
        group=tree.group,
        as_of=today,
        avoid_opponents=avoid_opponents,
        max_hops=max_hops,
        categories=tree.categories,
        companies=tree.companies,
        hq_signals=signals,
        targets=expansion_targets(graph, tree, signals, today, half_life_days, avoid_opponents, max_hops),
    )
