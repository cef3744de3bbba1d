"""The claims desk in the app, on a graph of its own: file, refuse, release, the pool, settle, the policy.

Decisions are made today (the page allows no other day), on the demo as it
stands a month after its day: every demo claim has lapsed, and the collision
of 陈辉 inside 孙丽's claim still waits for a manager.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from graph.analysis.claim_book import claims_report
from graph.config.claim_policy_file import load_policy
from graph.config.settings import Settings
from graph.domain.claim_records import Claim
from graph.domain.keys import node_key
from graph.servers.connect import open_store
from ingest.demo_ids import COLLISION_COMPANY_ID, DEMO_TODAY
from tests.app.conftest import WRITER
from tests.app.driver import open_page

pytestmark = [pytest.mark.app, pytest.mark.usefixtures("import_env")]
TODAY = dt.date.today()
HQ = "co-hd-hq"


@pytest.fixture
def policy_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "claim-policy.toml"
    monkeypatch.setenv("KAGRAPH_CLAIM_POLICY", str(path))
    return path


def shown(markdown: str) -> str:
    return markdown.replace("\\", "")


def table_with(app: AppTest, column: str) -> pd.DataFrame:
    return next(d.value for d in app.dataframe if column in d.value.columns)


def live_claim(company: str, rep: str) -> str:
    """The id of the live claim ``rep`` holds on ``company`` today, read from the store the app writes to."""
    store = open_store(Settings())
    try:
        report = claims_report(store.subgraphs.claims(), TODAY)
    finally:
        store.close()
    (found,) = [c.id for c in report.claims if (c.company_id, c.rep_id, c.status) == (company, rep, "live")]
    return found


def file(app: AppTest, company: str, rep: str) -> AppTest:
    app.selectbox(key="claims.file.company").set_value(company)
    app.selectbox(key="claims.file.rep").set_value(rep)
    app.button(key="claims.file.send").click().run()
    assert not app.exception
    return app


def test_a_claim_is_granted_then_a_second_refused_naming_the_holder(policy_file: Path) -> None:
    app = open_page("app_pages/claims.py")
    until = TODAY + dt.timedelta(days=13)
    file(app, HQ, "rep-li")
    assert [shown(s.value) for s in app.success] == [
        f"Granted: 李娜 holds 华东电网集团有限公司 with all its branches until {until}."
    ]
    file(app, "co-hd-nb", "rep-chen")
    assert [shown(w.value) for w in app.warning] == [f"Refused: protected by 李娜 (direct) until {until}"]
    claims = table_with(app, "expires_on")
    assert list(claims["holder"][:2]) == ["陈辉", "李娜"] and list(claims["status"][:2]) == ["refused", "live"]


def test_release_returns_the_enterprise_to_the_pool(policy_file: Path) -> None:
    app = file(open_page("app_pages/claims.py"), HQ, "rep-li")
    app.selectbox(key="claims.release.pick").set_value(live_claim(HQ, "rep-li"))
    app.button(key="claims.release.send").click().run()
    assert [shown(s.value) for s in app.success] == ["Released: 华东电网集团有限公司 is back in the pool from today."]
    pool = table_with(app, "last_holder")
    assert pool.iloc[0].to_dict() == {
        "covers": "华东电网集团有限公司 with all its branches",
        "since": TODAY,
        "how": "released",
        "last_holder": "李娜",
    }
    file(app, HQ, "rep-li")
    assert "may claim it again from" in shown(app.warning[0].value)


def test_a_manager_settles_the_demo_collision_with_a_split(policy_file: Path) -> None:
    app = open_page("app_pages/claims.py")
    held = Claim(
        company_id=COLLISION_COMPANY_ID, rep_id="rep-sun", channel="telesales", claimed_on=DEMO_TODAY - dt.timedelta(22)
    )
    app.selectbox(key="claims.settle.pick.en").set_value(f"{held.id}|rep-chen")
    app.radio(key="claims.settle.decision.en").set_value("split").run()
    (preview,) = [shown(c.value) for c in app.caption if "The proposed split comes from" in c.value]
    # The split says what it is computed from: each rep's touches, who made first contact, the deals won.
    holder, other = re.findall(r"- (孙丽|陈辉) (\d+)%: (.+)", preview)
    assert holder[0] == "孙丽" and re.fullmatch(r"\d+ touches, first contact on \d{4}-\d\d-\d\d", holder[2])
    assert other[0] == "陈辉" and re.fullmatch(r"\d+ touch(es)?", other[2])
    assert int(holder[1]) + int(other[1]) in (99, 100, 101)  # whole percents, each rounded
    app.button(key="claims.settle.button").click().run()
    assert [shown(s.value) for s in app.success] == ["Settled: split the credit."]
    disputes = table_with(app, "settlement")
    row = disputes[disputes["other_rep"] == "陈辉"].iloc[0]
    assert (row["holder"], row["settlement"]) == ("孙丽", "split the credit")


def test_sales_ops_save_the_policy_in_one_file(policy_file: Path) -> None:
    app = open_page("app_pages/claims.py")
    app.number_input(key="policy.tier1.days").set_value(30)
    app.number_input(key="policy.default.cap").set_value(20)
    app.button(key="claims.policy.save").click().run()
    assert [shown(s.value) for s in app.success] == ["The policy is saved."]
    saved = load_policy(policy_file)
    assert (saved.rule(1).days, saved.rule(1).cap, saved.rule(2).days, saved.rule(2).cap) == (30, 20, 14, 20)
    assert app.number_input(key="policy.tier1.days").value == 30


def test_nothing_is_decided_on_another_day_than_today(policy_file: Path) -> None:
    app = open_page("app_pages/claims.py")
    app.date_input(key="claims.as_of").set_value(DEMO_TODAY).run()
    assert app.button(key="claims.file.send").disabled
    assert any(f"You are looking at {DEMO_TODAY}" in i.value for i in app.info)


def test_the_decision_chain_files_a_claim_and_shows_its_holder(policy_file: Path) -> None:
    app = open_page("app_pages/decision_chain.py")
    app.selectbox[0].set_value(HQ).run()
    app.selectbox(key=f"claim.{HQ}.rep").set_value("rep-zhou").run()
    app.button(key=f"claim.{HQ}.file").click().run()
    until = TODAY + dt.timedelta(days=13)
    assert any("Granted: 周杰 holds" in shown(s.value) for s in app.success)
    assert any(f"Claim (报备): 周杰 (direct) until {until}" in shown(m.value) for m in app.markdown)
    store = open_store(Settings())
    try:
        (change,) = store.history.changes_about([node_key("Claim", live_claim(HQ, "rep-zhou"))])
    finally:
        store.close()
    assert (change.who, change.source, change.action.english) == (WRITER, "claim", "file a claim")


def test_a_bad_policy_file_stops_the_desk_naming_the_setting_not_its_path(policy_file: Path) -> None:
    policy_file.write_text('[default]\ndays = "forever"\n', encoding="utf-8")
    for language, words in (("English", "KAGRAPH_CLAIM_POLICY"), ("简体中文", "报备规则文件无法使用")):
        app = open_page("app_pages/claims.py", language)
        errors = [error.value for error in app.error]
        assert len(errors) == 1 and words in errors[0] and "KAGRAPH_CLAIM_POLICY" in errors[0], errors
        shown = " ".join([*errors, *(m.value for m in app.markdown), *(c.value for c in app.caption)])
        assert str(policy_file) not in shown and "claim-policy.toml" not in shown and "forever" not in shown
        assert not app.selectbox and not app.dataframe
