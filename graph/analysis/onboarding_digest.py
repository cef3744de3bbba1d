"""The onboarding digest: what a new owner of an inherited account must know in the first week.

Seed 003: when a key-account manager leaves, the political map and the
relationships leave too unless the system kept them. For an account (a
company, or a whole group) and its new owner the digest gathers:

- *key people*: the most influential contacts (``influence.py``) with role,
  stance and who on our side knows them and how well;
- *handover*: the previous owners' relationships, most important first
  (importance = the contact's influence × the relationship's strength). The
  previous owners are the reps named by the caller or, by default, reps who
  left and still hold relationships here, plus the owners of the account's
  open opportunities and the holders of its claims, other than the new owner;
- *open opportunities* with their gaps: buying roles nobody plays and decision
  makers nobody on our side knows well;
- *threats*: contacts a competitor is close to, and competitors' installs;
- *stale data*: contacts who left, and data not verified for 180 days;
- *first meetings*: five people to meet first, each with a one-line reason.
  Rank = influence × (1 − what the new owner already has with them / 100) ×
  (1 + 0.6 for an unknown decision maker + 0.4 for a relationship to carry
  over + 0.3 for a role on an open deal + 0.2 for a supporter or champion).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import networkx as nx
from pydantic import BaseModel

from graph.analysis._graph import day, day_or_none, edges_of, has_left, nodes_of
from graph.analysis.coverage import DEFAULT_THRESHOLD
from graph.analysis.decision_roles import (
    CLOSED_STAGES,
    DECISION_ROLES,
    STALE_AFTER_DAYS,
    ChainContact,
    deal_roles,
    decision_chain,
)
from graph.analysis.strength import DEFAULT_HALF_LIFE_DAYS, StrengthScore
from graph.domain.enums import BuyingRole, Stance, Status
from graph.domain.keys import node_key

__all__ = [
    "FIRST_MEETINGS",
    "KEY_PEOPLE",
    "FirstMeeting",
    "HandoverItem",
    "KeyPerson",
    "OnboardingDigest",
    "OpenOpportunity",
    "StaleContact",
    "Threat",
    "onboarding_digest",
]

KEY_PEOPLE = 10
_PERSON_FIELDS = {"id", "name", "title", "company_id", "influence", "buying_role", "stance"}
"""What a key person carries over from the decision chain's contact."""
_RELATIONSHIP_FIELDS = {"rep_id", "rep_name", "rep_left", "contact_id", "contact_name", "days_since_last_touch"}
"""What a handover item carries over from the relationship's strength score."""
FIRST_MEETINGS = 5
ALLIES = (Stance.SUPPORTER,)


class Acquaintance(BaseModel):
    rep_id: str
    rep_name: str
    strength: float
    rep_left: bool


class KeyPerson(BaseModel):
    id: str
    name: str
    title: str | None
    company_id: str | None
    influence: float
    buying_role: str
    stance: str
    known_by: list[Acquaintance]
    new_owner_strength: float


class HandoverItem(BaseModel):
    rep_id: str
    rep_name: str
    rep_left: bool
    contact_id: str
    contact_name: str
    title: str | None
    strength: float
    influence: float
    importance: float
    days_since_last_touch: int | None
    new_owner_strength: float


class OpenOpportunity(BaseModel):
    id: str
    name: str
    company_id: str | None
    stage: str
    amount: float | None
    close_date: dt.date | None
    owner_id: str | None
    missing_roles: list[str]
    uncovered_decision_makers: list[str]


class Threat(BaseModel):
    kind: str
    """``competitor_tie`` (a competitor is close to a contact) or ``competitor_install``."""
    competitor: str
    contact_id: str | None
    company_id: str | None
    detail: str
    """The threat in one English sentence (the CLI's); pages compose theirs from the fields below."""
    contact_name: str | None = None
    strength: int | None = None
    """How close the competitor is to the contact, 1–5 (``competitor_tie``)."""
    category: str | None = None
    product: str | None = None
    since: str | None = None


class StaleContact(BaseModel):
    contact_id: str
    name: str
    reason: str
    """In English (the CLI's); pages compose theirs from ``kind`` and ``since``."""
    kind: str
    """``left``, ``never_verified`` or ``not_verified``."""
    since: str | None = None
    """The day last verified, for ``not_verified``."""


class FirstMeeting(BaseModel):
    contact_id: str
    name: str
    title: str | None
    reason: str
    """In English (the CLI's); pages compose theirs from ``why`` and the facts below."""
    why: str
    """``unknown_decider``, ``carry_over``, ``on_deal``, ``ally`` or ``influential``."""
    role: str | None = None
    """The buying role (``unknown_decider``) or the role played in the deal (``on_deal``)."""
    rep_name: str | None = None
    strength: float | None = None
    deal_name: str | None = None
    influence: float


