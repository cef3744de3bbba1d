"""Every page loads on the demo data without an exception, in both languages, and shows what it is for."""

from __future__ import annotations

import json
import re

import pytest
from streamlit.testing.v1 import AppTest

from graph.render.numbers import COUNT_FORMAT
from ui.i18n import catalog

pytestmark = pytest.mark.app

PAGE_TITLES = {
    "app_pages/overview.py": "overview.title",
    "app_pages/decision_chain.py": "chain.title",
    "app_pages/accounts.py": "accounts.title",
    "app_pages/group.py": "group.title",
    "app_pages/portfolio.py": "portfolio.title",
    "app_pages/claims.py": "claims.title",
    "app_pages/onboarding.py": "onboarding.title",
    "app_pages/import_data.py": "import.title",
}
PAGES = list(PAGE_TITLES)
LANGUAGE_CODES = {"English": "en", "简体中文": "zh"}


def open_app() -> AppTest:
    app = AppTest.from_file("../../app.py", default_timeout=120)
    app.run()
    return app


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("language", ["English", "简体中文"])
@pytest.mark.usefixtures("app_env")
def test_page_loads_without_exception(page: str, language: str) -> None:
    app = open_app()
    app.sidebar.radio[0].set_value(language).run()
    app.switch_page(page).run()
    assert not app.exception
    assert not [e.value for e in app.error if "not available" in e.value or "went wrong" in e.value]
    assert app.title[0].value == catalog(LANGUAGE_CODES[language])[PAGE_TITLES[page]].string
    tables = [frame.value for frame in app.dataframe]
    assert any(len(table) > 0 for table in tables), "every page shows the demo's data in a table"
    assert not any(str(cell) == "None" for table in tables for cell in table.to_numpy().ravel())
    if page.endswith("import_data.py"):
        assert app.get("file_uploader"), "the Import page offers its uploader"


@pytest.mark.usefixtures("app_env")
def test_first_start_loads_the_demo_and_the_sidebar_counts_it() -> None:
    app = open_app()
    sidebar_text = [t.value for t in app.sidebar.text]
    contacts = next(t for t in sidebar_text if t.startswith("Contacts: "))
    assert int(contacts.removeprefix("Contacts: ").replace(",", "")) >= 300
    assert app.dataframe[0].value["contacts"].sum() >= 300


@pytest.mark.usefixtures("app_env")
def test_language_switch_changes_ui_text() -> None:
    app = open_app()
    assert app.title[0].value == "Overview"
    app.sidebar.radio[0].set_value("简体中文").run()
    assert app.title[0].value == "概览"


@pytest.mark.usefixtures("app_env")
def test_accounts_lists_people_of_the_chosen_company() -> None:
    app = open_app()
    app.switch_page("app_pages/accounts.py").run()
    group_box = app.selectbox[0]
    assert len(group_box.options) >= 3
    company_box = app.selectbox[1]
    company_box.select_index(1).run()
    people = app.dataframe[1].value
    assert len(people) > 0
    assert people["company"].nunique() == 1


@pytest.mark.usefixtures("store_down_env")
def test_store_down_shows_a_message_not_a_traceback() -> None:
    app = open_app()
    assert not app.exception
    assert "The graph store is not available: store unreachable at bolt://127.0.0.1:" in app.error[0].value


@pytest.mark.usefixtures("app_env")
def test_roles_and_stances_read_in_chinese() -> None:
    app = AppTest.from_file("../../app.py", default_timeout=120)
    app.session_state["language"] = "简体中文"  # as the sidebar switch leaves it
    app.switch_page("app_pages/accounts.py").run()
    assert app.title[0].value == "客户"
    people = app.dataframe[1].value
    assert "拍板人" in set(people["buying_role"]) and "economic_buyer" not in set(people["buying_role"])


@pytest.mark.usefixtures("app_env")
def test_accounts_show_the_group_as_a_tree_and_no_empty_cell_says_none() -> None:
    app = open_app()
    app.switch_page("app_pages/accounts.py").run()
    app.selectbox[0].set_value("co-hd-hq").run()
    tree = app.dataframe[0].value
    assert tree["id"].iloc[0] == "co-hd-hq" and not tree["name"].iloc[0].startswith("\u3000")
    depths = [len(re.match(r"^((?:\u3000\u3000)*)└ ", name).group(1)) // 2 for name in tree["name"].iloc[1:]]  # type: ignore[union-attr]
    assert min(depths) == 1 and max(depths) >= 1
    config = json.loads(app.dataframe[0].proto.columns)
    assert {config[k]["type_config"].get("format") for k in ("employees", "contacts")} == {COUNT_FORMAT}, "12,000"
    for frame in app.dataframe:
        cells = set(frame.value.astype(str).to_numpy().ravel())
        assert not cells & {"None", "nan", "[]"}, cells & {"None", "nan", "[]"}


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.usefixtures("app_env")
def test_no_slider_offers_a_share_as_a_decimal(page: str) -> None:
    """Shares and weights read as percents in every table and history line, so their sliders do too."""
    app = open_app()
    app.switch_page(page).run()
    decimal = [s.label for s in app.slider if not isinstance(s.max, tuple) and float(s.max) <= 1.0]
    assert not decimal, f"sliders over 0–1: {decimal}"
