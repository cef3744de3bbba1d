"""Credit split for a disputed deal: who gets what share when several parties worked it.

Default stage weights (seed 000): first touch 20 %, the sales process 60 %,
signing 20 %. The first-touch share goes in equal parts to the parties that
made first contact, the signing share to the parties that signed, and the
process share in proportion to each party's contribution (any scale: hours,
visits, or percentages). A stage nobody is credited with is shared out over
the others in proportion, so the shares always add up to 100 %.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

__all__ = ["DEFAULT_WEIGHTS", "CreditShare", "Party", "StageWeights", "credit_split"]


class StageWeights(BaseModel):
    first_touch: float = Field(0.2, ge=0)
    process: float = Field(0.6, ge=0)
    signing: float = Field(0.2, ge=0)


DEFAULT_WEIGHTS = StageWeights()


class Party(BaseModel):
    name: str
    first_touch: bool = False
    contribution: float = Field(0.0, ge=0)
    """Share of the process work, on any scale."""
    signed: bool = False


class CreditShare(BaseModel):
    name: str
    first_touch: float
    process: float
    signing: float
    total: float
    """0–1; all parties' totals add up to 1 when anyone is credited with anything."""


def credit_split(parties: list[Party], weights: StageWeights = DEFAULT_WEIGHTS) -> list[CreditShare]:
    """Each party's share of the credit, by stage and in total.

    >>> split = credit_split([
    ...     Party(name="telesales", first_touch=True, contribution=1),
    ...     Party(name="direct", contribution=3, signed=True),
    ... ])
    >>> [(s.name, round(s.total, 2)) for s in split]
    [('telesales', 0.35), ('direct', 0.65)]
    """
    if not parties:
        return []
    opened = [p for p in parties if p.first_touch]
    signed = [p for p in parties if p.signed]
    work = sum(p.contribution for p in parties)
    raw = [
        (
            p.name,
            weights.first_touch / len(opened) if p.first_touch else 0.0,
            weights.process * p.contribution / work if work else 0.0,
            weights.signing / len(signed) if p.signed else 0.0,
        )
        for p in parties
    ]
    credited = sum(first + process + signing for _, first, process, signing in raw)
    scale = 1 / credited if credited else 0.0
    return [
        CreditShare(
            name=name,
            first_touch=first * scale,
            process=process * scale,
            signing=signing * scale,
            total=(first + process + signing) * scale,
        )
        for name, first, process, signing in raw
    ]
