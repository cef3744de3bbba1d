"""Reads of single records and lines: what an edit or an import checks before it writes, and the export.

Over one ``Reader``: the runner for checks before a unit of work, the unit's
own transaction for what it must see as it stands (``unit_of_work``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from graph.domain.model import US_VENDOR_ID
from graph.store import record_cypher as q
from graph.store.column_rows import batches, columns, existing_ids
from graph.store.cypher import ANY_NODE, ANY_OF_LABEL, FETCH_NODES
from graph.store.runner import Reader

__all__ = ["Records"]


class Records:
    """Stored records by label and id, the hierarchies' lines, and every record of an import stem."""

    def __init__(self, reader: Reader) -> None:
        self._reader = reader

    def is_empty(self) -> bool:
        return not self._reader.read(ANY_NODE)

    def empty_labels(self, labels: Iterable[str]) -> frozenset[str]:
        """Which of ``labels`` have no node at all (an import into them creates every node it sends)."""
        return frozenset(label for label in labels if not self._reader.read(ANY_OF_LABEL[label]))

    def existing_ids(self, label: str, ids: Iterable[str]) -> set[str]:
        """Which of ``ids`` exist as ``label`` nodes (reference checks before an import writes)."""
        return existing_ids(self._reader, label, ids)

    def properties(self, label: str, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """The stored properties of each ``label`` node among ``ids`` (an import checks rows against them)."""
        found: dict[str, dict[str, Any]] = {}
        for batch in batches(sorted(set(ids))):
            for row in self._reader.read(FETCH_NODES[label], {"ids": list(batch)}):
                found[str(row["id"])] = dict(row["props"])
        return found

    def node(self, label: str, node_id: str) -> dict[str, Any] | None:
        """One node's stored properties (``version`` included), or ``None``."""
        rows = self._reader.read(FETCH_NODES[label], {"ids": [node_id]})
        return dict(rows[0]["props"]) if rows else None

    def lines(self, label: str) -> list[tuple[str, str]]:
        """Every stored (lower, upper) line of ``label``'s hierarchy (``record_cypher.LINES``)."""
        return [(str(r["lower"]), str(r["upper"])) for r in columns(self._reader, q.LINES[label])]

    def managers(self, contact_id: str) -> list[str]:
        """Whom the contact reports to, as stored."""
        return sorted(str(r["id"]) for r in self._reader.read(q.MANAGERS, {"id": contact_id}))

    def line_up(self, label: str, upper: str, lower: str) -> list[tuple[str, str]]:
        """(id, name) along the line from ``upper`` up to ``lower`` (reporting, branch or department lines).

        Empty when there is none; when there is one, making ``upper`` the
        superior of ``lower`` would close a cycle.
        """
        rows = self._reader.read(q.LINE_UP[label], {"upper": upper, "lower": lower})
        return list(zip(rows[0]["ids"], rows[0]["names"], strict=True)) if rows else []

    def same_person(self, company_id: str, contact_id: str, phone: str | None, email: str | None) -> dict[str, Any]:
        """Another contact of ``company_id`` with this phone or e-mail (id, name, phone, email), or ``{}``."""
        if not phone and not email:
            return {}
        params = {"company": company_id, "id": contact_id, "phone": phone, "email": email}
        rows = self._reader.read(q.SAME_PERSON, params)
        return rows[0] if rows else {}

    def export_rows(self, stem: str) -> list[dict[str, Any]]:
        """Every stored record of one import stem, in that stem's columns (``record_cypher.EXPORT``)."""
        return self._reader.read(q.EXPORT[stem], {"us": US_VENDOR_ID})
