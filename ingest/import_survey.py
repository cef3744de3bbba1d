"""Pass 1 of an import: one read of every file for what the rows say about each other.

Duplicate ids, duplicate people (the same phone or e-mail in one company) and
cycles in the lines up can only be told from the whole import, so they are
found before the load checks any single row; the load then asks the survey.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import networkx as nx

from graph.domain.normalise import normalise_email, normalise_phone
from graph.store import GraphStore
from ingest.import_cycles import cycle_reasons
from ingest.readers import Source, SourceRow, read_rows
from ingest.reasons import Notice, Reason
from ingest.validate import RowError, split_ids

__all__ = ["DEFINES", "UPPER", "Refusal", "Survey", "survey_sources"]

DEFINES = {
    "companies": "Company",
    "org_units": "OrgUnit",
    "reps": "Rep",
    "contacts": "Contact",
    "opportunities": "Opportunity",
}
"""The stems whose rows define a record with an id, and that record's label."""


_REFERENCE_CODES = ("rejected_reference", "rejected_reference_via")
"""Reasons that rest on another row's refusal."""


@dataclass(frozen=True)
class Refusal:
    """Where a defining row was rejected, and the first refusal it rests on: its own, or, when it was rejected
    for referring to a rejected row, that row's (so a chain of dependants all name the one thing to fix)."""

    file: str
    row: int
    why: Reason
    """The first refusal's reason."""
    first: tuple[str, int]
    """The first refusal's file and row (``(file, row)`` itself when the row was rejected for its own sake)."""


@dataclass
class Survey:
    """What pass 1 learnt about the whole import."""

    ids: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    first_seen: dict[tuple[str, str], tuple[str, int]] = field(default_factory=dict)
    duplicates: dict[tuple[str, int], Reason] = field(default_factory=dict)
    alias: dict[str, str] = field(default_factory=dict)
    merges: list[Notice] = field(default_factory=list)
    in_cycle: dict[tuple[str, str], Reason] = field(default_factory=dict)
    """(label, id) of rows whose line up (manager, parent company or department) closes a cycle → why."""
    rejected: dict[tuple[str, str], Refusal] = field(default_factory=dict)
    """(label, id) of rows rejected → where and why, so dependants can say so."""
    unit_company: dict[str, str] = field(default_factory=dict)
    """The company each imported department belongs to: a contact or sub-department must be in its own company."""

    def reject(self, row: SourceRow, errors: list[RowError]) -> None:
        """Note a rejected row (its first error): rows referring to the record it defines are rejected saying so."""
        label, node_id = DEFINES.get(row.source.stem), row.cells.get("id")
        if label and node_id and errors and self.first_seen.get((label, node_id)) == (row.source.label, row.row):
            error = errors[0]
            self.refuse(label, node_id, (row.source.label, row.row), Reason(error.code, error.params, error.reason))

    def refuse(self, label: str, node_id: str, where: tuple[str, int], why: Reason) -> None:
        """Take the record out of the import's ids and remember why, or the first refusal ``why`` rests on."""
        self.ids[label].discard(node_id)
        upstream = self.rejected.get((why.params.get("record", ""), why.params.get("id", "")))
        if why.code in _REFERENCE_CODES and upstream is not None:
            self.rejected[(label, node_id)] = Refusal(*where, upstream.why, upstream.first)
        else:
            self.rejected[(label, node_id)] = Refusal(*where, why, where)


UPPER = {"Contact": "reports_to", "Company": "parent_id", "OrgUnit": "parent_id", "Rep": "manager_id"}
"""The column naming a record's superior, per label: the lines that must never close a cycle."""


def survey_sources(sources: list[Source], store: GraphStore) -> Survey:
    """Read every defining file once: its ids, duplicates, merged contacts and lines up that close a cycle."""
    survey = Survey()
    reach: dict[tuple[str, str], str] = {}
    lines: dict[str, nx.DiGraph[str]] = defaultdict(nx.DiGraph)
    named: dict[str, set[str]] = defaultdict(set)
    """Records whose row names their superior: their stored single line up is replaced, not kept."""
    for source in sources:
        label = DEFINES.get(source.stem)
        if label is None:
            continue
        for row in read_rows(source):
            node_id = row.cells.get("id")
            if not node_id:
                continue
            if row.faults:  # unreadable: rows naming its id are told so, unless a later row defines it
                where = (source.label, row.row)
                if (label, node_id) not in survey.first_seen:
                    survey.rejected.setdefault((label, node_id), Refusal(*where, row.faults[0].reason, where))
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
            if label in UPPER and (upper := row.cells.get(UPPER[label], "")):
                named[label].add(node_id)
                lines[label].add_node(node_id)
                bosses = split_ids(upper) if label == "Contact" else (upper.strip(),)
                lines[label].add_edges_from((node_id, boss) for boss in bosses)
    for label, graph in lines.items():
        survey.in_cycle.update(cycle_reasons(label, graph, store, named[label]))
    for (label, node_id), why in survey.in_cycle.items():  # refused before the load reaches them: rows above too
        survey.refuse(label, node_id, survey.first_seen[(label, node_id)], why)
    return survey


def _survey_contact(survey: Survey, row: SourceRow, contact_id: str, reach: dict[tuple[str, str], str]) -> None:
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
