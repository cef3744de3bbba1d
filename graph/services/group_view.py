"""Group expansion as the Group page and ``python -m graph expansion`` show it: the group read, then the analysis."""

from __future__ import annotations

import datetime as dt
from typing import Protocol

import networkx as nx

from graph.analysis.expansion import GroupExpansion, group_expansion
from graph.analysis.hq_signal import DEFAULT_MIN_BRANCHES, DEFAULT_MIN_SHARE, DEFAULT_WINDOW_DAYS
from graph.analysis.strength import DEFAULT_HALF_LIFE_DAYS
from graph.analysis.warm_path import DEFAULT_MAX_HOPS

__all__ = ["GroupReads", "expansion_view"]


class GroupReads(Protocol):
    """What expansion reads: one viewer's view of a group, and the product categories we sell."""

    def group_subgraph(self, company_id: str) -> nx.MultiDiGraph[str]: ...
    def our_categories(self) -> list[str]: ...


def expansion_view(
    reads: GroupReads,
    group_id: str,
    as_of: dt.date,
    min_branches: int = DEFAULT_MIN_BRANCHES,
    min_share: float = DEFAULT_MIN_SHARE,
    window_days: int = DEFAULT_WINDOW_DAYS,
    half_life_days: float = DEFAULT_HALF_LIFE_DAYS,
    avoid_opponents: bool = True,
    max_hops: int = DEFAULT_MAX_HOPS,
) -> GroupExpansion:
    """Tree, HQ signals and ranked targets of the group ``group_id`` belongs to, judged against our catalogue.

    The ways in keep a rep's limits (``warm_path``): no opponent in between, at most ``max_hops`` hops.
    """
    return group_expansion(
        reads.group_subgraph(group_id),
        as_of,
        reads.our_categories(),
        min_branches,
        min_share,
        window_days,
        half_life_days,
        avoid_opponents,
        max_hops,
    )
