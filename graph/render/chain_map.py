"""The decision-chain map as one standalone HTML page: an org chart of cards, readable at a glance.

Each person is a card (name, title, buying-role badge, stance strip and tint,
our best strength in points) placed by ``layout.chain_layout`` along the
reporting lines; influence is drawn as curved dashed lines over the chart; our
reps and the competitors sit in a band above. The page fits the chart to its
frame when it opens but never zooms out below the scale at which the smallest
card text is 12 px (``MIN_FONT`` world units × ``MIN_SCALE``); it has a
full-screen button and a legend drawn with the map's own symbols
(``chain_legend``), so the downloaded file explains itself.

vis-network is pyvis's bundled copy, inlined: the page asks nothing of the
internet. Cards are boxes with an empty vis label; their text is drawn on the
canvas by a small script with ``fillText``, which never interprets markup, and
every string reaches the script as JSON with ``<``, ``>`` and ``&`` escaped, so
a contact called ``<img src=x onerror=…>`` stays text. Tooltips are plain
strings, which vis-network shows as text. Every word comes from ``text``, the
page's translations: nothing here is English.
"""

from __future__ import annotations

import datetime as dt
import html
import itertools
import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import networkx as nx

from graph.render.chain_legend import legend_html
from graph.render.layout import CARD_H, CARD_W, ChainLayout, chain_layout
from graph.render.palette import (
    COLLISION_COLOUR,
    COMPETITOR_COLOUR,
    CONNECTOR_COLOUR,
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
    "EDGE_KINDS",
    "MIN_FONT",
    "MIN_SCALE",
    "ChainMap",
    "DealLine",
    "MapOptions",
    "chain_map_html",
    "format_amount",
    "format_day",
]

EDGE_KINDS = ("REPORTS_TO", "INFLUENCES", "KNOWS")
MIN_FONT = 20
"""The smallest text on a card, in canvas units."""
MIN_SCALE = 0.6
"""The fitted zoom never goes below this: 20 units × 0.6 = 12 px on screen."""
ASSUMED_WIDTH_PX = 970
"""The map's frame at 1440 px with the sidebar open; the height is chosen for it."""
HEADER_PX = 150
"""Room above the canvas for the deal line, the buttons and the legend."""
_BOX_EXTRA = 14
"""What vis-network adds around a box's constrained label (1-unit margins, its own padding): cards keep their size."""
MAX_DASHES = 100
"""The most dashes one line is drawn with. The browser dashes a line along its whole length, on screen or not
(about 0.2 µs a dash without a GPU), so a line across a 2,000-person chart would cost thousands; longer lines get
longer dashes instead, and the cost of a frame stays bounded by the number of lines."""


@dataclass(frozen=True)
class DealLine:
    """The chosen opportunity, already formatted for the reader."""

    name: str
    stage: str
    amount: str
    close_date: str
    roles: Mapping[str, str] = field(default_factory=dict)
    """Contact id → the buying role they play in this deal (a model value)."""


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
    collisions: Mapping[str, str] = field(default_factory=dict)
    """Contact id → what collided there (撞单), drawn as a dashed red ring and told in the tooltip."""
    deal: DealLine | None = None
    """With a deal, its people carry the role they play in it and everyone else is faded."""
    banner: str = ""
    """One line above the map (who holds the claim), so the exported file says it too."""


@dataclass(frozen=True)
class ChainMap:
    """The page and the height its frame needs (canvas and header)."""

    html: str
    height_px: int


def _label(text: Mapping[str, str], value: object) -> str:
    """A model value (``economic_buyer``) in the reader's language; data values (``AE``) as they are."""
    return text.get(f"enum.{value}", str(value))


def _best_strengths(
    graph: nx.MultiDiGraph[str], strengths: Mapping[tuple[str, str], float]
) -> dict[str, tuple[str, float]]:
    """Contact id → (rep name, score) of the active rep who knows them best."""
    reps = {d["id"]: d for _, d in graph.nodes(data=True) if d["label"] == "Rep" and d.get("status") != "left"}
    best: dict[str, tuple[str, float]] = {}
    for (rep, contact), score in strengths.items():
        if rep in reps and score > best.get(contact, ("", -1.0))[1]:
            best[contact] = (str(reps[rep].get("name", rep)), score)
    return best


