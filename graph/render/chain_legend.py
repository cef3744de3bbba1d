"""The decision-chain map's legend, drawn with the map's own symbols as small inline SVG.

A paragraph saying "green = supporter, dashed = influence" has to be read and
remembered; a row of little cards, badges and line samples is recognised. The
same HTML sits above the map on the page and in the downloaded file. Every word
comes from ``text`` (the reader's language) and is escaped.
"""

from __future__ import annotations

import html
from collections.abc import Mapping

from graph.render.palette import (
    COLLISION_COLOUR,
    COMPETITOR_COLOUR,
    CONNECTOR_COLOUR,
    DEAL_COLOUR,
    HIGHLIGHT_COLOUR,
    INFLUENCE_COLOUR,
    REP_COLOUR,
    ROLE_COLOURS,
    STANCE_COLOURS,
    STANCE_TINTS,
)

__all__ = ["LEGEND_ROLES", "legend_html"]

LEGEND_ROLES = (
    "economic_buyer",
    "decision_maker",
    "technical_evaluator",
    "influencer",
    "champion",
    "gatekeeper",
    "blocker",
    "user",
)
_SVG = '<svg width="{w}" height="18" viewBox="0 0 {w} 18" aria-hidden="true">{body}</svg>'


def _card(stance: str) -> str:
    body = (
        f'<rect x="1" y="1" width="28" height="16" rx="3" fill="{STANCE_TINTS[stance]}" stroke="#94a3b8"/>'
        f'<rect x="2" y="2" width="5" height="14" fill="{STANCE_COLOURS[stance]}"/>'
    )
    return _SVG.format(w=30, body=body)


def _line(colour: str, width: float, dash: str = "", curved: bool = False) -> str:
    dashes = f' stroke-dasharray="{dash}"' if dash else ""
    shape = "M2 14 Q17 0 32 14" if curved else "M2 9 L32 9"
    return _SVG.format(w=34, body=f'<path d="{shape}" fill="none" stroke="{colour}" stroke-width="{width}"{dashes}/>')


def _ring(colour: str, dash: str = "", glow: bool = False) -> str:
    dashes = f' stroke-dasharray="{dash}"' if dash else ""
    halo = (
        f'<rect x="1" y="1" width="28" height="16" rx="4" fill="none" stroke="{colour}" '
        'stroke-opacity="0.35" stroke-width="4"/>'
        if glow
        else ""
    )
    return _SVG.format(
        w=30,
        body=f'{halo}<rect x="3" y="3" width="24" height="12" rx="3" fill="#ffffff" '
        f'stroke="{colour}" stroke-width="2.5"{dashes}/>',
    )


def _box(colour: str) -> str:
    return _SVG.format(w=30, body=f'<rect x="1" y="2" width="28" height="14" rx="3" fill="{colour}"/>')


def _item(symbol: str, words: str) -> str:
    return f'<span class="lg-item">{symbol}<span>{html.escape(words)}</span></span>'


def _badge(role: str, words: str) -> str:
    return f'<span class="lg-badge" style="background:{ROLE_COLOURS[role]}">{html.escape(words)}</span>'


def legend_html(text: Mapping[str, str], *, deal: bool = False) -> str:
    """The legend block: stances, roles, strength, lines and highlights, in the reader's words."""
    stances = "".join(_item(_card(s), text[f"enum.{s}"]) for s in ("supporter", "neutral", "opponent", "unknown"))
    roles = "".join(_badge(r, text[f"map.role.{r}"]) for r in LEGEND_ROLES)
    points = '<b style="color:#1d4ed8">0–100</b>'  # the scale, not a figure: a sample number reads as this account's
    lines = "".join(
        (
            _item(_line(CONNECTOR_COLOUR, 2), text["map.legend.reports"]),
            _item(_line(INFLUENCE_COLOUR, 3, "6 4", curved=True), text["map.legend.influence"]),
            _item(_line(REP_COLOUR, 3), text["map.legend.ours"]),
            _item(_line(COMPETITOR_COLOUR, 3), text["map.legend.competitor"]),
            _item(_box(REP_COLOUR), text["map.reps"]),
            _item(_box(COMPETITOR_COLOUR), text["map.competitors"]),
            _item(_ring(HIGHLIGHT_COLOUR, glow=True), text["map.legend.path"]),
            _item(_ring(COLLISION_COLOUR, "4 3"), text["map.legend.collision"]),
            _item(_ring(DEAL_COLOUR), text["map.legend.deal"]) if deal else "",
        )
    )
    return (
        "<style>"
        ".legend{font-size:13px;line-height:22px;color:#334155;display:flex;flex-wrap:wrap;gap:2px 14px;"
        "align-items:center}"
        ".legend .lg-group{display:inline-flex;flex-wrap:wrap;align-items:center;gap:2px 8px}"
        ".legend .lg-head{font-weight:700;color:#0f172a}"
        ".legend .lg-item{display:inline-flex;align-items:center;gap:4px}"
        ".legend .lg-badge{color:#fff;border-radius:9px;padding:0 7px;font-size:12px;line-height:18px}"
        "</style>"
        '<div class="legend" role="note">'
        f'<span class="lg-group"><span class="lg-head">{html.escape(text["map.legend.stance"])}</span>{stances}</span>'
        f'<span class="lg-group"><span class="lg-head">{html.escape(text["map.legend.role"])}</span>{roles}</span>'
        f'<span class="lg-group"><span class="lg-head">{html.escape(text["map.legend.strength"])}</span>{points}</span>'
        f'<span class="lg-group">{lines}</span>'
        "</div>"
    )
