"""The cut searches of graph/analysis/path_search.py give what trying every simple path gives."""

from __future__ import annotations

import itertools
import random

import networkx as nx
import pytest

from graph.analysis.path_search import path_strength, points, ranked_paths, strongest_within


def random_ties(seed: int) -> tuple[nx.DiGraph[str], set[str]]:
    """Ten nodes, about a third of the ordered pairs tied at strengths of 0.3–1 (ties of equal points included)."""
    rng = random.Random(seed)
    nodes = ["s", *"abcdefgh", "t"]
    ties: nx.DiGraph[str] = nx.DiGraph()
    ties.add_nodes_from(nodes)
    for a in nodes:
        for b in nodes:
            if a != b and rng.random() < 0.35:
                ties.add_edge(a, b, strength=rng.choice([0.3, 0.5, 0.5, 0.7, 0.9, 1.0]))
    return ties, set(rng.sample(nodes[1:-1], 2))


def every_path(ties: nx.DiGraph[str], target: str, max_edges: int, blocked: set[str]) -> list[list[str]]:
    return [path for path in nx.all_simple_paths(ties, "s", target, cutoff=max_edges) if not blocked & set(path[1:-1])]


def strength(ties: nx.DiGraph[str], path: list[str]) -> float:
    return path_strength([ties[a][b]["strength"] for a, b in itertools.pairwise(path)])


@pytest.mark.parametrize("seed", range(25))
@pytest.mark.parametrize("max_edges", [2, 4])
def test_ranked_paths_are_the_best_of_all_paths(seed: int, max_edges: int) -> None:
    ties, blocked = random_ties(seed)
    expected = sorted(every_path(ties, "t", max_edges, blocked), key=lambda p: (-points(strength(ties, p)), len(p), p))[
        :4
    ]
    assert ranked_paths(ties, "s", "t", 4, max_edges, blocked, lambda p: (len(p), p)) == expected


@pytest.mark.parametrize("seed", range(25))
@pytest.mark.parametrize("max_edges", [2, 3, None])
def test_strongest_within_is_the_strongest_of_all_paths(seed: int, max_edges: int | None) -> None:
    ties, blocked = random_ties(seed)
    found = strongest_within(ties, "s", max_edges, blocked)
    for target in ties:
        paths = every_path(ties, target, max_edges or len(ties), blocked) if target != "s" else [["s"]]
        if not paths:
            assert target not in found
            continue
        assert strength(ties, found[target]) == max(strength(ties, p) for p in paths)
        assert max_edges is None or len(found[target]) - 1 <= max_edges
