"""Influence, strength, coverage, findings and warm paths pinned on small hand-made accounts."""

from __future__ import annotations

import datetime as dt
import math

import networkx as nx
import pytest

from graph.analysis.coverage import coverage
from graph.analysis.decision_roles import decision_chain
from graph.analysis.influence import influence_scores
from graph.analysis.strength import relationship_strengths
from graph.analysis.warm_path import warm_paths

TODAY = dt.date(2026, 11, 1)


def account(*contacts: tuple[str, dict[str, object]]) -> nx.MultiDiGraph[str]:
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph(companies=["c"])
    graph.add_node("Company:c", label="Company", id="c", name="Acme", tier=1)
    for cid, props in contacts:
        graph.add_node(f"Contact:{cid}", label="Contact", id=cid, name=cid.title(), company_id="c", **props)
    return graph


def rep(graph: nx.MultiDiGraph[str], rid: str, status: str = "active") -> None:
    graph.add_node(f"Rep:{rid}", label="Rep", id=rid, name=rid.upper(), status=status)


def knows(graph: nx.MultiDiGraph[str], rid: str, cid: str, score: int) -> None:
    graph.add_edge(
        f"Rep:{rid}",
        f"Contact:{cid}",
        key="KNOWS:",
        type="KNOWS",
        closeness=score,
        solution_acceptance=score,
        price_acceptance=score,
    )


def touch(graph: nx.MultiDiGraph[str], rid: str, cid: str, days_ago: int) -> None:
    date = (TODAY - dt.timedelta(days=days_ago)).isoformat()
    graph.add_edge(f"Rep:{rid}", f"Contact:{cid}", key=f"TOUCHED:{days_ago}", type="TOUCHED", date=date, kind="call")


def line(graph: nx.MultiDiGraph[str], report: str, manager: str) -> None:
    graph.add_edge(f"Contact:{report}", f"Contact:{manager}", key="REPORTS_TO:", type="REPORTS_TO")


def influences(graph: nx.MultiDiGraph[str], source: str, target: str, weight: float, kind: str = "advice") -> None:
    graph.add_edge(
        f"Contact:{source}", f"Contact:{target}", key=f"INFLUENCES:{kind}", type="INFLUENCES", kind=kind, weight=weight
    )


class TestInfluence:
    def test_ties_break_by_id(self) -> None:
        g = account(("b", {"level": 2}), ("a", {"level": 2}))
        result = influence_scores(g)
        assert result.scores["a"] == result.scores["b"] and result.ranking == ["a", "b"]

    def test_cycles_in_influence_converge(self) -> None:
        g = account(("a", {"level": 3}), ("b", {"level": 3}), ("c", {"level": 3}))
        influences(g, "a", "b", 0.9)
        influences(g, "b", "c", 0.9)
        influences(g, "c", "a", 0.9)
        scores = influence_scores(g).scores
        assert scores == {"a": 1.0, "b": 1.0, "c": 1.0}

    def test_two_managers_both_gain_from_a_report(self) -> None:
        g = account(("m1", {"level": 2}), ("m2", {"level": 2}), ("r", {"level": 3}), ("x", {"level": 2}))
        line(g, "r", "m1")
        line(g, "r", "m2")
        scores = influence_scores(g).scores
        assert scores["m1"] == scores["m2"] > scores["x"]

    def test_the_bosss_ear_outranks_a_peer(self) -> None:
        g = account(("boss", {"level": 1}), ("ear", {"level": 3}), ("peer", {"level": 3}))
        influences(g, "ear", "boss", 1.0, "family")
        scores = influence_scores(g).scores
        assert scores["ear"] > scores["peer"]

    def test_role_and_departure_change_the_prior(self) -> None:
        g = account(
            ("eb", {"level": 3, "buying_role": "economic_buyer"}),
            ("u", {"level": 3, "buying_role": "influencer"}),
            ("gone", {"level": 3, "buying_role": "economic_buyer", "status": "left"}),
        )
        assert influence_scores(g).ranking == ["eb", "u", "gone"]


class TestStrength:
    def test_dimensions_are_weighted_and_untouched_keeps_half(self) -> None:
        g = account(("a", {}))
        rep(g, "r")
        g.add_edge(
            "Rep:r", "Contact:a", key="KNOWS:", type="KNOWS", closeness=5, solution_acceptance=1, price_acceptance=1
        )
        score = relationship_strengths(g, TODAY)[0]
        assert score.base == pytest.approx((0.5 * 5 + 0.3 + 0.2) / 5)
        assert score.score == round(100 * score.base * 0.5, 1) and score.touches == 0

    def test_a_touch_one_half_life_ago_counts_half(self) -> None:
        g = account(("a", {}), ("b", {}))
        rep(g, "r")
        knows(g, "r", "a", 5)
        knows(g, "r", "b", 5)
        touch(g, "r", "a", 0)
        touch(g, "r", "b", 90)
        scores = {s.contact_id: s for s in relationship_strengths(g, TODAY, half_life_days=90)}
        assert scores["a"].activity == round(1 - math.exp(-1), 3)
        assert scores["b"].activity == round(1 - math.exp(-0.5), 3)
        assert scores["b"].days_since_last_touch == 90

    def test_touches_without_scores_get_the_low_base(self) -> None:
        g = account(("a", {}))
        rep(g, "r")
        touch(g, "r", "a", 0)
        assert relationship_strengths(g, TODAY)[0].base == 0.3

    def test_half_life_must_be_positive(self) -> None:
        with pytest.raises(ValueError, match="positive"):
            relationship_strengths(account(), TODAY, half_life_days=0)


