"""Path searches under a rep's limits: at most so many hops, never through certain people.

The warm paths (``warm_path``) need two things networkx does not give: the
``k`` strongest simple paths of at most ``n`` edges, ranked by a key of the
caller's (Yen's algorithm knows neither a hop limit nor a tie-break), and the
strongest path of at most ``n`` edges to every node in one pass (Dijkstra
knows no hop limit). Both walk a simple ``DiGraph`` whose edges carry a
``strength`` in (0, 1]; a path's strength is the product of its edges'. A
*blocked* node may end a path but never pass one on.

Strengths are rounded to four decimals, each edge and the product, exactly as
a warm path reports them, so what is ranked here is what a reader sees.
"""

from __future__ import annotations

import bisect
import heapq
import math
from collections import deque
from collections.abc import Callable, Collection, Sequence
from typing import Any

import networkx as nx

__all__ = ["edges_from", "edges_to", "path_strength", "points", "ranked_paths", "strongest_to", "strongest_within"]


def path_strength(strengths: Sequence[float]) -> float:
    """The product of edge strengths as a warm path reports it: four decimals, of edges rounded alike.

    >>> path_strength([0.8, 0.70004])
    0.56
    """
    return round(math.prod(round(s, 4) for s in strengths), 4)


def points(strength: float) -> int:
    """A strength (0–1) in whole points, as pages show it (``0.545`` → 54, ``0.546`` → 55).

    >>> points(0.5449), points(0.555), points(1.0)
    (54, 56, 100)
    """
    return round(strength * 100)


def edges_to(ties: nx.DiGraph[str], target: str, blocked: Collection[str] = ()) -> dict[str, int]:
    """How many edges each node is from ``target``, walking forward without passing a blocked node.

    A breadth-first search backwards from ``target``; a blocked node is never
    reached (it could only end a path, and ``target`` ends this one).

    >>> g = nx.DiGraph([("a", "b"), ("b", "t"), ("a", "t"), ("c", "b")])
    >>> sorted(edges_to(g, "t").items()), sorted(edges_to(g, "t", blocked={"b"}).items())
    ([('a', 1), ('b', 1), ('c', 2), ('t', 0)], [('a', 1), ('t', 0)])
    """
    distance = {target: 0}
    queue = deque([target])
    while queue:
        node = queue.popleft()
        for before in ties.predecessors(node):
            if before not in distance and before not in blocked:
                distance[before] = distance[node] + 1
                queue.append(before)
    return distance


def edges_from(ties: nx.DiGraph[str], source: str, blocked: Collection[str] = ()) -> dict[str, int]:
    """How many edges each node is from ``source``, never passing a blocked node (one may be reached).

    >>> g = nx.DiGraph([("s", "b"), ("b", "t"), ("s", "c"), ("c", "d"), ("d", "t")])
    >>> edges_from(g, "s")["t"], edges_from(g, "s", blocked={"b"})["t"], edges_from(g, "s", blocked={"b"})["b"]
    (2, 3, 1)
    """
    distance = {source: 0}
    queue = deque([source])
    while queue:
        node = queue.popleft()
        if node in blocked:
            continue
        for after in ties.successors(node):
            if after not in distance:
                distance[after] = distance[node] + 1
                queue.append(after)
    return distance


def strongest_to(ties: nx.DiGraph[str], target: str, blocked: Collection[str] = ()) -> dict[str, float]:
    """The strength of the strongest path from each node to ``target``, not passing a blocked node, any length.

    Dijkstra backwards over products (every edge is at most 1, so a path only
    weakens as it grows). What no path of a hop limit can beat: the bound
    ``ranked_paths`` cuts with.

    >>> g = nx.DiGraph()
    >>> g.add_weighted_edges_from([("a", "b", 0.5), ("b", "t", 0.5), ("a", "t", 0.2)], "strength")
    >>> strongest_to(g, "t")
    {'t': 1.0, 'b': 0.5, 'a': 0.25}
    """
    best = {target: 1.0}
    heap = [(-1.0, target)]
    done: set[str] = set()
    while heap:
        _, node = heapq.heappop(heap)
        if node in done:
            continue
        done.add(node)
        for before, data in ties.pred[node].items():
            reached = best[node] * round(float(data["strength"]), 4)
            if before not in blocked and before not in done and reached > best.get(before, 0.0):
                best[before] = reached
                heapq.heappush(heap, (-reached, before))
    return best


