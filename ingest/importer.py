"""Import files into the store: every good row lands, every bad row is explained.

Two streaming passes over the files:

1. *Survey*: the ids each file defines (duplicates inside the import are
   rejections), contacts' phones and e-mails (the same person twice in one
   company is merged into the first row, whose values stand; references to the
   duplicate are pointed at the first row, and the merge is reported), and reporting
   lines (a cycle rejects the contacts in it).
2. *Load*: each row is validated (``validate.parse_row``), its references are
   checked against the import and the store, and good rows are written in
   batches of ``BATCH_ROWS``; a batch is one idempotent upsert, so a crash
   loses at most the batch in flight and a re-run completes the rest.

Relationships whose other end appears later in the files are sent again at
the end, once every node exists.
"""

from __future__ import annotations

import contextlib
import functools
import gc
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
from pydantic import BaseModel, Field, ValidationError

from graph.config.local_user import local_user
from graph.domain.changes import Author, ChangeSource
from graph.domain.claim_records import Claim
from graph.domain.errors import StoreError, StoreUnavailable
from graph.domain.fields import Record
from graph.domain.model import (
    US_VENDOR_ID,
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
from graph.domain.normalise import normalise_email, normalise_phone
from graph.domain.relations import EDGES
from graph.store import GraphStore, WriteReport
from graph.store.rows import EdgeRow, GraphRows, graph_rows
from ingest.columns import COLUMNS, canonical_enum
from ingest.readers import (
    CellFault,
    ReadFailed,
    Source,
    SourceRow,
    find_sources,
    header_row,
    read_rows,
    unknown_headers,
)
from ingest.reasons import Notice, Reason
from ingest.validate import MODELS, RowError, competitor_id, enum_values, parse_row, row_errors, split_ids

__all__ = ["BATCH_ROWS", "ImportReport", "import_paths"]

BATCH_ROWS = 2000
_DEFINES = {
    "companies": "Company",
    "org_units": "OrgUnit",
    "reps": "Rep",
    "contacts": "Contact",
    "opportunities": "Opportunity",
}
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
_CONTACT_FIELDS = ("reports_to", "from_id", "to_id", "contact_id")
_IDENTITY: dict[str, tuple[str, ...]] = {
    "influence": ("from_id", "to_id", "kind"),
    "relationships": ("rep_id", "contact_id"),
    "competitor_relationships": ("competitor", "contact_id"),
    "purchases": ("company_id", "product", "vendor"),
    "opportunity_roles": ("opportunity_id", "contact_id", "role"),
}
"""The columns that identify a relationship row (what the store merges on)."""
_UNIQUE_IN_IMPORT = frozenset(
    {
        "Company-BRANCH_OF->Company",
        "OrgUnit-PART_OF->OrgUnit",
        "OrgUnit-PART_OF->Company",
        "Contact-WORKS_IN->OrgUnit",
        "Contact-WORKS_IN->Company",
        "Contact-REPORTS_TO->Contact",
        "Contact-INFLUENCES->Contact",
        "Rep-KNOWS->Contact",
        "Company-BUYS->Vendor",
        "Opportunity-AT->Company",
        "Contact-PLAYS->Opportunity",
    }
)
"""Relationships an import never sends twice: they come from a row with a unique id, or the
row's identity (``_IDENTITY``) is checked. Touches and claims are not: identical rows may repeat."""


class StemCounts(BaseModel):
    rows: int = 0
    landed: int = 0
    rejected: int = 0


class ImportReport(BaseModel):
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    """Rows that did not land."""
    dry_run: bool = False
    stems: dict[str, StemCounts] = Field(default_factory=dict)
    errors: list[RowError] = Field(default_factory=list)
    merged: list[str] = Field(default_factory=list)
    """Duplicate contacts folded into an earlier row, one English sentence each."""
    merge_notices: list[Notice] = Field(default_factory=list)
    """The same merges as codes with their parameters."""
    warnings: list[str] = Field(default_factory=list)
    """What the import skipped or could not do, in English (the command line)."""
    notices: list[Notice] = Field(default_factory=list)
    """The same warnings as codes with their parameters, for a page to word in its language."""
    stopped: str | None = None
    """Why the import ended before its last row (the store went away); the counts say what had landed by then."""

    def warn(self, code: str, **params: object) -> None:
        """Note one warning (``ingest.reasons.WARNINGS``), in English and as its code."""
        notice = Notice(code, {k: str(v) for k, v in params.items()})
        self.notices.append(notice)
        self.warnings.append(notice.english)

    def add(self, written: WriteReport) -> None:
        for counts in (*written.nodes.values(), *written.edges.values()):
            self.created += counts.created
            self.updated += counts.updated
            self.unchanged += counts.unchanged


@dataclass
class _Survey:
    """What pass 1 learnt about the whole import."""

    ids: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    first_seen: dict[tuple[str, str], tuple[str, int]] = field(default_factory=dict)
    duplicates: dict[tuple[str, int], Reason] = field(default_factory=dict)
    alias: dict[str, str] = field(default_factory=dict)
    merges: list[Notice] = field(default_factory=list)
    in_cycle: dict[tuple[str, str], Reason] = field(default_factory=dict)
    """(label, id) of rows whose line up (manager, parent company or department) closes a cycle → why."""
    rejected: dict[tuple[str, str], tuple[str, int]] = field(default_factory=dict)
    """(label, id) of rows rejected while loading → where, so dependants can say why."""
    unit_company: dict[str, str] = field(default_factory=dict)
    """The company each imported department belongs to: a contact or sub-department must be in its own company."""

    def reject(self, row: SourceRow) -> None:
        label, node_id = _DEFINES.get(row.source.stem), row.cells.get("id")
        if label and node_id and self.first_seen.get((label, node_id)) == (row.source.label, row.row):
            self.ids[label].discard(node_id)
            self.rejected[(label, node_id)] = (row.source.label, row.row)


_UPPER = {"Contact": "reports_to", "Company": "parent_id", "OrgUnit": "parent_id", "Rep": "manager_id"}
"""The column naming a record's superior, per label: the lines that must never close a cycle."""


def _survey(sources: list[Source], store: GraphStore) -> _Survey:
    survey = _Survey()
    reach: dict[tuple[str, str], str] = {}
    lines: dict[str, nx.DiGraph[str]] = defaultdict(nx.DiGraph)
    named: dict[str, set[str]] = defaultdict(set)
    """Records whose row names their superior: their stored single line up is replaced, not kept."""
    for source in sources:
        label = _DEFINES.get(source.stem)
        if label is None:
            continue
        for row in read_rows(source):
            node_id = row.cells.get("id")
            if not node_id or row.faults:
                continue
            first = survey.first_seen.setdefault((label, node_id), (source.label, row.row))
            if first != (source.label, row.row):
                survey.duplicates[(source.label, row.row)] = Reason.of("duplicate_id", file=first[0], row=first[1])
                continue
            survey.ids[label].add(node_id)
            if label == "OrgUnit":
                survey.unit_company[node_id] = row.cells.get("company_id", "")
            if label == "Contact":
                _survey_contact(survey, row, node_id, reach)
            if label in _UPPER and (upper := row.cells.get(_UPPER[label], "")):
                named[label].add(node_id)
                lines[label].add_node(node_id)
                bosses = split_ids(upper) if label == "Contact" else (upper.strip(),)
                lines[label].add_edges_from((node_id, boss) for boss in bosses)
    for label, graph in lines.items():
        _find_cycles(survey, label, graph, store, named[label])
    return survey


def _find_cycles(survey: _Survey, label: str, imported: nx.DiGraph[str], store: GraphStore, named: set[str]) -> None:
    """Reject the imported records whose line up closes a cycle, within the import or with what is stored.

    A contact may report to several people, so their stored lines stay beside
    the imported ones; a company, department or rep has one superior, which
    the import replaces where its row names one.
    """
    graph = imported.copy()
    keeps_stored = label == "Contact"
    graph.add_edges_from(
        (lower, upper) for lower, upper in store.records.lines(label) if keeps_stored or lower not in named
    )
    for component in nx.strongly_connected_components(graph):
        members = component & set(imported)
        if not members or len(component) == 1:  # a record as its own superior: the model says so more plainly
            continue
        loop = [a for a, _ in nx.find_cycle(graph.subgraph(component))]
        start = loop.index(min(loop))  # the same message on every run
        loop = loop[start:] + loop[:start]
        alone = all(imported.has_edge(a, b) for a, b in zip(loop, loop[1:] + loop[:1], strict=True))
        reason = Reason.of("cycle" if alone else "cycle_with_stored", lines=label, loop=" → ".join([*loop, loop[0]]))
        survey.in_cycle.update({(label, node): reason for node in members if node in named})


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


def _survey_contact(survey: _Survey, row: SourceRow, contact_id: str, reach: dict[tuple[str, str], str]) -> None:
    company = row.cells.get("company_id", "")
    for kind, raw, normalise in (
        ("phone", row.cells.get("phone"), normalise_phone),
        ("e-mail", row.cells.get("email"), normalise_email),
    ):
        if not raw:
            continue
        earlier = reach.setdefault((company, normalise(raw)), contact_id)
        if earlier != contact_id and contact_id not in survey.alias:
            survey.alias[contact_id] = earlier
            where = {"file": row.source.label, "row": str(row.row), "company": company}
            survey.merges.append(Notice("merged", {**where, "contact": contact_id, "field": kind, "earlier": earlier}))


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


@dataclass(frozen=True)
class _Fresh:
    """What this import creates without comparing to stored values: labels empty when it began.

    Ids are unique across an import (the survey rejects duplicates), so every
    node of such a label is new, and so is every relationship of a kind in
    ``_UNIQUE_IN_IMPORT`` leaving one. Merged duplicate contacts could repeat a
    relationship after remapping, so an import with merges compares as usual.
    """

    labels: frozenset[str] = frozenset()
    specs: frozenset[str] = frozenset()

    @classmethod
    def of(cls, store: GraphStore, survey: _Survey) -> _Fresh:
        if survey.alias:
            return cls()
        labels = store.records.empty_labels(_DEFINES.values())
        return cls(labels, frozenset(s for s in _UNIQUE_IN_IMPORT if EDGES[s].source in labels))


@dataclass
class _Pending:
    row: SourceRow
    records: list[Record]


def _unknown_references(store: GraphStore, survey: _Survey, batch: list[_Pending]) -> dict[int, list[RowError]]:
    """Errors for rows whose references exist neither in the import nor in the store."""
    wanted: dict[str, set[str]] = defaultdict(set)
    for pending in batch:
        for record in pending.records:
            for _, label, value in _references(record):
                if value not in survey.ids[label]:
                    wanted[label].add(value)
    known = {label: store.records.existing_ids(label, ids) for label, ids in wanted.items()}
    errors: dict[int, list[RowError]] = {}
    for index, pending in enumerate(batch):
        for record in pending.records:
            for name, label, value in _references(record):
                if value not in survey.ids[label] and value not in known.get(label, set()):
                    where = survey.rejected.get((label, value))
                    reason = (
                        Reason.of("rejected_reference", record=label, id=value, file=where[0], row=where[1])
                        if where
                        else Reason.of("unknown_reference", record=label, id=value)
                    )
                    errors.setdefault(index, []).append(RowError.refused(pending.row, name, value, reason))
    return errors


def _misplaced(
    store: GraphStore, survey: _Survey, batch: list[_Pending], skip: Iterable[int], fresh: _Fresh
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


def _stored(store: GraphStore, fresh: _Fresh, label: str, ids: list[str]) -> dict[str, dict[str, Any]]:
    """``store.properties``, skipped for a label that was empty when the import began."""
    return {} if label in fresh.labels else store.records.properties(label, ids)


def _unit_owners(
    stored: Callable[[str, list[str]], dict[str, dict[str, Any]]], survey: _Survey, units: set[str]
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


def import_paths(
    store: GraphStore,
    paths: list[Path],
    *,
    dry_run: bool = False,
    progress: Callable[[str, int], None] | None = None,
    who: str | None = None,
    why: str = "",
) -> ImportReport:
    """Import every stem found in ``paths``; raises ``ReadFailed`` when nothing can be read.

    ``progress(stem, rows)`` is called after each batch has landed (written and acknowledged), with the rows
    of ``stem`` read so far: between two units of work, where a caller may show progress, or a test stop the
    store (``tests/integration/test_import_stop.py``).

    Each written batch is recorded in the history as a change by ``who``
    (default: this machine's user, ``graph.config.local_user.local_user``) with the
    note ``why``.
    """
    who = who or local_user()
    sources = find_sources(paths)
    report = ImportReport(dry_run=dry_run)
    if not sources:
        report.warn("no_file")
        return report
    with _young_collections_only():
        try:
            _load(store, sources, report, dry_run=dry_run, progress=progress, who=who, why=why)
        except StoreUnavailable as error:  # the batch in flight may have committed before the answer was lost
            report.stopped = (
                f"{error}; the batch being written then may or may not have landed: run the same import again "
                "to finish it (what already landed stays as it is)"
            )
        except (StoreError, ReadFailed) as error:  # each batch lands whole or not at all: the counts so far hold
            report.stopped = str(error)
    report.rejected = sum(c.rejected for c in report.stems.values())
    return report


def _load(
    store: GraphStore,
    sources: list[Source],
    report: ImportReport,
    *,
    dry_run: bool,
    progress: Callable[[str, int], None] | None,
    who: str,
    why: str,
) -> None:
    """Survey the sources, then read, check and write them batch by batch into ``report``."""
    survey = _survey(sources, store)
    report.merged = [m.english for m in survey.merges]
    report.merge_notices = survey.merges
    fresh = _Fresh.of(store, survey) if not dry_run else _Fresh()
    retry: list[EdgeRow] = []
    for source in sources:
        counts = report.stems.setdefault(source.stem, StemCounts())
        unknown = unknown_headers(source)
        if (header := header_row(source)) > 1:
            report.warn("header_below", file=source.label, row=header)
        for column in unknown:
            report.warn("unknown_column", file=source.label, column=column)
        batch: list[_Pending] = []
        for item in _prepared(source, survey):
            counts.rows += 1
            if item.errors:
                report.errors.extend(item.errors)
                counts.rejected += 1
                survey.reject(item.row)
                continue
            if item.merged:
                counts.landed += 1  # merged: the first row with this phone or e-mail stands for the person
                continue
            batch.append(_Pending(item.row, item.records))
            if len(batch) >= BATCH_ROWS:
                retry += _flush(store, survey, batch, report, counts, dry_run, fresh, _author(who, why, source))
                batch = []
                if progress:
                    progress(source.stem, counts.rows)
        retry += _flush(store, survey, batch, report, counts, dry_run, fresh, _author(who, why, source))
        if progress:
            progress(source.stem, counts.rows)
        if not counts.rows and unknown:
            report.errors.append(_no_known_column(source, unknown))
    if retry and not dry_run:
        links = Author(who=who, source=ChangeSource.IMPORT, action="import: link rows to records later in the files")
        final = store.unit_of_work(
            lambda uow: uow.write_rows(GraphRows(edges=retry), fresh.labels, fresh.specs, author=links)
        )
        report.add(final)
        for link in final.missing:
            report.warn("not_linked", link=link)


@contextlib.contextmanager
def _young_collections_only() -> Iterator[None]:
    """Leave the collector's full passes until the import is done.

    An import makes millions of short-lived objects while it holds large
    long-lived ones (the survey's id sets, the reporting-line graph); the
    collector's passes over those took about half of the import's Python
    time. Each batch collects the young generations (``_flush``), which is
    where reference cycles of an import arise (a rejected row's caught
    ``ValidationError``), so memory stays bounded.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _no_known_column(source: Source, unknown: list[str]) -> RowError:
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


def _author(who: str, why: str, source: Source) -> Author:
    """A batch's stamp: each batch is its own change, timed when it is written."""
    return Author(who=who, source=ChangeSource.IMPORT, action=f"import {source.label}", why=why)


@dataclass
class _Prepared:
    """One row after the checks that need no store: its records, or why it is rejected."""

    row: SourceRow
    records: list[Record] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    merged: bool = False


def _prepared(source: Source, survey: _Survey) -> Iterator[_Prepared]:
    """Read and validate a source's rows against what the survey learnt.

    Only checks that need neither the store nor earlier batches happen here;
    rejections' effect on later rows and reference checks stay with the caller.
    """
    seen: dict[tuple[str, ...], int] = {}
    for row in read_rows(source):
        if row.faults:
            yield _Prepared(row, errors=[_fault_error(row, fault) for fault in row.faults])
            continue
        problem = survey.duplicates.get((source.label, row.row)) or _repeated_relationship(seen, row)
        label = _DEFINES.get(source.stem, "")
        if problem is None and (label, row.cells.get("id", "")) in survey.in_cycle:
            problem = survey.in_cycle[(label, row.cells["id"])]
        if problem:
            column = _UPPER[label] if problem.code.startswith("cycle") else "id" if "id" in row.cells else "(row)"
            yield _Prepared(row, errors=[RowError.refused(row, column, row.cells.get(column, ""), problem)])
            continue
        if source.stem == "contacts" and row.cells.get("id") in survey.alias:
            yield _Prepared(row, merged=True)
            continue
        records, errors = parse_row(row)
        if errors:
            yield _Prepared(row, errors=errors)
            continue
        try:
            yield _Prepared(row, records=[_remap(r, survey.alias) for r in records])
        except ValidationError as error:
            yield _Prepared(row, errors=row_errors(row, error, after_merge=True))


def _fault_error(row: SourceRow, fault: CellFault) -> RowError:
    return RowError.refused(row, fault.column, fault.value, fault.reason)


def _flush(
    store: GraphStore,
    survey: _Survey,
    batch: list[_Pending],
    report: ImportReport,
    counts: StemCounts,
    dry_run: bool,
    fresh: _Fresh,
    author: Author,
) -> list[EdgeRow]:
    """Check one batch's references, write the good rows; return edges to send again later."""
    if not batch:
        return []
    gc.collect(1)
    bad = _unknown_references(store, survey, batch)
    bad |= _misplaced(store, survey, batch, bad, fresh)
    good = [p for i, p in enumerate(batch) if i not in bad]
    for index, errors in bad.items():
        report.errors.extend(errors)
        survey.reject(batch[index].row)
    counts.rejected += len(bad)
    if dry_run:
        counts.landed += len(good)
        return []
    records = (r for p in good for r in p.records)
    written = store.unit_of_work(
        lambda uow: uow.write_rows(graph_rows(records, partial=True), fresh.labels, fresh.specs, author=author)
    )
    counts.landed += len(good)
    report.add(written)
    return written.missing_rows
