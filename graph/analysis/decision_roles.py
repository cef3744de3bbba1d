"""The decision chain (决策链) of an account or one opportunity, and what is wrong with it.

One call gathers what a key-account manager needs at a glance: every contact
with influence, stance and our best relationship; the decision makers and the
ones nobody on our side knows; buying roles nobody plays; whether all our
access to the key people runs through one rep; opponents, blockers and
contacts a competitor is close to; people who left or whose data is stale.
``python -m graph chain`` prints this report as JSON; the page shows it as cards.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import networkx as nx
from pydantic import BaseModel

from graph.analysis._graph import day, edges_of, is_active, nodes_of
from graph.analysis.coverage import DEFAULT_THRESHOLD, Coverage, coverage
from graph.analysis.influence import influence_scores
from graph.analysis.strength import DEFAULT_HALF_LIFE_DAYS, StrengthScore, relationship_strengths
from graph.domain.enums import BuyingRole, Stage, Stance, Status
from graph.domain.keys import node_key

__all__ = [
    "ACCOUNT_ROLES",
    "CLOSED_STAGES",
    "DECISION_ROLES",
    "OPPORTUNITY_ROLES",
    "STALE_AFTER_DAYS",
    "ChainContact",
    "ChainReport",
    "CompetitorTie",
    "Finding",
    "deal_roles",
    "decision_chain",
    "roles_played",
]

DECISION_ROLES = (BuyingRole.ECONOMIC_BUYER, BuyingRole.DECISION_MAKER)
OPPORTUNITY_ROLES = (BuyingRole.ECONOMIC_BUYER, BuyingRole.TECHNICAL_EVALUATOR, BuyingRole.USER, BuyingRole.CHAMPION)
ACCOUNT_ROLES = (BuyingRole.ECONOMIC_BUYER, BuyingRole.TECHNICAL_EVALUATOR, BuyingRole.CHAMPION)
CLOSED_STAGES = (Stage.WON, Stage.LOST)
STALE_AFTER_DAYS = 180
COMPETITOR_CLOSE = 3
KEY_PEOPLE = 5


class ChainContact(BaseModel):
    id: str
    name: str
    title: str | None
    company_id: str | None
    level: int | None
    influence: float
    buying_role: str
    stance: str
    status: str
    best_rep: str | None
    best_rep_name: str | None
    best_strength: float


class CompetitorTie(BaseModel):
    contact_id: str
    competitor_id: str
    competitor_name: str
    strength: int


class Finding(BaseModel):
    """One card: what, how bad, about whom."""

    kind: str
    severity: str
    """``high``, ``medium`` or ``info``."""
    message: str
    contact_ids: list[str]


class ChainReport(BaseModel):
    company_ids: list[str]
    opportunity_id: str | None
    as_of: dt.date
    contacts: list[ChainContact]
    influence_ranking: list[str]
    decision_makers: list[str]
    uncovered_decision_makers: list[str]
    missing_roles: list[str]
    single_threaded: bool
    single_thread_rep: str | None
    opponents: list[str]
    competitor_ties: list[CompetitorTie]
    left: list[str]
    unverified: list[str]
    coverage: Coverage
    strengths: list[StrengthScore]
    findings: list[Finding]


def deal_roles(graph: nx.MultiDiGraph[str]) -> dict[str, list[tuple[str, str]]]:
    """Per contact key, ``(role, opportunity key)`` for every role they play in an open opportunity.

    The one place that says which deal roles count: the account's findings and
    the onboarding digest both read them from here, so one cannot say "nobody
    plays champion" while the other names the champion of an open deal.
    """
    found: dict[str, list[tuple[str, str]]] = {}
    for contact, deal, data in edges_of(graph, "PLAYS"):
        if graph.nodes[deal].get("stage") not in CLOSED_STAGES:
            found.setdefault(contact, []).append((str(data.get("role", BuyingRole.UNKNOWN)), deal))
    return {contact: sorted(roles) for contact, roles in found.items()}


def roles_played(graph: nx.MultiDiGraph[str], contacts: dict[str, str]) -> dict[str, set[str]]:
    """Per contact key of ``contacts``: the buying role of their record plus every role they play in an open deal.

    An account's roles are filled by what people are on record as *and* by what
    they do in the account's live deals: the champion of an open opportunity is
    the account's champion too.

    >>> g = nx.MultiDiGraph()
    >>> _ = g.add_node("Contact:a", label="Contact", id="a", buying_role="user")
    >>> _ = g.add_node("Opportunity:o", label="Opportunity", id="o", stage="bid")
    >>> _ = g.add_edge("Contact:a", "Opportunity:o", type="PLAYS", role="champion")
    >>> {key: sorted(roles) for key, roles in roles_played(g, {"Contact:a": "a"}).items()}
    {'Contact:a': ['champion', 'user']}
    """
    deals = deal_roles(graph)
    return {
        key: {str(graph.nodes[key].get("buying_role", BuyingRole.UNKNOWN))} | {role for role, _ in deals.get(key, [])}
        for key in contacts
    }


def _scope(graph: nx.MultiDiGraph[str], opportunity_id: str | None) -> tuple[dict[str, str], dict[str, str]]:
    """Contacts in scope (key → id) and, for an opportunity, the role each plays in it.

    An opportunity's people are those who play a role in it plus the active
    decision makers of its company: whoever signs for the company decides its
    deals too, whether or not the deal lists them (else a deal would report no
    unknown decision maker while the account has one). Only the roles played
    in the deal fill the deal's roles.
    """
    companies = set(graph.graph.get("companies", ()))
    contacts = {k: d["id"] for k, d in nodes_of(graph, "Contact") if not companies or d.get("company_id") in companies}
    if opportunity_id is None:
        return contacts, {}
    key = node_key("Opportunity", opportunity_id)
    if key not in graph:
        raise ValueError(f"no opportunity {opportunity_id!r} in this account")
    roles = {s: str(d["role"]) for s, t, d in edges_of(graph, "PLAYS") if t == key}
    deciders = [c for c in _company_deciders(graph, contacts, graph.nodes[key].get("company_id")) if c not in roles]
    return {k: graph.nodes[k]["id"] for k in [*roles, *deciders]}, roles


def _company_deciders(graph: nx.MultiDiGraph[str], contacts: dict[str, str], company: object) -> list[str]:
    """The active economic buyers and decision makers of one company among ``contacts``."""
    return [
        contact
        for contact in contacts
        if graph.nodes[contact].get("company_id") == company
        and is_active(graph.nodes[contact])
        and graph.nodes[contact].get("buying_role") in DECISION_ROLES
    ]


def _stale(data: dict[str, object], today: dt.date) -> bool:
    verified = data.get("last_verified")
    return verified is None or (today - day(verified)).days > STALE_AFTER_DAYS


def decision_chain(
    graph: nx.MultiDiGraph[str],
    today: dt.date,
    opportunity_id: str | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    half_life_days: float = DEFAULT_HALF_LIFE_DAYS,
) -> ChainReport:
    """The decision-chain report for the graph's companies, or for one opportunity in it."""
    scope, opportunity_roles = _scope(graph, opportunity_id)
    scores = influence_scores(graph).scores
    influence = {cid: scores[cid] for cid in scope.values()}
    strengths = relationship_strengths(graph, today, half_life_days)
    best = _best_ties(strengths, influence)
    rows = _chain_contacts(graph, scope, opportunity_roles, influence, best)
    deciders = _decision_makers(rows)
    covering_reps = _covering_reps(strengths, _key_people(rows, deciders), threshold)
    report = ChainReport(
        company_ids=sorted(graph.graph.get("companies", ())),
        opportunity_id=opportunity_id,
        as_of=today,
        contacts=rows,
        influence_ranking=[r.id for r in rows],
        decision_makers=deciders,
        uncovered_decision_makers=_uncovered(deciders, best, threshold),
        missing_roles=_missing_roles(graph, scope, opportunity_id, opportunity_roles),
        single_threaded=len(covering_reps) == 1,
        single_thread_rep=_only(covering_reps),
        opponents=_opponents(rows),
        competitor_ties=_competitor_ties(graph, scope),
        left=_gone(rows),
        unverified=_unverified(graph, scope, today),
        coverage=_reach(graph, influence, strengths, threshold),
        strengths=_in_scope(strengths, influence),
        findings=[],
    )
    report.findings = _findings(report)
    return report


