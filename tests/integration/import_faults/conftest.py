"""The account every import fault is imported into: two companies with departments, contacts, a rep, a deal."""

from __future__ import annotations

import pytest

from graph.domain.model import Company, Competitor, Contact, Opportunity, OrgUnit, Rep
from graph.store import GraphStore


@pytest.fixture
def account(store: GraphStore) -> GraphStore:
    store.unit_of_work(
        lambda uow: uow.write(
            [
                Company(id="c1", name="Existing Co", tier=1),
                OrgUnit(id="u1", company_id="c1", name="IT"),
                Contact(id="p1", name="One", company_id="c1", unit_id="u1", phone="13800000001"),
                Contact(id="p2", name="Two", company_id="c1", reports_to=("p1",)),
                Rep(id="r1", name="Rep One"),
                Opportunity(id="o1", company_id="c1", name="Deal"),
                Competitor(id="apex", name="Apex"),
                Company(id="c2", name="Other Co", tier=2),
                OrgUnit(id="u2", company_id="c2", name="Finance"),
            ]
        )
    )
    return store
