"""Runner for Neo4j, through the official driver's ``execute_query``."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import neo4j
from neo4j import GraphDatabase, RoutingControl
from neo4j.exceptions import AuthError, Neo4jError, ServiceUnavailable, SessionExpired

from graph.errors import QueryFailed, StoreUnavailable
from graph.store.cypher import query_name
from graph.store.runner import Row
from graph.store.schema import NEO4J_INDEXES, NEO4J_UNIQUE_IDS

__all__ = ["Neo4jRunner"]


class Neo4jRunner:
    """One driver per process; each call is one managed transaction."""

    kind = "neo4j"

    def __init__(self, uri: str, user: str, password: str | None, database: str) -> None:
        self.address = uri
        self._database = database
        auth = (user, password) if password is not None else None
        try:
            self._driver = GraphDatabase.driver(
                uri, auth=auth, connection_timeout=5.0, connection_acquisition_timeout=10.0
            )
            self._driver.verify_connectivity()
        except AuthError as error:
            raise StoreUnavailable(f"store at {uri} refused the login for user {user!r}") from error
        except (ServiceUnavailable, SessionExpired, OSError, ValueError) as error:
            raise StoreUnavailable(f"store unreachable at {uri}: {_first_line(error)}") from error
        except Neo4jError as error:
            raise StoreUnavailable(f"store at {uri} is not usable: {_first_line(error)}") from error

    def read(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        return self._run(query, params, neo4j.RoutingControl.READ)

    def write(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        return self._run(query, params, RoutingControl.WRITE)

    def ensure_schema(self, labels: tuple[str, ...]) -> None:
        for label in labels:
            self.write(NEO4J_UNIQUE_IDS[label])
        for statement in NEO4J_INDEXES:
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
        return [record.data() for record in records]


def _first_line(error: BaseException) -> str:
    """The part of a driver message a user needs: the OS reason if there is one."""
    text = " ".join(str(error).split()) or type(error).__name__
    if "(reason " in text:
        text = text.rsplit("(reason ", 1)[1].rstrip(")")
    elif "handshake" in text:
        text = "something answers on that port, but not a Neo4j (Bolt) server"
    return re.sub(r"^\[Errno \d+\] ", "", text)