def _best_ties(strengths: list[StrengthScore], influence: dict[str, float]) -> dict[str, StrengthScore]:
    """Per contact in scope, the strongest tie of a rep who is still with us (strengths come strongest first)."""
    best: dict[str, StrengthScore] = {}
    for s in strengths:
        if not s.rep_left and s.contact_id in influence and s.contact_id not in best:
            best[s.contact_id] = s
    return best


def _chain_contacts(
    graph: nx.MultiDiGraph[str],
    scope: dict[str, str],
    opportunity_roles: dict[str, str],
    influence: dict[str, float],
    best: dict[str, StrengthScore],
) -> list[ChainContact]:
    """The contacts in scope, most influential first; in a deal, the role they play there is their role."""
    rows = [
        _chain_contact(graph.nodes[key], cid, opportunity_roles.get(key), influence[cid], best.get(cid))
        for key, cid in scope.items()
    ]
    return sorted(rows, key=lambda r: (-r.influence, r.id))


def _chain_contact(
    data: Mapping[str, Any], cid: str, deal_role: str | None, influence: float, tie: StrengthScore | None
) -> ChainContact:
    return ChainContact(
        id=cid,
        name=str(data.get("name", cid)),
        title=data.get("title"),
        company_id=data.get("company_id"),
        level=data.get("level"),
        influence=influence,
        buying_role=str(data.get("buying_role", BuyingRole.UNKNOWN)) if deal_role is None else deal_role,
        stance=str(data.get("stance", Stance.UNKNOWN)),
        status=str(data.get("status", Status.ACTIVE)),
        best_rep=tie.rep_id if tie else None,
        best_rep_name=tie.rep_name if tie else None,
        best_strength=tie.score if tie else 0.0,
    )


