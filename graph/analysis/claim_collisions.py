"""Collisions (撞单): another channel's or team's touches of a protected customer's people.

A touch counts when it falls inside a claim's protection, on any contact of the protected scope, by a rep
who is neither the holder nor (when teams share) the holder's teammate in the same channel.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

import networkx as nx
from pydantic import BaseModel

from graph.analysis._graph import edges_of, nodes_of
from graph.analysis.claim_scope import Activity, claim_day, in_scope, teammates
from graph.analysis.claim_status import ClaimStatus
from graph.domain.claim_policy import ClaimPolicy

__all__ = ["Collision", "claim_touches", "find_collisions"]


class Collision(BaseModel):
    group_id: str
    scope_id: str
    claim_id: str
    claim_rep_id: str
    claim_channel: str
    other_rep_id: str
    other_rep_name: str
    other_channel: str
    contact_id: str
    contact_name: str
    company_id: str
    date: dt.date
    kind: str
    """The touch's kind (visit, call, …)."""


def claim_touches(graph: nx.MultiDiGraph[str], as_of: dt.date) -> list[Activity]:
    """Every touch up to ``as_of``, in day order (then rep, contact, kind), placed in its contact's company."""
    found = []
    for rep, contact, data in edges_of(graph, "TOUCHED"):
        person = graph.nodes[contact]
        day = claim_day(data["date"])
        if day <= as_of:
            found.append(
                Activity(graph.nodes[rep]["id"], person["id"], str(person.get("company_id")), day, data.get("kind", ""))
            )
    return sorted(found, key=lambda t: (t.date, t.rep, t.contact, t.kind))


def find_collisions(
    graph: nx.MultiDiGraph[str],
    statuses: Iterable[ClaimStatus],
    touches: list[Activity],
    roots: dict[str, str],
    policy: ClaimPolicy,
) -> list[Collision]:
    """Each touch inside another rep's protected scope and period, once per claim, rep, contact and day."""
    reps = {d["id"]: d for _, d in nodes_of(graph, "Rep")}
    names = {d["id"]: str(d.get("name", d["id"])) for _, d in nodes_of(graph, "Contact")}
    found: dict[tuple[str, str, str, dt.date], Collision] = {}
    by_scope: dict[str, list[ClaimStatus]] = defaultdict(list)
    for status in statuses:
        if status.status != "refused":
            by_scope[status.scope_id].append(status)
    for touch in touches:
        for scope, claims in by_scope.items():
            if not in_scope(touch.company, scope, roots, policy):
                continue
            for claim in claims:
                if claim.rep_id == touch.rep or not claim.protects(touch.date):
                    continue
                other = reps.get(touch.rep, {})
                if policy.team_shares and teammates(reps.get(claim.rep_id, {}), other):
                    continue
                found.setdefault(
                    (claim.id, touch.rep, touch.contact, touch.date),
                    Collision(
                        group_id=claim.group_id,
                        scope_id=scope,
                        claim_id=claim.id,
                        claim_rep_id=claim.rep_id,
                        claim_channel=claim.channel,
                        other_rep_id=touch.rep,
                        other_rep_name=str(other.get("name", touch.rep)),
                        other_channel=str(other.get("channel", "")),
                        contact_id=touch.contact,
                        contact_name=names.get(touch.contact, touch.contact),
                        company_id=touch.company,
                        date=touch.date,
                        kind=touch.kind,
                    ),
                )
    return sorted(found.values(), key=lambda c: (c.date, c.group_id, c.other_rep_id, c.contact_id, c.claim_id))
