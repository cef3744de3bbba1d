"""The claims desk on the real store: file, refuse, release, the pool, settle, and two reps at one moment.

The group ``g-hq`` has branches ``g-east`` and ``g-west``; ``solo`` stands alone.
Reps: ``tele`` (telesales), ``direct``, ``partner``. Day N is 2026-11-N.
"""

from __future__ import annotations

import datetime as dt
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from graph.analysis.claim_book import claims_report
from graph.config.settings import Settings
from graph.domain.access import local_viewer
from graph.domain.claim_policy import ClaimPolicy, TierRule
from graph.domain.enums import SettlementDecision
from graph.domain.errors import EditRefused
from graph.domain.keys import node_key
from graph.domain.model import Company, Contact, Rep, Touch
from graph.servers.connect import open_store
from graph.services.claiming import explain, file_claim, release_claim, settle_dispute
from graph.store import GraphStore
from tests.authors import script_author

pytestmark = pytest.mark.integration
POLICY = ClaimPolicy()
CLAIMANTS = 8
MANAGER = local_viewer("Manager Mo")
"""Who settles: the machine's one user, a side of no dispute."""


def day(n: int) -> dt.date:
    return dt.date(2026, 11, 1) + dt.timedelta(days=n - 1)


@pytest.fixture
def desk(store: GraphStore) -> GraphStore:
    records = [
        Company(id="g-hq", name="Gamma Holdings"),
        Company(id="g-east", name="Gamma East", kind="branch", parent_id="g-hq"),
        Company(id="g-west", name="Gamma West", kind="branch", parent_id="g-hq"),
        Company(id="solo", name="Solo Works"),
        Contact(id="p-east", name="Ping East", company_id="g-east"),
        Contact(id="p-solo", name="Ping Solo", company_id="solo"),
        Rep(id="tele", name="Tess Tele", channel="telesales", team="T"),
        Rep(id="direct", name="Dan Direct", channel="direct", team="KA"),
        Rep(id="partner", name="Pat Partner", channel="partner", team="P"),
        *(Rep(id=f"r{i}", name=f"Rep {i}", channel="direct", team=f"team {i}") for i in range(CLAIMANTS)),
    ]
    store.unit_of_work(
        lambda uow: uow.write(
            records,
            author=script_author(),
        )
    )
    return store


def claim_history(store: GraphStore, claim_id: str) -> list[tuple[str, str, str]]:
    return [(c.who, c.action.english, c.why) for c in store.history.changes_about([node_key("Claim", claim_id)])]


def test_a_claim_is_granted_with_its_expiry_and_a_second_refused_naming_the_holder(desk: GraphStore) -> None:
    granted = file_claim(desk, "g-east", "direct", "Ops Olga", day(1), POLICY, why="met the CIO")
    assert (granted.status, granted.scope_id, granted.expires_on) == ("live", "g-hq", day(14))
    refused = file_claim(desk, "g-west", "partner", "Pat Partner", day(3), POLICY)
    assert (refused.status, refused.reason) == ("refused", "held")
    assert explain(refused) == "refused: protected by Dan Direct (direct) until 2026-11-14"
    assert claim_history(desk, granted.id) == [("Ops Olga", "file a claim", "protected until 2026-11-14; met the CIO")]
    assert claim_history(desk, refused.id) == [("Pat Partner", "file a claim", explain(refused))]
    stored = claims_report(desk.subgraphs.claims(), day(3), POLICY).claims
    assert [(c.rep_id, c.status) for c in stored] == [("direct", "live"), ("partner", "refused")]


def test_a_refusal_stands_even_after_the_holder_lets_go_the_same_day(desk: GraphStore) -> None:
    held = file_claim(desk, "g-east", "direct", "Dan", day(1), POLICY)
    refused = file_claim(desk, "g-west", "partner", "Pat", day(5), POLICY)
    release_claim(desk, held.id, "Dan", day(5), POLICY)
    (_, later) = claims_report(desk.subgraphs.claims(), day(5), POLICY).claims
    assert (later.id, later.status, later.reason) == (refused.id, "refused", "filed_refused")
    again = file_claim(desk, "g-west", "partner", "Pat", day(5), POLICY)
    assert again.id != refused.id and again.status == "live"  # filing again is a decision of its own