class TestChain:
    def test_nobody_covering_anyone(self) -> None:
        g = account(("ceo", {"level": 1, "buying_role": "economic_buyer"}), ("cio", {"level": 2}))
        report = decision_chain(g, TODAY)
        assert report.coverage.team == 0.0 and not report.coverage.meets_target
        assert report.uncovered_decision_makers == ["ceo"]
        assert report.missing_roles == ["technical_evaluator", "champion"]
        assert not report.single_threaded
        assert [f.kind for f in report.findings][:2] == ["uncovered", "missing_roles"]

    def test_single_threaded_when_one_rep_holds_every_key_person(self) -> None:
        g = account(("ceo", {"level": 1, "buying_role": "economic_buyer"}), ("cio", {"level": 2}))
        rep(g, "r1")
        rep(g, "r2")
        knows(g, "r1", "ceo", 5)
        touch(g, "r1", "ceo", 1)
        knows(g, "r2", "cio", 1)
        report = decision_chain(g, TODAY)
        assert report.single_threaded and report.single_thread_rep == "r1"
        assert report.uncovered_decision_makers == []
        assert report.contacts[0].best_rep == "r1"

    def test_a_second_rep_above_threshold_breaks_the_single_thread(self) -> None:
        g = account(("ceo", {"level": 1, "buying_role": "economic_buyer"}))
        for rid, days_ago in (("r1", 0), ("r2", 30)):
            rep(g, rid)
            knows(g, rid, "ceo", 5)
            touch(g, rid, "ceo", days_ago)
        report = decision_chain(g, TODAY)
        assert [s.score for s in report.strengths] == [81.6, 77.4]
        assert not report.single_threaded and report.single_thread_rep is None

    def test_a_departed_rep_covers_nobody(self) -> None:
        g = account(("ceo", {"level": 1, "buying_role": "economic_buyer"}))
        rep(g, "gone", status="left")
        knows(g, "gone", "ceo", 5)
        touch(g, "gone", "ceo", 1)
        assert decision_chain(g, TODAY).uncovered_decision_makers == ["ceo"]

    def test_opportunity_scope_and_missing_roles(self) -> None:
        g = account(("ceo", {"level": 1}), ("eng", {"level": 3}), ("other", {"level": 3}))
        g.add_node("Opportunity:o", label="Opportunity", id="o", company_id="c")
        g.add_edge("Contact:eng", "Opportunity:o", key="PLAYS:user", type="PLAYS", role="user")
        report = decision_chain(g, TODAY, opportunity_id="o")
        assert [c.id for c in report.contacts] == ["eng"]
        assert report.missing_roles == ["economic_buyer", "technical_evaluator", "champion"]
        with pytest.raises(ValueError, match="no opportunity 'x'"):
            decision_chain(g, TODAY, opportunity_id="x")

    def test_stale_left_opponents_and_competitors(self) -> None:
        g = account(
            ("a", {"last_verified": "2026-10-01", "stance": "opponent"}),
            ("b", {"last_verified": "2025-01-01", "status": "left"}),
            ("c", {}),
        )
        g.add_node("Competitor:x", label="Competitor", id="x", name="Apex")
        g.add_edge("Competitor:x", "Contact:c", key="KNOWS:", type="KNOWS", strength=4)
        report = decision_chain(g, TODAY)
        assert report.unverified == ["b", "c"] and report.left == ["b"] and report.opponents == ["a"]
        assert [(t.contact_id, t.competitor_name) for t in report.competitor_ties] == [("c", "Apex")]

    def test_tier_sets_the_coverage_target(self) -> None:
        assert coverage({"a": 1.0}, [], tier=1).target == 0.7
        assert coverage({"a": 1.0}, [], tier=3).target == 0.35


class TestWarmPath:
    @pytest.fixture
    def chain(self) -> nx.MultiDiGraph[str]:
        g = account(("cfo", {"title": "CFO"}), ("ally", {}), ("aide", {}))
        rep(g, "r")
        knows(g, "r", "ally", 5)
        touch(g, "r", "ally", 0)
        knows(g, "r", "aide", 3)
        influences(g, "ally", "cfo", 0.5)
        line(g, "aide", "cfo")
        return g

    def test_paths_are_ranked_by_the_product_of_strengths(self, chain: nx.MultiDiGraph[str]) -> None:
        paths = warm_paths(chain, "cfo", TODAY)
        ally = round(100 * (0.5 + 0.5 * (1 - math.exp(-1))), 1) / 100  # strength is kept to 0.1 points
        aide = round(0.6 * 0.5, 4)
        assert [p.nodes for p in paths] == [["r", "ally", "cfo"], ["r", "aide", "cfo"]]
        assert [p.score for p in paths] == [round(ally * 0.5, 4), round(aide * 0.7, 4)]
        assert paths[0].sentence == "R knows Ally well; Ally advises Cfo (CFO)"
        assert paths[1].sentence == "R knows Aide a little; Aide reports to Cfo (CFO)"

    def test_people_who_left_introduce_nobody(self, chain: nx.MultiDiGraph[str]) -> None:
        chain.nodes["Contact:ally"]["status"] = "left"
        assert [p.nodes for p in warm_paths(chain, "cfo", TODAY)] == [["r", "aide", "cfo"]]

    def test_no_path_is_an_empty_list(self, chain: nx.MultiDiGraph[str]) -> None:
        chain.add_node("Contact:hermit", label="Contact", id="hermit", name="Hermit", company_id="c")
        assert warm_paths(chain, "hermit", TODAY) == []

    def test_from_rep_restricts_the_start_and_unknowns_are_errors(self, chain: nx.MultiDiGraph[str]) -> None:
        rep(chain, "r2")
        assert warm_paths(chain, "cfo", TODAY, from_rep="r2") == []
        with pytest.raises(ValueError, match="no contact 'nobody'"):
            warm_paths(chain, "nobody", TODAY)
