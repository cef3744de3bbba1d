"""Relationship strength per rep → contact (0–100), with the reasons.

Formula (seed 002's three dimensions plus the touches that keep them alive):

- *base* = (0.5·closeness + 0.3·solution acceptance + 0.2·price acceptance) / 5,
  so 1–5 scores map to 0.2–1.0. Closeness weighs most: it is what gets a
  meeting; solution and price acceptance say whether the meeting helps.
  A rep with touches but no scored relationship gets base 0.3.
- *activity* = 1 − exp(−Σ 0.5^(age / half-life)) over the rep's touches of the
  contact: one touch today gives 0.63, a touch one half-life ago counts half
  of one today, and many old touches still add up.
- *score* = 100 · base · (0.5 + 0.5 · activity): an untouched relationship keeps
  half its worth; a live one its full worth.

Every score carries its breakdown so a user can see why.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from typing import Any

import networkx as nx
from pydantic import BaseModel

from graph.analysis._graph import day, edges_of, is_active

__all__ = ["DEFAULT_HALF_LIFE_DAYS", "StrengthScore", "relationship_strengths", "strength_lookup"]

DEFAULT_HALF_LIFE_DAYS = 90.0
WEIGHTS = {"closeness": 0.5, "solution_acceptance": 0.3, "price_acceptance": 0.2}
TOUCH_ONLY_BASE = 0.3


class StrengthScore(BaseModel):
    rep_id: str
    rep_name: str
    contact_id: str
    contact_name: str
    score: float
    """0–100."""
    base: float
    closeness: int | None
    solution_acceptance: int | None
    price_acceptance: int | None
    touches: int
    days_since_last_touch: int | None
    activity: float
    rep_left: bool


def _decayed_touches(dates: list[dt.date], today: dt.date, half_life_days: float) -> float:
    return float(sum(0.5 ** ((today - d).days / half_life_days) for d in dates if d <= today))


def relationship_strengths(
    graph: nx.MultiDiGraph[str], today: dt.date, half_life_days: float = DEFAULT_HALF_LIFE_DAYS
) -> list[StrengthScore]:
    """Score every rep → contact pair that has a KNOWS or TOUCHED relationship, strongest first.

    >>> g = nx.MultiDiGraph()
    >>> _ = g.add_node("Rep:r", label="Rep", id="r", name="Li", status="active")
    >>> _ = g.add_node("Contact:c", label="Contact", id="c", name="Wang")
    >>> _ = g.add_edge("Rep:r", "Contact:c", type="KNOWS", closeness=5, solution_acceptance=5, price_acceptance=5)
    >>> relationship_strengths(g, dt.date(2026, 1, 1))[0].score
    50.0
    """
    if half_life_days <= 0:
        raise ValueError("half_life_days must be positive")
    knows: dict[tuple[str, str], dict[str, Any]] = {}
    touches: dict[tuple[str, str], list[dt.date]] = defaultdict(list)
    for rep, contact, data in edges_of(graph, "KNOWS"):
        if graph.nodes[rep]["label"] == "Rep":
            knows[(rep, contact)] = data
    for rep, contact, data in edges_of(graph, "TOUCHED"):
        touches[(rep, contact)].append(day(data["date"]))
    scores = []
    for pair in sorted(set(knows) | set(touches)):
        rep, contact = pair
        dims = knows.get(pair, {})
        base = sum(weight * float(dims[name]) for name, weight in WEIGHTS.items()) / 5 if dims else TOUCH_ONLY_BASE
        dates = touches.get(pair, [])
        activity = 1 - math.exp(-_decayed_touches(dates, today, half_life_days))
        past = [d for d in dates if d <= today]
        rep_data, contact_data = graph.nodes[rep], graph.nodes[contact]
        scores.append(
            StrengthScore(
                rep_id=rep_data["id"],
                rep_name=str(rep_data.get("name", rep_data["id"])),
                contact_id=contact_data["id"],
                contact_name=str(contact_data.get("name", contact_data["id"])),
                score=round(100 * base * (0.5 + 0.5 * activity), 1),
                base=round(base, 3),
                closeness=dims.get("closeness"),
                solution_acceptance=dims.get("solution_acceptance"),
                price_acceptance=dims.get("price_acceptance"),
                touches=len(past),
                days_since_last_touch=(today - max(past)).days if past else None,
                activity=round(activity, 3),
                rep_left=not is_active(rep_data),
            )
        )
    return sorted(scores, key=lambda s: (-s.score, s.rep_id, s.contact_id))


def strength_lookup(scores: list[StrengthScore]) -> dict[tuple[str, str], float]:
    """``{(rep id, contact id): score}`` for maps and path search."""
    return {(s.rep_id, s.contact_id): s.score for s in scores}
