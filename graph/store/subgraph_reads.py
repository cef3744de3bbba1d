"""Reads that answer a networkx graph: a company, a whole group, the claims every claim is judged on.

The one bridge from the store to the analysis code (``subgraph.to_networkx``).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import networkx as nx

from graph.domain.keys import node_key
from graph.domain.model import US_VENDOR_ID
from graph.store import subgraph_cypher as q
from graph.store.account_cypher import COMPANY_NAMES, NAMES_UNSET
from graph.store.accounts_reads import Accounts
from graph.store.column_rows import columns
from graph.store.cypher import FETCH_NODES
from graph.store.runner import Reader
from graph.store.subgraph import to_networkx

__all__ = ["Subgraphs"]


class Subgraphs:
    """Accounts as graphs, read over one ``Reader``; ``accounts`` resolves a company's group."""

    def __init__(self, reader: Reader, accounts: Accounts) -> None:
        self._reader = reader
        self._accounts = accounts

    def company(self, company_id: str) -> nx.MultiDiGraph[str]:
        """One company: its departments, people, deals, claims and everyone tied to them."""
        self._accounts.group_root(company_id)
        return self._subgraph([company_id])

    def group(self, company_id: str) -> nx.MultiDiGraph[str]:
        """The whole group ``company_id`` belongs to, from its root down, any depth."""
        root = self._accounts.group_root(company_id)
        graph = self._subgraph(self._accounts.group_company_ids(root))
        graph.graph["root"] = root
        return graph

    def member_keys(self, company_id: str) -> list[str]:
        """The node keys (``Contact:ct-1``) of a company and of everything that belongs to it."""
        self._accounts.group_root(company_id)
        rows = self._reader.read(q.COMPANY_MEMBERS, {"id": company_id})
        return [node_key(str(r["label"]), str(r["id"])) for r in rows]

    def claims(self) -> nx.MultiDiGraph[str]:
        """Companies, group lines, reps, claims, settlements, and the touches of people in claimed groups."""
        companies = columns(self._reader, COMPANY_NAMES, unset=NAMES_UNSET)
        nodes = [{"label": "Company", "props": {"id": c["id"], "tier": c["tier"]}} for c in companies]
        nodes += self._reader.read(q.CLAIM_NODES)
        edges = [
            {
                "source_label": "Company",
                "source": c["id"],
                "type": "BRANCH_OF",
                "props": {"key": ""},
                "target_label": "Company",
                "target": c["parent_id"],
            }
            for c in companies
            if c["parent_id"]
        ]
        edges += self._reader.read(q.CLAIMED_GROUP_TOUCHES)
        return to_networkx(self._with_ends(nodes, edges), edges)

    def _with_ends(self, nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """``nodes`` plus the nodes at the far end of ``edges`` that are not among them."""
        have = {(n["label"], n["props"]["id"]) for n in nodes}
        outside: dict[str, set[str]] = defaultdict(set)
        for edge in edges:
            for end in ("source", "target"):
                if (edge[f"{end}_label"], edge[end]) not in have:
                    outside[edge[f"{end}_label"]].add(edge[end])
        for label, ids in outside.items():
            rows = self._reader.read(FETCH_NODES[label], {"ids": sorted(ids)})
            nodes.extend({"label": label, "props": row["props"]} for row in rows)
        return nodes

    def _subgraph(self, company_ids: list[str]) -> nx.MultiDiGraph[str]:
        params = {"ids": company_ids}
        nodes = self._reader.read(q.SUBGRAPH_NODES, params)
        edges = self._reader.read(q.SUBGRAPH_EDGES, params)
        graph = to_networkx(self._with_ends(nodes, edges), edges)
        graph.graph["companies"] = sorted(company_ids)
        self._name_vendors(graph)
        return graph

    def _name_vendors(self, graph: nx.MultiDiGraph[str]) -> None:
        """Give each rival vendor node its competitor's name, so installs read "鼎信科技", not an id."""
        vendors = [d["id"] for _, d in graph.nodes(data=True) if d["label"] == "Vendor" and d["id"] != US_VENDOR_ID]
        if not vendors:
            return
        for row in self._reader.read(FETCH_NODES["Competitor"], {"ids": vendors}):
            graph.nodes[node_key("Vendor", str(row["id"]))]["name"] = row["props"].get("name", row["id"])
