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
  A claim the claims desk refused when it was filed stays refused.
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
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

import networkx as nx
from pydantic import BaseModel, computed_field

from graph.analysis._graph import edges_of, nodes_of
from graph.domain.claim_policy import ClaimPolicy
from graph.domain.hierarchy import group_roots

__all__ = [
    "ClaimStatus",
    "ClaimsReport",
    "Collision",
    "Dispute",
    "PoolEntry",
    "SettlementView",
    "claims_report",
    "collided_contacts",
    "company_roots",
    "filing_moment",
    "in_scope",
]

ClaimState = Literal["live", "lapsed", "released", "refused"]
Reason = Literal[
    "",
    "renewed",
    "lapsed",
    "released",
    "transferred",
    "left",
    "held",
    "tie",
    "repeat",
    "cap",
    "cooling",
    "filed_refused",
]
NOT_PROGRESS = frozenset({"validate", "lost"})
"""Stages whose entry is no progress: the first stage (a deal just opened) and a lost deal."""


class ClaimStatus(BaseModel):
    id: str
    company_id: str
    group_id: str
    scope_id: str
    """What the claim protects: the group root, or the company itself when branches are claimed separately."""
    rep_id: str
    rep_name: str
    channel: str
    tier: int | None
    claimed_on: dt.date
    expires_on: dt.date
    """The last day it protects (before ``claimed_on`` when it was released on its first day)."""
    renewed_on: list[dt.date]
    status: ClaimState
    reason: Reason
    """Why refused, renewed, lapsed or ended: a code the pages and the CLI put into words."""
    detail: dict[str, str]
    """The reason's particulars: ``holder``, ``channel``, ``until`` and ``claim`` (the holder's), ``cap``,
    ``tier``, ``again_from``, ``on``, ``stage``, ``by``, ``to``."""

    @computed_field  # type: ignore[prop-decorator]
    @property
    def renewed(self) -> bool:
        return bool(self.renewed_on)

    def protects(self, day: dt.date) -> bool:
        return self.status != "refused" and self.claimed_on <= day <= self.expires_on


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


class SettlementView(BaseModel):
    decision: str
    """``keep``, ``transfer`` or ``split``."""
    settled_on: dt.date
    settled_by: str
    holder_share: float | None
    note: str


class Dispute(BaseModel):
    """What a manager settles (判单): a same-day tie, or one other rep's collisions inside one claim."""

    kind: Literal["tie", "collision"]
    claim_id: str
    group_id: str
    scope_id: str
    holder_id: str
    holder_name: str
    holder_channel: str
    other_rep_id: str
    other_rep_name: str
    other_channel: str
    first_date: dt.date
    last_date: dt.date
    touches: int
    settlement: SettlementView | None
    """The settlement that closes it, made on or after ``last_date``; ``None`` while it waits."""

    @computed_field  # type: ignore[prop-decorator]
    @property
    def waiting(self) -> bool:
        return self.settlement is None


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


@dataclass
class _Activity:
    """A touch of a contact (collisions), or a deal entering a stage (renewals, ``contact`` empty)."""

    rep: str
    contact: str
    company: str
    date: dt.date
    kind: str


def _day(value: object) -> dt.date:
    return dt.date.fromisoformat(str(value)[:10])


def company_roots(graph: nx.MultiDiGraph[str]) -> dict[str, str]:
    """Company id → its group root's id."""
    parents: dict[str, str | None] = {d["id"]: None for _, d in nodes_of(graph, "Company")}
    parents.update({graph.nodes[s]["id"]: graph.nodes[t]["id"] for s, t, _ in edges_of(graph, "BRANCH_OF")})
    return group_roots(parents)


def _touches(graph: nx.MultiDiGraph[str], as_of: dt.date) -> list[_Activity]:
    found = []
    for rep, contact, data in edges_of(graph, "TOUCHED"):
        person = graph.nodes[contact]
        day = _day(data["date"])
        if day <= as_of:
            found.append(
                _Activity(
                    graph.nodes[rep]["id"], person["id"], str(person.get("company_id")), day, data.get("kind", "")
                )
            )
    return sorted(found, key=lambda t: (t.date, t.rep, t.contact))


def _progress(graph: nx.MultiDiGraph[str], as_of: dt.date) -> list[_Activity]:
    """Opportunities entering a later stage than the first, or won, up to ``as_of``: the only renewals."""
    found = [
        _Activity(str(d["owner_id"]), "", str(d.get("company_id")), _day(d["stage_since"]), str(d.get("stage")))
        for _, d in nodes_of(graph, "Opportunity")
        if d.get("owner_id") and d.get("stage_since") and d.get("stage") not in NOT_PROGRESS
    ]
    return sorted((a for a in found if a.date <= as_of), key=lambda a: (a.date, a.rep, a.kind))


def _scope(company: str, root: str, policy: ClaimPolicy) -> str:
    return company if root in policy.separate_branches else root


