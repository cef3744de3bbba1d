""" "Is it already protected?": find an enterprise by a spelling of its name or a contact's phone.

Names are compared by their normalised key (full-/half-width, brackets, legal
suffixes such as 有限公司 folded, see ``graph.domain.normalise``): a key that contains
the query's key matches first, then close spellings (``difflib`` ratio ≥ 0.6),
so 华东电网 and "华东电网集团有限责任公司" both find 华东电网集团有限公司. A group's
headquarters comes before its branches, so asking for a group never lists
only its branches. ``by_scope`` folds the hits one claim would cover into one
answer, so a group of eleven companies reads as one enterprise, with one claim
to file, not eleven.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Collection, Iterable

from pydantic import BaseModel

from graph.analysis.claim_book import ClaimsReport
from graph.domain.normalise import company_key

__all__ = ["ProtectionHit", "ScopeHits", "by_scope", "find_protection"]

CLOSE_ENOUGH = 0.6
MAX_HITS = 10


class ProtectionHit(BaseModel):
    company_id: str
    company_name: str
    group_id: str
    matched_by: str
    """``name``, ``similar name`` or ``phone``."""
    protected: bool
    holder_id: str | None
    holder_name: str | None
    channel: str | None
    expires_on: dt.date | None


def _closest_first(company: str, key: str, wanted: str, roots: dict[str, str]) -> tuple[bool, int, str, str]:
    """Headquarters before their branches, then the names closest in length to what was asked, then by id."""
    return (roots.get(company, company) != company, len(key) - len(wanted), key, company)


def find_protection(
    query: str,
    companies: Iterable[dict[str, str]],
    roots: dict[str, str],
    report: ClaimsReport,
    phone_companies: Iterable[str] = (),
) -> list[ProtectionHit]:
    """Companies matching ``query`` (or owning a contact with that phone), each with its live protection.

    ``companies`` rows carry ``id``, ``name`` and ``name_key``; ``roots`` maps
    company → group root; ``phone_companies`` are companies whose contacts have
    the queried phone number (looked up by the store).
    """
    wanted = company_key(query)
    rows = {row["id"]: row for row in companies}
    found: dict[str, str] = {company: "phone" for company in sorted(phone_companies) if company in rows}
    if wanted:
        keys = {row["id"]: row["name_key"] for row in rows.values()}
        containing = [company for company, key in keys.items() if wanted in key]
        for company in sorted(containing, key=lambda c: _closest_first(c, keys[c], wanted, roots)):
            found.setdefault(company, "name")
        if len(found) < MAX_HITS:
            close = difflib.get_close_matches(wanted, sorted(set(keys.values())), n=MAX_HITS, cutoff=CLOSE_ENOUGH)
            rank = {key: place for place, key in enumerate(close)}
            similar = [company for company, key in keys.items() if key in rank]
            for company in sorted(similar, key=lambda c: (rank[keys[c]], c)):
                found.setdefault(company, "similar name")
    live = {c.scope_id: c for c in report.claims if c.status == "live"}
    hits = []
    for company, how in list(found.items())[:MAX_HITS]:
        group = roots.get(company, company)
        holder = live.get(company) or live.get(group)
        hits.append(
            ProtectionHit(
                company_id=company,
                company_name=rows[company]["name"],
                group_id=group,
                matched_by=how,
                protected=holder is not None,
                holder_id=holder.rep_id if holder else None,
                holder_name=holder.rep_name if holder else None,
                channel=holder.channel if holder else None,
                expires_on=holder.expires_on if holder else None,
            )
        )
    return hits


class ScopeHits(BaseModel):
    """The hits one claim covers: one enterprise (or one company, where its group's branches are claimed
    one by one), with the same protection."""

    scope_id: str
    group_id: str
    hits: list[ProtectionHit]


def by_scope(hits: Iterable[ProtectionHit], separate: Collection[str]) -> list[ScopeHits]:
    """``hits`` grouped by what a claim on them covers, in the order they were found (``separate`` holds the
    groups whose branches are claimed one by one, the policy's ``separate_branches``).

    >>> def hit(company, group):
    ...     return ProtectionHit(company_id=company, company_name=company, group_id=group, matched_by="name",
    ...                          protected=False, holder_id=None, holder_name=None, channel=None, expires_on=None)
    >>> [(s.scope_id, len(s.hits)) for s in by_scope([hit("g", "g"), hit("b1", "g"), hit("b2", "g")], ())]
    [('g', 3)]
    >>> [s.scope_id for s in by_scope([hit("g", "g"), hit("b1", "g")], {"g"})]
    ['g', 'b1']
    """
    grouped: dict[tuple[str, str | None, dt.date | None], ScopeHits] = {}
    for hit in hits:
        scope = hit.company_id if hit.group_id in separate else hit.group_id
        entry = grouped.setdefault(
            (scope, hit.holder_id, hit.expires_on), ScopeHits(scope_id=scope, group_id=hit.group_id, hits=[])
        )
        entry.hits.append(hit)
    return list(grouped.values())
