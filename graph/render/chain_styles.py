"""How each person, rep, competitor and line of the decision-chain map looks, as vis-network data.

Contacts become card-sized boxes (stance tint, border for the deal, glow on a warm path, dashed red ring
for a collision) whose text the page's script draws; reps and competitors are smaller coloured boxes; each
edge kind has its colour, width, curve and dashes. Everything here is plain dicts the page serialises.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx

from graph.render.chain_options import MapOptions
from graph.render.chain_words import badge, contact_tooltip, enum_label
from graph.render.layout import CARD_H, CARD_W, ChainLayout
from graph.render.palette import (
    COLLISION_COLOUR,
    COMPETITOR_COLOUR,
    DEAL_COLOUR,
    HIGHLIGHT_COLOUR,
    INFLUENCE_COLOUR,
    LEFT_TINT,
    REP_COLOUR,
    REPORTS_COLOUR,
    ROLE_COLOURS,
    STANCE_COLOURS,
    STANCE_TINTS,
)

__all__ = [
    "MAX_DASHES",
    "NODE_DEFAULTS",
    "card_size",
    "contact_node",
    "dashes",
    "highlighted_edges",
    "side_node",
    "vis_edge",
]

_BOX_EXTRA = 14
"""What vis-network adds around a box's constrained label (1-unit margins, its own padding): cards keep their size."""
MAX_DASHES = 100
"""The most dashes one line is drawn with. The browser dashes a line along its whole length, on screen or not
(about 0.2 µs a dash without a GPU), so a line across a 2,000-person chart would cost thousands; longer lines get
longer dashes instead, and the cost of a frame stays bounded by the number of lines."""


def highlighted_edges(paths: Iterable[tuple[str, ...]]) -> set[frozenset[str]]:
    """Every pair of consecutive keys on the warm paths, unordered: the lines to draw lit."""
    return {frozenset(pair) for path in paths for pair in itertools.pairwise(path)}


def contact_node(
    key: str,
    data: Mapping[str, Any],
    layout: ChainLayout,
    influence: float,
    best: tuple[str, float] | None,
    options: MapOptions,
    on_path: bool,
    text: Mapping[str, str],
) -> dict[str, Any]:
    """A contact's card: stance tint, border and fading by the deal, glow on a path, dashed ring for a collision."""
    cid = str(data["id"])
    deal = options.deal
    in_deal = deal is None or cid in deal.roles
    faded = not in_deal and not on_path  # a warm path's people stay in full colour
    role = deal.roles[cid] if deal and cid in deal.roles else str(data.get("buying_role", "unknown"))
    left = data.get("status") == "left"
    stance = str(data.get("stance", "unknown"))
    x, y = layout.positions[key]
    node: dict[str, Any] = {
        "id": key,
        "x": x,
        "y": y,
        "color": {
            "background": LEFT_TINT if left else STANCE_TINTS.get(stance, STANCE_TINTS["unknown"]),
            "border": DEAL_COLOUR if deal and in_deal else "#94a3b8",
            "highlight": {"background": "#ffffff", "border": "#0f172a"},
            "hover": {"background": "#ffffff", "border": "#0f172a"},
        },
        "borderWidth": 3 if deal and in_deal else 1,
        "opacity": 0.5 if faded else 1.0,
        "title": contact_tooltip(data, role, influence, best, text),
        "card": {
            "name": str(data.get("name", cid)),
            "title": str(data.get("title") or ""),
            "strip": STANCE_COLOURS["unknown"] if left else STANCE_COLOURS.get(stance, STANCE_COLOURS["unknown"]),
            "badge": badge(role, left, in_deal, text),
            "badgeColour": "#94a3b8" if left else ROLE_COLOURS.get(role, ROLE_COLOURS["unknown"]),
            "points": str(round(best[1])) if best else "",
            "strong": bool(best and best[1] >= 50),
            "faded": faded or left,
        },
    }
    if deal and cid in deal.roles:
        node["title"] += "\n" + text["map.tip.deal_role"].format(role=enum_label(text, role))
    if on_path:
        node.update(
            borderWidth=6,
            color={**node["color"], "border": HIGHLIGHT_COLOUR},
            shadow={"enabled": True, "color": "rgba(249,115,22,0.75)", "size": 22, "x": 0, "y": 0},
        )
    if cid in options.collisions:
        node.update(
            borderWidth=max(int(node["borderWidth"]), 4),
            color={**node["color"], "border": HIGHLIGHT_COLOUR if on_path else COLLISION_COLOUR},
            shapeProperties={"borderDashes": [10, 6]},
            title=f"{node['title']}\n{options.collisions[cid]}",
        )
    return node


def card_size(width: float, height: float) -> dict[str, Any]:
    """vis-network's constraints that give a label-less box this size (the page's script draws the text on it)."""
    return {
        "widthConstraint": {"minimum": width - _BOX_EXTRA, "maximum": width - _BOX_EXTRA},
        "heightConstraint": {"minimum": height - _BOX_EXTRA},
    }


