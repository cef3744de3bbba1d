"""The decision chain's ways in under a rep's limits: opponents avoided and at most N hops, kept in either language."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from ingest.demo_ids import CHINESE_GROUP_ID
from tests.app.driver import open_page

pytestmark = [pytest.mark.app, pytest.mark.usefixtures("app_env")]

BRANCH, TARGET = "co-hd-sx", "ct-hd-sx-013"
"""A demo branch, and a contact of it whom every way in reaches through someone who opposes us."""


def ways_in(app: AppTest) -> list[str]:
    """The numbered path sentences, their captions and warnings, in page order."""
    texts = [m.value for m in app.markdown if m.value.startswith("**")]
    return [text.replace("\\", "") for text in texts + [c.value for c in app.caption] + [w.value for w in app.warning]]


def on_target(language: str = "English") -> AppTest:
    app = open_page("app_pages/decision_chain.py", language)
    app.selectbox[0].set_value(CHINESE_GROUP_ID).run()
    app.selectbox(key=f"chain_company_{CHINESE_GROUP_ID}").set_value(BRANCH).run()
    app.selectbox(key=f"chain_target_{BRANCH}_None").set_value(TARGET).run()
    assert not app.exception
    return app


def test_a_way_in_only_through_an_opponent_is_offered_marked() -> None:
    app = on_target()
    assert app.toggle(key="chain_avoid_opponents").value is True
    assert app.number_input(key="chain_max_hops").value == 3
    shown = ways_in(app)
    assert any(text.startswith("No way in keeps to these limits") for text in shown), shown
    assert any("Every way in passes an opponent." in text for text in shown)
    assert any(text.startswith("**1.**") for text in shown)


def test_allowing_opponents_drops_the_mark_and_names_them_and_a_switch_keeps_it() -> None:
    app = on_target()
    app.toggle(key="chain_avoid_opponents").set_value(False).run()
    app.number_input(key="chain_max_hops").set_value(4).run()
    shown = ways_in(app)
    assert not any("Every way in passes an opponent." in text for text in shown)
    assert any("passes an opponent: " in text for text in shown)
    app.sidebar.radio(key="language_switch").set_value("简体中文").run()
    assert not app.exception
    assert app.toggle(key="chain_avoid_opponents").value is False
    assert app.number_input(key="chain_max_hops").value == 4
    assert app.toggle(key="chain_avoid_opponents").label == "避开反对者"
    assert any("经过反对者：" in text for text in ways_in(app))
