"""Property tests of the importer: whatever a spreadsheet holds, no traceback, every rejection explained,
and everything accepted survives the store's own export and re-import unchanged."""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.store import GraphStore
from ingest.export import export_csv
from ingest.importer import import_paths

pytestmark = pytest.mark.integration

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
COLUMNS = ("id", "name", "parent_id", "kind", "city", "industry", "tier", "employees")
ROW = st.fixed_dictionaries(
    {
        "id": IDS,
        "name": TEXT,
        "parent_id": st.one_of(st.just(""), IDS),
        "kind": st.sampled_from(["", "hq", "branch", "分公司", "castle", "HQ"]),
        "city": TEXT,
        "industry": TEXT,
        "tier": st.one_of(st.sampled_from(["", "1", "2", "3", "4", "一级"]), NUMBERS),
        "employees": NUMBERS,
    }
)
TABLES = st.tuples(st.lists(st.sampled_from(COLUMNS), min_size=1, max_size=8, unique=True), st.lists(ROW, max_size=6))


def csv_file(columns: list[str], rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    writer.writerows([row[column] for column in columns] for row in rows)
    return out.getvalue()


def exported(store: GraphStore, folder: Path) -> dict[str, str]:
    export_csv(store, folder)
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.csv"))}


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(table=TABLES, stored_first=st.booleans())
def test_any_companies_file_is_explained_and_round_trips(
    store: GraphStore, table: tuple[list[str], list[dict[str, str]]], stored_first: bool
) -> None:
    columns, rows = table
    store.clear()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        if stored_first:  # a record not named in the input must stay exactly as it is
            (folder / "keep").mkdir()
            (folder / "keep" / "companies.csv").write_text("id,name,tier\nkeep-me,Kept Co.,2\n", encoding="utf-8")
            assert not import_paths(store, [folder / "keep"]).errors
        kept = store.node("Company", "keep-me")
        (folder / "in").mkdir()
        (folder / "in" / "companies.csv").write_text(csv_file(columns, rows), encoding="utf-8")
        report = import_paths(store, [folder / "in"])

        counts = report.stems.get("companies")
        if counts is not None:
            assert counts.landed + counts.rejected == counts.rows
        for error in report.errors:
            assert error.file == "companies.csv" and error.row >= 1 and error.column and error.reason
        assert store.node("Company", "keep-me") == kept

        first = exported(store, folder / "first")
        store.clear()
        again = import_paths(store, [folder / "first"])
        assert not again.errors, again.errors
        assert exported(store, folder / "second") == first, "what the store exports imports back unchanged"
