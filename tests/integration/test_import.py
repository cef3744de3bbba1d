"""Importing messy spreadsheets into a real store: errors per row, nothing lost, re-runs change nothing."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook

from graph.config.settings import Settings
from graph.domain.model import Company, Contact
from graph.servers.embedded import EmbeddedServer
from graph.store import GraphStore
from ingest.columns import STEMS
from ingest.import_report import ImportReport
from ingest.importer import import_paths
from ingest.load_demo import load_demo
from ingest.readers import ReadFailed
from ingest.store_export import export_csv, export_xlsx
from tests.integration.test_store import dump

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]

COMPANIES = (
    "id,公司名称,上级公司,类型,城市,等级,员工数\n"
    'c1,华东测试集团有限公司,,总部,杭州,1,"12,000"\n'
    "c2,华东测试（宁波）分公司,c1,分公司,宁波,2,800\n"
)
CONTACTS = (
    "联系人编号,姓名,公司编号,职务,层级,直属上级,手机,邮箱,采购角色,态度,核实日期\n"
    "p1,张伟,c1,总经理,1,,+86 138-0013-8000,ZW@X.CN,拍板人,支持,2026/10/01\n"
    "p2,王芳,c2,信息中心主任,2,p1,139 0000 1111,,内线,中立,2026年3月5日\n"
    "p3,李强,c2,工程师,3,p2,,,技术评估,反对,31/02/2026\n"
)


def write_folder(folder: Path, encoding: str = "utf-8", **files: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for stem, text in files.items():
        (folder / f"{stem}.csv").write_bytes(text.encode(encoding))
    return folder


def errors_of(report: ImportReport) -> list[tuple[str, int, str, str]]:
    return [(e.file, e.row, e.column, e.value) for e in report.errors]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_encodings_are_detected(store: GraphStore, tmp_path: Path, encoding: str) -> None:
    folder = write_folder(tmp_path / "in", encoding, companies=COMPANIES, contacts=CONTACTS)
    report = import_paths(store, [folder])
    assert report.stems["companies"].landed == 2
    graph = store.subgraphs.company("c1")
    assert graph.nodes["Contact:p1"]["name"] == "张伟"
    assert graph.nodes["Company:c1"]["name_key"] == "华东测试集团"


def test_bad_rows_are_explained_and_good_rows_land(store: GraphStore, tmp_path: Path) -> None:
    report = import_paths(store, [write_folder(tmp_path / "in", companies=COMPANIES, contacts=CONTACTS)])
    assert errors_of(report) == [("contacts.csv", 4, "核实日期", "31/02/2026")]
    assert report.errors[0].reason == "is not a date (use YYYY-MM-DD)"
    assert report.rejected == 1 and report.stems["contacts"].landed == 2
    p1 = store.subgraphs.company("c1").nodes["Contact:p1"]
    assert (p1["phone"], p1["email"], p1["buying_role"], p1["stance"], p1["last_verified"]) == (
        "13800138000",
        "zw@x.cn",
        "economic_buyer",
        "supporter",
        "2026-10-01",
    )


def test_second_import_changes_nothing(store: GraphStore, tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "in", companies=COMPANIES, contacts=CONTACTS)
    import_paths(store, [folder])
    before = dump(store)
    again = import_paths(store, [folder])
    assert (again.created, again.updated) == (0, 0) and again.unchanged > 0
    assert dump(store) == before


def test_changed_cell_updates_only_that_property(store: GraphStore, tmp_path: Path) -> None:
    import_paths(store, [write_folder(tmp_path / "a", companies=COMPANIES, contacts=CONTACTS)])
    changed = CONTACTS.replace("信息中心主任", "副总经理")
    report = import_paths(store, [write_folder(tmp_path / "b", companies=COMPANIES, contacts=changed)])
    assert (report.created, report.updated) == (0, 1)
    assert store.subgraphs.company("c2").nodes["Contact:p2"]["title"] == "副总经理"


def test_a_bad_import_damages_nothing_stored(store: GraphStore, tmp_path: Path) -> None:
    store.unit_of_work(
        lambda uow: uow.write(
            [Company(id="c1", name="原有公司", tier=1), Contact(id="p1", name="原有联系人", company_id="c1")]
        )
    )
    before = dump(store)
    hostile = "id,name,company_id,level,email\np1,,c1,0,not-mail\np9,新人,c404,2,\n"
    report = import_paths(store, [write_folder(tmp_path / "in", contacts=hostile)])
    assert report.stems["contacts"].landed == 0 and report.rejected == 2
    assert {(e.row, e.column) for e in report.errors} == {(2, "name"), (2, "level"), (2, "email"), (3, "company_id")}
    assert dump(store) == before


def test_references_cycles_duplicates_and_merges(store: GraphStore, tmp_path: Path) -> None:
    contacts = (
        "id,name,company_id,reports_to,phone\n"
        "a,A,c1,b,\nb,B,c1,a,\nc,C,c1,,13800000001\nd,D,c1,c,+86 13800000001\nc,C again,c1,,\ne,E,c1,ghost,\n"
    )
    influence = "from_id,to_id,kind,weight\nd,c,advice,0.5\ne,e,friend,0.5\nc,a,请教,0.3\nc,a,advice,0.9\n"
    folder = write_folder(tmp_path / "in", companies=COMPANIES, contacts=contacts, influence=influence)
    report = import_paths(store, [folder])
    reasons = {(e.file, e.row): e.reason for e in report.errors}
    assert reasons[("contacts.csv", 2)] == reasons[("contacts.csv", 3)] == "reporting lines form a cycle: a → b → a"
    assert reasons[("contacts.csv", 6)] == "duplicate id: contacts.csv row 4 has it too"
    assert "refers to contact 'ghost'" in reasons[("contacts.csv", 7)]
    assert reasons[("influence.csv", 3)] == "a contact cannot influence themselves"
    assert reasons[("influence.csv", 5)] == "the same relationship as row 4 of this file"
    assert report.merged == ["contacts.csv row 5: d has the same phone as c in c1; merged into c"]
    graph = store.subgraphs.company("c1")
    assert "Contact:d" not in graph
    assert not graph.has_edge("Contact:c", "Contact:c"), "d → c influence became a self-loop"
    assert reasons[("influence.csv", 2)] == "a contact cannot influence themselves (after merging duplicate contacts)"


def test_xlsx_dates_numbers_and_sheet_names(store: GraphStore, tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "companies"
    sheet.append(["id", "name", "tier", "employees"])
    sheet.append(["x1", "Excel Co., Ltd.", 2, 1500.0])
    people = book.create_sheet("Contacts")
    people.append(["id", "name", "company_id", "phone", "last_verified", "level"])
    people.append(["y1", "Li Wei", "x1", 13800138000, dt.datetime(2026, 9, 30), 2.0])
    book.create_sheet("notes").append(["this sheet is not part of the format"])
    path = tmp_path / "book.xlsx"
    book.save(path)
    report = import_paths(store, [path])
    assert report.errors == [] and report.stems["contacts"].landed == 1
    person = store.subgraphs.company("x1").nodes["Contact:y1"]
    assert (person["phone"], person["last_verified"], person["level"]) == ("13800138000", "2026-09-30", 2)


def test_json_rows_are_numbered_as_items(store: GraphStore, tmp_path: Path) -> None:
    path = tmp_path / "data.json"
    rows = {
        "companies": [{"id": "j1", "name": "JSON Co"}],
        "contacts": [{"id": "q1", "name": "Q", "company_id": "j1"}, {"id": "q2", "company_id": "j1"}],
    }
    path.write_text(json.dumps(rows), encoding="utf-8")
    report = import_paths(store, [path])
    assert errors_of(report) == [("data.json:contacts", 2, "name", "")]


def test_nothing_readable_is_an_error(store: GraphStore, tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(ReadFailed, match=r"broken\.json: not readable JSON"):
        import_paths(store, [broken])


@pytest.fixture
def ingest_cli(store_settings: Settings, embedded_server: EmbeddedServer, store: GraphStore):
    env = {k: v for k, v in os.environ.items() if not k.startswith("KAGRAPH_")}
    env |= {"KAGRAPH_DATA_DIR": str(embedded_server.data_dir), "KAGRAPH_GRAPH": store_settings.kagraph_graph}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "ingest", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
        )

    return run


def test_cli_exit_codes_json_and_error_file(ingest_cli, tmp_path: Path) -> None:
    clean = write_folder(tmp_path / "clean", companies=COMPANIES)
    messy = write_folder(tmp_path / "messy", companies=COMPANIES, contacts=CONTACTS)
    assert ingest_cli(str(clean)).returncode == 0
    errors_file = tmp_path / "errors.csv"
    result = ingest_cli(str(messy), "--json", "--errors", str(errors_file))
    assert result.returncode == 2
    assert json.loads(result.stdout)["errors"][0]["column"] == "核实日期"
    assert "contacts.csv,4,核实日期,31/02/2026" in errors_file.read_text(encoding="utf-8-sig")
    missing = ingest_cli(str(tmp_path / "nowhere"))
    assert missing.returncode == 1 and "no such file or folder" in missing.stderr


def test_templates_import_cleanly_and_only_once(store: GraphStore) -> None:
    first = import_paths(store, [ROOT / "templates"])
    assert (first.rejected, first.errors, first.warnings) == (0, [], [])
    assert set(first.stems) == set(STEMS)
    second = import_paths(store, [ROOT / "templates"])
    assert (second.created, second.updated) == (0, 0)


@pytest.mark.parametrize("target", ["folder", "book.xlsx"])
def test_export_then_import_is_a_no_op(store: GraphStore, tmp_path: Path, target: str) -> None:
    load_demo(store)
    store.unit_of_work(
        lambda uow: uow.write([Contact(id="formula", name='=HYPERLINK("x")', company_id="co-sj", title="@risk")])
    )
    before = dump(store)
    path = tmp_path / target
    written = export_xlsx(store, path) if target.endswith(".xlsx") else export_csv(store, path)
    assert written["contacts"] == 431
    report = import_paths(store, [path])
    assert (report.created, report.updated, report.rejected) == (0, 0, 0), report.errors[:3]
    assert dump(store) == before


def test_exported_formulas_are_neutralised(store: GraphStore, tmp_path: Path) -> None:
    store.unit_of_work(
        lambda uow: uow.write([Company(id="c", name="C"), Contact(id="f", name="=1+1", company_id="c", title="-2")])
    )
    export_csv(store, tmp_path)
    text = (tmp_path / "contacts.csv").read_text(encoding="utf-8-sig")
    assert "f,'=1+1,c,,'-2," in text
