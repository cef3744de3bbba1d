"""A month of the demo account team's edits, so the history and the "as of" map have something to show.

The demo data (``ingest.demo``) is the map as it stands on ``DEMO_TODAY``.
This module says how it got there in October 2026: the demo loads an earlier
state on 30 September, then replays these edits in 温州供电分公司 (a stance
learnt, a new analyst, an influence line drawn and one withdrawn, a manager
change after a reorganisation, someone leaving, a move between sections), each
with its author, day and reason. Viewing the map as of 1 October undoes
exactly these.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from graph.domain.actions import Action, ActionCode
from graph.domain.changes import Author, ChangeSource
from graph.domain.claim_records import Claim
from graph.domain.enums import InfluenceKind, Stance, Status
from graph.domain.fields import Record
from graph.domain.model import (
    CompetitorRelationship,
    Contact,
    Influence,
    OpportunityRole,
    Purchase,
    Relationship,
    Touch,
)
from graph.domain.relations import EDGES
from graph.store import GraphStore, WriteReport
from graph.store.rows import graph_rows

__all__ = ["DEMO_LOADED_AT", "DemoEdit", "apply_demo_history", "demo_edits", "demo_start"]

DEMO_LOADED_AT = dt.datetime(2026, 9, 30, 9, 0, tzinfo=dt.UTC)
"""When the demo's starting state is stamped as loaded: before every edit below."""


@dataclass(frozen=True)
class DemoEdit:
    """One edit as a rep would make it in the app: the records before and after, who, when, why."""

    at: dt.datetime
    who: str
    action: ActionCode
    why: str
    before: tuple[Record, ...]
    after: tuple[Record, ...]


def _identity(record: Record) -> tuple[object, ...]:
    """What a record is, whatever its values: the same identity means the same stored node or relationship."""
    if isinstance(record, Influence):
        return ("influence", record.from_id, record.to_id, record.kind)
    if isinstance(record, Relationship):
        return ("relationship", record.rep_id, record.contact_id)
    if isinstance(record, CompetitorRelationship):
        return ("rival", record.competitor_id, record.contact_id)
    if isinstance(record, OpportunityRole):
        return ("role", record.opportunity_id, record.contact_id, record.role)
    if isinstance(record, Purchase):
        return ("purchase", record.company_id, record.product, record.vendor)
    if isinstance(record, Touch | Claim):
        return (type(record).__name__, record.id)
    return (type(record).__name__, getattr(record, "id"))  # noqa: B009 - every other record has an id field


def _mentions(record: Record, contact_id: str) -> bool:
    """Whether ``record`` is a relationship of ``contact_id`` (it cannot exist before the contact does)."""
    ends = {getattr(record, name, None) for name in ("contact_id", "from_id", "to_id")}
    return contact_id in ends or (isinstance(record, Contact) and contact_id in record.reports_to)


def _day(month: int, day: int) -> dt.datetime:
    return dt.datetime(2026, month, day, 10, 30, tzinfo=dt.UTC)


def demo_edits(final: list[Record]) -> list[DemoEdit]:
    """The October edits that lead to ``final`` (the demo records), oldest first."""
    people = {r.id: r for r in final if isinstance(r, Contact)}
    influences = {_identity(r): r for r in final if isinstance(r, Influence)}
    newcomer = people["ct-hd-wz-027"]
    boss_ear = influences[("influence", "ct-hd-wz-005", "ct-hd-wz-001", InfluenceKind.INFORMAL)]
    withdrawn = Influence(from_id="ct-hd-wz-009", to_id="ct-hd-wz-001", kind=InfluenceKind.ADVICE, weight=0.4)

    def was(contact_id: str, **values: object) -> Contact:
        return people[contact_id].model_copy(update=values)

    return [
        DemoEdit(
            _day(10, 6), "李娜", ActionCode.EDIT_CONTACT, "met at the grid security forum; open to a pilot",
            (was("ct-hd-wz-008", stance=Stance.UNKNOWN),), (people["ct-hd-wz-008"],),
        ),
        DemoEdit(
            _day(10, 12), "王磊", ActionCode.ADD_CONTACT, "new analyst in finance, met at the budget review",
            (), (newcomer, *(r for r in final if r is not newcomer and _mentions(r, newcomer.id))),
        ),
        DemoEdit(
            _day(10, 15), "王磊", ActionCode.DRAW_INFLUENCE, "the office head has the general manager's ear",
            (), (boss_ear,),
        ),
        DemoEdit(
            _day(10, 20), "李娜", ActionCode.EDIT_CONTACT, "reorganisation: finance now answers to the chief engineer",
            (was("ct-hd-wz-006", reports_to=("ct-hd-wz-002",)),), (people["ct-hd-wz-006"],),
        ),
        DemoEdit(
            _day(10, 22), "李娜", ActionCode.MARK_AS_LEFT, "retired at the end of October",
            (was("ct-hd-wz-004", status=Status.ACTIVE),), (people["ct-hd-wz-004"],),
        ),
        DemoEdit(
            _day(10, 25), "王磊", ActionCode.REMOVE_INFLUENCE, "operations no longer advises the general manager",
            (withdrawn,), (),
        ),
        DemoEdit(
            _day(10, 28), "李娜", ActionCode.MOVE_CONTACT, "moved to the cyber security section",
            (was("ct-hd-wz-012", unit_id="ou-hd-wz-infra"),), (people["ct-hd-wz-012"],),
        ),
    ]  # fmt: skip


def demo_start(final: list[Record], edits: Iterable[DemoEdit]) -> list[Record]:
    """The records as they stood before ``edits``: each edit undone, newest first."""
    state = {_identity(r): r for r in final}
    for edit in reversed(list(edits)):
        for record in edit.after:
            state.pop(_identity(record), None)
        for record in edit.before:
            state[_identity(record)] = record
    return list(state.values())


def apply_demo_history(store: GraphStore, final: list[Record]) -> WriteReport:
    """Load the starting state stamped ``DEMO_LOADED_AT``, then replay each edit with its author and day."""
    edits = demo_edits(final)
    loaded = Author(
        who="kagraph demo", source=ChangeSource.DEMO, action=Action.of(ActionCode.LOAD_THE_DEMO_DATA), at=DEMO_LOADED_AT
    )
    report = store.unit_of_work(lambda uow: uow.write_rows(graph_rows(demo_start(final, edits)), author=loaded))
    for edit in edits:
        after = graph_rows(edit.after)
        kept = {(e.spec, e.source, e.target, e.key) for e in after.edges}
        removals = [
            e
            for e in graph_rows(edit.before).edges
            if (e.spec, e.source, e.target, e.key) not in kept and not EDGES[e.spec].single
        ]
        author = Author(who=edit.who, source=ChangeSource.EDIT, action=Action.of(edit.action), why=edit.why, at=edit.at)
        store.unit_of_work(lambda uow: uow.write_rows(after, author=author, removals=removals))  # noqa: B023 - run at once
    return report
