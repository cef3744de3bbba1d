"""The portfolio's reads: per-company aggregates for every group, computed by the server."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from graph.domain.enums import Status
from graph.domain.model import US_VENDOR_ID
from graph.store import account_cypher as q
from graph.store.column_rows import columns
from graph.store.runner import Reader

__all__ = ["Portfolio", "PortfolioRows"]


@dataclass(frozen=True)
class PortfolioRows:
    """Everything the portfolio needs, aggregated by the server, one list of rows per concern.

    Rows arrive as the server streams them: numbers as numbers, unset values as ``None``.
    """

    roots: list[dict[str, Any]]
    companies: list[dict[str, Any]]
    purchases: list[dict[str, Any]]
    decision_makers: list[dict[str, Any]]
    known_decision_makers: list[dict[str, Any]]
    last_touches: list[dict[str, Any]]
    our_deals: list[dict[str, Any]]
    competitor_names: dict[str, str]


class Portfolio:
    """Reads for ``analysis.portfolio_rows.portfolio``, over one ``Reader``."""

    def __init__(self, reader: Reader) -> None:
        self._reader = reader

    def rows(self, decision_roles: Sequence[str]) -> PortfolioRows:
        """Per-company aggregates for every group, one statement per concern.

        ``decision_roles`` are the buying roles whose coverage counts.
        """
        people = {"roles": list(decision_roles), "active": Status.ACTIVE.value}
        reader = self._reader
        return PortfolioRows(
            roots=columns(reader, q.PORTFOLIO_ROOTS, unset=q.ROOTS_UNSET),
            companies=columns(reader, q.PORTFOLIO_COMPANIES, unset={"parent_id": ""}),
            purchases=columns(reader, q.PORTFOLIO_PURCHASES, unset={"since": ""}),
            decision_makers=columns(reader, q.PORTFOLIO_DECISION_MAKERS, people),
            known_decision_makers=columns(reader, q.PORTFOLIO_KNOWN_DECISION_MAKERS, people),
            last_touches=columns(reader, q.PORTFOLIO_LAST_TOUCH),
            our_deals=columns(reader, q.OUR_DEALS, {"us": US_VENDOR_ID}),
            competitor_names={str(r["id"]): str(r["name"]) for r in reader.read(q.COMPETITOR_NAMES)},
        )
