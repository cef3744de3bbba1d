"""Pass 2's checks of a batch against the import and the store: references that lead nowhere, and people or
departments that would end up in another company's department.

These need the store, so they run once per batch (one read per label for the
whole batch) rather than per row; the rows reach them already validated by
``ingest.import_rows``.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from graph.domain.claim_records import Claim
from graph.domain.fields import Record
from graph.domain.model import (
    Company,
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
from graph.store import GraphStore
from ingest.import_fresh import Fresh
from ingest.import_rows import Pending
from ingest.import_survey import Survey
from ingest.reasons import Reason
from ingest.validate import RowError

__all__ = ["misplaced", "unknown_references"]

_REFERENCES: dict[type[Record], tuple[tuple[str, str], ...]] = {
    Company: (("parent_id", "Company"),),
    OrgUnit: (("company_id", "Company"), ("parent_id", "OrgUnit")),
    Contact: (("company_id", "Company"), ("unit_id", "OrgUnit"), ("reports_to", "Contact")),
    Influence: (("from_id", "Contact"), ("to_id", "Contact")),
    Rep: (("manager_id", "Rep"),),
    Relationship: (("rep_id", "Rep"), ("contact_id", "Contact")),
    Touch: (("rep_id", "Rep"), ("contact_id", "Contact"), ("opportunity_id", "Opportunity")),
    CompetitorRelationship: (("contact_id", "Contact"),),
    Purchase: (("company_id", "Company"),),
    Opportunity: (("company_id", "Company"), ("owner_id", "Rep")),
    OpportunityRole: (("opportunity_id", "Opportunity"), ("contact_id", "Contact")),
    Claim: (("company_id", "Company"), ("rep_id", "Rep")),
}


def unknown_references(
    store: GraphStore, survey: Survey, batch: list[Pending], skip: Iterable[int] = ()
) -> dict[int, list[RowError]]:
    """Errors for rows (but those in ``skip``) whose references exist neither in the import nor in the store;
    a reference to a row rejected in this import says why that row was."""
    skipped = set(skip)
    wanted: dict[str, set[str]] = defaultdict(set)
    for index, pending in enumerate(batch):
        for record in pending.records if index not in skipped else ():
            for _, label, value in _references(record):
                if value not in survey.ids[label]:
                    wanted[label].add(value)
    known = {label: store.records.existing_ids(label, ids) for label, ids in wanted.items()}
    errors: dict[int, list[RowError]] = {}
    for index, pending in enumerate(batch):
        for record in pending.records if index not in skipped else ():
            for name, label, value in _references(record):
                if value not in survey.ids[label] and value not in known.get(label, set()):
                    errors.setdefault(index, []).append(
                        RowError.refused(pending.row, name, value, _missing(survey, label, value))
                    )
    return errors


def _missing(survey: Survey, label: str, value: str) -> Reason:
    """Why a reference leads nowhere: a row this import rejected (and why), or no such record at all."""
    refusal = survey.rejected.get((label, value))
    if refusal is None:
        return Reason.of("unknown_reference", record=label, id=value)
    where = {"record": label, "id": value, "file": refusal.file, "row": refusal.row}
    if refusal.first == (refusal.file, refusal.row):
        return Reason.because("rejected_reference", refusal.why, **where)
    first_file, first_row = refusal.first
    return Reason.because("rejected_reference_via", refusal.why, **where, first_file=first_file, first_row=first_row)


def misplaced(
    store: GraphStore, survey: Survey, batch: list[Pending], skip: Iterable[int], fresh: Fresh
) -> dict[int, list[RowError]]:
    """Errors for rows that would leave someone or a department in a department of another company.

    A contact or department named into another company's department, a contact moved to another company while
    their stored department stays (a row without ``unit_id`` keeps it), or a stored department moved to another
    company (its people and sub-departments would stay behind in it): each would put a record on one company's
    map and its department on another's. The edit form refuses the first in the same words. Labels that were
    empty when the import began (``fresh``) have nothing stored to read.
    """
    skipped = set(skip)
    records = {
        i: r for i, p in enumerate(batch) if i not in skipped for r in p.records if isinstance(r, Contact | OrgUnit)
    }
    unplaced = [r.id for r in records.values() if isinstance(r, Contact) and not r.unit_id]
    units = [r.id for r in records.values() if isinstance(r, OrgUnit)]
    stored = functools.partial(_stored, store, fresh)
    placed = _Placed(contacts=stored("Contact", unplaced), units=stored("OrgUnit", units))
    placed.owners = _unit_owners(stored, survey, {u for r in records.values() if (u := placed.department(r))})
    errors: dict[int, list[RowError]] = {}
    for index, record in records.items():
        if problem := placed.problem(record):
            field_name, value, reason = problem
            errors[index] = [RowError.refused(batch[index].row, field_name, value, reason)]
    return errors


def _stored(store: GraphStore, fresh: Fresh, label: str, ids: list[str]) -> dict[str, dict[str, Any]]:
    """``store.properties``, skipped for a label that was empty when the import began."""
    return {} if label in fresh.labels else store.records.properties(label, ids)


def _unit_owners(
    stored: Callable[[str, list[str]], dict[str, dict[str, Any]]], survey: Survey, units: set[str]
) -> dict[str, str]:
    """The company each department belongs to: as imported (this import's rows win), else as stored."""
    imported = survey.ids["OrgUnit"]
    owners = {
        u: str(props.get("company_id", ""))
        for u, props in stored("OrgUnit", [u for u in units if u not in imported]).items()
    }
    return owners | {u: survey.unit_company.get(u, "") for u in units if u in imported}


@dataclass
class _Placed:
    """Where the contacts and departments of a batch are stored, and who owns the departments they end up in."""

    contacts: dict[str, dict[str, Any]]
    units: dict[str, dict[str, Any]]
    owners: dict[str, str] = field(default_factory=dict)

    def department(self, record: Contact | OrgUnit) -> str | None:
        """The department ``record`` is in after this row: the one it names, or a contact's stored one."""
        if isinstance(record, OrgUnit):
            return record.parent_id
        return record.unit_id or self.contacts.get(record.id, {}).get("unit_id")

    def problem(self, record: Contact | OrgUnit) -> tuple[str, str, Reason] | None:
        """(field, value, reason) when ``record`` would end up in a department of another company."""
        company = record.company_id
        if isinstance(record, OrgUnit) and (was := self.units.get(record.id, {}).get("company_id", company)) != company:
            return "company_id", company, Reason.of("department_moves", unit=record.id, owner=was)
        unit = self.department(record)
        owner = self.owners.get(unit or "", company)
        if not unit or owner == company:
            return None
        if isinstance(record, Contact) and not record.unit_id:
            reason = Reason.of("contact_moves", contact=record.id, company=company, unit=unit, owner=owner)
            return "company_id", company, reason
        field_name = "unit_id" if isinstance(record, Contact) else "parent_id"
        return field_name, unit, Reason.of("department_elsewhere", unit=unit, owner=owner, company=company)


def _references(record: Record) -> Iterable[tuple[str, str, str]]:
    for name, label in _REFERENCES.get(type(record), ()):
        value = getattr(record, name, None)
        for item in value if isinstance(value, tuple) else (value,):
            if item:
                yield name, label, str(item)
