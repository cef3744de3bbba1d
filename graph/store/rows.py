"""How model records become stored nodes and relationships.

Pure functions, no server: each record turns into the node rows and edge rows
the store upserts. A record's references (``company_id``, ``reports_to``…)
become relationships here, so the rule "a contact works in its unit, else its
company" is written once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from graph.domain.claim_records import Claim, Settlement
from graph.domain.fields import Record
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

__all__ = ["EdgeRow", "GraphRows", "NodeRow", "graph_rows"]


def _named(props: dict[str, Any], given: frozenset[str] | None) -> dict[str, Any]:
    """``props`` limited to the ``given`` names; all of them when ``given`` is ``None``."""
    return props if given is None else {k: v for k, v in props.items() if k in given}


@dataclass(frozen=True)
class NodeRow:
    label: str
    id: str
    props: dict[str, Any]
    given: frozenset[str] | None = None
    """For a partial record (an import row): the properties its input named. Only those may change a
    stored node; the others are defaults that apply to a new node alone. ``None``: every property counts."""

    @property
    def compared(self) -> dict[str, Any]:
        """The properties that may change a stored node."""
        return _named(self.props, self.given)


@dataclass(frozen=True)
class EdgeRow:
    """A relationship to upsert; ``spec`` names an entry of ``relations.EDGES``."""

    spec: str
    source: str
    target: str
    key: str = ""
    props: dict[str, Any] = field(default_factory=dict)
    given: frozenset[str] | None = None
    """As ``NodeRow.given``, for the relationship's properties."""
    default_place: bool = False
    """Written only where the source has no relationship of this type yet: a default place (the company, for a
    contact whose row names no department) must not move a stored record out of the department it is in."""

    @property
    def compared(self) -> dict[str, Any]:
        """The properties that may change a stored relationship."""
        return _named(self.props, self.given)


@dataclass
class GraphRows:
    nodes: list[NodeRow] = field(default_factory=list)
    edges: list[EdgeRow] = field(default_factory=list)


def _without(row: dict[str, Any], *keys: str) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k not in keys}


def _company(r: Company, out: GraphRows) -> None:
    out.nodes.append(NodeRow("Company", r.id, r.to_row()))
    if r.parent_id:
        out.edges.append(EdgeRow("Company-BRANCH_OF->Company", r.id, r.parent_id))


def _org_unit(r: OrgUnit, out: GraphRows) -> None:
    out.nodes.append(NodeRow("OrgUnit", r.id, r.to_row()))
    if r.parent_id:
        out.edges.append(EdgeRow("OrgUnit-PART_OF->OrgUnit", r.id, r.parent_id))
    else:
        out.edges.append(EdgeRow("OrgUnit-PART_OF->Company", r.id, r.company_id))


def _contact(r: Contact, out: GraphRows) -> None:
    out.nodes.append(NodeRow("Contact", r.id, r.to_row()))
    if r.unit_id:
        out.edges.append(EdgeRow("Contact-WORKS_IN->OrgUnit", r.id, r.unit_id))
    else:
        out.edges.append(EdgeRow("Contact-WORKS_IN->Company", r.id, r.company_id))
    out.edges.extend(EdgeRow("Contact-REPORTS_TO->Contact", r.id, manager) for manager in r.reports_to)


def _influence(r: Influence, out: GraphRows) -> None:
    props = {"kind": r.kind.value, "weight": r.weight}
    out.edges.append(EdgeRow("Contact-INFLUENCES->Contact", r.from_id, r.to_id, r.kind.value, props))


def _relationship(r: Relationship, out: GraphRows) -> None:
    props = _without(r.to_row(), "rep_id", "contact_id")
    out.edges.append(EdgeRow("Rep-KNOWS->Contact", r.rep_id, r.contact_id, "", props))


def _touch(r: Touch, out: GraphRows) -> None:
    props = _without(r.to_row(), "rep_id", "contact_id", "id")
    out.edges.append(EdgeRow("Rep-TOUCHED->Contact", r.rep_id, r.contact_id, r.id, props))


def _competitor_relationship(r: CompetitorRelationship, out: GraphRows) -> None:
    props = {"strength": r.strength}
    out.edges.append(EdgeRow("Competitor-KNOWS->Contact", r.competitor_id, r.contact_id, "", props))


