"""Claims (报备), the pool (公海) and collisions (撞单): who holds a customer, until when, who stepped on it.

Rules (seed 000: ownership is decided for the whole enterprise; the numbers
come from ``ClaimPolicy``, per tier of the claimed company):

- A claim on any company counts for its whole group (resolved to the root),
  unless the group's branches are claimed separately
  (``ClaimPolicy.separate_branches``): then it counts for that company alone.
- It protects ``days`` natural days, the claim day being the first: claimed
  on 11-01 with 14 days, it protects through 11-14 and lapses on 11-15.
- Only real progress renews it, at most ``renewals`` times, each time for
  ``days`` from the progress day: an opportunity in the protected scope,
  owned by the holder (or their team, see ``team_shares``), entering a later
  stage than the first (``stage_since``) or being won. A touch is not
  progress, and nothing on the claim day itself counts.
- Claims are judged in the order they were made (day, then the filing time
  of claims filed in the app, then rep id). A claim is refused when the scope
  is protected by someone else (naming the holder and until when), when two
  claims of one day cannot be ordered by filing time (a same-day tie, for a
  manager to settle), when the rep already holds it (a repeat), when the rep
  holds ``cap`` live claims on customers of that tier, or within
  ``cooling_days`` after the rep's own claim on it lapsed or was released.
  A claim the claims desk refused when it was filed stays refused, and a
  refusal names the holder's protection as it stood on the refusal day (a
  later release or renewal does not rewrite it).
- A claim stops protecting the day it is released (退回) or transferred by a
  settlement, and the day before its holder left (``Rep.left_on``).
- A lapsed or released claim returns the enterprise to the pool (公海) from
  the day after its last protected day; anyone may claim it from there.
- A collision is a touch, inside a protection period, of any contact in the
  protected scope by a rep of another channel or another team than the
  holder. The holder's own team in the same channel works the account with
  them, so their touches are not collisions unless ``team_shares`` is off.
- A dispute is what a manager settles (判单): a same-day tie, or the
  collisions of one other rep inside one claim. A settlement (keep the
  holder, transfer, split credit) made on or after the dispute's last event
  closes it; a later touch opens it again.

The parts: what a claim covers and the filing order (``claim_scope``), each claim's judgement
(``claim_status``), collisions (``claim_collisions``), disputes and settlements (``claim_disputes``);
this module assembles the report and the pool.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Literal

import networkx as nx
from pydantic import BaseModel

from graph.analysis._graph import nodes_of
from graph.analysis.claim_collisions import Collision, claim_touches, find_collisions
from graph.analysis.claim_disputes import Dispute, find_disputes
from graph.analysis.claim_scope import claim_day, filing_order
from graph.analysis.claim_status import ClaimJudge, ClaimStatus
from graph.domain.claim_policy import ClaimPolicy

__all__ = ["ClaimsReport", "PoolEntry", "claims_report", "collided_contacts"]


class PoolEntry(BaseModel):
    """An enterprise back in the pool (公海): its last claim lapsed, was released, or its holder left."""

    scope_id: str
    group_id: str
    company_id: str
    since: dt.date
    last_holder_id: str
    last_holder_name: str
    how: Literal["lapsed", "released", "left"]


class ClaimsReport(BaseModel):
    as_of: dt.date
    claims: list[ClaimStatus]
    collisions: list[Collision]
    disputes: list[Dispute]
    pool: list[PoolEntry]


def claims_report(graph: nx.MultiDiGraph[str], as_of: dt.date, policy: ClaimPolicy | None = None) -> ClaimsReport:
    """Every claim's status on ``as_of``, the collisions and disputes up to that day, and the pool.

    ``graph`` holds the companies (with ``BRANCH_OF``), claims, settlements,
    reps, opportunities, contacts and touches to judge; claims, touches and
    stage changes after ``as_of`` are not known yet.
    """
    policy = policy or ClaimPolicy()
    judge = ClaimJudge(graph, as_of, policy)
    claims = sorted(
        (d for _, d in nodes_of(graph, "Claim") if claim_day(d["claimed_on"]) <= as_of),
        key=filing_order,
    )
    statuses = [judge.judge(claim) for claim in claims]
    collisions = find_collisions(graph, statuses, claim_touches(graph, as_of), judge.roots, policy)
    return ClaimsReport(
        as_of=as_of,
        claims=statuses,
        collisions=collisions,
        disputes=find_disputes(graph, statuses, collisions, as_of),
        pool=_pool(judge.held.values()),
    )


def _pool(latest: Iterable[ClaimStatus]) -> list[PoolEntry]:
    """Scopes whose latest standing claim no longer protects and was not handed to anyone."""
    pool = []
    for claim in latest:
        if claim.status in ("lapsed", "released") and claim.reason != "transferred":
            how: Literal["lapsed", "released", "left"] = "left" if claim.reason == "left" else claim.status
            pool.append(
                PoolEntry(
                    scope_id=claim.scope_id,
                    group_id=claim.group_id,
                    company_id=claim.company_id,
                    since=max(claim.expires_on, claim.claimed_on - dt.timedelta(days=1)) + dt.timedelta(days=1),
                    last_holder_id=claim.rep_id,
                    last_holder_name=claim.rep_name,
                    how=how,
                )
            )
    return sorted(pool, key=lambda p: (p.since, p.scope_id), reverse=True)


def collided_contacts(report: ClaimsReport, contact_ids: Iterable[str]) -> dict[str, Collision]:
    """For the given contacts, the latest collision each was part of (for map tooltips).

    >>> report = ClaimsReport(as_of=dt.date(2026, 11, 1), claims=[], disputes=[], pool=[], collisions=[Collision(
    ...     group_id="g", scope_id="g", claim_id="k", claim_rep_id="sun", claim_channel="telesales",
    ...     other_rep_id="chen", other_rep_name="Chen", other_channel="partner", contact_id="c1",
    ...     contact_name="Zhu", company_id="g", date=dt.date(2026, 10, 20), kind="visit")])
    >>> {k: c.other_rep_name for k, c in collided_contacts(report, ["c1", "c2"]).items()}
    {'c1': 'Chen'}
    """
    wanted = set(contact_ids)
    return {c.contact_id: c for c in sorted(report.collisions, key=lambda c: c.date) if c.contact_id in wanted}
