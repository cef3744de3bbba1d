"""The portfolio, one line per group, as the Portfolio page and ``python -m graph portfolio`` show it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Protocol

from graph.analysis.decision_roles import DECISION_ROLES
from graph.analysis.portfolio_rows import PortfolioRow, portfolio
from graph.store.portfolio_reads import PortfolioRows

__all__ = ["PortfolioReads", "portfolio_lines"]


class PortfolioReads(Protocol):
    """What the portfolio reads: the server's per-company aggregates (``store.portfolio``)."""

    def rows(self, decision_roles: Sequence[str]) -> PortfolioRows: ...


def portfolio_lines(reads: PortfolioReads, as_of: dt.date, window_days: int) -> list[PortfolioRow]:
    """Every group's line as of ``as_of``, HQ waves looked for in the last ``window_days``.

    Coverage counts the decision roles (``DECISION_ROLES``), so the page and the
    command agree on what "covered" means.
    """
    return portfolio(**vars(reads.rows(DECISION_ROLES)), as_of=as_of, window_days=window_days)
