"""Every Cypher statement of the store, checked as data: values as ``$parameters``, labels from the allow-list,
parameters the code really supplies, and the history written by every write path.

The statements come from ``statements.statements()`` (each statement module's
``__all__``) and ``schema``; the parameters the code supplies come from running
the read models, the unit of work and the demo load over ``RecordingRunner``.
"""

from __future__ import annotations

import ast
import datetime as dt
import re
from collections import defaultdict
from pathlib import Path

import pytest

from graph.domain.actions import Action, ActionCode
from graph.domain.changes import Author, ChangeSource
from graph.domain.model import Company, Contact, Influence
from graph.domain.relations import EDGES, HIERARCHIES, NODE_LABELS
from graph.store import Decided, GraphStore, schema, write_cypher
from graph.store.cypher import fill
from graph.store.falkordb_runner import _FalkorTransaction
from graph.store.neo4j_runner import _Neo4jTransaction
from graph.store.record_cypher import EXPORT
from graph.store.rows import EdgeRow, GraphRows
from graph.store.statements import STATEMENT_MODULES, query_name, statements
from ingest.load_demo import load_demo
from tests.recording_runner import RecordingRunner, Sent

STATEMENTS = statements()
SCHEMA = {
    **{f"NEO4J_UNIQUE_IDS[{k}]": v for k, v in schema.NEO4J_UNIQUE_IDS.items()},
    **{f"NEO4J_INDEXES[{k}]": v for k, v in schema.NEO4J_INDEXES.items()},
    **{f"FALKOR_INDEXES[{k}]": v for k, v in schema.FALKOR_INDEXES.items()},
    "FALKOR_INDEX_LIST": schema.FALKOR_INDEX_LIST,
    "FALKOR_CONSTRAINTS": schema.FALKOR_CONSTRAINTS,
}
EVERY = {**STATEMENTS, **SCHEMA}
_PARAMETER = re.compile(r"\$([A-Za-z_]\w*)")
_IDENTIFIER_AFTER_COLON = re.compile(r"[\w)]:([A-Za-z_]\w*)")
"""``n:Contact``, ``[r:KNOWS``, ``(:Rep`` … (a map entry ``{id: $id}`` has a space after its colon)."""
ALLOWED = set(NODE_LABELS) | {spec.type for spec in EDGES.values()} | {"ABOUT"}
ME = Author(who="tester", source=ChangeSource.EDIT, action=Action.of(ActionCode.OTHER, text="test"))
COMMANDS = {"ON CREATE SET", "ON MATCH SET"}


def parameters(query: str) -> set[str]:
    return set(_PARAMETER.findall(query))


def family(name: str) -> str:
    """``FETCH_NODES[Claim]`` → ``FETCH_NODES``: the constant a dictionary entry belongs to."""
    return name.split("[", 1)[0]


def test_there_are_statements_in_every_module() -> None:
    assert all(any(name in STATEMENTS for name in m.__all__ if name != "fill") for m in STATEMENT_MODULES)
    assert len(STATEMENTS) > 200


@pytest.mark.parametrize("name", sorted(EVERY))
def test_values_travel_only_as_parameters(name: str) -> None:
    """No quoted literal in any statement: a value inside the text is how injection and escaping bugs start."""
    query = EVERY[name]
    assert "'" not in query and '"' not in query and "`" not in query, query
    assert "<" not in re.sub(r"<-|<>|< \$", "", query), f"{name}: an unfilled template slot: {query}"


@pytest.mark.parametrize("name", sorted(EVERY))
def test_labels_and_types_come_from_the_allow_list(name: str) -> None:
    query = re.sub(r"\{[^}]*\}", lambda m: m.group(0).replace(":", ": "), EVERY[name])  # map entries aside
    used = set(_IDENTIFIER_AFTER_COLON.findall(query))
    assert used <= ALLOWED, f"{name} names {sorted(used - ALLOWED)}"


def test_identifiers_outside_the_allow_list_are_refused() -> None:
    assert fill("MATCH (n:<label>) RETURN n", label="Contact") == "MATCH (n:Contact) RETURN n"
    with pytest.raises(ValueError, match="not an allowed label"):
        fill("MATCH (n:<label>) RETURN n", label="Contact) DETACH DELETE (n")
    with pytest.raises(ValueError, match="not an allowed"):
        schema._fill("CREATE INDEX FOR (n:<label>) ON (n.<prop>)", "Contact", "x) DETACH DELETE (n")


def test_every_statement_has_a_name_for_error_messages() -> None:
    assert all(
        query_name(query) == name for name, query in STATEMENTS.items() if list(STATEMENTS.values()).count(query) == 1
    )
    assert query_name("RETURN 2") == "ad-hoc query"


def test_only_single_valued_relationships_drop_old_targets() -> None:
    assert set(write_cypher.DROP_OTHER_EDGES) == {name for name, spec in EDGES.items() if spec.single}


