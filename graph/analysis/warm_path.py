"""Warm paths: the strongest chains of real ties from our team to a contact, as a rep would walk them.

A path starts with an active rep who knows someone (strength / 100), then
follows ties between contacts: influence edges at their weight, reporting
lines at 0.7. A tie is a tie for an introduction, so both directions count.
A path's score is the product of its edge strengths: every hand-over loses
something. Each path also reads as a sentence a rep can act on.

Two limits keep paths to ones a rep would take, both on by default:

- *avoid opponents*: nobody whose stance is ``opponent`` passes an
  introduction on (the target may be one). When every way in passes an
  opponent, the best way through one is offered, marked so.
- *at most* ``max_hops`` ties (3): longer paths are offered only when none
  within the limit exists, and then only the shortest ones, marked so.
  Opponents are avoided before hops are kept: a longer way around an
  opponent is offered before a short one through them.

Paths come strongest first in whole points (as pages show them); among
equally strong ones, those passing fewer opponents, then fewer people who
are not supporters, then fewer hops, then the ids. Each path says why it is
longer than the shortest way in, or why it breaks a limit (``reasons``).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable

import networkx as nx
from pydantic import BaseModel, Field

from graph.analysis._graph import display_name, edges_of, has_left, is_active, nodes_of, sorted_copy
from graph.analysis.path_search import edges_from, edges_to, path_strength, ranked_paths, strongest_within
from graph.analysis.strength import DEFAULT_HALF_LIFE_DAYS, relationship_strengths
from graph.domain.enums import InfluenceKind, Stance
from graph.domain.keys import node_key

__all__ = [
    "DEFAULT_MAX_HOPS",
    "MOST_HOPS",
    "REASONS",
    "REPORTS_TO_STRENGTH",
    "PathEdge",
    "WarmPath",
    "first_paths",
    "team_reach",
    "warm_paths",
]

DEFAULT_MAX_HOPS = 3
"""A rep's acquaintance, someone they know, the target: introductions beyond that are rarely made."""
MOST_HOPS = 6
"""The longest limit one may ask for: beyond it, paths are no introductions, and the exact search grows too fast."""
REASONS = {
    "passes_opponent": "every way in passes an opponent",
    "over_limit": "no way in within {limit}; this one takes {hops}",
    "around_opponents": "every way in within {limit} passes an opponent; this one takes {hops} and passes none",
    "shorter_passes_opponent": "the shorter way in ({shortest}) passes an opponent; this one goes around",
}
"""Why a path breaks a limit or is longer than the shortest way in, by code, in English (pages word the codes)."""
REPORTS_TO_STRENGTH = 0.7
_MIN_STRENGTH = 0.01
_TEAM = "__team__"
_TYPES = ("KNOWS", "REPORTS_TO")
_BREAKS = {"opponents": {"passes_opponent"}, "hops": {"over_limit", "around_opponents"}}
"""Each limit, and the reasons that say a path breaks it."""


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
    hops: int
    """Ties walked, the rep's own acquaintance being the first."""
    supporters: list[str]
    """Ids of the people in between who support us."""
    opponents: list[str]
    """Ids of the people in between who oppose us: only when opponents are allowed or every way in passes one."""
    breaks: list[str]
    """The limits this path breaks because no path keeps them: ``opponents``, ``hops``; ``[]`` when it keeps both."""
    shortest_hops: int
    """The fewest hops any way in to the target takes, through opponents or not."""
    reasons: list[str]
    """Codes of ``REASONS``: why it breaks a limit, or why it is longer than the shortest way in."""
    why: str
    """The reasons in English ("no way in within 3 hops; this one takes 5"); ``""`` when there is none."""
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
    searches break ties between paths by ids, and the graph is handed out in
    key order (``sorted_copy``) besides: the same rows in any order give the
    same paths on either server.
    """
    ties: nx.DiGraph[str] = nx.DiGraph()
    gone = {k for k, d in graph.nodes(data=True) if d.get("label") == "Contact" and has_left(d)} - {target}

    def tie(a: str, b: str, strength: float, label: str, forward: bool) -> None:
        if a in gone or b in gone:
            return
        strength = max(min(strength, 1.0), _MIN_STRENGTH)
        if not ties.has_edge(a, b) or ties[a][b]["strength"] < strength:
            ties.add_edge(a, b, strength=strength, label=label, forward=forward)

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
    avoid_opponents: bool = True,
    max_hops: int = DEFAULT_MAX_HOPS,
) -> list[WarmPath]:
    """The ``k`` warmest paths to contact ``target_id`` within the limits, best first; ``[]`` when none exists.

    When no path keeps the limits, the best ones without them come instead,
    each marked with the limit it breaks (``breaks``) and why (``reasons``).
    ``max_hops`` runs from 1 to ``MOST_HOPS``; a path over it, when no shorter
    one exists, takes the fewest hops any way in takes.

    >>> g = nx.MultiDiGraph()
    >>> _ = g.add_node("Rep:r", label="Rep", id="r", name="Li Wei", status="active")
    >>> _ = g.add_node("Contact:a", label="Contact", id="a", name="Zhang Min")
    >>> _ = g.add_node("Contact:b", label="Contact", id="b", name="Wang Fang", title="CFO")
    >>> _ = g.add_edge("Rep:r", "Contact:a", type="KNOWS", closeness=5, solution_acceptance=5, price_acceptance=5)
    >>> _ = g.add_edge("Contact:a", "Contact:b", type="INFLUENCES", kind="advice", weight=0.8)
    >>> warm_paths(g, "b", dt.date(2026, 1, 1))[0].sentence
    'Li Wei knows Zhang Min fairly well; Zhang Min advises Wang Fang (CFO)'
    >>> g.nodes["Contact:a"]["stance"] = "opponent"
    >>> [(p.breaks, p.why) for p in warm_paths(g, "b", dt.date(2026, 1, 1))]
    [(['opponents'], 'every way in passes an opponent')]
    """
    target = node_key("Contact", target_id)
    if target not in graph or graph.nodes[target].get("label") != "Contact":
        raise ValueError(f"no contact {target_id!r} in this graph")
    if from_rep is not None and node_key("Rep", from_rep) not in graph:
        raise ValueError(f"no rep {from_rep!r} in this graph")
    _check_hops(max_hops)
    ties = _tie_graph(graph, target, today, half_life_days, from_rep)
    return _ranked(graph, ties, target, k, avoid_opponents, max_hops)


def first_paths(
    graph: nx.MultiDiGraph[str],
    contact_ids: Iterable[str],
    today: dt.date,
    half_life_days: float = DEFAULT_HALF_LIFE_DAYS,
    avoid_opponents: bool = True,
    max_hops: int = DEFAULT_MAX_HOPS,
) -> dict[str, WarmPath]:
    """The first of ``warm_paths`` to each of these active contacts, over one tie graph; those out of reach left out.

    What the decision chain opened at one of them shows first, for the price of one tie graph for all.
    """
    _check_hops(max_hops)
    ties = _tie_graph(graph, None, today, half_life_days, None)
    found = {c: _ranked(graph, ties, node_key("Contact", c), 1, avoid_opponents, max_hops) for c in contact_ids}
    return {contact: paths[0] for contact, paths in sorted(found.items()) if paths}


def team_reach(
    graph: nx.MultiDiGraph[str],
    today: dt.date,
    half_life_days: float = DEFAULT_HALF_LIFE_DAYS,
    avoid_opponents: bool = True,
    max_hops: int | None = DEFAULT_MAX_HOPS,
) -> dict[str, WarmPath]:
    """The strongest path within the limits to every contact our team reaches so, by contact id.

    One pass over the same ties as ``warm_paths`` (``strongest_within``), so a
    whole group's reach costs about as much as one path search; ``max_hops``
    ``None`` lifts the hop limit. People who left are neither reached nor used
    as go-betweens. Paths are ranked by strength alone: the path a contact's
    decision chain shows first, with ``warm_paths``' tie-breaks, is ``first_paths``'.

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
    blocked = _stances(graph)[0] if avoid_opponents else frozenset()
    found = strongest_within(ties, _TEAM, None if max_hops is None else max_hops + 1, blocked)
    shortest, clear = edges_from(ties, _TEAM), edges_from(ties, _TEAM, blocked)
    return {
        graph.nodes[key]["id"]: _warm_path(
            graph, ties, keys[1:], shortest[key] - 1, _detour(len(keys) - 2, shortest[key] - 1, clear[key] - 1)
        )
        for key, keys in sorted(found.items())
        if key != _TEAM and graph.nodes[key].get("label") == "Contact"
    }


