"""Who is who in an account: the people table and the companies of a group.

Built from the subgraph alone, so the CLI, the pages and tests share it.
"""

from __future__ import annotations

import networkx as nx
from pydantic import BaseModel

from graph.domain.enums import BuyingRole, Stance, Status
from graph.domain.keys import node_key

__all__ = ["CompanyRow", "ContactRow", "companies", "contacts"]


class ContactRow(BaseModel):
    id: str
    name: str
    company: str
    unit: str | None
    title: str | None
    level: int | None
    buying_role: str
    stance: str
    status: str
    reports_to: list[str]
    known_by: list[str]
    phone: str | None
    email: str | None
    last_verified: str | None


class CompanyRow(BaseModel):
    id: str
    name: str
    parent_id: str | None
    kind: str | None
    tier: int | None
    city: str | None
    industry: str | None
    employees: int | None
    contacts: int
    depth: int = 0
    """0 for the group's root, 1 for its branches, and so on."""


def _name(graph: nx.MultiDiGraph[str], node: str) -> str:
    return str(graph.nodes[node].get("name", graph.nodes[node]["id"]))


def _targets(graph: nx.MultiDiGraph[str], node: str, edge_type: str) -> list[str]:
    return sorted({t for _, t, d in graph.out_edges(node, data=True) if d["type"] == edge_type})


def contacts(graph: nx.MultiDiGraph[str]) -> list[ContactRow]:
    """Every contact of the subgraph's companies, top level first, then by company, name and id.

    Contacts from outside (a manager in another company) are left out: they
    belong to their own company's table.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("Company:c", label="Company", id="c", name="Acme")
    >>> g.add_node("Contact:a", label="Contact", id="a", name="Ann", company_id="c", level=1,
    ...            buying_role="decision_maker", stance="neutral", status="active")
    >>> [row.name for row in contacts(g)]
    ['Ann']
    """
    company_keys = {k for k, d in graph.nodes(data=True) if d["label"] == "Company"}
    rows = []
    for key, data in graph.nodes(data=True):
        if data["label"] != "Contact" or node_key("Company", str(data.get("company_id"))) not in company_keys:
            continue
        units = [u for u in _targets(graph, key, "WORKS_IN") if graph.nodes[u]["label"] == "OrgUnit"]
        rows.append(
            ContactRow(
                id=data["id"],
                name=data["name"],
                company=_name(graph, node_key("Company", data["company_id"])),
                unit=_name(graph, units[0]) if units else None,
                title=data.get("title"),
                level=data.get("level"),
                buying_role=data.get("buying_role", BuyingRole.UNKNOWN),
                stance=data.get("stance", Stance.UNKNOWN),
                status=data.get("status", Status.ACTIVE),
                reports_to=[_name(graph, m) for m in _targets(graph, key, "REPORTS_TO")],
                known_by=sorted(
                    {
                        _name(graph, s)
                        for s, _, d in graph.in_edges(key, data=True)
                        if d["type"] == "KNOWS" and graph.nodes[s]["label"] == "Rep"
                    }
                ),
                phone=data.get("phone"),
                email=data.get("email"),
                last_verified=data.get("last_verified"),
            )
        )
    return sorted(rows, key=lambda r: (r.level or 99, r.company, r.name, r.id))


def companies(graph: nx.MultiDiGraph[str]) -> list[CompanyRow]:
    """The subgraph's companies with their contact counts, as the group's tree: each parent, then its branches.

    Depth first, siblings by name, each with its depth, so a table can indent
    them as the hierarchy. A company whose parent is outside the subgraph
    starts a tree of its own.

    >>> g = nx.MultiDiGraph()
    >>> for cid, parent in (("hq", None), ("b", "hq"), ("a", "hq"), ("a1", "a")):
    ...     g.add_node(f"Company:{cid}", label="Company", id=cid, name=cid.upper(), parent_id=parent)
    >>> [(row.id, row.depth) for row in companies(g)]
    [('hq', 0), ('a', 1), ('a1', 2), ('b', 1)]
    """
    counts: dict[str, int] = {}
    for _, data in graph.nodes(data=True):
        if data["label"] == "Contact":
            counts[data.get("company_id", "")] = counts.get(data.get("company_id", ""), 0) + 1
    rows = [
        CompanyRow(
            id=data["id"],
            name=data["name"],
            parent_id=data.get("parent_id"),
            kind=data.get("kind"),
            tier=data.get("tier"),
            city=data.get("city"),
            industry=data.get("industry"),
            employees=data.get("employees"),
            contacts=counts.get(data["id"], 0),
        )
        for _, data in graph.nodes(data=True)
        if data["label"] == "Company"
    ]
    known = {r.id for r in rows}
    children: dict[str | None, list[CompanyRow]] = {}
    for row in sorted(rows, key=lambda r: (r.name, r.id)):
        children.setdefault(row.parent_id if row.parent_id in known else None, []).append(row)
    ordered: list[CompanyRow] = []

    def visit(row: CompanyRow, depth: int) -> None:
        ordered.append(row.model_copy(update={"depth": depth}))
        for child in children.get(row.id, []):
            visit(child, depth + 1)

    for root in children.get(None, []):
        visit(root, 0)
    seen = {r.id for r in ordered}
    left = sorted((r for r in rows if r.id not in seen), key=lambda r: r.id)
    return ordered + left  # a parent cycle (refused on import) still lists all
