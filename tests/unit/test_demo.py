"""The demo data set holds what the issue promises, and is the same on every run."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from typing import Any

import networkx as nx
import pytest

from graph.domain.claim_records import Claim
from graph.domain.fields import Record
from graph.domain.model import (
    US_VENDOR_ID,
    Company,
    Competitor,
    CompetitorRelationship,
    Contact,
    Influence,
    Opportunity,
    OpportunityRole,
    OrgUnit,
    Purchase,
    Relationship,
    Rep,
    Touch,
)
from ingest.demo import demo_records
from ingest.demo_ids import CHINESE_GROUP_ID, COLLISION_COMPANY_ID, DEMO_TODAY


@pytest.fixture(scope="module")
def records() -> list[Record]:
    return demo_records()


def of(records: list[Record], kind: type[Any]) -> list[Any]:
    return [r for r in records if isinstance(r, kind)]


def test_same_records_every_run(records: list[Record]) -> None:
    assert [r.model_dump() for r in demo_records()] == [r.model_dump() for r in records]


def test_three_groups_with_a_deep_chinese_group(records: list[Record]) -> None:
    companies = {c.id: c for c in of(records, Company)}
    tree = nx.DiGraph((c.id, c.parent_id) for c in companies.values() if c.parent_id)
    roots = [c.id for c in companies.values() if not c.parent_id]
    assert len(roots) >= 3
    chinese = nx.ancestors(tree, CHINESE_GROUP_ID)
    assert len(chinese) >= 8
    assert max(nx.shortest_path_length(tree, c, CHINESE_GROUP_ID) for c in chinese) >= 2
    people = Counter(c.company_id for c in of(records, Contact))
    assert sum(people[c] for c in chinese | {CHINESE_GROUP_ID}) >= 300
    assert {companies[r].tier for r in roots} == {1, 2, 3}


def test_every_reference_resolves(records: list[Record]) -> None:
    ids: dict[type, set[str]] = defaultdict(set)
    for r in records:
        if hasattr(r, "id"):
            ids[type(r)].add(r.id)
    for c in of(records, Contact):
        assert c.company_id in ids[Company] and (c.unit_id is None or c.unit_id in ids[OrgUnit])
        assert set(c.reports_to) <= ids[Contact]
    for i in of(records, Influence):
        assert {i.from_id, i.to_id} <= ids[Contact]
    for r in of(records, Relationship) + of(records, Touch):
        assert r.rep_id in ids[Rep] and r.contact_id in ids[Contact]
    assert {t.opportunity_id for t in of(records, Touch)} - {None} <= ids[Opportunity]
    for role in of(records, OpportunityRole):
        assert role.opportunity_id in ids[Opportunity] and role.contact_id in ids[Contact]
    assert {c.competitor_id for c in of(records, CompetitorRelationship)} <= ids[Competitor]
    assert {p.vendor for p in of(records, Purchase)} <= ids[Competitor] | {US_VENDOR_ID}
    assert {r.manager_id for r in of(records, Rep)} - {None} <= ids[Rep]


def test_reporting_lines_are_acyclic_and_point_upwards(records: list[Record]) -> None:
    contacts = {c.id: c for c in of(records, Contact)}
    lines = nx.DiGraph((c.id, m) for c in contacts.values() for m in c.reports_to)
    assert nx.is_directed_acyclic_graph(lines)
    assert all((contacts[m].level or 0) < (contacts[c].level or 0) for c, m in lines.edges)
    assert any(len(c.reports_to) > 1 for c in contacts.values()), "no dotted line"


def test_influence_is_varied_and_never_self_or_duplicate(records: list[Record]) -> None:
    edges = [(i.from_id, i.to_id, i.kind) for i in of(records, Influence)]
    assert len(edges) == len(set(edges)) and all(a != b for a, b, _ in edges)
    assert {k.value for _, _, k in edges} >= {"advice", "informal", "family", "former_colleague", "friend"}
    company = {c.id: c.company_id for c in of(records, Contact)}
    assert any(company[a] != company[b] for a, b, _ in edges), "no cross-branch influence"


def test_team_covers_roles_channels_and_a_departure(records: list[Record]) -> None:
    reps = of(records, Rep)
    assert len(reps) >= 15
    assert {r.role.value for r in reps} == {"AE", "SDR", "MDR", "BDR", "FAE", "CSM", "AM", "solution", "delivery"}
    assert {r.channel.value for r in reps} == {"direct", "telesales", "partner"}
    assert [r.id for r in reps if r.status == "left"] == ["rep-zhao"]


def test_touches_span_eighteen_months(records: list[Record]) -> None:
    dates = [t.date for t in of(records, Touch)]
    assert max(dates) <= DEMO_TODAY and (max(dates) - min(dates)).days >= 17 * 30


def test_hq_policy_pattern_of_seed_003(records: list[Record]) -> None:
    security = [p for p in of(records, Purchase) if p.category == "网络安全" and p.since]
    ours = [p for p in security if p.vendor == US_VENDOR_ID]
    assert ours
    window = [p for p in security if p.vendor != US_VENDOR_ID and abs((p.since - ours[0].since).days) <= 120]
    assert len({p.company_id for p in window}) >= 3
    assert len({p.vendor for p in window}) == 2


def test_opportunities_span_stages_and_one_lacks_an_economic_buyer(records: list[Record]) -> None:
    stages = {o.stage.value for o in of(records, Opportunity)}
    assert len(stages) >= 6 and {"won", "lost"} <= stages
    buyers = {r.opportunity_id for r in of(records, OpportunityRole) if r.role == "economic_buyer"}
    open_deals = {o.id for o in of(records, Opportunity) if o.stage not in ("won", "lost")}
    assert open_deals - buyers


def test_one_claim_collides_with_another_channel(records: list[Record]) -> None:
    claim = next(c for c in of(records, Claim) if c.company_id == COLLISION_COMPANY_ID)
    assert (DEMO_TODAY - claim.claimed_on) <= dt.timedelta(days=30)
    channel = {r.id: r.channel for r in of(records, Rep)}
    company = {c.id: c.company_id for c in of(records, Contact)}
    collisions = [
        t
        for t in of(records, Touch)
        if company[t.contact_id] == COLLISION_COMPANY_ID
        and t.date > claim.claimed_on
        and channel[t.rep_id] != claim.channel
    ]
    assert [t.rep_id for t in collisions] == ["rep-chen"]


def test_remaining_references_resolve(records: list[Record]) -> None:
    companies = {c.id for c in of(records, Company)}
    units = {u.id: u for u in of(records, OrgUnit)}
    reps = {r.id for r in of(records, Rep)}
    assert all(c.parent_id is None or c.parent_id in companies for c in of(records, Company))
    assert all(u.company_id in companies and (u.parent_id is None or u.parent_id in units) for u in units.values())
    assert all(c.unit_id is None or units[c.unit_id].company_id == c.company_id for c in of(records, Contact))
    assert all(o.company_id in companies and o.owner_id in reps for o in of(records, Opportunity))
    assert all(c.company_id in companies and c.rep_id in reps for c in of(records, Claim))
    assert all(p.company_id in companies for p in of(records, Purchase))


def test_companies_carry_tier_size_industry_city(records: list[Record]) -> None:
    assert all(c.employees and c.industry and c.city for c in of(records, Company))


def test_departments_nest(records: list[Record]) -> None:
    assert any(u.parent_id for u in of(records, OrgUnit))


def test_contacts_look_like_real_crm_data(records: list[Record]) -> None:
    contacts = of(records, Contact)
    chinese = [c for c in contacts if c.company_id.startswith("co-hd")]
    assert all(c.phone and len(c.phone) == 11 and c.phone[:2] in ("13", "15", "18") for c in chinese)
    assert all(c.email for c in contacts)
    assert 0 < sum(c.status == "left" for c in contacts) < len(contacts) / 10
    assert any(c.last_verified is None for c in contacts)
    assert any(c.last_verified and (DEMO_TODAY - c.last_verified).days > 180 for c in contacts)
    assert any(c.last_verified and (DEMO_TODAY - c.last_verified).days <= 180 for c in contacts)
    roles = {c.buying_role.value for c in contacts}
    assert {"decision_maker", "economic_buyer", "champion", "blocker"} <= roles
    assert sum(c.stance.value in ("unknown", "neutral") for c in contacts) > len(contacts) / 2


def test_a_family_or_boss_ear_edge_reaches_a_top_decision_maker(records: list[Record]) -> None:
    level = {c.id: c.level for c in of(records, Contact)}
    edges = of(records, Influence)
    assert any(i.kind == "family" and level[i.to_id] == 1 for i in edges)
    assert all(0.1 <= i.weight <= 1.0 for i in edges)


def test_coverage_has_gaps_and_single_threads(records: list[Record]) -> None:
    contacts = {c.id: c for c in of(records, Contact)}
    relationships = of(records, Relationship)
    known = {r.contact_id for r in relationships}
    deciders = [c for c in contacts.values() if c.buying_role.value in ("economic_buyer", "decision_maker")]
    assert sum(c.id not in known for c in deciders) >= 3
    reps_by_company: dict[str, set[str]] = {}
    for r in relationships:
        reps_by_company.setdefault(contacts[r.contact_id].company_id, set()).add(r.rep_id)
    assert any(len(reps) == 1 for reps in reps_by_company.values())
    rival = {c.contact_id for c in of(records, CompetitorRelationship)}
    assert any(c.id in rival for c in deciders)
    assert sum(r.manager_id is not None for r in of(records, Rep)) > len(of(records, Rep)) / 2


def test_hq_policy_window_is_short_and_leaves_branches_untouched(records: list[Record]) -> None:
    security = [p for p in of(records, Purchase) if p.category == "网络安全" and p.since]
    ours = next(p for p in security if p.vendor == US_VENDOR_ID)
    rivals = {p.company_id for p in security if p.vendor != US_VENDOR_ID and abs((p.since - ours.since).days) <= 90}
    assert len(rivals) >= 3
    branches = {c.id for c in of(records, Company) if c.parent_id and c.id.startswith("co-hd")}
    assert branches - {p.company_id for p in security}, "no untouched branch"
    assert CHINESE_GROUP_ID not in {p.company_id for p in security}
