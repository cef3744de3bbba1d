"""Editing the stakeholder map: the use cases behind the app's edit forms.

Each function validates with the same pydantic models as the importer (so a
form and a spreadsheet get the same reasons), checks what only the store
knows (references, reporting cycles, the same person twice), then writes
through ``UnitOfWork.write_rows`` with an ``Author``, so every edit lands in
the history with who, when, why and before → after. Edits of an existing
contact, company or department carry the version the editor read: if someone
saved in between, the edit is refused with ``EditConflict`` instead of
silently overwriting them.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from typing import Any, TypeVar

from pydantic import ValidationError

from graph.domain.access import Viewer
from graph.domain.changes import Author
from graph.domain.enums import InfluenceKind, Status
from graph.domain.errors import EditRefused, FieldProblem, NotFound
from graph.domain.fields import Record
from graph.domain.keys import node_key
from graph.domain.model import Company, Contact, Influence, OrgUnit, Relationship, Touch
from graph.domain.validation import issue_code, issue_field, issue_reason, record_word
from graph.store import GraphStore, WriteReport
from graph.store.rows import EdgeRow, GraphRows, NodeRow, graph_rows

__all__ = [
    "log_touch",
    "mark_left",
    "mark_verified",
    "remove_influence",
    "save_company",
    "save_contact",
    "save_influence",
    "save_relationship",
    "save_unit",
]

_R = TypeVar("_R", bound=Record)
_ID_PREFIX = {Contact: "ct", Company: "co", OrgUnit: "ou"}
_STORE_KEYS = frozenset({"version", "name_key", "label"})
"""What the store adds to a record's properties: a form may send them back, they are not the record's."""
_SUPERIOR = {"Contact": "reports_to", "Company": "parent_id", "OrgUnit": "parent_id"}
"""The field naming a record's superior (manager, parent company, parent department), per label."""


def _validated(model: type[_R], values: Mapping[str, Any]) -> _R:
    """The record, or ``EditRefused`` with the importer's reasons for every bad field."""
    try:
        return model.model_validate({k: v for k, v in values.items() if k not in _STORE_KEYS})
    except ValidationError as error:
        problems = []
        for issue in error.errors():
            field = issue_field(issue, model)
            code, params = issue_code(issue)
            problems.append(FieldProblem(field, str(values.get(field, "")), issue_reason(issue), code, params))
        raise EditRefused(problems) from error


def _with_new_id(model: type[Record], values: Mapping[str, Any]) -> dict[str, Any]:
    """New records get an id when the form has none: nobody should have to invent one."""
    if values.get("id"):
        return dict(values)
    return {**values, "id": f"{_ID_PREFIX[model]}-{uuid.uuid4().hex[:10]}"}


def _require(store: GraphStore, field: str, label: str, value: str | None) -> dict[str, Any]:
    if not value:
        return {}
    found = store.records.node(label, value)
    if found is None:
        raise EditRefused(
            [
                FieldProblem(
                    field,
                    value,
                    f"refers to {record_word(label)} {value!r}, which is not in the store",
                    "not_in_store",
                    {"record": label, "id": value},
                )
            ]
        )
    return found


def _require_department_of(store: GraphStore, field: str, unit_id: str | None, company_id: str) -> None:
    """A department named in ``field`` must exist and belong to ``company_id``."""
    unit = _require(store, field, "OrgUnit", unit_id)
    if unit and unit.get("company_id") != company_id:
        owner = str(unit.get("company_id"))
        reason = f"department {unit_id!r} belongs to another company ({owner})"
        params = {"unit": str(unit_id), "owner": owner, "company": company_id}
        raise EditRefused([FieldProblem(field, str(unit_id), reason, "department_elsewhere", params)])


def _node_row(label: str, record: Record) -> NodeRow:
    """All of a record's fields, ``None`` included: clearing a phone in a form must remove it from the store."""
    props = {k: v for k, v in record.model_dump(mode="json").items() if k != "reports_to"}
    return NodeRow(label, str(props["id"]), props)


def _versions(label: str, record_id: str, version: int | None) -> dict[str, int]:
    return {} if version is None else {node_key(label, record_id): version}


