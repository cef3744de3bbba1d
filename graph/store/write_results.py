"""What a unit of work answers: per label and relationship kind what it created, changed or left as it was."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, computed_field

from graph.domain.changes import Author
from graph.domain.fields import Record
from graph.store.rows import EdgeRow

__all__ = ["Decided", "WriteCounts", "WriteReport"]

_T = TypeVar("_T")


@dataclass(frozen=True)
class Decided(Generic[_T]):
    """A decision taken inside a unit of work: what to write, as whose change, and what to answer."""

    records: list[Record]
    author: Author
    outcome: _T


class WriteCounts(BaseModel):
    created: int = 0
    updated: int = 0
    unchanged: int = 0


class WriteReport(BaseModel):
    """What a write changed, per node label and per relationship kind."""

    nodes: dict[str, WriteCounts] = Field(default_factory=dict)
    edges: dict[str, WriteCounts] = Field(default_factory=dict)
    missing_rows: list[EdgeRow] = Field(default_factory=list, exclude=True)
    """Relationships not written because an end does not exist, so a caller can send them again."""
    change_id: str | None = None
    """The ``Change`` that records this write in the history; ``None`` when nothing changed."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def missing(self) -> list[str]:
        """The missing relationships as ``spec source→target``, for people."""
        return [f"{e.spec} {e.source}→{e.target}" for e in self.missing_rows]

    @property
    def created(self) -> int:
        return sum(c.created for c in (*self.nodes.values(), *self.edges.values()))

    @property
    def updated(self) -> int:
        return sum(c.updated for c in (*self.nodes.values(), *self.edges.values()))
