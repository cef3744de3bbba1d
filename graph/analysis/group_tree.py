"""The group tree: a customer group from its root down, and who supplies what where.

A group is a root company and every branch or subsidiary below it, any depth
(``BRANCH_OF``). For each company and each product category the tree says
``ours`` (we supply it), ``competitor`` (a rival does, which one) or
``untouched`` (nobody we know of), with amount and since-date, and rolls the
statuses and amounts up at every level, so a regional sub-group reads as one
line. Categories, not product names, are the unit: our 安全网关 and a rival's
防火墙 are the same opportunity.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import Any, Literal

import networkx as nx
from pydantic import BaseModel

from graph.analysis._graph import day_or_none, edges_of, nodes_of
from graph.domain.keys import node_key
from graph.domain.model import US_VENDOR_ID
from graph.domain.normalise import product_category

__all__ = [
    "CategoryStatus",
    "GroupPurchase",
    "GroupTree",
    "Rollup",
    "TreeCompany",
    "group_purchases",
    "group_tree",
]

StatusName = Literal["ours", "competitor", "untouched"]


class GroupPurchase(BaseModel):
    """One install: ``company_id`` buys ``product`` (in ``category``) from ``vendor``."""

    company_id: str
    product: str
    category: str
    vendor: str
    """``us`` or a competitor id."""
    vendor_name: str
    since: dt.date | None
    amount: float | None


class CategoryStatus(BaseModel):
    status: StatusName
    vendor: str | None
    vendor_name: str | None
    product: str | None
    amount: float | None
    since: dt.date | None
    """When this company first bought the category from anyone."""
    rivals: list[str]
    """Every competitor id supplying the category here (also when we supply it too)."""


class Rollup(BaseModel):
    """One category over a company and everything below it."""

    companies: int = 0
    ours: int = 0
    competitor: int = 0
    untouched: int = 0
    our_amount: float = 0.0
    competitor_amount: float = 0.0


class TreeCompany(BaseModel):
    id: str
    name: str
    parent_id: str | None
    kind: str | None
    depth: int
    tier: int | None
    employees: int | None
    city: str | None
    contacts: int
    products: dict[str, CategoryStatus]
    """By category."""
    rollup: dict[str, Rollup]
    """By category: this company and every company below it."""


class GroupTree(BaseModel):
    group: str
    """The root company's id."""
    categories: list[str]
    companies: list[TreeCompany]
    """Depth first from the root; siblings by name."""
    purchases: list[GroupPurchase]

    def company(self, company_id: str) -> TreeCompany:
        return next(c for c in self.companies if c.id == company_id)

    @property
    def branches(self) -> list[TreeCompany]:
        return [c for c in self.companies if c.id != self.group]


def group_purchases(graph: nx.MultiDiGraph[str], company_ids: Iterable[str]) -> list[GroupPurchase]:
    """Every ``BUYS`` relationship of the given companies, by company and product."""
    wanted = {node_key("Company", c) for c in company_ids}
    rows = []
    for source, target, data in edges_of(graph, "BUYS"):
        if source not in wanted:
            continue
        vendor = graph.nodes[target]
        rows.append(
            GroupPurchase(
                company_id=graph.nodes[source]["id"],
                product=str(data.get("product", "")),
                category=product_category(str(data.get("category", ""))),
                vendor=str(vendor["id"]),
                vendor_name=str(vendor.get("name") or vendor["id"]),
                since=day_or_none(data.get("since")),
                amount=float(data["amount"]) if data.get("amount") is not None else None,
            )
        )
    return sorted(rows, key=lambda p: (p.company_id, p.category, p.product, p.vendor))


def _status(purchases: list[GroupPurchase]) -> CategoryStatus:
    """Ours wins over a rival (we are in); among rivals the biggest install speaks."""
    if not purchases:
        return CategoryStatus(
            status="untouched", vendor=None, vendor_name=None, product=None, amount=None, since=None, rivals=[]
        )
    ours = [p for p in purchases if p.vendor == US_VENDOR_ID]
    rivals = [p for p in purchases if p.vendor != US_VENDOR_ID]
    lead = min(ours or rivals, key=_lead_order)
    dates = [p.since for p in purchases if p.since]
    return CategoryStatus(
        status="ours" if ours else "competitor",
        vendor=lead.vendor,
        vendor_name=lead.vendor_name,
        product=lead.product,
        amount=sum(p.amount or 0.0 for p in (ours or rivals)) or None,
        since=min(dates) if dates else None,
        rivals=sorted({p.vendor for p in rivals}),
    )


def _lead_order(purchase: GroupPurchase) -> tuple[float, int, str, str]:
    """The biggest install first, then the latest, then by product and vendor: equals never fall to row order."""
    since = purchase.since.toordinal() if purchase.since else 0
    return (-(purchase.amount or 0.0), -since, purchase.product, purchase.vendor)


def _root_of(graph: nx.MultiDiGraph[str]) -> str:
    if "root" in graph.graph:
        return str(graph.graph["root"])
    tops = sorted(d["id"] for k, d in nodes_of(graph, "Company") if not any(_parents(graph, k)))
    if len(tops) != 1:
        raise ValueError(f"a group has exactly one root company, found {tops}")
    return str(tops[0])