def _check_hops(max_hops: int) -> None:
    if not 1 <= max_hops <= MOST_HOPS:
        raise ValueError(f"at most 1 to {MOST_HOPS} hops, not {max_hops}")


def _stances(graph: nx.MultiDiGraph[str]) -> tuple[frozenset[str], frozenset[str]]:
    """Keys of the contacts who oppose us, and of those who support us."""
    stance = {key: data.get("stance") for key, data in nodes_of(graph, "Contact")}
    return (
        frozenset(k for k, s in stance.items() if s == Stance.OPPONENT),
        frozenset(k for k, s in stance.items() if s == Stance.SUPPORTER),
    )


def _detour(hops: int, shortest: int, clear: int) -> list[str]:
    """``shorter_passes_opponent`` for a path longer than the shortest way in because every shortest one passes one.

    ``clear`` is the fewest hops of a way in that passes no opponent (``shortest`` when opponents are allowed).
    """
    return ["shorter_passes_opponent"] if shortest < clear <= hops else []


def _ranked(
    graph: nx.MultiDiGraph[str], ties: nx.DiGraph[str], target: str, k: int, avoid_opponents: bool, max_hops: int
) -> list[WarmPath]:
    """The ``k`` best paths to ``target`` within the limits; when none keeps them, the best without them, marked.

    Opponents give way first: when every way in passes one, the limit is
    dropped, and when none within ``max_hops`` exists, the limit becomes the
    fewest hops a way in takes (so only the shortest ones are offered).
    """
    if _TEAM not in ties or target not in ties:
        return []
    opponents, supporters = _stances(graph)
    shortest = edges_to(ties, target).get(_TEAM)
    if shortest is None:
        return []
    avoided = opponents if avoid_opponents else frozenset()  # a blocked node may still end a path: the target
    clear = edges_to(ties, target, avoided).get(_TEAM)
    blocked, reasons = (avoided, []) if clear is not None else (frozenset(), ["passes_opponent"])
    shortest, nearest = shortest - 1, (shortest if clear is None else clear) - 1  # the team's step to a rep is no hop
    if nearest > max_hops:
        reasons.append("around_opponents" if shortest < nearest and shortest <= max_hops else "over_limit")

    def tie_break(keys: list[str]) -> tuple[int, int, int, list[str]]:
        middle = keys[2:-1]
        ids = [str(graph.nodes[key]["id"]) for key in keys[1:]]
        return sum(key in opponents for key in middle), sum(key not in supporters for key in middle), len(keys), ids

    found = ranked_paths(ties, _TEAM, target, k, max(max_hops, nearest) + 1, blocked, tie_break)
    return [
        _warm_path(graph, ties, keys[1:], shortest, reasons or _detour(len(keys) - 2, shortest, nearest), max_hops)
        for keys in found
    ]


