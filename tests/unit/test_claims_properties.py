"""Claim rules under any history (hypothesis): invariants no sequence of claims, touches and deals may break.

Whatever was claimed, touched, moved, released or settled, on any day: a scope
has at most one claim protecting it on that day; nothing renews more often
than its tier allows or past what its progress gives; the pool holds only
scopes nobody protects; every refusal says why; and judging on a later day
never changes how an earlier claim was decided.
"""

from __future__ import annotations

import datetime as dt

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.analysis.claim_book import claims_report
from graph.domain.claim_policy import ClaimPolicy, TierRule

START = dt.date(2026, 1, 1)
COMPANIES = ("hq", "east", "west", "solo")
REPS = ("tele", "direct", "mate", "partner")
CHANNELS = {"tele": "telesales", "direct": "direct", "mate": "direct", "partner": "partner"}


def _base() -> nx.MultiDiGraph[str]:
    g: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for company, tier in zip(COMPANIES, (1, 2, 2, 3), strict=True):
        g.add_node(f"Company:{company}", label="Company", id=company, tier=tier)
        g.add_node(f"Contact:{company}-p", label="Contact", id=f"{company}-p", name=company, company_id=company)
    for branch in ("east", "west"):
        g.add_edge(f"Company:{branch}", "Company:hq", key="BRANCH_OF:", type="BRANCH_OF")
    for rep in REPS:
        team = "KA" if CHANNELS[rep] == "direct" else rep
        g.add_node(f"Rep:{rep}", label="Rep", id=rep, name=rep, channel=CHANNELS[rep], team=team)
    return g


days = st.integers(min_value=0, max_value=60)
claims = st.lists(
    st.tuples(st.sampled_from(COMPANIES), st.sampled_from(REPS), days, st.one_of(st.none(), st.integers(0, 20))),
    max_size=8,
)
touches = st.lists(st.tuples(st.sampled_from(REPS), st.sampled_from(COMPANIES), days), max_size=8)
deals = st.lists(
    st.tuples(
        st.sampled_from(REPS), st.sampled_from(COMPANIES), days, st.sampled_from(["approve", "bid", "won", "lost"])
    ),
    max_size=4,
)
policies = st.builds(
    lambda d, r, c, k: ClaimPolicy(default=TierRule(days=d, renewals=r, cap=c, cooling_days=k)),
    st.integers(1, 20),
    st.integers(0, 3),
    st.integers(1, 3),
    st.integers(0, 20),
)


def _history(
    claimed: list[tuple[str, str, int, int | None]],
    touched: list[tuple[str, str, int]],
    moved: list[tuple[str, str, int, str]],
) -> nx.MultiDiGraph[str]:
    g = _base()
    for n, (company, rep, day, released_after) in enumerate(claimed):
        on = START + dt.timedelta(days=day)
        props = {"company_id": company, "rep_id": rep, "channel": CHANNELS[rep], "claimed_on": str(on)}
        if released_after is not None:
            props["released_on"] = str(on + dt.timedelta(days=released_after))
        g.add_node(f"Claim:k{n}", label="Claim", id=f"k{n}", **props)
    for n, (rep, company, day) in enumerate(touched):
        when = str(START + dt.timedelta(days=day))
        g.add_edge(f"Rep:{rep}", f"Contact:{company}-p", key=f"TOUCHED:{n}", type="TOUCHED", date=when, kind="call")
    for n, (rep, company, day, stage) in enumerate(moved):
        when = str(START + dt.timedelta(days=day))
        g.add_node(
            f"Opportunity:o{n}",
            label="Opportunity",
            id=f"o{n}",
            company_id=company,
            owner_id=rep,
            stage=stage,
            stage_since=when,
        )
    return g


@settings()
@given(claims, touches, deals, policies, days)
def test_claim_rules_hold_under_any_history(
    claimed: list[tuple[str, str, int, int | None]],
    touched: list[tuple[str, str, int]],
    moved: list[tuple[str, str, int, str]],
    policy: ClaimPolicy,
    looked: int,
) -> None:
    graph = _history(claimed, touched, moved)
    as_of = START + dt.timedelta(days=looked)
    report = claims_report(graph, as_of, policy)
    rule = policy.default
    for day in (START + dt.timedelta(days=n) for n in range(looked + 1)):
        protecting = [c.scope_id for c in report.claims if c.protects(day)]
        assert len(protecting) == len(set(protecting)), f"two claims protect one scope on {day}"
    for claim in report.claims:
        assert len(claim.renewed_on) <= rule.renewals
        assert all(claim.claimed_on < d <= as_of for d in claim.renewed_on)
        if claim.status == "refused":
            assert claim.reason in ("held", "tie", "repeat", "cap", "cooling", "filed_refused")
        else:
            last_progress = max(claim.renewed_on, default=claim.claimed_on)
            assert claim.expires_on <= last_progress + dt.timedelta(days=rule.days - 1)
        if claim.status == "live":
            assert claim.expires_on >= as_of
    live_scopes = {c.scope_id for c in report.claims if c.status == "live"}
    assert not live_scopes & {p.scope_id for p in report.pool}
    earlier = claims_report(graph, as_of - dt.timedelta(days=1), policy) if looked else None
    if earlier is not None:
        before = {c.id: (c.status == "refused", c.reason) for c in earlier.claims}
        now = {c.id: (c.status == "refused", c.reason) for c in report.claims if c.id in before}
        assert {k: v[0] for k, v in now.items()} == {k: v[0] for k, v in before.items()}, (
            "a later day re-decided a claim"
        )
