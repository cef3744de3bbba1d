"""Claim (报备) rules pinned with dates: boundaries, renewal, branches, same-day ties, collisions.

The group: ``hq`` with branches ``east`` (tier 1) and ``west``; one contact in each.
Reps: ``tele`` (telesales), ``direct`` and ``mate`` (one direct team), ``partner``.
"""

from __future__ import annotations

import datetime as dt

import networkx as nx
import pytest

from graph.analysis.claims import ClaimPolicy, claims_report

D = dt.date.fromisoformat


@pytest.fixture
def group() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for cid, tier in (("hq", 2), ("east", 1), ("west", 2)):
        g.add_node(f"Company:{cid}", label="Company", id=cid, name=cid.upper(), tier=tier)
    for branch in ("east", "west"):
        g.add_edge(f"Company:{branch}", "Company:hq", key="BRANCH_OF:", type="BRANCH_OF")
        g.add_node(f"Contact:{branch}-p", label="Contact", id=f"{branch}-p", name=f"P {branch}", company_id=branch)
    g.add_node("Contact:hq-p", label="Contact", id="hq-p", name="P hq", company_id="hq")
    for rid, channel, team in (
        ("tele", "telesales", "T"),
        ("direct", "direct", "KA"),
        ("mate", "direct", "KA"),
        ("partner", "partner", "P"),
    ):
        g.add_node(f"Rep:{rid}", label="Rep", id=rid, name=rid.title(), channel=channel, team=team)
    return g


def claim(g: nx.MultiDiGraph, company: str, rep: str, on: str) -> None:
    channel = g.nodes[f"Rep:{rep}"]["channel"]
    cid = f"{company}-{rep}-{on}"
    g.add_node(f"Claim:{cid}", label="Claim", id=cid, company_id=company, rep_id=rep, channel=channel, claimed_on=on)


def touch(g: nx.MultiDiGraph, rep: str, contact: str, on: str) -> None:
    g.add_edge(f"Rep:{rep}", f"Contact:{contact}", key=f"TOUCHED:{on}", type="TOUCHED", date=on, kind="call")


def deal_moves(g: nx.MultiDiGraph, owner: str, on: str) -> None:
    """An opportunity at east, owned by ``owner``, entering the bid stage on ``on``."""
    deal = {"label": "Opportunity", "id": "o1", "company_id": "east", "owner_id": owner, "stage": "bid"}
    g.add_node("Opportunity:o1", **deal, stage_since=on)


def statuses(g: nx.MultiDiGraph, as_of: str, policy: ClaimPolicy | None = None) -> list[tuple[str, str, str, str]]:
    report = claims_report(g, D(as_of), policy)
    return [(c.rep_id, c.scope_id, c.status, str(c.expires_on)) for c in report.claims]


class TestProtection:
    def test_fourteen_days_both_ends_included(self, group: nx.MultiDiGraph) -> None:
        claim(group, "west", "tele", "2026-10-01")
        assert statuses(group, "2026-10-15") == [("tele", "hq", "live", "2026-10-15")]
        assert statuses(group, "2026-10-16") == [("tele", "hq", "lapsed", "2026-10-15")]

    def test_tier_sets_the_period_of_the_claimed_company(self, group: nx.MultiDiGraph) -> None:
        claim(group, "east", "tele", "2026-10-01")
        policy = ClaimPolicy(days_by_tier={1: 30})
        assert statuses(group, "2026-10-20", policy) == [("tele", "hq", "live", "2026-10-31")]

    def test_a_claim_made_after_the_as_of_date_is_not_known_yet(self, group: nx.MultiDiGraph) -> None:
        claim(group, "west", "tele", "2026-10-01")
        assert statuses(group, "2026-09-30") == []


class TestRenewal:
    def test_progress_inside_the_period_renews_once(self, group: nx.MultiDiGraph) -> None:
        claim(group, "west", "tele", "2026-10-01")
        touch(group, "tele", "east-p", "2026-10-15")  # last protected day, another branch of the group
        touch(group, "tele", "east-p", "2026-10-20")  # second-period progress renews nothing more
        report = claims_report(group, D("2026-10-29"))
        (status,) = report.claims
        assert (status.renewed, status.expires_on, status.status) == (True, D("2026-10-29"), "live")
        assert "2026-10-15" in status.reason
        assert claims_report(group, D("2026-10-30")).claims[0].status == "lapsed"

    def test_a_stage_change_of_their_deal_renews(self, group: nx.MultiDiGraph) -> None:
        claim(group, "west", "tele", "2026-10-01")
        deal_moves(group, "tele", "2026-10-09")
        (status,) = claims_report(group, D("2026-10-20")).claims
        assert (status.renewed, status.expires_on) == (True, D("2026-10-29"))
        assert status.reason == "renewed once after progress on 2026-10-09 (stage bid)"

    def test_someone_elses_deal_moving_is_not_their_progress(self, group: nx.MultiDiGraph) -> None:
        claim(group, "west", "tele", "2026-10-01")
        deal_moves(group, "mate", "2026-10-09")
        assert claims_report(group, D("2026-10-20")).claims[0].renewed is False

    def test_a_touch_one_day_after_expiry_does_not_renew(self, group: nx.MultiDiGraph) -> None:
        claim(group, "west", "tele", "2026-10-01")
        touch(group, "tele", "west-p", "2026-10-16")
        (status,) = claims_report(group, D("2026-10-20")).claims
        assert (status.renewed, status.status, status.expires_on) == (False, "lapsed", D("2026-10-15"))

    def test_someone_elses_touch_is_not_progress(self, group: nx.MultiDiGraph) -> None:
        claim(group, "west", "tele", "2026-10-01")
        touch(group, "mate", "west-p", "2026-10-03")
        assert claims_report(group, D("2026-10-20")).claims[0].renewed is False


