"""The Onboarding page: the digest of an inherited demo account, its exports, and a handover that writes."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from graph.servers.connect import open_store
from ingest.demo_ids import CHINESE_GROUP_ID, DEMO_TODAY
from tests.app.driver import open_page

pytestmark = pytest.mark.app


def open_onboarding(language: str = "English") -> AppTest:
    app = open_page("app_pages/onboarding.py", language)
    app.selectbox[0].set_value(CHINESE_GROUP_ID).run()
    app.selectbox[1].set_value("co-hd-jx").run()
    app.selectbox[2].set_value("rep-li").run()
    app.date_input[0].set_value(DEMO_TODAY).run()
    assert not app.exception
    return app


@pytest.mark.usefixtures("app_env")
def test_digest_of_the_departed_reps_account() -> None:
    app = open_onboarding()
    assert any("赵建国" in c.value for c in app.caption)  # the previous owner, who left
    first = app.dataframe[0].value
    assert len(first) == 5 and first["why_first"].str.len().min() > 0
    handover = next(d.value for d in app.dataframe if "from_rep" in d.value.columns)
    assert set(handover["from_rep"]) == {"赵建国"}
    assert list(handover["importance"]) == sorted(handover["importance"], reverse=True)


@pytest.mark.usefixtures("app_env")
def test_digest_in_chinese() -> None:
    app = open_onboarding("简体中文")
    assert app.title[0].value == "新人接手与客户交接"
    assert any(s.value == "优先拜访这五位" for s in app.subheader)


@pytest.mark.usefixtures("import_env")
def test_handover_marks_the_rep_left_and_moves_the_deal() -> None:
    app = open_onboarding()
    app.selectbox(key="leaving_rep").set_value("rep-sun").run()
    app.selectbox(key="successor_co-sj").set_value("rep-ma").run()
    app.button(key="hand_over").click().run()
    assert not app.exception
    assert any("marked as left" in s.value for s in app.success)
    store = open_store()
    try:
        assert store.runner.read("MATCH (r:Rep {id: $id}) RETURN r.status AS s", {"id": "rep-sun"}) == [{"s": "left"}]
        owners = store.runner.read("MATCH (o:Opportunity {company_id: $c}) RETURN o.owner_id AS o", {"c": "co-sj"})
        assert {row["o"] for row in owners} == {"rep-ma"}
    finally:
        store.close()


@pytest.mark.usefixtures("app_env")
def test_print_draws_the_print_page_only_on_its_click() -> None:
    app = open_onboarding("简体中文")
    assert app.button(key="onboarding_print").label == "打印或另存为 PDF"
    assert not [e for e in app.get("iframe") if "print-bar" in str(e.proto)]
    app.button(key="onboarding_print").click().run()
    assert not app.exception
    printed = [str(e.proto) for e in app.get("iframe") if "print-bar" in str(e.proto)]
    assert len(printed) == 1 and "重新打开打印窗口" in printed[0] and "优先拜访这五位" in printed[0]
