"""The Import page: upload, dry run, import, and the rejected rows on screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from ingest.columns import STEMS

pytestmark = pytest.mark.app
ROOT = Path(__file__).resolve().parents[2]


def import_page(language: str = "English") -> AppTest:
    app = AppTest.from_file("../../app.py", default_timeout=120)
    app.session_state["language"] = language  # as the sidebar switch leaves it, before any widget is drawn
    app.run()
    app.switch_page("app_pages/import_data.py").run()
    return app


def templates() -> list[tuple[str, bytes, str]]:
    return [(p.name, p.read_bytes(), "text/csv") for p in sorted((ROOT / "templates").glob("*.csv"))]


@pytest.mark.usefixtures("import_env")
def test_dry_run_then_import_of_the_templates() -> None:
    app = import_page()
    app.file_uploader[0].set_value(templates()).run()
    assert not app.exception
    assert len(app.expander) == 2 + len(STEMS)  # the format, the templates, then a preview per stem
    app.button(key="import").click().run()
    assert "Dry run: rows that would land: 23 · rows rejected: 0" in app.info[0].value
    app.toggle[0].set_value(False).run()
    app.button(key="import").click().run()
    assert app.success[0].value.endswith("rows rejected: 0")


@pytest.mark.usefixtures("import_env")
def test_rejected_rows_are_listed_with_their_reasons() -> None:
    app = import_page()
    bad = b"id,name,company_id,level\np1,,co-nowhere,0\n"
    app.file_uploader[0].set_value([("contacts.csv", bad, "text/csv")]).run()
    app.toggle[0].set_value(False).run()
    app.button(key="import").click().run()
    assert not app.exception
    errors = app.dataframe[-1].value
    assert set(errors["column"]) == {"name", "level"} and set(errors["row"]) == {2}


@pytest.mark.usefixtures("import_env")
def test_rejected_rows_read_in_chinese() -> None:
    app = import_page("简体中文")
    bad = (
        b"id,name,company_id,level,reports_to,email\n"
        b"p1,,co-nowhere,0,p1,x\np2,Li,co-nowhere,2,p9,\np3,Wu,co-nowhere,2,p3,\n"
    )
    app.file_uploader[0].set_value([("contacts.csv", bad, "text/csv")]).run()
    app.button(key="import").click().run()
    assert not app.exception
    errors = app.dataframe[-1].value
    assert set(zip(errors["row"], errors["column"], errors["reason"], strict=True)) == {
        (2, "name", "必填"),
        (2, "level", "太小（下限 1）"),
        (2, "email", "不是电子邮箱：'x'"),
        (3, "company_id", "引用的公司“co-nowhere”既不在本次导入中，也不在数据库中"),
        (3, "reports_to", "引用的联系人“p9”既不在本次导入中，也不在数据库中"),
        (4, "reports_to", "联系人不能向自己汇报"),
    }
    summary = app.dataframe[-2].value
    assert list(summary.iloc[:, 0]) == ["联系人（contacts）"]  # the kind of file in Chinese, its stem beside it


@pytest.mark.usefixtures("import_env")
def test_a_refused_choice_lists_the_chinese_words_a_file_may_hold() -> None:
    app = import_page("简体中文")
    bad = "id,name,company_id,stance\np1,Li,c-x,拥护\n".encode()
    app.file_uploader[0].set_value([("contacts.csv", bad, "text/csv")]).run()
    app.button(key="import").click().run()
    errors = app.dataframe[-1].value
    stance = errors[errors["column"] == "stance"]["reason"].tolist()
    assert stance == ["必须是以下之一：supporter (支持), neutral (中立), opponent (反对), unknown (未知)"]


@pytest.mark.usefixtures("import_env")
def test_the_page_lists_every_file_name_and_column_it_accepts_in_both_languages() -> None:
    app = import_page()
    table = app.dataframe[0].value
    assert list(table.iloc[:, 0]) == [f"{stem}.csv" for stem in STEMS]
    assert "联系人.csv" in set(table.iloc[:, 2])
    assert any("reports\\_to \\(直属上级" in c.value for c in app.caption if "contacts.csv" in c.value)
    app.session_state["language"] = "简体中文"
    app.run()
    assert list(app.dataframe[0].value.columns) == ["文件", "内容", "也可命名为"]


@pytest.mark.usefixtures("import_env")
def test_a_chinese_file_name_lands_and_an_unknown_one_names_the_expected_files() -> None:
    app = import_page()
    app.file_uploader[0].set_value([("notes.csv", b"id,name\nx,X\n", "text/csv")]).run()
    assert "Expected names:" in app.warning[0].value and "联系人.csv" in app.warning[0].value
    app.file_uploader[0].set_value([("公司.csv", b"id,name\nzh-co,Zh Co\n", "text/csv")]).run()
    app.button(key="import").click().run()
    assert "rows that would land: 1" in app.info[0].value


@pytest.mark.usefixtures("import_env")
def test_without_a_name_the_import_button_stays_visible_disabled_and_says_why(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("KAGRAPH_USER")
    app = import_page()
    app.file_uploader[0].set_value(templates()).run()
    app.toggle[0].set_value(False).run()
    button = app.button(key="import")
    assert button.disabled and "Use this name" in (button.help or "")
    assert any("confirm your name" in i.value for i in app.info)