class TestFirstClaimWins:
    def test_a_branch_claim_protects_the_whole_group(self, group: nx.MultiDiGraph) -> None:
        claim(group, "east", "direct", "2026-10-01")
        claim(group, "west", "partner", "2026-10-10")
        (first, second) = claims_report(group, D("2026-10-10")).claims
        assert (first.status, second.status) == ("live", "refused")
        assert second.reason == "protected by Direct (direct) until 2026-10-15"

    def test_after_a_lapse_the_next_claim_stands(self, group: nx.MultiDiGraph) -> None:
        claim(group, "east", "direct", "2026-10-01")
        claim(group, "west", "partner", "2026-10-16")
        assert statuses(group, "2026-10-16") == [
            ("direct", "hq", "lapsed", "2026-10-15"),
            ("partner", "hq", "live", "2026-10-30"),
        ]

    def test_a_claim_on_the_expiry_day_is_refused(self, group: nx.MultiDiGraph) -> None:
        claim(group, "east", "direct", "2026-10-01")
        claim(group, "hq", "partner", "2026-10-15")
        assert [s[2] for s in statuses(group, "2026-10-15")] == ["live", "refused"]

    def test_two_claims_on_the_same_day_are_a_tie(self, group: nx.MultiDiGraph) -> None:
        claim(group, "west", "tele", "2026-10-01")
        claim(group, "east", "direct", "2026-10-01")
        (first, second) = claims_report(group, D("2026-10-02")).claims
        assert (first.rep_id, first.status) == ("direct", "live")
        assert (second.rep_id, second.status) == ("tele", "refused")
        assert "same day" in second.reason and "Direct" in second.reason

    def test_claiming_again_while_protected_changes_nothing(self, group: nx.MultiDiGraph) -> None:
        claim(group, "west", "tele", "2026-10-01")
        claim(group, "east", "tele", "2026-10-05")
        (_, again) = claims_report(group, D("2026-10-06")).claims
        assert again.status == "refused" and again.reason == "already held by the same rep until 2026-10-15"

    def test_branches_claimed_separately_when_the_group_says_so(self, group: nx.MultiDiGraph) -> None:
        claim(group, "east", "direct", "2026-10-01")
        claim(group, "west", "partner", "2026-10-02")
        policy = ClaimPolicy(separate_branches=frozenset({"hq"}))
        assert statuses(group, "2026-10-03", policy) == [
            ("direct", "east", "live", "2026-10-15"),
            ("partner", "west", "live", "2026-10-16"),
        ]


class TestHandover:
    def test_a_holder_who_left_protects_until_the_day_before(self, group: nx.MultiDiGraph) -> None:
        claim(group, "west", "direct", "2026-10-01")
        group.nodes["Rep:direct"].update(status="left", left_on="2026-10-06")
        claim(group, "west", "mate", "2026-10-06")
        report = claims_report(group, D("2026-10-07"))
        (old, new) = report.claims
        assert (old.status, old.expires_on, old.reason) == (
            "lapsed",
            D("2026-10-05"),
            "ended when Direct left on 2026-10-06",
        )
        assert (new.rep_id, new.status, new.expires_on) == ("mate", "live", D("2026-10-20"))


class TestCollisions:
    def test_another_channel_touching_inside_the_period(self, group: nx.MultiDiGraph) -> None:
        claim(group, "west", "tele", "2026-10-01")
        touch(group, "partner", "east-p", "2026-10-15")  # last protected day: collides
        touch(group, "partner", "hq-p", "2026-10-16")  # one day after expiry: free
        touch(group, "partner", "hq-p", "2026-09-30")  # before the claim: free
        collisions = claims_report(group, D("2026-10-31")).collisions
        assert [(c.other_rep_id, c.contact_id, str(c.date), c.claim_rep_id) for c in collisions] == [
            ("partner", "east-p", "2026-10-15", "tele")
        ]
        assert collisions[0].group_id == "hq" and collisions[0].other_channel == "partner"

    def test_the_holders_team_shares_the_claim_unless_told_otherwise(self, group: nx.MultiDiGraph) -> None:
        claim(group, "west", "direct", "2026-10-01")
        touch(group, "mate", "west-p", "2026-10-02")
        assert claims_report(group, D("2026-10-05")).collisions == []
        strict = claims_report(group, D("2026-10-05"), ClaimPolicy(team_shares=False)).collisions
        assert [c.other_rep_id for c in strict] == ["mate"]

    def test_a_refused_claim_protects_nothing(self, group: nx.MultiDiGraph) -> None:
        claim(group, "west", "direct", "2026-10-01")
        claim(group, "east", "tele", "2026-10-03")
        touch(group, "partner", "east-p", "2026-10-04")
        assert [c.claim_rep_id for c in claims_report(group, D("2026-10-05")).collisions] == ["direct"]

    def test_separate_branches_collide_only_inside_their_branch(self, group: nx.MultiDiGraph) -> None:
        claim(group, "east", "direct", "2026-10-01")
        touch(group, "tele", "west-p", "2026-10-02")
        touch(group, "tele", "east-p", "2026-10-03")
        policy = ClaimPolicy(separate_branches=frozenset({"hq"}))
        assert [c.contact_id for c in claims_report(group, D("2026-10-05"), policy).collisions] == ["east-p"]
