"""The kagraph graph model: what a key account looks like, validated.

One pydantic class per node label or relationship. The importer, the editor and
the demo generator all build these, so a value is checked the same way wherever
it comes from. ``model_dump(mode="json")`` gives the store's representation:
dates become ISO ``YYYY-MM-DD`` strings, which both Neo4j and FalkorDB keep
and compare the same way.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, Self

from pydantic import Field, computed_field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from graph.domain.enums import (
    BuyingRole,
    Channel,
    CompanyKind,
    InfluenceKind,
    RepRole,
    Stage,
    Stance,
    Status,
    TouchKind,
)
from graph.domain.fields import (
    MAX_EMPLOYEES,
    ContactId,
    Id,
    Money,
    Name,
    OrgName,
    Record,
    Score,
    Weight,
    checked_email,
    derived_id,
)
from graph.domain.normalise import company_key, normalise_phone

__all__ = [
    "US_VENDOR_ID",
    "Company",
    "Competitor",
    "CompetitorRelationship",
    "Contact",
    "Influence",
    "Opportunity",
    "OpportunityRole",
    "OrgUnit",
    "Purchase",
    "Relationship",
    "Rep",
    "Touch",
]

US_VENDOR_ID = "us"
"""The vendor id that means "we sold it" in purchases."""


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
        return derived_id(self.date, self.rep_id, self.contact_id, self.kind, self.opportunity_id, self.note)


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
