"""The service views pages and commands share, on hand-made graphs behind a fake viewer's store."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import networkx as nx
import pytest

from graph.domain.errors import NotFound
from graph.services.account_views import account_onboarding, protection_search
from graph.services.chain_view import account_graph, account_strengths, chain_report, group_paths, ways_in
from graph.services.claims_view import claims_on
from graph.services.group_view import expansion_view
from graph.services.portfolio_view import portfolio_lines
from graph.store.portfolio_reads import PortfolioRows

TODAY = dt.date(2026, 11, 1)
PAST = dt.date(2026, 10, 1)


def _account(name: str) -> nx.MultiDiGraph[str]:
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph(companies=["c"], root="c")
    graph.add_node("Company:c", label="Company", id="c", name=name, tier=1)
    graph.add_node("Rep:r", label="Rep", id="r", name="R", status="active")
    for cid, level in (("boss", 1), ("aide", 3)):
        graph.add_node(f"Contact:{cid}", label="Contact", id=cid, name=cid, company_id="c", level=level)
    scores = {"closeness": 5, "solution_acceptance": 5, "price_acceptance": 5}
    graph.add_edge("Rep:r", "Contact:aide", key="KNOWS:", type="KNOWS", **scores)
    graph.add_edge("Contact:aide", "Contact:boss", key="REPORTS_TO:", type="REPORTS_TO")
    advice = {"type": "INFLUENCES", "kind": "advice", "weight": 0.9}
    graph.add_edge("Contact:aide", "Contact:boss", key="INFLUENCES:advice", **advice)
    return graph


class FakeReads:
    """A viewer's store that answers from fixed graphs and records what was asked."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def company_subgraph(self, company_id: str) -> nx.MultiDiGraph[str]:
        self.asked.append(f"now:{company_id}")
        return _account("Now")

    def company_subgraph_as_of(self, company_id: str, day: dt.date) -> nx.MultiDiGraph[str]:
        self.asked.append(f"{day}:{company_id}")
        return _account("Then")

    def group_subgraph(self, company_id: str) -> nx.MultiDiGraph[str]:
        self.asked.append(f"group:{company_id}")
        return _account("Group")

    def our_categories(self) -> list[str]:
        return ["crm"]

    def claims_graph(self) -> nx.MultiDiGraph[str]:
        return nx.MultiDiGraph()

    def reps(self) -> list[dict[str, object]]:
        return [{"id": "r", "name": "R", "status": "active"}, {"id": "new", "name": "Newcomer", "status": "active"}]


class FakePhones:
    """A phone directory that knows one number, and records what it was asked."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def phone_companies(self, phone: str) -> list[str]:
        self.asked.append(phone)
        return ["c"] if phone == "13800138000" else []


@pytest.mark.parametrize(("as_of", "asked", "name"), [(PAST, "2026-10-01:c", "Then"), (TODAY, "now:c", "Now")])
def test_account_graph_rewinds_only_a_past_day(as_of: dt.date, asked: str, name: str) -> None:
    reads = FakeReads()
    graph = account_graph(reads, "c", as_of, TODAY)
    assert reads.asked == [asked] and graph.nodes["Company:c"]["name"] == name


def test_chain_report_ranks_the_boss_first_and_refuses_an_unknown_deal() -> None:
    graph = account_graph(FakeReads(), "c", TODAY, TODAY)
    report = chain_report(graph, TODAY)
    assert report.influence_ranking[0] == "boss"
    assert {c.id for c in report.contacts} == {"boss", "aide"}
    with pytest.raises(NotFound):
        chain_report(graph, TODAY, "no-such-deal")


@pytest.mark.parametrize(("as_of", "ties_name", "asked"), [(TODAY, "Group", ["group:g"]), (PAST, "Then", [])])
def test_ways_in_run_over_the_group_today_and_the_account_in_the_past(
    as_of: dt.date, ties_name: str, asked: list[str]
) -> None:
    reads = FakeReads()
    ties, paths = ways_in(reads, _account("Then"), "g", "boss", as_of, TODAY)
    assert ties.nodes["Company:c"]["name"] == ties_name and reads.asked == asked
    assert paths[0].node_keys == ["Rep:r", "Contact:aide", "Contact:boss"]


def test_group_paths_to_an_unknown_contact_is_not_found() -> None:
    with pytest.raises(NotFound):
        group_paths(FakeReads(), "c", "nobody", TODAY)


def test_account_strengths_score_the_one_known_contact() -> None:
    scores = account_strengths(FakeReads(), "c", TODAY, TODAY)
    assert [(s.rep_id, s.contact_id) for s in scores] == [("r", "aide")]


def test_expansion_view_judges_the_group_against_our_catalogue() -> None:
    result = expansion_view(FakeReads(), "c", TODAY)
    assert result.categories == ["crm"] and [c.id for c in result.companies] == ["c"]


def test_claims_on_an_empty_claims_graph_is_an_empty_report() -> None:
    report = claims_on(FakeReads(), TODAY, None)
    assert (report.as_of, report.claims, report.pool, report.disputes) == (TODAY, [], [], [])


class FakePortfolio:
    def __init__(self) -> None:
        self.roles: Sequence[str] = ()

    def rows(self, decision_roles: Sequence[str]) -> PortfolioRows:
        self.roles = decision_roles
        root = {"group_id": "g", "name": "Group G", "tier": 1, "industry": "power"}
        return PortfolioRows([root], [{"company_id": "g", "parent_id": None, "employees": 0}], [], [], [], [], [], {})


def test_portfolio_lines_count_decision_roles_and_give_one_line_per_group() -> None:
    source = FakePortfolio()
    (line,) = portfolio_lines(source, TODAY, 120)
    assert line.group_id == "g" and line.name == "Group G" and "decision_maker" in source.roles


def test_an_onboarding_digest_adds_a_new_owner_who_knows_nobody_yet() -> None:
    reads = FakeReads()
    digest = account_onboarding(reads, "c", "new", TODAY)
    assert (digest.new_owner_name, digest.company_ids, reads.asked) == ("Newcomer", ["c"], ["now:c"])
    assert digest.first_meetings, "someone to meet first, though the new owner knows nobody"
    account_onboarding(reads, "c", "new", TODAY, whole_group=True)
    assert reads.asked[-1] == "group:c"
    with pytest.raises(NotFound):
        account_onboarding(reads, "c", "nobody", TODAY)


@pytest.mark.parametrize(
    ("query", "asked", "found"),
    [("138 0013 8000", ["13800138000"], ["c"]), ("1380", [], []), ("Acme", [], ["c"])],
)
def test_protection_search_asks_the_phone_directory_only_for_a_phone(
    query: str, asked: list[str], found: list[str]
) -> None:
    phones = FakePhones()
    companies = [{"id": "c", "name": "Acme Ltd", "name_key": "acme", "parent_id": None}]
    hits = protection_search(phones, query, claims_on(FakeReads(), TODAY, None), companies)
    assert phones.asked == asked and [h.company_id for h in hits] == found
    assert all(not h.protected for h in hits), "no claim in the report: nothing protected"