class OnboardingDigest(BaseModel):
    company_ids: list[str]
    new_owner: str
    new_owner_name: str
    previous_owners: list[str]
    previous_owner_names: list[str]
    as_of: dt.date
    key_people: list[KeyPerson]
    handover: list[HandoverItem]
    open_opportunities: list[OpenOpportunity]
    threats: list[Threat]
    stale: list[StaleContact]
    first_meetings: list[FirstMeeting]


def _previous_owners(
    graph: nx.MultiDiGraph[str], new_owner: str, scope: set[str], strengths: list[StrengthScore]
) -> list[str]:
    owners = {s.rep_id for s in strengths if s.rep_left and s.contact_id in scope}
    companies = set(graph.graph.get("companies", ()))
    for _, data in nodes_of(graph, "Opportunity"):
        if data.get("company_id") in companies and data.get("stage") not in CLOSED_STAGES and data.get("owner_id"):
            owners.add(str(data["owner_id"]))
    for _, data in nodes_of(graph, "Claim"):
        if data.get("company_id") in companies:
            owners.add(str(data["rep_id"]))
    return sorted(owners - {new_owner})


def _open_opportunities(
    graph: nx.MultiDiGraph[str], today: dt.date, threshold: float, half_life: float
) -> list[OpenOpportunity]:
    companies = set(graph.graph.get("companies", ()))
    deals = []
    for _, data in sorted(nodes_of(graph, "Opportunity")):
        if data.get("company_id") not in companies or data.get("stage") in CLOSED_STAGES:
            continue
        report = decision_chain(graph, today, str(data["id"]), threshold, half_life)
        deals.append(
            OpenOpportunity(
                id=str(data["id"]),
                name=str(data.get("name", data["id"])),
                company_id=data.get("company_id"),
                stage=str(data.get("stage", "")),
                amount=data.get("amount"),
                close_date=day_or_none(data.get("close_date")),
                owner_id=data.get("owner_id"),
                missing_roles=report.missing_roles,
                uncovered_decision_makers=report.uncovered_decision_makers,
            )
        )
    return sorted(deals, key=lambda d: (d.close_date or dt.date.max, d.id))


def _threats(graph: nx.MultiDiGraph[str], scope: set[str]) -> list[Threat]:
    found = []
    for rival, person, data in edges_of(graph, "KNOWS"):
        if graph.nodes[rival]["label"] != "Competitor" or graph.nodes[person]["id"] not in scope:
            continue
        strength = int(data.get("strength", 0))
        if strength >= 3:
            found.append(
                Threat(
                    kind="competitor_tie",
                    competitor=str(graph.nodes[rival].get("name", graph.nodes[rival]["id"])),
                    contact_id=graph.nodes[person]["id"],
                    company_id=graph.nodes[person].get("company_id"),
                    detail=f"{graph.nodes[person].get('name')} is close to them ({strength}/5)",
                    contact_name=str(graph.nodes[person].get("name", graph.nodes[person]["id"])),
                    strength=strength,
                )
            )
    companies = set(graph.graph.get("companies", ()))
    for company, vendor, data in edges_of(graph, "BUYS"):
        if graph.nodes[company]["id"] in companies and not graph.nodes[vendor].get("is_us"):
            found.append(
                Threat(
                    kind="competitor_install",
                    competitor=str(graph.nodes[vendor].get("name", graph.nodes[vendor]["id"])),
                    contact_id=None,
                    company_id=graph.nodes[company]["id"],
                    detail=f"supplies {data.get('category')} ({data.get('product')}) since {data.get('since', '?')}",
                    category=data.get("category"),
                    product=data.get("product"),
                    since=data.get("since"),
                )
            )
    return sorted(  # one rival's installs at one company by category and product, never by row order
        found,
        key=lambda t: (t.kind, t.competitor, t.company_id or "", t.contact_id or "", t.category or "", t.product or ""),
    )


def _stale(graph: nx.MultiDiGraph[str], scope: set[str], today: dt.date) -> list[StaleContact]:
    found = []
    for _, data in sorted(nodes_of(graph, "Contact")):
        if data["id"] not in scope:
            continue
        verified = data.get("last_verified")
        if has_left(data):
            kind, reason = "left", "left the company"
        elif verified is None:
            kind, reason = "never_verified", "never verified"
        elif (today - day(verified)).days > STALE_AFTER_DAYS:
            kind, reason = "not_verified", f"not verified since {verified}"
        else:
            continue
        found.append(
            StaleContact(
                contact_id=data["id"],
                name=str(data.get("name", data["id"])),
                reason=reason,
                kind=kind,
                since=str(verified) if kind == "not_verified" else None,
            )
        )
    return found


