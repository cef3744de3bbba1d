"""Claim (报备) rules pinned with dates: protection, renewal, the pool, cap, cooling-off, release, settlement.

The group: ``hq`` with branches ``east`` (tier 1) and ``west``; one contact in each.
Reps: ``tele`` (telesales), ``direct`` and ``mate`` (one direct team), ``partner``.
Day N is 2026-11-N: a claim on day 1 protects through day 14 and lapses on day 15.
"""

from __future__ import annotations

import datetime as dt

import networkx as nx
import pytest

from graph.analysis.claim_attention import attention, dispute_split, split_evidence
from graph.analysis.claim_book import ClaimsReport, claims_report
from graph.domain.claim_policy import ClaimPolicy, TierRule


def day(n: int) -> dt.date:
    return dt.date(2026, 11, 1) + dt.timedelta(days=n - 1)


@pytest.fixture
def group() -> nx.MultiDiGraph[str]:
    g: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for cid, tier in (("hq", 2), ("east", 1), ("west", 2), ("solo", 2)):
        g.add_node(f"Company:{cid}", label="Company", id=cid, name=cid.upper(), tier=tier)
    for branch in ("east", "west"):
        g.add_edge(f"Company:{branch}", "Company:hq", key="BRANCH_OF:", type="BRANCH_OF")
    for cid in ("hq", "east", "west", "solo"):
        g.add_node(f"Contact:{cid}-p", label="Contact", id=f"{cid}-p", name=f"P {cid}", company_id=cid)
    for rid, channel, team in (
        ("tele", "telesales", "T"),
        ("direct", "direct", "KA"),
        ("mate", "direct", "KA"),
        ("partner", "partner", "P"),
    ):
        g.add_node(f"Rep:{rid}", label="Rep", id=rid, name=rid.title(), channel=channel, team=team)
    return g


def claim(g: nx.MultiDiGraph[str], company: str, rep: str, on: int, **extra: object) -> str:
    channel = g.nodes[f"Rep:{rep}"]["channel"]
    cid = f"{company}-{rep}-{on}"
    props = {"company_id": company, "rep_id": rep, "channel": channel, "claimed_on": str(day(on)), **extra}
    g.add_node(f"Claim:{cid}", label="Claim", id=cid, **props)
    return cid


def touch(g: nx.MultiDiGraph[str], rep: str, contact: str, on: int) -> None:
    g.add_edge(f"Rep:{rep}", f"Contact:{contact}", key=f"TOUCHED:{on}", type="TOUCHED", date=str(day(on)), kind="call")


def deal(
    g: nx.MultiDiGraph[str], owner: str, on: int, stage: str = "bid", deal_id: str = "o1", company: str = "east"
) -> None:
    """An opportunity owned by ``owner`` that entered ``stage`` on day ``on``."""
    props = {"id": deal_id, "company_id": company, "owner_id": owner, "stage": stage, "stage_since": str(day(on))}
    g.add_node(f"Opportunity:{deal_id}", label="Opportunity", **props)


def settle(g: nx.MultiDiGraph[str], claim_id: str, other: str, on: int, decision: str = "keep") -> None:
    props = {"claim_id": claim_id, "company_id": "west", "other_rep_id": other, "decision": decision}
    g.add_node(
        f"Settlement:{claim_id}{other}", label="Settlement", id=f"s-{claim_id}", **props, settled_on=str(day(on))
    )


def report(g: nx.MultiDiGraph[str], on: int, policy: ClaimPolicy | None = None) -> ClaimsReport:
    return claims_report(g, day(on), policy)


def states(g: nx.MultiDiGraph[str], on: int, policy: ClaimPolicy | None = None) -> list[tuple[str, str, str, str]]:
    """(rep, status, last protected day, reason) of every claim known on day ``on``."""
    return [(c.rep_id, c.status, str(c.expires_on), c.reason) for c in report(g, on, policy).claims]


