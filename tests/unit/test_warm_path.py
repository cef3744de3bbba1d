"""The limits a rep's warm paths keep (issue 26 item 10): opponents avoided, at most N hops, supporters first.

Strengths are set so each rule decides: a rep knows someone at closeness 5
with no touches (0.5), influence lines carry the weight given.
"""

from __future__ import annotations

import itertools

import networkx as nx
import pytest

from graph.analysis.expansion import ExpansionTarget, group_expansion
from graph.analysis.warm_path import MOST_HOPS, team_reach, warm_paths
from tests.unit.test_chain_analysis import TODAY, account, influences, knows, rep


def people(*stances: tuple[str, str]) -> nx.MultiDiGraph[str]:
    """An account of these (id, stance) people (``""``: no stance on record) and rep ``r``."""
    contacts: list[tuple[str, dict[str, object]]] = [
        (cid, {"stance": stance} if stance else {}) for cid, stance in stances
    ]
    graph = account(*contacts)
    rep(graph, "r")
    return graph


def chain(graph: nx.MultiDiGraph[str], *ids: str, weight: float = 1.0) -> None:
    """``r`` knows the first at 0.5, each influences the next at ``weight``."""
    knows(graph, "r", ids[0], 5)
    for a, b in itertools.pairwise(ids):
        influences(graph, a, b, weight)


@pytest.fixture
def opposed() -> nx.MultiDiGraph[str]:
    """The CFO is two hops away through the opposing managing director (0.45), three around him (0.32)."""
    graph = people(("md", "opponent"), ("cfo", ""), ("aide", "neutral"), ("ally", "supporter"))
    knows(graph, "r", "md", 5)
    influences(graph, "md", "cfo", 0.9)
    chain(graph, "aide", "ally", "cfo", weight=0.8)
    return graph


class TestOpponents:
    def test_the_way_around_the_opponent_is_offered_and_says_why(self, opposed: nx.MultiDiGraph[str]) -> None:
        paths = warm_paths(opposed, "cfo", TODAY)
        assert [p.nodes for p in paths] == [["r", "aide", "ally", "cfo"]]
        first = paths[0]
        assert (first.breaks, first.opponents, first.supporters, first.hops) == ([], [], ["ally"], 3)
        assert first.reasons == ["shorter_passes_opponent"] and first.shortest_hops == 2
        assert first.why == "the shorter way in (2 hops) passes an opponent; this one goes around"

    def test_allowed_opponents_pass_introductions_on(self, opposed: nx.MultiDiGraph[str]) -> None:
        first = warm_paths(opposed, "cfo", TODAY, avoid_opponents=False)[0]
        assert first.nodes == ["r", "md", "cfo"] and first.opponents == ["md"]
        assert (first.breaks, first.reasons) == ([], [])

    def test_the_target_may_be_an_opponent(self, opposed: nx.MultiDiGraph[str]) -> None:
        assert [p.nodes for p in warm_paths(opposed, "md", TODAY)] == [["r", "md"]]
        assert warm_paths(opposed, "md", TODAY)[0].breaks == []

    def test_when_every_way_passes_one_the_best_through_them_is_marked(self, opposed: nx.MultiDiGraph[str]) -> None:
        opposed.nodes["Contact:aide"]["stance"] = "opponent"
        paths = warm_paths(opposed, "cfo", TODAY)
        assert [p.nodes for p in paths] == [["r", "md", "cfo"], ["r", "aide", "ally", "cfo"]]
        assert all(p.breaks == ["opponents"] and p.reasons == ["passes_opponent"] for p in paths)
        assert paths[0].why == "every way in passes an opponent"

    def test_a_way_around_beyond_the_limit_is_preferred_and_says_why(self) -> None:
        graph = people(("md", "opponent"), ("cfo", ""), ("a", ""), ("b", ""), ("c", ""))
        chain(graph, "md", "cfo")
        chain(graph, "a", "b", "c", "cfo", weight=0.9)
        first = warm_paths(graph, "cfo", TODAY)[0]
        assert first.nodes == ["r", "a", "b", "c", "cfo"] and first.opponents == []
        assert (first.breaks, first.reasons) == (["hops"], ["around_opponents"])
        assert first.why == "every way in within 3 hops passes an opponent; this one takes 4 hops and passes none"


@pytest.fixture
def far() -> nx.MultiDiGraph[str]:
    """Four hops at 0.25, five at 0.5, nothing shorter."""
    graph = people(*((cid, "") for cid in ("t", "s1", "s2", "s3", "u1", "u2", "u3", "u4")))
    chain(graph, "s1", "s2", "s3")
    influences(graph, "s3", "t", 0.5)
    chain(graph, "u1", "u2", "u3", "u4", "t")
    return graph


class TestHops:
    def test_a_short_weak_path_beats_a_long_strong_one(self, far: nx.MultiDiGraph[str]) -> None:
        far.add_node("Contact:w", label="Contact", id="w", name="W", company_id="c")
        chain(far, "w", "t", weight=0.2)
        assert [p.nodes for p in warm_paths(far, "t", TODAY)] == [["r", "w", "t"]]
        assert warm_paths(far, "t", TODAY, max_hops=5)[0].nodes == ["r", "u1", "u2", "u3", "u4", "t"]

    def test_with_none_within_the_limit_the_shortest_over_it_says_why(self, far: nx.MultiDiGraph[str]) -> None:
        paths = warm_paths(far, "t", TODAY)
        assert [p.nodes for p in paths] == [["r", "s1", "s2", "s3", "t"]]  # not the stronger five hops
        assert (paths[0].breaks, paths[0].reasons) == (["hops"], ["over_limit"])
        assert paths[0].why == "no way in within 3 hops; this one takes 4 hops"
        assert warm_paths(far, "t", TODAY, max_hops=4)[0].breaks == []

    @pytest.mark.parametrize("hops", [0, MOST_HOPS + 1])
    def test_a_limit_out_of_range_is_an_error(self, far: nx.MultiDiGraph[str], hops: int) -> None:
        with pytest.raises(ValueError, match="hops"):
            warm_paths(far, "t", TODAY, max_hops=hops)


