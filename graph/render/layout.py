"""Where each card of the decision-chain map sits: an org chart, computed once in Python.

A browser cannot run a physics simulation on 2,000 nodes quickly, and people
read an account as its organisation, so positions are computed here: a tidy
tree (Reingold–Tilford: subtrees placed side by side as close as their
contours allow, each manager centred over their reports) along the reporting
lines. Someone with several managers hangs under the most influential one; the
other lines are drawn as ordinary edges by the map. A manager's reports who
manage nobody are stacked in a column under them (as org charts do), which
keeps a 50-person account about seven cards wide, so it fits a screen with
its text at full size. People with no reporting line at all sit in a grid
below the trees. Our reps and the competitors sit in a band above.

Cards have fixed sizes, so "no two cards overlap" is a property of these
numbers alone and is tested on them.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import networkx as nx

__all__ = [
    "CARD_H",
    "CARD_W",
    "GAP_X",
    "SIDE_H",
    "ChainLayout",
    "Segment",
    "chain_layout",
    "primary_managers",
]

CARD_W = 168.0
CARD_H = 118.0
SIDE_H = 48.0
GAP_X = 16.0
GAP_Y = 36.0
PITCH = CARD_H + GAP_Y
STUB = 8.0
"""How far a stacked column's spine runs left of its cards."""
MAX_STACK = 8
"""Reports stacked in one column before a second column starts."""
BAND_GAP = 60.0
SIDE_GAP = 16.0
CAPTION_H = 30.0
"""Room above a band for its caption (22-unit text)."""

Segment = tuple[float, float, float, float]
"""A connector line (x1, y1, x2, y2) of the org chart."""


@dataclass(frozen=True)
class ChainLayout:
    """Card centres and sizes, the org-chart connectors, and where the band captions go."""

    positions: dict[str, tuple[float, float]]
    sizes: dict[str, tuple[float, float]]
    tree_lines: frozenset[tuple[str, str]] = frozenset()
    """(report, manager) pairs drawn as connectors: the map draws no edge for them."""
    connectors: tuple[Segment, ...] = ()
    captions: tuple[tuple[str, float, float], ...] = ()
    """(``"reps"`` or ``"competitors"``, x of the band's left edge, y of its caption)."""


@dataclass
class _Shape:
    """A laid-out subtree relative to its root card's centre; rows count down from the root."""

    members: list[tuple[str, float, int]] = field(default_factory=list)
    left: list[float] = field(default_factory=list)
    right: list[float] = field(default_factory=list)
    lines: list[Segment] = field(default_factory=list)
    anchor: float = 0.0
    """Where the parent's bus line joins this shape (its root, or a stacked column's spine)."""


def primary_managers(graph: nx.MultiDiGraph[str], contacts: list[str], order: Mapping[str, float]) -> dict[str, str]:
    """Each contact's manager in the tree: the most influential of those they report to; cycles broken.

    >>> g = nx.MultiDiGraph()
    >>> for k in ("a", "b", "c"): g.add_node(k, label="Contact")
    >>> for s, t in (("c", "a"), ("c", "b"), ("b", "a")): _ = g.add_edge(s, t, type="REPORTS_TO")
    >>> primary_managers(g, ["a", "b", "c"], {"a": 0.9, "b": 0.5})
    {'b': 'a', 'c': 'a'}
    """
    shown = set(contacts)
    manager: dict[str, str] = {}
    for key in contacts:
        bosses = {m for _, m, d in graph.out_edges(key, data=True) if d["type"] == "REPORTS_TO" and m in shown}
        bosses.discard(key)
        if bosses:
            manager[key] = max(bosses, key=lambda m: (order.get(m, 0.0), m))
    for key in sorted(manager, key=lambda k: (order.get(k, 0.0), k), reverse=True):
        seen, walker = {key}, manager.get(key)
        while walker is not None and walker not in seen:
            seen.add(walker)
            walker = manager.get(walker)
        if walker is not None:  # back to someone already on the walk: a cycle
            del manager[walker]
    return manager


