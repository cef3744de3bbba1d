"""What the reader chose to see on the decision-chain map, and the deal line it heads, as plain values.

Pages and ``ui.map_text`` build these (and format the deal's amount and day) without importing the
renderer; ``chain_map`` and its styling modules read them.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = ["EDGE_KINDS", "DealLine", "MapOptions", "format_amount", "format_day"]

EDGE_KINDS = ("REPORTS_TO", "INFLUENCES", "KNOWS")


@dataclass(frozen=True)
class DealLine:
    """The chosen opportunity, already formatted for the reader."""

    name: str
    stage: str
    amount: str
    close_date: str
    people: str
    """How many people play a part in it, worded (``3 people in the deal``)."""
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
    png_name: str = "map.png"
    pdf_name: str = "map.pdf"
    """The files the map's PNG and PDF buttons save, named in the reader's language by the page."""


def format_amount(amount: float | None) -> str:
    """Money as the map shows it: ``¥1,500,000``; nothing known is a dash.

    >>> format_amount(1500000.0), format_amount(None)
    ('¥1,500,000', '—')
    """
    return "—" if amount is None or math.isnan(amount) else f"¥{amount:,.0f}"


def format_day(day: dt.date | str | None) -> str:
    """A day as ISO ``2026-12-31``; nothing known is a dash."""
    return "—" if not day else str(day)[:10]
