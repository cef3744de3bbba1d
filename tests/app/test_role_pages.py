"""Sign-in and roles through the real pages: who a token makes you, and whose name a page lets you act in.

The app runs with ``[auth]`` configured and AppTest's signed-in user, on the
demo. 李娜 (``rep-li``) is a rep of 华东大客户部 under 王磊 (``rep-wang``); an
access file can make her the team's lead, which puts her own manager in the
team she leads: the case where a lead could act on their manager.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from ingest.demo_ids import CHINESE_GROUP_ID
from tests.app.test_access_pages import AUTH, page_text

pytestmark = pytest.mark.app
OPS = "ops@example.com"
LI = "li@example.com"


def access_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> Path:
    path = tmp_path / "access.toml"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setenv("KAGRAPH_ACCESS", str(path))
    return path


def signed_in_as(claims: dict[str, Any], language: str = "English") -> AppTest:
    app = AppTest.from_file("../../app.py", default_timeout=120)
    app.secrets["auth"] = AUTH
    app.session_state["language"] = language
    app.user = {"is_logged_in": True, **claims}
    app.run()
    assert not app.exception
    return app


def verified(address: str) -> dict[str, Any]:
    return {"email": address, "email_verified": True, "sub": f"sub-{address}", "name": address.split("@")[0]}


@pytest.mark.parametrize(
    "claims",
    [
        {"name": OPS, "sub": "spoofer"},  # no e-mail at all: the name is the person's own words
        {"email": OPS, "email_verified": False, "sub": "spoofer"},
        {"email": OPS, "sub": "spoofer"},  # the provider asserts nothing
    ],
    ids=["name only", "unverified", "verified missing"],
)
@pytest.mark.usefixtures("app_env")
def test_a_sign_in_without_a_verified_email_gets_the_no_access_page(
    claims: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    access_file(tmp_path, monkeypatch, f'[users."{OPS}"]\nrole = "ops"\n')
    app = signed_in_as(claims)
    assert "no e-mail address your identity provider has verified" in app.warning[0].value
    assert any("spoofer" in c.value for c in app.caption)  # the subject id to give sales ops
    assert not app.dataframe and not app.selectbox and not app.metric and not app.title
    assert OPS not in page_text(app, [])
    chinese = signed_in_as(claims, "简体中文")
    assert "无法确认你的身份" in chinese.warning[0].value


@pytest.mark.usefixtures("app_env")
def test_a_subject_the_access_file_names_signs_in_as_its_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    access_file(tmp_path, monkeypatch, f'[users."{OPS}"]\nrole = "ops"\nsub = "ops-subject"\n')
    app = signed_in_as({"sub": "ops-subject", "name": "Whoever"})
    assert not app.warning
    assert any(OPS in t.value for t in app.sidebar.text)
    stolen = signed_in_as(verified(OPS))  # the address, verified, but another subject than the line's
    assert "no e-mail address your identity provider has verified" in stolen.warning[0].value


@pytest.mark.usefixtures("app_env")
def test_a_bad_access_file_stops_every_page_without_showing_its_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = access_file(tmp_path, monkeypatch, f'[users."{OPS}"]\nrole = "boss"\n')
    for claims in (verified(LI), verified(OPS)):
        app = signed_in_as(claims)
        assert "The access file cannot be used (setting KAGRAPH_ACCESS)" in app.error[0].value
        shown = page_text(app, [])
        assert str(path) not in shown and "access.toml" not in shown and "boss" not in shown
        assert not app.dataframe and not app.selectbox


@pytest.mark.usefixtures("app_env")
def test_a_lead_is_not_offered_themselves_or_their_manager_to_hand_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    access_file(tmp_path, monkeypatch, f'[users."{LI}"]\nrole = "lead"\n')
    app = signed_in_as(verified(LI))
    app.switch_page("app_pages/onboarding.py").run()
    assert not app.exception
    leaving = app.selectbox(key="leaving_rep")
    assert set(leaving.options) == {"周杰", "徐静", "何勇"}  # 华东大客户部 without 李娜 and her manager 王磊
    leaving.set_value("rep-zhou").run()
    successors = [s for s in app.selectbox if str(s.key).startswith("successor_")]
    assert successors and all(set(s.options) == {"李娜", "徐静", "何勇"} for s in successors)


@pytest.mark.usefixtures("app_env")
def test_a_rep_records_ties_and_touches_only_in_their_own_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    access_file(tmp_path, monkeypatch, f'[users."{OPS}"]\nrole = "ops"\n')
    app = signed_in_as(verified(LI))
    app.switch_page("app_pages/decision_chain.py").run()
    app.selectbox[0].set_value(CHINESE_GROUP_ID).run()
    app.selectbox[1].set_value("co-hd-hz").run()
    assert not app.exception
    pickers = [s for s in app.selectbox if str(s.key).startswith(("ours.", "touch.")) and str(s.key).endswith(".rep")]
    assert len(pickers) == 2 and all(s.options == ["李娜"] for s in pickers)
    lead = signed_in_as(verified("ma@example.com"))  # 马超 leads Telesales
    lead.switch_page("app_pages/decision_chain.py").run()
    lead_pickers = [s for s in lead.selectbox if str(s.key).startswith("ours.") and str(s.key).endswith(".rep")]
    assert lead_pickers and set(lead_pickers[0].options) == {"马超", "孙丽", "高鹏"}
