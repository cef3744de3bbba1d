"""The closed vocabularies of the model: company kinds, buying roles, stances, statuses, stages, decisions.

Their values are what the store keeps and what the import files hold; the pages word them in either language.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = [
    "BuyingRole",
    "Channel",
    "CompanyKind",
    "InfluenceKind",
    "RepRole",
    "SettlementDecision",
    "Stage",
    "Stance",
    "Status",
    "TouchKind",
]


class CompanyKind(StrEnum):
    HQ = "hq"
    BRANCH = "branch"
    SUBSIDIARY = "subsidiary"


class BuyingRole(StrEnum):
    ECONOMIC_BUYER = "economic_buyer"
    DECISION_MAKER = "decision_maker"
    TECHNICAL_EVALUATOR = "technical_evaluator"
    USER = "user"
    INFLUENCER = "influencer"
    CHAMPION = "champion"
    GATEKEEPER = "gatekeeper"
    BLOCKER = "blocker"
    UNKNOWN = "unknown"


class Stance(StrEnum):
    SUPPORTER = "supporter"
    NEUTRAL = "neutral"
    OPPONENT = "opponent"
    UNKNOWN = "unknown"


class Status(StrEnum):
    ACTIVE = "active"
    LEFT = "left"


class InfluenceKind(StrEnum):
    ADVICE = "advice"
    INFORMAL = "informal"
    FAMILY = "family"
    FORMER_COLLEAGUE = "former_colleague"
    COWORKER = "coworker"
    FRIEND = "friend"
    OTHER = "other"


class RepRole(StrEnum):
    AE = "AE"
    SDR = "SDR"
    MDR = "MDR"
    BDR = "BDR"
    FAE = "FAE"
    CSM = "CSM"
    AM = "AM"
    SOLUTION = "solution"
    DELIVERY = "delivery"


class Channel(StrEnum):
    DIRECT = "direct"
    TELESALES = "telesales"
    PARTNER = "partner"


class TouchKind(StrEnum):
    VISIT = "visit"
    CALL = "call"
    MEETING = "meeting"
    DEMO = "demo"
    MESSAGE = "message"
    EMAIL = "email"
    EVENT = "event"
    OTHER = "other"


class Stage(StrEnum):
    """Opportunity stages after seed 002's sales funnel."""

    VALIDATE = "validate"
    APPROVE = "approve"
    NEEDS_ANALYSIS = "needs_analysis"
    VALUE_PRESENTATION = "value_presentation"
    BID = "bid"
    NEGOTIATE = "negotiate"
    WON = "won"
    LOST = "lost"


class SettlementDecision(StrEnum):
    KEEP = "keep"
    """The holder keeps the enterprise; the other rep stands back."""
    TRANSFER = "transfer"
    """The enterprise goes to the other rep from the settlement day."""
    SPLIT = "split"
    """The holder keeps it and the credit is shared (``holder_share`` to the holder)."""