class TestProtection:
    def test_the_claim_day_is_day_one(self, group: nx.MultiDiGraph[str]) -> None:
        claim(group, "west", "tele", 1)
        assert states(group, 1) == [("tele", "live", "2026-11-14", "")]

    def test_day_fourteen_is_the_last_protected_day(self, group: nx.MultiDiGraph[str]) -> None:
        claim(group, "west", "tele", 1)
        assert states(group, 14) == [("tele", "live", "2026-11-14", "")]

    def test_day_fifteen_it_has_lapsed(self, group: nx.MultiDiGraph[str]) -> None:
        claim(group, "west", "tele", 1)
        assert states(group, 15) == [("tele", "lapsed", "2026-11-14", "lapsed")]

    def test_the_tier_of_the_claimed_company_sets_the_period(self, group: nx.MultiDiGraph[str]) -> None:
        claim(group, "east", "tele", 1)
        policy = ClaimPolicy(tiers={1: TierRule(days=30)})
        assert states(group, 20, policy) == [("tele", "live", "2026-11-30", "")]

    def test_a_claim_made_after_the_as_of_date_is_not_known_yet(self, group: nx.MultiDiGraph[str]) -> None:
        claim(group, "west", "tele", 2)
        assert states(group, 1) == []


class TestRenewal:
    def test_a_touch_on_the_claim_day_does_not_renew(self, group: nx.MultiDiGraph[str]) -> None:
        claim(group, "west", "direct", 1)
        touch(group, "direct", "west-p", 1)
        assert states(group, 15) == [("direct", "lapsed", "2026-11-14", "lapsed")]

    def test_a_touch_on_day_ten_does_not_renew(self, group: nx.MultiDiGraph[str]) -> None:
        claim(group, "west", "direct", 1)
        touch(group, "direct", "west-p", 10)
        assert states(group, 15)[0][1] == "lapsed"

    def test_a_stage_change_on_day_ten_renews_for_a_period_from_that_day(self, group: nx.MultiDiGraph[str]) -> None:
        claim(group, "west", "direct", 1)
        deal(group, "direct", 10)
        (status,) = report(group, 15).claims
        assert (status.status, status.expires_on, status.renewed_on) == ("live", day(23), [day(10)])
        assert (status.reason, status.detail) == ("renewed", {"on": "2026-11-10", "stage": "bid"})
        assert states(group, 24)[0][1] == "lapsed"

    def test_a_stage_change_on_the_claim_day_does_not_renew(self, group: nx.MultiDiGraph[str]) -> None:
        claim(group, "west", "direct", 1)
        deal(group, "direct", 1)
        assert states(group, 15)[0][1] == "lapsed"

    def test_a_deal_won_renews(self, group: nx.MultiDiGraph[str]) -> None:
        claim(group, "west", "direct", 1)
        deal(group, "direct", 5, stage="won")
        assert states(group, 15)[0][:3] == ("direct", "live", "2026-11-18")

    def test_a_new_deal_at_the_first_stage_or_a_lost_deal_is_no_progress(self, group: nx.MultiDiGraph[str]) -> None:
        claim(group, "west", "direct", 1)
        deal(group, "direct", 5, stage="validate")
        deal(group, "direct", 6, stage="lost", deal_id="o2")
        assert states(group, 15)[0][1] == "lapsed"

    def test_a_second_renewal_is_refused(self, group: nx.MultiDiGraph[str]) -> None:
        claim(group, "west", "direct", 1)
        deal(group, "direct", 10)
        deal(group, "direct", 20, stage="negotiate", deal_id="o2")
        (status,) = report(group, 24).claims
        assert (status.status, status.expires_on, status.renewed_on) == ("lapsed", day(23), [day(10)])

    def test_two_renewals_when_the_tier_allows_them(self, group: nx.MultiDiGraph[str]) -> None:
        claim(group, "west", "direct", 1)
        deal(group, "direct", 10)
        deal(group, "direct", 20, stage="negotiate", deal_id="o2")
        policy = ClaimPolicy(default=TierRule(renewals=2))
        (status,) = report(group, 24, policy).claims
        assert (status.status, status.expires_on, status.renewed_on) == ("live", day(33), [day(10), day(20)])

    def test_progress_after_the_last_protected_day_is_too_late(self, group: nx.MultiDiGraph[str]) -> None:
        claim(group, "west", "direct", 1)
        deal(group, "direct", 15)
        assert states(group, 16)[0][1] == "lapsed"

    def test_the_holders_team_progress_counts_but_another_teams_does_not(self, group: nx.MultiDiGraph[str]) -> None:
        claim(group, "west", "direct", 1)
        deal(group, "mate", 10)
        assert states(group, 15)[0][1] == "live"
        assert states(group, 15, ClaimPolicy(team_shares=False))[0][1] == "lapsed"
        deal(group, "partner", 10)
        assert states(group, 15)[0][1] == "lapsed"