def _purchase(r: Purchase, out: GraphRows) -> None:
    out.nodes.append(NodeRow("Vendor", r.vendor, {"id": r.vendor, "is_us": r.vendor == US_VENDOR_ID}))
    props = _without(r.to_row(), "company_id")
    out.edges.append(EdgeRow("Company-BUYS->Vendor", r.company_id, r.vendor, r.product, props))


def _opportunity(r: Opportunity, out: GraphRows) -> None:
    out.nodes.append(NodeRow("Opportunity", r.id, r.to_row()))
    out.edges.append(EdgeRow("Opportunity-AT->Company", r.id, r.company_id))


def _opportunity_role(r: OpportunityRole, out: GraphRows) -> None:
    props = {"role": r.role.value}
    out.edges.append(EdgeRow("Contact-PLAYS->Opportunity", r.contact_id, r.opportunity_id, r.role.value, props))


def _claim(r: Claim, out: GraphRows) -> None:
    out.nodes.append(NodeRow("Claim", r.id, r.to_row()))
    out.edges.append(EdgeRow("Claim-ON->Company", r.id, r.company_id))
    out.edges.append(EdgeRow("Claim-BY->Rep", r.id, r.rep_id))


def _plain_node(label: str) -> Any:
    def add(r: Rep | Competitor | Settlement, out: GraphRows) -> None:
        out.nodes.append(NodeRow(label, r.id, r.to_row()))

    return add


_BUILDERS: dict[type[Record], Any] = {
    Company: _company,
    OrgUnit: _org_unit,
    Contact: _contact,
    Influence: _influence,
    Rep: _plain_node("Rep"),
    Relationship: _relationship,
    Touch: _touch,
    Competitor: _plain_node("Competitor"),
    CompetitorRelationship: _competitor_relationship,
    Purchase: _purchase,
    Opportunity: _opportunity,
    OpportunityRole: _opportunity_role,
    Claim: _claim,
    Settlement: _plain_node("Settlement"),
}


_DEFAULT_PLACES: dict[str, str] = {
    "Contact-WORKS_IN->Company": "unit_id",
    "OrgUnit-PART_OF->Company": "parent_id",
}
"""Relationships a record gets when a field is unset, with that field: the default place of a new record."""


def graph_rows(records: Iterable[Record], partial: bool = False, whole: bool = False) -> GraphRows:
    """Turn records into node and edge rows, in the order they were given.

    ``partial`` records come from input that may leave columns out (an import
    row): their rows say which properties the input named (``given``), so a
    column a file lacks, or an empty cell, never overwrites a stored value.
    ``whole`` records are the record entire (a decision on a claim): a field
    left unset removes what is stored under it.

    >>> rows = graph_rows([Company(id="c1", name="Acme", parent_id="g1")])
    >>> [(n.label, n.id) for n in rows.nodes], [(e.spec, e.target) for e in rows.edges]
    ([('Company', 'c1')], [('Company-BRANCH_OF->Company', 'g1')])
    >>> sorted(graph_rows([Company(id="c1", name="Acme")], partial=True).nodes[0].given)
    ['id', 'name', 'name_key']
    """
    out = GraphRows()
    for record in records:
        try:
            build = _BUILDERS[type(record)]
        except KeyError:
            raise TypeError(f"cannot store a {type(record).__name__}") from None
        nodes, edges = len(out.nodes), len(out.edges)
        build(record, out)
        if partial:
            _mark_given(record, out, nodes, edges)
        if whole:
            unset = dict.fromkeys(type(record).model_fields)
            out.nodes[nodes:] = [replace(n, props={**unset, **n.props}) for n in out.nodes[nodes:]]
    return out


def _mark_given(record: Record, out: GraphRows, nodes: int, edges: int) -> None:
    """Mark the rows ``record`` just added with the properties its input named."""
    named = record.model_fields_set | set(type(record).model_computed_fields)
    out.nodes[nodes:] = [replace(n, given=frozenset(k for k in n.props if k in named)) for n in out.nodes[nodes:]]
    out.edges[edges:] = [
        replace(
            e,
            given=frozenset(k for k in e.props if k in named),
            default_place=_DEFAULT_PLACES.get(e.spec, "") not in ("", *named),
        )
        for e in out.edges[edges:]
    ]