def _decision_makers(rows: list[ChainContact]) -> list[str]:
    return [r.id for r in rows if r.buying_role in DECISION_ROLES and r.status == Status.ACTIVE]


def _uncovered(deciders: list[str], best: dict[str, StrengthScore], threshold: float) -> list[str]:
    """Decision makers nobody of ours knows at the threshold."""
    return [cid for cid in deciders if cid not in best or best[cid].score < threshold]


def _missing_roles(
    graph: nx.MultiDiGraph[str], scope: dict[str, str], opportunity_id: str | None, opportunity_roles: dict[str, str]
) -> list[str]:
    """The buying roles no active person plays; a decision maker stands in for the economic buyer."""
    wanted: tuple[BuyingRole, ...] = OPPORTUNITY_ROLES if opportunity_id else ACCOUNT_ROLES
    present = _present_roles(graph, opportunity_roles) if opportunity_id else _account_roles(graph, scope)
    stand_in = BuyingRole.DECISION_MAKER in present
    return [role for role in wanted if role not in present and not (role == BuyingRole.ECONOMIC_BUYER and stand_in)]


def _present_roles(graph: nx.MultiDiGraph[str], opportunity_roles: dict[str, str]) -> set[str]:
    """In a deal: the roles its active people play in it."""
    return {role for key, role in opportunity_roles.items() if is_active(graph.nodes[key])}


def _account_roles(graph: nx.MultiDiGraph[str], scope: dict[str, str]) -> set[str]:
    """In an account: the roles its active people are on record as or play in an open deal."""
    played = roles_played(graph, scope)
    return {role for key in scope if is_active(graph.nodes[key]) for role in played[key]}


def _key_people(rows: list[ChainContact], deciders: list[str]) -> set[str]:
    """The decision makers and the most influential active contacts."""
    return set(deciders) | {r.id for r in rows[:KEY_PEOPLE] if r.status == Status.ACTIVE}


def _covering_reps(strengths: list[StrengthScore], key_people: set[str], threshold: float) -> set[str]:
    """Our reps still with us who know a key person at the threshold."""
    return {s.rep_id for s in strengths if not s.rep_left and s.contact_id in key_people and s.score >= threshold}


def _only(reps: set[str]) -> str | None:
    return next(iter(reps)) if len(reps) == 1 else None


