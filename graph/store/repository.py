"""GraphStore: the store every service and page goes through, knowing nothing of which server it is.

Reads are grouped by feature into read models over the runner
(``store.accounts``, ``store.subgraphs``, ``store.history``,
``store.portfolio``, ``store.records``); writes go through a unit of work
(``store.unit_of_work(work)``), which owns one transaction and the write
engine (``unit_of_work.UnitOfWork``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from graph.domain.relations import NODE_LABELS
from graph.store.accounts_reads import Accounts
from graph.store.cypher import DELETE_SOME
from graph.store.history_reads import History
from graph.store.portfolio_reads import Portfolio
from graph.store.record_reads import Records
from graph.store.runner import Runner
from graph.store.subgraph_reads import Subgraphs
from graph.store.unit_of_work import UnitOfWork

__all__ = ["CLEAR_BATCH", "GraphStore"]

CLEAR_BATCH = 10_000
_T = TypeVar("_T")


class GraphStore:
    """One ``Runner``, its read models, and units of work over it."""

    def __init__(self, runner: Runner) -> None:
        self.runner = runner
        self.accounts = Accounts(runner)
        self.subgraphs = Subgraphs(runner, self.accounts)
        self.history = History(runner)
        self.portfolio = Portfolio(runner)
        self.records = Records(runner)

    @property
    def kind(self) -> str:
        return self.runner.kind

    @property
    def address(self) -> str:
        return self.runner.address

    def ensure_schema(self) -> None:
        self.runner.ensure_schema(NODE_LABELS)

    def close(self) -> None:
        self.runner.close()

    def clear(self) -> None:
        """Delete every node and relationship (demo reset, test isolation), a batch at a time."""
        while self.runner.write(DELETE_SOME, {"batch": CLEAR_BATCH})[0]["deleted"]:
            pass
        self.accounts.forget_counts()

    def unit_of_work(self, work: Callable[[UnitOfWork], _T]) -> _T:
        """Run ``work`` on one unit of work: everything it writes lands, with its history, or nothing does.

        ``work`` may run again when the server asks for a retry (a deadlock on
        Neo4j, another client's write on FalkorDB), so it must compute what
        it writes from what the unit reads, e.g.
        ``store.unit_of_work(lambda uow: uow.write(records, author))``.
        """
        try:
            return self.runner.unit(lambda tx: work(UnitOfWork(tx)))
        finally:
            self.accounts.forget_counts()
