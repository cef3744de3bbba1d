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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypedDict

from pydantic import BaseModel

from graph.analysis._graph import day
from graph.analysis.hq_signal import DEFAULT_WINDOW_DAYS, densest_wave, signal_threshold
from graph.domain.hierarchy import group_roots
from graph.domain.model import US_VENDOR_ID
from graph.domain.normalise import product_category

__all__ = [
    "DealSize",
    "GroupRoot",
    "LastTouch",
    "OurDeal",
    "PeopleCount",
    "PortfolioCompany",
    "PortfolioPurchase",
    "PortfolioRow",
    "portfolio",
]


class GroupRoot(TypedDict):
    """A group root or stand-alone company."""

    group_id: str
    name: str | None
    tier: int | None
    industry: str | None


class PortfolioCompany(TypedDict):
    """Every company with its parent, so groups resolve without walking the graph; ``0`` employees is unknown."""

    company_id: str
    parent_id: str | None
    employees: int | None


class PortfolioPurchase(TypedDict):
    """Spend of one company on one category from one vendor; ``since`` is the store's ISO date text."""

    company_id: str
    category: str
    vendor: str
    amount: float | None
    since: str | None


class PeopleCount(TypedDict):
    company_id: str
    people: int


class LastTouch(TypedDict):
    """The latest touch of anyone at a company, as the store's ISO date text."""

    company_id: str
    last_touch: str | None


class OurDeal(TypedDict):
    """One install of ours with the buyer's head count (``0``: unknown)."""

    category: str
    amount: float | None
    employees: int | None


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
    roots: Sequence[GroupRoot],
    companies: Sequence[PortfolioCompany],
    purchases: Sequence[PortfolioPurchase],
    decision_makers: Sequence[PeopleCount],
    known_decision_makers: Sequence[PeopleCount],
    last_touches: Sequence[LastTouch],
    our_deals: Sequence[OurDeal],
    competitor_names: Mapping[str, str],
    as_of: dt.date,
    window_days: int = DEFAULT_WINDOW_DAYS,
) -> list[PortfolioRow]:
    """One row per group from the store's per-company aggregates, biggest whitespace first, then by name and id.

    The rows are the store's ``PortfolioRows`` as the server streams them:
    numbers as numbers, unset values as ``None``, dates as ISO text. ``0``
    employees and a ``0`` tier mean unknown, as does an empty name (the row
    then shows the group id).

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
    group_of = group_roots({c["company_id"]: c.get("parent_id") or None for c in companies})
    spend = _Spend()
    for row in sorted(purchases, key=_purchase_order):  # sums of floats differ in the last digit by order
        spend.add(row, group_of, competitor_names)
    members = _members(group_of)
    book = _Book(
        members=members,
        staff={c["company_id"]: c.get("employees") or None for c in companies},
        deal_sizes=_deal_sizes(our_deals),
        spend=spend,
        people=_people(group_of, decision_makers, known_decision_makers),
        touched=_last_touches(group_of, last_touches),
        waves=_waves(spend.started, members, window_days),
    )
    return sorted((book.row(info, as_of) for info in roots), key=lambda r: (-r.whitespace, r.name, r.group_id))


def _purchase_order(row: PortfolioPurchase) -> tuple[str, str, str, str, float]:
    return (row["company_id"], row["category"], row["vendor"], row.get("since") or "", float(row["amount"] or 0.0))


@dataclass
class _Spend:
    """Who buys what in each group: our installs, rivals' spend, and when each branch started a category."""

    ours: set[tuple[str, str]] = field(default_factory=set)
    """``(company, category)`` pairs we supply."""
    served: set[str] = field(default_factory=set)
    """Companies we supply anything."""
    rival_spend: dict[tuple[str, str], float] = field(default_factory=lambda: defaultdict(float))
    started: dict[tuple[str, str], dict[str, dt.date]] = field(default_factory=lambda: defaultdict(dict))
    """Per ``(group, category)``: the day each branch (not the root) first bought it from anyone."""
    our_revenue: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    rival_revenue: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    rivals: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def add(self, row: PortfolioPurchase, group_of: Mapping[str, str], names: Mapping[str, str]) -> None:
        """Count one purchase row into its group (a company outside every group is ignored)."""
        company, vendor = row["company_id"], row["vendor"]
        group = group_of.get(company)
        if group is None:
            return
        category = product_category(row["category"])
        amount = float(row["amount"] or 0.0)
        if vendor == US_VENDOR_ID:
            self.ours.add((company, category))
            self.served.add(company)
            self.our_revenue[group] += amount
        else:
            self.rival_spend[(company, category)] += amount
            self.rival_revenue[group] += amount
            self.rivals[group].add(names.get(vendor, vendor))
        if row.get("since") and company != group:
            self._started(group, category, company, day(row["since"]))

    def _started(self, group: str, category: str, company: str, since: dt.date) -> None:
        dates = self.started[(group, category)]
        earlier = dates.get(company)
        dates[company] = min(since, earlier) if earlier else since


