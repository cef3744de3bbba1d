"""Every Cypher statement kagraph runs, as named constants shared by both servers.

Values always travel as ``$parameters``. Labels and relationship types cannot
be parameters in Cypher, so the few statements that vary by label are
templates filled only from the allow-lists below (``NODE_LABELS``, ``EDGES``)
and built once at import time into dictionaries of constants. Server-specific
statements (constraints, indexes) live in ``schema.py``, not here.

Whole-graph reads (the portfolio, group list and company names) come back as
one row of columns, one list per field: both drivers decode a long list
several times faster than as many rows (50,000 companies: 0.15 s instead of
1.1 s on Neo4j). No value is joined into a text, so nothing a spreadsheet
holds can break a row apart, and every column that may be unset is
``coalesce``d to a value no stored record has (an empty id or date, tier 0),
so the lists stay aligned; ``GraphStore._columns`` turns those back into ``None``.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "ACCESS_LOG",
    "ALL_REPS",
    "ANY_NODE",
    "ANY_OF_LABEL",
    "CHANGES_ABOUT",
    "CHANGES_SINCE",
    "CLAIMED_GROUP_TOUCHES",
    "CLAIM_NODES",
    "COMPANY_MEMBERS",
    "COMPANY_NAMES",
    "COMPETITOR_NAMES",
    "CONTACTS_PER_COMPANY",
    "CONTACT_COMPANY",
    "COUNT_LABEL",
    "COUNT_TYPE",
    "DELETE_EDGES",
    "DELETE_SOME",
    "DIFF_EDGES",
    "DIFF_NODES",
    "DROP_OTHER_EDGES",
    "EDGES",
    "EDGE_PROPS",
    "EXISTING_IDS",
    "EXPORT",
    "FETCH_NODES",
    "GROUP_COMPANIES",
    "GROUP_COMPANY_IDS",
    "GROUP_ROOT",
    "LINES",
    "LINE_UP",
    "LINK_CHANGE",
    "LOCK_VERSIONS",
    "MANAGERS",
    "NODE_LABELS",
    "OTHER_EDGES",
    "OUR_DEALS",
    "PHONE_COMPANIES",
    "PING",
    "PLACED",
    "PORTFOLIO_COMPANIES",
    "PORTFOLIO_DECISION_MAKERS",
    "PORTFOLIO_KNOWN_DECISION_MAKERS",
    "PORTFOLIO_LAST_TOUCH",
    "PORTFOLIO_PURCHASES",
    "PORTFOLIO_ROOTS",
    "READ_VERSIONS",
    "RECORD_CHANGE",
    "REP_ACCOUNTS",
    "SAME_PERSON",
    "SUBGRAPH_EDGES",
    "SUBGRAPH_NODES",
    "UPSERT_EDGES",
    "UPSERT_NODES",
    "WORKED_ACCOUNTS",
    "EdgeSpec",
    "query_name",
]

NODE_LABELS: tuple[str, ...] = (
    "Company",
    "OrgUnit",
    "Contact",
    "Rep",
    "Competitor",
    "Vendor",
    "Opportunity",
    "Claim",
    "Settlement",
    "Change",
)


@dataclass(frozen=True)
class EdgeSpec:
    """One kind of relationship: its type and the labels at both ends.

    Every stored relationship carries a ``key`` property; (type, source,
    target, key) identifies it, so ``MERGE`` on it is idempotent. ``single``
    relationships (a contact works in one place) replace an older target.
    """

    type: str
    source: str
    target: str
    single: bool = False

    @property
    def name(self) -> str:
        return f"{self.source}-{self.type}->{self.target}"


EDGES: dict[str, EdgeSpec] = {
    spec.name: spec
    for spec in (
        EdgeSpec("BRANCH_OF", "Company", "Company", single=True),
        EdgeSpec("PART_OF", "OrgUnit", "OrgUnit", single=True),
        EdgeSpec("PART_OF", "OrgUnit", "Company", single=True),
        EdgeSpec("WORKS_IN", "Contact", "OrgUnit", single=True),
        EdgeSpec("WORKS_IN", "Contact", "Company", single=True),
        EdgeSpec("REPORTS_TO", "Contact", "Contact"),
        EdgeSpec("INFLUENCES", "Contact", "Contact"),
        EdgeSpec("KNOWS", "Rep", "Contact"),
        EdgeSpec("TOUCHED", "Rep", "Contact"),
        EdgeSpec("KNOWS", "Competitor", "Contact"),
        EdgeSpec("BUYS", "Company", "Vendor"),
        EdgeSpec("AT", "Opportunity", "Company", single=True),
        EdgeSpec("PLAYS", "Contact", "Opportunity"),
        EdgeSpec("ON", "Claim", "Company", single=True),
        EdgeSpec("BY", "Claim", "Rep", single=True),
    )
}

PING = "RETURN 1 AS ok"

_FETCH_NODES = "MATCH (n:<label>) WHERE n.id IN $ids RETURN n.id AS id, properties(n) AS props"
_EXISTING_IDS = "MATCH (n:<label>) WHERE n.id IN $ids RETURN n.id AS id"
_ANY_OF_LABEL = "MATCH (n:<label>) RETURN n.id AS id LIMIT 1"
_UPSERT_NODES = (
    "UNWIND $rows AS row MERGE (n:<label> {id: row.id}) SET n += row.props, n.version = coalesce(n.version, 0) + 1"
)
_LOCK_VERSIONS = (
    "MATCH (n:<label>) WHERE n.id IN $ids SET n.version = coalesce(n.version, 0) + 0 "
    "WITH n RETURN n.id AS id, n.version AS version"
)
_READ_VERSIONS = "MATCH (n:<label>) WHERE n.id IN $ids RETURN n.id AS id, coalesce(n.version, 0) AS version"
_CHANGED_KEYS = (
    "WITH i, [k IN keys(row.props) "
    "WHERE NOT (old[k] = row.props[k]) OR (old[k] IS NULL) <> (row.props[k] IS NULL) | [k, old[k]]] AS before "
    "RETURN collect(i) AS found, collect(CASE WHEN size(before) > 0 THEN [i, before] END) AS changed"
)
"""Which of a row's properties differ from the stored ones, with the stored values.

