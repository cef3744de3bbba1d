"""Every reason the importer can give has words in both languages (the catalogs' ``import.*``, ui/import_reasons.py)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st

from graph.domain import claim_records, fields, model, validation
from ingest.reasons import CYCLE_WORDS, ENGLISH, JSON_KINDS, WARNINGS, Notice, Reason
from ingest.validate import RowError
from ui.i18n import LANGUAGE_KEY, known
from ui.import_reasons import error_rows, notice_text, reason_text


@pytest.fixture
def chinese() -> Iterator[None]:
    st.session_state[LANGUAGE_KEY] = "简体中文"
    yield
    del st.session_state[LANGUAGE_KEY]


def _model_codes() -> set[str]:
    """The error types the model's own rules raise (``PydanticCustomError("code", …)``)."""
    trees = [ast.parse(Path(str(m.__file__)).read_text(encoding="utf-8")) for m in (model, fields, claim_records)]
    return {
        str(node.args[0].value)
        for tree in trees
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", "") == "PydanticCustomError"
        and isinstance(node.args[0], ast.Constant)
    }


def test_every_reason_code_has_words() -> None:
    pydantic_codes = {validation._CODES.get(kind, kind) for kind in validation._REASONS} | {"one_of", "other"}
    codes = pydantic_codes | _model_codes() | set(ENGLISH)
    assert len(_model_codes()) >= 14
    assert {c for c in codes if not known(f"import.reason.{c}")} == set()
    for words, prefix in ((CYCLE_WORDS, "import.lines"), ({**JSON_KINDS, "number": ""}, "import.json")):
        assert {k for k in words if not known(f"{prefix}.{k}")} == set()


def _error(reason: Reason, column: str = "reports_to", after_merge: bool = False) -> RowError:
    return RowError(
        file="contacts.csv",
        row=3,
        column=column,
        value="x",
        reason=reason.english,
        code=reason.code,
        params=reason.params,
        after_merge=after_merge,
    )


@pytest.mark.usefixtures("chinese")
def test_reasons_are_composed_in_chinese_from_their_codes() -> None:
    cycle = Reason.of("cycle_with_stored", lines="Contact", loop="a → b → a")
    assert cycle.english == "reporting lines form a cycle with what is stored: a → b → a"
    assert reason_text(_error(cycle)) == "汇报关系与已存数据形成了循环：a → b → a"
    where = {"record": "OrgUnit", "id": "u1", "file": "org_units.csv", "row": 4}
    rejected = Reason.because("rejected_reference", Reason.of("unknown_reference", record="Company", id="x"), **where)
    assert reason_text(_error(rejected, after_merge=True)) == (
        "引用的部门“u1”所在行被拒绝了（org_units.csv 第 4 行）："
        "引用的公司“x”既不在本次导入中，也不在数据库中（合并重复联系人之后）"
    )
    via = Reason.because("rejected_reference_via", cycle, **where, first_file="org_units.csv", first_row=2)
    assert reason_text(_error(via)) == (
        "引用的部门“u1”所在行被拒绝了（org_units.csv 第 4 行），起因是 org_units.csv 第 2 行："
        "汇报关系与已存数据形成了循环：a → b → a"
    )
    unworded = Reason.because("rejected_reference", Reason("code_from_a_newer_importer", {}, "newer"), **where)
    assert reason_text(_error(unworded)) == unworded.english, "a cause without words keeps the whole English"
    bad_bytes = Reason.of("not_utf8", bytes="\\xff")
    assert reason_text(_error(bad_bytes)) == (
        "含有不是 UTF-8 文字的字节（\\xff）：请重新输入这个单元格，文件的其余部分照常读取"
    )
    assert reason_text(_error(Reason.of("json_cell", kind="list"))) == "含有列表：单元格只能是文字、数字或 true/false"
    (row,) = error_rows([_error(Reason.of("json_not_row", kind="number"), column="(row)")])
    assert row["column"] == "（整行）" and row["reason"] == "不是一行数据：列表中的每一项都必须是对象，而不是数字"
    unknown = _error(Reason("code_from_a_newer_importer", {}, "some English"))
    assert reason_text(unknown) == "some English", "a code without words keeps the importer's English"


def test_every_import_warning_has_words_and_keeps_its_english() -> None:
    assert all(known(f"import.notice.{code}") for code in WARNINGS)
    notice = Notice("unknown_column", {"file": "联系人.csv", "column": "备注2"})
    assert notice.english == "联系人.csv: column '备注2' is not part of the format; ignored"
    assert notice_text(notice) == "联系人.csv: column 备注2 is not part of the format; ignored"


@pytest.mark.usefixtures("chinese")
def test_a_merge_reads_in_chinese() -> None:
    params = {"file": "contacts.csv", "row": "3", "contact": "c2", "field": "e-mail", "earlier": "c1", "company": "co"}
    assert notice_text(Notice("merged", params)) == "contacts.csv 第 3 行：c2 与 co 的 c1 邮箱相同，已合并到 c1"