class TestFirstClaimWins:
    def test_a_branch_claim_protects_the_whole_group(self, group: nx.MultiDiGraph[str]) -> None:
        claim(group, "east", "direct", 1)
        claim(group, "west", "partner", 10)
        (_, second) = report(group, 10).claims
        assert (second.status, second.reason) == ("refused", "held")
        assert {k: second.detail[k] for k in ("holder", "until")} == {"holder": "Direct", "until": "2026-11-14"}

    def test_day_fourteen_is_still_protected_and_day_fifteen_is_free(self, group: nx.MultiDiGraph[str]) -> None:
        claim(group, "east", "direct", 1)
        claim(group, "hq", "partner", 14)
        claim(group, "hq", "tele", 15)
        assert [s[1] for s in states(group, 15)] == ["lapsed", "refused", "live"]

    def test_two_imported_claims_on_one_day_are_a_tie(self, group: nx.MultiDiGraph[str]) -> None:
        claim(group, "west", "tele", 1)
        claim(group, "east", "direct", 1)
        (first, second) = report(group, 2).claims
        assert (first.rep_id, first.status) == ("direct", "live")
        assert (second.rep_id, second.status, second.reason) == ("tele", "refused", "tie")

    def test_two_claims_filed_in_the_app_on_one_day_go_by_filing_time(self, group: nx.MultiDiGraph[str]) -> None:
        claim(group, "west", "tele", 1, filed_at="2026-11-01T09:00:00")
        claim(group, "east", "direct", 1, filed_at="2026-11-01T09:00:05")
        (first, second) = report(group, 2).claims
        assert (first.rep_id, first.status) == ("tele", "live")
        assert (second.rep_id, second.reason) == ("direct", "held")

    def test_claiming_again_while_protected_is_a_repeat(self, group: nx.MultiDiGraph[str]) -> None:
        claim(group, "west", "tele", 1)
        claim(group, "east", "tele", 5)
        assert states(group, 6)[1][1::2] == ("refused", "repeat")

    def test_branches_claimed_separately_when_the_group_says_so(self, group: nx.MultiDiGraph[str]) -> None:
        claim(group, "east", "direct", 1)
        claim(group, "west", "partner", 2)
        policy = ClaimPolicy(separate_branches=frozenset({"hq"}))
        assert [(c.scope_id, c.status) for c in report(group, 3, policy).claims] == [
            ("east", "live"),
            ("west", "live"),
        ]


class TestPoolCapCooling:
    def test_a_lapsed_claim_returns_the_enterprise_to_the_pool(self, group: nx.MultiDiGraph[str]) -> None:
        claim(group, "west", "tele", 1)
        assert report(group, 14).pool == []
        (entry,) = report(group, 15).pool
        assert (entry.scope_id, entry.since, entry.last_holder_id, entry.how) == ("hq", day(15), "tele", "lapsed")

    def test_anyone_may_claim_from_the_pool_and_it_leaves_the_pool(self, group: nx.MultiDiGraph[str]) -> None:
        claim(group, "west", "tele", 1)
        claim(group, "east", "partner", 15)
        assert report(group, 15).pool == []
        assert states(group, 15)[1][:2] == ("partner", "live")

    def test_the_cap_refuses_one_claim_too_many_in_the_same_tier(self, group: nx.MultiDiGraph[str]) -> None:
        policy = ClaimPolicy(default=TierRule(cap=1))
        claim(group, "west", "tele", 1)
        claim(group, "solo", "tele", 2)
        (_, refused) = report(group, 2, policy).claims
        assert (refused.status, refused.reason, refused.detail) == ("refused", "cap", {"cap": "1", "tier": "2"})

    def test_the_cap_counts_each_tier_apart_and_only_live_claims(self, group: nx.MultiDiGraph[str]) -> None:
        group.add_node("Company:more", label="Company", id="more", name="MORE", tier=2)
        policy = ClaimPolicy(default=TierRule(cap=1))
        claim(group, "east", "tele", 1)  # tier 1 (the hq group, claimed through its tier-1 branch)
        claim(group, "solo", "tele", 2)  # tier 2: the tier-1 claim does not count
        claim(group, "more", "tele", 10)  # a second tier-2 claim while solo is live
        claim(group, "more", "tele", 16)  # solo lapsed on day 16: under the cap again
        assert [(s[1], s[3]) for s in states(group, 16, policy)] == [
            ("lapsed", "lapsed"),
            ("lapsed", "lapsed"),
            ("refused", "cap"),
            ("live", ""),
        ]

    def test_cooling_off_keeps_the_rep_who_let_it_lapse_away_for_thirty_days(self, group: nx.MultiDiGraph[str]) -> None:
        claim(group, "west", "tele", 1)
        claim(group, "west", "tele", 44)  # last protected day 14, cooling through day 44
        claim(group, "east", "tele", 45)
        claims = report(group, 45).claims
        assert [(c.status, c.reason) for c in claims] == [("lapsed", "lapsed"), ("refused", "cooling"), ("live", "")]
        assert claims[1].detail == {"again_from": "2026-12-15"}

    def test_cooling_off_is_for_that_rep_only(self, group: nx.MultiDiGraph[str]) -> None:
        claim(group, "west", "tele", 1)
        claim(group, "west", "partner", 16)
        assert states(group, 16)[1][1] == "live"


