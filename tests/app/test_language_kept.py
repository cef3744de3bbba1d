"""The chosen language survives page jumps, reloads and links, and switching it keeps every choice on a page.

Streamlit drops a widget's value when a run ends without drawing it, and a
widget whose identity includes its (translated) label or options is a new
widget after a switch: both are what these tests catch, on every page.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.test_pages import PAGES

pytestmark = pytest.mark.app


def _app(**query: str) -> AppTest:
    app = AppTest.from_file("../../app.py", default_timeout=120)
    for name, value in query.items():
        app.query_params[name] = value
    app.run()
    assert not app.exception
    return app


def _in_chinese(app: AppTest) -> AppTest:
    app.sidebar.radio(key="language_switch").set_value("简体中文").run()
    assert not app.exception
    return app


@pytest.mark.parametrize(
    ("page", "button", "title"),
    [("app_pages/portfolio.py", "open_group", "集团拓展"), ("app_pages/group.py", "open_chain", "决策链")],
)
@pytest.mark.usefixtures("app_env")
def test_a_jump_to_another_page_stays_in_chinese(page: str, button: str, title: str) -> None:
    app = _in_chinese(_app())
    app.switch_page(page).run()
    app.button(key=button).click().run()
    assert not app.exception
    assert app.title[0].value == title, "the page jumped to, in Chinese"
    assert app.sidebar.radio(key="language_switch").value == "简体中文"


@pytest.mark.usefixtures("app_env")
def test_the_language_comes_from_the_address_and_is_written_back_to_it() -> None:
    app = _app(lang="zh")
    assert app.title[0].value == "概览"
    app.sidebar.radio(key="language_switch").set_value("English").run()
    assert app.title[0].value == "Overview" and app.query_params["lang"] == "en"


def _choices(app: AppTest) -> dict[str, Any]:
    """Every choice a page's widgets hold, by widget key (a widget without a key has no identity to keep)."""
    widgets = [
        *app.selectbox, *app.multiselect, *app.radio, *app.toggle, *app.checkbox, *app.slider,
        *app.date_input, *app.number_input, *app.text_input, *app.text_area,
    ]  # fmt: skip
    unkeyed = [w.label for w in widgets if not w.key]
    assert not unkeyed, f"widgets without a key: {unkeyed}"
    return {_unworded(str(w.key)): w.value for w in widgets if w.key != "language_switch"}


def _unworded(key: str) -> str:
    """A key without the language a worded widget's key ends in (``ui.worded_choices``): the same choice."""
    return re.sub(r"\.(en|zh)$", "", key)


def _pick_the_second_option(app: AppTest) -> None:
    """Move every selectbox that has a second option to it, one rerun each, as a user would."""
    for key in [str(s.key) for s in app.selectbox if s.key]:
        if key not in {s.key for s in app.selectbox}:
            continue  # an earlier choice took it away (another contact's form)
        box = app.selectbox(key=key)
        if len(box.options) > 1 and box.index != 1:
            box.select_index(1).run()
            assert not app.exception


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.usefixtures("app_env")
def test_switching_language_keeps_every_choice_on_the_page(page: str) -> None:
    app = _app()
    app.switch_page(page).run()
    _pick_the_second_option(app)
    before = _choices(app)
    _in_chinese(app)
    assert _choices(app) == before
