"""The change history: who changed what, when, why, as before → after per record.

Every write that alters the store (an import batch, an edit, a handover, the
demo load) is kept as one ``Change``, stored as a ``Change`` node next to the
data. Its entries name each node or relationship it touched with the
properties that changed, before and after, so the history answers "who set
this stance, and what was it before?" and the map can be rewound to a past
date (``graph.analysis.history``). Knowledge stays when the person who entered
it leaves.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import uuid
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from graph.domain.actions import Action
from graph.domain.keys import node_key

__all__ = ["Author", "Change", "ChangeSource", "Entry", "changed_on_or_before", "day_end", "stamp"]


class ChangeSource(StrEnum):
    IMPORT = "import"
    EDIT = "edit"
    HANDOVER = "handover"
    CLAIM = "claim"
    """A claim filed, released or settled on the claims desk."""
    DEMO = "demo"
    ACCESS = "access"
    """Not a write: an account viewed outside one's own, or a download (entries change nothing)."""


class Author(BaseModel):
    """Who is writing, when, through what, and why: what a write's ``Change`` is stamped with."""

    model_config = ConfigDict(frozen=True)

    who: str = Field(min_length=1)
    source: ChangeSource
    action: Action
    """What was done, as a code with its parameters: ``edit_contact``, ``import_file`` of ``contacts.csv``."""
    why: str = ""
    at: dt.datetime = Field(default_factory=lambda: dt.datetime.now(dt.UTC))


@dataclass(frozen=True, slots=True)
class Entry:
    """One node (``id``) or relationship (``source``, ``target``, ``key``) before and after a change.

    ``before`` is ``None`` when the change created it, ``after`` is ``None``
    when the change removed it; otherwise both hold only the properties that
    changed (a property that did not exist before is ``None`` there). A plain
    dataclass, not a pydantic model: an import batch records thousands, and
    every value in one comes from the store or from records already validated.
    """

    entity: str
    """A node label (``Contact``) or a relationship kind (``Contact-INFLUENCES->Contact``)."""
    id: str | None = None
    source: str | None = None
    target: str | None = None
    key: str = ""
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None

    @classmethod
    def of_node(cls, label: str, node_id: str, before: dict[str, Any] | None, after: dict[str, Any] | None) -> Entry:
        return cls(label, node_id, None, None, "", before, after)

    @classmethod
    def of_edge(
        cls, spec: str, ends: tuple[str, str, str], before: dict[str, Any] | None, after: dict[str, Any] | None
    ) -> Entry:
        """A relationship's entry; ``ends`` is (source id, target id, key)."""
        source, target, key = ends
        return cls(spec, None, source, target, key, before, after)

    @classmethod
    def from_dict(cls, stored: dict[str, Any]) -> Entry:
        return cls(**stored)

    def as_dict(self) -> dict[str, Any]:
        """The entry as stored in a change's JSON, without the fields it does not use."""
        stored: dict[str, Any] = {"entity": self.entity}
        if self.id is not None:
            stored["id"] = self.id
        else:
            stored |= {"source": self.source, "target": self.target, "key": self.key}
        if self.before is not None:
            stored["before"] = self.before
        if self.after is not None:
            stored["after"] = self.after
        return stored

    @property
    def is_edge(self) -> bool:
        return self.id is None

    @property
    def ends(self) -> tuple[str, str]:
        """The networkx keys of a relationship's two ends (``Contact:a``, ``Rep:r``)."""
        source_label, _, target_label = _edge_parts(self.entity)
        return node_key(source_label, str(self.source)), node_key(target_label, str(self.target))

    @property
    def edge_type(self) -> str:
        return _edge_parts(self.entity)[1]

    @property
    def subjects(self) -> tuple[str, ...]:
        """The networkx keys of the nodes this entry is about: a timeline of any of them shows it.

        >>> Entry(entity="Contact-INFLUENCES->Contact", source="a", target="b").subjects
        ('Contact:a', 'Contact:b')
        """
        return self.ends if self.is_edge else (node_key(self.entity, str(self.id)),)


@functools.cache
def _edge_parts(spec: str) -> tuple[str, str, str]:
    """``Contact-INFLUENCES->Contact`` → (source label, type, target label)."""
    source_label, rest = spec.split("-", 1)
    kind, target_label = rest.rsplit("->", 1)
    return source_label, kind, target_label


class Change(BaseModel):
    """One write's worth of entries, stamped with its author."""

    id: str = Field(default_factory=lambda: uuid.uuid4().hex)
    at: dt.datetime
    who: str
    source: ChangeSource
    action: Action
    why: str = ""
    entries: tuple[Entry, ...]

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    @classmethod
    def of(cls, author: Author, entries: list[Entry]) -> Change:
        return cls.model_construct(
            id=uuid.uuid4().hex,
            at=author.at,
            who=author.who,
            source=author.source,
            action=author.action,
            why=author.why,
            entries=tuple(entries),
        )

    @property
    def day(self) -> dt.date:
        return self.at.astimezone(dt.UTC).date()

    def to_row(self) -> dict[str, Any]:
        """Store properties: ``at`` as UTC text and as a ``stamp`` to filter on, entries as one JSON text."""
        return {
            "id": self.id,
            "at": self.at.astimezone(dt.UTC).isoformat(timespec="microseconds"),
            "stamp": stamp(self.at),
            "who": self.who,
            "source": self.source.value,
            "action": self.action.code.value,
            "action_params": self.action.params_json(),
            "why": self.why,
            "entries": json.dumps([e.as_dict() for e in self.entries], ensure_ascii=False),
        }

    def about(self) -> dict[str, list[str]]:
        """The ids of the records this change touched, per label, in the order first touched.

        >>> entry = Entry(entity="Contact-INFLUENCES->Contact", source="a", target="b")
        >>> from graph.domain.actions import ActionCode
        >>> author = Author(who="x", source=ChangeSource.EDIT, action=Action.of(ActionCode.DRAW_INFLUENCE))
        >>> Change.of(author, [entry]).about()
        {'Contact': ['a', 'b']}
        """
        ids: dict[str, dict[str, None]] = {}
        for entry in self.entries:
            for key in entry.subjects:
                label, node_id = key.split(":", 1)
                ids.setdefault(label, {})[node_id] = None
        return {label: list(found) for label, found in ids.items()}

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Change:
        entries = tuple(Entry.from_dict(e) for e in json.loads(row["entries"]))
        fields = {k: row[k] for k in ("id", "at", "who", "source") if k in row}
        action = Action.stored(row.get("action"), row.get("action_params"))
        return cls(**fields, action=action, why=row.get("why") or "", entries=entries)


def stamp(moment: dt.datetime) -> int:
    """Microseconds since 1970 (UTC): what queries compare times on.

    Not the ISO text: FalkorDB's range index answers ``<`` on strings with
    every node (``>=`` works), so time filters use this number instead.

    >>> stamp(dt.datetime(1970, 1, 1, 0, 0, 1, tzinfo=dt.UTC))
    1000000
    """
    return int(moment.timestamp() * 1_000_000)


def day_end(day: dt.date) -> int:
    """The ``stamp`` of midnight after ``day`` (UTC): changes before it were made on or before ``day``."""
    return stamp(dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC))


def changed_on_or_before(change: Change, day: dt.date) -> bool:
    """Whether ``change`` was already made at the end of ``day`` (UTC), i.e. belongs to the view "as of" that day."""
    return change.day <= day