class TestRefusalsStand:
    def test_a_refusal_names_the_protection_as_it_stood_that_day(self, group: nx.MultiDiGraph[str]) -> None:
        held = claim(group, "west", "tele", 1)
        claim(group, "east", "partner", 3)
        (_, refused) = report(group, 4).claims
        assert (refused.reason, refused.detail["until"]) == ("held", str(day(14)))
        group.nodes[f"Claim:{held}"]["released_on"] = str(day(6))  # a later release, unrelated to the refusal
        deal(group, "tele", 5, stage="won", company="west")
        (_, later) = report(group, 20).claims
        assert later.detail == refused.detail

    def test_a_renewal_before_the_refusal_counts(self, group: nx.MultiDiGraph[str]) -> None:
        claim(group, "west", "tele", 1)
        deal(group, "tele", 4, stage="won", company="west")
        claim(group, "east", "partner", 6)
        (_, refused) = report(group, 6).claims
        assert refused.detail["until"] == str(day(4 + 13))


class TestRelease:
    def test_a_released_claim_stops_protecting_that_day(self, group: nx.MultiDiGraph[str]) -> None:
        claim(group, "west", "tele", 1, released_on=str(day(5)), released_by="Ops")
        claim(group, "east", "partner", 5)
        (released, taken) = report(group, 5).claims
        assert (released.status, released.expires_on, released.reason) == ("released", day(4), "released")
        assert released.detail == {"on": "2026-11-05", "by": "Ops"}
        assert taken.status == "live"

    def test_a_release_returns_it_to_the_pool_and_starts_the_cooling_off(self, group: nx.MultiDiGraph[str]) -> None:
        claim(group, "west", "tele", 1, released_on=str(day(5)))
        assert [(p.since, p.how) for p in report(group, 5).pool] == [(day(5), "released")]
        claim(group, "west", "tele", 6)
        assert states(group, 6)[1][3] == "cooling"

    def test_a_release_not_yet_made_on_the_as_of_day_is_not_known(self, group: nx.MultiDiGraph[str]) -> None:
        claim(group, "west", "tele", 1, released_on=str(day(9)))
        assert states(group, 8)[0][1] == "live"

    def test_a_holder_who_left_protects_until_the_day_before(self, group: nx.MultiDiGraph[str]) -> None:
        claim(group, "west", "direct", 1)
        group.nodes["Rep:direct"].update(status="left", left_on=str(day(6)))
        claim(group, "west", "mate", 6)
        assert [s[1:] for s in states(group, 7)] == [
            ("lapsed", "2026-11-05", "left"),
            ("live", "2026-11-19", ""),
        ]


