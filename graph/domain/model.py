"""The kagraph graph model: what a key account looks like, validated.

One pydantic class per node label or relationship. The importer, the editor and
the demo generator all build these, so a value is checked the same way wherever
it comes from. ``model_dump(mode="json")`` gives the store's representation:
dates become ISO ``YYYY-MM-DD`` strings, which both Neo4j and FalkorDB keep
and compare the same way.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Mapping
from enum import StrEnum
from typing import Annotated, Any, Literal, Self

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, computed_field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from graph.domain.normalise import company_key, is_legal_form_only, normalise_email, normalise_phone

__all__ = [
    "ID_SEPARATORS",
    "US_VENDOR_ID",
    "BuyingRole",
    "Channel",
    "Claim",
    "Company",
    "CompanyKind",
    "Competitor",
    "CompetitorRelationship",
    "Contact",
    "ContactId",
    "Influence",
    "InfluenceKind",
    "Opportunity",
    "OpportunityRole",
    "OrgUnit",
    "Purchase",
    "Relationship",
    "Rep",
    "RepRole",
    "Settlement",
    "SettlementDecision",
    "Stage",
    "Stance",
    "Status",
    "Touch",
    "TouchKind",
    "checked_email",
]

US_VENDOR_ID = "us"
"""The vendor id that means "we sold it" in purchases."""


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


Id = Annotated[str, Field(min_length=1, max_length=200, pattern=r"\S")]
ID_SEPARATORS = ";；,，、"
"""What separates the ids in a list of managers (``contacts.reports_to``): no contact id may hold one."""


def _listable(contact_id: str) -> str:
    """A contact id must survive being one of a list of managers: an edit, an export and an import read it alike.

    >>> _listable("ct 7")
    'ct 7'
    """
    if found := [character for character in contact_id if character in ID_SEPARATORS]:
        raise PydanticCustomError(
            "id_separator",
            "holds {found}, which separates managers in a list: a contact id cannot hold ; , or 、",
            {"found": repr(found[0])},
        )
    return contact_id


ContactId = Annotated[Id, AfterValidator(_listable)]
Name = Annotated[str, Field(min_length=1, max_length=300)]


def _an_organisation(name: str) -> str:
    """A company's or competitor's name must name one: "..." or a bare "Ltd." is a placeholder from a spreadsheet."""
    if not any(character.isalnum() for character in name):
        raise PydanticCustomError("no_letter", "is not a name: it has no letter or digit")
    if is_legal_form_only(name):
        raise PydanticCustomError("legal_form_only", "is only a legal form, not a name")
    return name


OrgName = Annotated[Name, AfterValidator(_an_organisation)]
Score = Annotated[int, Field(ge=1, le=5)]
Weight = Annotated[float, Field(ge=0.0, le=1.0, allow_inf_nan=False)]
Money = Annotated[float, Field(ge=0.0, allow_inf_nan=False)]
"""Finite: ``inf``, ``1e309`` or ``NaN`` in a spreadsheet is a typo, and no store keeps it the same way."""
MAX_EMPLOYEES = 10**9
"""More people than any employer has: a larger head count is a typo (and past 2^63 no server stores it)."""


_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
MAX_TEXT = 100_000
"""Characters any text field may hold: more is a broken export, and fits no spreadsheet cell (Excel's is 32,767)."""


class Record(BaseModel):
    """Base of every stored record: strict about unknown fields, trims text."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)

    @field_validator("*", mode="after")
    @classmethod
    def _storable_text(cls, value: Any) -> Any:
        """Refuse text no store keeps as written (a NUL byte, half of a surrogate pair), or too long for any cell."""
        for text in value if isinstance(value, tuple) else (value,):
            if isinstance(text, str) and _UNSTORABLE.search(text):
                raise PydanticCustomError(
                    "unstorable", "holds a NUL character or half of a surrogate pair, which cannot be stored"
                )
            if isinstance(text, str) and len(text) > MAX_TEXT:
                raise PydanticCustomError(
                    "text_too_long",
                    "is too long ({length} characters; limit {limit})",
                    {"length": f"{len(text):,}", "limit": f"{MAX_TEXT:,}"},
                )
        return value

    def to_row(self) -> dict[str, object]:
        """The record as store properties: JSON types, ISO dates, no ``None``."""
        return {k: v for k, v in self.model_dump(mode="json").items() if v is not None}

    @classmethod
    def from_props(cls, props: Mapping[str, Any]) -> Self:
        """The record from stored properties, leaving out what the store adds (``version``, ``name_key``, ``label``)."""
        return cls.model_validate({k: v for k, v in props.items() if k in cls.model_fields})


def _derived_id(*parts: object) -> str:
    """A stable id for records that have no id of their own (touches, claims).

    Re-importing the same row must land on the same relationship, so the id is
    a digest of the row's identifying values.
    """
    text = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


class Company(Record):
    id: Id
    name: OrgName
    kind: CompanyKind = CompanyKind.HQ
    parent_id: Id | None = None
    city: str | None = None
    industry: str | None = None
    tier: Literal[1, 2, 3] = 3
    employees: Annotated[int, Field(ge=0, le=MAX_EMPLOYEES)] | None = None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def name_key(self) -> str:
        """Normalised name used to match spellings of one legal entity."""
        return company_key(self.name)

    @model_validator(mode="after")
    def _not_own_parent(self) -> Self:
        if self.parent_id == self.id:
            raise PydanticCustomError("own_branch", "a company cannot be a branch of itself")
        return self


class OrgUnit(Record):
    id: Id
    company_id: Id
    name: Name
    parent_id: Id | None = None

    @model_validator(mode="after")
    def _not_own_parent(self) -> Self:
        if self.parent_id == self.id:
            raise PydanticCustomError("own_department", "a department cannot be part of itself")
        return self


def checked_email(value: str | None) -> str | None:
    """An e-mail address normalised (``None`` for a blank cell), or a ``ValueError`` saying it is not one."""
    if value is None or not value.strip():
        return None
    email = normalise_email(value)
    local, at, domain = email.partition("@")
    if not at or not local or "." not in domain:
        raise PydanticCustomError("not_email", "not an e-mail address: {value}", {"value": repr(value)})
    return email


class Contact(Record):
    id: ContactId
    name: Name
    company_id: Id
    unit_id: Id | None = None
    title: str | None = None
    level: Annotated[int, Field(ge=1, le=20)] | None = None
    reports_to: tuple[ContactId, ...] = ()
    phone: str | None = None
    email: str | None = None
    buying_role: BuyingRole = BuyingRole.UNKNOWN
    stance: Stance = Stance.UNKNOWN
    status: Status = Status.ACTIVE
    last_verified: dt.date | None = None

    @field_validator("phone")
    @classmethod
    def _phone(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        phone = normalise_phone(value)
        if not phone.isdigit() or not 5 <= len(phone) <= 15:
            raise PydanticCustomError("not_phone", "not a phone number: {value}", {"value": repr(value)})
        return phone

    @field_validator("email")
    @classmethod
    def _email(cls, value: str | None) -> str | None:
        return checked_email(value)

    @model_validator(mode="after")
    def _not_own_manager(self) -> Self:
        if self.id in self.reports_to:
            raise PydanticCustomError("self_report", "a contact cannot report to themselves")
        return self

    def to_row(self) -> dict[str, object]:
        """Reporting lines are edges, not a property."""
        row = super().to_row()
        row.pop("reports_to", None)
        return row


class Influence(Record):
    """``from_id`` influences ``to_id``; weight 0–1 says how much."""

    from_id: Id
    to_id: Id
    kind: InfluenceKind = InfluenceKind.OTHER
    weight: Weight = 0.5

    @model_validator(mode="after")
    def _not_self(self) -> Self:
        if self.from_id == self.to_id:
            raise PydanticCustomError("self_influence", "a contact cannot influence themselves")
        return self


class Rep(Record):
    """Someone on our side of the table."""

    id: Id
    name: Name
    role: RepRole = RepRole.AE
    channel: Channel = Channel.DIRECT
    team: str | None = None
    manager_id: Id | None = None
    status: Status = Status.ACTIVE
    left_on: dt.date | None = None
    """The day they left: claims they hold stop protecting from then on."""
    email: str | None = None
    """Their sign-in address on a team deployment: how the app knows which rep a signed-in person is."""

    @field_validator("email")
    @classmethod
    def _email(cls, value: str | None) -> str | None:
        return checked_email(value)

    @model_validator(mode="after")
    def _not_own_manager(self) -> Self:
        if self.manager_id == self.id:
            raise PydanticCustomError("own_manager", "a rep cannot be their own manager")
        return self


class Relationship(Record):
    """Rep → contact, scored in seed 002's three dimensions (1 weak … 5 strong)."""

    rep_id: Id
    contact_id: Id
    closeness: Score
    solution_acceptance: Score
    price_acceptance: Score
    since: dt.date | None = None


class Touch(Record):
    """One interaction that keeps a relationship alive."""

    date: dt.date
    rep_id: Id
    contact_id: Id
    kind: TouchKind = TouchKind.OTHER
    opportunity_id: Id | None = None
    note: str | None = None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def id(self) -> str:
        return _derived_id(self.date, self.rep_id, self.contact_id, self.kind, self.opportunity_id, self.note)


class Competitor(Record):
    id: Id
    name: OrgName


class CompetitorRelationship(Record):
    competitor_id: Id
    contact_id: Id
    strength: Score


class Purchase(Record):
    """Install base: ``company_id`` buys ``product`` from ``vendor`` (``us`` or a competitor id)."""

    company_id: Id
    product: Name
    category: Name
    vendor: Id
    since: dt.date | None = None
    amount: Money | None = None


class Opportunity(Record):
    id: Id
    company_id: Id
    name: Name
    product: str | None = None
    stage: Stage = Stage.VALIDATE
    amount: Money | None = None
    owner_id: Id | None = None
    close_date: dt.date | None = None
    stage_since: dt.date | None = None
    """When it entered its current stage: a stage change is progress that renews a claim."""


class OpportunityRole(Record):
    opportunity_id: Id
    contact_id: Id
    role: BuyingRole


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
            return _derived_id(self.company_id, self.rep_id, self.claimed_on)
        return _derived_id(self.company_id, self.rep_id, self.claimed_on, self.filed_at.isoformat())

    @model_validator(mode="after")
    def _released_after_claimed(self) -> Self:
        if self.released_on is not None and self.released_on < self.claimed_on:
            raise PydanticCustomError("released_before_claim", "a claim cannot be released before the day it was made")
        if self.transferred_to is not None and self.released_on is None:
            raise PydanticCustomError("transfer_needs_release", "a transferred claim needs the day it was released")
        return self


class SettlementDecision(StrEnum):
    KEEP = "keep"
    """The holder keeps the enterprise; the other rep stands back."""
    TRANSFER = "transfer"
    """The enterprise goes to the other rep from the settlement day."""
    SPLIT = "split"
    """The holder keeps it and the credit is shared (``holder_share`` to the holder)."""


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
        return _derived_id(self.claim_id, self.other_rep_id, self.settled_on)

    @model_validator(mode="after")
    def _share_only_when_split(self) -> Self:
        if (self.decision == SettlementDecision.SPLIT) != (self.holder_share is not None):
            raise PydanticCustomError("split_share", "a split names the holder's share, and only a split does")
        return self
