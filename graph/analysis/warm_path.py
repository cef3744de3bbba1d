"""Warm paths: the strongest chains of real ties from our team to a contact.

A path starts with an active rep who knows someone (strength / 100), then
follows ties between contacts: influence edges at their weight, reporting
lines at 0.7. A tie is a tie for an introduction, so both directions count.
A path's score is the product of its edge strengths: every hand-over loses
something. The top ``k`` distinct simple paths come from Yen's algorithm
(``networkx.shortest_simple_paths``) over costs ``−log(strength)``; each path
also reads as a sentence a rep can act on.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math

import networkx as nx
from pydantic import BaseModel, Field

from graph.analysis._graph import display_name, edges_of, has_left, is_active, sorted_copy
from graph.analysis.strength import DEFAULT_HALF_LIFE_DAYS, relationship_strengths
from graph.domain.enums import InfluenceKind
from graph.domain.keys import node_key

__all__ = ["REPORTS_TO_STRENGTH", "PathEdge", "WarmPath", "team_reach", "warm_paths"]

REPORTS_TO_STRENGTH = 0.7
_MIN_STRENGTH = 0.01
_TEAM = "__team__"
_TYPES = ("KNOWS", "REPORTS_TO")


class PathEdge(BaseModel):
    """One hop; serialised as ``{from, to, type, kind, strength}``."""

    source: str = Field(serialization_alias="from")
    target: str = Field(serialization_alias="to")
    type: str
    """``KNOWS``, ``REPORTS_TO`` or ``INFLUENCES``."""
    kind: str | None
    """The influence kind (advice, former_colleague …) for ``INFLUENCES``."""
    strength: float
    forward: bool = True
    """Whether the tie points from ``source`` to ``target`` as stored (``source`` reports to, or influences,
    ``target``); ``False`` when the path walks it backwards. Pages compose their sentences from it."""


class WarmPath(BaseModel):
    nodes: list[str]
    """Ids: the rep first, the target contact last."""
    edges: list[PathEdge]
    score: float
    sentence: str
    node_keys: list[str]
    """The same nodes as graph keys, for highlighting on the map."""


_PHRASES: dict[tuple[str, bool], str] = {
    ("REPORTS_TO", True): "{a} reports to {b}",
    ("REPORTS_TO", False): "{a} manages {b}",
    (InfluenceKind.ADVICE, True): "{a} advises {b}",
    (InfluenceKind.ADVICE, False): "{a} takes advice from {b}",
    (InfluenceKind.INFORMAL, True): "{a} has the ear of {b}",
    (InfluenceKind.INFORMAL, False): "{a} listens to {b}",
    (InfluenceKind.FAMILY, True): "{a} is family of {b}",
    (InfluenceKind.FAMILY, False): "{a} is family of {b}",
    (InfluenceKind.FORMER_COLLEAGUE, True): "{a} is a former colleague of {b}",
    (InfluenceKind.FORMER_COLLEAGUE, False): "{a} is a former colleague of {b}",
    (InfluenceKind.COWORKER, True): "{a} works with {b}",
    (InfluenceKind.COWORKER, False): "{a} works with {b}",
    (InfluenceKind.FRIEND, True): "{a} is a friend of {b}",
    (InfluenceKind.FRIEND, False): "{a} is a friend of {b}",
    (InfluenceKind.OTHER, True): "{a} influences {b}",
    (InfluenceKind.OTHER, False): "{a} is influenced by {b}",
}


def _how_well(strength: float) -> str:
    return "well" if strength >= 0.7 else "fairly well" if strength >= 0.4 else "a little"


def _tie_graph(
    graph: nx.MultiDiGraph[str], target: str | None, today: dt.date, half_life_days: float, from_rep: str | None
) -> nx.DiGraph[str]:
    """Best tie per ordered pair, with what it is, as a simple weighted DiGraph in key order.

    People who left cannot introduce anyone, so they are only kept as the target.
    Of two ties of equal strength between the same pair, the first added stays:
    reporting lines before influence, influence kinds in key order. The path
    searches keep the first of equally strong paths they meet, so the graph is
    handed out in key order (``sorted_copy``): the same rows in any order give
    the same paths on either server.
    """
    ties: nx.DiGraph[str] = nx.DiGraph()
    gone = {k for k, d in graph.nodes(data=True) if d.get("label") == "Contact" and has_left(d)} - {target}

    def tie(a: str, b: str, strength: float, label: str, forward: bool) -> None:
        if a in gone or b in gone:
            return
        strength = max(min(strength, 1.0), _MIN_STRENGTH)
        if not ties.has_edge(a, b) or ties[a][b]["strength"] < strength:
            ties.add_edge(a, b, strength=strength, cost=-math.log(strength), label=label, forward=forward)

    for score in relationship_strengths(graph, today, half_life_days):
        rep = node_key("Rep", score.rep_id)
        if score.rep_left or not is_active(graph.nodes[rep]):
            continue
        if from_rep is None or score.rep_id == from_rep:
            tie(_TEAM, rep, 1.0, "team", True)
            tie(rep, node_key("Contact", score.contact_id), score.score / 100, "KNOWS", True)
    for a, b, _ in edges_of(graph, "REPORTS_TO"):
        tie(a, b, REPORTS_TO_STRENGTH, "REPORTS_TO", True)
        tie(b, a, REPORTS_TO_STRENGTH, "REPORTS_TO", False)
    for a, b, data in edges_of(graph, "INFLUENCES"):
        weight, kind = float(data.get("weight", 0.5)), str(data.get("kind", InfluenceKind.OTHER))
        tie(a, b, weight, kind, True)
        tie(b, a, weight, kind, False)
    return sorted_copy(ties)


def _sentence(graph: nx.MultiDiGraph[str], ties: nx.DiGraph[str], keys: list[str]) -> str:
    parts = []
    for a, b in itertools.pairwise(keys):
        edge = ties[a][b]
        name_a, name_b = display_name(graph, a), display_name(graph, b)
        if b == keys[-1] and graph.nodes[b].get("title"):
            name_b = f"{name_b} ({graph.nodes[b]['title']})"
        if edge["label"] == "KNOWS":
            parts.append(f"{name_a} knows {name_b} {_how_well(edge['strength'])}")
        else:
            parts.append(_PHRASES[(edge["label"], edge["forward"])].format(a=name_a, b=name_b))
    return "; ".join(parts)


def warm_paths(
    graph: nx.MultiDiGraph[str],
    target_id: str,
    today: dt.date,
    k: int = 3,
    from_rep: str | None = None,
    half_life_days: float = DEFAULT_HALF_LIFE_DAYS,
) -> list[WarmPath]:
    """The ``k`` strongest warm paths to contact ``target_id``, best first; ``[]`` when none exists.

    >>> g = nx.MultiDiGraph()
    >>> _ = g.add_node("Rep:r", label="Rep", id="r", name="Li Wei", status="active")
    >>> _ = g.add_node("Contact:a", label="Contact", id="a", name="Zhang Min")
    >>> _ = g.add_node("Contact:b", label="Contact", id="b", name="Wang Fang", title="CFO")
    >>> _ = g.add_edge("Rep:r", "Contact:a", type="KNOWS", closeness=5, solution_acceptance=5, price_acceptance=5)
    >>> _ = g.add_edge("Contact:a", "Contact:b", type="INFLUENCES", kind="advice", weight=0.8)
    >>> warm_paths(g, "b", dt.date(2026, 1, 1))[0].sentence
    'Li Wei knows Zhang Min fairly well; Zhang Min advises Wang Fang (CFO)'
    """
    target = node_key("Contact", target_id)
    if target not in graph or graph.nodes[target].get("label") != "Contact":
        raise ValueError(f"no contact {target_id!r} in this graph")
    if from_rep is not None and node_key("Rep", from_rep) not in graph:
        raise ValueError(f"no rep {from_rep!r} in this graph")
    ties = _tie_graph(graph, target, today, half_life_days, from_rep)
    if _TEAM not in ties or target not in ties or not nx.has_path(ties, _TEAM, target):
        return []
    paths = nx.shortest_simple_paths(ties, _TEAM, target, weight="cost")
    return [_warm_path(graph, ties, keys[1:]) for keys in itertools.islice(paths, k)]


def team_reach(
    graph: nx.MultiDiGraph[str], today: dt.date, half_life_days: float = DEFAULT_HALF_LIFE_DAYS
) -> dict[str, WarmPath]:
    """The single strongest warm path to every contact our team can reach, by contact id.

    One Dijkstra pass over the same ties as ``warm_paths``, so a whole group's
    reach costs about as much as one path search. People who left are neither
    reached nor used as go-betweens.

    >>> g = nx.MultiDiGraph()
    >>> _ = g.add_node("Rep:r", label="Rep", id="r", name="Li Wei", status="active")
    >>> _ = g.add_node("Contact:a", label="Contact", id="a", name="Zhang Min")
    >>> _ = g.add_node("Contact:b", label="Contact", id="b", name="Wang Fang")
    >>> _ = g.add_edge("Rep:r", "Contact:a", type="KNOWS", closeness=5, solution_acceptance=5, price_acceptance=5)
    >>> _ = g.add_edge("Contact:a", "Contact:b", type="INFLUENCES", kind="advice", weight=0.8)
    >>> {contact: path.nodes for contact, path in team_reach(g, dt.date(2026, 1, 1)).items()}
    {'a': ['r', 'a'], 'b': ['r', 'a', 'b']}
    """
    ties = _tie_graph(graph, None, today, half_life_days, None)
    if _TEAM not in ties:
        return {}
    found = nx.single_source_dijkstra_path(ties, _TEAM, weight="cost")
    return {
        graph.nodes[key]["id"]: _warm_path(graph, ties, keys[1:])
        for key, keys in sorted(found.items())
        if key != _TEAM and graph.nodes[key].get("label") == "Contact"
    }


def _warm_path(graph: nx.MultiDiGraph[str], ties: nx.DiGraph[str], hops: list[str]) -> WarmPath:
    """A path of graph keys (rep first) as a ``WarmPath`` with its edges, score and sentence."""
    edges = [
        PathEdge(
            source=graph.nodes[a]["id"],
            target=graph.nodes[b]["id"],
            type=ties[a][b]["label"] if ties[a][b]["label"] in _TYPES else "INFLUENCES",
            kind=None if ties[a][b]["label"] in _TYPES else ties[a][b]["label"],
            strength=round(ties[a][b]["strength"], 4),
            forward=ties[a][b]["forward"],
        )
        for a, b in itertools.pairwise(hops)
    ]
    return WarmPath(
        nodes=[graph.nodes[key]["id"] for key in hops],
        edges=edges,
        score=round(math.prod(e.strength for e in edges), 4),
        sentence=_sentence(graph, ties, hops),
        node_keys=hops,
    )
