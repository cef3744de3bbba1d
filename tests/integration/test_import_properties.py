"""Property tests of the importer: whatever a spreadsheet holds, no traceback, every rejection explained,
records not named untouched, what landed keeps the hierarchies sound, and everything accepted survives the
store's own export and re-import unchanged.

Their time is the figure to watch: ``pytest --durations=0 tests/integration/test_import_properties.py``.
"""

from __future__ import annotations

import csv
import io
import tempfile
from collections.abc import Mapping
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.store import GraphStore
from ingest.importer import import_paths
from ingest.store_export import export_csv

pytestmark = pytest.mark.integration

Table = tuple[list[str], list[dict[str, str]]]
"""A CSV file: the columns it has (any subset, any order), and its rows."""
TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=24)
"""Any unicode a cell can hold in UTF-8 (control characters, NUL, emoji, full-width forms, spaces)."""
IDS = st.sampled_from(["c1", "c2", "C1", " c1", "c1 ", "ｃ1", "c-3", "", "c 4"])
"""Few ids, so rows collide, also after trimming and width folding."""
NUMBERS = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.sampled_from(["", "inf", "1e309", "NaN", "1,200", "３", "0", "-0"]),
    TEXT,
)
COMPANY = {
    "id": IDS,
    "name": TEXT,
    "parent_id": st.one_of(st.just(""), IDS),
    "kind": st.sampled_from(["", "hq", "branch", "分公司", "castle", "HQ"]),
    "city": TEXT,
    "industry": TEXT,
    "tier": st.one_of(st.sampled_from(["", "1", "2", "3", "4", "一级"]), NUMBERS),
    "employees": NUMBERS,
}

