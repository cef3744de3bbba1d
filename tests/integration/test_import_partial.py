"""A file that leaves columns out (or cells empty) changes only what it names: stored values stay as they are."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.store import GraphStore
from ingest.importer import import_paths

pytestmark = pytest.mark.integration
TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


@pytest.fixture
def templates(store: GraphStore) -> GraphStore:
    report = import_paths(store, [TEMPLATES])
    assert not report.errors
    return store


def import_one(store: GraphStore, folder: Path, stem: str, text: str) -> None:
    folder.mkdir(exist_ok=True)
    (folder / f"{stem}.csv").write_text(text, encoding="utf-8")
    report = import_paths(store, [folder / f"{stem}.csv"])
    assert not report.errors, report.errors


def place(store: GraphStore, contact_id: str) -> list[str]:
    rows = store.runner.read("MATCH (:Contact {id: $id})-[:WORKS_IN]->(b) RETURN b.id AS id", {"id": contact_id})
    return [str(r["id"]) for r in rows]


def test_a_contact_row_without_role_columns_keeps_the_stored_role_stance_and_status(
    templates: GraphStore, tmp_path: Path
) -> None:
    before = templates.records.node("Contact", "ct-ceo")
    import_one(templates, tmp_path, "contacts", "id,name,company_id\nct-ceo,Zhang Wei,co-acme\n")
    assert templates.records.node("Contact", "ct-ceo") == before


def test_empty_cells_count_as_absent(templates: GraphStore, tmp_path: Path) -> None:
    before = templates.records.node("Contact", "ct-cio")
    import_one(
        templates,
        tmp_path,
        "contacts",
        "id,name,company_id,unit_id,buying_role,stance,status\nct-cio,Wang Fang,co-acme,,,,\n",
    )
    assert templates.records.node("Contact", "ct-cio") == before
    assert place(templates, "ct-cio") == ["ou-acme-it"]


def test_a_contact_row_without_a_department_does_not_move_them_to_the_company(
    templates: GraphStore, tmp_path: Path
) -> None:
    import_one(templates, tmp_path, "contacts", "id,name,company_id,title\nct-cio,Wang Fang,co-acme,Group CIO\n")
    stored = templates.records.node("Contact", "ct-cio")
    assert stored is not None and stored["title"] == "Group CIO" and stored["unit_id"] == "ou-acme-it"
    assert place(templates, "ct-cio") == ["ou-acme-it"]


def test_a_new_contact_from_a_short_row_gets_the_defaults_and_works_in_the_company(
    templates: GraphStore, tmp_path: Path
) -> None:
    import_one(templates, tmp_path, "contacts", "id,name,company_id\nct-new,Zhao Lei,co-acme\n")
    stored = templates.records.node("Contact", "ct-new")
    assert stored is not None and stored["buying_role"] == "unknown" and stored["status"] == "active"
    assert place(templates, "ct-new") == ["co-acme"]


def test_a_named_department_still_moves_a_contact(templates: GraphStore, tmp_path: Path) -> None:
    import_one(templates, tmp_path, "contacts", "id,name,company_id,unit_id\nct-cio,Wang Fang,co-acme,ou-acme-sec\n")
    assert place(templates, "ct-cio") == ["ou-acme-sec"]


@pytest.mark.parametrize(
    ("stem", "text", "label", "record_id", "kept"),
    [
        ("companies", "id,name\nco-acme-sz,Acme Shenzhen Branch\n", "Company", "co-acme-sz", ("kind", "tier")),
        ("reps", "id,name\nrep-bo,Bo Li\n", "Rep", "rep-bo", ("role", "status", "team")),
        (
            "opportunities",
            "id,company_id,name\nopp-acme-sec,co-acme,Group security gateway\n",
            "Opportunity",
            "opp-acme-sec",
            ("stage", "amount", "owner_id"),
        ),
        ("org_units", "id,company_id,name\nou-acme-sec,co-acme,Security\n", "OrgUnit", "ou-acme-sec", ("parent_id",)),
    ],
)
def test_short_rows_of_every_kind_keep_what_they_do_not_name(
    templates: GraphStore,
    tmp_path: Path,
    stem: str,
    text: str,
    label: str,
    record_id: str,
    kept: tuple[str, ...],
) -> None:
    before = templates.records.node(label, record_id)
    assert before is not None and all(before.get(name) is not None for name in kept)
    import_one(templates, tmp_path, stem, text)
    assert templates.records.node(label, record_id) == before


def test_a_department_row_without_a_parent_stays_under_its_parent(templates: GraphStore, tmp_path: Path) -> None:
    import_one(templates, tmp_path, "org_units", "id,company_id,name\nou-acme-sec,co-acme,Security\n")
    rows = templates.runner.read("MATCH (:OrgUnit {id: $id})-[:PART_OF]->(b) RETURN b.id AS id", {"id": "ou-acme-sec"})
    assert [r["id"] for r in rows] == ["ou-acme-it"]
