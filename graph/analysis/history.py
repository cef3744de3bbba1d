"""The map as it was, and what happened to a record: pure functions over the change history.

``rewind`` undoes, newest first, every change made after a day, giving the
subgraph as the team knew it then. ``timeline`` lists what changed on given
nodes, newest first, one line per record touched, with who, when, why and
before → after.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, Literal

import networkx as nx
from pydantic import BaseModel

from graph.domain.actions import Action, ActionCode
from graph.domain.changes import Change, ChangeSource, Entry, changed_on_or_before
from graph.domain.keys import node_key

__all__ = ["AccessRecord", "TimelineItem", "What", "access_records", "rewind", "timeline"]

What = Literal["created", "changed", "removed", "viewed", "downloaded"]
"""What a timeline line says happened; the last two are access records (``ChangeSource.ACCESS``)."""


def rewind(graph: nx.MultiDiGraph[str], changes: Iterable[Change], day: dt.date) -> nx.MultiDiGraph[str]:
    """A copy of ``graph`` as it was at the end of ``day``: later changes undone, newest first.

    Created nodes and relationships disappear, removed relationships come back
    (when both ends are in the graph), changed properties get their earlier
    values.

    >>> from graph.domain.changes import Change, Entry
    >>> g = nx.MultiDiGraph(); g.add_node("Contact:a", label="Contact", id="a", stance="supporter")
    >>> edit = Change(at=dt.datetime(2026, 10, 5, tzinfo=dt.UTC), who="li", source="edit",
    ...               action=Action.of(ActionCode.EDIT_CONTACT),
    ...               entries=(Entry(entity="Contact", id="a", before={"stance": "neutral"},
    ...                              after={"stance": "supporter"}),))
    >>> rewind(g, [edit], dt.date(2026, 10, 1)).nodes["Contact:a"]["stance"]
    'neutral'
    >>> rewind(g, [edit], dt.date(2026, 10, 5)).nodes["Contact:a"]["stance"]
    'supporter'
    """
    then = graph.copy()
    later = sorted((c for c in changes if not changed_on_or_before(c, day)), key=lambda c: (c.at, c.id))
    for change in reversed(later):
        for entry in reversed(change.entries):
            if entry.is_edge:
                _undo_edge(then, entry)
            else:
                _undo_node(then, entry)
    return then


def _undo_node(graph: nx.MultiDiGraph[str], entry: Entry) -> None:
    key = node_key(entry.entity, str(entry.id))
    if key not in graph:
        return
    if entry.before is None:
        graph.remove_node(key)
    else:
        _restore(graph.nodes[key], entry.before)


def _undo_edge(graph: nx.MultiDiGraph[str], entry: Entry) -> None:
    source, target = entry.ends
    key = f"{entry.edge_type}:{entry.key}"
    if entry.before is None:
        if graph.has_edge(source, target, key):
            graph.remove_edge(source, target, key)
    elif entry.after is None:
        if source in graph and target in graph:
            graph.add_edge(source, target, key=key, type=entry.edge_type, **entry.before)
    elif graph.has_edge(source, target, key):
        _restore(graph.edges[source, target, key], entry.before)


def _restore(attributes: dict[str, Any], before: dict[str, Any]) -> None:
    for name, value in before.items():
        if value is None:
            attributes.pop(name, None)
        else:
            attributes[name] = value


class TimelineItem(BaseModel):
    """One record touched by one change, as a line of a contact's or an account's timeline."""

    at: dt.datetime
    who: str
    source: ChangeSource
    action: Action
    why: str
    entity: str
    subject: str
    """The node the line is about (``Contact:ct-1``); for a relationship, its source end."""
    other: str | None
    """For a relationship, its target end."""
    what: What
    before: dict[str, Any]
    after: dict[str, Any]


def _what(change: Change, entry: Entry) -> What:
    if change.source is ChangeSource.ACCESS:
        return "downloaded" if change.action.code is ActionCode.DOWNLOAD else "viewed"
    return "created" if entry.before is None else "removed" if entry.after is None else "changed"


def timeline(changes: Iterable[Change], keys: Iterable[str], limit: int | None = None) -> list[TimelineItem]:
    """What the changes did to the nodes ``keys`` (and their relationships), newest first, at most ``limit`` lines.

    >>> from graph.domain.changes import Change, Entry
    >>> touch = Change(at=dt.datetime(2026, 10, 5, tzinfo=dt.UTC), who="li", source="edit",
    ...                action=Action.of(ActionCode.LOG_TOUCH),
    ...                entries=(Entry(entity="Rep-TOUCHED->Contact", source="r", target="a", key="t1",
    ...                               after={"kind": "visit"}),))
    >>> [(i.what, i.subject, i.other) for i in timeline([touch], ["Contact:a"])]
    [('created', 'Rep:r', 'Contact:a')]
    """
    wanted = set(keys)
    items: list[TimelineItem] = []
    for change in sorted(changes, key=lambda c: (c.at, c.id), reverse=True):
        if limit is not None and len(items) >= limit:
            break
        for entry in change.entries:
            if wanted.isdisjoint(entry.subjects):
                continue
            subject, other = entry.ends if entry.is_edge else (entry.subjects[0], None)
            what = _what(change, entry)
            items.append(
                TimelineItem(
                    at=change.at,
                    who=change.who,
                    source=change.source,
                    action=change.action,
                    why=change.why,
                    entity=entry.entity,
                    subject=subject,
                    other=other,
                    what=what,
                    before=entry.before or {},
                    after=entry.after or {},
                )
            )
    return items[:limit]


class AccessRecord(BaseModel):
    """One line of the access log: who opened or downloaded which accounts, when."""

    at: dt.datetime
    who: str
    what: Literal["viewed", "downloaded"]
    file: str | None
    """The file downloaded; ``None`` for a view."""
    company_ids: list[str]


def access_records(changes: Iterable[Change]) -> list[AccessRecord]:
    """The access records among ``changes`` as log lines, newest first.

    >>> from graph.domain.changes import Change, Entry
    >>> company = Entry(entity="Company", id="co-1", before={}, after={})
    >>> seen = Change(at=dt.datetime(2026, 11, 5, tzinfo=dt.UTC), who="ops", source="access",
    ...               action=Action.of(ActionCode.DOWNLOAD, file="co-1-people.csv"), entries=(company,))
    >>> [(r.what, r.file, r.company_ids) for r in access_records([seen])]
    [('downloaded', 'co-1-people.csv', ['co-1'])]
    """
    records = []
    for change in sorted(changes, key=lambda c: (c.at, c.id), reverse=True):
        if change.source is not ChangeSource.ACCESS:
            continue
        downloaded = change.action.code is ActionCode.DOWNLOAD
        records.append(
            AccessRecord(
                at=change.at,
                who=change.who,
                what="downloaded" if downloaded else "viewed",
                file=change.action.params.get("file") if downloaded else None,
                company_ids=[str(e.id) for e in change.entries if e.entity == "Company"],
            )
        )
    return records
