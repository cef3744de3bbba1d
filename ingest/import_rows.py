"""Pass 2's checks of single rows, the ones that need neither the store nor earlier batches.

A row is read, matched against the survey (duplicate, cycle, merged contact),
validated into records and pointed at merged contacts here, so that the batch
checks against the store (``ingest.import_references``) see only rows that
could land.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass, field

from pydantic import ValidationError

from graph.domain.fields import Record
from graph.domain.model import US_VENDOR_ID, Contact
from ingest.columns import COLUMNS, canonical_enum
from ingest.import_survey import DEFINES, UPPER, Survey
from ingest.readers import CellFault, Source, SourceRow, read_rows
from ingest.reasons import Reason
from ingest.validate import MODELS, RowError, competitor_id, enum_values, parse_row, row_errors

__all__ = ["Pending", "Prepared", "no_known_column", "prepared_rows"]

_CONTACT_FIELDS = ("reports_to", "from_id", "to_id", "contact_id")
_IDENTITY: dict[str, tuple[str, ...]] = {
    "influence": ("from_id", "to_id", "kind"),
    "relationships": ("rep_id", "contact_id"),
    "competitor_relationships": ("competitor", "contact_id"),
    "purchases": ("company_id", "product", "vendor"),
    "opportunity_roles": ("opportunity_id", "contact_id", "role"),
}
"""The columns that identify a relationship row (what the store merges on)."""


@dataclass
class Prepared:
    """One row after the checks that need no store: its records, or why it is rejected."""

    row: SourceRow
    records: list[Record] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    merged: bool = False


@dataclass
class Pending:
    """A row that passed every check so far, waiting in a batch for the checks against the store."""

    row: SourceRow
    records: list[Record]


def prepared_rows(source: Source, survey: Survey) -> Iterator[Prepared]:
    """Read and validate a source's rows against what the survey learnt.

    Only checks that need neither the store nor earlier batches happen here;
    rejections' effect on later rows and reference checks stay with the caller.
    """
    seen: dict[tuple[str, ...], int] = {}
    for row in read_rows(source):
        if row.faults:
            yield Prepared(row, errors=[_fault_error(row, fault) for fault in row.faults])
            continue
        problem = survey.duplicates.get((source.label, row.row)) or _repeated_relationship(seen, row)
        label = DEFINES.get(source.stem, "")
        if problem is None and (label, row.cells.get("id", "")) in survey.in_cycle:
            problem = survey.in_cycle[(label, row.cells["id"])]
        if problem:
            column = UPPER[label] if problem.code.startswith("cycle") else "id" if "id" in row.cells else "(row)"
            yield Prepared(row, errors=[RowError.refused(row, column, row.cells.get(column, ""), problem)])
            continue
        if source.stem == "contacts" and row.cells.get("id") in survey.alias:
            yield Prepared(row, merged=True)
            continue
        records, errors = parse_row(row)
        if errors:
            yield Prepared(row, errors=errors)
            continue
        try:
            yield Prepared(row, records=[_remap(r, survey.alias) for r in records])
        except ValidationError as error:
            yield Prepared(row, errors=row_errors(row, error, after_merge=True))


def _fault_error(row: SourceRow, fault: CellFault) -> RowError:
    return RowError.refused(row, fault.column, fault.value, fault.reason)


def _repeated_relationship(seen: dict[tuple[str, ...], int], row: SourceRow) -> Reason | None:
    """A relationship given twice in one file would flip between its rows on every re-run: keep the first."""
    columns = _IDENTITY.get(row.source.stem)
    if columns is None:
        return None
    identity = tuple(_identity_part(row.source.stem, c, row.cells.get(c, "")) for c in columns)
    first = seen.setdefault(identity, row.row)
    return None if first == row.row else Reason.of("repeated_relationship", row=first)


def _identity_part(stem: str, column: str, text: str) -> str:
    if column in ("competitor", "vendor"):
        vendor = canonical_enum(text, (US_VENDOR_ID,))
        return vendor if vendor == US_VENDOR_ID else competitor_id(text)
    rule = _enum_rule(stem, column)
    return text if rule is None else canonical_enum(text or rule[1], rule[0])


@functools.cache
def _enum_rule(stem: str, column: str) -> tuple[tuple[str, ...], str] | None:
    """An enum column's allowed values and default, or ``None`` (cached: asked for every relationship row)."""
    model = MODELS[stem]
    if column not in model.model_fields or (allowed := enum_values(model, column)) is None:
        return None
    return allowed, str(model.model_fields[column].default)


def _remap(record: Record, alias: dict[str, str]) -> Record:
    """Point references at merged contacts to the contact they were merged into."""
    if not alias:
        return record
    update: dict[str, object] = {}
    if isinstance(record, Contact) and record.id in alias:
        update["id"] = alias[record.id]
    for name in _CONTACT_FIELDS:
        value = getattr(record, name, None)
        if isinstance(value, tuple):
            update[name] = tuple(dict.fromkeys(alias.get(v, v) for v in value))
        elif isinstance(value, str) and value in alias:
            update[name] = alias[value]
    if not update:
        return record
    data = {k: v for k, v in record.model_dump().items() if k not in ("id", "name_key") or k in update}
    data |= update
    if isinstance(record, Contact):
        data["id"] = update.get("id", record.id)
    return type(record).model_validate(data)


def no_known_column(source: Source, unknown: list[str]) -> RowError:
    """A file none of whose headers is a column of its stem: nothing in it could be read, which must not pass as
    "every row landed" (a header on a later row, another separator, another kind of file under this name)."""
    expected = ", ".join(list(COLUMNS[source.stem])[:4])
    reason = Reason.of("no_known_column", stem=source.stem, expected=expected)
    return RowError(
        file=source.label,
        row=1,
        column="(header)",
        value=", ".join(unknown[:5]),
        reason=reason.english,
        code=reason.code,
        params=reason.params,
    )
