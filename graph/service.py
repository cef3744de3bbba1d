"""Use cases that combine store reads with analyses, shared by the command line and the pages."""

from __future__ import annotations

import datetime as dt

from graph.analysis.claims import ClaimPolicy, claims_report
from graph.analysis.group_tree import group_roots
from graph.analysis.protection import ProtectionHit, find_protection
from graph.normalise import normalise_phone
from graph.store import GraphStore

__all__ = ["protection_search"]


def protection_search(
    store: GraphStore, query: str, as_of: dt.date, policy: ClaimPolicy | None = None
) -> list[ProtectionHit]:
    """Companies matching a name or a contact phone, each with the live claim protecting it."""
    companies = store.company_names()
    roots = group_roots({str(c["id"]): c.get("parent_id") for c in companies})
    phone = normalise_phone(query)
    phones = store.phone_companies(phone) if phone.isdigit() and len(phone) >= 5 else []
    report = claims_report(store.claims_graph(), as_of, policy)
    return find_protection(query, companies, roots, report, phones)
