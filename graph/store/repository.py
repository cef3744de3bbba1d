"""GraphStore: the repository every service and page goes through.

Writes are idempotent upserts that report what they changed: the rows are
compared with what is stored first and only new or changed properties are
sent, so a repeated import reports 0 created, 0 updated and leaves the store
as it was. Reads return plain rows or a networkx ``MultiDiGraph``, the one
bridge to the analysis code.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import networkx as nx
from pydantic import BaseModel, ConfigDict, Field, computed_field

from graph.domain.changes import Author, Change, ChangeSource, Entry, day_end
from graph.domain.enums import Stage, Status
from graph.domain.errors import EditConflict, NotFound, QueryFailed
from graph.domain.fields import Record
from graph.domain.hierarchy import group_roots
from graph.domain.keys import node_key
from graph.domain.model import US_VENDOR_ID
from graph.domain.normalise import product_category
from graph.store import cypher
from graph.store.rows import EdgeRow, GraphRows, NodeRow, graph_rows
from graph.store.runner import Runner, Transaction
from graph.store.subgraph import to_networkx

__all__ = ["BATCH_SIZE", "Decided", "GraphStore", "PortfolioRows", "WriteCounts", "WriteReport"]

BATCH_SIZE = 1000
CLEAR_BATCH = 10_000
COUNTS_FRESH_S = 5.0
"""How long the sidebar's counts are reused: every rerun of every page shows them."""
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


@dataclass(frozen=True)
class PortfolioRows:
    """Everything the portfolio needs, aggregated by the server, one list of rows per concern.

    Rows arrive as the server streams them: numbers as numbers, unset values as ``None``.
    """

    roots: list[dict[str, Any]]
    companies: list[dict[str, Any]]
    purchases: list[dict[str, Any]]
    decision_makers: list[dict[str, Any]]
    known_decision_makers: list[dict[str, Any]]
    last_touches: list[dict[str, Any]]
    our_deals: list[dict[str, Any]]
    competitor_names: dict[str, str]