Answered as one row of two lists (positions found; position and [key, stored value]
pairs where something differs): a re-import of unchanged data then reads back a list of
numbers instead of every record's properties, which took most of its time."""
_DIFF_NODES = (
    "UNWIND range(0, size($rows) - 1) AS i WITH i, $rows[i] AS row "
    "MATCH (n:<label> {id: row.id}) WITH i, row, properties(n) AS old " + _CHANGED_KEYS
)
_DIFF_EDGES = (
    "UNWIND range(0, size($rows) - 1) AS i WITH i, $rows[i] AS row "
    "MATCH (a:<source> {id: row.source})-[r:<type>]->(b:<target> {id: row.target}) WHERE r.key = row.key "
    "WITH i, row, properties(r) AS old " + _CHANGED_KEYS
)
_UPSERT_EDGES = (
    "UNWIND $rows AS row "
    "MATCH (a:<source> {id: row.source}) MATCH (b:<target> {id: row.target}) "
    "MERGE (a)-[r:<type> {key: row.key}]->(b) SET r += row.props"
)
_OTHER_EDGES_MATCH = (
    "UNWIND $rows AS row "
    "MATCH (a:<source> {id: row.source})-[r:<type>]->(b) "
    "WHERE NOT (b:<target> AND b.id = row.target) "
)
_OTHER_EDGES = (
    _OTHER_EDGES_MATCH + "RETURN a.id AS source, labels(b)[0] AS target_label, b.id AS target, properties(r) AS props"
)
_DROP_OTHER_EDGES = _OTHER_EDGES_MATCH + "DELETE r"
_GIVEN_EDGES_MATCH = (
    "UNWIND $rows AS row "
    "MATCH (a:<source> {id: row.source})-[r:<type>]->(b:<target> {id: row.target}) WHERE r.key = row.key "
)
_EDGE_PROPS = _GIVEN_EDGES_MATCH + "RETURN a.id AS source, b.id AS target, properties(r) AS props"
_DELETE_EDGES = _GIVEN_EDGES_MATCH + "DELETE r"