def _everything_the_code_sends() -> tuple[RecordingRunner, list[list[Sent]]]:
    """Run every read model, every kind of unit of work, the demo load and both runners' version checks."""
    runner = RecordingRunner()
    store = GraphStore(runner)
    load_demo(store)
    accounts, records, history = store.accounts, store.records, store.history
    accounts.counts()
    accounts.groups()
    accounts.group_companies("c")
    accounts.contact_company("ct")
    accounts.our_categories()
    accounts.rep_accounts("r")
    accounts.worked_accounts(["r"])
    accounts.company_roots()
    accounts.phone_companies("138")
    store.subgraphs.company("c")
    store.subgraphs.group("c")
    store.subgraphs.member_keys("c")
    store.subgraphs.claims()
    store.portfolio.rows(["decision_maker"])
    history.changes_since(dt.date(2026, 1, 1))
    history.changes_about(["Contact:ct", "Company:c"], as_of=dt.date(2026, 1, 1))
    history.access_log(dt.date(2026, 1, 1))
    history.verify_access_log()
    records.empty_labels(NODE_LABELS)
    records.properties("Contact", ["ct"])
    records.managers("ct")
    records.same_person("c", "ct", "138", None)
    for label in HIERARCHIES:
        records.line_up(label, "a", "b")
    for label in (*HIERARCHIES, "Rep"):
        records.lines(label)
    for stem in EXPORT:
        records.export_rows(stem)
    removal = EdgeRow("Contact-INFLUENCES->Contact", "a", "b", "advice")
    place = EdgeRow("Contact-WORKS_IN->Company", "ct", "c", default_place=True)  # of a contact written before
    paths = [
        lambda uow: uow.write([Company(id="c", name="C"), Contact(id="ct", name="L", company_id="c")], ME),
        lambda uow: uow.write_rows(GraphRows(), author=ME, versions={"Contact:ct": 1}, removals=[removal]),
        lambda uow: uow.write([Influence(from_id="a", to_id="b", kind="advice", weight=0.5)], author=ME),
        lambda uow: uow.write_rows(GraphRows(edges=[place]), author=ME),
        lambda uow: uow.decide_on_claims({"Rep": ["r"]}, lambda graph: Decided([Company(id="c", name="D")], ME, 1)),
        lambda uow: uow.record_access(ME, ["c"]),
    ]
    first = len(runner.units)
    for path in paths:
        store.unit_of_work(path)
    store.clear()
    _FalkorTransaction(runner, lambda: True).versions("Contact", ["ct"])  # type: ignore[arg-type]
    _Neo4jTransaction(_Session(runner)).versions("Contact", ["ct"])  # type: ignore[arg-type]
    return runner, runner.units[first:]


class _Session:
    """Enough of a neo4j managed transaction for ``_Neo4jTransaction.read``."""

    def __init__(self, runner: RecordingRunner) -> None:
        self._runner = runner

    def run(self, query: str, params: dict[str, object]) -> list[object]:
        self._runner.read(query, params)
        return []


@pytest.fixture(scope="module")
def sent() -> tuple[RecordingRunner, list[list[Sent]]]:
    return _everything_the_code_sends()


def test_every_parameter_a_statement_names_is_supplied(sent: tuple[RecordingRunner, list[list[Sent]]]) -> None:
    """Each time the code ran a statement, it gave every ``$name`` the statement uses (a missing one is null)."""
    runner, _ = sent
    problems = set()
    for query, params in runner.sent:
        name = query_name(query)
        assert name != "ad-hoc query", f"the store ran a statement that is not a named constant: {query}"
        if missing := parameters(query) - set(params):
            problems.add(f"{name}: not given {sorted(missing)}")
    assert not problems, "\n".join(sorted(problems))


def test_every_statement_with_parameters_is_one_the_code_runs(sent: tuple[RecordingRunner, list[list[Sent]]]) -> None:
    """So the check above covers it: directly, or through an entry of the same per-label dictionary.

    A dictionary's entries come from one template, so they name the same parameters as the entries that ran.
    """
    runner, _ = sent
    ran = {query_name(query) for query, _ in runner.sent}
    checked: dict[str, set[frozenset[str]]] = defaultdict(set)
    for name in ran:
        checked[family(name)].add(frozenset(parameters(STATEMENTS[name])))
    unchecked = sorted(
        name
        for name, query in STATEMENTS.items()
        if parameters(query) and name not in ran and frozenset(parameters(query)) not in checked[family(name)]
    )
    assert unchecked == []


def test_every_write_path_records_its_history(sent: tuple[RecordingRunner, list[list[Sent]]]) -> None:
    """Each unit of work above writes something, so each queues ``RECORD_CHANGE`` and links it to what it touched.

    An access record is ``RECORD_ACCESS``: the same, as a link of the access log's hash chain.
    """
    _, units = sent
    assert len(units) == 6
    for queued in units:
        names = [query_name(query) for query, _ in queued]
        record = "RECORD_ACCESS" if "RECORD_ACCESS" in names else "RECORD_CHANGE"
        assert record in names, names
        assert any(family(n) == "LINK_CHANGE" for n in names), names
        assert names.index(record) > max(
            (i for i, n in enumerate(names) if family(n) in {"UPSERT_NODES", "UPSERT_EDGES", "DELETE_EDGES"}),
            default=-1,
        )


WRITES = {
    name
    for name in write_cypher.__all__
    if name not in {"DIFF_EDGES", "DIFF_NODES", "EDGE_PROPS", "OTHER_EDGES", "PLACED", "READ_VERSIONS"}
}
"""The statements that change the graph, or lock it (``LOCK_VERSIONS``)."""


def test_only_the_unit_of_work_and_the_runners_send_write_statements() -> None:
    """No write path around the unit of work, so none around its history: the write statements are used in
    ``unit_of_work`` alone (``LOCK_VERSIONS`` by the Neo4j runner, which takes the locks)."""
    root = Path(__file__).resolve().parents[2]
    users: dict[str, set[str]] = defaultdict(set)
    for path in [
        *root.glob("graph/**/*.py"),
        *root.glob("ingest/**/*.py"),
        *root.glob("ui/**/*.py"),
        *root.glob("app_pages/*.py"),
    ]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            name = node.attr if isinstance(node, ast.Attribute) else node.id if isinstance(node, ast.Name) else None
            if name in WRITES:
                users[name].add(path.name)
    assert {name: files - {"write_cypher.py"} for name, files in users.items()} == {
        name: {"neo4j_runner.py"} if name == "LOCK_VERSIONS" else {"unit_of_work.py"} for name in WRITES
    }