class TestEqualPaths:
    def test_supporters_come_before_neutrals_of_equal_points(self) -> None:
        graph = people(("a", ""), ("c", "neutral"), ("d", "supporter"), ("t", ""))
        chain(graph, "a", "c", "t", weight=0.5)
        influences(graph, "c", "t", 0.6)
        influences(graph, "a", "d", 0.59)  # 14.75 points against 15: equal as shown
        influences(graph, "d", "t", 0.5)
        assert [p.nodes for p in warm_paths(graph, "t", TODAY)] == [["r", "a", "d", "t"], ["r", "a", "c", "t"]]
        graph.nodes["Contact:d"]["stance"] = "unknown"  # unknown is no better than neutral: the ids decide
        assert warm_paths(graph, "t", TODAY)[0].nodes == ["r", "a", "c", "t"]

    def test_points_come_before_supporters(self) -> None:
        graph = people(("a", ""), ("c", "neutral"), ("d", "supporter"), ("t", ""))
        chain(graph, "a", "c", "t", weight=0.6)
        influences(graph, "a", "d", 0.55)  # 13.75 points against 18
        influences(graph, "d", "t", 0.5)
        assert warm_paths(graph, "t", TODAY)[0].nodes == ["r", "a", "c", "t"]

    def test_supporters_come_before_fewer_hops_and_fewer_hops_before_ids(self) -> None:
        graph = people(("n", "neutral"), ("s1", "supporter"), ("s2", "supporter"), ("t", ""))
        chain(graph, "n", "t", weight=0.6)
        chain(graph, "s1", "s2", "t", weight=1.0)
        graph["Contact:s2"]["Contact:t"]["INFLUENCES:advice"]["weight"] = 0.6
        assert [p.nodes[1:-1] for p in warm_paths(graph, "t", TODAY)] == [["s1", "s2"], ["n"]]
        knows(graph, "r", "t", 3)  # 0.3, as strong as both and through nobody
        assert warm_paths(graph, "t", TODAY)[0].nodes == ["r", "t"]


class TestTeamReach:
    def test_reach_keeps_the_hop_limit_unless_lifted(self, far: nx.MultiDiGraph[str]) -> None:
        assert "t" not in team_reach(far, TODAY) and "s3" in team_reach(far, TODAY)
        assert team_reach(far, TODAY, max_hops=None)["t"].nodes == ["r", "u1", "u2", "u3", "u4", "t"]
        assert team_reach(far, TODAY, max_hops=4)["t"].nodes == ["r", "s1", "s2", "s3", "t"]

    def test_reach_passes_no_opponent_unless_allowed(self, opposed: nx.MultiDiGraph[str]) -> None:
        reach = team_reach(opposed, TODAY)
        assert reach["md"].nodes == ["r", "md"] and reach["cfo"].nodes == ["r", "aide", "ally", "cfo"]
        assert reach["cfo"].reasons == ["shorter_passes_opponent"]
        assert team_reach(opposed, TODAY, avoid_opponents=False)["cfo"].nodes == ["r", "md", "cfo"]


class TestBestWayIn:
    @pytest.fixture
    def group(self) -> nx.MultiDiGraph[str]:
        """Headquarters and a branch; Ann at headquarters reaches Wu, the branch's decider, only through her boss."""
        graph: nx.MultiDiGraph[str] = nx.MultiDiGraph(root="hq")
        for cid in ("hq", "b"):
            graph.add_node(f"Company:{cid}", label="Company", id=cid, name=cid.upper(), employees=100)
        graph.add_edge("Company:b", "Company:hq", key="BRANCH_OF:", type="BRANCH_OF")
        for cid, company, attrs in (
            ("ann", "hq", {"stance": "supporter"}),
            ("boss", "hq", {"stance": "opponent"}),
            ("wu", "b", {"level": 1, "buying_role": "decision_maker"}),
        ):
            graph.add_node(f"Contact:{cid}", label="Contact", id=cid, name=cid.title(), company_id=company, **attrs)
        rep(graph, "r")
        chain(graph, "ann", "boss", "wu", weight=0.9)
        return graph

    def way_in(self, graph: nx.MultiDiGraph[str]) -> ExpansionTarget:
        return next(t for t in group_expansion(graph, TODAY, ["security"]).targets if t.company_id == "b")

    def test_a_way_in_through_an_opponent_is_marked_and_is_the_chains_first(self, group: nx.MultiDiGraph[str]) -> None:
        target = self.way_in(group)
        assert target.path is not None and target.path.nodes == ["r", "ann", "boss", "wu"]
        assert target.path.breaks == ["opponents"] and "(every way in passes an opponent)" in target.reason
        assert target.path == warm_paths(group, "wu", TODAY)[0]

    def test_a_weaker_way_around_the_opponent_is_taken(self, group: nx.MultiDiGraph[str]) -> None:
        group.add_node("Contact:lee", label="Contact", id="lee", name="Lee", company_id="b", level=3)
        influences(group, "ann", "lee", 0.8)
        influences(group, "lee", "wu", 0.7)  # 0.28 to Wu, who decides, beats 0.4 × 0.6 to Lee
        target = self.way_in(group)
        assert target.path is not None and target.path.nodes == ["r", "ann", "lee", "wu"]
        assert target.path.breaks == [] and target.components["path"] == pytest.approx(0.5 * 0.8 * 0.7)
