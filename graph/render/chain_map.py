"""The decision-chain map as a standalone HTML page (pyvis, JavaScript inlined).

Shape = buying role, colour = stance, size = influence; reporting lines solid,
informal influence dashed with width = weight; our reps and competitors as
boxes with KNOWS edges whose width = relationship strength. Positions come
precomputed from ``layout.py`` and physics is off, so 2,000 nodes draw at
once and the same account always looks the same.

Names come from spreadsheets. vis-network draws labels on a canvas and shows
string tooltips as text, and pyvis serialises the data with ``tojson`` (which
escapes ``<``), so a contact called ``<img src=x onerror=…>`` stays text. The
map never uses pyvis's ``heading`` or select menus, which are not escaped.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
from pyvis.network import Network

from graph.render.layout import layered_positions
from graph.render.standalone import standalone_html

__all__ = ["ROLE_SHAPES", "STANCE_COLOURS", "MapOptions", "chain_map_html"]

ROLE_SHAPES: dict[str, str] = {
    "economic_buyer": "star",
    "decision_maker": "diamond",
    "technical_evaluator": "square",
    "influencer": "triangle",
    "champion": "hexagon",
    "gatekeeper": "triangleDown",
    "blocker": "triangleDown",
    "user": "dot",
    "unknown": "dot",
}
STANCE_COLOURS: dict[str, str] = {
    "supporter": "#2f9e5b",
    "neutral": "#e8a317",
    "opponent": "#d43d3d",
    "unknown": "#9aa5b1",
}
LEFT_COLOUR = "#d9dde2"
REP_COLOUR = "#2563eb"
COMPETITOR_COLOUR = "#7f1d1d"
HIGHLIGHT_COLOUR = "#f97316"
COLLISION_COLOUR = "#dc2626"
INFLUENCE_COLOUR = "#8b5cf6"
REPORTS_COLOUR = "#64748b"
EDGE_KINDS = ("REPORTS_TO", "INFLUENCES", "KNOWS")


@dataclass(frozen=True)
class MapOptions:
    """What the user chose to see."""

    edge_kinds: tuple[str, ...] = EDGE_KINDS
    min_strength: float = 0.0
    """Hide our KNOWS edges weaker than this (0–100)."""
    show_reps: bool = True
    show_competitors: bool = True
    highlight: tuple[tuple[str, ...], ...] = field(default_factory=tuple)
    """Paths to draw in orange, as sequences of node keys."""
    only_contacts: frozenset[str] | None = None
    collisions: Mapping[str, str] = field(default_factory=dict)
    """Contact id → what collided there (撞单), drawn as a dashed red ring and told in the tooltip."""
    """Contact ids to draw (an opportunity's people); ``None`` draws every contact."""
    height_px: int = 760


def _contact_tooltip(data: Mapping[str, Any], influence: float) -> str:
    lines = [
        str(data.get("name", data.get("id"))),
        " · ".join(str(v) for v in (data.get("title"), data.get("company_id")) if v),
        f"role: {data.get('buying_role', 'unknown')} · stance: {data.get('stance', 'unknown')}",
        f"influence: {influence:.2f}" + (f" · level {data['level']}" if data.get("level") else ""),
    ]
    if data.get("status") == "left":
        lines.append("has left the company")
    return "\n".join(line for line in lines if line)


def _highlighted_edges(paths: Iterable[tuple[str, ...]]) -> set[frozenset[str]]:
    return {frozenset(pair) for path in paths for pair in itertools.pairwise(path)}


def chain_map_html(
    graph: nx.MultiDiGraph,
    influence: Mapping[str, float],
    strengths: Mapping[tuple[str, str], float],
    options: MapOptions | None = None,
) -> str:
    """Render the map; ``influence`` by contact id, ``strengths`` by (rep id, contact id), 0–100."""
    options = options or MapOptions()
    keep = (
        {"Contact"}
        | ({"Rep"} if options.show_reps else set())
        | ({"Competitor"} if options.show_competitors else set())
    )
    shown = graph.subgraph([k for k, d in graph.nodes(data=True) if d["label"] in keep])
    order = {k: influence.get(d["id"], 0.0) for k, d in shown.nodes(data=True) if d["label"] == "Contact"}
    positions = layered_positions(shown, order)
    on_path = {key for path in options.highlight for key in path}
    net = Network(height=f"{options.height_px}px", width="100%", directed=True, cdn_resources="in_line")
    for key, data in shown.nodes(data=True):
        x, y = positions[key]
        node_style = _node_style(key, data, order.get(key, 0.0), key in on_path)
        if data["label"] == "Contact" and data["id"] in options.collisions:
            node_style.update(
                color={**node_style["color"], "border": COLLISION_COLOUR},
                borderWidth=4,
                shapeProperties={"borderDashes": [6, 4]},
                title=f"{node_style['title']}\n{options.collisions[data['id']]}",
            )
        net.add_node(key, x=x, y=y, **node_style)
    highlighted = _highlighted_edges(options.highlight)
    for source, target, data in shown.edges(data=True):
        style = _edge_style(shown, source, target, data, strengths, options)
        if style is None:
            continue
        if frozenset((source, target)) in highlighted:
            style.update(color=HIGHLIGHT_COLOUR, width=max(float(style.get("width", 1)), 4.0))
        net.add_edge(source, target, **style)
    net.set_options(_OPTIONS)
    return standalone_html(net)


def _visible_nodes(graph: nx.MultiDiGraph, options: MapOptions) -> set[str]:
    """Contacts in scope (plus any on a highlighted path) and the reps/competitors tied to them."""
    on_path = {key for path in options.highlight for key in path}
    contacts = {
        k
        for k, d in graph.nodes(data=True)
        if d["label"] == "Contact"
        and (options.only_contacts is None or d["id"] in options.only_contacts or k in on_path)
    }
    sides = {"Rep"} if options.show_reps else set()
    sides |= {"Competitor"} if options.show_competitors else set()
    tied = {s for c in contacts for s, _ in graph.in_edges(c) if graph.nodes[s]["label"] in sides}
    return contacts | tied | (on_path & {k for k in graph if graph.nodes[k]["label"] in sides})


def _node_style(key: str, data: Mapping[str, Any], influence: float, on_path: bool) -> dict[str, Any]:
    label = str(data.get("name", data.get("id")))
    if data["label"] == "Rep":
        return {
            "label": label,
            "shape": "box",
            "color": REP_COLOUR,
            "font": {"color": "#ffffff"},
            "title": f"{label}\nour {data.get('role', '')} · {data.get('channel', '')}".strip(),
        }
    if data["label"] == "Competitor":
        return {
            "label": label,
            "shape": "box",
            "color": COMPETITOR_COLOUR,
            "font": {"color": "#ffffff"},
            "title": f"{label}\ncompetitor",
        }
    left = data.get("status") == "left"
    colour = LEFT_COLOUR if left else STANCE_COLOURS.get(str(data.get("stance", "unknown")), STANCE_COLOURS["unknown"])
    return {
        "label": label,
        "shape": ROLE_SHAPES.get(str(data.get("buying_role", "unknown")), "dot"),
        "color": {"background": colour, "border": HIGHLIGHT_COLOUR if on_path else "#334155"},
        "borderWidth": 4 if on_path else 1,
        "size": 10 + 30 * influence,
        "font": {"color": "#94a3b8" if left else "#1e293b"},
        "title": _contact_tooltip(data, influence),
    }


def _edge_style(
    graph: nx.MultiDiGraph,
    source: str,
    target: str,
    data: Mapping[str, Any],
    strengths: Mapping[tuple[str, str], float],
    options: MapOptions,
) -> dict[str, Any] | None:
    kind = data["type"]
    if kind not in options.edge_kinds:
        return None
    if kind == "REPORTS_TO":
        return {"color": REPORTS_COLOUR, "width": 1.5, "title": "reports to"}
    if kind == "INFLUENCES":
        weight = float(data.get("weight", 0.5))
        return {
            "color": INFLUENCE_COLOUR,
            "dashes": True,
            "width": 1 + 4 * weight,
            "smooth": {"enabled": True, "type": "curvedCW", "roundness": 0.25},
            "title": f"{data.get('kind', 'influence')} · weight {weight:.2f}",
        }
    if kind == "KNOWS" and graph.nodes[source]["label"] == "Competitor":
        strength = float(data.get("strength", 1))
        return {"color": COMPETITOR_COLOUR, "width": strength, "title": f"competitor knows · {strength:.0f}/5"}
    if kind == "KNOWS":
        score = strengths.get((graph.nodes[source]["id"], graph.nodes[target]["id"]), 0.0)
        if score < options.min_strength:
            return None
        return {"color": REP_COLOUR, "width": 1 + score / 15, "title": f"relationship strength {score:.0f}/100"}
    return None


_OPTIONS = """
{
  "physics": {"enabled": false},
  "interaction": {"hover": true, "tooltipDelay": 120, "navigationButtons": true, "keyboard": true},
  "edges": {"arrows": {"to": {"enabled": true, "scaleFactor": 0.5}}, "smooth": false},
  "nodes": {"font": {"size": 18, "face": "Noto Sans CJK SC, Microsoft YaHei, sans-serif"}}
}
"""