NODE_DEFAULTS: dict[str, Any] = {
    "shape": "box",
    "label": "",
    **card_size(CARD_W, CARD_H),
    "font": {"size": 1},
    "margin": {"top": 1, "right": 1, "bottom": 1, "left": 1},
    "shapeProperties": {"borderRadius": 6},
}
"""What every node shares, given once to vis-network rather than on each of 2,000 nodes: a card-sized box.

The page then parses and vis-network copies a sixth less per node; side nodes override the size."""


def side_node(
    key: str, data: Mapping[str, Any], layout: ChainLayout, on_path: bool, text: Mapping[str, str]
) -> dict[str, Any]:
    """One of our reps or a competitor: a coloured box in the band above the chart."""
    x, y = layout.positions[key]
    w, h = layout.sizes[key]
    name = str(data.get("name", data.get("id")))
    ours = data["label"] == "Rep"
    title = (
        text["map.tip.rep"].format(
            role=enum_label(text, data.get("role", "")), channel=enum_label(text, data.get("channel", ""))
        )
        if ours
        else text["map.tip.competitor"]
    )
    node: dict[str, Any] = {
        "id": key,
        "x": x,
        "y": y,
        **card_size(w, h),
        "color": {"background": REP_COLOUR if ours else COMPETITOR_COLOUR, "border": "#0f172a"},
        "title": f"{name}\n{title}",
        "side": {"name": name},
    }
    if on_path:
        node.update(borderWidth=5, color={**node["color"], "border": HIGHLIGHT_COLOUR})
        node["shadow"] = {"enabled": True, "color": "rgba(249,115,22,0.75)", "size": 18, "x": 0, "y": 0}
    return node


def vis_edge(
    graph: nx.MultiDiGraph[str],
    source: str,
    target: str,
    data: Mapping[str, Any],
    strengths: Mapping[tuple[str, str], float],
    layout: ChainLayout,
    options: MapOptions,
    text: Mapping[str, str],
) -> dict[str, Any] | None:
    """The line for one edge, or ``None`` when the options hide it; tree lines are marked for the connectors."""
    kind = data["type"]
    if kind not in options.edge_kinds:
        return None
    edge: dict[str, Any] = {"from": source, "to": target}
    if kind == "REPORTS_TO":
        if (source, target) in layout.tree_lines:
            return edge | {"tree": True}
        return edge | {
            "color": REPORTS_COLOUR,
            "width": 2,
            "dashes": dashes((2, 6), layout, source, target),
            "title": text["map.edge.reports"],
        }
    if kind == "INFLUENCES":
        weight = float(data.get("weight", 0.5))
        return edge | {
            "color": {"color": INFLUENCE_COLOUR, "opacity": 0.55},
            "dashes": dashes((10, 8), layout, source, target),
            "width": 1.5 + 4 * weight,
            "smooth": {"enabled": True, "type": "curvedCW", "roundness": 0.25},
            "title": text["map.edge.influence"].format(
                kind=enum_label(text, data.get("kind", "other")), weight=round(100 * weight)
            ),
        }
    if kind == "KNOWS" and graph.nodes[source]["label"] == "Competitor":
        strength = float(data.get("strength", 1))
        return edge | {
            "color": COMPETITOR_COLOUR,
            "width": 1 + strength,
            "smooth": {"enabled": True, "type": "curvedCCW", "roundness": 0.12},
            "title": text["map.edge.competitor"].format(strength=round(strength)),
        }
    if kind == "KNOWS" and graph.nodes[source]["label"] == "Rep":
        score = strengths.get((graph.nodes[source]["id"], graph.nodes[target]["id"]), 0.0)
        if score < options.min_strength:
            return None
        return edge | {
            "color": {"color": REP_COLOUR, "opacity": 0.35},
            "width": 1 + score / 25,
            "smooth": {"enabled": True, "type": "curvedCCW", "roundness": 0.12},
            "title": text["map.edge.knows"].format(score=round(score)),
        }
    return None


def dashes(pattern: tuple[float, float], layout: ChainLayout, source: str, target: str) -> list[float]:
    """``pattern`` (dash, gap) for the line between two cards, stretched so that it has at most ``MAX_DASHES``.

    >>> layout = ChainLayout(positions={"a": (0.0, 0.0), "b": (18_000.0, 0.0)}, sizes={})
    >>> dashes((10, 8), layout, "a", "a"), dashes((10, 8), layout, "a", "b")
    ([10.0, 8.0], [100.0, 80.0])
    """
    (x1, y1), (x2, y2) = layout.positions[source], layout.positions[target]
    stretch = max(1.0, math.hypot(x2 - x1, y2 - y1) / (MAX_DASHES * sum(pattern)))
    return [part * stretch for part in pattern]
