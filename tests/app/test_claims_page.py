"""The Claims page on the demo data: seed 000's collision, the protection search, the credit split."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from ingest.demo_ids import DEMO_TODAY
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
    collisions = table_with(app, "contact")
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
    assert sorted(live["holder"]) == ["孙丽", "王磊"]
    sun = claims[claims["holder"] == "孙丽"].iloc[0]
    assert sun["reason"] == "protected until 2026-11-02, renewed after progress on 2026-10-20 (approve)"


def test_search_says_who_protects_a_company_in_any_spelling() -> None:
    app = open_claims()
    app.text_input(key="protection_query").set_value("苏州精工机械股份有限责任公司").run()
    assert any("protected by 孙丽 (telesales) until 2026-11-02" in shown(w.value) for w in app.warning)
    app.text_input(key="protection_query").set_value("northwind logistics").run()
    assert any("not protected" in shown(s.value) for s in app.success)


def test_search_for_a_group_lists_its_headquarters_first() -> None:
    app = open_claims()
    app.text_input(key="protection_query").set_value("华东电网").run()
    answers = [shown(w.value) for w in app.warning]
    # One answer for the enterprise, naming the companies matched and what the one claim covers.
    assert answers == [
        "华东电网集团有限公司, 华东电网丽水供电分公司, 华东电网台州供电分公司 and 7 more: "
        "protected by 王磊 (direct) until 2026-11-04; the claim covers 华东电网集团有限公司 with all its branches"
    ]


def test_a_free_enterprise_offers_one_claim_for_all_its_companies() -> None:
    app = open_claims()
    app.text_input(key="protection_query").set_value("Northwind").run()
    assert len(app.success) == 1 and "one claim covers" in shown(app.success[0].value)
    assert [b.label for b in app.button if str(b.key).startswith("claims.search.claim.")] == [
        b.label for b in app.button if b.key == "claims.search.claim.0"
    ]


def test_what_needs_attention_on_the_demo_day() -> None:
    app = open_claims()
    lines = [shown(m.value) for m in app.markdown]
    assert any("苏州精工" in line and "孙丽's claim protects until 2026-11-02" in line for line in lines)
    assert any("陈辉 (partner) and holder 孙丽 — collision" in line for line in lines)
    assert any("Northwind" in line and "back in the pool since 2026-10-26 (lapsed" in line for line in lines)
    app.selectbox(key="claims.attention.for.en").set_value("rep-emma").run()
    lines = [shown(m.value) for m in app.markdown]
    assert not any("孙丽's claim" in line for line in lines)


def test_credit_split_adds_up_to_the_whole() -> None:
    app = open_claims()
    shares = table_with(app, "total")
    assert shares["total"].sum() == pytest.approx(1.0)
    assert shares.set_index("name")["total"].idxmax() == "direct"


def test_claims_page_in_chinese() -> None:
    app = open_claims("简体中文")
    assert app.title[0].value == "报备与撞单"
    assert "保护中" in set(table_with(app, "expires_on")["status"])
    reasons = set(table_with(app, "expires_on")["reason"])
    assert "保护至 2026-11-02，因 2026-10-20 的推进（立项）续期" in reasons


def test_the_collision_shows_on_the_decision_chain_map() -> None:
    app = open_page("app_pages/decision_chain.py")
    app.selectbox[0].set_value("co-sj").run()
    app.date_input[0].set_value(DEMO_TODAY).run()
    assert any("Collisions (撞单) on 1 of the people here" in w.value for w in app.warning)
    (frame,) = list(app.get("iframe"))
    note = "collision (撞单): 陈辉 (partner) made a visit on 2026-10-20 inside the claim of 孙丽 (telesales)"
    assert json.dumps(note)[1:-1] in frame.proto.srcdoc  # the map's data is JSON with non-ASCII escaped
    banner = "Claim (报备): 孙丽 (telesales) until 2026-11-02"
    assert any(banner in shown(m.value) for m in app.markdown)
