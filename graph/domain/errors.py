"""kagraph's own exceptions: what went wrong, with the data to say it.

Client errors (neo4j driver, redis/falkordb client) never leave the store
layer raw; they are wrapped here, ``from`` the original so a developer still
has the chain. Pages and CLIs catch ``KagraphError`` and print ``str(error)``;
a refused or conflicting edit carries its fields, codes and current values,
and the page that shows it words it (``ui.refusals``), so these classes
depend on no wording.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any

__all__ = [
    "ConfigError",
    "EditConflict",
    "EditRefused",
    "FieldProblem",
    "KagraphError",
    "NotFound",
    "QueryFailed",
    "StoreError",
    "StoreUnavailable",
]


class KagraphError(Exception):
    """Base of every error kagraph reports to a user."""


class StoreError(KagraphError):
    """Something went wrong talking to the graph store."""


class StoreUnavailable(StoreError):
    """The store cannot be reached or started."""


class QueryFailed(StoreError):
    """The store answered, but refused or failed a query."""


class NotFound(KagraphError):
    """A company, contact or other record asked for does not exist."""


class ConfigError(KagraphError):
    """The environment (NEO4J_*, KAGRAPH_*) holds a value kagraph cannot use."""


@dataclass(frozen=True)
class FieldProblem:
    """One reason an edit cannot be saved: the field as the form names it, the value, why.

    ``reason`` is English (the command line, logs); ``code`` and ``params`` let a page word it in its language.
    """

    field: str
    value: str
    reason: str
    code: str = ""
    params: Mapping[str, str] = dataclass_field(default_factory=dict)


class EditRefused(KagraphError):
    """An edit broke a rule (bad value, unknown reference, a cycle, the same person twice); nothing was saved."""

    def __init__(self, problems: list[FieldProblem]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{p.field}: {p.reason}" for p in problems))


class EditConflict(KagraphError):
    """Someone else saved the record after it was opened; saving would overwrite their change unseen."""

    def __init__(self, label: str, record_id: str, current: dict[str, Any], changed_by: str = "") -> None:
        self.label, self.record_id, self.current, self.changed_by = label, record_id, current, changed_by
        who = f" ({changed_by})" if changed_by else ""
        super().__init__(f"{label} {record_id!r} was changed by someone else{who} since it was read; nothing was saved")