def _fill(template: str, **identifiers: str) -> str:
    """Put allow-listed labels or types into a template; refuse anything else."""
    allowed = set(NODE_LABELS) | {spec.type for spec in EDGES.values()}
    text = template
    for slot, identifier in identifiers.items():
        if identifier not in allowed:
            raise ValueError(f"not an allowed label or type: {identifier!r}")
        text = text.replace(f"<{slot}>", identifier)
    return text


FETCH_NODES: dict[str, str] = {label: _fill(_FETCH_NODES, label=label) for label in NODE_LABELS}
EXISTING_IDS: dict[str, str] = {label: _fill(_EXISTING_IDS, label=label) for label in NODE_LABELS}
ANY_OF_LABEL: dict[str, str] = {label: _fill(_ANY_OF_LABEL, label=label) for label in NODE_LABELS}
UPSERT_NODES: dict[str, str] = {label: _fill(_UPSERT_NODES, label=label) for label in NODE_LABELS}
LOCK_VERSIONS: dict[str, str] = {label: _fill(_LOCK_VERSIONS, label=label) for label in NODE_LABELS}
"""Neo4j: take the nodes' write locks, then read their versions, so no other edit passes the same check."""
READ_VERSIONS: dict[str, str] = {label: _fill(_READ_VERSIONS, label=label) for label in NODE_LABELS}
"""FalkorDB: the nodes' versions, read under the unit of work's watch of the graph."""
DIFF_NODES: dict[str, str] = {label: _fill(_DIFF_NODES, label=label) for label in NODE_LABELS}
DIFF_EDGES: dict[str, str] = {
    name: _fill(_DIFF_EDGES, source=s.source, type=s.type, target=s.target) for name, s in EDGES.items()
}
UPSERT_EDGES: dict[str, str] = {
    name: _fill(_UPSERT_EDGES, source=s.source, type=s.type, target=s.target) for name, s in EDGES.items()
}
OTHER_EDGES: dict[str, str] = {
    name: _fill(_OTHER_EDGES, source=s.source, type=s.type, target=s.target) for name, s in EDGES.items() if s.single
}
"""A single-valued relationship's other targets, which writing the new one replaces (read for the history)."""
DROP_OTHER_EDGES: dict[str, str] = {
    name: _fill(_DROP_OTHER_EDGES, source=s.source, type=s.type, target=s.target)
    for name, s in EDGES.items()
    if s.single
}
PLACED: dict[str, str] = {
    name: _fill(
        "UNWIND $ids AS id MATCH (a:<source> {id: id})-[:<type>]->() RETURN DISTINCT a.id AS id",
        source=s.source,
        type=s.type,
    )
    for name, s in EDGES.items()
    if s.single
}
"""Which of the given records already have a relationship of this type (a place), whatever its target."""
EDGE_PROPS: dict[str, str] = {
    name: _fill(_EDGE_PROPS, source=s.source, type=s.type, target=s.target) for name, s in EDGES.items()
}
"""What given relationships hold, read before they are removed so the history can put them back."""
DELETE_EDGES: dict[str, str] = {
    name: _fill(_DELETE_EDGES, source=s.source, type=s.type, target=s.target) for name, s in EDGES.items()
}

DELETE_SOME = "MATCH (n) WITH n LIMIT $batch DETACH DELETE n RETURN count(*) AS deleted"
"""Empties the graph a batch at a time (``python -m ingest demo --reset``, test isolation): one statement over
every node would need the whole graph in one transaction's memory on Neo4j."""

ANY_NODE = "MATCH (n) RETURN n.id AS id LIMIT 1"
COUNT_LABEL: dict[str, str] = {
    label: _fill("MATCH (n:<label>) RETURN count(n) AS n", label=label) for label in NODE_LABELS
}
"""Nodes of one label: both servers answer this from their label statistics, without a scan."""
COUNT_TYPE: dict[str, str] = {
    kind: _fill("MATCH ()-[r:<type>]->() RETURN count(r) AS n", type=kind)
    for kind in sorted({spec.type for spec in EDGES.values()})
}
"""Relationships of one type, from the servers' statistics."""