def _widen(contour: list[float], row: int, value: float, pick: Callable[[float, float], float]) -> None:
    if row < len(contour):
        contour[row] = pick(contour[row], value)
    else:
        contour.extend([value] * (row - len(contour) + 1))


def _leaf(key: str) -> _Shape:
    return _Shape(members=[(key, 0.0, 0)], left=[-CARD_W / 2], right=[CARD_W / 2])


def _stack(keys: list[str]) -> _Shape:
    """One column of reports with a spine on its left that starts at the parent's bus line."""
    bus_y = -(CARD_H / 2 + GAP_Y / 2)
    spine = -CARD_W / 2 - STUB
    shape = _Shape(anchor=spine)
    for row, key in enumerate(keys):
        shape.members.append((key, 0.0, row))
        shape.left.append(spine)
        shape.right.append(CARD_W / 2)
        shape.lines.append((spine, row * PITCH, -CARD_W / 2, row * PITCH))
    shape.lines.append((spine, bus_y, spine, (len(keys) - 1) * PITCH))
    return shape


def _beside(shapes: list[_Shape]) -> list[float]:
    """x offsets that put ``shapes`` left to right, each ``GAP_X`` clear of everything above its rows.

    The comparison contour is the running maximum down the rows, so a deep
    subtree never tucks under a shallow neighbour where a connector could be
    mistaken for its own.
    """
    offsets: list[float] = []
    placed: list[float] = []
    for shape in shapes:
        if not placed:
            offset = 0.0
        else:
            running = _running_max(placed)
            rows = range(len(shape.left))
            offset = max(running[min(r, len(running) - 1)] - shape.left[r] + GAP_X for r in rows)
        offsets.append(offset)
        for row, value in enumerate(shape.right):
            _widen(placed, row, value + offset, max)
    return offsets


def _running_max(values: list[float]) -> list[float]:
    out: list[float] = []
    for value in values:
        out.append(value if not out else max(out[-1], value))
    return out


def _with_children(children: list[_Shape]) -> _Shape:
    """A manager centred over ``children`` (already placed under one bus line)."""
    offsets = _beside(children)
    centre = (offsets[0] + offsets[-1]) / 2
    shape = _Shape(left=[-CARD_W / 2], right=[CARD_W / 2])
    bus_y = CARD_H / 2 + GAP_Y / 2
    anchors = [off - centre + c.anchor for off, c in zip(offsets, children, strict=True)]
    shape.lines.append((0.0, CARD_H / 2, 0.0, bus_y))
    shape.lines.append((min(0.0, *anchors), bus_y, max(0.0, *anchors), bus_y))
    for offset, child in zip(offsets, children, strict=True):
        dx = offset - centre
        shape.members.extend((key, x + dx, row + 1) for key, x, row in child.members)
        for row, value in enumerate(child.left):
            _widen(shape.left, row + 1, value + dx, min)
        for row, value in enumerate(child.right):
            _widen(shape.right, row + 1, value + dx, max)
        shape.lines.extend((x1 + dx, y1 + PITCH, x2 + dx, y2 + PITCH) for x1, y1, x2, y2 in child.lines)
        if child.anchor == 0.0:
            shape.lines.append((dx, bus_y, dx, PITCH - CARD_H / 2))
    return shape


def _tree(root: str, children: Mapping[str, list[str]]) -> _Shape:
    """The tidy shape of ``root``'s subtree, built bottom-up without recursion (chains can be long)."""
    order: list[str] = []
    pending = [root]
    while pending:
        key = pending.pop()
        order.append(key)
        pending.extend(children.get(key, ()))
    shapes: dict[str, _Shape] = {}
    for key in reversed(order):
        kids = children.get(key, [])
        if not kids:
            shapes[key] = _leaf(key)
            continue
        leaves = [k for k in kids if not children.get(k)]
        inner = [shapes[k] for k in kids if children.get(k)]
        if len(leaves) >= 2 or (leaves and inner):
            columns = math.ceil(len(leaves) / MAX_STACK)
            per = math.ceil(len(leaves) / columns)
            stacks = [_stack(leaves[i : i + per]) for i in range(0, len(leaves), per)]
        else:
            stacks = [shapes[k] for k in leaves]
        shape = _with_children(inner + stacks)  # the stack last: it would block every later sibling's rows
        shape.members.insert(0, (key, 0.0, 0))
        for kid in kids:
            del shapes[kid]
        shapes[key] = shape
    return shapes[root]


