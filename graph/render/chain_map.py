"""The decision-chain map as one standalone HTML page: an org chart of cards, readable at a glance.

Each person is a card (name, title, buying-role badge, stance strip and tint,
our best strength in points) placed by ``layout.chain_layout`` along the
reporting lines; influence is drawn as curved dashed lines over the chart; our
reps and the competitors sit in a band above. The page fits the chart to its
frame when it opens but never zooms out below the scale at which the smallest
card text is 12 px (``MIN_FONT`` world units × ``MIN_SCALE``); it has a
full-screen button, PNG and PDF buttons that save the view as it is
(``map_picture``), and a legend drawn with the map's own symbols
(``chain_legend``), so the downloaded file and the pictures explain themselves.

This module chooses what is shown and assembles the page: the cards' and lines'
looks are ``chain_styles``, their words ``chain_words``, the HTML and its script
``chain_page``, the reader's choices ``chain_options``. Nothing here is English.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import networkx as nx

from graph.render.chain_legend import legend_html
from graph.render.chain_options import MapOptions
from graph.render.chain_page import PAGE, SCRIPT, deal_html, script_json, vis_asset
from graph.render.chain_styles import NODE_DEFAULTS, contact_node, highlighted_edges, side_node, vis_edge
from graph.render.layout import CARD_H, CARD_W, ChainLayout, chain_layout
from graph.render.map_picture import PICTURE_SCRIPT
from graph.render.palette import CONNECTOR_COLOUR, HIGHLIGHT_COLOUR

__all__ = ["MIN_FONT", "MIN_SCALE", "ChainMap", "chain_map_html"]

MIN_FONT = 20
"""The smallest text on a card, in canvas units."""
MIN_SCALE = 0.6
"""The fitted zoom never goes below this: 20 units × 0.6 = 12 px on screen."""
ASSUMED_WIDTH_PX = 970
"""The map's frame at 1440 px with the sidebar open; the height is chosen for it."""
HEADER_PX = 150
"""Room above the canvas for the deal line, the buttons and the legend."""


@dataclass(frozen=True)
class ChainMap:
    """The page and the height its frame needs (canvas and header)."""

    html: str
    height_px: int


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


def _height(layout: ChainLayout) -> int:
    """Canvas height that shows the whole chart at the zoom its width allows (never below legible)."""
    xs = [x for x, _ in layout.positions.values()] or [0.0]
    ys = [y for _, y in layout.positions.values()] or [0.0]
    width, height = (max(xs) - min(xs) + CARD_W) * 1.04, (max(ys) - min(ys) + CARD_H) * 1.04
    scale = min(max(ASSUMED_WIDTH_PX / width, MIN_SCALE), 1.0)
    return int(min(max(height * scale + 60, 460), 1500))


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
        contact_node(k, d, layout, order[k], best.get(d["id"]), options, k in on_path, text)
        if d["label"] == "Contact"
        else side_node(k, d, layout, k in on_path, text)
        for k, d in shown.nodes(data=True)
    ]
    highlighted = highlighted_edges(options.highlight)
    edges: list[dict[str, Any]] = []
    for source, target, data in shown.edges(data=True):
        edge = vis_edge(shown, source, target, data, strengths, layout, options, text)
        lit = frozenset((source, target)) in highlighted
        if edge is None or (edge.get("tree") and not lit):
            continue  # a reporting line the chart draws as a connector needs a vis edge only to glow on a path
        if lit:
            edge.update(color=HIGHLIGHT_COLOUR, width=max(float(edge.get("width", 1)), 6.0))
        edges.append(edge)
    connectors = layout.connectors if "REPORTS_TO" in options.edge_kinds else ()
    captions = [(text[f"map.{name}"], x, y) for name, x, y in layout.captions]
    height = _height(layout)
    page = PAGE.format(
        lang="zh-CN" if text.get("map.lang") == "zh" else "en",
        css=vis_asset("vis-network.css"),
        js=vis_asset("vis-network.min.js"),
        banner=f'<div class="banner">{html.escape(options.banner)}</div>' if options.banner else "",
        deal=deal_html(options.deal, text),
        fullscreen=html.escape(text["map.fullscreen"]),
        fit=html.escape(text["map.fit"]),
        png=html.escape(text["map.png"]),
        png_tip=html.escape(text["map.png.tip"]),
        pdf=html.escape(text["map.pdf"]),
        pdf_tip=html.escape(text["map.pdf.tip"]),
        legend=legend_html(text, deal=options.deal is not None),
        nodes=script_json(nodes),
        edges=script_json(edges),
        data=script_json(
            {
                "connectors": connectors,
                "captions": captions,
                "cardW": CARD_W,
                "cardH": CARD_H,
                "minScale": MIN_SCALE,
                "connectorColour": CONNECTOR_COLOUR,
                "nodeDefaults": NODE_DEFAULTS,
                "files": {"png": options.png_name, "pdf": options.pdf_name},
            }
        ),
        script=SCRIPT,
        picture=PICTURE_SCRIPT,
    )
    return ChainMap(page, height + HEADER_PX + (34 if options.deal or options.banner else 0))
