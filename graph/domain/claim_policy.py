"""The claim (报备) policy: protection, renewal, cap and cooling-off, per customer tier.

Defaults follow seed 000: a claim protects for 14 natural days from the claim
day (about one average deal cycle for a short-cycle product); only real
progress renews it, at most once; a rep holds at most 50 live claims per tier
(so nobody sits on the market) and waits 30 days before re-claiming an
enterprise they let lapse or released (so a lapse is a real return to the
pool, not a formality). Sales ops change any of it per tier in one file
(``graph.config.claim_policy_file``) or on the Claims page.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["DEFAULT_PROTECTION_DAYS", "ClaimPolicy", "TierRule"]

DEFAULT_PROTECTION_DAYS = 14


class TierRule(BaseModel):
    """The rules for claims on customers of one tier."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    days: int = Field(DEFAULT_PROTECTION_DAYS, ge=1, le=365)
    """Natural days a claim protects, the claim day being the first."""
    renewals: int = Field(1, ge=0, le=12)
    """How many times real progress may renew a claim for another ``days`` from the progress day."""
    cap: int = Field(50, ge=1, le=100_000)
    """Live claims one rep may hold on customers of this tier."""
    cooling_days: int = Field(30, ge=0, le=365)
    """Days after a rep's claim lapsed or was released before that rep may claim the enterprise again."""


class ClaimPolicy(BaseModel):
    """The whole policy: a default rule, overrides per tier, and how groups are scoped."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    default: TierRule = TierRule()
    tiers: dict[int, TierRule] = Field(default_factory=dict)
    """Tier (1 large enterprise, 2 mid-market, 3 micro) → its rule, overriding ``default``."""
    separate_branches: frozenset[str] = frozenset()
    """Group root ids whose branches are claimed one by one."""
    team_shares: bool = True
    """Reps of the holder's team and channel share the claim: their touches do not collide, their progress counts."""

    def rule(self, tier: int | None) -> TierRule:
        """The rule for a customer of ``tier`` (``None``: the default).

        >>> ClaimPolicy(tiers={1: TierRule(days=30)}).rule(1).days, ClaimPolicy().rule(None).days
        (30, 14)
        """
        return self.tiers.get(tier or 0, self.default)
