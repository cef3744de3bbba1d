"""Use cases that combine store reads with analyses, shared by the command line and the pages."""

from __future__ import annotations

import datetime as dt
from typing import Any, Protocol

import networkx as nx
from pydantic import BaseModel

from graph.analysis.claim_book import ClaimsReport, claims_report
from graph.analysis.decision_roles import CLOSED_STAGES
from graph.analysis.history import TimelineItem, rewind, timeline
from graph.analysis.onboarding_digest import HandoverItem, OnboardingDigest, onboarding_digest
from graph.analysis.protection import ProtectionHit, find_protection
from graph.domain.access import Viewer
from graph.domain.actions import Action, ActionCode
from graph.domain.changes import Author, ChangeSource
from graph.domain.claim_policy import ClaimPolicy
from graph.domain.claim_records import Claim
from graph.domain.enums import Channel, Status
from graph.domain.errors import EditRefused, FieldProblem, NotFound
from graph.domain.fields import Record
from graph.domain.hierarchy import group_roots
from graph.domain.keys import node_key
from graph.domain.model import Opportunity, Rep
from graph.domain.normalise import normalise_phone
from graph.store import GraphStore

__all__ = [
    "AccountHandover",
    "AccountReads",
    "Handover",
    "PhoneLookup",
    "account_onboarding",
    "account_timeline",
    "company_graph_as_of",
    "contact_timeline",
    "hand_over",
    "protection_search",
]


class PhoneLookup(Protocol):
    """What the protection search needs of a store: the companies a phone belongs to."""

    def phone_companies(self, phone: str) -> list[str]: ...


def protection_search(
    store: PhoneLookup, query: str, report: ClaimsReport, companies: list[dict[str, Any]]
) -> list[ProtectionHit]:
    """Companies matching a name or a contact phone, each with the live claim protecting it.

    ``report`` and ``companies`` (``Accounts.company_names()``) are passed in, so a
    page that already shows them does not read them twice.
    """
    roots = group_roots({str(c["id"]): c.get("parent_id") for c in companies})
    phone = normalise_phone(query)
    phones = store.phone_companies(phone) if phone.isdigit() and len(phone) >= 5 else []
    return find_protection(query, companies, roots, report, phones)


class AccountReads(Protocol):
    """What an onboarding digest reads: an account's subgraph and our reps (one viewer's view of the store)."""

    def company_subgraph(self, company_id: str) -> nx.MultiDiGraph[str]: ...
    def group_subgraph(self, company_id: str) -> nx.MultiDiGraph[str]: ...
    def reps(self) -> list[dict[str, Any]]: ...


def account_onboarding(
    store: AccountReads,
    company_id: str,
    new_owner: str,
    as_of: dt.date,
    whole_group: bool = False,
    previous_owners: list[str] | None = None,
) -> OnboardingDigest:
    """The onboarding digest of a company (or its whole group) for a new owner, who may know nobody there yet."""
    graph = store.group_subgraph(company_id) if whole_group else store.company_subgraph(company_id)
    return _digest(graph, _reps_by_id(store.reps()), new_owner, as_of, previous_owners)