GROUP_COMPANIES = (
    "MATCH (root:Company {id: $id})<-[:BRANCH_OF*0..]-(c:Company) "
    "RETURN DISTINCT c.id AS id, c.name AS name, c.parent_id AS parent_id, c.tier AS tier "
    "ORDER BY parent_id IS NOT NULL, name"
)
"""A group's companies, the root first, for pickers that need names, not the whole subgraph."""
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

_NODE_COLUMNS = "RETURN labels(n)[0] AS label, properties(n) AS props"
SUBGRAPH_NODES = " UNION ALL ".join(
    (
        "MATCH (n:Company) WHERE n.id IN $ids " + _NODE_COLUMNS,
        "MATCH (n:OrgUnit) WHERE n.company_id IN $ids " + _NODE_COLUMNS,
        "MATCH (n:Contact) WHERE n.company_id IN $ids " + _NODE_COLUMNS,
        "MATCH (n:Opportunity) WHERE n.company_id IN $ids " + _NODE_COLUMNS,
        "MATCH (n:Claim) WHERE n.company_id IN $ids " + _NODE_COLUMNS,
        "MATCH (n:Settlement) WHERE n.company_id IN $ids " + _NODE_COLUMNS,
    )
)
"""Every node that belongs to the given companies, edges or not."""
COMPANY_MEMBERS = " UNION ALL ".join(
    (
        "MATCH (n:Company {id: $id}) RETURN labels(n)[0] AS label, n.id AS id",
        *(
            "MATCH (n:" + label + " {company_id: $id}) RETURN labels(n)[0] AS label, n.id AS id"
            for label in ("OrgUnit", "Contact", "Opportunity", "Claim", "Settlement")
        ),
    )
)
"""A company and what belongs to it, as labels and ids (whose history is the account's timeline)."""

_EDGE_COLUMNS = (
    "RETURN labels(a)[0] AS source_label, a.id AS source, type(r) AS type, "
    "properties(r) AS props, labels(b)[0] AS target_label, b.id AS target"
)
SUBGRAPH_EDGES = " UNION ALL ".join(
    (
        "MATCH (a:Company) WHERE a.id IN $ids MATCH (a)-[r]->(b) " + _EDGE_COLUMNS,
        "MATCH (a:OrgUnit) WHERE a.company_id IN $ids MATCH (a)-[r]->(b) " + _EDGE_COLUMNS,
        "MATCH (a:Contact) WHERE a.company_id IN $ids MATCH (a)-[r]->(b) " + _EDGE_COLUMNS,
        "MATCH (b:Contact) WHERE b.company_id IN $ids MATCH (a)-[r]->(b) WHERE NOT a:Contact AND NOT a:Change "
        + _EDGE_COLUMNS,
        "MATCH (b:Contact) WHERE b.company_id IN $ids MATCH (a:Contact)-[r]->(b) WHERE NOT a.company_id IN $ids "
        + _EDGE_COLUMNS,
        "MATCH (a:Opportunity) WHERE a.company_id IN $ids MATCH (a)-[r]->(b) " + _EDGE_COLUMNS,
        "MATCH (a:Claim) WHERE a.company_id IN $ids MATCH (a)-[r]->(b) " + _EDGE_COLUMNS,
    )
)
"""Every relationship touching the given companies' nodes, ends by label and id (not the history's ``ABOUT``)."""


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
PHONE_COMPANIES = "MATCH (c:Contact {phone: $phone}) RETURN DISTINCT c.company_id AS company_id"

CLAIM_NODES = " UNION ALL ".join(
    "MATCH (n:" + label + ") " + _NODE_COLUMNS for label in ("Rep", "Claim", "Settlement", "Opportunity")
)
"""Our reps, the claims and their settlements, and the opportunities whose stage changes renew them."""
CLAIMED_GROUP_TOUCHES = (
    "MATCH (:Claim)-[:ON]->(:Company)-[:BRANCH_OF*0..]->(root:Company) WHERE NOT (root)-[:BRANCH_OF]->() "
    "WITH DISTINCT root MATCH (root)<-[:BRANCH_OF*0..]-(m:Company) WITH collect(DISTINCT m.id) AS ids "
    "MATCH (a:Rep)-[r:TOUCHED]->(b:Contact) WHERE b.company_id IN ids " + _EDGE_COLUMNS
)
"""Our touches of people in every group that holds a claim (collisions and renewals)."""


