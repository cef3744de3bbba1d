"""Runner for FalkorDB (the embedded default), through its own RESP client.

Not over FalkorDB's Bolt port: there, string parameters with quotes fail,
backslashes change, floats lose digits and every error reads "unknown error".

FalkorDB has no multi-statement transaction, but one query is atomic (a
query that fails half-way is undone) and Redis can watch a key. A unit of
work therefore watches the graph's key, reads, and sends all its queued writes
as *one* query (each statement a ``CALL { … }`` subquery with its parameters
renamed apart) inside ``MULTI``/``EXEC``: if any other client wrote the graph
since the watch began, nothing is applied and the work runs again on fresh
reads, so versions compared during the reads still hold when the write lands.
kagraph's own writers also take turns through a lock in the server, so they
do not keep breaking each other's watch; the watch guards against the rest.
"""

from __future__ import annotations

import contextlib
import random
import re
import time
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from falkordb import FalkorDB
from falkordb.helpers import stringify_param_value
from falkordb.query_result import parse_scalar
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError, ResponseError, WatchError
from redis.exceptions import TimeoutError as RedisTimeoutError

from graph.domain.errors import QueryFailed, StoreUnavailable
from graph.store.cypher import PING
from graph.store.runner import Row, Transaction
from graph.store.schema import FALKOR_ALREADY_EXISTS, FALKOR_CONSTRAINTS, FALKOR_INDEX_LIST, FALKOR_INDEXES
from graph.store.statements import query_name
from graph.store.write_cypher import READ_VERSIONS

__all__ = ["FalkorRunner", "composite"]

_T = TypeVar("_T")
UNIT_ATTEMPTS = 40
"""How often a unit of work is tried again after another client wrote first, before the store counts as too busy."""
LOCK_TTL_S = 15.0
"""Units of work of kagraph's processes take turns through a lock in the server. Each read of a unit renews it,
so a long unit keeps it while a killed holder's lock lapses within seconds."""
LOCK_WAIT_S = 300.0
_PARAMETER = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")

_EMPTY_GRAPH = "empty key"
"""FalkorDB's answer to a read on a graph that holds nothing yet."""