def _check_new_id(store: GraphStore, label: str, record_id: str, version: int | None) -> None:
    if version is None and (existing := store.records.node(label, record_id)) is not None:
        name = existing.get("name", record_id)
        reason = f"is already used by {name} ({record_id})"
        raise EditRefused([FieldProblem("id", record_id, reason, "id_taken", {"name": str(name), "id": record_id})])


def _check_no_cycle(store: GraphStore, label: str, record_id: str, name: str, superiors: tuple[str, ...]) -> None:
    """Refuse a superior who is (indirectly) below the record: the line would loop back to it."""
    for superior in superiors:
        line = store.records.line_up(label, superior, record_id)
        if line:
            loop = [f"{name} ({record_id})", *(f"{n} ({i})" for i, n in line)]
            path = " → ".join(loop)
            problem = FieldProblem(
                _SUPERIOR[label],
                superior,
                "would form a cycle: " + path,
                "cycle_with_stored",
                {"lines": label, "loop": path},
            )
            raise EditRefused([problem])


def save_contact(
    store: GraphStore, values: Mapping[str, Any], author: Author, version: int | None = None
) -> tuple[Contact, WriteReport]:
    """Add a contact (``version`` ``None``) or change one: details, unit, managers, status.

    Refused: values the importer would refuse, an unknown company, department
    or manager, a department of another company, a manager below the contact
    (a cycle), or a phone or e-mail another contact of the company has.
    """
    contact = _validated(Contact, _with_new_id(Contact, values))
    _check_new_id(store, "Contact", contact.id, version)
    _require(store, "company_id", "Company", contact.company_id)
    _require_department_of(store, "unit_id", contact.unit_id, contact.company_id)
    for manager in contact.reports_to:
        _require(store, "reports_to", "Contact", manager)
    twin = store.records.same_person(contact.company_id, contact.id, contact.phone, contact.email)
    if twin:
        field = "phone" if contact.phone and twin.get("phone") == contact.phone else "email"
        reason = f"{twin['name']} ({twin['id']}) in this company has the same {field}: one person, one record"
        params = {"name": str(twin["name"]), "id": str(twin["id"]), "field": field}
        raise EditRefused([FieldProblem(field, str(getattr(contact, field)), reason, "same_person", params)])
    _check_no_cycle(store, "Contact", contact.id, contact.name, contact.reports_to)
    rows = graph_rows([contact])
    rows.nodes = [_node_row("Contact", contact)]
    dropped = [] if version is None else sorted(set(store.records.managers(contact.id)) - set(contact.reports_to))
    removals = [EdgeRow("Contact-REPORTS_TO->Contact", contact.id, m) for m in dropped]
    report = store.unit_of_work(
        lambda uow: uow.write_rows(
            rows, author=author, versions=_versions("Contact", contact.id, version), removals=removals
        )
    )
    return contact, report


def _stored_contact(store: GraphStore, contact_id: str) -> dict[str, Any]:
    props = store.records.node("Contact", contact_id)
    if props is None:
        raise NotFound(f"no contact with id {contact_id!r}")
    return {**props, "reports_to": tuple(store.records.managers(contact_id))}


def mark_left(store: GraphStore, contact_id: str, author: Author, version: int) -> WriteReport:
    """The contact has left the customer: kept on the map (greyed) with their history, no longer counted."""
    values = {**_stored_contact(store, contact_id), "status": Status.LEFT.value}
    return save_contact(store, values, author, version)[1]


def mark_verified(store: GraphStore, contact_id: str, author: Author, version: int, on: dt.date) -> WriteReport:
    """Someone checked the contact's details are still right on ``on``."""
    values = {**_stored_contact(store, contact_id), "last_verified": on}
    return save_contact(store, values, author, version)[1]