def _parents(graph: nx.MultiDiGraph[str], key: str) -> list[str]:
    return [t for _, t, d in graph.out_edges(key, data=True) if d.get("type") == "BRANCH_OF"]


def group_tree(graph: nx.MultiDiGraph[str], categories: Iterable[str] = ()) -> GroupTree:
    """The group in ``graph`` as a tree with per-category statuses and roll-ups.

    ``categories`` adds product categories nobody in the group buys yet (our
    catalogue), so they show as untouched everywhere.

    >>> g = nx.MultiDiGraph(root="hq")
    >>> for cid in ("hq", "b1"): _ = g.add_node(f"Company:{cid}", label="Company", id=cid, name=cid.upper())
    >>> _ = g.add_edge("Company:b1", "Company:hq", type="BRANCH_OF")
    >>> _ = g.add_node("Vendor:us", label="Vendor", id="us")
    >>> _ = g.add_edge("Company:b1", "Vendor:us", type="BUYS", product="SG", category="security", amount=5.0)
    >>> tree = group_tree(g)
    >>> [(c.id, c.depth, c.products["security"].status) for c in tree.companies]
    [('hq', 0, 'untouched'), ('b1', 1, 'ours')]
    >>> tree.company("hq").rollup["security"].ours
    1
    """
    root = _root_of(graph)
    order = _depth_first(graph, root)
    ids = [graph.nodes[key]["id"] for key, _, _ in order]
    purchases = group_purchases(graph, ids)
    wanted = sorted({p.category for p in purchases} | set(categories))
    bought: dict[tuple[str, str], list[GroupPurchase]] = defaultdict(list)
    for purchase in purchases:
        bought[(purchase.company_id, purchase.category)].append(purchase)
    people: dict[str, int] = defaultdict(int)
    for _, data in nodes_of(graph, "Contact"):
        people[str(data.get("company_id"))] += 1
    companies = {}
    for key, depth, parent in order:
        data = graph.nodes[key]
        products = {c: _status(bought[(data["id"], c)]) for c in wanted}
        companies[data["id"]] = _tree_company(data, parent, depth, people[data["id"]], products)
    for company_id in reversed(ids):
        company = companies[company_id]
        _roll_up_own(company, {c: bought[(company_id, c)] for c in wanted})
        if company.parent_id is not None:
            _add_rollups(companies[company.parent_id].rollup, company.rollup)
    return GroupTree(group=root, categories=wanted, companies=list(companies.values()), purchases=purchases)


def _depth_first(graph: nx.MultiDiGraph[str], root: str) -> list[tuple[str, int, str | None]]:
    """``(key, depth, parent id)`` of every company from ``root`` down, siblings by name then id, each company once."""
    root_key = node_key("Company", root)
    if root_key not in graph:
        raise ValueError(f"no company {root!r} in this graph")
    children: dict[str, list[str]] = defaultdict(list)
    for source, target, _ in edges_of(graph, "BRANCH_OF"):
        children[target].append(source)
    order: list[tuple[str, int, str | None]] = []
    stack: list[tuple[str, int, str | None]] = [(root_key, 0, None)]
    seen: set[str] = set()
    while stack:
        key, depth, parent = stack.pop()
        if key in seen:
            continue
        seen.add(key)
        order.append((key, depth, parent))
        below = sorted(children[key], key=lambda k: (str(graph.nodes[k].get("name", k)), k), reverse=True)
        stack.extend((child, depth + 1, graph.nodes[key]["id"]) for child in below)
    return order


def _tree_company(
    data: dict[str, Any], parent: str | None, depth: int, contacts: int, products: dict[str, CategoryStatus]
) -> TreeCompany:
    return TreeCompany(
        id=data["id"],
        name=str(data.get("name", data["id"])),
        parent_id=parent,
        kind=data.get("kind"),
        depth=depth,
        tier=data.get("tier"),
        employees=data.get("employees"),
        city=data.get("city"),
        contacts=contacts,
        products=products,
        rollup={},
    )


def _roll_up_own(company: TreeCompany, bought: dict[str, list[GroupPurchase]]) -> None:
    """Count a company's own status and amounts into its roll-up, per category."""
    for category, mine in bought.items():
        total = company.rollup.setdefault(category, Rollup())
        status = company.products[category].status
        total.companies += 1
        setattr(total, status, getattr(total, status) + 1)
        total.our_amount += sum(p.amount or 0.0 for p in mine if p.vendor == US_VENDOR_ID)
        total.competitor_amount += sum(p.amount or 0.0 for p in mine if p.vendor != US_VENDOR_ID)


def _add_rollups(into: dict[str, Rollup], below: dict[str, Rollup]) -> None:
    """Add a branch's roll-ups to its parent's, field by field."""
    for category, subtotal in below.items():
        total = into.setdefault(category, Rollup())
        for field in Rollup.model_fields:
            setattr(total, field, getattr(total, field) + getattr(subtotal, field))
