"""One import row → model records, or errors a sales-ops person understands.

The same pydantic models as everywhere else do the checking; this module only
prepares cells (Chinese enum words, date spellings, thousands separators,
lists of managers, competitor names → ids) and turns pydantic's complaints
into ``RowError``s that name the file, row, column as written, value and reason.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from enum import StrEnum
from typing import Any, get_args

from pydantic import BaseModel, ValidationError, field_validator

from graph.domain.claim_records import Claim, Settlement
from graph.domain.fields import ID_SEPARATORS, Record
from graph.domain.model import (
    US_VENDOR_ID,
    Company,
    Competitor,
    CompetitorRelationship,
    Contact,
    Influence,
    Opportunity,
    OpportunityRole,
    OrgUnit,
    Purchase,
    Relationship,
    Rep,
    Touch,
)
from graph.domain.normalise import company_key
from graph.domain.validation import issue_field
from ingest.columns import canonical_enum
from ingest.readers import SourceRow
from ingest.reasons import Reason

__all__ = ["MODELS", "RowError", "competitor_id", "enum_values", "parse_row", "row_errors"]

MODELS: dict[str, type[Record]] = {
    "companies": Company,
    "org_units": OrgUnit,
    "reps": Rep,
    "contacts": Contact,
    "influence": Influence,
    "relationships": Relationship,
    "interactions": Touch,
    "competitor_relationships": CompetitorRelationship,
    "purchases": Purchase,
    "opportunities": Opportunity,
    "opportunity_roles": OpportunityRole,
    "claims": Claim,
    "settlements": Settlement,
}
_LIST_SPLIT = re.compile(f"[{ID_SEPARATORS}]")
_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_NUMBER = re.compile(r"^-?[\d,，]+(\.\d+)?$")


_FIELDS = {model: frozenset(model.model_fields) for model in MODELS.values()}


def _printable(text: str) -> str:
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


class RowError(BaseModel):
    """A refused row: where, what was written, and why (``reason`` in English, ``code`` and ``params`` to word it)."""

    file: str
    row: int
    column: str
    value: str
    reason: str
    code: str
    params: dict[str, str] = {}
    after_merge: bool = False
    """The row broke a rule only once duplicate contacts were merged (its references were rewritten)."""

    @classmethod
    def refused(cls, row: SourceRow, column: str, value: str, why: Reason) -> RowError:
        """The error for ``row`` at ``column`` (the name the file wrote it under, when it wrote one)."""
        return cls(
            file=row.source.label,
            row=row.row,
            column=row.headers.get(column, column),
            value=value,
            reason=why.english,
            code=why.code,
            params=why.params,
        )

    @field_validator("file", "column", "value", "reason")
    @classmethod
    def _printable(cls, text: str) -> str:
        """Half of a surrogate pair (from a broken JSON file) shown as its escape, so the report itself prints."""
        return _printable(text)

    @field_validator("params")
    @classmethod
    def _printable_params(cls, params: dict[str, str]) -> dict[str, str]:
        return {name: _printable(text) for name, text in params.items()}


def competitor_id(name: str) -> str:
    """The id a competitor gets from its name, so spellings of one vendor meet.

    >>> competitor_id("Apex Systems Ltd."), competitor_id(" 鼎信科技有限公司 ")
    ('apexsystems', '鼎信科技')
    """
    return company_key(name)


@functools.cache
def enum_values(model: type[BaseModel], column: str) -> tuple[str, ...] | None:
    """The allowed values when ``column`` of ``model`` is an enum, else ``None`` (cached: asked per cell)."""
    annotation = model.model_fields[column].annotation
    for candidate in (annotation, *get_args(annotation)):
        if isinstance(candidate, type) and issubclass(candidate, StrEnum):
            return tuple(member.value for member in candidate)
    return None


def _date(text: str) -> str:
    match = _DATE.match(text)
    if not match:
        return text
    year, month, day = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return text


def split_ids(text: str) -> tuple[str, ...]:
    """The ids in a cell that lists several (managers), separated by ``;``, ``,`` or ``、`` (``model.ID_SEPARATORS``).

    Spaces do not separate: an id may hold one (an edit can set ``ct 7``, so its export must read back).

    >>> split_ids("ct-1; ct-2，ct-3、ct 4")
    ('ct-1', 'ct-2', 'ct-3', 'ct 4')
    """
    return tuple(part for part in (p.strip() for p in _LIST_SPLIT.split(text)) if part)


def _prepared(model: type[Record], cells: dict[str, str]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for column, text in cells.items():
        if column not in _FIELDS[model]:
            values[column] = text
            continue
        if (allowed := enum_values(model, column)) is not None:
            values[column] = canonical_enum(text, allowed)
        elif column == "reports_to":
            values[column] = split_ids(text)
        elif _NUMBER.match(text) and column in ("amount", "employees", "weight", "tier", "level"):
            number = text.replace(",", "").replace("，", "")
            values[column] = int(number) if column == "tier" and number.isdigit() else number
        else:
            values[column] = _date(text)
    return values


def _special(stem: str, cells: dict[str, str]) -> tuple[dict[str, str], list[Record]]:
    """Columns that name a competitor rather than refer to an id."""
    extra: list[Record] = []
    cells = dict(cells)
    if stem == "competitor_relationships" and "competitor" in cells:
        name = cells.pop("competitor")
        cells["competitor_id"] = competitor_id(name)
        extra.append(Competitor(id=cells["competitor_id"], name=name))
    if stem == "purchases" and "vendor" in cells:
        vendor = canonical_enum(cells["vendor"], (US_VENDOR_ID,))
        if vendor != US_VENDOR_ID:
            cells["vendor"] = competitor_id(vendor)
            extra.append(Competitor(id=cells["vendor"], name=vendor))
        else:
            cells["vendor"] = US_VENDOR_ID
    return cells, extra


_NAMED_COMPETITOR = {"competitor_relationships": "competitor", "purchases": "vendor"}
"""The column whose text names a competitor, per stem (a competitor record is made from it)."""


def parse_row(row: SourceRow) -> tuple[list[Record], list[RowError]]:
    """The records a row stands for, or why it cannot land."""
    model = MODELS[row.source.stem]
    try:
        cells, extra = _special(row.source.stem, row.cells)
    except ValidationError as error:  # the competitor named in the row: the fault is in that column
        column = _NAMED_COMPETITOR[row.source.stem]
        reasons = {why.english: why for why in map(Reason.of_issue, error.errors())}
        return [], [RowError.refused(row, column, row.cells.get(column, ""), why) for why in reasons.values()]
    try:
        record = model.model_validate(_prepared(model, cells))
    except ValidationError as error:
        return [], row_errors(row, error)
    return [*extra, record], []


def row_errors(row: SourceRow, error: ValidationError, after_merge: bool = False) -> list[RowError]:
    """One ``RowError`` per complaint in ``error``; ``after_merge`` when it arose only once duplicates were merged."""
    errors = [_row_error(row, issue) for issue in error.errors()]
    if not after_merge:
        return errors
    return [
        e.model_copy(update={"reason": f"{e.reason} (after merging duplicate contacts)", "after_merge": True})
        for e in errors
    ]


def _row_error(row: SourceRow, issue: Any) -> RowError:
    column = issue_field(issue, MODELS[row.source.stem])
    source_column = {"competitor_id": "competitor"}.get(column, column) or "(row)"
    return RowError.refused(row, source_column, row.cells.get(source_column, ""), Reason.of_issue(issue))
