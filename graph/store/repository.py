"""GraphStore: the repository every service and page goes through.

Writes are idempotent upserts that report what they changed: the rows are
compared with what is stored first and only new or changed properties are
sent, so a repeated import reports 0 created, 0 updated and leaves the store
as it was. Reads return plain rows or a networkx ``MultiDiGraph``, the one
bridge to the analysis code.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import networkx as nx
from pydantic import BaseModel, ConfigDict, Field, computed_field

from graph.changes import Author, Change, Entry, day_end
from graph.errors import EditConflict, NotFound, QueryFailed
from graph.hierarchy import group_roots
from graph.keys import node_key
from graph.model import US_VENDOR_ID, Record, Stage, Status
from graph.store import cypher
from graph.store.rows import EdgeRow, GraphRows, NodeRow, graph_rows
from graph.store.runner import Runner
from graph.store.subgraph import to_networkx

__all__ = ["BATCH_SIZE", "GraphStore", "PortfolioRows", "WriteCounts", "WriteReport"]

BATCH_SIZE = 1000
_T = TypeVar("_T")


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

    Values of packed statements arrive as text (``"1200"``); the portfolio converts them.
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
        """Delete every node and relationship (demo reset, test isolation)."""
        self.runner.write(cypher.DELETE_ALL)

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
        """Upsert node and edge rows, nodes first; edges whose ends are missing are reported.

        ``new_labels`` and ``new_specs`` name node labels and relationship
        kinds (``cypher.EDGES`` keys) whose rows the caller knows are all new,
        e.g. an import into a store that held no contacts when it began, with
        ids and relationships unique across the import. Those skip reading the
        stored values to compare with, the one read that makes a first import
        slower than a bare ``MERGE``, and a new single-valued relationship has
        no older one to drop.

        With an ``author``, everything the write changed is recorded as one
        ``Change`` (``record_change``). ``versions`` maps node keys
        (``Contact:ct-1``) to the version an editor read: such a node is only
        written if nobody changed it since, else ``EditConflict`` is raised
        before anything is written. ``removals`` are relationships to delete
        after the upserts (a manager no longer, an influence line withdrawn).
        """
        versions = versions or {}
        self._check_versions(versions)
        entries: list[Entry] = []
        report = WriteReport()
        by_label: dict[str, list[NodeRow]] = defaultdict(list)
        for node in rows.nodes:
            by_label[node.label].append(node)
        for label in cypher.NODE_LABELS:
            if by_label[label]:
                report.nodes[label] = self._upsert_nodes(label, by_label[label], label in new_labels, entries, versions)
        by_spec: dict[str, list[EdgeRow]] = defaultdict(list)
        for edge in rows.edges:
            by_spec[edge.spec].append(edge)
        for spec, edges in by_spec.items():
            report.edges[spec] = self._upsert_edges(spec, edges, report.missing_rows, spec in new_specs, entries)
        for spec in sorted({e.spec for e in removals}):
            doomed = [{"source": e.source, "target": e.target, "key": e.key} for e in removals if e.spec == spec]
            removed = self.runner.write(cypher.DELETE_EDGES[spec], {"rows": doomed})
            entries.extend(_removed_entry(spec, r["source"], r["target"], r["props"]) for r in removed)
        if author is not None and entries:
            report.change_id = self.record_change(Change.of(author, entries))
        return report

    def record_change(self, change: Change) -> str:
        """Store one history entry; its id."""
        self.runner.write(cypher.RECORD_CHANGE, change.to_row())
        return change.id

    def _check_versions(self, versions: Mapping[str, int]) -> None:
        for key, expected in versions.items():
            label, node_id = key.split(":", 1)
            current = self.node(label, node_id)
            if current is None:
                raise NotFound(f"no {label.lower()} with id {node_id!r}")
            if int(current.get("version", 0)) != expected:
                raise EditConflict(label, node_id, current, self.last_author(key))

    def _differences(self, query: str, rows: list[dict[str, Any]], fresh: bool) -> list[dict[str, Any] | None]:
        """Per row: ``None`` when nothing is stored under its identity, else the stored values that differ.

        The comparison runs in the store (``cypher.DIFF_NODES``, ``DIFF_EDGES``), so unchanged
        records cost a number in the answer rather than all their properties.
        """
        if fresh:
            return [None] * len(rows)
        stored: list[dict[str, Any] | None] = [None] * len(rows)
        for answer in self.runner.read(query, {"rows": rows}):  # one row; none from a graph not yet created
            for index in answer["found"]:
                stored[index] = {}
            for index, pairs in answer["changed"]:
                stored[index] = dict(pairs)
        return stored

    def _upsert_nodes(
        self, label: str, rows: list[NodeRow], fresh: bool, entries: list[Entry], versions: Mapping[str, int]
    ) -> WriteCounts:
        counts = WriteCounts()
        for batch in _batches(_last_wins(rows, lambda r: r.id)):
            sent = [{"id": node.id, "props": node.props} for node in batch]
            changes = []
            for node, before in zip(batch, self._differences(cypher.DIFF_NODES[label], sent, fresh), strict=True):
                diff = node.props if before is None else {k: node.props[k] for k in before}
                if before is None:
                    counts.created += 1
                elif diff:
                    counts.updated += 1
                else:
                    counts.unchanged += 1
                if not diff:
                    continue
                entries.append(Entry.of_node(label, node.id, before, diff))
                version = versions.get(node_key(label, node.id))
                if version is None:
                    changes.append({"id": node.id, "props": diff})
                elif not self.runner.write(
                    cypher.UPDATE_VERSIONED[label], {"id": node.id, "version": version, "props": diff}
                ):
                    self._check_versions({node_key(label, node.id): version})
            if changes:
                self.runner.write(cypher.UPSERT_NODES[label], {"rows": changes})
        return counts

    def _upsert_edges(
        self, spec: str, rows: list[EdgeRow], missing: list[EdgeRow], fresh: bool, entries: list[Entry]
    ) -> WriteCounts:
        counts = WriteCounts()
        single = cypher.EDGES[spec].single
        for batch in _batches(_last_wins(rows, lambda r: (r.source, r.target, r.key))):
            sent = [{"source": e.source, "target": e.target, "key": e.key, "props": e.props} for e in batch]
            changes, new = [], set()
            pending: dict[tuple[str, str, str], Entry] = {}
            for edge, before in zip(batch, self._differences(cypher.DIFF_EDGES[spec], sent, fresh), strict=True):
                identity = (edge.source, edge.target, edge.key)
                diff = edge.props if before is None else {k: edge.props[k] for k in before}
                if before is None:
                    new.add(identity)
                elif diff:
                    counts.updated += 1
                else:
                    counts.unchanged += 1
                if before is None or diff:
                    changes.append({"source": edge.source, "target": edge.target, "key": edge.key, "props": diff})
                    pending[identity] = Entry.of_edge(spec, identity, before, diff)
            if not changes:
                continue
            written_count = self.runner.write(cypher.UPSERT_EDGES[spec], {"rows": changes})[0]["written"]
            lost = self._unwritable(spec, new) if written_count < len(changes) else set()
            created = new - lost
            counts.created += len(created)
            missing.extend(e for e in batch if (e.source, e.target, e.key) in lost)
            entries.extend(entry for identity, entry in pending.items() if identity not in lost)
            if single and created and not fresh:
                moved = [{"source": s, "target": t} for s, t, _ in created]
                for row in self.runner.write(cypher.DROP_OTHER_EDGES[spec], {"rows": moved}):
                    other = f"{cypher.EDGES[spec].source}-{cypher.EDGES[spec].type}->{row['target_label']}"
                    entries.append(_removed_entry(other, row["source"], row["target"], row["props"]))
        return counts

    def _unwritable(self, spec: str, identities: set[tuple[str, str, str]]) -> set[tuple[str, str, str]]:
        """The new relationships that could not be written because an end does not exist."""
        edge = cypher.EDGES[spec]
        sources = self.existing_ids(edge.source, (s for s, _, _ in identities))
        targets = self.existing_ids(edge.target, (t for _, t, _ in identities))
        return {(s, t, k) for s, t, k in identities if s not in sources or t not in targets}

    # reads --------------------------------------------------------------

    def existing_ids(self, label: str, ids: Iterable[str]) -> set[str]:
        """Which of ``ids`` exist as ``label`` nodes (reference checks before an import writes)."""
        wanted = sorted(set(ids))
        found: set[str] = set()
        for batch in _batches(wanted):
            found.update(str(r["id"]) for r in self.runner.read(cypher.EXISTING_IDS[label], {"ids": list(batch)}))
        return found

    def node(self, label: str, node_id: str) -> dict[str, Any] | None:
        """One node's stored properties (``version`` included), or ``None``."""
        rows = self.runner.read(cypher.FETCH_NODES[label], {"ids": [node_id]})
        return dict(rows[0]["props"]) if rows else None

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

    def changes_about(self, keys: Iterable[str], limit: int = 200, as_of: dt.date | None = None) -> list[Change]:
        """The newest changes touching any of the nodes ``keys`` (``Contact:ct-1``), newest first.

        With ``as_of``, only changes made up to the end of that day (UTC).
        """
        until = day_end(as_of or dt.date.max - dt.timedelta(days=1))
        params = {"keys": sorted(set(keys)), "limit": limit, "until": until}
        rows = self.runner.read(cypher.CHANGES_ABOUT, params)
        return [Change.from_row(r["props"]) for r in rows]

    def last_author(self, key: str) -> str:
        """Who last changed the node ``key``, or ``""`` when the history does not say."""
        latest = self.changes_about([key], limit=1)
        return latest[0].who if latest else ""

    def export_rows(self, stem: str) -> list[dict[str, Any]]:
        """Every stored record of one import stem, in that stem's columns (``cypher.EXPORT``)."""
        return self.runner.read(cypher.EXPORT[stem], {"us": US_VENDOR_ID})

    def counts(self) -> dict[str, int]:
        """Nodes per label plus ``relationships``, for the sidebar."""
        result = {row["label"]: int(row["n"]) for row in self.runner.read(cypher.COUNT_NODES)}
        result["relationships"] = sum(int(row["n"]) for row in self.runner.read(cypher.COUNT_EDGES))
        return result

    def groups(self) -> list[dict[str, Any]]:
        """Top-level companies (group roots and stand-alone companies) with their companies and people, by name.

        Groups are resolved from parent ids in Python: a variable-length match
        from every root took minutes at 10,000 groups.
        """
        companies = self._unpacked(cypher.PORTFOLIO_COMPANIES, ("company_id", "parent_id", "employees"))
        root_of = group_roots({c["company_id"]: c["parent_id"] or None for c in companies})
        sizes = Counter(root_of.values())
        people: Counter[str] = Counter()
        for row in self._unpacked(cypher.CONTACTS_PER_COMPANY, ("company_id", "people")):
            people[root_of.get(row["company_id"], row["company_id"])] += int(row["people"])
        roots = self._parallel(cypher.PORTFOLIO_ROOTS, {"blank": ""})
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
        return sorted(
            {row["category"] for row in self._unpacked(cypher.OUR_DEALS, ("category", "amount", "employees"))}
        )

    def portfolio_rows(self, decision_roles: Sequence[str]) -> PortfolioRows:
        """Per-company aggregates for every group, computed by the server, one statement per concern.

        ``decision_roles`` are the buying roles whose coverage counts.
        """
        people = {"roles": list(decision_roles), "active": Status.ACTIVE.value}
        return PortfolioRows(
            roots=self._parallel(cypher.PORTFOLIO_ROOTS, {"blank": ""}),
            companies=self._unpacked(cypher.PORTFOLIO_COMPANIES, ("company_id", "parent_id", "employees")),
            purchases=self._unpacked(
                cypher.PORTFOLIO_PURCHASES, ("company_id", "category", "vendor", "amount", "since")
            ),
            decision_makers=self._unpacked(cypher.PORTFOLIO_DECISION_MAKERS, ("company_id", "people"), people),
            known_decision_makers=self._unpacked(
                cypher.PORTFOLIO_KNOWN_DECISION_MAKERS, ("company_id", "people"), people
            ),
            last_touches=self._unpacked(cypher.PORTFOLIO_LAST_TOUCH, ("company_id", "last_touch")),
            our_deals=self._unpacked(cypher.OUR_DEALS, ("category", "amount", "employees")),
            competitor_names={str(r["id"]): str(r["name"]) for r in self.runner.read(cypher.COMPETITOR_NAMES)},
        )

    def _parallel(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Rows of a statement that returns one row of parallel lists, one list per column."""
        rows = self.runner.read(query, params)
        if not rows:
            return []
        return [dict(zip(rows[0], values, strict=True)) for values in zip(*rows[0].values(), strict=True)]

    def _unpacked(
        self, query: str, names: tuple[str, ...], params: dict[str, Any] | None = None
    ) -> list[dict[str, str]]:
        """Rows of a packed statement (``cypher._packed``): each text split back into its fields."""
        rows = self.runner.read(
            query, {"fs": cypher.FIELD_SEPARATOR, "blank": "", "us": US_VENDOR_ID, **(params or {})}
        )
        records = []
        for record in rows[0]["records"] if rows else []:
            fields = str(record).split(cypher.FIELD_SEPARATOR)
            if len(fields) != len(names):
                raise QueryFailed(f"query {cypher.query_name(query)} returned a value holding a separator: {record!r}")
            records.append(dict(zip(names, fields, strict=True)))
        return records

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

    def company_subgraph(self, company_id: str) -> nx.MultiDiGraph:
        """One company: its departments, people, deals, claims and everyone tied to them."""
        self.group_root(company_id)
        return self._subgraph([company_id])

    def group_subgraph(self, company_id: str) -> nx.MultiDiGraph:
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

    def company_names(self) -> list[dict[str, Any]]:
        """Every company's id, name, normalised name key, parent id and tier (``None`` when unset)."""
        rows = self._parallel(cypher.COMPANY_NAMES, {"blank": ""})
        return [{**r, "parent_id": r["parent_id"] or None, "tier": r["tier"] or None} for r in rows]

    def phone_companies(self, phone: str) -> list[str]:
        """Companies with a contact whose (normalised) phone is ``phone``."""
        return [str(r["company_id"]) for r in self.runner.read(cypher.PHONE_COMPANIES, {"phone": phone})]

    def claims_graph(self) -> nx.MultiDiGraph:
        """Companies, group lines, reps, claims, and the touches of people in groups that hold a claim."""
        companies = self.company_names()
        nodes = [{"label": "Company", "props": {"id": c["id"], "tier": c["tier"]}} for c in companies]
        nodes += self.runner.read(cypher.CLAIM_NODES)
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
        edges += self.runner.read(cypher.CLAIMED_GROUP_TOUCHES)
        return to_networkx(self._with_ends(nodes, edges), edges)

    def _with_ends(self, nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """``nodes`` plus the nodes at the far end of ``edges`` that are not among them."""
        have = {(n["label"], n["props"]["id"]) for n in nodes}
        outside: dict[str, set[str]] = defaultdict(set)
        for edge in edges:
            for end in ("source", "target"):
                if (edge[f"{end}_label"], edge[end]) not in have:
                    outside[edge[f"{end}_label"]].add(edge[end])
        for label, ids in outside.items():
            rows = self.runner.read(cypher.FETCH_NODES[label], {"ids": sorted(ids)})
            nodes.extend({"label": label, "props": row["props"]} for row in rows)
        return nodes

    def _subgraph(self, company_ids: list[str]) -> nx.MultiDiGraph:
        params = {"ids": company_ids}
        nodes = self.runner.read(cypher.SUBGRAPH_NODES, params)
        edges = self.runner.read(cypher.SUBGRAPH_EDGES, params)
        graph = to_networkx(self._with_ends(nodes, edges), edges)
        graph.graph["companies"] = sorted(company_ids)
        self._name_vendors(graph)
        return graph

    def _name_vendors(self, graph: nx.MultiDiGraph) -> None:
        """Give each rival vendor node its competitor's name, so installs read "鼎信科技", not an id."""
        vendors = [d["id"] for _, d in graph.nodes(data=True) if d["label"] == "Vendor" and d["id"] != US_VENDOR_ID]
        if not vendors:
            return
        for row in self.runner.read(cypher.FETCH_NODES["Competitor"], {"ids": vendors}):
            graph.nodes[f"Vendor:{row['id']}"]["name"] = row["props"].get("name", row["id"])


def _removed_entry(spec: str, source: str, target: str, props: dict[str, Any]) -> Entry:
    before = dict(props)
    key = str(before.pop("key", ""))
    return Entry.of_edge(spec, (source, target, key), before, None)


def _last_wins(rows: list[_T], identity: Any) -> list[_T]:
    """Keep one row per identity (the last), so a batch never upserts a key twice."""
    return list({identity(row): row for row in rows}.values())