class TestCollisionsAndSettlement:
    def test_another_channel_touching_inside_the_period(self, group: nx.MultiDiGraph[str]) -> None:
        claim(group, "west", "tele", 1)
        touch(group, "partner", "east-p", 14)  # last protected day: collides
        touch(group, "partner", "hq-p", 15)  # first day after: free
        collisions = report(group, 30).collisions
        assert [(c.other_rep_id, c.contact_id, c.date, c.claim_rep_id) for c in collisions] == [
            ("partner", "east-p", day(14), "tele")
        ]

    def test_a_touch_is_never_progress_for_the_toucher_nor_the_holder(self, group: nx.MultiDiGraph[str]) -> None:
        """Seed 000's case: a claim and a visit on day 1 must not still protect on day 25."""
        claim(group, "west", "direct", 1)
        touch(group, "direct", "west-p", 1)
        touch(group, "partner", "west-p", 25)
        assert report(group, 25).collisions == []

    def test_the_holders_team_shares_the_claim_unless_told_otherwise(self, group: nx.MultiDiGraph[str]) -> None:
        claim(group, "west", "direct", 1)
        touch(group, "mate", "west-p", 2)
        assert report(group, 5).collisions == []
        strict = report(group, 5, ClaimPolicy(team_shares=False)).collisions
        assert [c.other_rep_id for c in strict] == ["mate"]

    def test_collisions_of_one_rep_in_one_claim_are_one_dispute(self, group: nx.MultiDiGraph[str]) -> None:
        claim(group, "west", "tele", 1)
        touch(group, "partner", "east-p", 3)
        touch(group, "partner", "hq-p", 6)
        (dispute,) = report(group, 10).disputes
        assert (dispute.kind, dispute.first_date, dispute.last_date, dispute.touches) == (
            "collision",
            day(3),
            day(6),
            2,
        )
        assert dispute.waiting

    def test_a_settlement_closes_the_dispute_until_the_next_touch(self, group: nx.MultiDiGraph[str]) -> None:
        held = claim(group, "west", "tele", 1)
        touch(group, "partner", "east-p", 3)
        settle(group, held, "partner", 4)
        assert [d.waiting for d in report(group, 4).disputes] == [False]
        assert report(group, 4).disputes[0].settlement.decision == "keep"  # type: ignore[union-attr]
        touch(group, "partner", "east-p", 8)
        assert [d.waiting for d in report(group, 8).disputes] == [True]

    def test_a_same_day_tie_is_a_dispute_between_the_two_claimants(self, group: nx.MultiDiGraph[str]) -> None:
        claim(group, "west", "tele", 1)
        held = claim(group, "east", "direct", 1)
        (dispute,) = report(group, 2).disputes
        assert (dispute.kind, dispute.claim_id, dispute.holder_id, dispute.other_rep_id) == (
            "tie",
            held,
            "direct",
            "tele",
        )

    def test_a_transfer_hands_the_enterprise_over_without_a_pool_or_cooling(self, group: nx.MultiDiGraph[str]) -> None:
        claim(group, "west", "tele", 1, released_on=str(day(5)), transferred_to="partner")
        claim(group, "west", "partner", 5)
        (old, new) = report(group, 5).claims
        assert (old.reason, old.detail["to"], new.status) == ("transferred", "Partner", "live")
        assert report(group, 20).pool[0].last_holder_id == "partner"

    def test_the_split_uses_the_disputes_own_activity(self, group: nx.MultiDiGraph[str]) -> None:
        claim(group, "west", "tele", 1)
        touch(group, "partner", "east-p", 3)
        touch(group, "partner", "hq-p", 4)
        touch(group, "tele", "west-p", 5)
        touch(group, "tele", "solo-p", 6)  # outside the group: not this dispute's work
        deal(group, "tele", 9, stage="won")
        (dispute,) = report(group, 10).disputes
        shares = {s.name: round(s.total, 2) for s in dispute_split(group, dispute, day(10))}
        # partner opened (20 %) and did 2 of 3 touches (40 %); tele 1 touch (20 %) and signed (20 %)
        assert shares == {"tele": 0.4, "partner": 0.6}
        evidence = [
            (e.rep_id, e.touches, e.first_touch_on, e.opened, e.won) for e in split_evidence(group, dispute, day(10))
        ]
        assert evidence == [("tele", 1, day(5), False, ["o1"]), ("partner", 2, day(3), True, [])]

    def test_a_deal_won_after_the_split_day_earns_no_signing_share(self, group: nx.MultiDiGraph[str]) -> None:
        claim(group, "west", "tele", 1)
        touch(group, "partner", "east-p", 3)
        deal(group, "tele", 12, stage="won")
        (dispute,) = report(group, 10).disputes
        assert [e.won for e in split_evidence(group, dispute, day(10))] == [[], []]


class TestAttention:
    def test_expiring_within_three_days_waiting_disputes_and_returned_enterprises(
        self, group: nx.MultiDiGraph[str]
    ) -> None:
        claim(group, "west", "tele", 1)
        claim(group, "solo", "direct", 1, released_on=str(day(8)))
        touch(group, "partner", "west-p", 9)
        now = attention(report(group, 11), rep_id="tele")
        assert [c.rep_id for c in now.expiring] == ["tele"]
        assert [(d.holder_id, d.other_rep_id) for d in now.disputes] == [("tele", "partner")]
        assert [(p.scope_id, p.since) for p in now.returned] == [("solo", day(8))]
        assert attention(report(group, 10), rep_id="tele").expiring == []  # day 14 is four days away
        assert attention(report(group, 11), rep_id="direct").disputes == []
