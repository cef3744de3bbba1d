"""The sentences other pages say about claims: who holds a company, what a group box adds, a map's collision note.

Split from the claims desk's forms because the decision chain, the group tree and the Claims page all
need these lines, and none of them needs a form. Each is in the reader's language and not yet escaped.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence

from graph.analysis.claim_book import ClaimsReport, collided_contacts
from graph.analysis.claim_status import ClaimStatus
from ui.i18n import enum_label, t
from ui.phrases import listing
from ui.refusals import claim_reason_text

__all__ = [
    "claim_line",
    "claimed_boxes",
    "collision_tooltips",
    "covered_text",
    "matched_names",
    "protected_until",
    "reason_text",
]


def reason_text(status: ClaimStatus) -> str:
    """Why the claim stands as it does, in the reader's language (not yet escaped)."""
    return claim_reason_text(status.reason, {"until": status.expires_on, **status.detail})


def covered_text(
    scope_id: str, group_id: str, company_id: str, names: Mapping[str, str], separate: Collection[str]
) -> str:
    """What a claim covers, in the one wording every list and sentence of the desk uses (not yet escaped).

    A claim protects its whole enterprise (the group, all its branches), whichever company it was filed on,
    and then names that company too; in a group whose branches are claimed one by one (``separate``, the
    policy's ``separate_branches``) it protects that company alone.
    """
    scope = names.get(scope_id, scope_id)
    if group_id in separate:
        return t("claims.covers.alone", scope=scope)
    if company_id and company_id != scope_id:
        return t("claims.covers.enterprise_via", scope=scope, company=names.get(company_id, company_id))
    return t("claims.covers.enterprise", scope=scope)


MATCHES_SHOWN = 3
"""How many of the companies a search matched in one enterprise are named before "and n more"."""


def matched_names(names: Sequence[str]) -> str:
    """The companies of one enterprise a search matched: the first few by name, then how many more."""
    shown = listing(names[:MATCHES_SHOWN])
    more = len(names) - MATCHES_SHOWN
    return t("claims.search.more", names=shown, more=more) if more > 0 else shown


def protected_until(status: ClaimStatus) -> str:
    """The "protected until" cell: the last day a claim protects, the day it was released, or "—" if refused.

    A claim released on its first day protects until the day before it was made, which reads as nonsense;
    the release day is what the reader needs.
    """
    if status.status == "refused":
        return "—"
    if status.status == "released":
        return t("claims.until.released", on=status.detail.get("on", str(status.expires_on)))
    return status.expires_on.isoformat()


def _covering(report: ClaimsReport, company_id: str, group_id: str) -> list[ClaimStatus]:
    """Claims (not refused) whose scope covers the company: the group's, or the company's own."""
    return [c for c in report.claims if c.status != "refused" and c.scope_id in (company_id, group_id)]


def claim_line(report: ClaimsReport, company_id: str, group_id: str) -> str:
    """Who holds the company's claim until when, else since when it is in the pool, in the reader's language."""
    covering = _covering(report, company_id, group_id)
    live = [c for c in covering if c.status == "live"]
    if live:
        c = live[-1]
        return t("claims.line.held", holder=c.rep_name, channel=enum_label(c.channel), until=c.expires_on)
    pooled = [p.since for p in report.pool if p.scope_id in (company_id, group_id)]
    return t("claims.line.pool", since=max(pooled)) if pooled else t("claims.line.none")


def claimed_boxes(report: ClaimsReport) -> dict[str, str]:
    """Scope id → "claimed by … to …" for every live claim: the line the group tree adds to a box."""
    return {
        c.scope_id: t("claims.box", holder=c.rep_name, until=c.expires_on) for c in report.claims if c.status == "live"
    }


def collision_tooltips(report: ClaimsReport, contact_ids: Iterable[str]) -> dict[str, str]:
    """Contact id → the latest collision they were part of, in the reader's language (map tooltips)."""
    holders = {c.id: c.rep_name for c in report.claims}
    return {
        contact: t(
            "claims.collision.note",
            other=c.other_rep_name,
            other_channel=enum_label(c.other_channel),
            kind=enum_label(c.kind),
            date=c.date,
            holder=holders.get(c.claim_id, c.claim_rep_id),
            channel=enum_label(c.claim_channel),
        )
        for contact, c in collided_contacts(report, contact_ids).items()
    }
