"""What every stored record shares: the base ``Record`` and the checked value types its fields are made of.

A value is refused here in the same words whether it came from an import, an edit or the demo generator.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from typing import Annotated, Any, Self

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError

from graph.domain.normalise import is_legal_form_only, normalise_email

__all__ = [
    "ID_SEPARATORS",
    "MAX_EMPLOYEES",
    "MAX_TEXT",
    "ContactId",
    "Id",
    "Money",
    "Name",
    "OrgName",
    "Record",
    "Score",
    "Weight",
    "checked_email",
    "derived_id",
]


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


def derived_id(*parts: object) -> str:
    """A stable id for records that have no id of their own (touches, claims).

    Re-importing the same row must land on the same relationship, so the id is
    a digest of the row's identifying values.
    """
    text = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def checked_email(value: str | None) -> str | None:
    """An e-mail address normalised (``None`` for a blank cell), or a ``ValueError`` saying it is not one."""
    if value is None or not value.strip():
        return None
    email = normalise_email(value)
    local, at, domain = email.partition("@")
    if not at or not local or "." not in domain:
        raise PydanticCustomError("not_email", "not an e-mail address: {value}", {"value": repr(value)})
    return email