def chain_layout(graph: nx.MultiDiGraph[str], order: Mapping[str, float] | None = None) -> ChainLayout:
    """Cards for the contacts, reps and competitors in ``graph`` (node key → centre, size).

    ``order`` (e.g. influence) picks each person's manager in the tree and puts
    the weightiest people of a department first; colleagues sit together.
    """
    order = order or {}
    by_label: dict[str, list[str]] = {"Contact": [], "Rep": [], "Competitor": []}
    for key, data in graph.nodes(data=True):
        by_label.setdefault(data["label"], []).append(key)

    def colleague_order(key: str) -> tuple[str, str, float, str]:
        data = graph.nodes[key]
        return (str(data.get("company_id", "")), str(data.get("unit_id", "")), -order.get(key, 0.0), key)

    contacts = sorted(by_label["Contact"], key=colleague_order)
    manager = primary_managers(graph, contacts, order)
    children: dict[str, list[str]] = {}
    for key in contacts:
        if key in manager:
            children.setdefault(manager[key], []).append(key)
    roots = [k for k in contacts if k not in manager]
    trees = [r for r in roots if r in children]
    alone = [r for r in roots if r not in children]
    shapes = [_tree(r, children) for r in sorted(trees, key=lambda k: (-order.get(k, 0.0), k))]
    positions: dict[str, tuple[float, float]] = {}
    connectors: list[Segment] = []
    for offset, shape in zip(_beside(shapes), shapes, strict=True):
        positions.update({key: (x + offset, row * PITCH) for key, x, row in shape.members})
        connectors.extend((x1 + offset, y1, x2 + offset, y2) for x1, y1, x2, y2 in shape.lines)
    left = min((x for x, _ in positions.values()), default=0.0) - CARD_W / 2
    right = max((x for x, _ in positions.values()), default=0.0) + CARD_W / 2
    columns = max(round((right - left + GAP_X) / (CARD_W + GAP_X)), math.ceil(math.sqrt(len(alone) * 1.5)), 1)
    top = max((y for _, y in positions.values()), default=-PITCH) + PITCH
    for number, key in enumerate(alone):
        row, column = divmod(number, columns)
        positions[key] = (left + CARD_W / 2 + column * (CARD_W + GAP_X), top + row * PITCH)
    sizes = {key: (CARD_W, CARD_H) for key in positions}
    captions: list[tuple[str, float, float]] = []
    bottom = -CARD_H / 2 - BAND_GAP  # the lower edge of the next band up
    for name, keys in (("competitors", sorted(by_label["Competitor"])), ("reps", sorted(by_label["Rep"]))):
        rows = [keys[i : i + columns] for i in range(0, len(keys), columns)]
        for number, band_row in enumerate(reversed(rows)):
            y = bottom - SIDE_H / 2 - number * (SIDE_H + SIDE_GAP)
            for column, key in enumerate(band_row):
                positions[key] = (left + CARD_W / 2 + column * (CARD_W + GAP_X), y)
                sizes[key] = (CARD_W, SIDE_H)
        if rows:
            top_edge = bottom - len(rows) * SIDE_H - (len(rows) - 1) * SIDE_GAP
            captions.append((name, left, top_edge - 6))
            bottom = top_edge - CAPTION_H - SIDE_GAP
    tree_lines = frozenset(manager.items())
    return ChainLayout(positions, sizes, tree_lines, tuple(connectors), tuple(captions))
