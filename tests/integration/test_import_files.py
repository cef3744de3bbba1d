"""Files that are broken as a whole, or unusual, end in a clear file-level message or land: never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from graph.config.settings import Settings
from graph.store import GraphStore
from ingest.importer import import_paths
from ingest.readers import ReadFailed
from tests.integration.test_store import dump

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]


def test_a_gbk_file_whose_chinese_starts_after_the_first_megabyte_lands(store: GraphStore, tmp_path: Path) -> None:
    padding = "x" * 200  # a column kagraph does not know, ignored: a megabyte of plain text in few rows
    rows = ["id,name,scratch", *(f"c{i},Company {i},{padding}" for i in range(5_500)), "c-zh,华东电网集团有限公司,"]
    (tmp_path / "companies.csv").write_bytes(("\n".join(rows) + "\n").encode("gbk"))
    assert (tmp_path / "companies.csv").stat().st_size > 1024 * 1024
    report = import_paths(store, [tmp_path])
    assert not report.errors and report.stopped is None
    assert (store.records.node("Company", "c-zh") or {}).get("name") == "华东电网集团有限公司"


def test_deeply_nested_json_is_a_file_error_and_changes_nothing(store: GraphStore, tmp_path: Path) -> None:
    store_before = dump(store)
    path = tmp_path / "book.json"
    path.write_text('{"contacts": [' + "[" * 100_000 + "]" * 100_000 + "]}", encoding="utf-8")
    with pytest.raises(ReadFailed, match="nested too deeply"):
        import_paths(store, [path])
    assert dump(store) == store_before


def test_a_lone_surrogate_in_json_is_a_row_error_the_report_can_print(tmp_path: Path, store: GraphStore) -> None:
    path = tmp_path / "book.json"
    path.write_text(
        '{"companies": [{"id": "s1", "name": "A\\ud800B"}, {"id": "s2", "name": "Fine"}]}', encoding="utf-8"
    )
    report = import_paths(store, [path])
    assert [(e.row, e.column) for e in report.errors] == [(1, "name")]
    assert report.errors[0].value == "A\\ud800B"
    assert json.loads(report.model_dump_json())["errors"][0]["column"] == "name"
    assert store.records.node("Company", "s2") is not None


def test_an_xlsx_cut_in_half_is_a_file_error_and_changes_nothing(
    store: GraphStore, store_settings: Settings, tmp_path: Path
) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "companies"
    sheet.append(["id", "name"])
    for number in range(3000):
        sheet.append([f"x{number}", f"Company {number}"])
    book.save(tmp_path / "whole.xlsx")
    with zipfile.ZipFile(tmp_path / "whole.xlsx") as whole, zipfile.ZipFile(tmp_path / "cut.xlsx", "w") as cut:
        for item in whole.infolist():
            data = whole.read(item.filename)
            cut.writestr(item, data[: len(data) // 2] if item.filename.startswith("xl/worksheets/") else data)
    store_before = dump(store)
    result = subprocess.run(
        [sys.executable, "-m", "ingest", str(tmp_path / "cut.xlsx"), "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=_env(store_settings),
    )
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("kagraph: the import stopped before the end: cut.xlsx")
    assert "the sheet is damaged after row" in json.loads(result.stdout)["stopped"]
    assert dump(store) == store_before


def _env(settings: Settings) -> dict[str, str]:
    """The environment that points a command at the test's store: its embedded graph, or the Neo4j pass's server."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("KAGRAPH_")}
    return {**env, "KAGRAPH_DATA_DIR": str(settings.kagraph_data_dir), "KAGRAPH_GRAPH": settings.kagraph_graph}


def test_chinese_file_and_sheet_names_are_the_stems(store: GraphStore, tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "公司.csv").write_text("公司编号,公司名称\nzh-co,华东电网集团有限公司\n", encoding="utf-8")
    (folder / "联系人.csv").write_text("联系人编号,姓名,公司编号\nzh-ct,张伟,zh-co\n", encoding="utf-8")
    report = import_paths(store, [folder])
    assert not report.errors and set(report.stems) == {"companies", "contacts"}
    assert (store.records.node("Contact", "zh-ct") or {}).get("name") == "张伟"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "商机"
    sheet.append(["商机编号", "公司编号", "商机名称"])
    sheet.append(["zh-opp", "zh-co", "主网安全改造"])
    book.save(tmp_path / "book.xlsx")
    report = import_paths(store, [tmp_path / "book.xlsx"])
    assert not report.errors and set(report.stems) == {"opportunities"}
    assert (store.records.node("Opportunity", "zh-opp") or {}).get("name") == "主网安全改造"
