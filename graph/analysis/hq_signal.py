"""HQ policy signals: branches that started buying one category at the same time.

Seed 003's lost deal: headquarters told every branch to buy network security
in the same quarter; one branch bought from us on its own budget, the others
from competitors, and nobody saw the pattern. When at least ``min_branches``
branches (default 3) or ``min_share`` of them (default 30 %, never fewer than
two) first bought the same category within ``window_days`` (default 120) of
each other, the purchase was most likely driven from above, and the real
opportunity is a group-wide agreement at headquarters covering the companies
that have not bought yet.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict

from pydantic import BaseModel

from graph.analysis.group_tree import GroupPurchase, GroupTree

__all__ = [
    "DEFAULT_MIN_BRANCHES",
    "DEFAULT_MIN_SHARE",
    "DEFAULT_WINDOW_DAYS",
    "HqSignal",
    "densest_wave",
    "hq_signals",
    "signal_threshold",
]

DEFAULT_MIN_BRANCHES = 3
DEFAULT_MIN_SHARE = 0.3
DEFAULT_WINDOW_DAYS = 120


class HqSignal(BaseModel):
    category: str
    companies: list[str]
    """The branches whose first purchases fall in the window, earliest first."""
    window_days: int
    first: dt.date
    last: dt.date
    evidence: list[GroupPurchase]
    """What each of those branches bought, from whom, when."""
    vendors: list[str]
    """Vendor names in the window, ``us`` included when we were one of them."""
    hq_bought: bool
    """Whether the root itself already buys the category."""
    remaining: list[str]
    """Companies of the group (root included) that do not buy the category yet."""
    estimated_value: float
    """Average amount of the window's purchases times the remaining companies."""
    message: str


def signal_threshold(branches: int, min_branches: int = DEFAULT_MIN_BRANCHES, share: float = DEFAULT_MIN_SHARE) -> int:
    """How many branches must move together to count as a signal.

    Either ``min_branches`` or ``share`` of the branches, whichever is fewer,
    but at least two: one branch buying is a purchase, not a pattern.

    >>> signal_threshold(9), signal_threshold(4), signal_threshold(100), signal_threshold(2)
    (3, 2, 3, 2)
    """
    return max(2, min(min_branches, math.ceil(share * branches)))


def _first_purchases(tree: GroupTree, category: str) -> dict[str, GroupPurchase]:
    """Each branch's first dated purchase in the category (the moment it started buying)."""
    first: dict[str, GroupPurchase] = {}
    for purchase in tree.purchases:
        if purchase.category != category or purchase.company_id == tree.group or purchase.since is None:
            continue
        held = first.get(purchase.company_id)
        if held is None or held.since is None or purchase.since < held.since:
            first[purchase.company_id] = purchase
    return first


def densest_wave(started: dict[str, dt.date], window_days: int = DEFAULT_WINDOW_DAYS) -> list[str]:
    """The most companies whose start dates lie within ``window_days`` of each other, earliest first.

    On a tie the latest wave wins: it is the one still worth acting on.

    >>> d = dt.date.fromisoformat
    >>> densest_wave({"a": d("2025-01-01"), "b": d("2026-03-01"), "c": d("2026-05-01"), "e": d("2026-12-01")})
    ['b', 'c']
    """
    order = sorted(started, key=lambda c: (started[c], c))
    best: list[str] = []
    for start, opening in enumerate(order):
        limit = started[opening] + dt.timedelta(days=window_days)
        inside = [c for c in order[start:] if started[c] <= limit]
        if len(inside) >= len(best):
            best = inside
    return best


def hq_signals(
    tree: GroupTree,
    min_branches: int = DEFAULT_MIN_BRANCHES,
    min_share: float = DEFAULT_MIN_SHARE,
    window_days: int = DEFAULT_WINDOW_DAYS,
) -> list[HqSignal]:
    """Every category whose branches moved together, biggest wave first.

    >>> from graph.analysis.group_tree import TreeCompany
    >>> def buy(c, d): return GroupPurchase(company_id=c, product="fw", category="security",
    ...     vendor="x", vendor_name="Rival", since=dt.date.fromisoformat(d), amount=10.0)
    >>> def company(c): return TreeCompany(id=c, name=c, parent_id=None if c == "hq" else "hq", kind=None,
    ...     depth=int(c != "hq"), tier=None, employees=None, city=None, contacts=0, products={}, rollup={})
    >>> tree = GroupTree(group="hq", categories=["security"], companies=[company(c) for c in ("hq", "a", "b", "c")],
    ...     purchases=[buy("a", "2026-01-05"), buy("b", "2026-02-01"), buy("c", "2026-09-01")])
    >>> [(s.category, s.companies, s.remaining) for s in hq_signals(tree)]
    [('security', ['a', 'b'], ['hq'])]
    """
    branches = len(tree.branches)
    needed = signal_threshold(branches, min_branches, min_share)
    buying: dict[str, set[str]] = defaultdict(set)
    for purchase in tree.purchases:
        buying[purchase.category].add(purchase.company_id)
    names = {c.id: c.name for c in tree.companies}
    signals = []
    for category in tree.categories:
        first = _first_purchases(tree, category)
        wave = [first[c] for c in densest_wave({c: p.since for c, p in first.items() if p.since}, window_days)]
        if len(wave) < needed:
            continue
        opened, closed = wave[0].since, wave[-1].since
        assert opened is not None and closed is not None
        remaining = [c.id for c in tree.companies if c.id not in buying[category]]
        amounts = [p.amount for p in wave if p.amount is not None]
        value = (sum(amounts) / len(amounts)) * len(remaining) if amounts else 0.0
        vendors = sorted({p.vendor_name for p in wave})
        message = (
            f"{len(wave)} of {branches} branches started buying {category} between {opened} and {closed} "
            f"({', '.join(vendors)}): likely a headquarters decision. "
            + (
                f"Offer {names[tree.group]} a group agreement covering the {len(remaining)} companies "
                "that have not bought yet."
                if remaining
                else "Every company already buys it; aim at the renewal."
            )
        )
        signals.append(
            HqSignal(
                category=category,
                companies=[p.company_id for p in wave],
                window_days=(closed - opened).days,
                first=opened,
                last=closed,
                evidence=wave,
                vendors=vendors,
                hq_bought=tree.group in buying[category],
                remaining=remaining,
                estimated_value=round(value, 2),
                message=message,
            )
        )
    return sorted(signals, key=lambda s: (-len(s.companies), s.category))
