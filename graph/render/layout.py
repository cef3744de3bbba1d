"""Precomputed positions for the decision-chain map: top of the hierarchy at the top.

A browser cannot run a physics simulation on 2,000 nodes quickly, and a
hierarchy reads best in rows anyway, so positions are computed here once:
one band per reporting level (level 1 at the top), wrapped into rows of at
most ``per_row`` people, ordered by company and department so colleagues sit
together; our reps in a band below, competitors below them.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable

import networkx as nx

__all__ = ["X_GAP", "Y_GAP", "contact_levels", "layered_positions"]

X_GAP = 150
Y_GAP = 170
ROW_GAP = 95
MIN_PER_ROW = 12


def contact_levels(graph: nx.MultiDiGraph, contacts: Iterable[str]) -> dict[str, int]:
    """Each contact's level: the stored one, else one below its highest manager, else the bottom.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("Contact:boss", label="Contact", level=1)
    >>> g.add_node("Contact:aide", label="Contact")
    >>> g.add_edge("Contact:aide", "Contact:boss", type="REPORTS_TO")
    0
    >>> contact_levels(g, ["Contact:boss", "Contact:aide"])
    {'Contact:boss': 1, 'Contact:aide': 2}
    """
    keys = list(contacts)
    levels: dict[str, int] = {k: int(graph.nodes[k]["level"]) for k in keys if graph.nodes[k].get("level")}
    for _ in range(len(keys)):  # longest reporting chain bounds the passes; cycles stop at the bound
        changed = False
        for key in keys:
            if key in levels:
                continue
            managers = [m for _, m, d in graph.out_edges(key, data=True) if d["type"] == "REPORTS_TO" and m in levels]
            if managers:
                levels[key] = min(levels[m] for m in managers) + 1
                changed = True
        if not changed:
            break
    bottom = max(levels.values(), default=0) + 1
    return {k: levels.get(k, bottom) for k in keys}


def _place_band(keys: list[str], top: float, per_row: int) -> tuple[dict[str, tuple[float, float]], float]:
    """Centre ``keys`` in rows under ``top``; return positions and the y below the band."""
    positions: dict[str, tuple[float, float]] = {}
    rows = [keys[i : i + per_row] for i in range(0, len(keys), per_row)] or [[]]
    for row_number, row in enumerate(rows):
        y = top + row_number * ROW_GAP
        left = -(len(row) - 1) * X_GAP / 2
        for column, key in enumerate(row):
            positions[key] = (left + column * X_GAP, y)
    return positions, top + (len(rows) - 1) * ROW_GAP + Y_GAP


def layered_positions(
    graph: nx.MultiDiGraph, order: dict[str, float] | None = None, per_row: int | None = None
) -> dict[str, tuple[float, float]]:
    """``{node key: (x, y)}`` for contacts, reps and competitors in ``graph``.

    ``order`` (e.g. influence) puts the weightiest people of a department first.
    ``per_row`` defaults to about √(people), at least 12, which keeps a big
    account roughly as wide as it is tall, like the screen it is drawn on.
    """
    order = order or {}
    by_label: dict[str, list[str]] = defaultdict(list)
    for key, data in graph.nodes(data=True):
        by_label[data["label"]].append(key)
    levels = contact_levels(graph, by_label["Contact"])
    per_row = per_row or max(MIN_PER_ROW, round(math.sqrt(len(levels))))
    bands: dict[int, list[str]] = defaultdict(list)
    for key, level in levels.items():
        bands[level].append(key)

    def colleague_order(key: str) -> tuple[str, str, float, str]:
        data = graph.nodes[key]
        return (str(data.get("company_id", "")), str(data.get("unit_id", "")), -order.get(key, 0.0), key)

    positions: dict[str, tuple[float, float]] = {}
    top = 0.0
    for level in sorted(bands):
        placed, top = _place_band(sorted(bands[level], key=colleague_order), top, per_row)
        positions.update(placed)
    for label in ("Rep", "Competitor"):
        if by_label[label]:
            placed, top = _place_band(sorted(by_label[label]), top + ROW_GAP / 2, per_row)
            positions.update(placed)
    return positions
