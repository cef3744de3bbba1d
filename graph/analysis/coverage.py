"""Coverage: how much of the decision power our team actually reaches.

The share of total influence held by contacts that some active rep knows at or
above a strength threshold (default 50/100), for the team and per rep. The
tier sets the target, because a tier-1 account needs more threads than a
small one: tier 1 → 0.70, tier 2 → 0.50, tier 3 → 0.35.
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel

from graph.analysis.strength import StrengthScore

__all__ = ["DEFAULT_THRESHOLD", "TIER_TARGETS", "Coverage", "coverage"]

DEFAULT_THRESHOLD = 50.0
TIER_TARGETS: dict[int, float] = {1: 0.70, 2: 0.50, 3: 0.35}


class Coverage(BaseModel):
    team: float
    """Share of influence (0–1) held by contacts someone on our side knows at the threshold."""
    per_rep: dict[str, float]
    target: float
    meets_target: bool
    covered_contacts: list[str]
    threshold: float


def coverage(
    influence: dict[str, float],
    strengths: Iterable[StrengthScore],
    tier: int | None = None,
    threshold: float = DEFAULT_THRESHOLD,
) -> Coverage:
    """Coverage of the contacts in ``influence`` (an account, or one opportunity's people).

    >>> s = StrengthScore(rep_id="r", rep_name="R", contact_id="a", contact_name="A", score=80, base=1,
    ...                   closeness=5, solution_acceptance=5, price_acceptance=5, touches=3,
    ...                   days_since_last_touch=2, activity=0.9, rep_left=False)
    >>> coverage({"a": 0.6, "b": 0.4}, [s], tier=2).team
    0.6
    """
    total = sum(influence.values())
    per_rep_contacts: dict[str, set[str]] = {}
    for score in strengths:
        if score.rep_left or score.score < threshold or score.contact_id not in influence:
            continue
        per_rep_contacts.setdefault(score.rep_id, set()).add(score.contact_id)
    covered = set().union(*per_rep_contacts.values()) if per_rep_contacts else set()

    def share(contacts: set[str]) -> float:
        return round(sum(influence[c] for c in contacts) / total, 4) if total else 0.0

    target = TIER_TARGETS.get(tier or 3, TIER_TARGETS[3])
    team = share(covered)
    return Coverage(
        team=team,
        per_rep={rep: share(contacts) for rep, contacts in sorted(per_rep_contacts.items())},
        target=target,
        meets_target=team >= target,
        covered_contacts=sorted(covered),
        threshold=threshold,
    )
