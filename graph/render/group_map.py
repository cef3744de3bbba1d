"""The group tree as a standalone HTML page (pyvis, JavaScript inlined).

Headquarters on the left, each level of branches one column further right,
children stacked beside their parent (a tidy tree: leaves take consecutive
rows, a parent sits level with the middle of its children), physics off so
the same group always looks the same. Groups are wide and shallow (dozens of
branches, two or three levels), so left to right keeps names readable where
top-down would shrink them to fit.

Each company is a box holding its name (and the rival's, if one supplies the
chosen category there); colour = status of that category: ours green, a
competitor red, nobody grey. Labels drop the prefix every company of the
group shares (华东电网宁波供电分公司 → 宁波供电分公司), cut only where a word
or a bracket begins; tooltips keep the full name. A thick purple border marks
the branches of an HQ buying wave; an orange glow (and, off the wave, an
orange border) marks the companies on the selected target's warm path, so a
company on both keeps both marks.

Company and vendor names come from spreadsheets. As in the decision-chain map,
labels are canvas text, string tooltips are shown as text, and pyvis
serialises the data with ``tojson``, so ``<img src=x onerror=…>`` stays text.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Mapping

from pyvis.network import Network

from graph.analysis.group_tree import TreeCompany
from graph.render.numbers import money
from graph.render.standalone import standalone_html

__all__ = [
    "STATUS_COLOURS",
    "TOOLTIP_WORDS",
    "Counted",
    "english_counts",
    "group_map_html",
    "leaf_count",
    "short_names",
    "tree_positions",
]

STATUS_COLOURS = {"ours": "#2f9e5b", "competitor": "#d43d3d", "untouched": "#cbd5e1"}
WAVE_COLOUR = "#7c3aed"
PATH_COLOUR = "#f97316"
PLAIN_BORDER = "#475569"
ROW_PX = 64
LEVEL_PX = 380


def tree_positions(companies: list[TreeCompany]) -> dict[str, tuple[float, float]]:
    """``{company id: (x, y)}``: leaves in consecutive rows, parents level with the middle of their children.

    ``companies`` come depth first from the root, as ``group_tree`` returns them.

    >>> from graph.analysis.group_tree import TreeCompany
    >>> def c(i, parent, depth): return TreeCompany(id=i, name=i, parent_id=parent, kind=None, depth=depth,
    ...     tier=None, employees=None, city=None, contacts=0, products={}, rollup={})
    >>> tree_positions([c("hq", None, 0), c("a", "hq", 1), c("b", "hq", 1)])
    {'a': (380.0, 0.0), 'b': (380.0, 64.0), 'hq': (0.0, 32.0)}
    """
    children: dict[str, list[str]] = defaultdict(list)
    for company in companies:
        if company.parent_id is not None:
            children[company.parent_id].append(company.id)
    depth = {c.id: c.depth for c in companies}
    positions: dict[str, tuple[float, float]] = {}
    next_row = 0

    def place(company_id: str) -> float:
        nonlocal next_row
        below = children.get(company_id, [])
        if below:
            rows = [place(child) for child in below]
            y = (rows[0] + rows[-1]) / 2
        else:
            y = float(next_row * ROW_PX)
            next_row += 1
        positions[company_id] = (float(depth[company_id] * LEVEL_PX), y)
        return y

    if companies:
        place(companies[0].id)
    return positions


def leaf_count(companies: list[TreeCompany]) -> int:
    """How many rows the tree needs (companies with nothing below them)."""
    parents = {c.parent_id for c in companies}
    return sum(1 for c in companies if c.id not in parents)


_OPENING = "([{（【〔《<"


def _cut(prefix: str) -> int:
    """Where a shared prefix may be cut: all of it in CJK text, else after its last space.

    Latin names share whole words only ("Northwind Traders " of "Northwind
    Traders Inc." and "Northwind Traders (HK) Ltd."), never part of one.
    """
    if prefix and prefix[-1].isascii() and prefix[-1].isalnum():
        return prefix.rfind(" ") + 1
    return len(prefix)


def short_names(companies: list[TreeCompany]) -> dict[str, str]:
    """Branch names without the prefix every company of the group shares; the root keeps its full name.

    The prefix goes only when it is at least two characters long, ends where
    a word begins, and leaves at least two characters behind that do not
    start with a bracket (a "(Hong Kong) Ltd." says nothing alone): otherwise
    the branch keeps its full name.

    >>> from graph.analysis.group_tree import TreeCompany
    >>> def c(name, depth): return TreeCompany(id=name, name=name, parent_id=None, kind=None, depth=depth,
    ...     tier=None, employees=None, city=None, contacts=0, products={}, rollup={})
    >>> short_names([c("华东电网集团有限公司", 0), c("华东电网宁波供电分公司", 1)])
    {'华东电网集团有限公司': '华东电网集团有限公司', '华东电网宁波供电分公司': '宁波供电分公司'}
    >>> short_names([c("<b>", 0), c("<i>", 1)])
    {'<b>': '<b>', '<i>': '<i>'}
    >>> short_names([c("Northwind Traders Inc.", 0), c("Northwind Traders (Hong Kong) Ltd.", 1),
    ...              c("Northwind Traders Singapore", 1), c("Northwind Tradewinds", 1)])["Northwind Traders Singapore"]
    'Traders Singapore'
    >>> short_names([c("Northwind Inc.", 0), c("Northwind (Hong Kong) Ltd.", 1)])["Northwind (Hong Kong) Ltd."]
    'Northwind (Hong Kong) Ltd.'
    """
    names = [c.name for c in companies]
    first, last = min(names, default=""), max(names, default="")
    shared = 0
    while shared < min(len(first), len(last)) and first[shared] == last[shared]:
        shared += 1
    shared = _cut(first[:shared])
    if shared < 2:
        return {c.id: c.name for c in companies}

    def short(name: str) -> str:
        rest = name[shared:].lstrip()
        return rest if len(rest) >= 2 and rest[0] not in _OPENING else name

    return {c.id: short(c.name) if c.depth else c.name for c in companies}


TOOLTIP_WORDS: dict[str, str] = {
    "hq": "headquarters",
    "branch": "branch",
    "subsidiary": "subsidiary",
    "ours": "ours",
    "competitor": "competitor",
    "untouched": "untouched",
    "below": "with everything below: {ours} ours, {competitor} competitor, {untouched} untouched",
}
"""The tooltips' words in English; the page passes its own language's (same keys and placeholders)."""
Counted = Callable[[str, int], str]
"""``counted("contacts", 3)`` → ``3 contacts``: a count of ``employees`` or ``contacts`` worded in the plural form
the reader's language gives that number."""
_ENGLISH_COUNTS = {"employees": ("employee", "employees"), "contacts": ("contact", "contacts")}


def english_counts(what: str, n: int) -> str:
    """The tooltips' counts in English; the page passes its own language's (``ui.i18n.tn``).

    >>> english_counts("contacts", 1), english_counts("employees", 1200)
    ('1 contact', '1,200 employees')
    """
    return f"{n:,} {_ENGLISH_COUNTS[what][n != 1]}"


def _tooltip(company: TreeCompany, category: str, label: str, words: Mapping[str, str], counted: Counted) -> str:
    """A company's box tooltip; a head count nobody recorded is left out rather than shown as a guess."""
    status = company.products.get(category)
    rollup = company.rollup.get(category)
    facts = [
        words.get(company.kind or "", company.kind or ""),
        counted("employees", company.employees) if company.employees else "",
        counted("contacts", company.contacts),
    ]
    lines = [company.name, " · ".join(f for f in facts if f)]
    if status is not None:
        lines.append(f"{label}: {words.get(status.status, status.status)}")
        if status.vendor_name:
            facts = [status.vendor_name, status.product or "", money(status.amount), str(status.since or "")]
            lines.append(" · ".join(f for f in facts if f))
    if rollup is not None and rollup.companies > 1:
        lines.append(words["below"].format(ours=rollup.ours, competitor=rollup.competitor, untouched=rollup.untouched))
    return "\n".join(lines)


def group_map_html(
    companies: list[TreeCompany],
    category: str,
    wave: Collection[str] = (),
    on_path: Collection[str] = (),
    height_px: int = 640,
    category_label: str | None = None,
    words: Mapping[str, str] = TOOLTIP_WORDS,
    claimed: Mapping[str, str] | None = None,
    counted: Counted = english_counts,
) -> str:
    """Render the tree coloured by ``category``; ``wave`` and ``on_path`` are company ids to mark.

    ``category_label``, ``words`` (``TOOLTIP_WORDS``' keys) and ``counted`` put the tooltips in the reader's
    language.
    ``claimed`` maps a company id to who holds its claim (报备) until when: a last line on its box.
    """
    claimed = claimed or {}
    positions = tree_positions(companies)
    labels = short_names(companies)
    net = Network(height=f"{height_px}px", width="100%", directed=False, cdn_resources="in_line")
    for company in companies:
        x, y = positions[company.id]
        status = company.products.get(category)
        state = status.status if status else "untouched"
        vendor = status.vendor_name if status and status.vendor_name and state == "competitor" else ""
        border = WAVE_COLOUR if company.id in wave else PATH_COLOUR if company.id in on_path else PLAIN_BORDER
        glow = {"enabled": True, "color": PATH_COLOUR, "size": 30, "x": 0, "y": 0} if company.id in on_path else False
        net.add_node(
            company.id,
            label="\n".join(part for part in (labels[company.id], vendor, claimed.get(company.id, "")) if part),
            x=x,
            y=y,
            shape="box",
            margin=8,
            color={"background": STATUS_COLOURS[state], "border": border},
            borderWidth=1 if border == PLAIN_BORDER else 5,
            shadow=glow,
            font={"color": "#1e293b" if state == "untouched" else "#ffffff"},
            title="\n".join(
                part
                for part in (
                    _tooltip(company, category, category_label or category, words, counted),
                    claimed.get(company.id, ""),
                )
                if part
            ),
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
  "nodes": {"font": {"size": 18, "face": "Noto Sans CJK SC, Microsoft YaHei, sans-serif"}}
}
"""