def ranked_paths(
    ties: nx.DiGraph[str],
    source: str,
    target: str,
    k: int,
    max_edges: int,
    blocked: Collection[str],
    tie_break: Callable[[list[str]], tuple[Any, ...]],
) -> list[list[str]]:
    """The ``k`` best simple paths of at most ``max_edges`` edges, by whole points, then ``tie_break(path)``.

    Exact, by depth-first search with two cuts: a node too many edges from
    ``target`` (``edges_to``) is not entered, and once ``k`` paths are held, a
    step is not taken when even the strongest way on from it (``strongest_to``)
    would end weaker in points than the ``k``-th. Steps are tried in the order
    of that bound, so the strongest paths come first and the cut bites soon:
    a long hop limit costs little more than a short one. ``tie_break`` must order
    any two different paths (end it with the path itself), so the answer does
    not depend on the order edges were added.

    >>> g = nx.DiGraph()
    >>> g.add_weighted_edges_from([("s", "a", 0.5), ("a", "t", 0.5), ("s", "b", 0.25), ("b", "t", 1.0)], "strength")
    >>> g.add_edge("s", "t", strength=0.1)
    >>> ranked_paths(g, "s", "t", 3, 2, (), lambda path: (path,))
    [['s', 'a', 't'], ['s', 'b', 't'], ['s', 't']]
    >>> ranked_paths(g, "s", "t", 3, 1, (), lambda path: (path,))
    [['s', 't']]
    """
    distance = edges_to(ties, target, blocked)
    if distance.get(source, max_edges + 1) > max_edges:
        return []
    onward = strongest_to(ties, target, blocked)
    found: list[tuple[int, tuple[Any, ...], list[str]]] = []
    """The best paths so far, best first: (minus their points, their tie-break, the path)."""
    steps: dict[str, list[tuple[float, float, str]]] = {}
    path = [source]

    def best_first(node: str) -> list[tuple[float, float, str]]:
        """(bound, strength, next node) of every step on from ``node``, strongest bound first."""
        if node not in steps:
            strengths = ((n, round(float(d["strength"]), 4)) for n, d in ties.succ[node].items() if n in distance)
            steps[node] = sorted(((s * onward[n], s, n) for n, s in strengths), key=lambda a: (-a[0], a[2]))
        return steps[node]

    def walk(product: float) -> None:
        for bound, strength, step in best_first(path[-1]):
            if len(found) == k and points(round(product * bound * (1 + 1e-9), 4)) < -found[-1][0]:
                break  # the rest can end no stronger
            if step in path or len(path) + distance[step] > max_edges:
                continue
            reached = product * strength
            path.append(step)
            if step == target:
                entry = (-points(round(reached, 4)), tie_break(list(path)), list(path))
                bisect.insort(found, entry, key=lambda held: held[:2])
                del found[k:]
            else:
                walk(reached)
            path.pop()

    walk(1.0)
    return [keys for _, _, keys in found]


def strongest_within(
    ties: nx.DiGraph[str], source: str, max_edges: int | None, blocked: Collection[str] = ()
) -> dict[str, list[str]]:
    """The strongest simple path from ``source`` to every node it reaches in at most ``max_edges`` edges.

    Bellman–Ford counted in rounds: after round ``i`` every node holds its
    strongest path of at most ``i`` edges, so ``max_edges`` rounds honour the
    limit (``None``: until nothing improves). A blocked node is reached but
    never relaxed. Of equally strong paths the one with fewer edges stays, then
    the one first in key order.

    >>> g = nx.DiGraph()
    >>> g.add_weighted_edges_from([("s", "a", 0.9), ("a", "b", 0.9), ("b", "t", 0.9), ("s", "t", 0.5)], "strength")
    >>> strongest_within(g, "s", 3)["t"], strongest_within(g, "s", 2)["t"]
    (['s', 'a', 'b', 't'], ['s', 't'])
    """
    best: dict[str, tuple[tuple[float, int, list[str]], float]] = {source: ((0.0, 0, [source]), 1.0)}
    changed = [source]
    rounds = len(ties) if max_edges is None else max_edges
    for _ in range(rounds):
        better: dict[str, tuple[tuple[float, int, list[str]], float]] = {}
        for node in sorted(changed):
            if node in blocked:
                continue
            (_, edges, keys), product = best[node]
            for step, data in ties.succ[node].items():
                if step in keys:
                    continue
                reached = product * round(float(data["strength"]), 4)
                rank = (-round(reached, 12), edges + 1, [*keys, step])
                held = better.get(step) or best.get(step)
                if held is None or rank < held[0]:
                    better[step] = (rank, reached)
        if not better:
            break
        best.update(better)
        changed = list(better)
    return {node: rank[2] for node, (rank, _) in best.items()}
