"""The claims desk's records: a claim (报备) and a manager's settlement of a dispute (判单)."""

from __future__ import annotations

import datetime as dt
from typing import Self

from pydantic import computed_field, model_validator
from pydantic_core import PydanticCustomError

from graph.domain.enums import Channel, SettlementDecision
from graph.domain.fields import Id, Name, Record, Weight, derived_id

__all__ = ["Claim", "Settlement"]


class Claim(Record):
    """报备: a rep registers a customer to protect their work on it.

    Claims filed in the app carry the moment they were filed, which orders
    two claims of one day; an imported claim has only its day. Releasing a
    claim (退回), or a settlement transferring it, sets ``released_on``: it
    stops protecting that day and the record stays, with who and why. A claim
    refused when filed is kept too (``refusal``), so the decision has a record.
    """

    company_id: Id
    rep_id: Id
    channel: Channel
    claimed_on: dt.date
    filed_at: dt.datetime | None = None
    released_on: dt.date | None = None
    released_by: Name | None = None
    transferred_to: Id | None = None
    """The rep a settlement gave the enterprise to, when that is how the claim ended."""
    refusal: str | None = None
    """Why the claims desk refused it when it was filed (``held``, ``tie``, ``cap`` …): that refusal stands."""

    @computed_field  # type: ignore[prop-decorator]
    @property
    def id(self) -> str:
        """Imported claims: company, rep and day (a re-import lands on the same record). Filed ones: the moment too,
        so every filing is a decision of its own, a second one on the same day included."""
        if self.filed_at is None:
            return derived_id(self.company_id, self.rep_id, self.claimed_on)
        return derived_id(self.company_id, self.rep_id, self.claimed_on, self.filed_at.isoformat())

    @model_validator(mode="after")
    def _released_after_claimed(self) -> Self:
        if self.released_on is not None and self.released_on < self.claimed_on:
            raise PydanticCustomError("released_before_claim", "a claim cannot be released before the day it was made")
        if self.transferred_to is not None and self.released_on is None:
            raise PydanticCustomError("transfer_needs_release", "a transferred claim needs the day it was released")
        return self


class Settlement(Record):
    """判单: a manager's decision on a same-day tie or on another rep's collisions inside a claim."""

    claim_id: Id
    company_id: Id
    """The claimed company (the settlement is part of its history)."""
    other_rep_id: Id
    decision: SettlementDecision
    settled_on: dt.date
    settled_by: Name
    holder_share: Weight | None = None
    note: str | None = None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def id(self) -> str:
        return derived_id(self.claim_id, self.other_rep_id, self.settled_on)

    @model_validator(mode="after")
    def _share_only_when_split(self) -> Self:
        if (self.decision == SettlementDecision.SPLIT) != (self.holder_share is not None):
            raise PydanticCustomError("split_share", "a split names the holder's share, and only a split does")
        return self