def _contact_tooltip(
    data: Mapping[str, Any], role: str, influence: float, best: tuple[str, float] | None, text: Mapping[str, str]
) -> str:
    lines = [
        str(data.get("name", "")),
        str(data.get("title") or ""),
        text["map.tip.role"].format(role=_label(text, role)),
        text["map.tip.stance"].format(stance=_label(text, data.get("stance", "unknown"))),
        text["map.tip.influence"].format(score=round(100 * influence)),
    ]
    if data.get("level"):
        lines.append(text["map.tip.level"].format(level=data["level"]))
    if best:
        lines.append(text["map.tip.best"].format(rep=best[0], score=round(best[1])))
    else:
        lines.append(text["map.no_tie"])
    if data.get("status") == "left":
        lines.append(text["enum.left"])
    return "\n".join(line for line in lines if line)


def _highlighted_edges(paths: Iterable[tuple[str, ...]]) -> set[frozenset[str]]:
    return {frozenset(pair) for path in paths for pair in itertools.pairwise(path)}


def _contact_node(
    key: str,
    data: Mapping[str, Any],
    layout: ChainLayout,
    influence: float,
    best: tuple[str, float] | None,
    options: MapOptions,
    on_path: bool,
    text: Mapping[str, str],
) -> dict[str, Any]:
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
        "title": _contact_tooltip(data, role, influence, best, text),
        "card": {
            "name": str(data.get("name", cid)),
            "title": str(data.get("title") or ""),
            "strip": STANCE_COLOURS["unknown"] if left else STANCE_COLOURS.get(stance, STANCE_COLOURS["unknown"]),
            "badge": _badge(role, left, in_deal, text),
            "badgeColour": "#94a3b8" if left else ROLE_COLOURS.get(role, ROLE_COLOURS["unknown"]),
            "points": str(round(best[1])) if best else "",
            "strong": bool(best and best[1] >= 50),
            "faded": faded or left,
        },
    }
    if deal and cid in deal.roles:
        node["title"] += "\n" + text["map.tip.deal_role"].format(role=_label(text, role))
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


def _badge(role: str, left: bool, in_deal: bool, text: Mapping[str, str]) -> str:
    """The badge's words: "has left" first; a role only where it is known and, with a deal, played in it."""
    if left:
        return text["enum.left"]
    return text.get(f"map.role.{role}", _label(text, role)) if in_deal and role != "unknown" else ""


def _size(width: float, height: float) -> dict[str, Any]:
    """vis-network's constraints that give a label-less box this size (the page's script draws the text on it)."""
    return {
        "widthConstraint": {"minimum": width - _BOX_EXTRA, "maximum": width - _BOX_EXTRA},
        "heightConstraint": {"minimum": height - _BOX_EXTRA},
    }


NODE_DEFAULTS: dict[str, Any] = {
    "shape": "box",
    "label": "",
    **_size(CARD_W, CARD_H),
    "font": {"size": 1},
    "margin": {"top": 1, "right": 1, "bottom": 1, "left": 1},
    "shapeProperties": {"borderRadius": 6},
}
"""What every node shares, given once to vis-network rather than on each of 2,000 nodes: a card-sized box.

The page then parses and vis-network copies a sixth less per node; side nodes override the size."""


