"""The store as each role sees it, on the real servers: what shows, what is masked, what is recorded, what is refused.

Groups: ``g-hq`` with branches ``g-east`` and ``g-west``; ``o-hq`` with branch
``o-north``; ``solo`` alone. Team East is Amy and Bo; team West is Cy, led by Dee.
Amy knows Erin at ``g-east``; Bo owns an open deal at ``solo``; Cy holds a live claim on ``o-hq``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from graph.analysis.claim_book import claims_report
from graph.domain.access import NotAllowed, Role, Viewer, resolve_viewer
from graph.domain.changes import ChangeSource
from graph.domain.claim_policy import ClaimPolicy
from graph.domain.claim_records import Claim
from graph.domain.model import Company, Contact, Opportunity, Relationship, Rep
from graph.services.account_views import company_graph_as_of
from graph.services.visible_store import VisibleStore, viewer_full_view
from graph.store import GraphStore
from tests.authors import script_author

pytestmark = pytest.mark.integration
TODAY = dt.date.today()
POLICY = ClaimPolicy()
PHONES = {"erin": "13800000001", "wes": "13800000002", "nora": "13800000003", "sol": "13800000004"}


@pytest.fixture
def team(store: GraphStore) -> GraphStore:
    people = {"erin": "g-east", "wes": "g-west", "nora": "o-north", "sol": "solo"}
    records = [
        Company(id="g-hq", name="Gamma Holdings"),
        Company(id="g-east", name="Gamma East", kind="branch", parent_id="g-hq"),
        Company(id="g-west", name="Gamma West", kind="branch", parent_id="g-hq"),
        Company(id="o-hq", name="Omega Group"),
        Company(id="o-north", name="Omega North", kind="branch", parent_id="o-hq"),
        Company(id="solo", name="Solo Works"),
        *(
            Contact(id=p, name=f"{p.title()} Person", company_id=c, phone=PHONES[p], email=f"{p}@{c}.example.com")
            for p, c in people.items()
        ),
        Rep(id="amy", name="Amy", team="East", email="amy@us.example.com"),
        Rep(id="bo", name="Bo", team="East", email="bo@us.example.com"),
        Rep(id="dee", name="Dee", team="West", email="dee@us.example.com"),
        Rep(id="cy", name="Cy", team="West", manager_id="dee", email="cy@us.example.com"),
        Relationship(rep_id="amy", contact_id="erin", closeness=4, solution_acceptance=3, price_acceptance=3),
        Opportunity(id="deal-solo", name="Solo deal", company_id="solo", owner_id="bo", stage="bid"),
        Claim(company_id="o-north", rep_id="cy", channel="direct", claimed_on=TODAY - dt.timedelta(days=2)),
    ]
    store.unit_of_work(
        lambda uow: uow.write(
            records,
            author=script_author(),
        )
    )
    return store


def seen_by(store: GraphStore, address: str, role: Role | None = None) -> VisibleStore:
    viewer = Viewer(who=address, role=role) if role else resolve_viewer(address, store.accounts.reps(), {})
    assert viewer is not None
    report = claims_report(store.subgraphs.claims(), TODAY, POLICY)
    return VisibleStore(store, viewer, viewer_full_view(store, viewer, report, store.accounts.company_roots(), POLICY))


def contacts(graph: object) -> dict[str, dict[str, object]]:
    return {d["id"]: d for _, d in graph.nodes(data=True) if d["label"] == "Contact"}  # type: ignore[attr-defined]


def test_a_rep_sees_their_teams_accounts_in_full_and_nothing_of_the_others(team: GraphStore) -> None:
    amy = seen_by(team, "amy@us.example.com")
    assert amy.viewer.role is Role.REP
    assert {g["id"] for g in amy.groups()} == {"g-hq", "solo"}
    assert {c["id"]: c["full"] for c in amy.group_companies("g-east")} == {
        "g-hq": False,
        "g-east": True,
        "g-west": False,
    }
    assert contacts(amy.company_subgraph("g-east"))["erin"]["phone"] == PHONES["erin"]
    assert set(contacts(amy.group_subgraph("g-hq"))) == {"erin"}
    assert "Opportunity:deal-solo" in amy.company_subgraph("solo")  # a teammate's open deal opens the account
    for hidden in ("g-west", "o-north"):
        with pytest.raises(NotAllowed):
            amy.company_subgraph(hidden)
    with pytest.raises(NotAllowed):
        amy.group_subgraph("o-hq")
    with pytest.raises(NotAllowed):
        amy.account_timeline("g-west")


def test_a_lead_sees_the_teams_they_lead_and_a_live_claim_opens_the_whole_group(team: GraphStore) -> None:
    dee = seen_by(team, "dee@us.example.com")
    assert dee.viewer.role is Role.LEAD and dee.viewer.team_reps == {"dee", "cy"}
    assert {g["id"] for g in dee.groups()} == {"o-hq"}
    assert set(contacts(dee.group_subgraph("o-hq"))) == {"nora"}
    assert dee.sees("o-hq") and dee.sees("o-north") and not dee.sees("g-east")


def test_ops_see_every_account_with_phones_and_emails_masked_everywhere(team: GraphStore) -> None:
    ops = seen_by(team, "ops@us.example.com", Role.OPS)
    assert {g["id"] for g in ops.groups()} == {"g-hq", "o-hq", "solo"}
    person = contacts(ops.company_subgraph("g-west"))["wes"]
    assert (
        person["name"] == "Wes Person"
        and person["phone"] == "138******02"
        and person["email"] == "w***@g-west.example.com"
    )
    assert all(PHONES["nora"] not in str(d) for d in contacts(ops.claims_graph()).values())
    created = next(i for i in ops.contact_timeline("wes") if i.what == "created")
    assert created.after["phone"] == "138******02"
    admin = seen_by(team, "admin@us.example.com", Role.ADMIN)
    assert contacts(admin.company_subgraph("g-west"))["wes"]["phone"] == PHONES["wes"]


def test_an_ops_view_and_every_download_go_into_the_accounts_history_and_change_nothing(team: GraphStore) -> None:
    ops = seen_by(team, "ops@us.example.com", Role.OPS)
    ops.company_subgraph("g-west")
    ops.company_subgraph("g-west")  # the same session the same day: recorded once
    amy = seen_by(team, "amy@us.example.com")
    amy.record_download(["g-east"], "g-east-people.csv")
    admin = seen_by(team, "admin@us.example.com", Role.ADMIN)
    west = [
        (i.who, i.what, i.action.english) for i in admin.account_timeline("g-west") if i.source is ChangeSource.ACCESS
    ]
    assert west == [("ops@us.example.com", "viewed", "view account")]
    east = [
        (i.who, i.what, i.action.english) for i in admin.account_timeline("g-east") if i.source is ChangeSource.ACCESS
    ]
    assert east == [("amy@us.example.com", "downloaded", "download g-east-people.csv")]
    log = [(r.who, r.what, r.file, r.company_ids) for r in admin.access_log(TODAY)]
    assert log == [
        ("amy@us.example.com", "downloaded", "g-east-people.csv", ["g-east"]),
        ("ops@us.example.com", "viewed", None, ["g-west"]),
    ]
    assert admin.access_log(TODAY + dt.timedelta(days=1)) == []
    with pytest.raises(NotAllowed):
        amy.access_log(TODAY)
    now = team.subgraphs.company("g-west")
    rewound = company_graph_as_of(team, "g-west", TODAY - dt.timedelta(days=1))  # undoes the set-up, not the views
    assert "Company:g-west" in now and "Company:g-west" not in rewound
    assert sorted(company_graph_as_of(team, "g-west", TODAY).nodes(data=True)) == sorted(now.nodes(data=True))


def test_a_reps_view_of_an_account_is_recorded_as_ops_views_are(team: GraphStore) -> None:
    """A rep sees in full what they claim from the pool: claiming to look leaves the look in the access log."""
    amy = seen_by(team, "amy@us.example.com")
    amy.company_subgraph("g-east")
    amy.company_subgraph("g-east")  # the same session the same day: recorded once
    dee = seen_by(team, "dee@us.example.com")
    dee.group_subgraph("o-hq")  # a lead opening the group their rep claims a branch of
    admin = seen_by(team, "admin@us.example.com", Role.ADMIN)
    log = [(r.who, r.what, r.company_ids) for r in admin.access_log(TODAY)]
    assert log == [("dee@us.example.com", "viewed", ["o-hq"]), ("amy@us.example.com", "viewed", ["g-east"])]


def test_claims_outside_ones_view_keep_their_holder_but_lose_their_people(team: GraphStore) -> None:
    amy = seen_by(team, "amy@us.example.com")
    graph = amy.claims_graph()
    assert all(not d.get("name") and "phone" not in d for i, d in contacts(graph).items() if i != "erin")
    everyone = claims_report(graph, TODAY, POLICY)
    assert [(c.rep_id, c.status) for c in everyone.claims] == [("cy", "live")]  # the same judgement for all
    assert amy.visible_claims(everyone).claims == []
    assert seen_by(team, "dee@us.example.com").visible_claims(everyone).claims == everyone.claims


def test_writes_are_handed_out_only_for_what_the_role_allows(team: GraphStore) -> None:
    amy = seen_by(team, "amy@us.example.com")
    dee = seen_by(team, "dee@us.example.com")
    ops = seen_by(team, "ops@us.example.com", Role.OPS)
    assert amy.editor("g-east") is team and amy.desk("amy") is team
    refused: list[Callable[[], GraphStore]] = [
        lambda: amy.editor("g-west"),
        lambda: amy.desk("bo"),
        lambda: amy.settler("amy", "cy"),
        lambda: dee.settler("cy", "dee"),  # a side of it
        lambda: dee.handover("dee"),
        lambda: amy.handover("bo"),
        amy.desk_store,
        lambda: dee.desk("amy"),
        lambda: ops.editor("g-west"),
    ]
    for attempt in refused:
        with pytest.raises(NotAllowed):
            attempt()
    assert dee.desk("cy") is team and dee.settler("cy", "amy") is team and dee.handover("cy") is team
    assert ops.desk("amy") is team and ops.desk_store() is team and ops.settler("cy", "amy") is team