def _opponents(rows: list[ChainContact]) -> list[str]:
    return [r.id for r in rows if r.stance == Stance.OPPONENT or r.buying_role == BuyingRole.BLOCKER]


def _gone(rows: list[ChainContact]) -> list[str]:
    return [r.id for r in rows if r.status == Status.LEFT]


def _unverified(graph: nx.MultiDiGraph[str], scope: dict[str, str], today: dt.date) -> list[str]:
    return [cid for key, cid in scope.items() if _stale(graph.nodes[key], today)]


def _competitor_ties(graph: nx.MultiDiGraph[str], scope: dict[str, str]) -> list[CompetitorTie]:
    """Contacts in scope a competitor is close to, closest first."""
    ties = [
        _competitor_tie(graph, competitor, contact, int(data.get("strength", 0)))
        for competitor, contact, data in edges_of(graph, "KNOWS")
        if graph.nodes[competitor]["label"] == "Competitor" and contact in scope
    ]
    close = [tie for tie in ties if tie.strength >= COMPETITOR_CLOSE]
    return sorted(close, key=lambda c: (-c.strength, c.contact_id, c.competitor_id))


def _competitor_tie(graph: nx.MultiDiGraph[str], competitor: str, contact: str, strength: int) -> CompetitorTie:
    rival = graph.nodes[competitor]
    return CompetitorTie(
        contact_id=graph.nodes[contact]["id"],
        competitor_id=rival["id"],
        competitor_name=str(rival.get("name", rival["id"])),
        strength=strength,
    )


def _reach(
    graph: nx.MultiDiGraph[str], influence: dict[str, float], strengths: list[StrengthScore], threshold: float
) -> Coverage:
    """Coverage against the target of the best (lowest) tier among the graph's companies."""
    companies = graph.graph.get("companies", ())
    tiers = [d.get("tier") for _, d in nodes_of(graph, "Company") if d["id"] in companies]
    return coverage(influence, strengths, tier=min((t for t in tiers if t), default=None), threshold=threshold)


def _in_scope(strengths: list[StrengthScore], influence: dict[str, float]) -> list[StrengthScore]:
    return [s for s in strengths if s.contact_id in influence]


def _names(report: ChainReport, ids: list[str], limit: int = 4) -> str:
    names = {c.id: c.name for c in report.contacts}
    shown = ", ".join(names.get(i, i) for i in ids[:limit])
    return shown + (f" and {len(ids) - limit} more" if len(ids) > limit else "")


def _findings(report: ChainReport) -> list[Finding]:
    """The cards, most urgent first, each one short sentence."""
    cards: list[Finding] = []

    def card(kind: str, severity: str, message: str, ids: list[str] | None = None) -> None:
        cards.append(Finding(kind=kind, severity=severity, message=message, contact_ids=ids or []))

    if report.uncovered_decision_makers:
        ids = report.uncovered_decision_makers
        card("uncovered", "high", f"Nobody on our side knows these decision makers well: {_names(report, ids)}", ids)
    if not report.decision_makers:
        card("no_decision_maker", "high", "No decision maker is identified yet")
    if report.missing_roles:
        card(
            "missing_roles",
            "high",
            "Nobody plays these roles yet: " + ", ".join(r.replace("_", " ") for r in report.missing_roles),
        )
    if report.single_threaded:
        rep = next((s.rep_name for s in report.strengths if s.rep_id == report.single_thread_rep), "one rep")
        card("single_threaded", "high", f"Single-threaded: all our access to the key people runs through {rep}")
    if report.opponents:
        card("opponents", "medium", f"Opponents and blockers: {_names(report, report.opponents)}", report.opponents)
    if report.competitor_ties:
        ids = [t.contact_id for t in report.competitor_ties]
        card("competitor", "medium", f"Close to a competitor: {_names(report, ids)}", ids)
    if report.left:
        card("left", "info", f"Left the company: {_names(report, report.left)}", report.left)
    if report.unverified:
        card(
            "unverified",
            "info",
            f"{len(report.unverified)} contacts not verified in {STALE_AFTER_DAYS} days",
            report.unverified,
        )
    return cards