def onboarding_digest(
    graph: nx.MultiDiGraph[str],
    new_owner: str,
    today: dt.date,
    previous_owners: list[str] | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    half_life_days: float = DEFAULT_HALF_LIFE_DAYS,
) -> OnboardingDigest:
    """The digest for the companies in ``graph`` (``graph.graph["companies"]``) and their new owner."""
    if node_key("Rep", new_owner) not in graph:
        raise ValueError(f"no rep {new_owner!r} known in this account")
    chain = decision_chain(graph, today, None, threshold, half_life_days)
    people = {c.id: c for c in chain.contacts}
    scope = set(people)
    by_contact: dict[str, list[StrengthScore]] = defaultdict(list)
    for score in chain.strengths:
        if score.contact_id in scope:
            by_contact[score.contact_id].append(score)
    mine = {s.contact_id: s.score for s in chain.strengths if s.rep_id == new_owner}
    owners = (
        previous_owners if previous_owners is not None else _previous_owners(graph, new_owner, scope, chain.strengths)
    )
    active = [c for c in chain.contacts if c.status == Status.ACTIVE]
    key_people = [
        KeyPerson(
            **c.model_dump(include=_PERSON_FIELDS),
            known_by=[
                Acquaintance(rep_id=s.rep_id, rep_name=s.rep_name, strength=s.score, rep_left=s.rep_left)
                for s in by_contact[c.id]
            ],
            new_owner_strength=mine.get(c.id, 0.0),
        )
        for c in active[:KEY_PEOPLE]
    ]
    handover = sorted(
        (
            HandoverItem(
                **s.model_dump(include=_RELATIONSHIP_FIELDS),
                title=people[s.contact_id].title,
                strength=s.score,
                influence=people[s.contact_id].influence,
                importance=round(people[s.contact_id].influence * s.score / 100, 4),
                new_owner_strength=mine.get(s.contact_id, 0.0),
            )
            for s in chain.strengths
            if s.rep_id in owners and s.contact_id in scope and people[s.contact_id].status == Status.ACTIVE
        ),
        key=lambda h: (-h.importance, h.contact_id, h.rep_id),
    )
    deals = _open_opportunities(graph, today, threshold, half_life_days)
    owner_data = graph.nodes[node_key("Rep", new_owner)]
    return OnboardingDigest(
        company_ids=sorted(graph.graph.get("companies", ())),
        new_owner=new_owner,
        new_owner_name=str(owner_data.get("name", new_owner)),
        previous_owners=owners,
        previous_owner_names=[str(graph.nodes.get(node_key("Rep", r), {}).get("name", r)) for r in owners],
        as_of=today,
        key_people=key_people,
        handover=handover,
        open_opportunities=deals,
        threats=_threats(graph, scope),
        stale=_stale(graph, scope, today),
        first_meetings=_first_meetings(graph, active, mine, handover, deals, set(chain.uncovered_decision_makers)),
    )


def _first_meetings(
    graph: nx.MultiDiGraph[str],
    active: list[ChainContact],
    mine: dict[str, float],
    handover: list[HandoverItem],
    deals: list[OpenOpportunity],
    uncovered: set[str],
) -> list[FirstMeeting]:
    carried = {
        h.contact_id: h for h in handover if h.strength >= DEFAULT_THRESHOLD and h.new_owner_strength < h.strength
    }
    open_deals = {d.id for d in deals}
    on_deal: dict[str, tuple[str, str]] = {}
    for contact, roles in deal_roles(graph).items():
        for role, deal in roles:
            if graph.nodes[deal]["id"] in open_deals:
                name = str(graph.nodes[deal].get("name", graph.nodes[deal]["id"]))
                on_deal.setdefault(graph.nodes[contact]["id"], (role, name))
    ranked = []
    for person in active:
        unknown_decider = person.id in uncovered and person.buying_role in DECISION_ROLES
        ally = person.stance in ALLIES or person.buying_role == BuyingRole.CHAMPION
        bonus = 0.6 * unknown_decider + 0.4 * (person.id in carried) + 0.3 * (person.id in on_deal) + 0.2 * ally
        score = person.influence * (1 - mine.get(person.id, 0.0) / 100) * (1 + bonus)
        meeting = {"contact_id": person.id, "name": person.name, "title": person.title, "influence": person.influence}
        if unknown_decider:
            role = person.buying_role
            meeting |= {"why": "unknown_decider", "role": role}
            meeting["reason"] = f"{role.replace('_', ' ')} nobody on our side knows well"
        elif person.id in carried:
            item = carried[person.id]
            meeting |= {"why": "carry_over", "rep_name": item.rep_name, "strength": item.strength}
            meeting["reason"] = (
                f"{item.rep_name} knew them well ({item.strength:.0f}): carry the relationship over before it fades"
            )
        elif person.id in on_deal:
            role, deal_name = on_deal[person.id]
            meeting |= {"why": "on_deal", "role": role, "deal_name": deal_name}
            meeting["reason"] = f"plays {role.replace('_', ' ')} on {deal_name}"
        elif ally:
            meeting |= {"why": "ally", "reason": "supports us: ask for a guide to the account's politics"}
        else:
            meeting |= {"why": "influential", "reason": f"among the most influential here ({person.influence:.0%})"}
        ranked.append((score, person.id, FirstMeeting.model_validate(meeting)))
    ranked.sort(key=lambda r: (-r[0], r[1]))
    return [meeting for _, _, meeting in ranked[:FIRST_MEETINGS]]
