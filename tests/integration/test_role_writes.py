"""What each role may write in whose name, on the real servers: handovers, settlements, ties and touches.

Team T: ``boss`` leads ``lead``, who leads ``rr``; ``lead`` is a lead by the
access file too. Team U: ``ulla``, another team and channel. Every refusal
writes nothing and says why with a code the pages word.
"""

from __future__ import annotations

import datetime as dt

import pytest

from graph.analysis.claim_book import claims_report
from graph.domain.access import AccessEntry, Role, Viewer, resolve_viewer
from graph.domain.actions import Action, ActionCode
from graph.domain.changes import Author, ChangeSource
from graph.domain.claim_policy import ClaimPolicy
from graph.domain.enums import SettlementDecision
from graph.domain.errors import EditRefused
from graph.domain.model import Company, Contact, Opportunity, Rep, Touch
from graph.services.account_views import hand_over
from graph.services.claiming import file_claim, settle_dispute
from graph.services.editing import log_touch, save_relationship
from graph.store import GraphStore
from tests.authors import script_author

pytestmark = pytest.mark.integration
DAY = dt.date(2026, 11, 2)
POLICY = ClaimPolicy()


@pytest.fixture
def firm(store: GraphStore) -> GraphStore:
    records = [
        Company(id="c1", name="Acme"),
        Contact(id="p1", name="Pia", company_id="c1"),
        Rep(id="boss", name="Bea Boss", team="T", email="boss@us.example.com"),
        Rep(id="lead", name="Lee Lead", team="T", manager_id="boss", email="lead@us.example.com"),
        Rep(id="rr", name="Rae Rep", team="T", manager_id="lead", email="rr@us.example.com"),
        Rep(id="ulla", name="Ulla U", team="U", channel="partner", email="ulla@us.example.com"),
        Opportunity(id="deal-boss", name="Boss deal", company_id="c1", owner_id="boss", stage="bid"),
        Opportunity(id="deal-rr", name="Rae deal", company_id="c1", owner_id="rr", stage="bid"),
    ]
    store.unit_of_work(
        lambda uow: uow.write(
            records,
            author=script_author(),
        )
    )
    return store


def viewer(store: GraphStore, name: str) -> Viewer:
    lines = {"lead@us.example.com": AccessEntry(role=Role.LEAD)}
    found = resolve_viewer(f"{name}@us.example.com", store.accounts.reps(), lines)
    assert found is not None
    return found


def codes(refused: pytest.ExceptionInfo[EditRefused]) -> list[tuple[str, str, str]]:
    return [(p.field, p.value, p.code) for p in refused.value.problems]


def owners(store: GraphStore) -> dict[str, str]:
    rows = store.runner.read("MATCH (o:Opportunity) RETURN o.id AS id, o.owner_id AS owner", {})
    return {str(r["id"]): str(r["owner"]) for r in rows}


def test_a_lead_cannot_hand_over_their_own_manager_nor_move_an_account_out_of_their_team(firm: GraphStore) -> None:
    lead = viewer(firm, "lead")
    before = owners(firm)
    for leaving in ("boss", "lead"):
        with pytest.raises(EditRefused) as refused:
            hand_over(firm, leaving, {"c1": "rr"}, DAY, lead.who, viewer=lead)
        assert codes(refused) == [("leaving", leaving, "not_yours_to_hand_over")]
    with pytest.raises(EditRefused) as outside:
        hand_over(firm, "rr", {"c1": "ulla"}, DAY, lead.who, viewer=lead)
    assert codes(outside) == [("successor", "ulla", "successor_not_yours")]
    assert owners(firm) == before
    assert {r["id"]: r.get("status") for r in firm.accounts.reps()}["boss"] == "active"
    done = hand_over(firm, "rr", {"c1": "lead"}, DAY, lead.who, viewer=lead)
    assert done.accounts[0].opportunities_moved == ["deal-rr"] and owners(firm)["deal-rr"] == "lead"


def test_nobody_settles_a_dispute_they_are_a_side_of(firm: GraphStore) -> None:
    held = file_claim(firm, "c1", "lead", "Lee", DAY, POLICY)
    firm.unit_of_work(lambda uow: uow.write([Touch(date=DAY + dt.timedelta(days=1), rep_id="ulla", contact_id="p1")]))
    on = DAY + dt.timedelta(days=2)
    (dispute,) = claims_report(firm.subgraphs.claims(), on, POLICY).disputes
    assert (dispute.holder_id, dispute.other_rep_id, dispute.waiting) == ("lead", "ulla", True)
    lead, boss = viewer(firm, "lead"), viewer(firm, "boss")
    with pytest.raises(EditRefused) as refused:
        settle_dispute(firm, held.id, "ulla", SettlementDecision.KEEP, lead.who, on, POLICY, viewer=lead)
    assert codes(refused) == [("other_rep_id", "ulla", "settle_party")]
    with pytest.raises(EditRefused) as below:
        settle_dispute(firm, held.id, "ulla", SettlementDecision.KEEP, "rr", on, POLICY, viewer=viewer(firm, "rr"))
    assert codes(below) == [("other_rep_id", "ulla", "settle_party")]  # rr's own manager holds the claim
    stranger = Viewer(who="vic", role=Role.LEAD, rep_id="vic", team_reps=frozenset({"vic"}))
    with pytest.raises(EditRefused) as not_led:
        settle_dispute(firm, held.id, "ulla", SettlementDecision.KEEP, "vic", on, POLICY, viewer=stranger)
    assert codes(not_led) == [("other_rep_id", "ulla", "settle_not_led")]
    assert claims_report(firm.subgraphs.claims(), on, POLICY).disputes[0].waiting
    settled = settle_dispute(firm, held.id, "ulla", SettlementDecision.KEEP, boss.who, on, POLICY, viewer=boss)
    assert settled.settled_by == "boss@us.example.com"


def test_ties_and_touches_are_recorded_only_in_the_name_of_a_rep_one_acts_for(firm: GraphStore) -> None:
    scores = {"contact_id": "p1", "closeness": 4, "solution_acceptance": 3, "price_acceptance": 3}
    author = Author(who="someone", source=ChangeSource.EDIT, action=Action.of(ActionCode.SCORE_RELATIONSHIP))
    rr, lead = viewer(firm, "rr"), viewer(firm, "lead")
    for who, rep_id in ((rr, "ulla"), (rr, "lead"), (lead, "ulla"), (lead, "boss")):
        with pytest.raises(EditRefused) as refused:
            save_relationship(firm, {**scores, "rep_id": rep_id}, author, viewer=who)
        assert codes(refused) == [("rep_id", rep_id, "not_your_rep")]
        with pytest.raises(EditRefused):
            log_touch(firm, {"date": DAY, "rep_id": rep_id, "contact_id": "p1", "kind": "visit"}, author, viewer=who)
    assert not [e for e in firm.subgraphs.company("c1").edges(data=True) if e[2]["type"] in ("KNOWS", "TOUCHED")]
    save_relationship(firm, {**scores, "rep_id": "rr"}, author, viewer=rr)
    save_relationship(firm, {**scores, "rep_id": "rr", "closeness": 5}, author, viewer=lead)
    log_touch(firm, {"date": DAY, "rep_id": "rr", "contact_id": "p1", "kind": "call"}, author, viewer=lead)
    graph = firm.subgraphs.company("c1")
    assert graph.edges["Rep:rr", "Contact:p1", "KNOWS:"]["closeness"] == 5