def _hops(count: int | None) -> str:
    return f"{count} hop" if count == 1 else f"{count} hops"


def _warm_path(
    graph: nx.MultiDiGraph[str],
    ties: nx.DiGraph[str],
    hops: list[str],
    shortest: int,
    reasons: list[str],
    max_hops: int | None = None,
) -> WarmPath:
    """A path of graph keys (rep first) as a ``WarmPath``: edges, score, sentence, who it passes, and why."""
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
    middle = [graph.nodes[key] for key in hops[1:-1]]
    counts = {"limit": _hops(max_hops), "hops": _hops(len(edges)), "shortest": _hops(shortest)}
    return WarmPath(
        nodes=[graph.nodes[key]["id"] for key in hops],
        edges=edges,
        score=path_strength([e.strength for e in edges]),
        sentence=_sentence(graph, ties, hops),
        hops=len(edges),
        supporters=[str(d["id"]) for d in middle if d.get("stance") == Stance.SUPPORTER],
        opponents=[str(d["id"]) for d in middle if d.get("stance") == Stance.OPPONENT],
        breaks=[rule for rule, codes in _BREAKS.items() if codes & set(reasons)],
        shortest_hops=shortest,
        reasons=reasons,
        why="; ".join(REASONS[code].format(**counts) for code in reasons),
        node_keys=hops,
    )
