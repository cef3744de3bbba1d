"""Statements that read subgraphs: a company's or group's nodes and relationships, an account's members, the claims."""

from __future__ import annotations

from graph.domain.relations import COMPANY_MEMBER_LABELS
from graph.store.cypher import EDGE_COLUMNS, NODE_COLUMNS, fill

__all__ = ["CLAIMED_GROUP_TOUCHES", "CLAIM_NODES", "COMPANY_MEMBERS", "SUBGRAPH_EDGES", "SUBGRAPH_NODES"]

SUBGRAPH_NODES = " UNION ALL ".join(
    (
        "MATCH (n:Company) WHERE n.id IN $ids " + NODE_COLUMNS,
        *(
            fill("MATCH (n:<label>) WHERE n.company_id IN $ids ", label=label) + NODE_COLUMNS
            for label in COMPANY_MEMBER_LABELS
        ),
    )
)
"""Every node that belongs to the given companies, edges or not."""
COMPANY_MEMBERS = " UNION ALL ".join(
    (
        "MATCH (n:Company {id: $id}) RETURN labels(n)[0] AS label, n.id AS id",
        *(
            fill("MATCH (n:<label> {company_id: $id}) RETURN labels(n)[0] AS label, n.id AS id", label=label)
            for label in COMPANY_MEMBER_LABELS
        ),
    )
)
"""A company and what belongs to it, as labels and ids (whose history is the account's timeline)."""
SUBGRAPH_EDGES = " UNION ALL ".join(
    (
        "MATCH (a:Company) WHERE a.id IN $ids MATCH (a)-[r]->(b) " + EDGE_COLUMNS,
        "MATCH (a:OrgUnit) WHERE a.company_id IN $ids MATCH (a)-[r]->(b) " + EDGE_COLUMNS,
        "MATCH (a:Contact) WHERE a.company_id IN $ids MATCH (a)-[r]->(b) " + EDGE_COLUMNS,
        "MATCH (b:Contact) WHERE b.company_id IN $ids MATCH (a)-[r]->(b) WHERE NOT a:Contact AND NOT a:Change "
        + EDGE_COLUMNS,
        "MATCH (b:Contact) WHERE b.company_id IN $ids MATCH (a:Contact)-[r]->(b) WHERE NOT a.company_id IN $ids "
        + EDGE_COLUMNS,
        "MATCH (a:Opportunity) WHERE a.company_id IN $ids MATCH (a)-[r]->(b) " + EDGE_COLUMNS,
        "MATCH (a:Claim) WHERE a.company_id IN $ids MATCH (a)-[r]->(b) " + EDGE_COLUMNS,
    )
)
"""Every relationship touching the given companies' nodes, ends by label and id (not the history's ``ABOUT``)."""

CLAIM_NODES = " UNION ALL ".join(
    fill("MATCH (n:<label>) ", label=label) + NODE_COLUMNS for label in ("Rep", "Claim", "Settlement", "Opportunity")
)
"""Our reps, the claims and their settlements, and the opportunities whose stage changes renew them."""
CLAIMED_GROUP_TOUCHES = (
    "MATCH (:Claim)-[:ON]->(:Company)-[:BRANCH_OF*0..]->(root:Company) WHERE NOT (root)-[:BRANCH_OF]->() "
    "WITH DISTINCT root MATCH (root)<-[:BRANCH_OF*0..]-(m:Company) WITH collect(DISTINCT m.id) AS ids "
    "MATCH (a:Rep)-[r:TOUCHED]->(b:Contact) WHERE b.company_id IN ids " + EDGE_COLUMNS
)
"""Our touches of people in every group that holds a claim (collisions and renewals)."""
