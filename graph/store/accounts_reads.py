"""Reads of the account lists: groups and their companies, names and roots, reps and the accounts they work.

Plain rows, read over one ``Reader`` (the runner, or a unit of work's
transaction when a decision is taken on what is read).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable
from typing import Any

from graph.domain.enums import Stage
from graph.domain.errors import NotFound
from graph.domain.hierarchy import group_roots
from graph.domain.model import US_VENDOR_ID
from graph.domain.normalise import product_category
from graph.store import account_cypher as q
from graph.store.column_rows import columns
from graph.store.cypher import COUNT_LABEL, COUNT_TYPE
from graph.store.runner import Reader

__all__ = ["COUNTS_FRESH_S", "Accounts"]

COUNTS_FRESH_S = 5.0
"""How long the sidebar's counts are reused: every rerun of every page shows them."""
_CLOSED = [Stage.WON.value, Stage.LOST.value]


class Accounts:
    """The lists pages pick accounts from, and the figures the sidebar shows."""

    def __init__(self, reader: Reader) -> None:
        self._reader = reader
        self._counted: tuple[float, dict[str, int]] | None = None

    def counts(self) -> dict[str, int]:
        """Nodes per label plus ``relationships`` (the history's own links left out), for the sidebar.

        Per-label and per-type counts, which both servers answer from their
        statistics; reused for a few seconds, since every rerun of a page asks.
        """
        now = time.monotonic()
        if self._counted is not None and now - self._counted[0] < COUNTS_FRESH_S:
            return dict(self._counted[1])
        result = {}
        for label, query in COUNT_LABEL.items():
            rows = self._reader.read(query)
            if rows and int(rows[0]["n"]):
                result[label] = int(rows[0]["n"])
        result["relationships"] = sum(
            int(rows[0]["n"]) for query in COUNT_TYPE.values() if (rows := self._reader.read(query))
        )
        self._counted = (now, result)
        return dict(result)

    def forget_counts(self) -> None:
        """Count afresh next time: the store's own write changed them."""
        self._counted = None

    def groups(self) -> list[dict[str, Any]]:
        """Top-level companies (group roots and stand-alone companies) with their companies and people, by name.

        Groups are resolved from parent ids in Python: a variable-length match
        from every root took minutes at 10,000 groups.
        """
        companies = columns(self._reader, q.PORTFOLIO_COMPANIES, unset={"parent_id": ""})
        root_of = group_roots({c["company_id"]: c["parent_id"] or None for c in companies})
        sizes = Counter(root_of.values())
        people: Counter[str] = Counter()
        for row in columns(self._reader, q.CONTACTS_PER_COMPANY):
            company = str(row["company_id"])
            people[root_of.get(company) or company] += int(row["people"])
        roots = columns(self._reader, q.PORTFOLIO_ROOTS, unset=q.ROOTS_UNSET)
        rows = [
            {
                "id": r["group_id"],
                "name": r["name"],
                "tier": r["tier"] or None,
                "industry": r["industry"] or None,
                "companies": sizes[r["group_id"]],
                "contacts": people[r["group_id"]],
            }
            for r in roots
        ]
        return sorted(rows, key=lambda r: (str(r["name"]), str(r["id"])))

    def group_companies(self, company_id: str) -> list[dict[str, Any]]:
        """Every company of the group ``company_id`` belongs to (id, name, parent_id, tier), root first."""
        return self._reader.read(q.GROUP_COMPANIES, {"id": self.group_root(company_id)})

    def group_root(self, company_id: str) -> str:
        rows = self._reader.read(q.GROUP_ROOT, {"id": company_id})
        if not rows:
            raise NotFound(f"no company with id {company_id!r}")
        return str(rows[0]["id"])

    def group_company_ids(self, root_id: str) -> list[str]:
        """The ids of every company of the group whose root is ``root_id``."""
        return [str(row["id"]) for row in self._reader.read(q.GROUP_COMPANY_IDS, {"id": root_id})]

    def contact_company(self, contact_id: str) -> str:
        rows = self._reader.read(q.CONTACT_COMPANY, {"id": contact_id})
        if not rows:
            raise NotFound(f"no contact with id {contact_id!r}")
        return str(rows[0]["company_id"])

    def our_categories(self) -> list[str]:
        """The product categories we sell anywhere: the catalogue every group is measured against."""
        rows = columns(self._reader, q.OUR_DEALS, {"us": US_VENDOR_ID})
        return sorted({product_category(str(row["category"])) for row in rows})

    def reps(self) -> list[dict[str, Any]]:
        """Every rep of ours (id, name, role, channel, team, status …), by name."""
        rows = self._reader.read(q.ALL_REPS)
        return sorted((r["props"] for r in rows), key=lambda r: (str(r.get("name", "")), str(r["id"])))

    def rep_accounts(self, rep_id: str) -> list[str]:
        """Companies the rep works: open opportunities they own, their claims, people they know."""
        rows = self._reader.read(q.REP_ACCOUNTS, {"rep": rep_id, "closed": _CLOSED})
        return sorted({str(r["company_id"]) for r in rows if r["company_id"]})

    def worked_accounts(self, rep_ids: Iterable[str]) -> set[str]:
        """Companies where any of ``rep_ids`` owns an open opportunity or knows someone (visibility)."""
        params = {"reps": sorted(rep_ids), "closed": _CLOSED}
        return {str(r["company_id"]) for r in self._reader.read(q.WORKED_ACCOUNTS, params) if r["company_id"]}

    def company_names(self) -> list[dict[str, Any]]:
        """Every company's id, name, normalised name key, parent id and tier (``None`` when unset)."""
        return columns(self._reader, q.COMPANY_NAMES, unset=q.NAMES_UNSET)

    def company_roots(self) -> dict[str, str]:
        """Every company's id → its group root's id."""
        return group_roots({str(c["id"]): c.get("parent_id") for c in self.company_names()})

    def phone_companies(self, phone: str) -> list[str]:
        """Companies with a contact whose (normalised) phone is ``phone``, by id."""
        return sorted(str(r["company_id"]) for r in self._reader.read(q.PHONE_COMPANIES, {"phone": phone}))
