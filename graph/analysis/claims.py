"""Claims (报备) and collisions (撞单): who holds a customer, until when, and who stepped on it.

Rules (seed 000: ownership is decided for the whole enterprise):

- A claim on any company counts for its whole group (resolved to the root),
  unless the group is configured to let branches be claimed separately
  (``ClaimPolicy.separate_branches``): then it counts for that company alone.
- A claim protects from ``claimed_on`` through ``expires_on`` = ``claimed_on`` +
  the protection period (default 14 days, configurable per tier of the
  claimed company), both days included.
- It is renewed once, automatically, when its holder makes qualifying progress
  within the first period: a touch of any contact of the protected scope, or
  an opportunity there that they own entering a new stage (``stage_since``).
  ``expires_on`` moves one more period out. Without progress it lapses.
- First valid claim wins: claims are taken in date order; a claim on a scope
  protected by someone else is refused, naming the holder and the expiry.
  Two claims on the same day: the earlier one by rep id stands and the other
  is refused as a same-day tie, for a manager to settle. A holder claiming
  their own protected scope again changes nothing (refused as a repeat).
- A claim whose holder left (``Rep.left_on``) stops protecting the day they left:
  a handover gives the successor a claim of their own from that day.
- A collision is a touch, inside a protection period, of any contact in the
  protected scope by a rep of another channel or another team than the
  holder, with the evidence: who, whom, when, which claim. The holder's own
  team in the same channel works the account with them (a key account has an
  AM, AEs, FAEs …), so their touches are not collisions unless
  ``ClaimPolicy.team_shares`` is off, when every other rep collides.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

import networkx as nx
from pydantic import BaseModel

from graph.analysis._graph import edges_of, nodes_of
from graph.hierarchy import group_roots

__all__ = [
    "DEFAULT_PROTECTION_DAYS",
    "ClaimPolicy",
    "ClaimStatus",
    "ClaimsReport",
    "Collision",
    "claims_report",
    "collision_notes",
]

DEFAULT_PROTECTION_DAYS = 14
ClaimState = Literal["live", "lapsed", "refused"]


@dataclass(frozen=True)
class ClaimPolicy:
    protection_days: int = DEFAULT_PROTECTION_DAYS
    days_by_tier: dict[int, int] = field(default_factory=dict)
    """Tier → protection days, overriding ``protection_days`` for companies of that tier."""
    separate_branches: frozenset[str] = frozenset()
    """Group root ids whose branches are claimed one by one."""
    team_shares: bool = True
    """Reps of the holder's team and channel share the claim (their touches do not collide)."""

    def days_for(self, tier: int | None) -> int:
        return self.days_by_tier.get(tier or 0, self.protection_days)


class ClaimStatus(BaseModel):
    id: str
    company_id: str
    group_id: str
    scope_id: str
    """What the claim protects: the group root, or the company itself when branches are claimed separately."""
    rep_id: str
    rep_name: str
    channel: str
    claimed_on: dt.date
    expires_on: dt.date
    renewed: bool
    status: ClaimState
    reason: str
    """Why refused, renewed or lapsed, in one sentence."""


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


class ClaimsReport(BaseModel):
    as_of: dt.date
    claims: list[ClaimStatus]
    collisions: list[Collision]


@dataclass
class _Activity:
    """A touch of a contact, or a deal moving stage (``contact`` empty): what renews a claim."""

    rep: str
    contact: str
    company: str
    date: dt.date
    kind: str


def _roots(graph: nx.MultiDiGraph) -> dict[str, str]:
    """Company id → its group root's id."""
    parents: dict[str, str | None] = {d["id"]: None for _, d in nodes_of(graph, "Company")}
    parents.update({graph.nodes[s]["id"]: graph.nodes[t]["id"] for s, t, _ in edges_of(graph, "BRANCH_OF")})
    return group_roots(parents)


