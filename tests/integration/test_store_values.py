"""Awkward spreadsheet values on the real server: text with separators, quotes, escapes, newlines, emoji and
Chinese, amounts like 0.1 and unset tiers read back exactly from every portfolio read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

import pytest

from graph.analysis.decision_roles import DECISION_ROLES
from graph.analysis.portfolio_rows import portfolio
from graph.domain.model import Company, Competitor, Contact, Purchase, Relationship, Rep, Touch
from graph.store import GraphStore
from graph.store.rows import GraphRows, NodeRow, graph_rows

pytestmark = pytest.mark.integration


# packed values --------------------------------------------------------

ODD = "a\x1fb|c,d;e \"quoted\" 'single' back\\slash\nnext line 😀 华东电网"
"""Text a spreadsheet cell may hold that a packed or joined row would mangle: separators, quotes, escapes."""
GROUP_NAME = f"集团|{ODD}"
BRANCH_NAME = f"分公司,{ODD};"
BARE_NAME = f"独立\\{ODD}\\"
RIVAL_NAME = f"鼎信科技 {ODD}"
OUR_CATEGORY = f"网络安全\x1f{ODD}"
PLAIN_CATEGORY = "0012"
RIVAL_CATEGORY = "null"


def odd_portfolio() -> GraphRows:
    """A group with one branch, and a stand-alone company with no tier, industry or name key at all."""
    records = [
        Company(id="g", name=GROUP_NAME, tier=1, industry=ODD, employees=12000),
        Company(id="b", name=BRANCH_NAME, parent_id="g", kind="branch", tier=2, employees=800),
        Competitor(id="x1", name=RIVAL_NAME),
        Rep(id="r1", name="Li Wei"),
        Contact(id="dm", name=ODD, company_id="b", buying_role="decision_maker", title=ODD),
        Relationship(rep_id="r1", contact_id="dm", closeness=4, solution_acceptance=3, price_acceptance=2),
        Touch(date="2026-10-02", rep_id="r1", contact_id="dm", kind="visit", note=ODD),
        Purchase(
            company_id="b", product=f"网关 {ODD}", category=OUR_CATEGORY, vendor="us", since="2026-01-01", amount=1234.5
        ),
        Purchase(company_id="bare", product="0.10", category=PLAIN_CATEGORY, vendor="us", amount=0.1),
        Purchase(company_id="g", product="x", category=RIVAL_CATEGORY, vendor="x1", since="2025-05-05", amount=0.1),
        Purchase(company_id="g", product="y", category=RIVAL_CATEGORY, vendor="x1", since="2025-06-06"),
    ]
    rows = graph_rows(records)
    rows.nodes.insert(0, NodeRow("Company", "bare", {"id": "bare", "name": BARE_NAME}))
    return rows


def by_key(rows: Iterable[Mapping[str, Any]], *keys: str) -> list[dict[str, Any]]:
    """Rows as plain dicts in a fixed order: the servers stream them in any order."""
    return sorted((dict(r) for r in rows), key=lambda r: tuple(str(r[k]) for k in keys))


def test_awkward_spreadsheet_values_come_back_exactly_from_every_portfolio_read(store: GraphStore) -> None:
    """Names and categories with separators, quotes, backslashes, newlines, emoji and Chinese, amounts like
    0.1 and unset tiers must read back as written, from the server's aggregates as from the use case.
    """
    report = store.unit_of_work(lambda uow: uow.write_rows(odd_portfolio()))
    assert not report.missing
    group_key, branch_key = Company(id="g", name=GROUP_NAME).name_key, Company(id="b", name=BRANCH_NAME).name_key

    rows = store.portfolio.rows(DECISION_ROLES)
    assert by_key(rows.roots, "group_id") == [
        {"group_id": "bare", "name": BARE_NAME, "tier": None, "industry": None},
        {"group_id": "g", "name": GROUP_NAME, "tier": 1, "industry": ODD},
    ]
    assert by_key(rows.companies, "company_id") == [
        {"company_id": "b", "parent_id": "g", "employees": 800},
        {"company_id": "bare", "parent_id": None, "employees": 0},
        {"company_id": "g", "parent_id": None, "employees": 12000},
    ]
    assert by_key(rows.purchases, "company_id", "category") == [
        {"company_id": "b", "category": OUR_CATEGORY, "vendor": "us", "amount": 1234.5, "since": "2026-01-01"},
        {"company_id": "bare", "category": PLAIN_CATEGORY, "vendor": "us", "amount": 0.1, "since": None},
        {"company_id": "g", "category": RIVAL_CATEGORY, "vendor": "x1", "amount": 0.1, "since": "2025-05-05"},
    ]
    assert rows.decision_makers == [{"company_id": "b", "people": 1}]
    assert rows.known_decision_makers == [{"company_id": "b", "people": 1}]
    assert rows.last_touches == [{"company_id": "b", "last_touch": "2026-10-02"}]
    assert by_key(rows.our_deals, "category") == [
        {"category": PLAIN_CATEGORY, "amount": 0.1, "employees": 0},
        {"category": OUR_CATEGORY, "amount": 1234.5, "employees": 800},
    ]
    assert rows.competitor_names == {"x1": RIVAL_NAME}
    assert store.accounts.our_categories() == sorted([OUR_CATEGORY, PLAIN_CATEGORY])

    groups: list[dict[str, Any]] = [
        {"id": "g", "name": GROUP_NAME, "tier": 1, "industry": ODD, "companies": 2, "contacts": 1},
        {"id": "bare", "name": BARE_NAME, "tier": None, "industry": None, "companies": 1, "contacts": 0},
    ]
    assert store.accounts.groups() == sorted(groups, key=lambda r: (str(r["name"]), str(r["id"])))  # by name, as listed
    assert by_key(store.accounts.company_names(), "id") == [
        {"id": "b", "name": BRANCH_NAME, "name_key": branch_key, "parent_id": "g", "tier": 2},
        {"id": "bare", "name": BARE_NAME, "name_key": "", "parent_id": None, "tier": None},
        {"id": "g", "name": GROUP_NAME, "name_key": group_key, "parent_id": None, "tier": 1},
    ]
    assert [c["name"] for c in store.accounts.group_companies("b")] == [GROUP_NAME, BRANCH_NAME]

    table = {r.group_id: r for r in portfolio(**vars(rows), as_of=dt.date(2026, 11, 1))}
    group, bare = table["g"], table["bare"]
    assert (group.name, group.tier, group.industry, group.companies, group.branches) == (GROUP_NAME, 1, ODD, 2, 1)
    assert (group.our_revenue, group.competitor_spend, group.competitors) == (1234.5, 0.1, [RIVAL_NAME])
    assert (group.decision_makers, group.decision_makers_known, group.coverage) == (1, 1, 1.0)
    assert (group.last_touch, group.days_since_touch, group.untouched_branches) == (dt.date(2026, 10, 2), 30, 0)
    assert (bare.name, bare.tier, bare.industry, bare.companies) == (BARE_NAME, None, None, 1)
    assert (bare.our_revenue, bare.competitor_spend, bare.competitors, bare.coverage) == (0.1, 0.0, [], None)
