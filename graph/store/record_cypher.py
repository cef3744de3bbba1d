"""Statements that read single records and lines for the checks before a write, and every record for an export."""

from __future__ import annotations

from graph.domain.relations import HIERARCHIES
from graph.store.cypher import fill

__all__ = ["EXPORT", "LINES", "LINE_UP", "MANAGERS", "SAME_PERSON"]

LINE_UP: dict[str, str] = {
    label: fill(
        "MATCH p = (upper:<label> {id: $upper})-[:<type>*0..40]->(lower:<label> {id: $lower}) "
        "RETURN [n IN nodes(p) | n.id] AS ids, [n IN nodes(p) | n.name] AS names LIMIT 1",
        label=label,
        type=kind,
    )
    for label, kind in HIERARCHIES.items()
}
"""A line from a proposed superior (manager, parent company, parent department) up to the record itself:
making it the superior would close a cycle."""
LINES: dict[str, str] = {
    **{
        label: fill(
            "MATCH (a:<label>)-[:<type>]->(b:<label>) RETURN collect(a.id) AS lower, collect(b.id) AS upper",
            label=label,
            type=kind,
        )
        for label, kind in HIERARCHIES.items()
    },
    "Rep": "MATCH (a:Rep) WHERE a.manager_id IS NOT NULL RETURN collect(a.id) AS lower, collect(a.manager_id) AS upper",
}
"""Every stored line of one hierarchy (reporting, branch, department, rep manager), lower → upper, as columns:
an import checks that its own lines close no cycle with these."""
MANAGERS = "MATCH (:Contact {id: $id})-[:REPORTS_TO]->(m:Contact) RETURN m.id AS id"
SAME_PERSON = (
    "MATCH (c:Contact {company_id: $company}) WHERE c.id <> $id "
    "AND ((c.phone IS NOT NULL AND c.phone = $phone) OR (c.email IS NOT NULL AND c.email = $email)) "
    "RETURN c.id AS id, c.name AS name, c.phone AS phone, c.email AS email LIMIT 1"
)
"""Another contact of the same company with this phone or e-mail: the same person twice."""

EXPORT: dict[str, str] = {
    "companies": "MATCH (c:Company) RETURN c.id AS id, c.name AS name, c.parent_id AS parent_id, c.kind AS kind, "
    "c.city AS city, c.industry AS industry, c.tier AS tier, c.employees AS employees ORDER BY id",
    "org_units": "MATCH (u:OrgUnit) RETURN u.id AS id, u.company_id AS company_id, u.name AS name, "
    "u.parent_id AS parent_id ORDER BY id",
    "reps": "MATCH (r:Rep) RETURN r.id AS id, r.name AS name, r.role AS role, r.channel AS channel, r.team AS team, "
    "r.manager_id AS manager_id, r.status AS status, r.left_on AS left_on, r.email AS email ORDER BY id",
    "contacts": "MATCH (c:Contact) OPTIONAL MATCH (c)-[:REPORTS_TO]->(m:Contact) "
    "WITH c, collect(m.id) AS managers "
    "RETURN c.id AS id, c.name AS name, c.company_id AS company_id, c.unit_id AS unit_id, c.title AS title, "
    "c.level AS level, managers AS reports_to, c.phone AS phone, c.email AS email, c.buying_role AS buying_role, "
    "c.stance AS stance, c.status AS status, c.last_verified AS last_verified ORDER BY id",
    "influence": "MATCH (a:Contact)-[r:INFLUENCES]->(b:Contact) "
    "RETURN a.id AS from_id, b.id AS to_id, r.kind AS kind, r.weight AS weight ORDER BY from_id, to_id, kind",
    "relationships": "MATCH (r:Rep)-[k:KNOWS]->(c:Contact) RETURN r.id AS rep_id, c.id AS contact_id, "
    "k.closeness AS closeness, k.solution_acceptance AS solution_acceptance, k.price_acceptance AS price_acceptance, "
    "k.since AS since ORDER BY rep_id, contact_id",
    "interactions": "MATCH (r:Rep)-[t:TOUCHED]->(c:Contact) RETURN t.date AS date, r.id AS rep_id, c.id AS contact_id, "
    "t.kind AS kind, t.opportunity_id AS opportunity_id, t.note AS note ORDER BY date, rep_id, contact_id",
    "competitor_relationships": "MATCH (x:Competitor)-[k:KNOWS]->(c:Contact) "
    "RETURN x.name AS competitor, c.id AS contact_id, k.strength AS strength ORDER BY competitor, contact_id",
    "purchases": "MATCH (c:Company)-[b:BUYS]->(v:Vendor) OPTIONAL MATCH (x:Competitor {id: v.id}) "
    "RETURN c.id AS company_id, b.product AS product, b.category AS category, "
    "CASE WHEN v.id = $us THEN $us ELSE coalesce(x.name, v.id) END AS vendor, b.since AS since, "
    "b.amount AS amount ORDER BY company_id, product, vendor",
    "opportunities": "MATCH (o:Opportunity) RETURN o.id AS id, o.company_id AS company_id, o.name AS name, "
    "o.product AS product, o.stage AS stage, o.amount AS amount, o.owner_id AS owner_id, "
    "o.close_date AS close_date, o.stage_since AS stage_since ORDER BY id",
    "opportunity_roles": "MATCH (c:Contact)-[p:PLAYS]->(o:Opportunity) RETURN o.id AS opportunity_id, "
    "c.id AS contact_id, p.role AS role ORDER BY opportunity_id, contact_id, role",
    "claims": "MATCH (k:Claim) RETURN k.company_id AS company_id, k.rep_id AS rep_id, k.channel AS channel, "
    "k.claimed_on AS claimed_on, k.filed_at AS filed_at, k.released_on AS released_on, "
    "k.released_by AS released_by, k.transferred_to AS transferred_to, k.refusal AS refusal "
    "ORDER BY company_id, claimed_on, rep_id",
    "settlements": "MATCH (s:Settlement) RETURN s.claim_id AS claim_id, s.company_id AS company_id, "
    "s.other_rep_id AS other_rep_id, s.decision AS decision, s.settled_on AS settled_on, s.settled_by AS settled_by, "
    "s.holder_share AS holder_share, s.note AS note ORDER BY settled_on, claim_id, other_rep_id",
}
"""Everything in the store, one statement per import stem, in the import format's columns."""
