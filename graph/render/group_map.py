"""The group tree as a standalone HTML page (pyvis, JavaScript inlined).

Headquarters on top, each level of branches one row lower, children centred
under their parent (a tidy tree: leaves take consecutive slots, a parent sits
above the middle of its children), physics off so the same group always looks
the same. Colour = status of the chosen category at that company: ours green,
a competitor red, nobody grey; size = head count. A thick purple border marks
the branches of an HQ policy wave; a thick orange border marks the companies
on the selected target's warm path.

Company and vendor names come from spreadsheets. As in the decision-chain map,
labels are canvas text, string tooltips are shown as text, and pyvis
serialises the data with ``tojson``, so ``<img src=x onerror=…>`` stays text.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Collection

from pyvis.network import Network

from graph.analysis.group_tree import TreeCompany
from graph.render.standalone import standalone_html

__all__ = ["STATUS_COLOURS", "group_map_html", "tree_positions"]

STATUS_COLOURS = {"ours": "#2f9e5b", "competitor": "#d43d3d", "untouched": "#cbd5e1"}
WAVE_COLOUR = "#7c3aed"
PATH_COLOUR = "#f97316"
_SLOT_PX = 190
_LEVEL_PX = 170


def tree_positions(companies: list[TreeCompany]) -> dict[str, tuple[float, float]]:
    """``{company id: (x, y)}``: leaves in consecutive slots, parents centred over their children.

    ``companies`` come depth first from the root, as ``group_tree`` returns them.

    >>> from graph.analysis.group_tree import TreeCompany
    >>> def c(i, parent, depth): return TreeCompany(id=i, name=i, parent_id=parent, kind=None, depth=depth,
    ...     tier=None, employees=None, city=None, contacts=0, products={}, rollup={})
    >>> tree_positions([c("hq", None, 0), c("a", "hq", 1), c("b", "hq", 1)])
    {'a': (0.0, 170.0), 'b': (190.0, 170.0), 'hq': (95.0, 0.0)}
    """
    children: dict[str, list[str]] = defaultdict(list)
    for company in companies:
        if company.parent_id is not None:
            children[company.parent_id].append(company.id)
    depth = {c.id: c.depth for c in companies}
    positions: dict[str, tuple[float, float]] = {}
    next_slot = 0

    def place(company_id: str) -> float:
        nonlocal next_slot
        below = children.get(company_id, [])
        if not below:
            x = float(next_slot * _SLOT_PX)
            next_slot += 1
        else:
            xs = [place(child) for child in below]
            x = (xs[0] + xs[-1]) / 2
        positions[company_id] = (x, float(depth[company_id] * _LEVEL_PX))
        return x

    if companies:
        place(companies[0].id)
    return positions


def _money(amount: float | None) -> str:
    return "" if amount is None else f"{amount:,.0f}"


def _tooltip(company: TreeCompany, category: str) -> str:
    status = company.products.get(category)
    rollup = company.rollup.get(category)
    lines = [company.name, f"{company.kind or ''} · {company.employees or '?'} employees · {company.contacts} contacts"]
    if status is not None:
        lines.append(f"{category}: {status.status}")
        if status.vendor_name:
            facts = (status.vendor_name, status.product or "", _money(status.amount), str(status.since or ""))
            lines.append(" · ".join(facts))
    if rollup is not None and rollup.companies > 1:
        lines.append(
            f"with everything below: {rollup.ours} ours, {rollup.competitor} competitor, {rollup.untouched} untouched"
        )
    return "\n".join(lines)


def group_map_html(
    companies: list[TreeCompany],
    category: str,
    wave: Collection[str] = (),
    on_path: Collection[str] = (),
    height_px: int = 640,
) -> str:
    """Render the tree coloured by ``category``; ``wave`` and ``on_path`` are company ids to mark."""
    positions = tree_positions(companies)
    sizes = [c.employees for c in companies if c.employees]
    biggest = math.log1p(max(sizes)) if sizes else 1.0
    net = Network(height=f"{height_px}px", width="100%", directed=False, cdn_resources="in_line")
    for company in companies:
        x, y = positions[company.id]
        status = company.products.get(category)
        state = status.status if status else "untouched"
        vendor = status.vendor_name if status and status.vendor_name and state == "competitor" else ""
        border = PATH_COLOUR if company.id in on_path else WAVE_COLOUR if company.id in wave else "#334155"
        net.add_node(
            company.id,
            label=f"{company.name}\n{vendor}".strip(),
            x=x,
            y=y,
            shape="dot",
            size=12 + 22 * (math.log1p(company.employees) / biggest if company.employees else 0.0),
            color={"background": STATUS_COLOURS[state], "border": border},
            borderWidth=5 if border != "#334155" else 1,
            title=_tooltip(company, category),
        )
    for company in companies:
        if company.parent_id is not None:
            both = company.id in on_path and company.parent_id in on_path
            colour, width = (PATH_COLOUR, 4.0) if both else ("#94a3b8", 1.5)
            net.add_edge(company.parent_id, company.id, color=colour, width=width)
    net.set_options(_OPTIONS)
    return standalone_html(net)


_OPTIONS = """
{
  "physics": {"enabled": false},
  "interaction": {"hover": true, "tooltipDelay": 120, "navigationButtons": true, "keyboard": true},
  "edges": {"smooth": false},
  "nodes": {"font": {"size": 16, "face": "Noto Sans CJK SC, Microsoft YaHei, sans-serif"}}
}
"""
