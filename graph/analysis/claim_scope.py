"""The ground the claim rules stand on: days, group roots, what a claim covers, teams, filing order.

Claims, collisions and disputes all ask the same questions (which group is this company in, does a claim on
that scope cover it, are these two reps one team, which claim came first); they are answered once here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import networkx as nx

from graph.analysis._graph import edges_of, nodes_of
from graph.domain.claim_policy import ClaimPolicy
from graph.domain.hierarchy import group_roots

__all__ = [
    "Activity",
    "claim_day",
    "company_roots",
    "filing_moment",
    "filing_order",
    "in_scope",
    "scope_of",
    "teammates",
]


@dataclass
class Activity:
    """A touch of a contact (collisions), or a deal entering a stage (renewals, ``contact`` empty)."""

    rep: str
    contact: str
    company: str
    date: dt.date
    kind: str


def claim_day(value: object) -> dt.date:
    """The day of a stored date or date-time (``2026-11-01`` or ``2026-11-01T09:30``)."""
    return dt.date.fromisoformat(str(value)[:10])


def company_roots(graph: nx.MultiDiGraph[str]) -> dict[str, str]:
    """Company id → its group root's id."""
    parents: dict[str, str | None] = {d["id"]: None for _, d in nodes_of(graph, "Company")}
    parents.update({graph.nodes[s]["id"]: graph.nodes[t]["id"] for s, t, _ in edges_of(graph, "BRANCH_OF")})
    return group_roots(parents)


def scope_of(company: str, root: str, policy: ClaimPolicy) -> str:
    """What a claim on ``company`` protects: its group's root, or itself when the group's branches are separate."""
    return company if root in policy.separate_branches else root


def in_scope(company: str, scope: str, roots: dict[str, str], policy: ClaimPolicy) -> bool:
    """Whether a claim on ``scope`` covers ``company`` (its group, or itself when branches are separate)."""
    root = roots.get(company, company)
    return company == scope if root in policy.separate_branches else root == scope


def teammates(holder: Mapping[str, object], other: Mapping[str, object]) -> bool:
    """Whether two reps are one team in one channel (a rep without a team has no teammates)."""
    return bool(holder.get("team")) and (holder.get("team"), holder.get("channel")) == (
        other.get("team"),
        other.get("channel"),
    )


def filing_moment(value: object) -> dt.datetime:
    """When a claim was filed, in UTC (a time without a zone is taken as UTC); the earliest moment if unknown."""
    try:
        moment = dt.datetime.fromisoformat(str(value))
    except ValueError:
        return dt.datetime.min.replace(tzinfo=dt.UTC)
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)


def filing_order(claim: Mapping[str, Any]) -> tuple[str, dt.datetime, str, str]:
    """The order claims are judged in: day, filing time (app claims), rep id, then claim id."""
    return (str(claim["claimed_on"])[:10], filing_moment(claim.get("filed_at")), str(claim["rep_id"]), str(claim["id"]))