RECORD_CHANGE = (
    "MERGE (c:Change {id: $id}) ON CREATE SET c.at = $at, c.who = $who, c.source = $source, c.action = $action, "
    "c.why = $why, c.stamp = $stamp, c.entries = $entries"
)
"""One write's history entry (``Change.to_row``); ``MERGE``: a retried statement is a no-op."""
LINK_CHANGE: dict[str, str] = {
    label: _fill(
        "MATCH (c:Change {id: $change}) UNWIND $ids AS id MATCH (n:<label> {id: id}) MERGE (c)-[:ABOUT]->(n)",
        label=label,
    )
    for label in NODE_LABELS
    if label != "Change"
}
"""What a change touched, as relationships to the records: a timeline is an index lookup on both servers."""
_CHANGE_PROPS = "c {.id, .at, .who, .source, .action, .why, .entries} AS props, c.stamp AS stamp"
CHANGES_SINCE = "MATCH (c:Change) WHERE c.stamp >= $since RETURN " + _CHANGE_PROPS + " ORDER BY c.stamp"
"""Changes made from a moment on, oldest first: what a view "as of" an earlier day undoes."""
ACCESS_LOG = (
    "MATCH (c:Change) WHERE c.stamp >= $since AND c.source = $source RETURN "
    + _CHANGE_PROPS
    + " ORDER BY stamp DESC LIMIT $limit"
)
"""The newest access records (views outside one's own, downloads) from a moment on: the access log."""
CHANGES_ABOUT: dict[str, str] = {
    label: _fill(
        "UNWIND $ids AS id MATCH (:<label> {id: id})<-[:ABOUT]-(c:Change) "
        "WITH DISTINCT c WHERE c.stamp < $until RETURN " + _CHANGE_PROPS + " ORDER BY stamp DESC LIMIT $limit",
        label=label,
    )
    for label in LINK_CHANGE
}
"""The newest changes that touched any of the given nodes of one label: a contact's or account's timeline.

The time filter comes after ``DISTINCT``: before it, FalkorDB plans from the ``Change`` stamp index and walks
every change's links once per person (a 100,000-person company's timeline took minutes instead of a second)."""
_LINE_UP = (
    "MATCH p = (upper:<label> {id: $upper})-[:<type>*0..40]->(lower:<label> {id: $lower}) "
    "RETURN [n IN nodes(p) | n.id] AS ids, [n IN nodes(p) | n.name] AS names LIMIT 1"
)
LINE_UP: dict[str, str] = {
    label: _fill(_LINE_UP, label=label, type=kind)
    for label, kind in (("Contact", "REPORTS_TO"), ("Company", "BRANCH_OF"), ("OrgUnit", "PART_OF"))
}
"""A line from a proposed superior (manager, parent company, parent department) up to the record itself:
making it the superior would close a cycle."""
_LINES = "MATCH (a:<label>)-[:<type>]->(b:<label>) RETURN collect(a.id) AS lower, collect(b.id) AS upper"
LINES: dict[str, str] = {
    **{
        label: _fill(_LINES, label=label, type=kind)
        for label, kind in (("Contact", "REPORTS_TO"), ("Company", "BRANCH_OF"), ("OrgUnit", "PART_OF"))
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
    "b.amount AS amount ORDER BY company_id, product",
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


def _constant_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for name, value in globals().items():
        if name.isupper() and isinstance(value, str):
            names[value] = name
        elif name.isupper() and isinstance(value, dict):
            names.update({v: f"{name}[{k}]" for k, v in value.items() if isinstance(v, str)})
    return names


def query_name(query: str) -> str:
    """The constant's name for a statement, for error messages ("query X failed")."""
    return _QUERY_NAMES.get(query, "ad-hoc query")


_QUERY_NAMES = _constant_names()