def _side_node(
    key: str, data: Mapping[str, Any], layout: ChainLayout, on_path: bool, text: Mapping[str, str]
) -> dict[str, Any]:
    x, y = layout.positions[key]
    w, h = layout.sizes[key]
    name = str(data.get("name", data.get("id")))
    ours = data["label"] == "Rep"
    title = (
        text["map.tip.rep"].format(
            role=_label(text, data.get("role", "")), channel=_label(text, data.get("channel", ""))
        )
        if ours
        else text["map.tip.competitor"]
    )
    node: dict[str, Any] = {
        "id": key,
        "x": x,
        "y": y,
        **_size(w, h),
        "color": {"background": REP_COLOUR if ours else COMPETITOR_COLOUR, "border": "#0f172a"},
        "title": f"{name}\n{title}",
        "side": {"name": name},
    }
    if on_path:
        node.update(borderWidth=5, color={**node["color"], "border": HIGHLIGHT_COLOUR})
        node["shadow"] = {"enabled": True, "color": "rgba(249,115,22,0.75)", "size": 18, "x": 0, "y": 0}
    return node


def _edge(
    graph: nx.MultiDiGraph[str],
    source: str,
    target: str,
    data: Mapping[str, Any],
    strengths: Mapping[tuple[str, str], float],
    layout: ChainLayout,
    options: MapOptions,
    text: Mapping[str, str],
) -> dict[str, Any] | None:
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
            "dashes": _dashes((2, 6), layout, source, target),
            "title": text["map.edge.reports"],
        }
    if kind == "INFLUENCES":
        weight = float(data.get("weight", 0.5))
        return edge | {
            "color": {"color": INFLUENCE_COLOUR, "opacity": 0.55},
            "dashes": _dashes((10, 8), layout, source, target),
            "width": 1.5 + 4 * weight,
            "smooth": {"enabled": True, "type": "curvedCW", "roundness": 0.25},
            "title": text["map.edge.influence"].format(
                kind=_label(text, data.get("kind", "other")), weight=round(100 * weight)
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


def _dashes(pattern: tuple[float, float], layout: ChainLayout, source: str, target: str) -> list[float]:
    """``pattern`` (dash, gap) for the line between two cards, stretched so that it has at most ``MAX_DASHES``.

    >>> layout = ChainLayout(positions={"a": (0.0, 0.0), "b": (18_000.0, 0.0)}, sizes={})
    >>> _dashes((10, 8), layout, "a", "a"), _dashes((10, 8), layout, "a", "b")
    ([10.0, 8.0], [100.0, 80.0])
    """
    (x1, y1), (x2, y2) = layout.positions[source], layout.positions[target]
    stretch = max(1.0, math.hypot(x2 - x1, y2 - y1) / (MAX_DASHES * sum(pattern)))
    return [part * stretch for part in pattern]


def _height(layout: ChainLayout) -> int:
    """Canvas height that shows the whole chart at the zoom its width allows (never below legible)."""
    xs = [x for x, _ in layout.positions.values()] or [0.0]
    ys = [y for _, y in layout.positions.values()] or [0.0]
    width, height = (max(xs) - min(xs) + CARD_W) * 1.04, (max(ys) - min(ys) + CARD_H) * 1.04
    scale = min(max(ASSUMED_WIDTH_PX / width, MIN_SCALE), 1.0)
    return int(min(max(height * scale + 60, 460), 1500))


def _json(value: object) -> str:
    """JSON safe inside ``<script>``: no ``<``, ``>`` or ``&`` left to end the script or open a tag."""
    text = json.dumps(value, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def chain_map_html(
    graph: nx.MultiDiGraph[str],
    influence: Mapping[str, float],
    strengths: Mapping[tuple[str, str], float],
    text: Mapping[str, str],
    options: MapOptions | None = None,
) -> ChainMap:
    """Render the map; ``influence`` by contact id (0–1), ``strengths`` by (rep id, contact id), 0–100.

    ``text`` holds the reader's words (``ui.map_text.map_text``): the ``map.*``
    phrases and the ``enum.*`` labels of roles, stances and kinds.
    """
    options = options or MapOptions()
    keep = (
        {"Contact"}
        | ({"Rep"} if options.show_reps else set())
        | ({"Competitor"} if options.show_competitors else set())
    )
    companies = set(graph.graph.get("companies", ()))
    on_path = {key for path in options.highlight for key in path}
    shown = graph.subgraph(
        [
            k
            for k, d in graph.nodes(data=True)
            if d["label"] in keep
            and (d["label"] != "Contact" or not companies or d.get("company_id") in companies or k in on_path)
        ]
    )
    order = {k: influence.get(d["id"], 0.0) for k, d in shown.nodes(data=True) if d["label"] == "Contact"}
    layout = chain_layout(shown, order)
    best = _best_strengths(shown, strengths)
    nodes = [
        _contact_node(k, d, layout, order[k], best.get(d["id"]), options, k in on_path, text)
        if d["label"] == "Contact"
        else _side_node(k, d, layout, k in on_path, text)
        for k, d in shown.nodes(data=True)
    ]
    highlighted = _highlighted_edges(options.highlight)
    edges: list[dict[str, Any]] = []
    for source, target, data in shown.edges(data=True):
        edge = _edge(shown, source, target, data, strengths, layout, options, text)
        lit = frozenset((source, target)) in highlighted
        if edge is None or (edge.get("tree") and not lit):
            continue  # a reporting line the chart draws as a connector needs a vis edge only to glow on a path
        if lit:
            edge.update(color=HIGHLIGHT_COLOUR, width=max(float(edge.get("width", 1)), 6.0))
        edges.append(edge)
    connectors = layout.connectors if "REPORTS_TO" in options.edge_kinds else ()
    captions = [(text[f"map.{name}"], x, y) for name, x, y in layout.captions]
    height = _height(layout)
    page = _PAGE.format(
        lang="zh-CN" if text.get("map.lang") == "zh" else "en",
        css=_vis_asset("vis-network.css"),
        js=_vis_asset("vis-network.min.js"),
        banner=f'<div class="banner">{html.escape(options.banner)}</div>' if options.banner else "",
        deal=_deal_html(options.deal, text),
        fullscreen=html.escape(text["map.fullscreen"]),
        fit=html.escape(text["map.fit"]),
        legend=legend_html(text, deal=options.deal is not None),
        nodes=_json(nodes),
        edges=_json(edges),
        data=_json(
            {
                "connectors": connectors,
                "captions": captions,
                "cardW": CARD_W,
                "cardH": CARD_H,
                "minScale": MIN_SCALE,
                "connectorColour": CONNECTOR_COLOUR,
                "nodeDefaults": NODE_DEFAULTS,
            }
        ),
        script=_SCRIPT,
    )
    return ChainMap(page, height + HEADER_PX + (34 if options.deal or options.banner else 0))


def _deal_html(deal: DealLine | None, text: Mapping[str, str]) -> str:
    if deal is None:
        return ""
    parts = [
        f"<b>{html.escape(deal.name)}</b>",
        html.escape(text["map.deal.stage"].format(stage=deal.stage)),
        html.escape(text["map.deal.amount"].format(amount=deal.amount)),
        html.escape(text["map.deal.close"].format(date=deal.close_date)),
        html.escape(text["map.deal.people"].format(count=len(deal.roles))),
    ]
    return f'<div class="deal">{" · ".join(parts)}</div>'


def format_amount(amount: float | None) -> str:
    """Money as the map shows it: ``¥1,500,000``; nothing known is a dash.

    >>> format_amount(1500000.0), format_amount(None)
    ('¥1,500,000', '—')
    """
    return "—" if amount is None or math.isnan(amount) else f"¥{amount:,.0f}"


def format_day(day: dt.date | str | None) -> str:
    """A day as ISO ``2026-12-31``; nothing known is a dash."""
    return "—" if not day else str(day)[:10]


def _vis_asset(name: str) -> str:
    return (resources.files("pyvis") / "templates" / "lib" / "vis-9.1.2" / name).read_text(encoding="utf-8")


_PAGE = """<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8">
<style>{css}</style>
<style>
html, body {{ margin: 0; height: 100%; font-family: 'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', sans-serif;
  color: #1e293b; background: #ffffff; }}
#map-frame {{ display: flex; flex-direction: column; height: 100%; background: #ffffff; }}
#map-top {{ display: flex; flex-wrap: wrap; align-items: flex-start; gap: 6px 14px; padding: 4px 6px; }}
#map-top .lines {{ flex: 1 1 600px; }}
.banner {{ font: 600 15px inherit; background: #f1f5f9; border-left: 4px solid #0f766e; padding: 5px 10px;
  margin-bottom: 4px; }}
.deal {{ font-size: 15px; background: #ecfeff; border-left: 4px solid {deal_colour}; padding: 5px 10px;
  margin-bottom: 4px; }}
.buttons button {{ font: 600 14px inherit; padding: 5px 12px; margin-left: 4px; border: 1px solid #cbd5e1;
  border-radius: 6px; background: #f8fafc; cursor: pointer; }}
#mynetwork {{ flex: 1 1 auto; min-height: 300px; border: 1px solid #e2e8f0; border-radius: 6px; }}
</style></head>
<body><div id="map-frame">
<div id="map-top"><div class="lines">{banner}{deal}{legend}</div>
<div class="buttons"><button id="map-fit" type="button">{fit}</button>
<button id="map-fullscreen" type="button">{fullscreen}</button></div></div>
<div id="mynetwork"></div></div>
<script>{js}</script>
<script>
var nodes = new vis.DataSet({nodes});
var edges = new vis.DataSet({edges});
var MAP = {data};
{script}
</script>
</body></html>
""".replace("{deal_colour}", DEAL_COLOUR)

_SCRIPT = """
var container = document.getElementById('mynetwork');
var network = new vis.Network(container, {nodes: nodes, edges: edges}, {
  physics: {enabled: false},
  layout: {improvedLayout: false},
  interaction: {hover: true, tooltipDelay: 120, navigationButtons: false, keyboard: true, dragNodes: false},
  edges: {arrows: {to: {enabled: true, scaleFactor: 0.6}}, smooth: false, hoverWidth: 1.5},
  nodes: MAP.nodeDefaults
});
var FONT = "'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";
var cards = nodes.get().filter(function (n) { return n.card || n.side; });

function fitted(ctx, text, width) {
  if (ctx.measureText(text).width <= width) return text;
  var lo = 0, hi = text.length;
  while (lo < hi) {
    var mid = (lo + hi + 1) >> 1;
    if (ctx.measureText(text.slice(0, mid) + '…').width <= width) lo = mid; else hi = mid - 1;
  }
  return text.slice(0, lo) + '…';
}

function twoLines(ctx, text, width) {
  if (ctx.measureText(text).width <= width) return [text];
  var cut = text.length;
  while (cut > 1 && ctx.measureText(text.slice(0, cut)).width > width) cut--;
  var space = text.lastIndexOf(' ', cut);
  if (space > 0) cut = space;
  return [text.slice(0, cut).trim(), fitted(ctx, text.slice(cut).trim(), width)];
}

function drawCard(ctx, n) {
  var c = n.card, w = MAP.cardW, h = MAP.cardH, x = n.x - w / 2, y = n.y - h / 2;
  ctx.globalAlpha = c.faded ? 0.6 : 1;
  ctx.fillStyle = c.strip;
  ctx.fillRect(x + 2, y + 3, 9, h - 6);
  ctx.textBaseline = 'top';
  ctx.textAlign = 'left';
  ctx.fillStyle = '#0f172a';
  ctx.font = '700 22px ' + FONT;
  ctx.fillText(fitted(ctx, c.name, w - 30), x + 18, y + 8);
  ctx.fillStyle = '#475569';
  ctx.font = '20px ' + FONT;
  twoLines(ctx, c.title, w - 30).forEach(function (line, i) { ctx.fillText(line, x + 18, y + 36 + 22 * i); });
  var row = y + h - 33;
  var room = w - 36;
  if (c.points) {
    ctx.font = '700 20px ' + FONT;
    room -= ctx.measureText(c.points).width + 6;
    ctx.textAlign = 'right';
    ctx.fillStyle = c.strong ? '#1d4ed8' : '#64748b';
    ctx.fillText(c.points, x + w - 9, row + 3);
    ctx.textAlign = 'left';
  }
  if (c.badge) {
    ctx.font = '500 20px ' + FONT;
    var label = fitted(ctx, c.badge, room), bw = ctx.measureText(label).width + 10;
    ctx.fillStyle = c.badgeColour;
    ctx.beginPath();
    if (ctx.roundRect) ctx.roundRect(x + 16, row, bw, 27, 13); else ctx.rect(x + 16, row, bw, 27);
    ctx.fill();
    ctx.fillStyle = '#ffffff';
    ctx.fillText(label, x + 21, row + 3);
  }
  ctx.globalAlpha = 1;
}

function drawSide(ctx, n) {
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'center';
  ctx.fillStyle = '#ffffff';
  ctx.font = '600 22px ' + FONT;
  ctx.fillText(fitted(ctx, n.side.name, MAP.cardW - 20), n.x, n.y);
}

network.on('beforeDrawing', function (ctx) {
  ctx.strokeStyle = MAP.connectorColour;
  ctx.lineWidth = 2;
  ctx.beginPath();
  MAP.connectors.forEach(function (s) { ctx.moveTo(s[0], s[1]); ctx.lineTo(s[2], s[3]); });
  ctx.stroke();
  ctx.fillStyle = '#334155';
  ctx.font = '700 22px ' + FONT;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'bottom';
  MAP.captions.forEach(function (c) { ctx.fillText(c[0], c[1], c[2]); });
});

network.on('afterDrawing', function (ctx) {
  if (network.getScale() * 20 < 4) return;  // too small to read: skip the text, keep the map quick
  var a = network.DOMtoCanvas({x: 0, y: 0});
  var b = network.DOMtoCanvas({x: container.clientWidth, y: container.clientHeight});
  var w = MAP.cardW, h = MAP.cardH;
  cards.forEach(function (n) {  // only the cards in view: a 2,000-person account draws as fast as a small one
    if (n.x + w < a.x || n.x - w > b.x || n.y + h < a.y || n.y - h > b.y) return;
    if (n.card) drawCard(ctx, n); else drawSide(ctx, n);
  });
});

function fitMap() {
  // vis-network's own fit() leaves a tenth of the frame empty; fit the cards' boxes exactly instead,
  // but never below the scale at which card text is 12 px (then show the top, where the deciders are).
  var left = Infinity, right = -Infinity, top = Infinity, bottom = -Infinity;
  network.body.data.nodes.getIds().forEach(function (id) {
    var b = network.getBoundingBox(id);
    left = Math.min(left, b.left); right = Math.max(right, b.right);
    top = Math.min(top, b.top); bottom = Math.max(bottom, b.bottom);
  });
  fittedSize = container.clientWidth + 'x' + container.clientHeight;
  var width = container.clientWidth - 8, height = container.clientHeight - 8;
  var scale = Math.min(width / (right - left), height / (bottom - top), 1.2);
  var target = Math.max(scale, MAP.minScale);
  var y = scale < MAP.minScale ? top + height / 2 / target : (top + bottom) / 2;
  network.moveTo({position: {x: (left + right) / 2, y: y}, scale: target, animation: false});
}

document.getElementById('map-fit').addEventListener('click', fitMap);
document.getElementById('map-fullscreen').addEventListener('click', function () {
  var frame = document.getElementById('map-frame');
  if (document.fullscreenElement) document.exitFullscreen();
  else if (frame.requestFullscreen) frame.requestFullscreen();
});
var refit = null, fittedSize = '';
new ResizeObserver(function () {  // the app sizes its frame after the page loads, and full screen resizes it
  // the observer also reports the size it starts with: drawing 2,000 cards again for that would double the wait
  if (container.clientWidth + 'x' + container.clientHeight === fittedSize) return;
  clearTimeout(refit);
  refit = setTimeout(function () { network.redraw(); fitMap(); }, 80);
}).observe(container);
fitMap();
if (window.self !== window.top) {  // inside the app, which shows the claim itself; the banner is for the file
  var banner = document.querySelector('.banner');
  if (banner) banner.style.display = 'none';
}
window.kagraphMapReady = true;
"""