def in_scope(company: str, scope: str, roots: dict[str, str], policy: ClaimPolicy) -> bool:
    """Whether a claim on ``scope`` covers ``company`` (its group, or itself when branches are separate)."""
    root = roots.get(company, company)
    return company == scope if root in policy.separate_branches else root == scope


def _teammates(holder: Mapping[str, object], other: Mapping[str, object]) -> bool:
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


def _filing_order(claim: Mapping[str, Any]) -> tuple[str, dt.datetime, str, str]:
    return (str(claim["claimed_on"])[:10], filing_moment(claim.get("filed_at")), str(claim["rep_id"]), str(claim["id"]))


class _Judge:
    """Claims taken in filing order, each judged against what the earlier ones left standing."""

    def __init__(self, graph: nx.MultiDiGraph[str], as_of: dt.date, policy: ClaimPolicy) -> None:
        self.as_of = as_of
        self.policy = policy
        self.roots = company_roots(graph)
        self.tiers = {d["id"]: d.get("tier") or None for _, d in nodes_of(graph, "Company")}
        self.reps = {d["id"]: d for _, d in nodes_of(graph, "Rep")}
        self.progress = _progress(graph, as_of)
        self.held: dict[str, ClaimStatus] = {}
        """Scope → its latest claim that was not refused."""
        self.filed_at: dict[str, str] = {}
        self.let_go: dict[tuple[str, str], dt.date] = {}
        """(scope, rep) → the last day the rep's own claim protected, when they let it lapse or released it."""

    def judge(self, claim: Mapping[str, Any]) -> ClaimStatus:
        company, rep = str(claim["company_id"]), str(claim["rep_id"])
        root = self.roots.get(company, company)
        day = _day(claim["claimed_on"])
        status = ClaimStatus(
            id=str(claim["id"]),
            company_id=company,
            group_id=root,
            scope_id=_scope(company, root, self.policy),
            rep_id=rep,
            rep_name=str(self.reps.get(rep, {}).get("name", rep)),
            channel=str(claim.get("channel", "")),
            tier=self.tiers.get(company),
            claimed_on=day,
            expires_on=day,
            renewed_on=[],
            status="refused",
            reason="",
            detail={},
        )
        self.filed_at[status.id] = str(claim.get("filed_at") or "")
        refusal = self._refusal(status)
        if refusal:
            status.reason, status.detail = refusal
            return status
        if claim.get("refusal"):
            status.reason = "filed_refused"
            return status
        self._protect(status, claim)
        self.held[status.scope_id] = status
        return status

    def _refusal(self, claim: ClaimStatus) -> tuple[Reason, dict[str, str]] | None:
        day, rule = claim.claimed_on, self.policy.rule(claim.tier)
        holder = self.held.get(claim.scope_id)
        if holder is not None and holder.protects(day):
            who = {
                "holder": holder.rep_name,
                "channel": holder.channel,
                "until": str(holder.expires_on),
                "claim": holder.id,
            }
            if holder.rep_id == claim.rep_id:
                return "repeat", who
            if holder.claimed_on == day and not (self.filed_at[holder.id] and self.filed_at[claim.id]):
                return "tie", who
            return "held", who
        let_go = self.let_go.get((claim.scope_id, claim.rep_id))
        if let_go is not None and day <= let_go + dt.timedelta(days=rule.cooling_days):
            return "cooling", {"again_from": str(let_go + dt.timedelta(days=rule.cooling_days + 1))}
        mine = [c for c in self.held.values() if c.rep_id == claim.rep_id and c.protects(day) and c.tier == claim.tier]
        if len(mine) >= rule.cap:
            return "cap", {"cap": str(rule.cap), "tier": str(claim.tier or "")}
        return None

    def _sharers(self, rep: str) -> set[str]:
        """Whose progress counts for ``rep``'s claim: theirs, and their team's in their channel if teams share."""
        if not self.policy.team_shares:
            return {rep}
        mine = self.reps.get(rep, {})
        return {rep} | {other for other, data in self.reps.items() if _teammates(mine, data)}

    def _protect(self, status: ClaimStatus, claim: Mapping[str, Any]) -> None:
        """Set the protection of a claim that stands: renewals, then its end by release, transfer or leaving."""
        rule = self.policy.rule(status.tier)
        period = dt.timedelta(days=rule.days - 1)
        status.status, status.expires_on = "live", status.claimed_on + period
        sharers = self._sharers(status.rep_id)
        for step in self.progress:
            if len(status.renewed_on) >= rule.renewals or step.date > status.expires_on:
                break
            covered = in_scope(step.company, status.scope_id, self.roots, self.policy)
            if step.rep in sharers and covered and step.date > status.claimed_on:
                status.renewed_on.append(step.date)
                status.expires_on = max(status.expires_on, step.date + period)
                status.reason, status.detail = "renewed", {"on": str(step.date), "stage": step.kind}
        left_on = self.reps.get(status.rep_id, {}).get("left_on")
        if left_on and _day(left_on) <= status.expires_on:
            status.expires_on = max(status.claimed_on, _day(left_on) - dt.timedelta(days=1))
            status.reason, status.detail = "left", {"on": str(left_on)}
        released = claim.get("released_on")
        if released and _day(released) <= min(self.as_of, status.expires_on):
            status.expires_on = _day(released) - dt.timedelta(days=1)
            status.status = "released"
            to = claim.get("transferred_to")
            status.reason = "transferred" if to else "released"
            status.detail = {"on": str(released)[:10], "by": str(claim.get("released_by") or "")}
            if to:
                status.detail["to"] = str(self.reps.get(str(to), {}).get("name", to))
            else:
                self.let_go[(status.scope_id, status.rep_id)] = status.expires_on
        elif status.expires_on < self.as_of:
            status.status = "lapsed"
            if status.reason != "left":
                status.reason = "lapsed"
                self.let_go[(status.scope_id, status.rep_id)] = status.expires_on