def test_release_returns_it_to_the_pool_cooling_off_keeps_the_holder_back(desk: GraphStore) -> None:
    held = file_claim(desk, "solo", "tele", "Tess", day(1), POLICY)
    released = release_claim(desk, held.id, "Tess", day(4), POLICY, why="not a fit")
    assert (released.status, released.reason, released.detail["by"]) == ("released", "released", "Tess")
    pool = claims_report(desk.subgraphs.claims(), day(4), POLICY).pool
    assert [(p.scope_id, p.since, p.how) for p in pool] == [("solo", day(4), "released")]
    assert claim_history(desk, held.id)[0] == ("Tess", "release a claim", "not a fit")
    assert file_claim(desk, "solo", "tele", "Tess", day(6), POLICY).reason == "cooling"
    taken = file_claim(desk, "solo", "partner", "Pat", day(6), POLICY)
    assert taken.status == "live" and claims_report(desk.subgraphs.claims(), day(6), POLICY).pool == []
    with pytest.raises(EditRefused, match="is released, not live"):
        release_claim(desk, held.id, "Tess", day(7), POLICY)


def test_the_cap_from_the_policy_refuses_one_claim_too_many(desk: GraphStore) -> None:
    policy = ClaimPolicy(default=TierRule(cap=1))
    assert file_claim(desk, "solo", "tele", "Tess", day(1), policy).status == "live"
    assert file_claim(desk, "g-hq", "tele", "Tess", day(2), policy).reason == "cap"


def collide(store: GraphStore) -> str:
    """tele claims the group on day 1 and partner visits its east branch on day 3; the claim's id."""
    held = file_claim(store, "g-hq", "tele", "Tess", day(1), POLICY)
    store.unit_of_work(lambda uow: uow.write([Touch(date=day(3), rep_id="partner", contact_id="p-east", kind="visit")]))
    return held.id


@pytest.mark.parametrize("decision", list(SettlementDecision))
def test_settling_a_collision_is_recorded_and_closes_the_dispute(desk: GraphStore, decision: str) -> None:
    held = collide(desk)
    (waiting,) = claims_report(desk.subgraphs.claims(), day(4), POLICY).disputes
    assert (waiting.kind, waiting.holder_id, waiting.other_rep_id, waiting.waiting) == (
        "collision",
        "tele",
        "partner",
        True,
    )
    choice = SettlementDecision(decision)
    settled = settle_dispute(desk, held, "partner", choice, "Manager Mo", day(4), POLICY, viewer=MANAGER)
    report = claims_report(desk.subgraphs.claims(), day(4), POLICY)
    (dispute,) = report.disputes
    assert dispute.settlement is not None and dispute.settlement.decision == decision
    assert dispute.settlement.settled_by == "Manager Mo"
    holders = [(c.rep_id, c.status) for c in report.claims]
    if decision == "transfer":
        assert holders == [("tele", "released"), ("partner", "live")]
        assert report.claims[0].detail["to"] == "Pat Partner"
    else:
        assert holders == [("tele", "live")]
    if decision == "split":
        # partner opened (their visit is the first touch) and did the only touch: all the credit is theirs
        assert settled.holder_share == 0.0
    with pytest.raises(EditRefused, match="no dispute waiting"):
        settle_dispute(desk, held, "partner", SettlementDecision.KEEP, "Manager Mo", day(4), POLICY, viewer=MANAGER)


def test_a_transfer_the_policy_refuses_writes_nothing(desk: GraphStore) -> None:
    held = collide(desk)
    policy = ClaimPolicy(default=TierRule(cap=1))
    assert file_claim(desk, "solo", "partner", "Pat", day(2), policy).status == "live"
    before = desk.accounts.counts()
    with pytest.raises(EditRefused, match="cannot take it over: refused: the rep already holds 1 live claims"):
        settle_dispute(desk, held, "partner", SettlementDecision.TRANSFER, "Mo", day(4), policy, viewer=MANAGER)
    assert desk.accounts.counts() == before
    assert claims_report(desk.subgraphs.claims(), day(4), policy).disputes[0].waiting


def test_eight_reps_claiming_one_enterprise_at_one_moment_get_one_grant(
    desk: GraphStore, store_settings: Settings
) -> None:
    start = threading.Barrier(CLAIMANTS)

    def claim(index: int) -> str:
        own = open_store(store_settings)
        try:
            start.wait(timeout=60)
            company = ("g-hq", "g-east", "g-west")[index % 3]
            return file_claim(own, company, f"r{index}", f"Rep {index}", day(1), POLICY).status
        finally:
            own.close()

    with ThreadPoolExecutor(CLAIMANTS) as pool:
        outcomes = list(pool.map(claim, range(CLAIMANTS)))
    assert sorted(outcomes) == ["live"] + ["refused"] * (CLAIMANTS - 1)
    stored = claims_report(desk.subgraphs.claims(), day(1), POLICY).claims
    assert [c.status for c in stored].count("live") == 1 and len(stored) == CLAIMANTS
    winner = next(c for c in stored if c.status == "live")
    assert all(c.detail.get("holder") == winner.rep_name for c in stored if c.status == "refused")
