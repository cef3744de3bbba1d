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

import networkx as nx
from pydantic import BaseModel

from graph.analysis._graph import edges_of, nodes_of
from graph.analysis.coverage import DEFAULT_THRESHOLD, Coverage, coverage
from graph.analysis.influence import influence_scores
from graph.analysis.strength import DEFAULT_HALF_LIFE_DAYS, StrengthScore, relationship_strengths

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

DECISION_ROLES = ("economic_buyer", "decision_maker")
OPPORTUNITY_ROLES = ("economic_buyer", "technical_evaluator", "user", "champion")
ACCOUNT_ROLES = ("economic_buyer", "technical_evaluator", "champion")
CLOSED_STAGES = ("won", "lost")
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
            found.setdefault(contact, []).append((str(data.get("role", "unknown")), deal))
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
        key: {str(graph.nodes[key].get("buying_role", "unknown"))} | {role for role, _ in deals.get(key, [])}
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
    key = f"Opportunity:{opportunity_id}"
    if key not in graph:
        raise ValueError(f"no opportunity {opportunity_id!r} in this account")
    roles = {s: str(d["role"]) for s, t, d in edges_of(graph, "PLAYS") if t == key}
    company = graph.nodes[key].get("company_id")
    deciders = [
        contact
        for contact in contacts
        if graph.nodes[contact].get("company_id") == company
        and graph.nodes[contact].get("status", "active") == "active"
        and graph.nodes[contact].get("buying_role") in DECISION_ROLES
    ]
    return {k: graph.nodes[k]["id"] for k in [*roles, *(d for d in deciders if d not in roles)]}, roles


def _stale(data: dict[str, object], today: dt.date) -> bool:
    verified = data.get("last_verified")
    return verified is None or (today - dt.date.fromisoformat(str(verified))).days > STALE_AFTER_DAYS


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
    best: dict[str, StrengthScore] = {}
    for s in strengths:
        if not s.rep_left and s.contact_id in influence and s.contact_id not in best:
            best[s.contact_id] = s  # strengths come strongest first
    tiers = [d.get("tier") for _, d in nodes_of(graph, "Company") if d["id"] in graph.graph.get("companies", ())]
    reach = coverage(influence, strengths, tier=min((t for t in tiers if t), default=None), threshold=threshold)

    rows = []
    for key, cid in scope.items():
        data = graph.nodes[key]
        rows.append(
            ChainContact(
                id=cid,
                name=str(data.get("name", cid)),
                title=data.get("title"),
                company_id=data.get("company_id"),
                level=data.get("level"),
                influence=influence[cid],
                buying_role=opportunity_roles.get(key, str(data.get("buying_role", "unknown"))),
                stance=str(data.get("stance", "unknown")),
                status=str(data.get("status", "active")),
                best_rep=best[cid].rep_id if cid in best else None,
                best_rep_name=best[cid].rep_name if cid in best else None,
                best_strength=best[cid].score if cid in best else 0.0,
            )
        )
    rows.sort(key=lambda r: (-r.influence, r.id))
    ranking = [r.id for r in rows]
    deciders = [r.id for r in rows if r.buying_role in DECISION_ROLES and r.status == "active"]
    uncovered = [cid for cid in deciders if best.get(cid) is None or best[cid].score < threshold]
    wanted = OPPORTUNITY_ROLES if opportunity_id else ACCOUNT_ROLES
    if opportunity_id:
        present = {
            role for key, role in opportunity_roles.items() if graph.nodes[key].get("status", "active") == "active"
        }
    else:
        played = roles_played(graph, scope)
        present = {r for key in scope if graph.nodes[key].get("status", "active") == "active" for r in played[key]}
    missing = [
        role
        for role in wanted
        if role not in present and not (role == "economic_buyer" and "decision_maker" in present)
    ]
    key_people = set(deciders) | {r.id for r in rows[:KEY_PEOPLE] if r.status == "active"}
    covering_reps = {
        s.rep_id for s in strengths if not s.rep_left and s.contact_id in key_people and s.score >= threshold
    }
    competitor_ties = sorted(
        (
            CompetitorTie(
                contact_id=graph.nodes[t]["id"],
                competitor_id=graph.nodes[s]["id"],
                competitor_name=str(graph.nodes[s].get("name", graph.nodes[s]["id"])),
                strength=int(d.get("strength", 0)),
            )
            for s, t, d in edges_of(graph, "KNOWS")
            if graph.nodes[s]["label"] == "Competitor" and t in scope and int(d.get("strength", 0)) >= COMPETITOR_CLOSE
        ),
        key=lambda c: (-c.strength, c.contact_id, c.competitor_id),
    )
    report = ChainReport(
        company_ids=sorted(graph.graph.get("companies", ())),
        opportunity_id=opportunity_id,
        as_of=today,
        contacts=rows,
        influence_ranking=ranking,
        decision_makers=deciders,
        uncovered_decision_makers=uncovered,
        missing_roles=missing,
        single_threaded=len(covering_reps) == 1,
        single_thread_rep=next(iter(covering_reps)) if len(covering_reps) == 1 else None,
        opponents=[r.id for r in rows if r.stance == "opponent" or r.buying_role == "blocker"],
        competitor_ties=competitor_ties,
        left=[r.id for r in rows if r.status == "left"],
        unverified=[cid for key, cid in scope.items() if _stale(graph.nodes[key], today)],
        coverage=reach,
        strengths=[s for s in strengths if s.contact_id in influence],
        findings=[],
    )
    report.findings = _findings(report)
    return report


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
