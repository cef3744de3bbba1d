"""Reads of the history: what changed since a day, what touched given records, who looked at which accounts."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from graph.domain.access_chain import ChainReport, verify_chain
from graph.domain.changes import Change, ChangeSource, day_end
from graph.store import history_cypher as q
from graph.store.runner import Reader

__all__ = ["History"]


class History:
    """The ``Change`` records, read over one ``Reader``."""

    def __init__(self, reader: Reader) -> None:
        self._reader = reader

    def changes_since(self, day: dt.date) -> list[Change]:
        """Every change made after the end of ``day`` (UTC), oldest first."""
        rows = self._reader.read(q.CHANGES_SINCE, {"since": day_end(day)})
        return [Change.from_row(r["props"]) for r in rows]

    def access_log(self, since: dt.date, limit: int = 500) -> list[Change]:
        """The newest access records (``ChangeSource.ACCESS``) made on or after ``since``, newest first."""
        params = {"since": day_end(since - dt.timedelta(days=1)), "source": ChangeSource.ACCESS.value, "limit": limit}
        return [Change.from_row(r["props"]) for r in self._reader.read(q.ACCESS_LOG, params)]

    def access_head(self) -> dict[str, Any] | None:
        """The newest link of the access log's chain (``id``, ``seq``, ``hash``), ``None`` before the first."""
        rows = self._reader.read(q.ACCESS_HEAD)
        return rows[0] if rows else None

    def verify_access_log(self) -> ChainReport:
        """Walk the access log's hash chain: whether any record was taken out or changed, and where first."""
        unchained = self._reader.read(q.ACCESS_UNCHAINED, {"source": ChangeSource.ACCESS.value})
        rows = (r["props"] for r in self._reader.read(q.ACCESS_CHAIN))
        return verify_chain(rows, int(unchained[0]["n"]) if unchained else 0)

    def changes_about(self, keys: Iterable[str], limit: int = 200, as_of: dt.date | None = None) -> list[Change]:
        """The newest changes touching any of the nodes ``keys`` (``Contact:ct-1``), newest first.

        With ``as_of``, only changes made up to the end of that day (UTC).
        """
        until = day_end(as_of or dt.date.max - dt.timedelta(days=1))
        by_label: dict[str, set[str]] = defaultdict(set)
        for key in keys:
            label, node_id = key.split(":", 1)
            by_label[label].add(node_id)
        newest: dict[str, tuple[int, dict[str, Any]]] = {}
        for label, ids in sorted(by_label.items()):
            params = {"ids": sorted(ids), "limit": limit, "until": until}
            for row in self._reader.read(q.CHANGES_ABOUT[label], params):
                newest[str(row["props"]["id"])] = (int(row["stamp"]), row["props"])
        ordered = sorted(newest.values(), key=lambda pair: (pair[0], str(pair[1]["id"])), reverse=True)
        return [Change.from_row(props) for _, props in ordered[:limit]]

    def last_author(self, key: str) -> str:
        """Who last changed the node ``key``, or ``""`` when the history does not say."""
        latest = self.changes_about([key], limit=1)
        return latest[0].who if latest else ""