KEPT = {
    "companies.csv": "id,name\nkeep-co,Kept Co.\nk2,Other Kept Co.\n",
    "org_units.csv": "id,company_id,name,parent_id\nku,keep-co,IT,\nku-sub,keep-co,Desk,ku\nku2,k2,Other IT,\n",
    "contacts.csv": "id,name,company_id,unit_id,reports_to\nkp,Kept Boss,keep-co,ku,\nkq,Kept Report,keep-co,ku,kp\n",
}
"""An account stored before a people import: its rows are named by the import, or must stay exactly as they are."""
UNIT_IDS = st.sampled_from(["ku", "ku-sub", "ku2", "v1", "v2", "V1", "v 3", "ghost", ""])
CONTACT_IDS = st.sampled_from(["kp", "kq", "p1", "p2", "p3", "P1", "p 4", "p;5", ""])
MANAGERS = st.tuples(st.lists(CONTACT_IDS, max_size=3), st.sampled_from([";", ",", "、", " ; ", " "])).map(
    lambda parts: parts[1].join(parts[0])
)
"""Lists of managers, separated every way a spreadsheet does, naming stored, imported, unknown or own ids."""
NAMES = st.one_of(st.sampled_from(["张伟", "Li Na", "王 芳", "IT"]), TEXT)
"""Mostly names that land, so the checks on what landed have something to check."""
UNIT = {
    "id": UNIT_IDS,
    "company_id": st.sampled_from(["keep-co", "k2", "ghost", ""]),
    "name": NAMES,
    "parent_id": st.one_of(st.just(""), UNIT_IDS),
}
CONTACT = {
    "id": CONTACT_IDS,
    "name": NAMES,
    "company_id": st.sampled_from(["keep-co", "k2", "ghost", ""]),
    "unit_id": st.one_of(st.just(""), UNIT_IDS),
    "reports_to": MANAGERS,
    "level": st.one_of(st.sampled_from(["", "1", "2", "20", "21", "0"]), st.sampled_from(["", "3"]), NUMBERS),
    "title": TEXT,
    "phone": st.sampled_from(["", "13800000001", "13800000002", "+86 138-0000-0001", "call me"]),
    "stance": st.sampled_from(["", "supporter", "支持", "love"]),
}
SETTINGS = settings(
    max_examples=settings().max_examples // 3, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
"""A third of the profile's cases: each one is an import into a real store."""


def tables(
    cells: Mapping[str, st.SearchStrategy[str]], rows: int, required: tuple[str, ...] = ()
) -> st.SearchStrategy[Table]:
    """Files of a stem: some of its columns in any order (a column missing is common), and up to ``rows`` rows.

    ``required`` columns are always there, so that rows land often enough for the checks on what landed to bite.
    """
    optional = st.lists(st.sampled_from([c for c in cells if c not in required]), max_size=len(cells), unique=True)
    columns = st.tuples(optional, st.permutations(required)).flatmap(
        lambda parts: st.permutations([*parts[1], *parts[0]]) if parts[1] or parts[0] else st.just(list(cells)[:1])
    )
    return st.tuples(columns, st.lists(st.fixed_dictionaries(dict(cells)), max_size=rows))


def csv_file(table: Table) -> str:
    columns, rows = table
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    writer.writerows([row[column] for column in columns] for row in rows)
    return out.getvalue()


def exported(store: GraphStore, folder: Path) -> dict[str, str]:
    export_csv(store, folder)
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.csv"))}


def written(folder: Path, files: Mapping[str, str]) -> Path:
    folder.mkdir(parents=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def imported(store: GraphStore, folder: Path, files: Mapping[str, str]) -> None:
    """Import ``files``: no traceback, counts add up, each rejection names its file, row, column and reason."""
    report = import_paths(store, [written(folder, files)])
    for counts in report.stems.values():
        assert counts.landed + counts.rejected == counts.rows
    for error in report.errors:
        assert error.file in files and error.row >= 1 and error.column and error.reason, error


def assert_round_trips(store: GraphStore, folder: Path) -> None:
    """The store's own export, imported into an empty store, is refused nowhere and exports the same again."""
    first = exported(store, folder / "first")
    store.clear()
    again = import_paths(store, [folder / "first"])
    assert not again.errors, again.errors
    assert exported(store, folder / "second") == first, "what the store exports imports back unchanged"


@SETTINGS
@given(table=tables(COMPANY, rows=6), stored_first=st.booleans())
def test_any_companies_file_is_explained_and_round_trips(store: GraphStore, table: Table, stored_first: bool) -> None:
    store.clear()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        if stored_first:  # a record not named in the input must stay exactly as it is
            imported(store, folder / "keep", {"companies.csv": KEPT["companies.csv"]})
        kept = store.records.node("Company", "keep-co")
        imported(store, folder / "in", {"companies.csv": csv_file(table)})
        assert store.records.node("Company", "keep-co") == kept
        assert_round_trips(store, folder)


@SETTINGS
@given(
    units=tables(UNIT, rows=4, required=("id", "company_id", "name")),
    people=tables(CONTACT, rows=6, required=("id", "name", "company_id")),
)
def test_any_departments_and_people_are_explained_sound_and_round_trip(
    store: GraphStore, units: Table, people: Table
) -> None:
    """Departments and contacts with reporting lines over a stored account: what landed has no reporting or
    department cycle and nobody in a department of another company; stored records the files do not name
    stay as they were; everything exports and re-imports unchanged."""
    store.clear()
    named = {row["id"].strip() for _, rows in (units, people) for row in rows}
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        imported(store, folder / "keep", KEPT)
        untouched = {(label, i): store.records.node(label, i) for label, i in _kept_ids() if i not in named}
        imported(store, folder / "in", {"org_units.csv": csv_file(units), "contacts.csv": csv_file(people)})
        assert {key: store.records.node(*key) for key in untouched} == untouched
        assert_sound(store)
        assert_round_trips(store, folder)


def _kept_ids() -> list[tuple[str, str]]:
    return [("OrgUnit", i) for i in ("ku", "ku-sub", "ku2")] + [("Contact", i) for i in ("kp", "kq")]


def assert_sound(store: GraphStore) -> None:
    """No hierarchy in the store closes a cycle, and every contact's and sub-department's department is in its
    own company."""
    for label in ("Contact", "OrgUnit"):
        assert nx.is_directed_acyclic_graph(nx.DiGraph(store.records.lines(label))), f"a {label} line closes a cycle"
    units = {row["id"]: row["company_id"] for row in store.records.export_rows("org_units")}
    for row in store.records.export_rows("contacts"):
        assert not row["unit_id"] or units[row["unit_id"]] == row["company_id"], row
    for row in store.records.export_rows("org_units"):
        assert not row["parent_id"] or units[row["parent_id"]] == row["company_id"], row
