"""Statements for the account lists: groups and their companies, names, reps, worked accounts, the portfolio."""

from __future__ import annotations

__all__ = [
    "ALL_REPS",
    "COMPANY_NAMES",
    "COMPETITOR_NAMES",
    "CONTACTS_PER_COMPANY",
    "CONTACT_COMPANY",
    "GROUP_COMPANIES",
    "GROUP_COMPANY_IDS",
    "GROUP_ROOT",
    "OUR_DEALS",
    "PHONE_COMPANIES",
    "PORTFOLIO_COMPANIES",
    "PORTFOLIO_DECISION_MAKERS",
    "PORTFOLIO_KNOWN_DECISION_MAKERS",
    "PORTFOLIO_LAST_TOUCH",
    "PORTFOLIO_PURCHASES",
    "PORTFOLIO_ROOTS",
    "REP_ACCOUNTS",
    "WORKED_ACCOUNTS",
]

GROUP_COMPANIES = (
    "MATCH (root:Company {id: $id})<-[:BRANCH_OF*0..]-(c:Company) "
    "RETURN DISTINCT c.id AS id, c.name AS name, c.parent_id AS parent_id, c.tier AS tier "
    "ORDER BY parent_id IS NOT NULL, name, id"
)
"""A group's companies, the root first, then by name and id, for pickers that need names, not the whole subgraph."""
GROUP_ROOT = (
    "MATCH (c:Company {id: $id})-[:BRANCH_OF*0..]->(root:Company) "
    "WHERE NOT (root)-[:BRANCH_OF]->() RETURN root.id AS id"
)
CONTACT_COMPANY = "MATCH (c:Contact {id: $id}) RETURN c.company_id AS company_id"
GROUP_COMPANY_IDS = "MATCH (root:Company {id: $id})<-[:BRANCH_OF*0..]-(c:Company) RETURN DISTINCT c.id AS id"

COMPETITOR_NAMES = "MATCH (x:Competitor) RETURN x.id AS id, x.name AS name"

PORTFOLIO_ROOTS = (
    "MATCH (c:Company) WHERE c.parent_id IS NULL "
    "RETURN collect(c.id) AS group_id, collect(c.name) AS name, collect(coalesce(c.tier, 0)) AS tier, "
    "collect(coalesce(c.industry, $blank)) AS industry"
)
"""Group roots and stand-alone companies."""
ROOTS_UNSET: dict[str, object] = {"tier": 0, "industry": ""}
"""``PORTFOLIO_ROOTS``' stand-ins for unset values."""
PORTFOLIO_COMPANIES = (
    "MATCH (c:Company) RETURN collect(c.id) AS company_id, collect(coalesce(c.parent_id, $blank)) AS parent_id, "
    "collect(coalesce(c.employees, 0)) AS employees"
)
"""Every company with its parent, so groups are resolved without a variable-length match per root."""
PORTFOLIO_PURCHASES = (
    "MATCH (c:Company)-[b:BUYS]->(v:Vendor) "
    "WITH c.id AS company_id, b.category AS category, v.id AS vendor, "
    "sum(coalesce(b.amount, 0.0)) AS amount, min(b.since) AS since "
    "RETURN collect(company_id) AS company_id, collect(category) AS category, collect(vendor) AS vendor, "
    "collect(amount) AS amount, collect(coalesce(since, $blank)) AS since"
)
"""Spend per company, category and vendor, with when it started."""
PORTFOLIO_DECISION_MAKERS = (
    "MATCH (p:Contact) WHERE p.buying_role IN $roles AND p.status = $active "
    "WITH p.company_id AS company_id, count(p) AS people "
    "RETURN collect(company_id) AS company_id, collect(people) AS people"
)
"""Active economic buyers and decision makers per company."""
PORTFOLIO_KNOWN_DECISION_MAKERS = (
    "MATCH (r:Rep)-[:KNOWS]->(p:Contact) WHERE r.status = $active AND p.buying_role IN $roles AND p.status = $active "
    "WITH p.company_id AS company_id, count(DISTINCT p) AS people "
    "RETURN collect(company_id) AS company_id, collect(people) AS people"
)
"""Of those, how many an active rep of ours knows, per company."""
CONTACTS_PER_COMPANY = (
    "MATCH (p:Contact) WITH p.company_id AS company_id, count(p) AS people "
    "RETURN collect(company_id) AS company_id, collect(people) AS people"
)
PORTFOLIO_LAST_TOUCH = (
    "MATCH (:Rep)-[t:TOUCHED]->(p:Contact) WITH p.company_id AS company_id, max(t.date) AS last_touch "
    "RETURN collect(company_id) AS company_id, collect(last_touch) AS last_touch"
)
OUR_DEALS = (
    "MATCH (c:Company)-[b:BUYS]->(:Vendor {id: $us}) "
    "RETURN collect(b.category) AS category, collect(coalesce(b.amount, 0.0)) AS amount, "
    "collect(coalesce(c.employees, 0)) AS employees"
)
"""Our installs by category with the buyer's head count: the catalogue and what a deal is worth."""

ALL_REPS = "MATCH (n:Rep) RETURN properties(n) AS props"
REP_ACCOUNTS = " UNION ".join(
    (
        "MATCH (o:Opportunity {owner_id: $rep}) WHERE NOT o.stage IN $closed RETURN o.company_id AS company_id",
        "MATCH (k:Claim {rep_id: $rep}) RETURN k.company_id AS company_id",
        "MATCH (:Rep {id: $rep})-[:KNOWS]->(c:Contact) RETURN c.company_id AS company_id",
    )
)
"""Companies a rep works: open opportunities they own, claims they made, people they know."""
WORKED_ACCOUNTS = " UNION ".join(
    (
        "MATCH (o:Opportunity) WHERE o.owner_id IN $reps AND NOT o.stage IN $closed RETURN o.company_id AS company_id",
        "UNWIND $reps AS rep MATCH (:Rep {id: rep})-[:KNOWS]->(c:Contact) RETURN c.company_id AS company_id",
    )
)
"""Companies where any of some reps owns an open opportunity or knows someone: a team's own accounts."""
COMPANY_NAMES = (
    "MATCH (c:Company) RETURN collect(c.id) AS id, collect(c.name) AS name, "
    "collect(coalesce(c.name_key, $blank)) AS name_key, collect(coalesce(c.parent_id, $blank)) AS parent_id, "
    "collect(coalesce(c.tier, 0)) AS tier"
)
"""Every company's name, normalised key, parent and tier (protection search, claims)."""
NAMES_UNSET: dict[str, object] = {"parent_id": "", "tier": 0}
"""``COMPANY_NAMES``' stand-ins for unset values."""
PHONE_COMPANIES = "MATCH (c:Contact {phone: $phone}) RETURN DISTINCT c.company_id AS company_id"