def _reps_by_id(reps: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {str(r["id"]): r for r in reps}


def _digest(
    graph: nx.MultiDiGraph[str],
    reps: dict[str, dict[str, Any]],
    new_owner: str,
    as_of: dt.date,
    previous_owners: list[str] | None,
) -> OnboardingDigest:
    """``onboarding_digest`` after adding the reps it names that have no tie to the account yet."""
    for rep_id in (new_owner, *(previous_owners or ())):
        if rep_id not in reps:
            raise NotFound(f"no rep with id {rep_id!r}")
        if node_key("Rep", rep_id) not in graph:
            graph.add_node(node_key("Rep", rep_id), label="Rep", **reps[rep_id])
    return onboarding_digest(graph, new_owner, as_of, previous_owners)


class AccountHandover(BaseModel):
    company_id: str
    successor: str
    opportunities_moved: list[str]
    claim_transferred: bool
    """The leaving rep held a live claim here; the successor now holds one from the handover day."""
    relationships: list[HandoverItem]
    """The leaving rep's relationships here, most important first: what the successor must re-establish."""


class Handover(BaseModel):
    rep_id: str
    on: dt.date
    accounts: list[AccountHandover]


def hand_over(
    store: GraphStore,
    leaving: str,
    successors: dict[str, str],
    on: dt.date,
    who: str,
    why: str = "",
    policy: ClaimPolicy | None = None,
    *,
    viewer: Viewer,
) -> Handover:
    """Mark ``leaving`` as left on ``on`` and give each account (company id → successor rep id) its new owner.

    The successor takes over the account's open opportunities and, where the
    leaving rep held a live claim, a claim of their own from ``on`` (the old
    one stops protecting the day its holder left). The leaving rep's
    relationships and touches stay in the graph, attributed to them, and come
    back as the transfer list. Nothing is deleted. The history records the
    handover as ``who``'s, with the note ``why``. Claims are judged by ``policy``.

    ``viewer`` must be allowed to hand ``leaving`` over (a rep they lead, never
    themselves or anyone above them) and to act for every successor (a lead's
    accounts stay in the teams they lead); otherwise nothing is written.
    """
    reps = _reps_by_id(store.accounts.reps())
    for rep_id in (leaving, *successors.values()):
        if rep_id not in reps:
            raise NotFound(f"no rep with id {rep_id!r}")
    if leaving in successors.values():
        raise NotFound(f"{leaving!r} is leaving and cannot take over an account")
    _may_hand_over(viewer, leaving, successors, reps)
    held = {
        c.scope_id: c
        for c in claims_report(store.subgraphs.claims(), on, policy).claims
        if c.rep_id == leaving and c.status == "live"
    }
    roots = group_roots({str(c["id"]): c.get("parent_id") for c in store.accounts.company_names()})
    accounts: list[AccountHandover] = []
    writes: list[Record] = []
    for company_id, successor in successors.items():
        graph = store.subgraphs.company(company_id)
        digest = _digest(graph, reps, successor, on, [leaving])
        moved = sorted(
            str(d["id"])
            for _, d in graph.nodes(data=True)
            if d["label"] == "Opportunity" and d.get("owner_id") == leaving and d.get("stage") not in CLOSED_STAGES
        )
        writes += [
            Opportunity.from_props({**graph.nodes[node_key("Opportunity", deal)], "owner_id": successor})
            for deal in moved
        ]
        claim = held.get(company_id) or held.get(roots.get(company_id, company_id))
        if claim is not None:
            channel = reps[successor].get("channel", Channel.DIRECT.value)
            writes.append(Claim(company_id=claim.company_id, rep_id=successor, channel=channel, claimed_on=on))
        accounts.append(
            AccountHandover(
                company_id=company_id,
                successor=successor,
                opportunities_moved=moved,
                claim_transferred=claim is not None,
                relationships=digest.handover,
            )
        )
    leaver = Rep.from_props({**reps[leaving], "status": Status.LEFT.value, "left_on": on})
    author = Author(who=who, source=ChangeSource.HANDOVER, action=Action.of(ActionCode.HAND_OVER, who=leaving), why=why)
    store.unit_of_work(lambda uow: uow.write([leaver, *writes], author=author))
    return Handover(rep_id=leaving, on=on, accounts=accounts)


def _may_hand_over(viewer: Viewer, leaving: str, successors: dict[str, str], reps: dict[str, dict[str, Any]]) -> None:
    """Refuse a handover the viewer may not make, naming the rep: nothing is written then."""

    def name(rep_id: str) -> str:
        return str(reps[rep_id].get("name", rep_id))

    if not viewer.hands_over(leaving):
        reason = f"you may not hand over {name(leaving)}'s accounts: only a rep you lead, not yourself or your manager"
        raise EditRefused([FieldProblem("leaving", leaving, reason, "not_yours_to_hand_over", {"rep": name(leaving)})])
    problems = [
        FieldProblem(
            "successor",
            successor,
            f"{name(successor)} is not in a team you lead: the account would leave it",
            "successor_not_yours",
            {"rep": name(successor)},
        )
        for successor in sorted(set(successors.values()))
        if not viewer.acts_for(successor)
    ]
    if problems:
        raise EditRefused(problems)


def company_graph_as_of(
    store: GraphStore, company_id: str, day: dt.date, whole_group: bool = False
) -> nx.MultiDiGraph[str]:
    """A company's (or group's) subgraph as the team knew it at the end of ``day``: later changes undone."""
    graph = store.subgraphs.group(company_id) if whole_group else store.subgraphs.company(company_id)
    later = store.history.changes_since(day)
    return rewind(graph, later, day) if later else graph


def contact_timeline(
    store: GraphStore, contact_id: str, limit: int = 200, as_of: dt.date | None = None
) -> list[TimelineItem]:
    """What happened to one contact and their relationships up to the end of ``as_of``, newest first."""
    key = node_key("Contact", contact_id)
    if store.records.node("Contact", contact_id) is None:
        raise NotFound(f"no contact with id {contact_id!r}")
    return timeline(store.history.changes_about([key], limit, as_of), [key], limit)


def account_timeline(
    store: GraphStore, company_id: str, limit: int = 200, as_of: dt.date | None = None
) -> list[TimelineItem]:
    """What happened in one company (its record, departments, people, deals, claims) up to ``as_of``, newest first."""
    keys = store.subgraphs.member_keys(company_id)
    return timeline(store.history.changes_about(keys, limit, as_of), keys, limit)