def save_company(
    store: GraphStore, values: Mapping[str, Any], author: Author, version: int | None = None
) -> tuple[Company, WriteReport]:
    """Add a company, or a branch (``parent_id`` set), or change one."""
    company = _validated(Company, _with_new_id(Company, values))
    _check_new_id(store, "Company", company.id, version)
    _require(store, "parent_id", "Company", company.parent_id)
    if company.parent_id:
        _check_no_cycle(store, "Company", company.id, company.name, (company.parent_id,))
    rows = graph_rows([company])
    rows.nodes = [_node_row("Company", company)]
    removals = []
    if version is not None and not company.parent_id:
        removals = [EdgeRow("Company-BRANCH_OF->Company", company.id, p) for p in _stored_parent(store, company)]
    report = store.unit_of_work(
        lambda uow: uow.write_rows(
            rows, author=author, versions=_versions("Company", company.id, version), removals=removals
        )
    )
    return company, report


def _stored_parent(store: GraphStore, company: Company) -> list[str]:
    stored = store.records.node("Company", company.id) or {}
    return [stored["parent_id"]] if stored.get("parent_id") else []


def save_unit(
    store: GraphStore, values: Mapping[str, Any], author: Author, version: int | None = None
) -> tuple[OrgUnit, WriteReport]:
    """Add or change a department; a parent department must belong to the same company."""
    unit = _validated(OrgUnit, _with_new_id(OrgUnit, values))
    _check_new_id(store, "OrgUnit", unit.id, version)
    _require(store, "company_id", "Company", unit.company_id)
    _require_department_of(store, "parent_id", unit.parent_id, unit.company_id)
    if unit.parent_id:
        _check_no_cycle(store, "OrgUnit", unit.id, unit.name, (unit.parent_id,))
    rows = graph_rows([unit])
    rows.nodes = [_node_row("OrgUnit", unit)]
    report = store.unit_of_work(
        lambda uow: uow.write_rows(rows, author=author, versions=_versions("OrgUnit", unit.id, version))
    )
    return unit, report


def save_influence(store: GraphStore, values: Mapping[str, Any], author: Author) -> WriteReport:
    """Draw an influence line (``from_id`` influences ``to_id``) or re-weight one of the same kind."""
    influence = _validated(Influence, values)
    _require(store, "from_id", "Contact", influence.from_id)
    _require(store, "to_id", "Contact", influence.to_id)
    return store.unit_of_work(lambda uow: uow.write_rows(graph_rows([influence]), author=author))


def remove_influence(store: GraphStore, from_id: str, to_id: str, kind: InfluenceKind, author: Author) -> WriteReport:
    """Withdraw an influence line; the history keeps what it was."""
    edge = EdgeRow("Contact-INFLUENCES->Contact", from_id, to_id, kind.value)
    return store.unit_of_work(lambda uow: uow.write_rows(GraphRows(), author=author, removals=[edge]))


def _acting_for(store: GraphStore, viewer: Viewer, rep_id: str) -> None:
    """Refuse a tie or touch recorded in the name of a rep the viewer may not act for (another rep, another team)."""
    rep = _require(store, "rep_id", "Rep", rep_id)
    if not viewer.acts_for(rep_id):
        name = str(rep.get("name", rep_id))
        reason = f"you record only your own relationships and touches (a lead: their team's), not {name}'s"
        raise EditRefused([FieldProblem("rep_id", rep_id, reason, "not_your_rep", {"rep": name})])


def save_relationship(store: GraphStore, values: Mapping[str, Any], author: Author, *, viewer: Viewer) -> WriteReport:
    """Record how well one of our reps knows a contact: closeness, solution and price acceptance (1–5).

    ``viewer`` records it: a rep only their own, a lead their team's (a tie in
    another team's name would give that team the account).
    """
    relationship = _validated(Relationship, values)
    _acting_for(store, viewer, relationship.rep_id)
    _require(store, "contact_id", "Contact", relationship.contact_id)
    return store.unit_of_work(lambda uow: uow.write_rows(graph_rows([relationship]), author=author))


def log_touch(store: GraphStore, values: Mapping[str, Any], author: Author, *, viewer: Viewer) -> WriteReport:
    """Log a visit, call, meeting… with a contact, optionally for a deal; ``viewer`` as in ``save_relationship``."""
    touch = _validated(Touch, values)
    _acting_for(store, viewer, touch.rep_id)
    _require(store, "contact_id", "Contact", touch.contact_id)
    _require(store, "opportunity_id", "Opportunity", touch.opportunity_id)
    return store.unit_of_work(lambda uow: uow.write_rows(graph_rows([touch]), author=author))
