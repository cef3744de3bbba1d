"""Runner for Neo4j, through the official driver.

Single statements go through ``execute_query``; a unit of work is one managed
write transaction (``Session.execute_write``), which the driver retries whole
on a transient failure (a deadlock, a leader switch). Versions an edit
compares are locked first (``cypher.LOCK_VERSIONS``): under Neo4j's
read-committed isolation a plain read would let two edits pass the same check.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from neo4j import GraphDatabase, ManagedTransaction, Record, RoutingControl
from neo4j.exceptions import (
    AuthError,
    ConfigurationError,
    DriverError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
)

from graph.config.settings import neo4j_uri_problem
from graph.domain.errors import QueryFailed, StoreUnavailable
from graph.store.cypher import PING
from graph.store.runner import Row, Transaction
from graph.store.schema import (
    NEO4J_CONSTRAINT_NAMES,
    NEO4J_INDEX_NAMES,
    NEO4J_INDEXES,
    NEO4J_UNIQUE_IDS,
    neo4j_unique_id_name,
)
from graph.store.statements import query_name
from graph.store.write_cypher import LOCK_VERSIONS

__all__ = ["Neo4jRunner"]

_T = TypeVar("_T")
RETRY_S = 15.0
"""How long a unit of work is retried on a transient failure before the store counts as unreachable (driver: 30)."""
FETCH_SIZE = 20_000
"""Records per round trip (the driver's default is 1,000): whole-portfolio reads stream tens of thousands."""

# The driver logs what it also raises ("Unable to retrieve routing information"); with no logging set up, Python
# would print that to stderr as a second line next to kagraph's own. An app that configures logging still gets it.
logging.getLogger("neo4j").addHandler(logging.NullHandler())


class _Neo4jTransaction:
    """One managed transaction: reads run at once, writes wait in order until the work returns."""

    def __init__(self, tx: ManagedTransaction) -> None:
        self._tx = tx
        self.queued: list[tuple[str, dict[str, Any]]] = []

    def read(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        return _rows(self._tx.run(query, dict(params or {})))

    def write(self, query: str, params: Mapping[str, Any] | None = None) -> None:
        self.queued.append((query, dict(params or {})))

    def versions(self, label: str, ids: Iterable[str]) -> dict[str, int]:
        rows = self.read(LOCK_VERSIONS[label], {"ids": sorted(set(ids))})
        return {str(row["id"]): int(row["version"]) for row in rows}

    def flush(self) -> None:
        for query, params in self.queued:
            try:
                self._tx.run(query, params).consume()
            except Neo4jError as error:
                if error.is_retryable():
                    raise
                reason = _first_line(error)
                raise QueryFailed(f"query {query_name(query)} failed, nothing was saved: {reason}") from error


class Neo4jRunner:
    """One driver per process; each call is one managed transaction."""

    kind = "neo4j"

    def __init__(self, uri: str, user: str, password: str | None, database: str) -> None:
        self.address = uri
        self._database = database
        problem = neo4j_uri_problem(uri)
        if problem:  # http(s):// would open the driver's preview HTTP API (which needs aiohttp), not Bolt
            raise StoreUnavailable(f"store address {uri!r} {problem}")
        auth = (user, password) if password is not None else None
        try:
            self._driver = GraphDatabase.driver(
                uri,
                auth=auth,
                connection_timeout=5.0,
                connection_acquisition_timeout=10.0,
                notifications_min_severity="OFF",  # "label does not exist yet" on an empty graph is no news
                fetch_size=FETCH_SIZE,
                max_transaction_retry_time=RETRY_S,
            )
        except (ConfigurationError, ValueError) as error:
            raise StoreUnavailable(f"store address {uri!r} is not usable: {_first_line(error)}") from error
        try:
            self._check_login(user)
        except StoreUnavailable:
            self._driver.close()
            raise

    def _check_login(self, user: str) -> None:
        """Log in and read the database once; a failure is ``StoreUnavailable`` with a one-line reason."""
        uri, database = self.address, self._database
        try:
            self._driver.verify_connectivity()
        except AuthError as error:
            raise StoreUnavailable(f"store at {uri} refused the login for user {user!r}") from error
        except ConfigurationError as error:
            raise StoreUnavailable(f"store address {uri!r} is not usable: {_first_line(error)}") from error
        except (ServiceUnavailable, SessionExpired, OSError, ValueError) as error:
            raise StoreUnavailable(f"store unreachable at {uri}: {_first_line(error)}") from error
        except (Neo4jError, DriverError) as error:
            raise StoreUnavailable(f"store at {uri} is not usable: {_first_line(error)}") from error
        try:
            self.read(PING)
        except QueryFailed as error:
            raise StoreUnavailable(f"store at {uri} has no usable database {database!r}: {error}") from error

    def read(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        return self._run(query, params, RoutingControl.READ)

    def write(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        return self._run(query, params, RoutingControl.WRITE)

    def unit(self, work: Callable[[Transaction], _T]) -> _T:
        def attempt(tx: ManagedTransaction) -> _T:
            transaction = _Neo4jTransaction(tx)
            result = work(transaction)
            transaction.flush()
            return result

        try:
            with self._driver.session(database=self._database) as session:
                return session.execute_write(attempt)
        except (ServiceUnavailable, SessionExpired, OSError) as error:
            raise StoreUnavailable(f"store unreachable at {self.address}: {_first_line(error)}") from error
        except Neo4jError as error:
            raise QueryFailed(f"a write failed, nothing of it was saved: {_first_line(error)}") from error

    def ensure_schema(self, labels: tuple[str, ...]) -> None:
        """Create the id constraints and lookup indexes that are missing (``IF NOT EXISTS`` guards a race)."""
        constraints = {str(row["name"]) for row in self.read(NEO4J_CONSTRAINT_NAMES)}
        indexes = {str(row["name"]) for row in self.read(NEO4J_INDEX_NAMES)}
        for label in labels:
            if neo4j_unique_id_name(label) not in constraints:
                self.write(NEO4J_UNIQUE_IDS[label])
        for name, statement in NEO4J_INDEXES.items():
            if name not in indexes:
                self.write(statement)

    def close(self) -> None:
        self._driver.close()

    def _run(self, query: str, params: Mapping[str, Any] | None, routing: RoutingControl) -> list[Row]:
        try:
            records, _, _ = self._driver.execute_query(
                query, dict(params or {}), database_=self._database, routing_=routing
            )
        except (ServiceUnavailable, SessionExpired, OSError) as error:
            raise StoreUnavailable(f"store unreachable at {self.address}: {_first_line(error)}") from error
        except Neo4jError as error:
            raise QueryFailed(f"query {query_name(query)} failed: {_first_line(error)}") from error
        return _rows(records)


def _rows(records: Iterable[Record]) -> list[Row]:
    """Records as plain dicts. ``Record.data()`` re-walks every value for graph types kagraph never returns;
    zipping the keys with the values is what keeps 50,000-row reads (the portfolio) fast."""
    keys: list[str] | None = None
    rows = []
    for record in records:
        keys = keys if keys is not None else list(record.keys())
        rows.append(dict(zip(keys, record, strict=True)))
    return rows


def _first_line(error: BaseException) -> str:
    """The part of a driver message a user needs: the OS reason or the server's message, if there is one."""
    if isinstance(error, Neo4jError) and error.message:
        return " ".join(str(error.message).split())
    text = " ".join(str(error).split()) or type(error).__name__
    if "(reason " in text:
        text = text.rsplit("(reason ", 1)[1].rstrip(")")
    elif "handshake" in text:
        text = "something answers on that port, but not a Neo4j (Bolt) server"
    return re.sub(r"^\[Errno \d+\] ", "", text)
