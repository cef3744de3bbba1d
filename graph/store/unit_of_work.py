"""The unit of work: one transaction, and the write engine that compares, upserts and records history in it.

Writes are idempotent upserts that report what they changed: the rows are
compared with what is stored first and only new or changed properties are
sent, so a repeated import reports 0 created, 0 updated and leaves the store
as it was. Everything a unit queues lands together with its history entry,
or nothing does (``Runner.unit``), and everything it reads, it reads through
its own transaction: on Neo4j the versions it checks stay locked until it
commits, on FalkorDB the watch re-runs it after any other write.

A unit is made by ``GraphStore.unit_of_work(work)``, which may call ``work``
again when the server asks for a retry, so ``work`` computes what it writes
from what it reads.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import networkx as nx

from graph.domain.access_chain import GENESIS, link_hash
from graph.domain.changes import Author, Change, Entry
from graph.domain.errors import EditConflict, NotFound
from graph.domain.fields import Record
from graph.domain.keys import node_key
from graph.domain.relations import EDGES, HISTORY_LABEL, NODE_LABELS
from graph.store import write_cypher as q
from graph.store.accounts_reads import Accounts
from graph.store.column_rows import batches, existing_ids
from graph.store.history_reads import History
from graph.store.record_reads import Records
from graph.store.rows import EdgeRow, GraphRows, NodeRow, graph_rows
from graph.store.runner import Transaction
from graph.store.subgraph_reads import Subgraphs
from graph.store.write_results import Decided, WriteCounts, WriteReport

__all__ = ["UnitOfWork"]

_T = TypeVar("_T")
_Identity = tuple[str, str, str]


@dataclass(frozen=True)
class _WritePlan:
    """What ``write_rows`` was asked to do."""

    rows: GraphRows
    new_labels: frozenset[str]
    new_specs: frozenset[str]
    author: Author | None
    versions: dict[str, int]
    removals: tuple[EdgeRow, ...]


class UnitOfWork:
    """One transaction's writes (with their history) and the reads they depend on."""

    def __init__(self, tx: Transaction) -> None:
        self._tx = tx
        self._records = Records(tx)

    def write(self, records: Iterable[Record], author: Author | None = None) -> WriteReport:
        """Upsert records (nodes first, then relationships) and report the changes, recorded as ``author``'s."""
        return self.write_rows(graph_rows(records), author=author)

    def write_rows(
        self,
        rows: GraphRows,
        new_labels: frozenset[str] = frozenset(),
        new_specs: frozenset[str] = frozenset(),
        *,
        author: Author | None = None,
        versions: Mapping[str, int] | None = None,
        removals: Sequence[EdgeRow] = (),
    ) -> WriteReport:
        """Upsert node and edge rows, nodes first; edges whose ends are missing are reported, not written.

        ``new_labels`` and ``new_specs`` name node labels and relationship
        kinds (``relations.EDGES`` keys) whose rows the caller knows are all
        new, e.g. an import into a store that held no contacts when it began,
        with ids and relationships unique across the import. Those skip
        reading the stored values to compare with, the one read that makes a
        first import slower than a bare ``MERGE``, and a new single-valued
        relationship has no older one to drop.

        With an ``author``, everything the write changed is recorded as one
        ``Change``. ``versions`` maps node keys (``Contact:ct-1``) to the
        version an editor read: if anybody changed such a node since,
        ``EditConflict`` is raised and nothing is written. ``removals`` are
        relationships to delete after the upserts (a manager no longer, an
        influence line withdrawn).
        """
        plan = _WritePlan(rows, new_labels, new_specs, author, dict(versions or {}), tuple(removals))
        return self._write(plan)

    def decide_on_claims(
        self, locks: Mapping[str, Sequence[str]], decide: Callable[[nx.MultiDiGraph[str]], Decided[_T]]
    ) -> tuple[_T, WriteReport]:
        """Take a decision on the claims as they stand and write it.

        ``locks`` (label → ids, e.g. the group root and the rep) are taken
        before anything is read: on Neo4j the nodes' write locks, so a second
        claim on the same enterprise waits and then reads the first; on
        FalkorDB the unit's watch already re-runs it after any other write.
        ``decide`` gets the claims graph (``Subgraphs.claims``) as committed
        and returns the records to write, recorded as its author's, and what
        to answer.
        """
        for label, ids in locks.items():
            self._tx.versions(label, ids)
        decided = decide(Subgraphs(self._tx, Accounts(self._tx)).claims())
        plan = _WritePlan(graph_rows(decided.records, whole=True), frozenset(), frozenset(), decided.author, {}, ())
        return decided.outcome, self._write(plan)

    def record_access(self, author: Author, company_ids: Iterable[str]) -> str:
        """Put a view or a download of these companies into the history (``ChangeSource.ACCESS``); its change id.

        The entries change nothing (rewinding skips over them); they link the
        record to each company, so the account's timeline shows who looked.
        The record is the next link of the access log's hash chain
        (``graph.domain.access_chain``); nothing in kagraph changes or removes one.
        """
        change = Change.of(author, [Entry.of_node("Company", c, {}, {}) for c in dict.fromkeys(company_ids)])
        seq, prev = self._chain_head()
        row = change.to_row()
        self._tx.write(q.RECORD_ACCESS, row | {"seq": seq, "prev": prev, "hash": link_hash(row, seq, prev)})
        self._link(change)
        return change.id

    def _chain_head(self) -> tuple[int, str]:
        """The place and ``prev`` of the next access record: after the newest, held until this unit commits.

        On Neo4j the newest record is locked (``versions``) and read again: a
        record another unit appended meanwhile is committed once the lock is
        had, and becomes the one to follow. On FalkorDB the watch re-runs the unit.
        """
        history = History(self._tx)
        head = history.access_head()
        while head is not None:
            self._tx.versions(HISTORY_LABEL, [str(head["id"])])
            newest = history.access_head()
            if newest is not None and newest["id"] == head["id"]:
                return int(head["seq"]) + 1, str(head["hash"])
            head = newest
        return 1, GENESIS

    def _write(self, plan: _WritePlan) -> WriteReport:
        """Read what is stored, queue what differs, and the history entry for it."""
        self._check_versions(plan.versions)
        entries: list[Entry] = []
        report = WriteReport()
        by_label: dict[str, list[NodeRow]] = defaultdict(list)
        for node in plan.rows.nodes:
            by_label[node.label].append(node)
        written = {label: {node.id for node in nodes} for label, nodes in by_label.items()}
        created: dict[str, set[str]] = defaultdict(set)
        for label in NODE_LABELS:
            if by_label[label]:
                fresh = label in plan.new_labels
                report.nodes[label] = self._upsert_nodes(label, by_label[label], fresh, entries, created[label])
        by_spec: dict[str, list[EdgeRow]] = defaultdict(list)
        for edge in self._without_placed(plan.rows.edges, created):
            by_spec[edge.spec].append(edge)
        for spec, edges in by_spec.items():
            fresh = spec in plan.new_specs
            report.edges[spec] = self._upsert_edges(spec, edges, report.missing_rows, fresh, entries, written)
        for spec in sorted({e.spec for e in plan.removals}):
            doomed = [{"source": e.source, "target": e.target, "key": e.key} for e in plan.removals if e.spec == spec]
            removed = self._tx.read(q.EDGE_PROPS[spec], {"rows": doomed})
            self._tx.write(q.DELETE_EDGES[spec], {"rows": doomed})
            entries.extend(_removed_entry(spec, r["source"], r["target"], r["props"]) for r in removed)
        if plan.author is not None and entries:
            change = Change.of(plan.author, entries)
            self._record(change)
            report.change_id = change.id
        return report

    def _check_versions(self, versions: Mapping[str, int]) -> None:
        """Refuse the unit when a node an editor read has changed since; the versions stay locked until it commits.

        What the refusal shows (the stored values, who changed them) is read
        in this same transaction, so it is the state the check refused on.
        """
        by_label: dict[str, dict[str, int]] = defaultdict(dict)
        for key, expected in versions.items():
            label, node_id = key.split(":", 1)
            by_label[label][node_id] = expected
        for label, wanted in by_label.items():
            current = self._tx.versions(label, wanted)
            for node_id, version in wanted.items():
                if node_id not in current:
                    raise NotFound(f"no {label.lower()} with id {node_id!r}")
                if current[node_id] != version:
                    stored = self._records.node(label, node_id) or {}
                    changed_by = History(self._tx).last_author(node_key(label, node_id))
                    raise EditConflict(label, node_id, stored, changed_by)

    def _record(self, change: Change) -> None:
        """Queue a change and its ``ABOUT`` relationships to every record it touched."""
        self._tx.write(q.RECORD_CHANGE, change.to_row())
        self._link(change)

    def _link(self, change: Change) -> None:
        """Queue the ``ABOUT`` relationships of a recorded change to every record it touched."""
        for label, ids in change.about().items():
            if label in q.LINK_CHANGE:
                for batch in batches(ids):
                    self._tx.write(q.LINK_CHANGE[label], {"change": change.id, "ids": list(batch)})

    def _without_placed(self, edges: list[EdgeRow], created: Mapping[str, set[str]]) -> Iterator[EdgeRow]:
        """``edges`` less the default places (``EdgeRow.default_place``) of records that already have a place."""
        doubtful: dict[str, set[str]] = defaultdict(set)
        for edge in edges:
            if edge.default_place and edge.source not in created.get(EDGES[edge.spec].source, set()):
                doubtful[edge.spec].add(edge.source)
        placed: dict[str, set[str]] = defaultdict(set)
        for spec, ids in doubtful.items():
            for batch in batches(sorted(ids)):
                placed[spec].update(str(r["id"]) for r in self._tx.read(q.PLACED[spec], {"ids": list(batch)}))
        return (edge for edge in edges if not (edge.default_place and edge.source in placed[edge.spec]))

    def _differences(self, query: str, rows: list[dict[str, Any]], fresh: bool) -> list[dict[str, Any] | None]:
        """Per row: ``None`` when nothing is stored under its identity, else the stored values that differ.

        The comparison runs in the store (``write_cypher.DIFF_NODES``, ``DIFF_EDGES``), so unchanged
        records cost a number in the answer rather than all their properties.
        """
        if fresh:
            return [None] * len(rows)
        stored: list[dict[str, Any] | None] = [None] * len(rows)
        for answer in self._tx.read(query, {"rows": rows}):  # one row; none from a graph not yet created
            for index in answer["found"]:
                stored[index] = {}
            for index, pairs in answer["changed"]:
                stored[index] = dict(pairs)
        return stored

    def _upsert_nodes(
        self, label: str, rows: list[NodeRow], fresh: bool, entries: list[Entry], created: set[str]
    ) -> WriteCounts:
        """Upsert one label's nodes; the ids of those that did not exist go into ``created``."""
        counts = WriteCounts()
        for batch in batches(_last_wins(rows, lambda r: r.id)):
            sent = [{"id": node.id, "props": node.compared} for node in batch]
            changes = []
            for node, before in zip(batch, self._differences(q.DIFF_NODES[label], sent, fresh), strict=True):
                diff = node.props if before is None else {k: node.props[k] for k in before}
                if before is None:
                    created.add(node.id)
                    counts.created += 1
                elif diff:
                    counts.updated += 1
                else:
                    counts.unchanged += 1
                if diff:
                    entries.append(Entry.of_node(label, node.id, before, diff))
                    changes.append({"id": node.id, "props": diff})
            if changes:
                self._tx.write(q.UPSERT_NODES[label], {"rows": changes})
        return counts

    def _upsert_edges(
        self,
        spec: str,
        rows: list[EdgeRow],
        missing: list[EdgeRow],
        fresh: bool,
        entries: list[Entry],
        written: Mapping[str, set[str]],
    ) -> WriteCounts:
        counts = WriteCounts()
        single = EDGES[spec].single
        for batch in batches(_last_wins(rows, lambda r: (r.source, r.target, r.key))):
            sent = [{"source": e.source, "target": e.target, "key": e.key, "props": e.compared} for e in batch]
            changes: dict[_Identity, dict[str, Any]] = {}
            new: set[_Identity] = set()
            pending: dict[_Identity, Entry] = {}
            for edge, before in zip(batch, self._differences(q.DIFF_EDGES[spec], sent, fresh), strict=True):
                identity = (edge.source, edge.target, edge.key)
                diff = edge.props if before is None else {k: edge.props[k] for k in before}
                if before is None:
                    new.add(identity)
                elif diff:
                    counts.updated += 1
                else:
                    counts.unchanged += 1
                if before is None or diff:
                    changes[identity] = {"source": edge.source, "target": edge.target, "key": edge.key, "props": diff}
                    pending[identity] = Entry.of_edge(spec, identity, before, diff)
            lost = self._unwritable(spec, new, written) if new else set()
            created = new - lost
            counts.created += len(created)
            missing.extend(e for e in batch if (e.source, e.target, e.key) in lost)
            entries.extend(entry for identity, entry in pending.items() if identity not in lost)
            writable = [row for identity, row in changes.items() if identity not in lost]
            if not writable:
                continue
            self._tx.write(q.UPSERT_EDGES[spec], {"rows": writable})
            if single and created and not fresh:
                moved = [{"source": s, "target": t} for s, t, _ in created]
                for row in self._tx.read(q.OTHER_EDGES[spec], {"rows": moved}):
                    other = f"{EDGES[spec].source}-{EDGES[spec].type}->{row['target_label']}"
                    entries.append(_removed_entry(other, row["source"], row["target"], row["props"]))
                self._tx.write(q.DROP_OTHER_EDGES[spec], {"rows": moved})
        return counts

    def _unwritable(self, spec: str, identities: set[_Identity], written: Mapping[str, set[str]]) -> set[_Identity]:
        """The new relationships that cannot be written: an end neither stored nor written by this unit."""
        edge = EDGES[spec]
        sources = written.get(edge.source, set())
        targets = written.get(edge.target, set())
        sources = sources | existing_ids(self._tx, edge.source, {s for s, _, _ in identities} - sources)
        targets = targets | existing_ids(self._tx, edge.target, {t for _, t, _ in identities} - targets)
        return {(s, t, k) for s, t, k in identities if s not in sources or t not in targets}


def _removed_entry(spec: str, source: str, target: str, props: dict[str, Any]) -> Entry:
    before = dict(props)
    key = str(before.pop("key", ""))
    return Entry.of_edge(spec, (source, target, key), before, None)


def _last_wins(rows: list[_T], identity: Callable[[_T], Any]) -> list[_T]:
    """Keep one row per identity (the last), so a batch never upserts a key twice."""
    return list({identity(row): row for row in rows}.values())
