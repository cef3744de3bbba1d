"""The decision-chain map's colours, shared by the map and its legend so the two always agree.

Stance is the strip and the tint of a card (green supporter, amber neutral,
red opponent, grey unknown); the buying role is the badge, in dark hues that
never read as a stance. Highlights (warm path, collision, deal) are borders and
glows, never a fill, so the stance stays readable under them.
"""

from __future__ import annotations

__all__ = [
    "COLLISION_COLOUR",
    "COMPETITOR_COLOUR",
    "CONNECTOR_COLOUR",
    "DEAL_COLOUR",
    "HIGHLIGHT_COLOUR",
    "INFLUENCE_COLOUR",
    "LEFT_TINT",
    "REPORTS_COLOUR",
    "REP_COLOUR",
    "ROLE_COLOURS",
    "STANCE_COLOURS",
    "STANCE_TINTS",
]

STANCE_COLOURS: dict[str, str] = {
    "supporter": "#2f9e5b",
    "neutral": "#e8a317",
    "opponent": "#d43d3d",
    "unknown": "#9aa5b1",
}
STANCE_TINTS: dict[str, str] = {
    "supporter": "#e7f5ec",
    "neutral": "#fdf4de",
    "opponent": "#fbe7e7",
    "unknown": "#f1f3f6",
}
LEFT_TINT = "#f8fafc"
ROLE_COLOURS: dict[str, str] = {
    "economic_buyer": "#6d28d9",
    "decision_maker": "#4338ca",
    "technical_evaluator": "#0f766e",
    "influencer": "#0369a1",
    "champion": "#a16207",
    "gatekeeper": "#475569",
    "blocker": "#111827",
    "user": "#64748b",
    "unknown": "#94a3b8",
}
REP_COLOUR = "#2563eb"
COMPETITOR_COLOUR = "#7f1d1d"
HIGHLIGHT_COLOUR = "#f97316"
COLLISION_COLOUR = "#dc2626"
INFLUENCE_COLOUR = "#8b5cf6"
REPORTS_COLOUR = "#64748b"
CONNECTOR_COLOUR = "#94a3b8"
DEAL_COLOUR = "#0891b2"
