"""The graph's shape: which kinds of node there are and which relationships join them.

This is the model, not the database: the importer, the editors and the demo
history ask it which relationships a record may have and whether one is
single-valued, and ``graph.store`` builds its statements from it (labels and
relationship types in Cypher can only come from this allow-list).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["COMPANY_MEMBER_LABELS", "EDGES", "HIERARCHIES", "HISTORY_LABEL", "NODE_LABELS", "EdgeSpec"]

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
HISTORY_LABEL = "Change"
"""The history's own nodes: one per write, linked to every record it touched."""
COMPANY_MEMBER_LABELS: tuple[str, ...] = ("OrgUnit", "Contact", "Opportunity", "Claim", "Settlement")
"""Records that belong to one company through their ``company_id``: an account is its company and these."""


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
"""Every relationship kind, by name (``Contact-WORKS_IN->OrgUnit``)."""

HIERARCHIES: dict[str, str] = {"Contact": "REPORTS_TO", "Company": "BRANCH_OF", "OrgUnit": "PART_OF"}
"""The lines that must never loop back: label → the relationship from a record to its superior."""