class FalkorRunner:
    kind = "falkordb"

    def __init__(self, host: str, port: int, graph: str, password: str | None = None) -> None:
        """``password``: the embedded server's (``EmbeddedServer.password``); never part of ``address``."""
        self.address = f"redis://{host}:{port}/{graph}"
        self._db = FalkorDB(host=host, port=port, password=password, socket_connect_timeout=5, socket_timeout=300)
        self._name = graph
        self._graph = self._db.select_graph(graph)
        self.write(PING)

    def read(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        return self._run(query, params, read_only=True)

    def write(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        return self._run(query, params, read_only=False)

    def unit(self, work: Callable[[Transaction], _T]) -> _T:
        lock = self._db.connection.lock(
            f"kagraph:writer:{self._name}", timeout=LOCK_TTL_S, blocking_timeout=LOCK_WAIT_S
        )
        try:
            if not lock.acquire():
                raise StoreUnavailable(f"store at {self.address} is busy with another write; try again")
        except (RedisConnectionError, RedisTimeoutError, OSError) as error:
            raise StoreUnavailable(f"store unreachable at {self.address}: {error}") from error
        try:
            return self._watched(work, lock.reacquire)
        finally:
            with contextlib.suppress(RedisError):
                lock.release()

    def _watched(self, work: Callable[[Transaction], _T], keep_lock: Callable[[], bool]) -> _T:
        """Run ``work`` under a watch of the graph, again while another client wrote first."""
        for attempt in range(UNIT_ATTEMPTS):
            transaction = _FalkorTransaction(self, keep_lock)
            try:
                with self._db.connection.pipeline() as pipe:
                    pipe.watch(self._name)
                    result = work(transaction)
                    if transaction.queued:
                        query, params = composite(transaction.queued)
                        pipe.multi()
                        pipe.execute_command("GRAPH.QUERY", self._name, _with_parameters(query, params), "--compact")
                        pipe.execute()
                    return result
            except WatchError:
                time.sleep(random.uniform(0.005, 0.02) * (attempt + 1))  # noqa: S311 - jitter, not secrecy
            except (RedisConnectionError, RedisTimeoutError, OSError) as error:
                raise StoreUnavailable(f"store unreachable at {self.address}: {error}") from error
            except ResponseError as error:
                names = ", ".join(dict.fromkeys(query_name(q) for q, _ in transaction.queued))
                raise QueryFailed(f"a write ({names}) failed, nothing of it was saved: {error}") from error
        raise StoreUnavailable(f"store at {self.address} is too busy: other writes kept coming first; try again")

    def ensure_schema(self, labels: tuple[str, ...]) -> None:
        """Create the id constraints and indexes, then compact the append-only file if anything was new.

        Replaying an append-only file whose index creation sits among the
        writes rebuilds the graph without a usable index, so every ``MERGE``
        scans: 20,000 contacts took 99 s to reload. Rewriting the file right
        after the schema exists puts the index in its snapshot base, and the
        same reload takes a fraction of a second.
        """
        indexed = {(str(r["label"]), str(p)) for r in self.read(FALKOR_INDEX_LIST) for p in r["properties"]}
        unique = {str(r["label"]) for r in self.read(FALKOR_CONSTRAINTS) if r["type"] == "UNIQUE"}
        created = [
            self._tolerate_existing(lambda label=label: self._graph.create_node_unique_constraint(label, "id"))
            for label in labels
            if label not in unique
        ]
        created += [
            self._tolerate_existing(lambda statement=statement: self._graph.query(statement))
            for pair, statement in FALKOR_INDEXES.items()
            if pair not in indexed
        ]
        if any(created):
            with contextlib.suppress(RedisError):
                self._db.connection.bgrewriteaof()

    def close(self) -> None:
        self._db.close()

    def _run(self, query: str, params: Mapping[str, Any] | None, *, read_only: bool) -> list[Row]:
        command = "GRAPH.RO_QUERY" if read_only else "GRAPH.QUERY"
        try:
            reply = self._db.connection.execute_command(
                command, self._name, _with_parameters(query, params or {}), "--compact"
            )
            if reply and isinstance(reply[-1], ResponseError):  # a run-time error comes back in the reply
                raise reply[-1]
        except (RedisConnectionError, RedisTimeoutError, OSError) as error:
            raise StoreUnavailable(f"store unreachable at {self.address}: {error}") from error
        except ResponseError as error:
            if read_only and _EMPTY_GRAPH in str(error):
                return []
            raise QueryFailed(f"query {query_name(query)} failed: {error}") from error
        except RedisError as error:
            raise QueryFailed(f"query {query_name(query)} failed: {error}") from error
        if len(reply) < 3:  # statistics only: a write that returns nothing
            return []
        columns = [_text(column[1]) for column in reply[0]]
        return [dict(zip(columns, (self._value(cell) for cell in row), strict=True)) for row in reply[1]]

    def _value(self, cell: list[Any]) -> Any:
        """One value of FalkorDB's compact reply as plain Python: texts, numbers, lists and dicts.

        kagraph's statements return scalars, lists and maps only, so this reads
        them directly; it is what keeps a portfolio of 10,000 groups (several
        hundred thousand values) within seconds. Anything else (a node, a
        point) goes through the client's own parser.
        """
        kind, raw = cell
        if kind == _STRING:
            return _text(raw)
        if kind in (_INTEGER, _NULL):
            return raw if kind == _INTEGER else None
        if kind == _DOUBLE:
            return float(raw)
        if kind == _BOOLEAN:
            return _text(raw) == "true"
        if kind == _ARRAY:
            return [self._value(item) for item in raw]
        if kind == _MAP:
            return {_text(raw[i]): self._value(raw[i + 1]) for i in range(0, len(raw), 2)}
        return _plain(parse_scalar(cell, self._graph))

    def _tolerate_existing(self, create: Any) -> bool:
        """Run one schema statement; ``False`` when it already existed."""
        try:
            create()
        except ResponseError as error:
            if not any(text in str(error).lower() for text in FALKOR_ALREADY_EXISTS):
                raise QueryFailed(f"schema setup failed: {error}") from error
            return False
        except (RedisConnectionError, OSError) as error:
            raise StoreUnavailable(f"store unreachable at {self.address}: {error}") from error
        return True


class _FalkorTransaction:
    """Reads go straight to the server (the watch makes them safe); writes wait for the one query at the end."""

    def __init__(self, runner: FalkorRunner, keep_lock: Callable[[], bool]) -> None:
        self._runner = runner
        self._keep_lock = keep_lock
        self.queued: list[tuple[str, dict[str, Any]]] = []

    def read(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        with contextlib.suppress(RedisError):  # a lapsed lock costs a retry at worst: the watch still holds
            self._keep_lock()
        return self._runner.read(query, params)

    def write(self, query: str, params: Mapping[str, Any] | None = None) -> None:
        self.queued.append((query, dict(params or {})))

    def versions(self, label: str, ids: Iterable[str]) -> dict[str, int]:
        rows = self.read(READ_VERSIONS[label], {"ids": sorted(set(ids))})
        return {str(row["id"]): int(row["version"]) for row in rows}


def composite(statements: list[tuple[str, dict[str, Any]]]) -> tuple[str, dict[str, Any]]:
    """Several write statements as one query: each a unit ``CALL`` subquery with its ``$parameters`` renamed apart.

    A unit subquery (one without ``RETURN``) neither changes nor needs the
    outer rows, so the statements run in order exactly as they would alone.

    >>> query, params = composite([("MATCH (n {id: $id}) SET n.x = $x", {"id": "a", "x": 1}),
    ...                            ("CREATE (:B {id: $id})", {"id": "b"})])
    >>> query
    'CALL { MATCH (n {id: $s0_id}) SET n.x = $s0_x } CALL { CREATE (:B {id: $s1_id}) }'
    >>> params
    {'s0_id': 'a', 's0_x': 1, 's1_id': 'b'}
    """
    parts: list[str] = []
    params: dict[str, Any] = {}
    for index, (query, values) in enumerate(statements):
        renamed = _PARAMETER.sub(lambda match: f"$s{index}_{match.group(1)}", query)  # noqa: B023 - used at once
        parts.append("CALL { " + renamed + " }")
        params.update({f"s{index}_{name}": value for name, value in values.items()})
    return " ".join(parts), params


def _with_parameters(query: str, params: Mapping[str, Any]) -> str:
    """The query with FalkorDB's ``CYPHER name=value …`` header, as its client sends it."""
    header = " ".join(f"{name}={stringify_param_value(value)}" for name, value in params.items())
    return f"CYPHER {header} {query}" if header else query


_NULL, _STRING, _INTEGER, _BOOLEAN, _DOUBLE, _ARRAY, _MAP = 1, 2, 3, 4, 5, 6, 10
"""FalkorDB's compact value types (``falkordb.query_result.ResultSetScalarTypes``)."""


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value


def _plain(value: Any) -> Any:
    """FalkorDB returns OrderedDicts for maps; callers get plain dicts and lists."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value