def claims_report(graph: nx.MultiDiGraph[str], as_of: dt.date, policy: ClaimPolicy | None = None) -> ClaimsReport:
    """Every claim's status on ``as_of``, the collisions and disputes up to that day, and the pool.

    ``graph`` holds the companies (with ``BRANCH_OF``), claims, settlements,
    reps, opportunities, contacts and touches to judge; claims, touches and
    stage changes after ``as_of`` are not known yet.
    """
    policy = policy or ClaimPolicy()
    judge = _Judge(graph, as_of, policy)
    claims = sorted(
        (d for _, d in nodes_of(graph, "Claim") if _day(d["claimed_on"]) <= as_of),
        key=_filing_order,
    )
    statuses = [judge.judge(claim) for claim in claims]
    collisions = _collisions(graph, statuses, _touches(graph, as_of), judge.roots, policy)
    return ClaimsReport(
        as_of=as_of,
        claims=statuses,
        collisions=collisions,
        disputes=_disputes(graph, statuses, collisions, as_of),
        pool=_pool(judge.held.values()),
    )


def _collisions(
    graph: nx.MultiDiGraph[str],
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
            if not in_scope(touch.company, scope, roots, policy):
                continue
            for claim in claims:
                if claim.rep_id == touch.rep or not claim.protects(touch.date):
                    continue
                other = reps.get(touch.rep, {})
                if policy.team_shares and _teammates(reps.get(claim.rep_id, {}), other):
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
    return sorted(found.values(), key=lambda c: (c.date, c.group_id, c.other_rep_id, c.contact_id))


def _settlements(graph: nx.MultiDiGraph[str], as_of: dt.date) -> dict[tuple[str, str], SettlementView]:
    """(claim id, other rep id) → the latest settlement made up to ``as_of``."""
    latest: dict[tuple[str, str], SettlementView] = {}
    for _, d in sorted(nodes_of(graph, "Settlement"), key=lambda n: str(n[1]["settled_on"])):
        if _day(d["settled_on"]) <= as_of:
            share = d.get("holder_share")
            latest[(str(d["claim_id"]), str(d["other_rep_id"]))] = SettlementView(
                decision=str(d["decision"]),
                settled_on=_day(d["settled_on"]),
                settled_by=str(d.get("settled_by", "")),
                holder_share=None if share is None else float(share),
                note=str(d.get("note") or ""),
            )
    return latest


def _disputes(
    graph: nx.MultiDiGraph[str],
    statuses: list[ClaimStatus],
    collisions: list[Collision],
    as_of: dt.date,
) -> list[Dispute]:
    by_id = {c.id: c for c in statuses}
    settled = _settlements(graph, as_of)
    events: dict[tuple[str, str], list[tuple[dt.date, str, str, bool]]] = defaultdict(list)
    for c in collisions:
        events[(c.claim_id, c.other_rep_id)].append((c.date, c.other_rep_name, c.other_channel, True))
    for status in statuses:
        if status.reason == "tie":
            tie = (status.claimed_on, status.rep_name, status.channel, False)
            events[(status.detail["claim"], status.rep_id)].append(tie)
    disputes = []
    for (claim_id, other), found in events.items():
        claim = by_id[claim_id]
        dates = sorted(day for day, *_ in found)
        settlement = settled.get((claim_id, other))
        touches = sum(1 for *_, is_touch in found if is_touch)
        disputes.append(
            Dispute(
                kind="collision" if touches else "tie",
                claim_id=claim_id,
                group_id=claim.group_id,
                scope_id=claim.scope_id,
                holder_id=claim.rep_id,
                holder_name=claim.rep_name,
                holder_channel=claim.channel,
                other_rep_id=other,
                other_rep_name=found[0][1],
                other_channel=found[0][2],
                first_date=dates[0],
                last_date=dates[-1],
                touches=touches,
                settlement=settlement if settlement and settlement.settled_on >= dates[-1] else None,
            )
        )
    return sorted(disputes, key=lambda d: (d.last_date, d.group_id, d.other_rep_id))


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