def _touches(graph: nx.MultiDiGraph) -> list[_Activity]:
    found = []
    for rep, contact, data in edges_of(graph, "TOUCHED"):
        person = graph.nodes[contact]
        found.append(
            _Activity(
                rep=graph.nodes[rep]["id"],
                contact=person["id"],
                company=str(person.get("company_id")),
                date=dt.date.fromisoformat(str(data["date"])),
                kind=str(data.get("kind", "other")),
            )
        )
    return sorted(found, key=lambda t: (t.date, t.rep, t.contact))


def _stage_changes(graph: nx.MultiDiGraph) -> list[_Activity]:
    """Opportunities entering a new stage, as progress by their owner at the opportunity's company."""
    return [
        _Activity(
            rep=str(d["owner_id"]),
            contact="",
            company=str(d.get("company_id")),
            date=dt.date.fromisoformat(str(d["stage_since"])),
            kind=f"stage {d.get('stage')}",
        )
        for _, d in nodes_of(graph, "Opportunity")
        if d.get("owner_id") and d.get("stage_since")
    ]


def _scope(company: str, root: str, policy: ClaimPolicy) -> str:
    return company if root in policy.separate_branches else root


def _in_scope(company: str, scope: str, roots: dict[str, str], policy: ClaimPolicy) -> bool:
    root = roots.get(company, company)
    return company == scope if root in policy.separate_branches else root == scope


def claims_report(graph: nx.MultiDiGraph, as_of: dt.date, policy: ClaimPolicy | None = None) -> ClaimsReport:
    """Every claim's status on ``as_of`` and every collision up to that day.

    ``graph`` holds the companies (with ``BRANCH_OF``), claims, reps, contacts and
    touches to judge; claims and touches after ``as_of`` are not yet known.
    """
    policy = policy or ClaimPolicy()
    roots = _roots(graph)
    tiers = {d["id"]: d.get("tier") for _, d in nodes_of(graph, "Company")}
    reps = {d["id"]: d for _, d in nodes_of(graph, "Rep")}
    touches = [t for t in _touches(graph) if t.date <= as_of]
    progress_made = sorted(
        touches + [s for s in _stage_changes(graph) if s.date <= as_of], key=lambda t: (t.date, t.rep, t.kind)
    )
    claims = sorted(
        (d for _, d in nodes_of(graph, "Claim") if dt.date.fromisoformat(str(d["claimed_on"])) <= as_of),
        key=lambda d: (str(d["claimed_on"]), str(d["rep_id"]), str(d["id"])),
    )
    held: dict[str, ClaimStatus] = {}
    statuses: list[ClaimStatus] = []
    for claim in claims:
        company, rep = str(claim["company_id"]), str(claim["rep_id"])
        root = roots.get(company, company)
        scope = _scope(company, root, policy)
        claimed_on = dt.date.fromisoformat(str(claim["claimed_on"]))
        period = dt.timedelta(days=policy.days_for(tiers.get(company)))
        status = ClaimStatus(
            id=str(claim["id"]),
            company_id=company,
            group_id=root,
            scope_id=scope,
            rep_id=rep,
            rep_name=str(reps.get(rep, {}).get("name", rep)),
            channel=str(claim.get("channel", "")),
            claimed_on=claimed_on,
            expires_on=claimed_on + period,
            renewed=False,
            status="live",
            reason="",
        )
        holder = held.get(scope)
        if holder is not None and holder.expires_on >= claimed_on:
            status.status = "refused"
            status.expires_on = claimed_on
            if holder.rep_id == rep:
                status.reason = f"already held by the same rep until {holder.expires_on}"
            elif holder.claimed_on == claimed_on:
                status.reason = (
                    f"claimed the same day as {holder.rep_name} ({holder.channel}), whose claim stands "
                    "by rep id: a same-day tie for a manager to settle"
                )
            else:
                status.reason = f"protected by {holder.rep_name} ({holder.channel}) until {holder.expires_on}"
            statuses.append(status)
            continue
        progress = [
            t
            for t in progress_made
            if t.rep == rep and claimed_on <= t.date <= status.expires_on and _in_scope(t.company, scope, roots, policy)
        ]
        if progress:
            status.renewed = True
            status.expires_on += period
            what = progress[0].kind if progress[0].kind.startswith("stage ") else "a touch"
            status.reason = f"renewed once after progress on {progress[0].date} ({what})"
        left_on = reps.get(rep, {}).get("left_on")
        if left_on and dt.date.fromisoformat(str(left_on)) <= status.expires_on:
            status.expires_on = max(claimed_on, dt.date.fromisoformat(str(left_on)) - dt.timedelta(days=1))
            status.reason = f"ended when {status.rep_name} left on {left_on}"
        if status.expires_on < as_of:
            status.status = "lapsed"
            status.reason = status.reason or "lapsed: no progress within the protection period"
        held[scope] = status
        statuses.append(status)
    return ClaimsReport(as_of=as_of, claims=statuses, collisions=_collisions(graph, statuses, touches, roots, policy))


