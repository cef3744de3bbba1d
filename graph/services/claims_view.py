"""The claims report as every page and command reads it: one store read, one analysis."""

from __future__ import annotations

import datetime as dt
from typing import Protocol

import networkx as nx

from graph.analysis.claim_book import ClaimsReport, claims_report
from graph.domain.claim_policy import ClaimPolicy

__all__ = ["ClaimsReads", "claims_on"]


class ClaimsReads(Protocol):
    """What the claims report reads: the claims graph (``VisibleStore.claims_graph``)."""

    def claims_graph(self) -> nx.MultiDiGraph[str]: ...


def claims_on(reads: ClaimsReads, day: dt.date, policy: ClaimPolicy | None) -> ClaimsReport:
    """Every claim, collision, dispute and pool entry as they stand at the end of ``day`` under ``policy``.

    The report covers every enterprise (whether one is protected is asked of
    all of them); a page narrows its lists with ``VisibleStore.visible_claims``.
    """
    return claims_report(reads.claims_graph(), day, policy)
