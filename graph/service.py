"""Use cases that combine store reads with analyses, shared by the command line and the pages."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel

from graph.analysis.claims import ClaimPolicy, claims_report
from graph.analysis.group_tree import group_roots
from graph.analysis.onboarding import CLOSED_STAGES, HandoverItem, OnboardingDigest, onboarding_digest
from graph.analysis.protection import ProtectionHit, find_protection
from graph.errors import NotFound
from graph.model import Status
from graph.normalise import normalise_phone
from graph.store import GraphStore
from graph.store.rows import GraphRows, NodeRow

__all__ = ["AccountHandover", "Handover", "account_onboarding", "hand_over", "protection_search"]


def protection_search(
    store: GraphStore, query: str, as_of: dt.date, policy: ClaimPolicy | None = None
) -> list[ProtectionHit]:
    """Companies matching a name or a contact phone, each with the live claim protecting it."""
    companies = store.company_names()
    roots = group_roots({str(c["id"]): c.get("parent_id") for c in companies})
    phone = normalise_phone(query)
    phones = store.phone_companies(phone) if phone.isdigit() and len(phone) >= 5 else []
    report = claims_report(store.claims_graph(), as_of, policy)
    return find_protection(query, companies, roots, report, phones)


def account_onboarding(
    store: GraphStore,
    company_id: str,
    new_owner: str,
    as_of: dt.date,
    whole_group: bool = False,
    previous_owners: list[str] | None = None,
) -> OnboardingDigest:
    """The onboarding digest of a company (or its whole group) for a new owner, who may know nobody there yet."""
    graph = store.group_subgraph(company_id) if whole_group else store.company_subgraph(company_id)
    reps = {str(r["id"]): r for r in store.reps()}
    for rep_id in (new_owner, *(previous_owners or ())):
        if rep_id not in reps:
            raise NotFound(f"no rep with id {rep_id!r}")
        if f"Rep:{rep_id}" not in graph:
            graph.add_node(f"Rep:{rep_id}", label="Rep", **reps[rep_id])
    return onboarding_digest(graph, new_owner, as_of, previous_owners)


class AccountHandover(BaseModel):
    company_id: str
    successor: str
    opportunities_moved: list[str]
    relationships: list[HandoverItem]
    """The leaving rep's relationships here, most important first: what the successor must re-establish."""


class Handover(BaseModel):
    rep_id: str
    on: dt.date
    accounts: list[AccountHandover]


def hand_over(store: GraphStore, leaving: str, successors: dict[str, str], on: dt.date) -> Handover:
    """Mark ``leaving`` as left and give each account (company id → successor rep id) its new owner.

    The successor takes over the account's open opportunities; the leaving
    rep's relationships and touches stay in the graph, attributed to them, and
    come back as the transfer list. Nothing is deleted.
    """
    reps = {str(r["id"]): r for r in store.reps()}
    for rep_id in (leaving, *successors.values()):
        if rep_id not in reps:
            raise NotFound(f"no rep with id {rep_id!r}")
    if leaving in successors.values():
        raise NotFound(f"{leaving!r} is leaving and cannot take over an account")
    accounts, moves = [], []
    for company_id, successor in successors.items():
        digest = account_onboarding(store, company_id, successor, on, previous_owners=[leaving])
        graph = store.company_subgraph(company_id)
        moved = sorted(
            str(d["id"])
            for _, d in graph.nodes(data=True)
            if d["label"] == "Opportunity" and d.get("owner_id") == leaving and d.get("stage") not in CLOSED_STAGES
        )
        moves += [NodeRow("Opportunity", deal, {"id": deal, "owner_id": successor}) for deal in moved]
        accounts.append(
            AccountHandover(
                company_id=company_id, successor=successor, opportunities_moved=moved, relationships=digest.handover
            )
        )
    store.write_rows(GraphRows(nodes=[NodeRow("Rep", leaving, {"id": leaving, "status": Status.LEFT.value}), *moves]))
    return Handover(rep_id=leaving, on=on, accounts=accounts)
