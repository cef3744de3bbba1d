"""Labels that were empty when the import began, whose rows need no comparison with stored values.

Both the batch checks (nothing stored to read for such a label) and the batch
writer (create without comparing) ask the same question, so the answer is
worked out once at the start of the load and lives here, beside neither.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.domain.relations import EDGES
from graph.store import GraphStore
from ingest.import_survey import DEFINES, Survey

__all__ = ["Fresh"]

_UNIQUE_IN_IMPORT = frozenset(
    {
        "Company-BRANCH_OF->Company",
        "OrgUnit-PART_OF->OrgUnit",
        "OrgUnit-PART_OF->Company",
        "Contact-WORKS_IN->OrgUnit",
        "Contact-WORKS_IN->Company",
        "Contact-REPORTS_TO->Contact",
        "Contact-INFLUENCES->Contact",
        "Rep-KNOWS->Contact",
        "Company-BUYS->Vendor",
        "Opportunity-AT->Company",
        "Contact-PLAYS->Opportunity",
    }
)
"""Relationships an import never sends twice: they come from a row with a unique id, or the
row's identity (``ingest.import_rows``) is checked. Touches and claims are not: identical rows may repeat."""


@dataclass(frozen=True)
class Fresh:
    """What this import creates without comparing to stored values: labels empty when it began.

    Ids are unique across an import (the survey rejects duplicates), so every
    node of such a label is new, and so is every relationship of a kind in
    ``_UNIQUE_IN_IMPORT`` leaving one. Merged duplicate contacts could repeat a
    relationship after remapping, so an import with merges compares as usual.
    """

    labels: frozenset[str] = frozenset()
    specs: frozenset[str] = frozenset()

    @classmethod
    def of(cls, store: GraphStore, survey: Survey) -> Fresh:
        if survey.alias:
            return cls()
        labels = store.records.empty_labels(DEFINES.values())
        return cls(labels, frozenset(s for s in _UNIQUE_IN_IMPORT if EDGES[s].source in labels))
