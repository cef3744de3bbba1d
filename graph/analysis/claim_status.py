"""Each claim (报备) judged on the day: refused (held, tie, repeat, cap, cooling), live, renewed, lapsed, released.

Claims are taken in filing order and each is judged against what the earlier ones left standing, so the
whole book can be replayed from the records alone; the rules are listed in ``claim_book``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, Literal

import networkx as nx
from pydantic import BaseModel, computed_field

from graph.analysis._graph import nodes_of
from graph.analysis.claim_scope import Activity, claim_day, company_roots, in_scope, scope_of, teammates
from graph.domain.claim_policy import ClaimPolicy

__all__ = ["NOT_PROGRESS", "ClaimJudge", "ClaimState", "ClaimStatus", "Reason", "stage_progress"]

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


def stage_progress(graph: nx.MultiDiGraph[str], as_of: dt.date) -> list[Activity]:
    """Opportunities entering a later stage than the first, or won, up to ``as_of``: the only renewals."""
    found = [
        Activity(str(d["owner_id"]), "", str(d.get("company_id")), claim_day(d["stage_since"]), str(d.get("stage")))
        for _, d in nodes_of(graph, "Opportunity")
        if d.get("owner_id") and d.get("stage_since") and d.get("stage") not in NOT_PROGRESS
    ]
    return sorted((a for a in found if a.date <= as_of), key=lambda a: (a.date, a.rep, a.kind, a.company))


class ClaimJudge:
    """Claims taken in filing order, each judged against what the earlier ones left standing."""

    def __init__(self, graph: nx.MultiDiGraph[str], as_of: dt.date, policy: ClaimPolicy) -> None:
        self.as_of = as_of
        self.policy = policy
        self.roots = company_roots(graph)
        self.tiers = {d["id"]: d.get("tier") or None for _, d in nodes_of(graph, "Company")}
        self.reps = {d["id"]: d for _, d in nodes_of(graph, "Rep")}
        self.progress = stage_progress(graph, as_of)
        self.held: dict[str, ClaimStatus] = {}
        """Scope → its latest claim that was not refused."""
        self.filed_at: dict[str, str] = {}
        self.let_go: dict[tuple[str, str], dt.date] = {}
        """(scope, rep) → the last day the rep's own claim protected, when they let it lapse or released it."""

    def judge(self, claim: Mapping[str, Any]) -> ClaimStatus:
        company, rep = str(claim["company_id"]), str(claim["rep_id"])
        root = self.roots.get(company, company)
        day = claim_day(claim["claimed_on"])
        status = ClaimStatus(
            id=str(claim["id"]),
            company_id=company,
            group_id=root,
            scope_id=scope_of(company, root, self.policy),
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
                "until": str(self._protected_until(holder, day)),
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

    def _protected_until(self, holder: ClaimStatus, day: dt.date) -> dt.date:
        """The last day ``holder`` protected as it stood on ``day``: renewals made by then count, a later release
        or renewal does not, so a refusal reads the same on every later day."""
        period = dt.timedelta(days=self.policy.rule(holder.tier).days - 1)
        until = holder.claimed_on + period
        for renewed in holder.renewed_on:
            if renewed <= day:
                until = max(until, renewed + period)
        return until

    def _sharers(self, rep: str) -> set[str]:
        """Whose progress counts for ``rep``'s claim: theirs, and their team's in their channel if teams share."""
        if not self.policy.team_shares:
            return {rep}
        mine = self.reps.get(rep, {})
        return {rep} | {other for other, data in self.reps.items() if teammates(mine, data)}

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
        if left_on and claim_day(left_on) <= status.expires_on:
            status.expires_on = max(status.claimed_on, claim_day(left_on) - dt.timedelta(days=1))
            status.reason, status.detail = "left", {"on": str(left_on)}
        released = claim.get("released_on")
        if released and claim_day(released) <= min(self.as_of, status.expires_on):
            status.expires_on = claim_day(released) - dt.timedelta(days=1)
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
