"""The portfolio: every customer group on one line, for the team lead.

The store aggregates per company on the server (spend per category and
vendor, decision makers and how many we know, last touch); this module rolls
those rows up to groups without pulling any subgraph, so 10,000 groups stay
fast. Per group:

- *our revenue* and *competitor spend*: installed amounts, whole group.
- *untouched branches*: branches and subsidiaries that buy nothing from us.
- *whitespace*: for every company and every category we sell anywhere (the
  catalogue) that is not ours there, what a rival's install there is worth,
  or else what our deals in that category are worth for a buyer of its size:
  the median of our amount per employee times its employees, or our median
  deal when either head count is unknown. A 600-person branch is not
  priced like a 40,000-person headquarters.
- *coverage*: share of active economic buyers and decision makers that an
  active rep of ours knows.
- *HQ signals*: categories whose branches started buying together
  (``hq_signal.densest_wave`` with the same thresholds as the group view).
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import defaultdict
from typing import Any

from pydantic import BaseModel

from graph.analysis.hq_signal import DEFAULT_WINDOW_DAYS, densest_wave, signal_threshold
from graph.domain.hierarchy import group_roots
from graph.domain.model import US_VENDOR_ID
from graph.domain.normalise import product_category

__all__ = ["DealSize", "PortfolioRow", "portfolio"]


class PortfolioRow(BaseModel):
    group_id: str
    name: str
    tier: int | None
    industry: str | None
    companies: int
    branches: int
    our_revenue: float
    competitor_spend: float
    competitors: list[str]
    """Rival names supplying anything in the group."""
    untouched_branches: int
    whitespace: float
    decision_makers: int
    decision_makers_known: int
    coverage: float | None
    """0–1; ``None`` when the group has no decision makers on record."""
    last_touch: dt.date | None
    days_since_touch: int | None
    hq_signals: list[str]
    """Categories with an HQ policy signal."""


class DealSize:
    """What a category is worth to a buyer, from our own deals in it."""

    def __init__(self, deals: list[tuple[float, int | None]]) -> None:
        amounts = [amount for amount, _ in deals]
        rates = [amount / staff for amount, staff in deals if staff]
        self.median = statistics.median(amounts) if amounts else 0.0
        self.per_employee = statistics.median(rates) if rates else None

    def estimate(self, employees: int | None) -> float:
        """Our likely deal with a buyer of ``employees`` people.

        >>> size = DealSize([(1000.0, 100), (3000.0, 1000)])
        >>> size.estimate(500), size.estimate(None)
        (3250.0, 2000.0)
        """
        if employees and self.per_employee is not None:
            return self.per_employee * employees
        return self.median


def portfolio(
    roots: list[dict[str, Any]],
    companies: list[dict[str, Any]],
    purchases: list[dict[str, Any]],
    decision_makers: list[dict[str, Any]],
    known_decision_makers: list[dict[str, Any]],
    last_touches: list[dict[str, Any]],
    our_deals: list[dict[str, Any]],
    competitor_names: dict[str, str],
    as_of: dt.date,
    window_days: int = DEFAULT_WINDOW_DAYS,
) -> list[PortfolioRow]:
    """One row per group from the store's per-company aggregates, biggest whitespace first.

    Numbers and dates may arrive as text (the store packs them); empty text,
    ``0`` employees and ``0`` tier mean unknown.

    >>> rows = portfolio(
    ...     roots=[{"group_id": "hq", "name": "HQ", "tier": 1, "industry": "grid"}],
    ...     companies=[{"company_id": "hq", "parent_id": None, "employees": 500},
    ...                {"company_id": "b1", "parent_id": "hq", "employees": 50}],
    ...     purchases=[{"company_id": "b1", "category": "sec", "vendor": "us", "amount": 10.0, "since": None}],
    ...     decision_makers=[], known_decision_makers=[], last_touches=[],
    ...     our_deals=[{"category": "sec", "amount": 10.0, "employees": 50}], competitor_names={},
    ...     as_of=dt.date(2026, 1, 1),
    ... )
    >>> rows[0].our_revenue, rows[0].whitespace, rows[0].untouched_branches
    (10.0, 100.0, 0)
    """
    group_of = group_roots({str(c["company_id"]): c.get("parent_id") or None for c in companies})
    staff = {str(c["company_id"]): int(c.get("employees") or 0) or None for c in companies}
    members: dict[str, set[str]] = defaultdict(set)
    for company, group in group_of.items():
        members[group].add(company)
    deals: dict[str, list[tuple[float, int | None]]] = defaultdict(list)
    for deal in our_deals:
        deals[product_category(str(deal["category"]))].append(
            (float(deal["amount"] or 0.0), int(deal["employees"] or 0) or None)
        )
    deal_sizes = {category: DealSize(amounts) for category, amounts in sorted(deals.items())}
    ours: set[tuple[str, str]] = set()
    rival_spend: dict[tuple[str, str], float] = defaultdict(float)
    started: dict[tuple[str, str], dict[str, dt.date]] = defaultdict(dict)
    totals: dict[str, dict[str, float]] = defaultdict(lambda: {"ours": 0.0, "rivals": 0.0})
    rivals: dict[str, set[str]] = defaultdict(set)
    for row in purchases:
        company, category, vendor = str(row["company_id"]), product_category(str(row["category"])), str(row["vendor"])
        owner = group_of.get(company)
        if owner is None:
            continue
        group = owner
        amount = float(row["amount"] or 0.0)
        if vendor == US_VENDOR_ID:
            ours.add((company, category))
            totals[group]["ours"] += amount
        else:
            rival_spend[(company, category)] += amount
            totals[group]["rivals"] += amount
            rivals[group].add(competitor_names.get(vendor, vendor))
        if row.get("since") and company != group:
            since = dt.date.fromisoformat(str(row["since"]))
            earlier = started[(group, category)].get(company)
            started[(group, category)][company] = min(since, earlier) if earlier else since
    people: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for column, rows in enumerate((decision_makers, known_decision_makers)):
        for row in rows:
            owner = group_of.get(str(row["company_id"]))
            if owner is not None:
                people[owner][column] += int(row["people"])
    touched: dict[str, dt.date] = {}
    for row in last_touches:
        owner = group_of.get(str(row["company_id"]))
        if owner is not None and row.get("last_touch"):
            when = dt.date.fromisoformat(str(row["last_touch"]))
            touched[owner] = max(when, touched.get(owner, when))
    served = {company for company, _ in ours}
    waves: dict[str, list[str]] = defaultdict(list)
    for (owner, category), dates in started.items():
        if len(densest_wave(dates, window_days)) >= signal_threshold(len(members[owner]) - 1):
            waves[owner].append(category)
    result = []
    for info in roots:
        group = str(info["group_id"])
        members_here = members[group]
        whitespace = sum(
            rival_spend.get((company, category)) or size.estimate(staff.get(company))
            for company in members_here
            for category, size in deal_sizes.items()
            if (company, category) not in ours
        )
        dms, dms_known = people[group]
        result.append(
            PortfolioRow(
                group_id=group,
                name=str(info.get("name") or group),
                tier=info.get("tier") or None,
                industry=info.get("industry") or None,
                companies=len(members_here),
                branches=len(members_here) - 1,
                our_revenue=round(totals[group]["ours"], 2),
                competitor_spend=round(totals[group]["rivals"], 2),
                competitors=sorted(rivals[group]),
                untouched_branches=sum(1 for c in members_here if c != group and c not in served),
                whitespace=round(whitespace, 2),
                decision_makers=dms,
                decision_makers_known=dms_known,
                coverage=round(dms_known / dms, 3) if dms else None,
                last_touch=touched.get(group),
                days_since_touch=(as_of - touched[group]).days if group in touched else None,
                hq_signals=sorted(waves[group]),
            )
        )
    return sorted(result, key=lambda r: (-r.whitespace, r.name))
