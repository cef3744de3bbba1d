"""What a claims desk must act on, and the credit split of one dispute from its own evidence.

Attention (for a rep, or for everyone when no rep is given): claims that stop
protecting within the next few days, disputes waiting for a manager, and
enterprises that came back to the pool lately, so a claim is renewed by
progress before it lapses and a returned customer is picked up.

The split of a dispute takes its two parties (the holder and the other rep)
and their own activity in the protected scope: who touched it first (the
first-touch share), how many touches each made up to the settlement day (the
process share), and who owns a deal won there by that day (the signing share), then
applies ``credit_split``'s stage weights. ``split_evidence`` is that activity, so the
desk can say what a proposed split is computed from.
"""

from __future__ import annotations

import datetime as dt

import networkx as nx
from pydantic import BaseModel

from graph.analysis._graph import day, edges_of, nodes_of
from graph.analysis.claim_book import ClaimsReport, PoolEntry
from graph.analysis.claim_disputes import Dispute
from graph.analysis.claim_scope import company_roots, in_scope
from graph.analysis.claim_status import ClaimStatus
from graph.analysis.credit_split import DEFAULT_WEIGHTS, CreditShare, Party, StageWeights, credit_split
from graph.domain.claim_policy import ClaimPolicy
from graph.domain.enums import Stage

__all__ = [
    "EXPIRING_DAYS",
    "RETURNED_DAYS",
    "Attention",
    "SplitEvidence",
    "attention",
    "dispute_split",
    "split_evidence",
]

EXPIRING_DAYS = 3
RETURNED_DAYS = 7


class Attention(BaseModel):
    as_of: dt.date
    rep_id: str | None
    expiring: list[ClaimStatus]
    """Live claims whose last protected day is within ``EXPIRING_DAYS`` days, soonest first."""
    disputes: list[Dispute]
    """Disputes waiting to be settled (a rep sees those they are a party to)."""
    returned: list[PoolEntry]
    """Enterprises back in the pool within the last ``RETURNED_DAYS`` days, newest first."""


def attention(
    report: ClaimsReport,
    rep_id: str | None = None,
    expiring_days: int = EXPIRING_DAYS,
    returned_days: int = RETURNED_DAYS,
) -> Attention:
    """What needs doing on ``report.as_of``, for ``rep_id`` or for everyone."""
    day = report.as_of
    soon = day + dt.timedelta(days=expiring_days)
    expiring = [c for c in report.claims if c.status == "live" and c.expires_on <= soon and rep_id in (None, c.rep_id)]
    waiting = [d for d in report.disputes if d.waiting and rep_id in (None, d.holder_id, d.other_rep_id)]
    since = day - dt.timedelta(days=returned_days)
    returned = [p for p in report.pool if since <= p.since <= day]
    return Attention(
        as_of=day,
        rep_id=rep_id,
        expiring=sorted(expiring, key=lambda c: (c.expires_on, c.scope_id, c.id)),
        disputes=waiting,
        returned=returned,
    )


class SplitEvidence(BaseModel):
    """One party's activity in a dispute's scope, which its split is computed from (and the desk shows)."""

    rep_id: str
    touches: int
    """Touches of contacts in the scope up to the day of the split."""
    first_touch_on: dt.date | None
    opened: bool
    """Made the first contact in the scope (a tie on the day goes to the holder)."""
    won: list[str]
    """Names of the deals in the scope this rep owns and won by the day of the split, by name."""


def split_evidence(
    graph: nx.MultiDiGraph[str], dispute: Dispute, on: dt.date, policy: ClaimPolicy | None = None
) -> list[SplitEvidence]:
    """The holder's and the other rep's activity in the dispute's scope up to ``on``, holder first."""
    policy = policy or ClaimPolicy()
    roots = company_roots(graph)
    parties = (dispute.holder_id, dispute.other_rep_id)
    first: dict[str, dt.date] = {}
    touches = dict.fromkeys(parties, 0)
    for rep_key, contact_key, data in edges_of(graph, "TOUCHED"):
        rep, person = graph.nodes[rep_key]["id"], graph.nodes[contact_key]
        touched_on = day(data["date"])
        if (
            rep in touches
            and touched_on <= on
            and in_scope(str(person.get("company_id")), dispute.scope_id, roots, policy)
        ):
            touches[rep] += 1
            first[rep] = min(first.get(rep, touched_on), touched_on)
    opener = min(first, key=lambda rep: (first[rep], rep != dispute.holder_id)) if first else None
    won: dict[str, list[str]] = {rep: [] for rep in parties}
    for _, d in nodes_of(graph, "Opportunity"):
        owner, since = str(d.get("owner_id")), d.get("stage_since")
        if (
            owner in won
            and d.get("stage") == Stage.WON
            and (since is None or day(since) <= on)
            and in_scope(str(d.get("company_id")), dispute.scope_id, roots, policy)
        ):
            won[owner].append(str(d.get("name") or d["id"]))
    return [
        SplitEvidence(
            rep_id=rep, touches=touches[rep], first_touch_on=first.get(rep), opened=rep == opener, won=sorted(won[rep])
        )
        for rep in parties
    ]


def dispute_split(
    graph: nx.MultiDiGraph[str],
    dispute: Dispute,
    on: dt.date,
    policy: ClaimPolicy | None = None,
    weights: StageWeights = DEFAULT_WEIGHTS,
) -> list[CreditShare]:
    """The holder's and the other rep's shares of the credit, from their activity in the dispute's scope.

    Shares are named by rep id, holder first.
    """
    return credit_split(
        [
            Party(name=e.rep_id, first_touch=e.opened, contribution=e.touches, signed=bool(e.won))
            for e in split_evidence(graph, dispute, on, policy)
        ],
        weights,
    )
