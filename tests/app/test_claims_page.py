"""The Claims page on the demo data: seed 000's collision, the protection search, the credit split."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from ingest.demo import DEMO_TODAY
from tests.app.driver import open_page

pytestmark = [pytest.mark.app, pytest.mark.usefixtures("app_env")]


def open_claims(language: str = "English") -> AppTest:
    app = open_page("app_pages/claims.py", language)
    app.date_input[0].set_value(DEMO_TODAY).run()
    assert not app.exception
    return app


def table_with(app: AppTest, column: str) -> pd.DataFrame:
    return next(d.value for d in app.dataframe if column in d.value.columns)


def shown(markdown: str) -> str:
    """Markdown as the reader sees it (names are escaped with backslashes)."""
    return markdown.replace("\\", "")


def test_the_demo_collision_is_listed() -> None:
    app = open_claims()
    collisions = table_with(app, "other_rep")
    row = collisions[collisions["contact"] == "朱霞娟"].iloc[0]
    assert (row["holder"], row["channel"], row["other_rep"], row["other_channel"]) == (
        "孙丽",
        "telesales",
        "陈辉",
        "partner",
    )
    assert row["date"] == dt.date(2026, 10, 20)
    claims = table_with(app, "expires_on")
    live = claims[claims["status"] == "live"]
    assert list(live["holder"]) == ["孙丽"]


def test_search_says_who_protects_a_company_in_any_spelling() -> None:
    app = open_claims()
    app.text_input(key="protection_query").set_value("苏州精工机械股份有限责任公司").run()
    assert any("protected by 孙丽 (telesales) until 2026-11-07" in shown(w.value) for w in app.warning)
    app.text_input(key="protection_query").set_value("northwind logistics").run()
    assert any("not protected" in shown(s.value) for s in app.success)


def test_a_longer_protection_keeps_more_claims_live() -> None:
    app = open_claims()
    app.number_input[0].set_value(120).run()
    assert int(app.metric[0].value) > 1


def test_credit_split_adds_up_to_the_whole() -> None:
    app = open_claims()
    shares = table_with(app, "total")
    assert shares["total"].sum() == pytest.approx(1.0)
    assert shares.set_index("name")["total"].idxmax() == "直销 Direct"


def test_claims_page_in_chinese() -> None:
    app = open_claims("简体中文")
    assert app.title[0].value == "报备与撞单"
    assert "保护中" in set(table_with(app, "expires_on")["status"])


def test_the_collision_shows_on_the_decision_chain_map() -> None:
    app = open_page("app_pages/decision_chain.py")
    app.selectbox[0].set_value("co-sj").run()
    app.date_input[0].set_value(DEMO_TODAY).run()
    assert any("Collisions (撞单) on 1 of the people here" in w.value for w in app.warning)
    (frame,) = list(app.get("iframe"))
    note = "collision (撞单): 陈辉 (partner) made a visit on 2026-10-20 inside the claim of 孙丽 (telesales)"
    assert json.dumps(note)[1:-1] in frame.proto.srcdoc  # the map's data is JSON with non-ASCII escaped