def _teammates(holder: dict[str, object], other: dict[str, object]) -> bool:
    return bool(holder.get("team")) and (holder.get("team"), holder.get("channel")) == (
        other.get("team"),
        other.get("channel"),
    )


def _collisions(
    graph: nx.MultiDiGraph,
    statuses: Iterable[ClaimStatus],
    touches: list[_Activity],
    roots: dict[str, str],
    policy: ClaimPolicy,
) -> list[Collision]:
    reps = {d["id"]: d for _, d in nodes_of(graph, "Rep")}
    names = {d["id"]: str(d.get("name", d["id"])) for _, d in nodes_of(graph, "Contact")}
    found: dict[tuple[str, str, str, dt.date], Collision] = {}
    by_scope: dict[str, list[ClaimStatus]] = defaultdict(list)
    for status in statuses:
        if status.status != "refused":
            by_scope[status.scope_id].append(status)
    for touch in touches:
        for scope, claims in by_scope.items():
            if not _in_scope(touch.company, scope, roots, policy):
                continue
            for claim in claims:
                if claim.rep_id == touch.rep or not claim.claimed_on <= touch.date <= claim.expires_on:
                    continue
                other = reps.get(touch.rep, {})
                if policy.team_shares and _teammates(reps.get(claim.rep_id, {}), other):
                    continue
                key = (claim.id, touch.rep, touch.contact, touch.date)
                found.setdefault(
                    key,
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
    return sorted(found.values(), key=lambda c: (c.date, c.group_id, c.other_rep_id, c.contact_id))


def collision_notes(report: ClaimsReport, contact_ids: Iterable[str]) -> dict[str, str]:
    """For the given contacts, one line on the latest collision each was part of (for map tooltips).

    >>> report = ClaimsReport(as_of=dt.date(2026, 11, 1), claims=[], collisions=[Collision(
    ...     group_id="g", scope_id="g", claim_id="k", claim_rep_id="sun", claim_channel="telesales",
    ...     other_rep_id="chen", other_rep_name="Chen", other_channel="partner", contact_id="c1",
    ...     contact_name="Zhu", company_id="g", date=dt.date(2026, 10, 20), kind="visit")])
    >>> collision_notes(report, ["c1", "c2"])
    {'c1': 'collision (撞单): Chen (partner) made a visit on 2026-10-20 inside the claim of sun (telesales)'}
    """
    wanted = set(contact_ids)
    holders = {c.id: c.rep_name for c in report.claims}
    notes: dict[str, str] = {}
    for c in sorted(report.collisions, key=lambda c: c.date):
        if c.contact_id in wanted:
            holder = holders.get(c.claim_id, c.claim_rep_id)
            notes[c.contact_id] = (
                f"collision (撞单): {c.other_rep_name} ({c.other_channel}) made a {c.kind} on {c.date} "
                f"inside the claim of {holder} ({c.claim_channel})"
            )
    return notes
