"""The decision chain as the Decision chain page and ``python -m graph chain|strength|path`` compose it.

The page picks an opportunity from the account's graph before the report
and a target from the report before the paths, so the view is three calls:
``account_graph`` → ``chain_report`` → ``ways_in``.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol

import networkx as nx

from graph.analysis.coverage import DEFAULT_THRESHOLD
from graph.analysis.decision_roles import ChainReport, decision_chain
from graph.analysis.strength import DEFAULT_HALF_LIFE_DAYS, StrengthScore, relationship_strengths
from graph.analysis.warm_path import DEFAULT_MAX_HOPS, WarmPath, warm_paths
from graph.domain.errors import NotFound

__all__ = ["ChainReads", "account_graph", "account_strengths", "chain_report", "group_paths", "ways_in"]


class ChainReads(Protocol):
    """What the chain reads: one viewer's view of a company (now or as of a day) and of its group."""

    def company_subgraph(self, company_id: str) -> nx.MultiDiGraph[str]: ...
    def company_subgraph_as_of(self, company_id: str, day: dt.date) -> nx.MultiDiGraph[str]: ...
    def group_subgraph(self, company_id: str) -> nx.MultiDiGraph[str]: ...


def account_graph(reads: ChainReads, company_id: str, as_of: dt.date, today: dt.date) -> nx.MultiDiGraph[str]:
    """The company's subgraph as the team knew it at the end of ``as_of``; from ``today`` on, the current one."""
    if as_of < today:
        return reads.company_subgraph_as_of(company_id, as_of)
    return reads.company_subgraph(company_id)


def chain_report(
    graph: nx.MultiDiGraph[str],
    as_of: dt.date,
    opportunity_id: str | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    half_life_days: float = DEFAULT_HALF_LIFE_DAYS,
) -> ChainReport:
    """``decision_chain`` of the account, an opportunity it does not hold being ``NotFound``."""
    try:
        return decision_chain(graph, as_of, opportunity_id, threshold, half_life_days)
    except ValueError as error:
        raise NotFound(str(error)) from error


def ways_in(
    reads: ChainReads,
    account: nx.MultiDiGraph[str],
    group_id: str,
    target_id: str,
    as_of: dt.date,
    today: dt.date,
    from_rep: str | None = None,
    k: int = 3,
    half_life_days: float = DEFAULT_HALF_LIFE_DAYS,
    avoid_opponents: bool = True,
    max_hops: int = DEFAULT_MAX_HOPS,
) -> tuple[nx.MultiDiGraph[str], list[WarmPath]]:
    """The graph the paths run through and the ``k`` warmest paths to ``target_id`` in it, within the limits.

    Today's paths run over the whole group, as the Group page's "best way in"
    (introductions run through sibling branches too); a past day's over the
    account as it was then (``account``), the group having no past of its own.
    """
    ties = account if as_of < today else reads.group_subgraph(group_id)
    return ties, _paths(ties, target_id, as_of, from_rep, k, half_life_days, avoid_opponents, max_hops)


def group_paths(
    reads: ChainReads,
    company_id: str,
    target_id: str,
    as_of: dt.date,
    from_rep: str | None = None,
    k: int = 3,
    half_life_days: float = DEFAULT_HALF_LIFE_DAYS,
    avoid_opponents: bool = True,
    max_hops: int = DEFAULT_MAX_HOPS,
) -> list[WarmPath]:
    """The ``k`` warmest paths to ``target_id`` over the whole group of ``company_id`` (the target's company)."""
    ties = reads.group_subgraph(company_id)
    return _paths(ties, target_id, as_of, from_rep, k, half_life_days, avoid_opponents, max_hops)


def _paths(
    ties: nx.MultiDiGraph[str],
    target_id: str,
    as_of: dt.date,
    from_rep: str | None,
    k: int,
    half_life_days: float,
    avoid_opponents: bool,
    max_hops: int,
) -> list[WarmPath]:
    try:
        return warm_paths(ties, target_id, as_of, k, from_rep, half_life_days, avoid_opponents, max_hops)
    except ValueError as error:
        raise NotFound(str(error)) from error


def account_strengths(
    reads: ChainReads, company_id: str, as_of: dt.date, today: dt.date, half_life_days: float = DEFAULT_HALF_LIFE_DAYS
) -> list[StrengthScore]:
    """How well each rep knows each contact of the company as of ``as_of``, with the breakdown."""
    return relationship_strengths(account_graph(reads, company_id, as_of, today), as_of, half_life_days)
