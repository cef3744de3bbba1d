"""Influence score per contact (0–1): who carries weight in the buying decision.

Formula. Each contact starts from a *prior*: seniority (``1 / level``; level 1 is
the top, unknown level counts as 4) times the weight of their buying role
(economic buyer 1.0, decision maker 0.9, blocker and technical evaluator 0.6,
champion and influencer 0.5, gatekeeper 0.4, user and unknown 0.3); someone who
left keeps 30 % of it. Then *endorsements* flow: a report endorses their
manager (weight 1) and a contact influenced by someone endorses the influencer
(weight = the edge's weight). A personalised PageRank over these endorsements
(damping 0.85, restarts in proportion to the prior) spreads authority up the
hierarchy and toward the people others turn to, cycles included. The score is
the mean of the PageRank and the prior, each scaled so its maximum is 1.

Why: formal rank alone misses the "boss's ear" (seed 004), and influence edges
alone miss a new CFO nobody has mapped yet. The blend keeps both. Ties are
broken by contact id so the ranking is stable.
"""

from __future__ import annotations

from collections import defaultdict

import networkx as nx
from pydantic import BaseModel

from graph.analysis._graph import edges_of, has_left, nodes_of
from graph.domain.enums import BuyingRole

__all__ = ["ROLE_WEIGHTS", "InfluenceResult", "influence_scores"]

ROLE_WEIGHTS: dict[str, float] = {
    BuyingRole.ECONOMIC_BUYER: 1.0,
    BuyingRole.DECISION_MAKER: 0.9,
    BuyingRole.BLOCKER: 0.6,
    BuyingRole.TECHNICAL_EVALUATOR: 0.6,
    BuyingRole.CHAMPION: 0.5,
    BuyingRole.INFLUENCER: 0.5,
    BuyingRole.GATEKEEPER: 0.4,
    BuyingRole.USER: 0.3,
    BuyingRole.UNKNOWN: 0.3,
}
DAMPING = 0.85
UNKNOWN_LEVEL = 4
LEFT_FACTOR = 0.3


class InfluenceResult(BaseModel):
    scores: dict[str, float]
    """Contact id → influence, 0–1."""
    ranking: list[str]
    """Contact ids, most influential first."""


def _prior(data: dict[str, object]) -> float:
    level = data.get("level") or UNKNOWN_LEVEL
    weight = ROLE_WEIGHTS.get(str(data.get("buying_role", BuyingRole.UNKNOWN)), ROLE_WEIGHTS[BuyingRole.UNKNOWN])
    factor = LEFT_FACTOR if has_left(data) else 1.0
    return weight * factor / float(level)  # type: ignore[arg-type]


def _pagerank(
    endorsements: dict[str, dict[str, float]], prior: dict[str, float], rounds: int = 100
) -> dict[str, float]:
    """Personalised PageRank by power iteration (no SciPy needed for a few thousand people)."""
    total_prior = sum(prior.values())
    restart = {k: v / total_prior for k, v in prior.items()}
    rank = dict(restart)
    out_weight = {k: sum(targets.values()) for k, targets in endorsements.items()}
    for _ in range(rounds):
        dangling = sum(rank[k] for k in rank if not out_weight.get(k))
        new = {k: (1 - DAMPING + DAMPING * dangling) * restart[k] for k in rank}
        for source, targets in endorsements.items():
            share = DAMPING * rank[source] / out_weight[source]
            for target, weight in targets.items():
                new[target] += share * weight
        if sum(abs(new[k] - rank[k]) for k in rank) < 1e-10:
            return new
        rank = new
    return rank


def influence_scores(graph: nx.MultiDiGraph[str]) -> InfluenceResult:
    """Score every contact of ``graph``.

    >>> g = nx.MultiDiGraph()
    >>> for cid, level in (("ceo", 1), ("cfo", 2), ("clerk", 3)):
    ...     _ = g.add_node(f"Contact:{cid}", label="Contact", id=cid, level=level)
    >>> _ = g.add_edge("Contact:cfo", "Contact:ceo", type="REPORTS_TO")
    >>> _ = g.add_edge("Contact:clerk", "Contact:cfo", type="REPORTS_TO")
    >>> influence_scores(g).ranking
    ['ceo', 'cfo', 'clerk']
    """
    contacts = {key: data for key, data in nodes_of(graph, "Contact")}
    if not contacts:
        return InfluenceResult(scores={}, ranking=[])
    prior = {key: _prior(data) for key, data in contacts.items()}
    endorsements: dict[str, dict[str, float]] = defaultdict(dict)
    for report, manager, _ in edges_of(graph, "REPORTS_TO"):
        if report in contacts and manager in contacts and report != manager:
            endorsements[report][manager] = max(endorsements[report].get(manager, 0.0), 1.0)
    for source, target, data in edges_of(graph, "INFLUENCES"):
        if source in contacts and target in contacts and source != target:
            weight = float(data.get("weight", 0.5))
            endorsements[target][source] = max(endorsements[target].get(source, 0.0), weight)
    rank = _pagerank(endorsements, prior)
    top_rank, top_prior = max(rank.values()), max(prior.values())
    scores = {
        contacts[key]["id"]: round(0.5 * rank[key] / top_rank + 0.5 * prior[key] / top_prior, 4) for key in contacts
    }
    ranking = sorted(scores, key=lambda cid: (-scores[cid], cid))
    return InfluenceResult(scores=scores, ranking=ranking)