@dataclass(frozen=True)
class _Book:
    """Everything the rows are made of, per group or per company."""

    members: Mapping[str, set[str]]
    staff: Mapping[str, int | None]
    deal_sizes: Mapping[str, DealSize]
    spend: _Spend
    people: Mapping[str, list[int]]
    touched: Mapping[str, dt.date]
    waves: Mapping[str, list[str]]

    def row(self, info: GroupRoot, as_of: dt.date) -> PortfolioRow:
        group = info["group_id"]
        members = self.members[group]
        dms, dms_known = self.people[group]
        touched = self.touched.get(group)
        return PortfolioRow(
            group_id=group,
            name=info.get("name") or group,
            tier=info.get("tier") or None,
            industry=info.get("industry") or None,
            companies=len(members),
            branches=len(members) - 1,
            our_revenue=round(self.spend.our_revenue[group], 2),
            competitor_spend=round(self.spend.rival_revenue[group], 2),
            competitors=sorted(self.spend.rivals[group]),
            untouched_branches=sum(1 for c in members if c != group and c not in self.spend.served),
            whitespace=round(self._whitespace(members), 2),
            decision_makers=dms,
            decision_makers_known=dms_known,
            coverage=round(dms_known / dms, 3) if dms else None,
            last_touch=touched,
            days_since_touch=(as_of - touched).days if touched else None,
            hq_signals=sorted(self.waves[group]),
        )

    def _whitespace(self, members: set[str]) -> float:
        """Per company and catalogue category not ours: a rival's install there, else our likely deal."""
        return sum(
            self.spend.rival_spend.get((company, category)) or size.estimate(self.staff.get(company))
            for company in sorted(members)
            for category, size in self.deal_sizes.items()
            if (company, category) not in self.spend.ours
        )


def _members(group_of: Mapping[str, str]) -> dict[str, set[str]]:
    members: dict[str, set[str]] = defaultdict(set)
    for company, group in group_of.items():
        members[group].add(company)
    return members


def _deal_sizes(our_deals: Sequence[OurDeal]) -> dict[str, DealSize]:
    """Per category we sell (the catalogue), what our deals in it are worth, in category order."""
    deals: dict[str, list[tuple[float, int | None]]] = defaultdict(list)
    for deal in our_deals:
        deals[product_category(deal["category"])].append((float(deal["amount"] or 0.0), deal["employees"] or None))
    return {category: DealSize(amounts) for category, amounts in sorted(deals.items())}


def _people(
    group_of: Mapping[str, str], decision_makers: Sequence[PeopleCount], known: Sequence[PeopleCount]
) -> dict[str, list[int]]:
    """Per group: ``[decision makers, of them known to an active rep of ours]``."""
    people: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for column, rows in enumerate((decision_makers, known)):
        for row in rows:
            group = group_of.get(row["company_id"])
            if group is not None:
                people[group][column] += int(row["people"])
    return people


def _last_touches(group_of: Mapping[str, str], last_touches: Sequence[LastTouch]) -> dict[str, dt.date]:
    """Per group: the latest day anyone of ours touched anyone there."""
    touched: dict[str, dt.date] = {}
    for row in last_touches:
        group = group_of.get(row["company_id"])
        if group is not None and row.get("last_touch"):
            when = day(row["last_touch"])
            touched[group] = max(when, touched.get(group, when))
    return touched


def _waves(
    started: Mapping[tuple[str, str], dict[str, dt.date]], members: Mapping[str, set[str]], window_days: int
) -> dict[str, list[str]]:
    """Per group: the categories enough of its branches started buying within ``window_days`` of each other."""
    waves: dict[str, list[str]] = defaultdict(list)
    for (group, category), dates in started.items():
        if len(densest_wave(dates, window_days)) >= signal_threshold(len(members[group]) - 1):
            waves[group].append(category)
    return waves