def _batches(items: Sequence[_T], size: int = BATCH_SIZE) -> Iterator[Sequence[_T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class GraphStore:
    """Upserts and reads over one ``Runner``; knows nothing of which server it is."""

    def __init__(self, runner: Runner) -> None:
        self.runner = runner
        self._counted: tuple[float, dict[str, int]] | None = None

    @property
    def kind(self) -> str:
        return self.runner.kind

    @property
    def address(self) -> str:
        return self.runner.address

    def ensure_schema(self) -> None:
        self.runner.ensure_schema(cypher.NODE_LABELS)

    def close(self) -> None:
        self.runner.close()

    def clear(self) -> None:
        """Delete every node and relationship (demo reset, test isolation), a batch at a time."""
        while self.runner.write(cypher.DELETE_SOME, {"batch": CLEAR_BATCH})[0]["deleted"]:
            pass
        self._counted = None

    def is_empty(self) -> bool:
        return not self.runner.read(cypher.ANY_NODE)

    def empty_labels(self, labels: Iterable[str]) -> frozenset[str]:
        """Which of ``labels`` have no node at all (an import into them creates every node it sends)."""
        return frozenset(label for label in labels if not self.runner.read(cypher.ANY_OF_LABEL[label]))

    # writes -------------------------------------------------------------

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
        """Upsert node and edge rows, nodes first, as one unit of work; edges whose ends are missing are reported.

        Everything lands together with its history entry, or nothing does
        (``Runner.unit``). ``new_labels`` and ``new_specs`` name node labels
        and relationship kinds (``cypher.EDGES`` keys) whose rows the caller
        knows are all new, e.g. an import into a store that held no contacts
        when it began, with ids and relationships unique across the import.
        Those skip reading the stored values to compare with, the one read
        that makes a first import slower than a bare ``MERGE``, and a new
        single-valued relationship has no older one to drop.

        With an ``author``, everything the write changed is recorded as one
        ``Change``. ``versions`` maps node keys (``Contact:ct-1``) to the
        version an editor read: if anybody changed such a node since,
        ``EditConflict`` is raised and nothing is written. ``removals`` are
        relationships to delete after the upserts (a manager no longer, an
        influence line withdrawn).
        """
        plan = _WritePlan(rows, new_labels, new_specs, author, dict(versions or {}), tuple(removals))
        report = self.runner.unit(lambda tx: self._write(tx, plan))
        self._counted = None
        return report

    def _write(self, tx: Transaction, plan: _WritePlan) -> WriteReport:
        """One attempt at a unit of work: read what is stored, queue what differs (``Runner.unit`` may repeat it)."""
        self._check_versions(tx, plan.versions)
        entries: list[Entry] = []
        report = WriteReport()
        by_label: dict[str, list[NodeRow]] = defaultdict(list)
        for node in plan.rows.nodes:
            by_label[node.label].append(node)
        written = {label: {node.id for node in nodes} for label, nodes in by_label.items()}
        created: dict[str, set[str]] = defaultdict(set)
        for label in cypher.NODE_LABELS:
            if by_label[label]:
                fresh = label in plan.new_labels
                report.nodes[label] = self._upsert_nodes(tx, label, by_label[label], fresh, entries, created[label])
        by_spec: dict[str, list[EdgeRow]] = defaultdict(list)
        for edge in self._without_placed(tx, plan.rows.edges, created):
            by_spec[edge.spec].append(edge)
        for spec, edges in by_spec.items():
            fresh = spec in plan.new_specs
            report.edges[spec] = self._upsert_edges(tx, spec, edges, report.missing_rows, fresh, entries, written)
        for spec in sorted({e.spec for e in plan.removals}):
            doomed = [{"source": e.source, "target": e.target, "key": e.key} for e in plan.removals if e.spec == spec]
            removed = tx.read(cypher.EDGE_PROPS[spec], {"rows": doomed})
            tx.write(cypher.DELETE_EDGES[spec], {"rows": doomed})
            entries.extend(_removed_entry(spec, r["source"], r["target"], r["props"]) for r in removed)
        if plan.author is not None and entries:
            change = Change.of(plan.author, entries)
            self._record(tx, change)
            report.change_id = change.id
        return report

    @staticmethod
    def _without_placed(tx: Transaction, edges: list[EdgeRow], created: Mapping[str, set[str]]) -> Iterator[EdgeRow]:
        """``edges`` less the default places (``EdgeRow.default_place``) of records that already have a place."""
        doubtful: dict[str, set[str]] = defaultdict(set)
        for edge in edges:
            if edge.default_place and edge.source not in created.get(cypher.EDGES[edge.spec].source, set()):
                doubtful[edge.spec].add(edge.source)
        placed: dict[str, set[str]] = defaultdict(set)
        for spec, ids in doubtful.items():
            for batch in _batches(sorted(ids)):
                placed[spec].update(str(r["id"]) for r in tx.read(cypher.PLACED[spec], {"ids": list(batch)}))
        return (edge for edge in edges if not (edge.default_place and edge.source in placed[edge.spec]))

    @staticmethod
    def _record(tx: Transaction, change: Change) -> None:
        """Queue a change and its ``ABOUT`` relationships to every record it touched."""
        tx.write(cypher.RECORD_CHANGE, change.to_row())
        for label, ids in change.about().items():
            if label in cypher.LINK_CHANGE:
                for batch in _batches(ids):
                    tx.write(cypher.LINK_CHANGE[label], {"change": change.id, "ids": list(batch)})

    def _check_versions(self, tx: Transaction, versions: Mapping[str, int]) -> None:
        """Refuse the unit when a node an editor read has changed since; the versions stay locked until it commits."""
        by_label: dict[str, dict[str, int]] = defaultdict(dict)
        for key, expected in versions.items():
            label, node_id = key.split(":", 1)
            by_label[label][node_id] = expected
        for label, wanted in by_label.items():
            current = tx.versions(label, wanted)
            for node_id, version in wanted.items():
                if node_id not in current:
                    raise NotFound(f"no {label.lower()} with id {node_id!r}")
                if current[node_id] != version:
                    stored = self.node(label, node_id) or {}
                    raise EditConflict(label, node_id, stored, self.last_author(node_key(label, node_id)))

    @staticmethod
    def _differences(
        tx: Transaction, query: str, rows: list[dict[str, Any]], fresh: bool
    ) -> list[dict[str, Any] | None]:
        """Per row: ``None`` when nothing is stored under its identity, else the stored values that differ.

        The comparison runs in the store (``cypher.DIFF_NODES``, ``DIFF_EDGES``), so unchanged
        records cost a number in the answer rather than all their properties.
        """
        if fresh:
            return [None] * len(rows)
        stored: list[dict[str, Any] | None] = [None] * len(rows)
        for answer in tx.read(query, {"rows": rows}):  # one row; none from a graph not yet created
            for index in answer["found"]:
                stored[index] = {}
            for index, pairs in answer["changed"]:
                stored[index] = dict(pairs)
        return stored

    def _upsert_nodes(
        self, tx: Transaction, label: str, rows: list[NodeRow], fresh: bool, entries: list[Entry], created: set[str]
    ) -> WriteCounts:
        """Upsert one label's nodes; the ids of those that did not exist go into ``created``."""
        counts = WriteCounts()
        for batch in _batches(_last_wins(rows, lambda r: r.id)):
            sent = [{"id": node.id, "props": node.compared} for node in batch]
            changes = []
            for node, before in zip(batch, self._differences(tx, cypher.DIFF_NODES[label], sent, fresh), strict=True):
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
                tx.write(cypher.UPSERT_NODES[label], {"rows": changes})
        return counts

    def _upsert_edges(
        self,
        tx: Transaction,
        spec: str,
        rows: list[EdgeRow],
        missing: list[EdgeRow],
        fresh: bool,
        entries: list[Entry],
        written: Mapping[str, set[str]],
    ) -> WriteCounts:
        counts = WriteCounts()
        single = cypher.EDGES[spec].single
        for batch in _batches(_last_wins(rows, lambda r: (r.source, r.target, r.key))):
            sent = [{"source": e.source, "target": e.target, "key": e.key, "props": e.compared} for e in batch]
            changes: dict[tuple[str, str, str], dict[str, Any]] = {}
            new: set[tuple[str, str, str]] = set()
            pending: dict[tuple[str, str, str], Entry] = {}
            for edge, before in zip(batch, self._differences(tx, cypher.DIFF_EDGES[spec], sent, fresh), strict=True):
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
            lost = self._unwritable(tx, spec, new, written) if new else set()
            created = new - lost
            counts.created += len(created)
            missing.extend(e for e in batch if (e.source, e.target, e.key) in lost)
            entries.extend(entry for identity, entry in pending.items() if identity not in lost)
            writable = [row for identity, row in changes.items() if identity not in lost]
            if not writable:
                continue
            tx.write(cypher.UPSERT_EDGES[spec], {"rows": writable})
            if single and created and not fresh:
                moved = [{"source": s, "target": t} for s, t, _ in created]
                for row in tx.read(cypher.OTHER_EDGES[spec], {"rows": moved}):
                    other = f"{cypher.EDGES[spec].source}-{cypher.EDGES[spec].type}->{row['target_label']}"
                    entries.append(_removed_entry(other, row["source"], row["target"], row["props"]))
                tx.write(cypher.DROP_OTHER_EDGES[spec], {"rows": moved})
        return counts

    def _unwritable(
        self, tx: Transaction, spec: str, identities: set[tuple[str, str, str]], written: Mapping[str, set[str]]
    ) -> set[tuple[str, str, str]]:
        """The new relationships that cannot be written: an end neither stored nor written by this unit."""
        edge = cypher.EDGES[spec]
        sources = written.get(edge.source, set())
        targets = written.get(edge.target, set())
        sources = sources | _existing_ids(tx, edge.source, {s for s, _, _ in identities} - sources)
        targets = targets | _existing_ids(tx, edge.target, {t for _, t, _ in identities} - targets)
        return {(s, t, k) for s, t, k in identities if s not in sources or t not in targets}

    # reads --------------------------------------------------------------

    def existing_ids(self, label: str, ids: Iterable[str]) -> set[str]:
        """Which of ``ids`` exist as ``label`` nodes (reference checks before an import writes)."""
        return _existing_ids(self.runner, label, ids)

    def properties(self, label: str, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """The stored properties of each ``label`` node among ``ids`` (an import checks rows against them)."""
        found: dict[str, dict[str, Any]] = {}
        for batch in _batches(sorted(set(ids))):
            for row in self.runner.read(cypher.FETCH_NODES[label], {"ids": list(batch)}):
                found[str(row["id"])] = dict(row["props"])
        return found

    def node(self, label: str, node_id: str) -> dict[str, Any] | None:
        """One node's stored properties (``version`` included), or ``None``."""
        rows = self.runner.read(cypher.FETCH_NODES[label], {"ids": [node_id]})
        return dict(rows[0]["props"]) if rows else None

    def lines(self, label: str) -> list[tuple[str, str]]:
        """Every stored (lower, upper) line of ``label``'s hierarchy (``cypher.LINES``)."""
        return [(str(r["lower"]), str(r["upper"])) for r in self._columns(cypher.LINES[label])]

    def managers(self, contact_id: str) -> list[str]:
        """Whom the contact reports to, as stored."""
        return sorted(str(r["id"]) for r in self.runner.read(cypher.MANAGERS, {"id": contact_id}))

    def line_up(self, label: str, upper: str, lower: str) -> list[tuple[str, str]]:
        """(id, name) along the line from ``upper`` up to ``lower`` (reporting, branch or department lines).

        Empty when there is none; when there is one, making ``upper`` the
        superior of ``lower`` would close a cycle.
        """
        rows = self.runner.read(cypher.LINE_UP[label], {"upper": upper, "lower": lower})
        return list(zip(rows[0]["ids"], rows[0]["names"], strict=True)) if rows else []

    def same_person(self, company_id: str, contact_id: str, phone: str | None, email: str | None) -> dict[str, Any]:
        """Another contact of ``company_id`` with this phone or e-mail (id, name, phone, email), or ``{}``."""
        if not phone and not email:
            return {}
        params = {"company": company_id, "id": contact_id, "phone": phone, "email": email}
        rows = self.runner.read(cypher.SAME_PERSON, params)
        return rows[0] if rows else {}

    def changes_since(self, day: dt.date) -> list[Change]:
        """Every change made after the end of ``day`` (UTC), oldest first."""
        rows = self.runner.read(cypher.CHANGES_SINCE, {"since": day_end(day)})
        return [Change.from_row(r["props"]) for r in rows]

    def access_log(self, since: dt.date, limit: int = 500) -> list[Change]:
        """The newest access records (``ChangeSource.ACCESS``) made on or after ``since``, newest first."""
        params = {"since": day_end(since - dt.timedelta(days=1)), "source": ChangeSource.ACCESS.value, "limit": limit}
        return [Change.from_row(r["props"]) for r in self.runner.read(cypher.ACCESS_LOG, params)]

    def changes_about(self, keys: Iterable[str], limit: int = 200, as_of: dt.date | None = None) -> list[Change]:
        """The newest changes touching any of the nodes ``keys`` (``Contact:ct-1``), newest first.

        With ``as_of``, only changes made up to the end of that day (UTC).
        """
        until = day_end(as_of or dt.date.max - dt.timedelta(days=1))
        by_label: dict[str, set[str]] = defaultdict(set)
        for key in keys:
            label, node_id = key.split(":", 1)
            by_label[label].add(node_id)
        newest: dict[str, tuple[int, dict[str, Any]]] = {}
        for label, ids in sorted(by_label.items()):
            params = {"ids": sorted(ids), "limit": limit, "until": until}
            for row in self.runner.read(cypher.CHANGES_ABOUT[label], params):
                newest[str(row["props"]["id"])] = (int(row["stamp"]), row["props"])
        ordered = sorted(newest.values(), key=lambda pair: (pair[0], str(pair[1]["id"])), reverse=True)
        return [Change.from_row(props) for _, props in ordered[:limit]]

    def last_author(self, key: str) -> str:
        """Who last changed the node ``key``, or ``""`` when the history does not say."""
        latest = self.changes_about([key], limit=1)
        return latest[0].who if latest else ""

    def export_rows(self, stem: str) -> list[dict[str, Any]]:
        """Every stored record of one import stem, in that stem's columns (``cypher.EXPORT``)."""
        return self.runner.read(cypher.EXPORT[stem], {"us": US_VENDOR_ID})

    def counts(self) -> dict[str, int]:
        """Nodes per label plus ``relationships`` (the history's own links left out), for the sidebar.

        Per-label and per-type counts, which both servers answer from their
        statistics; reused for a few seconds, since every rerun of a page asks.
        """
        now = time.monotonic()
        if self._counted is not None and now - self._counted[0] < COUNTS_FRESH_S:
            return dict(self._counted[1])
        result = {}
        for label, query in cypher.COUNT_LABEL.items():
            rows = self.runner.read(query)
            if rows and int(rows[0]["n"]):
                result[label] = int(rows[0]["n"])
        result["relationships"] = sum(
            int(rows[0]["n"]) for query in cypher.COUNT_TYPE.values() if (rows := self.runner.read(query))
        )
        self._counted = (now, result)
        return dict(result)

    def groups(self) -> list[dict[str, Any]]:
        """Top-level companies (group roots and stand-alone companies) with their companies and people, by name.

        Groups are resolved from parent ids in Python: a variable-length match
        from every root took minutes at 10,000 groups.
        """
        companies = self._columns(cypher.PORTFOLIO_COMPANIES, unset={"parent_id": ""})
        root_of = group_roots({c["company_id"]: c["parent_id"] or None for c in companies})
        sizes = Counter(root_of.values())
        people: Counter[str] = Counter()
        for row in self._columns(cypher.CONTACTS_PER_COMPANY):
            company = str(row["company_id"])
            people[root_of.get(company) or company] += int(row["people"])
        roots = self._columns(cypher.PORTFOLIO_ROOTS, unset=_ROOT_UNSET)
        rows = [
            {
                "id": r["group_id"],
                "name": r["name"],
                "tier": r["tier"] or None,
                "industry": r["industry"] or None,
                "companies": sizes[r["group_id"]],
                "contacts": people[r["group_id"]],
            }
            for r in roots
        ]
        return sorted(rows, key=lambda r: (str(r["name"]), str(r["id"])))

    def group_companies(self, company_id: str) -> list[dict[str, Any]]:
        """Every company of the group ``company_id`` belongs to (id, name, parent_id, tier), root first."""
        return self.runner.read(cypher.GROUP_COMPANIES, {"id": self.group_root(company_id)})

    def our_categories(self) -> list[str]:
        """The product categories we sell anywhere: the catalogue every group is measured against."""
        rows = self._columns(cypher.OUR_DEALS, {"us": US_VENDOR_ID})
        return sorted({product_category(str(row["category"])) for row in rows})

    def portfolio_rows(self, decision_roles: Sequence[str]) -> PortfolioRows:
        """Per-company aggregates for every group, computed by the server, one statement per concern.

        ``decision_roles`` are the buying roles whose coverage counts.
        """
        people = {"roles": list(decision_roles), "active": Status.ACTIVE.value}
        return PortfolioRows(
            roots=self._columns(cypher.PORTFOLIO_ROOTS, unset=_ROOT_UNSET),
            companies=self._columns(cypher.PORTFOLIO_COMPANIES, unset={"parent_id": ""}),
            purchases=self._columns(cypher.PORTFOLIO_PURCHASES, unset={"since": ""}),
            decision_makers=self._columns(cypher.PORTFOLIO_DECISION_MAKERS, people),
            known_decision_makers=self._columns(cypher.PORTFOLIO_KNOWN_DECISION_MAKERS, people),
            last_touches=self._columns(cypher.PORTFOLIO_LAST_TOUCH),
            our_deals=self._columns(cypher.OUR_DEALS, {"us": US_VENDOR_ID}),
            competitor_names={str(r["id"]): str(r["name"]) for r in self.runner.read(cypher.COMPETITOR_NAMES)},
        )

    def _columns(
        self,
        query: str,
        params: Mapping[str, Any] | None = None,
        unset: Mapping[str, object] | None = None,
        reader: Runner | Transaction | None = None,
    ) -> list[dict[str, Any]]:
        """Rows of a statement that answers one row of columns (see ``cypher``'s docstring).

        ``unset`` maps a column to the stand-in its statement puts for an unset value; that becomes ``None``.
        """
        answer = (reader or self.runner).read(query, {"blank": "", **(params or {})})
        if not answer:
            return []
        columns = answer[0]
        if len({len(values) for values in columns.values()}) > 1:
            raise QueryFailed(f"query {cypher.query_name(query)} answered columns of different lengths")
        names = list(columns)
        rows = [dict(zip(names, values, strict=True)) for values in zip(*columns.values(), strict=True)]
        for name, stand_in in (unset or {}).items():
            for row in rows:
                if row[name] == stand_in:
                    row[name] = None
        return rows

    def group_root(self, company_id: str) -> str:
        rows = self.runner.read(cypher.GROUP_ROOT, {"id": company_id})
        if not rows:
            raise NotFound(f"no company with id {company_id!r}")
        return str(rows[0]["id"])

    def contact_company(self, contact_id: str) -> str:
        rows = self.runner.read(cypher.CONTACT_COMPANY, {"id": contact_id})
        if not rows:
            raise NotFound(f"no contact with id {contact_id!r}")
        return str(rows[0]["company_id"])

    def company_member_keys(self, company_id: str) -> list[str]:
        """The node keys (``Contact:ct-1``) of a company and of everything that belongs to it."""
        self.group_root(company_id)
        rows = self.runner.read(cypher.COMPANY_MEMBERS, {"id": company_id})
        return [node_key(str(r["label"]), str(r["id"])) for r in rows]

    def company_subgraph(self, company_id: str) -> nx.MultiDiGraph[str]:
        """One company: its departments, people, deals, claims and everyone tied to them."""
        self.group_root(company_id)
        return self._subgraph([company_id])

    def group_subgraph(self, company_id: str) -> nx.MultiDiGraph[str]:
        """The whole group ``company_id`` belongs to, from its root down, any depth."""
        root = self.group_root(company_id)
        ids = [row["id"] for row in self.runner.read(cypher.GROUP_COMPANY_IDS, {"id": root})]
        graph = self._subgraph(ids)
        graph.graph["root"] = root
        return graph

    def reps(self) -> list[dict[str, Any]]:
        """Every rep of ours (id, name, role, channel, team, status …), by name."""
        rows = self.runner.read(cypher.ALL_REPS)
        return sorted((r["props"] for r in rows), key=lambda r: (str(r.get("name", "")), str(r["id"])))

    def rep_accounts(self, rep_id: str) -> list[str]:
        """Companies the rep works: open opportunities they own, their claims, people they know."""
        rows = self.runner.read(cypher.REP_ACCOUNTS, {"rep": rep_id, "closed": [Stage.WON.value, Stage.LOST.value]})
        return sorted({str(r["company_id"]) for r in rows if r["company_id"]})

    def worked_accounts(self, rep_ids: Iterable[str]) -> set[str]:
        """Companies where any of ``rep_ids`` owns an open opportunity or knows someone (visibility)."""
        params = {"reps": sorted(rep_ids), "closed": [Stage.WON.value, Stage.LOST.value]}
        return {str(r["company_id"]) for r in self.runner.read(cypher.WORKED_ACCOUNTS, params) if r["company_id"]}

    def record_access(self, author: Author, company_ids: Iterable[str]) -> str:
        """Put a view or a download of these companies into the history (``ChangeSource.ACCESS``); its change id.

        The entries change nothing (rewinding skips over them); they link the
        record to each company, so the account's timeline shows who looked.
        """
        change = Change.of(author, [Entry.of_node("Company", c, {}, {}) for c in dict.fromkeys(company_ids)])
        self.runner.unit(lambda tx: self._record(tx, change))
        return change.id

    def company_names(self) -> list[dict[str, Any]]:
        """Every company's id, name, normalised name key, parent id and tier (``None`` when unset)."""
        return self._columns(cypher.COMPANY_NAMES, unset={"parent_id": "", "tier": 0})

    def company_roots(self) -> dict[str, str]:
        """Every company's id → its group root's id."""
        return group_roots({str(c["id"]): c.get("parent_id") for c in self.company_names()})

    def phone_companies(self, phone: str) -> list[str]:
        """Companies with a contact whose (normalised) phone is ``phone``."""
        return [str(r["company_id"]) for r in self.runner.read(cypher.PHONE_COMPANIES, {"phone": phone})]

    def claims_graph(self, reader: Runner | Transaction | None = None) -> nx.MultiDiGraph[str]:
        """Companies, group lines, reps, claims, settlements, and the touches of people in claimed groups.

        ``reader`` is a unit of work's transaction when a decision is taken on what it reads.
        """
        reader = reader or self.runner
        companies = self._columns(cypher.COMPANY_NAMES, unset={"parent_id": "", "tier": 0}, reader=reader)
        nodes = [{"label": "Company", "props": {"id": c["id"], "tier": c["tier"]}} for c in companies]
        nodes += reader.read(cypher.CLAIM_NODES)
        edges = [
            {
                "source_label": "Company",
                "source": c["id"],
                "type": "BRANCH_OF",
                "props": {"key": ""},
                "target_label": "Company",
                "target": c["parent_id"],
            }
            for c in companies
            if c["parent_id"]
        ]
        edges += reader.read(cypher.CLAIMED_GROUP_TOUCHES)
        return to_networkx(self._with_ends(nodes, edges, reader), edges)

    def decide_on_claims(
        self, locks: Mapping[str, Sequence[str]], decide: Callable[[nx.MultiDiGraph[str]], Decided[_T]]
    ) -> tuple[_T, WriteReport]:
        """Take a decision on the claims as they stand and write it, as one unit of work.

        ``locks`` (label → ids, e.g. the group root and the rep) are taken
        before anything is read: on Neo4j the nodes' write locks, so a second
        claim on the same enterprise waits and then reads the first; on
        FalkorDB the unit's watch already re-runs it after any other write.
        ``decide`` gets ``claims_graph`` as committed and returns the records
        to write, recorded as its author's, and what to answer.
        """

        def work(tx: Transaction) -> tuple[_T, WriteReport]:
            for label, ids in locks.items():
                tx.versions(label, ids)
            decided = decide(self.claims_graph(tx))
            plan = _WritePlan(graph_rows(decided.records, whole=True), frozenset(), frozenset(), decided.author, {}, ())
            return decided.outcome, self._write(tx, plan)

        outcome, report = self.runner.unit(work)
        self._counted = None
        return outcome, report

    def _with_ends(
        self, nodes: list[dict[str, Any]], edges: list[dict[str, Any]], reader: Runner | Transaction | None = None
    ) -> list[dict[str, Any]]:
        """``nodes`` plus the nodes at the far end of ``edges`` that are not among them."""
        have = {(n["label"], n["props"]["id"]) for n in nodes}
        outside: dict[str, set[str]] = defaultdict(set)
        for edge in edges:
            for end in ("source", "target"):
                if (edge[f"{end}_label"], edge[end]) not in have:
                    outside[edge[f"{end}_label"]].add(edge[end])
        for label, ids in outside.items():
            rows = (reader or self.runner).read(cypher.FETCH_NODES[label], {"ids": sorted(ids)})
            nodes.extend({"label": label, "props": row["props"]} for row in rows)
        return nodes

    def _subgraph(self, company_ids: list[str]) -> nx.MultiDiGraph[str]:
        params = {"ids": company_ids}
        nodes = self.runner.read(cypher.SUBGRAPH_NODES, params)
        edges = self.runner.read(cypher.SUBGRAPH_EDGES, params)
        graph = to_networkx(self._with_ends(nodes, edges), edges)
        graph.graph["companies"] = sorted(company_ids)
        self._name_vendors(graph)
        return graph

    def _name_vendors(self, graph: nx.MultiDiGraph[str]) -> None:
        """Give each rival vendor node its competitor's name, so installs read "鼎信科技", not an id."""
        vendors = [d["id"] for _, d in graph.nodes(data=True) if d["label"] == "Vendor" and d["id"] != US_VENDOR_ID]
        if not vendors:
            return
        for row in self.runner.read(cypher.FETCH_NODES["Competitor"], {"ids": vendors}):
            graph.nodes[f"Vendor:{row['id']}"]["name"] = row["props"].get("name", row["id"])


@dataclass(frozen=True)
class _WritePlan:
    """What ``write_rows`` was asked to do, kept whole so that a retried unit of work starts from it again."""

    rows: GraphRows
    new_labels: frozenset[str]
    new_specs: frozenset[str]
    author: Author | None
    versions: dict[str, int]
    removals: tuple[EdgeRow, ...]


_ROOT_UNSET: dict[str, object] = {"tier": 0, "industry": ""}


def _existing_ids(reader: Runner | Transaction, label: str, ids: Iterable[str]) -> set[str]:
    found: set[str] = set()
    for batch in _batches(sorted(set(ids))):
        found.update(str(r["id"]) for r in reader.read(cypher.EXISTING_IDS[label], {"ids": list(batch)}))
    return found


def _removed_entry(spec: str, source: str, target: str, props: dict[str, Any]) -> Entry:
    before = dict(props)
    key = str(before.pop("key", ""))
    return Entry.of_edge(spec, (source, target, key), before, None)


def _last_wins(rows: list[_T], identity: Any) -> list[_T]:
    """Keep one row per identity (the last), so a batch never upserts a key twice."""
    return list({identity(row): row for row in rows}.values())
